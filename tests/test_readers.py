"""Readers: encodings, plain text, Markdown, HTML, DOCX (python-docx) and PDF (WeasyPrint-made)."""

from __future__ import annotations

import html as htmlmod
import io
import re

import pytest

from reportgen.errors import InputError
from reportgen.facts import extract_facts
from reportgen.model import PLAN, REVIEW, Document
from reportgen.readers import decode, read_bytes, read_path
from reportgen.readers.text import read_plain
from tests.conftest import corpus_file


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def headings(doc: Document) -> list[tuple[int, str]]:
    return [(s.level, squash(s.heading)) for s in doc.iter_sections() if s.heading]


def paragraph_texts(doc: Document) -> list[str]:
    return [squash(p.text) for p in doc.paragraphs()]


# --- encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_a_stray_invalid_byte_is_replaced_and_reported(
    encoding: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A copy with one broken byte (a cut-off paste) still reads: the byte becomes U+FFFD and a
    warning names its line. Many broken bytes are still "not a text file"."""
    text = corpus_file("hailar-district_2013_zh.txt").read_text(encoding="utf-8")
    data = text.encode(encoding)
    cut = data.index("过去一年".encode(encoding))
    broken = data[:cut] + b"\xff" + data[cut:]
    with caplog.at_level("WARNING", logger="reportgen.readers"):
        got = decode(broken, source="x.txt")
    assert got.count("\ufffd") == 1 and got.replace("\ufffd", "") == text.replace("\r\n", "\n")
    line = text[: text.index("过去一年")].count("\n") + 1
    (msg,) = [r.getMessage() for r in caplog.records]
    assert msg.startswith("x.txt: 1 invalid ") and msg.endswith(f"(line {line})")
    damaged = bytearray(data)
    damaged[100:4000:40] = b"\xff" * len(damaged[100:4000:40])
    with pytest.raises(InputError, match="not a text file"):
        decode(bytes(damaged), source="x.txt")


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be"]
)
def test_encodings_give_the_same_document(encoding: str) -> None:
    path = corpus_file("hailar-district_2013_zh.txt")
    text = path.read_text(encoding="utf-8")
    reference = read_bytes(text.encode("utf-8"), kind="text", source="ref.txt")
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        # Big-endian with its byte-order mark too (Python's "utf-16" writes little-endian).
        assert decode(b"\xfe\xff" + data) == text.replace("\r\n", "\n")
    assert decode(data) == text.replace("\r\n", "\n")
    doc = read_bytes(data, kind="text", source="x.txt")
    assert headings(doc) == headings(reference)
    assert paragraph_texts(doc) == paragraph_texts(reference)
    assert doc.title == "政府工作报告"


def test_utf16_bom_bytes_are_not_text() -> None:
    with pytest.raises(InputError, match="not a text file"):
        decode(b"\xff\xfe" + bytes(range(256)) * 8)


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 20,
        b"\x89PNG\r\n\x1a\n" + bytes((i * 37) % 256 for i in range(4000)),
        b"PK\x03\x04" + bytes((i * 91 + 7) % 256 for i in range(4000)),
    ],
)
def test_binary_data_is_rejected(data: bytes) -> None:
    with pytest.raises(InputError, match="not a text file"):
        decode(data, source="blob.txt")


def test_empty_and_blank_input_is_rejected() -> None:
    for data in (b"", b"  \n\t\n"):
        with pytest.raises(InputError, match="empty"):
            decode(data)


# --- plain text ------------------------------------------------------------------------------

PLAIN = """\
政 府 工 作 报 告
——2019年3月5日在某区第一届人民代表大会第二次会议上
某区人民政府区长　　王明
各位代表：
一、2018年工作回顾
过去一年，我们完成了地区生产总值120亿元，增长7%。
(一)经济稳步增长.全年实现工业产值50亿元,同比增长8%.
——农业稳定发展。粮食产量达到10万吨。
（二）民生持续改善
城镇新增就业5000人。
二、2019年工作安排
今年力争地区生产总值增长6.5%左右。
（一）加快项目建设。全年计划实施重点项目50个。
"""


def test_plain_text_front_matter_sections_and_run_in_headings() -> None:
    doc = read_plain(PLAIN, source="plain.txt")
    assert doc.title == "政府工作报告"  # the spaced title, justification spaces removed
    assert doc.subtitle.startswith("——2019年3月5日")
    assert doc.byline == "某区人民政府区长 王明"
    assert doc.year == 2019
    review, plan = [s for s in doc.sections if s.heading]
    assert (review.kind, review.year) == (REVIEW, 2018)
    assert (plan.kind, plan.year) == (PLAN, 2019)
    # ASCII parentheses and ASCII full stops still make a run-in heading.
    assert [c.heading for c in review.children] == ["(一)经济稳步增长.", "（二）民生持续改善"]
    assert review.children[0].paragraphs[0].text == "全年实现工业产值50亿元,同比增长8%."
    assert review.children[0].paragraphs[1].text.startswith("——农业稳定发展")
    sub = plan.children[0]
    assert sub.heading == "（一）加快项目建设。"
    assert sub.paragraphs[0].text == "全年计划实施重点项目50个。"
    # Offsets point back into the input.
    for p in doc.paragraphs():
        assert squash(doc.text[p.start : p.end]).endswith(squash(p.text)[-5:])


def test_run_together_front_line_is_split() -> None:
    text = (
        "政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上国务院总理\u2002李强\n"
        "各位代表：\n一、2023年工作回顾\n过去一年完成了目标任务。\n"
    )
    doc = read_plain(text, source="x.txt")
    assert (doc.title, doc.byline) == ("政府工作报告", "国务院总理 李强")
    assert doc.subtitle == "——2024年3月5日在第十四届全国人民代表大会第二次会议上"
    assert doc.year == 2024


# --- Markdown --------------------------------------------------------------------------------

MARKDOWN = """\
---
author: someone
---
# 政府工作报告

*——2023年2月20日在某县人民代表大会上*

## 一、2022年工作回顾 <!-- review 2022 -->

过去一年，全县地区生产总值**完成**85亿元，
增长6.1%。详见[统计公报](https://example.org/x)。

### （一）工业经济

- 新增规上企业12家。
- 工业增加值增长9%。

二、2023年工作安排
-----------------

1. 力争地区生产总值增长7%。

```
code is not report text
```
"""


def test_markdown_headings_lists_and_inline_markup() -> None:
    doc = read_bytes(MARKDOWN.encode(), kind="markdown", source="r.md")
    assert doc.format == "markdown"
    assert doc.title == "政府工作报告"
    assert doc.subtitle == "——2023年2月20日在某县人民代表大会上"
    assert headings(doc) == [
        (1, "一、2022年工作回顾"),
        (2, "（一）工业经济"),
        (1, "二、2023年工作安排"),
    ]
    review = doc.sections[0]
    assert review.kind == REVIEW and review.year == 2022
    # Soft-wrapped CJK lines join without a space; markup and link targets are dropped.
    assert (
        review.paragraphs[0].text
        == "过去一年，全县地区生产总值完成85亿元，增长6.1%。详见统计公报。"
    )
    assert [p.text for p in review.children[0].paragraphs] == [
        "新增规上企业12家。",
        "工业增加值增长9%。",
    ]
    plan = doc.sections[1]
    assert plan.kind == PLAN and [p.text for p in plan.paragraphs] == ["力争地区生产总值增长7%。"]
    assert "code" not in doc.paragraphs()[-1].text


def test_a_table_row_is_never_a_heading_but_a_label_and_tab_is() -> None:
    """A category row of a table (一、第一产业 | 增加值 | 4.1%) stays in its section; a numbered
    heading whose label a tab follows (Word's plain-text export of list numbering) is a heading."""
    page = (
        "<h2>一、2023年工作回顾</h2><p>过去一年，经济总体回升向好。</p><table>"
        "<tr><td>一、第一产业</td><td>增加值</td><td>4.1%</td></tr>"
        "<tr><td>（二）粮食产量</td><td>13908亿斤</td><td>1.3%</td></tr></table>"
        "<p>各方面工作取得新成效。</p>"
    )
    doc = read_bytes(page.encode("utf-8"), kind="html", source="t.html")
    assert headings(doc) == [(1, "一、2023年工作回顾")]
    assert [p.text for p in doc.sections[0].paragraphs][1:3] == [
        "一、第一产业\t增加值\t4.1%",
        "（二）粮食产量\t13908亿斤\t1.3%",
    ]
    text = "政府工作报告\n\n一、\t2023年工作回顾\n\n过去一年，经济总体回升向好。\n\n（一）\t工业经济\n\n工业增加值增长9%。\n"
    assert [
        level for level, _ in headings(read_bytes(text.encode(), kind="text", source="t.txt"))
    ] == [1, 2]


def test_markdown_pipe_table_rows_are_paragraphs_with_their_indicators() -> None:
    """State Council 2024's 2023 figures as a GFM table (aligned delimiter row, an empty cell, an
    escaped pipe): one paragraph a row, the figures named; prose around it untouched."""
    md = (
        "## 一、2023年工作回顾\n\n过去一年，经济总体回升向好。\n\n"
        "| 指标 | 2023年 | 增长 |\n|:---|:---:|---:|\n"
        "| **国内生产总值** | 超过126万亿元 | 5.2% |\n| 城镇新增就业 | 1244万人 | |\n"
        "| 粮食产量 \\| 总产 | 13908亿斤 | 1.3% |\n\n各方面工作取得新成效。\n"
    )
    doc = read_bytes(md.encode("utf-8"), kind="markdown", source="t.md")
    assert [p.text for p in doc.paragraphs()] == [
        "过去一年，经济总体回升向好。",
        "指标\t2023年\t增长",
        "国内生产总值\t超过126万亿元\t5.2%",
        "城镇新增就业\t1244万人",
        "粮食产量 | 总产\t13908亿斤\t1.3%",
        "各方面工作取得新成效。",
    ]
    named = {(f.indicator, f.value, f.unit) for f in extract_facts(doc)}
    assert {("国内生产总值", 1.26e14, "元"), ("城镇新增就业", 1.244e7, "人")} <= named


def test_markdown_round_trip_of_a_corpus_report() -> None:
    from reportgen.writers.outline import to_markdown

    doc = read_path(corpus_file("state-council_2019_zh.txt"))
    back = read_bytes(to_markdown(doc).encode(), kind="markdown", source="r.md")
    assert (back.title, back.subtitle, back.byline) == (doc.title, doc.subtitle, doc.byline)
    assert [(s.heading, s.level, s.kind, s.year) for s in back.iter_sections()] == [
        (s.heading, s.level, s.kind, s.year) for s in doc.iter_sections()
    ]
    assert paragraph_texts(back) == paragraph_texts(doc)


# --- HTML ------------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>某县政府网</title>
<style>p { color: red }</style><script>var s = "<p>不是正文</p>";</script></head>
<body><nav><a href="/">首页</a></nav>
<h2>政府工作报告</h2>
<p class="sub">——2023年2月20日在某县人民代表大会上</p>
<h3>一、2022年工作回顾</h3>
<p>过去一年，全县地区生产总值<b>完成</b>85亿元，
增长6.1%&#xff0c;人均&nbsp;GDP&nbsp;达到5万元。</p>
<h4>（一）工业经济</h4>
<ul><li>新增规上企业12家。</li><li>工业增加值增长9%。</li></ul>
<h3>二、2023年工作安排</h3>
<div>力争增长7%。<br>确保完成节能目标。</div>
<noscript>请启用脚本</noscript>
</body></html>"""


def test_html_headings_paragraphs_and_skipped_elements() -> None:
    doc = read_bytes(HTML.encode("utf-8"), kind="html", source="r.html")
    assert doc.format == "html"
    assert doc.title == "政府工作报告"  # the lone top heading, although it is an <h2>
    assert doc.subtitle.startswith("——2023年2月20日")
    assert headings(doc) == [
        (1, "一、2022年工作回顾"),
        (2, "（一）工业经济"),
        (1, "二、2023年工作安排"),
    ]
    texts = [p.text for p in doc.paragraphs()]
    assert texts[0] == "过去一年，全县地区生产总值完成85亿元，增长6.1%，人均 GDP 达到5万元。"
    assert texts[1:] == [
        "新增规上企业12家。",
        "工业增加值增长9%。",
        "力争增长7%。",
        "确保完成节能目标。",
    ]
    joined = "".join(texts)
    for hidden in ("不是正文", "color", "首页", "请启用脚本", "某县政府网"):
        assert hidden not in joined
    assert [s.kind for s in doc.sections if s.heading] == [REVIEW, PLAN]


def test_html_in_gbk_with_entities() -> None:
    page = "<html><body><h1>一、2013年工作回顾</h1><p>增长&lt;10%&gt;。</p></body></html>"
    doc = read_bytes(page.encode("gbk"), kind="html", source="r.htm")
    assert headings(doc) == [(1, "一、2013年工作回顾")]
    assert doc.paragraphs()[0].text == "增长<10%>。"


# --- DOCX ------------------------------------------------------------------------------------


def _docx_bytes() -> bytes:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    d.add_paragraph("政府工作报告", style="Title")
    d.add_paragraph("——2019年3月5日在第十三届全国人民代表大会第二次会议上")
    d.add_paragraph("国务院总理\u3000李克强")
    d.add_paragraph("各位代表：")
    d.add_heading("一、2018年工作回顾", level=1)
    d.add_paragraph("过去一年，国内生产总值增长6.6%，完成了主要目标任务。")
    d.add_heading("（一）创新和完善宏观调控", level=2)
    d.add_paragraph("积极的财政政策取向不变。")
    # A Normal-styled paragraph that is a heading only through its outline level.
    p = d.add_paragraph("二、2019年经济社会发展总体要求和政策取向")
    ppr = p._p.get_or_add_pPr()
    lvl = OxmlElement("w:outlineLvl")
    lvl.set(qn("w:val"), "0")
    ppr.append(lvl)
    d.add_paragraph("今年力争国内生产总值增长6%—6.5%。")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "城镇新增就业"
    table.cell(0, 1).text = "1100万人以上"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_heading_styles_outline_levels_and_tables() -> None:
    doc = read_bytes(_docx_bytes(), kind="docx", source="r.docx")
    assert doc.format == "docx"
    assert doc.title == "政府工作报告"
    assert doc.subtitle.startswith("——2019年3月5日")
    assert doc.byline == "国务院总理 李克强"
    assert headings(doc) == [
        (1, "一、2018年工作回顾"),
        (2, "（一）创新和完善宏观调控"),
        (1, "二、2019年经济社会发展总体要求和政策取向"),
    ]
    review, plan = [s for s in doc.sections if s.heading]
    assert (review.kind, review.year, plan.kind, plan.year) == (REVIEW, 2018, PLAN, 2019)
    assert review.children[0].paragraphs[0].text == "积极的财政政策取向不变。"
    # A table row is one paragraph, cells joined by a tab: the figure keeps its indicator.
    assert [p.text for p in plan.paragraphs] == [
        "今年力争国内生产总值增长6%—6.5%。",
        "城镇新增就业\t1100万人以上",
    ]
    jobs = [f for f in extract_facts(doc) if f.value == 1.1e7]
    assert [(f.indicator, f.unit, f.qualifier, f.kind) for f in jobs] == [
        ("城镇新增就业", "人", "以上", "target")
    ]


def test_docx_long_table_keeps_every_cell_and_merged_cells_once() -> None:
    """A statistics table of 200 rows: every cell comes back once, in reading order; a cell
    merged across two columns is read once, not once per grid position."""
    import docx

    d = docx.Document()
    d.add_heading("一、2023年工作回顾", level=1)
    table = d.add_table(rows=200, cols=3)
    for r in range(200):
        for c in range(3):
            table.cell(r, c).text = f"第{r}行第{c}列指标数据"
    merged = table.cell(0, 1).merge(table.cell(0, 2))
    merged.text = "合并单元格"
    buf = io.BytesIO()
    d.save(buf)
    doc = read_bytes(buf.getvalue(), kind="docx", source="t.docx")
    texts = [p.text for p in doc.paragraphs()]
    expected = ["\t".join(f"第{r}行第{c}列指标数据" for c in range(3)) for r in range(1, 200)]
    assert texts == ["第0行第0列指标数据\t合并单元格", *expected]


def test_docx_layout_table_of_prose_keeps_its_paragraphs() -> None:
    """A table used for page layout (a side box of paragraphs) is prose, not rows of data."""
    import docx

    paras = read_path(corpus_file("hailar-district_2014_zh.txt")).paragraphs()
    long_a, long_b = [p.text for p in paras if len(p.text) > 80][:2]
    d = docx.Document()
    d.add_heading("一、2013年工作回顾", level=1)
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = long_a
    table.cell(0, 1).text = "专栏"
    table.cell(0, 1).add_paragraph(long_b)
    buf = io.BytesIO()
    d.save(buf)
    texts = [p.text for p in read_bytes(buf.getvalue(), kind="docx", source="t.docx").paragraphs()]
    assert texts == [long_a, "专栏", long_b]


def test_html_table_rows_are_paragraphs_with_their_indicators() -> None:
    """Real figures (State Council 2024, the review of 2023) in a results table, rows with and
    without their closing tags; a layout table of prose stays paragraphs."""
    page = (
        "<h2>一、2023年工作回顾</h2><p>过去一年，经济总体回升向好。</p>"
        "<table><tr><th>指标</th><th>2023年</th><th>增长</th></tr>"
        "<tr><td>国内生产总值</td><td>超过126万亿元</td><td>5.2%</td></tr>"
        "<tr><td>城镇新增就业<td>1244万人<td>"
        "<tr><td>粮食产量</td><td>13908亿斤</td><td>1.3%</td></tr></table>"
        "<table><tr><td><p>过去一年，我们坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，"
        "加快构建新发展格局，着力推动高质量发展。</p><p>各方面工作取得新成效。</p></td>"
        "<td>专栏</td></tr></table>"
    )
    doc = read_bytes(page.encode("utf-8"), kind="html", source="t.html")
    texts = [p.text for p in doc.paragraphs()]
    assert texts[1:5] == [
        "指标\t2023年\t增长",
        "国内生产总值\t超过126万亿元\t5.2%",
        "城镇新增就业\t1244万人",
        "粮食产量\t13908亿斤\t1.3%",
    ]
    assert texts[5:] == [
        "过去一年，我们坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，加快构建新发展格局，"
        "着力推动高质量发展。",
        "各方面工作取得新成效。",
        "专栏",
    ]
    named = {(f.indicator, f.value, f.unit) for f in extract_facts(doc)}
    assert {("国内生产总值", 1.26e14, "元"), ("城镇新增就业", 1.244e7, "人")} <= named
    assert ("粮食产量", 1.3908e12, "斤") in named


def test_truncated_docx_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not a readable DOCX"):
        read_bytes(_docx_bytes()[:4000], kind="docx", source="r.docx")


# --- PDF (made with WeasyPrint, read back with pdfplumber) ------------------------------------

NEWSPAPER_CSS = """
@page { size: A3; margin: 1.5cm;
        @top-right { content: "海拉尔日报  2012年3月1日  第" counter(page) "版"; font-size: 9pt }
        @bottom-center { content: counter(page); font-size: 9pt } }
body { font-family: "Noto Serif CJK SC"; font-size: 10pt; line-height: 1.5 }
.paper { columns: %(columns)d; column-gap: 1.2cm }
h1 { column-span: all; font-family: "Noto Sans CJK SC"; font-size: 28pt; font-weight: bold;
     text-align: center }
.front { column-span: all; text-align: center; font-size: 12pt; text-indent: 0 }
h2 { font-family: "Noto Sans CJK SC"; font-size: 16pt; font-weight: bold; margin: .6em 0;
     %(h2_extra)s }
h3 { font-family: "Noto Sans CJK SC"; font-size: 12pt; font-weight: bold; margin: .4em 0 }
p { text-align: justify; %(p_style)s }
"""


def newspaper_html(doc: Document, *, columns: int, indent: bool = True, span: bool = False) -> str:
    """A report laid out like a newspaper page: headline across the top, text in columns."""
    css = NEWSPAPER_CSS % {
        "columns": columns,
        "p_style": "text-indent: 2em; margin: 0" if indent else "margin: 0 0 .8em 0",
        "h2_extra": "column-span: all" if span else "",
    }
    out = [f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>{css}</style>']
    out.append(f'</head><body><div class="paper"><h1>{htmlmod.escape(doc.title)}</h1>')
    for line in (doc.subtitle, doc.byline):
        if line:
            out.append(f'<p class="front">{htmlmod.escape(line)}</p>')

    def walk(sec) -> None:  # type: ignore[no-untyped-def]
        if sec.heading:
            out.append(f"<h{sec.level + 1}>{htmlmod.escape(sec.heading)}</h{sec.level + 1}>")
        out.extend(f"<p>{htmlmod.escape(p.text)}</p>" for p in sec.paragraphs)
        for child in sec.children:
            walk(child)

    for sec in doc.sections:
        walk(sec)
    out.append("</div></body></html>")
    return "\n".join(out)


def make_pdf(html: str) -> bytes:
    import weasyprint

    return weasyprint.HTML(string=html).write_pdf()


@pytest.fixture(scope="module")
def hailar_2012() -> tuple[Document, bytes]:
    source = read_path(corpus_file("hailar-district_2012_zh.txt"))
    return source, make_pdf(newspaper_html(source, columns=3))


def test_pdf_newspaper_columns_read_back_in_order(hailar_2012: tuple[Document, bytes]) -> None:
    source, pdf = hailar_2012
    doc = read_bytes(pdf, kind="pdf", source="hailar.pdf")
    assert doc.format == "pdf"
    assert doc.title == "政府工作报告"
    assert doc.subtitle.startswith("----2012年2月29日")
    assert doc.byline == "海拉尔区人民政府区长 张天喜"
    # Bold large headlines come back as the same outline, paragraphs in reading order.
    assert headings(doc) == headings(source)
    assert paragraph_texts(doc) == paragraph_texts(source)
    assert [(s.kind, s.year) for s in doc.sections if s.heading] == [
        (REVIEW, 2011),
        (PLAN, 2012),
    ]
    # Paragraphs that ran on into the next column were joined, and the joins are recorded.
    assert any(r.kind == "join_column_break" for r in doc.repairs)
    # No page number or running head leaked into the text.
    assert not any(re.fullmatch(r"\d+", p.text) for p in doc.paragraphs())
    assert "海拉尔日报" not in doc.text


def test_pdf_two_columns_spanning_headlines_spaced_paragraphs() -> None:
    source = read_path(corpus_file("hailar-district_2013_zh.txt"))
    pdf = make_pdf(newspaper_html(source, columns=2, indent=False, span=True))
    doc = read_bytes(pdf, kind="pdf", source="hailar2013.pdf")
    assert headings(doc) == headings(source)
    assert paragraph_texts(doc) == paragraph_texts(source)


def test_pdf_latin_words_keep_their_spaces() -> None:
    html = (
        '<html lang="en"><body style="font-family: \'Noto Sans\'; font-size: 11pt">'
        '<h1 style="font-size: 24pt">Report on the Work of the Government</h1>'
        "<p>Last year the economy grew by 6.6 percent, and 13.61 million urban jobs were added."
        "</p></body></html>"
    )
    doc = read_bytes(make_pdf(html), kind="pdf", source="en.pdf")
    assert doc.title == "Report on the Work of the Government"
    assert doc.paragraphs()[0].text == (
        "Last year the economy grew by 6.6 percent, and 13.61 million urban jobs were added."
    )


def test_pdf_without_text_layer_is_an_input_error() -> None:
    pdf = make_pdf(
        '<html><body><div style="width:5cm;height:5cm;background:#000"></div></body></html>'
    )
    with pytest.raises(InputError, match="no text layer"):
        read_bytes(pdf, kind="pdf", source="scan.pdf")


def test_pdf_single_column_pages_and_block_indented_passages() -> None:
    """Small pages (paragraphs run over page breaks), page numbers in the footer, and every
    fourth paragraph set as a block-indented passage (all its lines start 6 em in)."""
    source = read_path(corpus_file("hailar-district_2014_zh.txt"))
    texts = [p.text for p in source.paragraphs()][:25]
    body = "".join(
        f'<p style="margin-left: 6em; text-indent: 0">{htmlmod.escape(t)}</p>'
        if i % 4 == 3
        else f"<p>{htmlmod.escape(t)}</p>"
        for i, t in enumerate(texts)
    )
    css = (
        '@page { size: A5; margin: 1.5cm; @bottom-center { content: "第" counter(page) "页" } }'
        'body { font-family: "Noto Serif CJK SC"; font-size: 10pt; line-height: 1.6 }'
        "p { text-indent: 2em; margin: 0; text-align: justify }"
    )
    html = f'<html lang="zh-CN"><head><style>{css}</style></head><body>{body}</body></html>'
    doc = read_bytes(make_pdf(html), kind="pdf", source="a5.pdf")
    assert paragraph_texts(doc) == [squash(t) for t in texts]
    assert "第1页" not in doc.text


def test_pdf_bold_body_text_does_not_make_every_line_a_heading() -> None:
    paras = ["过去一年，全区地区生产总值完成253.7亿元，同比增长10.1%。" * 3] * 4
    body = "".join(f"<p>{t}</p>" for t in paras)
    html = (
        '<html lang="zh-CN"><head><style>body { font-family: "Noto Sans CJK SC"; font-weight: bold;'
        " font-size: 11pt } p { text-indent: 2em; margin: 0 } h1 { font-size: 20pt }</style></head>"
        f"<body><h1>一、2013年工作回顾</h1>{body}</body></html>"
    )
    doc = read_bytes(make_pdf(html), kind="pdf", source="bold.pdf")
    assert headings(doc) == [(1, "一、2013年工作回顾")]
    assert paragraph_texts(doc) == [squash(t) for t in paras]


def test_pdf_page_without_text_is_skipped_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    html = (
        '<html lang="zh-CN"><body style="font-family: \'Noto Serif CJK SC\'">'
        "<h1>一、2013年工作回顾</h1><p>全年地区生产总值增长10%。</p>"
        '<div style="break-before: page; width: 5cm; height: 5cm; background: #333"></div>'
        "</body></html>"
    )
    with caplog.at_level("WARNING"):
        doc = read_bytes(make_pdf(html), kind="pdf", source="mixed.pdf")
    assert [p.text for p in doc.paragraphs()] == ["全年地区生产总值增长10%。"]
    assert any("page(s) 2 have no text layer" in r.getMessage() for r in caplog.records)
