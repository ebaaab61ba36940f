"""PDF reader on PDFs from other engines: LibreOffice exports of Word-style DOCX files built from
corpus text (heading styles with list numbering, bold runs, the official-document layout, newspaper
columns), and WeasyPrint pages with the same habits, read back and checked against the input."""

from __future__ import annotations

import html as htmlmod
import io
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from reportgen.model import PLAN, REVIEW, Document
from reportgen.readers import read_bytes, read_path
from tests.conftest import corpus_file

SERIF = "Noto Serif CJK SC"
SANS = "Noto Sans CJK SC"
CJK = r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]"
FULL_WIDTH_PUNCT = "，。、；：？！“”（）《》——"

Item = tuple[str, str]  # (kind, text): kind is title, sub, by, h1, h2 or p


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def corpus_items(name: str, *, group: int = 0) -> list[Item]:
    """A corpus report as the items a DOCX is built from. ``group`` joins the State Council's
    one-sentence-per-line segments into paragraphs of about that many characters (a paragraph
    starts at each —— bullet), as the printed report has them."""
    doc = read_path(corpus_file(name))
    items: list[Item] = [("title", doc.title), ("sub", doc.subtitle), ("by", doc.byline)]

    def paragraphs(texts: list[str]) -> list[str]:
        if not group:
            return texts
        out: list[str] = []
        for t in texts:
            if out and len(out[-1]) + len(t) <= group and not t.startswith("——"):
                out[-1] += t
            else:
                out.append(t)
        return out

    def walk(sec: Any) -> None:
        if sec.heading:
            items.append((f"h{sec.level}", sec.heading))
        items.extend(("p", t) for t in paragraphs([p.text for p in sec.paragraphs]))
        for child in sec.children:
            walk(child)

    for sec in doc.sections:
        walk(sec)
    return [(k, t) for k, t in items if t]


def expected_headings(items: list[Item]) -> list[tuple[int, str]]:
    return [(int(k[1]), squash(t)) for k, t in items if k in ("h1", "h2")]


def expected_paragraphs(items: list[Item]) -> list[str]:
    return [squash(t) for k, t in items if k == "p"]


def headings(doc: Document) -> list[tuple[int, str]]:
    return [(s.level, squash(s.heading)) for s in doc.iter_sections() if s.heading]


def paragraph_texts(doc: Document) -> list[str]:
    return [squash(p.text) for p in doc.paragraphs()]


def assert_same_report(doc: Document, items: list[Item], furniture: list[str]) -> None:
    """Everything that went in comes back, in order and in its place, and nothing else."""
    front = dict(items[:3])
    assert doc.title == squash(front["title"])
    assert doc.subtitle == squash(front["sub"])
    assert squash(doc.byline) == squash(front["by"])
    assert headings(doc) == expected_headings(items)
    assert paragraph_texts(doc) == expected_paragraphs(items)
    # Character for character (full-width punctuation included), nothing lost or added.
    sent = Counter(squash("".join(t for _, t in items)))
    got = Counter(squash(doc.text))
    assert got == sent, (sent - got, got - sent)
    assert {p: got[p] for p in FULL_WIDTH_PUNCT} == {p: sent[p] for p in FULL_WIDTH_PUNCT}
    # No justification or gutter space inside Chinese text, no page furniture in the body.
    for p in doc.paragraphs():
        assert not re.search(f"{CJK} +{CJK}", p.text), p.text
    for text in furniture:
        assert text not in doc.text


# --- DOCX files in the habits of Word, WPS and newspaper desks --------------------------------


def _font(run: Any, name: str, size: float | None = None, bold: bool | None = None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = name
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold


def _style_font(style: Any, west: str, east: str, size: float) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style.font.name = west
    style.font.size = Pt(size)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east)


def _xml(tag: str, **attrs: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), v)
    return el


def _page_field(par: Any, before: str, after: str, *, font: str, size: float) -> None:
    """ "before PAGE after": the page number as a field Word updates on every page."""
    _font(par.add_run(before), font, size)
    fld = _xml("w:fldSimple", instr="PAGE")
    run = _xml("w:r")
    text = _xml("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    par._p.append(fld)
    _font(par.add_run(after), font, size)


def _a4(d: Any, *, top: float = 2.54, bottom: float = 2.54, left: float = 2.6) -> Any:
    from docx.shared import Cm

    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(top), Cm(bottom)
    sec.left_margin = sec.right_margin = Cm(left)
    return sec


def _cn_numbering(d: Any) -> str:
    """A two-level list numbering 一、 and （一） (chineseCounting), each label followed by a
    tab, as Word's multilevel heading lists are set up; returns its numId."""
    numbering = d.part.numbering_part.element
    abstract = _xml("w:abstractNum", abstractNumId="90")
    abstract.append(_xml("w:multiLevelType", val="multilevel"))
    for ilvl, label in ((0, "%1、"), (1, "（%2）")):
        lvl = _xml("w:lvl", ilvl=str(ilvl))
        for tag, val in (
            ("w:start", "1"),
            ("w:numFmt", "chineseCounting"),
            ("w:suff", "tab"),
            ("w:lvlText", label),
            ("w:lvlJc", "left"),
        ):
            lvl.append(_xml(tag, val=val))
        ppr = _xml("w:pPr")
        ppr.append(_xml("w:ind", left="0", firstLine="560"))
        lvl.append(ppr)
        abstract.append(lvl)
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    if first_num is not None:
        first_num.addprevious(abstract)  # abstract definitions precede the w:num list
    else:
        numbering.append(abstract)
    num = _xml("w:num", numId="90")
    num.append(_xml("w:abstractNumId", val="90"))
    numbering.append(num)
    return "90"


def word_styles(items: list[Item]) -> Any:
    """Word defaults a government office keeps: Heading 1/2 styles numbered by a multilevel list
    (一、 and （一） are list labels, not text, followed by a tab), Times New Roman with 仿宋_GB2312
    and 黑体, which are not installed here (LibreOffice substitutes, as on most machines), a title
    page without header, odd and even headers, "第 N 页" footers."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()
    num_id = _cn_numbering(d)
    _style_font(d.styles["Normal"], "Times New Roman", "FangSong_GB2312", 14)
    for level, size in ((1, 16), (2, 14)):
        style = d.styles[f"Heading {level}"]
        _style_font(style, "Times New Roman", "SimHei", size)
        style.font.color.rgb = None
        style.font.bold = level == 2
    sec = _a4(d)
    sec.different_first_page_header_footer = True
    d.settings.odd_and_even_pages_header_footer = True
    for header, text in (
        (sec.header, "2014年政府工作报告"),
        (sec.even_page_header, "海拉尔区人民政府"),
    ):
        header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(header.paragraphs[0].add_run(text), "FangSong_GB2312", 9)
    for footer in (sec.footer, sec.even_page_footer, sec.first_page_footer):
        footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_field(footer.paragraphs[0], "第 ", " 页", font="FangSong_GB2312", size=9)
    for kind, text in items:
        if kind == "title":
            run = d.add_paragraph(style="Title").add_run(text)
            _font(run, "SimHei", 22)
            run.font.color.rgb = None
            d.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind in ("sub", "by"):
            d.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind in ("h1", "h2"):
            level = int(kind[1])
            p = d.add_paragraph(style=f"Heading {level}")
            numpr = _xml("w:numPr")
            numpr.append(_xml("w:ilvl", val=str(level - 1)))
            numpr.append(_xml("w:numId", val=num_id))
            p._p.get_or_add_pPr().insert(0, numpr)
            p.add_run(
                re.sub(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)", "", text)
            )
        else:
            p = d.add_paragraph(text)
            p.paragraph_format.first_line_indent = Pt(28)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    return d


def official(items: list[Item], *, bold_parts: bool = False, distributed: bool = False) -> Any:
    """The official-document layout (GB/T 9704, as WPS templates set it): one size for all text
    (三号, 16 pt) at an exact 28 pt line pitch; parts in 黑体 at body size, not bold (or, with
    ``bold_parts``, parts and sub-sections both bold at body size); sub-sections bold, every other
    one that is a sentence run in before its paragraph; bold lead sentences; a letter-spaced (or distributed) title;
    page numbers "— N —" odd pages right, even pages left, 2.5 cm above the paper's edge, which
    is well inside the bottom tenth of the page."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Cm, Pt

    d = docx.Document()
    normal = d.styles["Normal"]
    _style_font(normal, SERIF, SERIF, 16)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = Pt(28)
    normal.paragraph_format.space_after = Pt(0)
    sec = _a4(d, top=3.7, bottom=3.5, left=2.7)
    sec.footer_distance = Cm(2.5)
    d.settings.odd_and_even_pages_header_footer = True
    for footer, align in (
        (sec.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (sec.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        footer.paragraphs[0].alignment = align
        _page_field(footer.paragraphs[0], "— ", " —", font=SERIF, size=14)
    run_in: str | None = None
    subsections = paragraphs = 0
    for kind, text in items:
        p = None
        if kind == "title":
            p = d.add_paragraph()
            p.paragraph_format.line_spacing = Pt(40)
            run = p.add_run(text)
            _font(run, SANS, 22)
            if distributed:
                p.alignment = WD_ALIGN_PARAGRAPH.DISTRIBUTE
            else:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run._element.get_or_add_rPr().append(_xml("w:spacing", val="440"))  # 1 em
        elif kind in ("sub", "by"):
            p = d.add_paragraph(text)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "h1":
            p = d.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(32)
            _font(p.add_run(text), SERIF if bold_parts else SANS, 16, bold_parts)
        elif kind == "h2":
            subsections += 1
            if subsections % 2 == 0 and text.endswith("。"):  # only a full sentence runs in
                run_in = text
                continue
            p = d.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(32)
            _font(p.add_run(text), SERIF, 16, True)
        else:
            paragraphs += 1
            p = d.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(32)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            if run_in:
                _font(p.add_run(run_in), SERIF, 16, True)
                run_in = None
            lead = re.match(r"[^。；]*[。；]", text)
            if lead and lead.end() < len(text) and (text.startswith("——") or paragraphs % 4 == 0):
                _font(p.add_run(text[: lead.end()]), SERIF, 16, True)
                p.add_run(text[lead.end() :])
            else:
                p.add_run(text)
    return d


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def newspaper(items: list[Item], *, columns: int, masthead: str, parts_across: bool = False) -> Any:
    """A newspaper page from a desk that works in Word: headline, subtitle and byline across the
    page, then the report in ``columns`` columns (continuous section breaks; with
    ``parts_across`` each part headline runs across the page too, and Word balances the columns
    of the section before it), parts and sub-sections as bold runs (no heading styles), column
    rules, the paper's name and date as running head."""
    import docx
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()
    _style_font(d.styles["Normal"], SERIF, SERIF, 10.5)
    d.styles["Normal"].paragraph_format.space_after = Pt(0)
    sec = _a4(d, left=1.8)
    sec.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _font(sec.header.paragraphs[0].add_run(masthead), SERIF, 9)
    sec.footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(sec.footer.paragraphs[0], "", "", font=SERIF, size=9)
    current = 1
    for kind, text in items:
        across = kind in ("title", "sub", "by") or (parts_across and kind == "h1")
        if current != (1 if across else columns):
            current = 1 if across else columns
            sect = d.add_section(WD_SECTION.CONTINUOUS)._sectPr
            cols = sect.find(f"{W}cols")
            if cols is None:
                cols = _xml("w:cols")
                sect.append(cols)
            cols.set(f"{W}num", str(current))
            cols.set(f"{W}space", "425")
            cols.set(f"{W}sep", "1")
        p = d.add_paragraph()
        if kind == "title":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(text), SANS, 26, True)
        elif kind in ("sub", "by"):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(text), SERIF, 10.5)
        elif kind == "h1":
            p.paragraph_format.space_before = Pt(6)
            if parts_across:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(text), SANS, 16 if parts_across else 14, True)
        elif kind == "h2":
            p.paragraph_format.first_line_indent = Pt(21)
            _font(p.add_run(text), SERIF, 10.5, True)
        else:
            p.paragraph_format.first_line_indent = Pt(21)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.add_run(text)
    return d


def writer_document(items: list[Item], notes: dict[int, str]) -> str:
    """A LibreOffice Writer document (flat ODT) with Writer's own habits: outline headings,
    closing punctuation allowed to hang past the right margin (Writer's and Word's default for
    Chinese), footnotes at the foot of the page (``notes``: paragraph number → note, called after
    the paragraph's first sentence), an A5 page with "第 N 页" in the footer."""

    def para(style: str, text: str) -> str:
        return f'<text:p text:style-name="{style}">{text}</text:p>'

    body: list[str] = []
    n = 0
    for kind, text in items:
        t = htmlmod.escape(text, quote=False)
        if kind == "title":
            body.append(para("Title", t))
        elif kind in ("sub", "by"):
            body.append(para("Front", t))
        elif kind in ("h1", "h2"):
            level = kind[1]
            body.append(
                f'<text:h text:style-name="H{level}" text:outline-level="{level}">{t}</text:h>'
            )
        else:
            n += 1
            if n in notes:
                cut = text.index("。") + 1
                note = (
                    f'<text:note text:id="n{n}" text:note-class="footnote"><text:note-citation>'
                    f"{list(notes).index(n) + 1}</text:note-citation><text:note-body>"
                    f"{para('Note', htmlmod.escape(notes[n], quote=False))}</text:note-body>"
                    "</text:note>"
                )
                t = (
                    htmlmod.escape(text[:cut], quote=False)
                    + note
                    + htmlmod.escape(text[cut:], quote=False)
                )
            body.append(para("Body", t))
    office = "urn:oasis:names:tc:opendocument:xmlns"
    serif = f"style:font-family-asian=\"'{SERIF}'\""
    sans = f"style:font-family-asian=\"'{SANS}'\""

    def text_style(name: str, size: float, font: str, extra: str = "", bold: bool = False) -> str:
        weight = ' fo:font-weight="bold" style:font-weight-asian="bold"' if bold else ""
        return (
            f'<style:style style:name="{name}" style:family="paragraph">'
            f"<style:paragraph-properties {extra}/>"
            f'<style:text-properties {font} fo:font-size="{size}pt"'
            f' style:font-size-asian="{size}pt"{weight}/></style:style>'
        )

    styles = "".join(
        (
            text_style("Body", 10.5, serif, 'fo:text-indent="21pt" fo:text-align="justify"'),
            text_style("Front", 10.5, serif, 'fo:text-align="center"'),
            text_style("Title", 22, sans, 'fo:text-align="center" fo:margin-bottom="8pt"', True),
            text_style("H1", 15, sans, 'fo:margin-top="8pt" fo:margin-bottom="4pt"', True),
            text_style("H2", 12, sans, 'fo:margin-top="4pt" fo:margin-bottom="2pt"', True),
            text_style("Note", 8, serif),
            text_style("Foot", 9, serif, 'fo:text-align="center"'),
        )
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="{office}:office:1.0" xmlns:style="{office}:style:1.0"
 xmlns:text="{office}:text:1.0" xmlns:fo="{office}:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>{styles}</office:styles>
<office:automatic-styles><style:page-layout style:name="A5"><style:page-layout-properties
 fo:page-width="14.8cm" fo:page-height="21cm" fo:margin-top="1.5cm" fo:margin-bottom="1.2cm"
 fo:margin-left="1.5cm" fo:margin-right="1.5cm"/><style:footer-style/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A5">
<style:footer><text:p text:style-name="Foot">第 <text:page-number text:select-page="current"/> 页</text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>{"".join(body)}</office:text></office:body></office:document>"""


def writer_notes(items: list[Item]) -> dict[int, str]:
    """Footnotes for every fourth paragraph of ``items``: the first sentences of the report's
    last paragraphs (real text of the right length for a note)."""
    paragraphs = [t for k, t in items if k == "p"]
    firsts = [t[: t.index("。") + 1] for t in reversed(paragraphs) if "。" in t]
    numbers = [i + 1 for i, t in enumerate(paragraphs) if i % 4 == 2 and "。" in t[:-1]]
    return dict(zip(numbers, firsts, strict=False))


# --- tables and footnote calls in a Word document ---------------------------------------------

TABLES_CORPUS = "state-council_2024_zh.txt"
# Footnote calls right after a figure ("增长5.2%¹，" must not read 5.21 %) and after a word, in
# body paragraphs, and on a figure in a table cell (its row's name, the figure).
BODY_CALLS = ("增长5.2%", "居民人均可支配收入增长6.1%", "推进新型工业化")
CELL_CALL = ("居民消费价格上涨", "0.2%")


@dataclass(frozen=True)
class Table:
    """A table set after the paragraph holding ``anchor``: ``rows`` of cell texts, the first a
    header row; ``ruled`` (Word's Table Grid) or with no borders at all; ``tall`` rows make it
    longer than a page, with the header row repeated on the next (Word's "repeat as header")."""

    anchor: str
    rows: tuple[tuple[str, ...], ...]
    ruled: bool
    tall: bool = False
    facts: tuple[Any, ...] = ()  # the report's facts the rows restate, one per row after the header


def indicator_rows(doc: Document, part: int) -> list[tuple[str, str, Any]]:
    """A part's figures as a table of main indicators has them: the clause up to the figure as
    the name (where it names the fact's indicator in a table label's few characters), the
    figure as the report writes it, and the fact itself."""
    from reportgen.facts import extract_facts

    sec = [s for s in doc.sections if s.heading][part]
    ids = {p.id for s in sec.iter_sections() for p in s.paragraphs}
    texts = {p.id: p.text for p in doc.paragraphs()}
    rows = []
    for f in extract_facts(doc):
        if f.paragraph_id in ids:
            name = re.split(r"[，；：。、]", texts[f.paragraph_id][: f.start])[-1]
            if f.indicator in name and len(name) <= 12:
                rows.append((name, f.surface, f))
    return rows


def report_tables() -> list[Table]:
    """A ruled table of the review part's figures (2023 results), longer than a page, after its
    first paragraph with figures; an unruled one of the plan's targets after 主要预期目标是, and
    one of the main targets beside last year's results for the same indicator (blank where
    the review gives none)."""
    doc = read_path(corpus_file(TABLES_CORPUS))
    review = indicator_rows(doc, 0)
    plan = indicator_rows(doc, 1)
    main = [row for row in plan if row[2].paragraph_id == plan[0][2].paragraph_id]
    results = {(f.indicator, f.unit, f.measure): v for _, v, f in review}
    return [
        Table(
            "国内生产总值超过126万亿元",
            (("指标", "2023年"), *((n, v) for n, v, _ in review)),
            ruled=True,
            tall=True,
            facts=tuple(f for _, _, f in review),
        ),
        Table(
            "今年发展主要预期目标是",
            (("指标", "2024年预期目标"), *((n, v) for n, v, _ in plan)),
            ruled=False,
            facts=tuple(f for _, _, f in plan),
        ),
        Table(
            "提出上述预期目标",
            (
                ("指标", "2023年", "2024年预期目标"),
                *((n, results.get((f.indicator, f.unit, f.measure), ""), v) for n, v, f in main),
            ),
            ruled=False,
        ),
    ]


def table_notes(items: list[Item], count: int) -> list[str]:
    """``count`` notes: first sentences of the report's last paragraphs."""
    paragraphs = [t for k, t in items if k == "p"]
    return [t[: t.index("。") + 1] for t in reversed(paragraphs) if "。" in t][:count]


def _note_call(par: Any, cut: int) -> None:
    """A footnote reference after ``cut`` characters of ``par`` (numbered later)."""
    text = par.text
    for run in list(par.runs):
        run._element.getparent().remove(run._element)
    par.add_run(text[:cut])
    ref = _xml("w:r")
    rpr = _xml("w:rPr")
    rpr.append(_xml("w:vertAlign", val="superscript"))
    ref.append(rpr)
    ref.append(_xml("w:footnoteReference", id="0"))
    par._p.append(ref)
    par.add_run(text[cut:])


def tables_and_notes(items: list[Item]) -> Any:
    """The Word-style report (``word_styles``) with its tables of figures and real footnotes
    (w:footnoteReference runs set superscript, and a footnotes part), numbered in the order they
    are called, as Word numbers them."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.shared import Cm

    d = word_styles(items)
    for key in BODY_CALLS:
        par = next(p for p in d.paragraphs if p.style.name == "Normal" and key in p.text)
        _note_call(par, par.text.index(key) + len(key))
    for table in report_tables():
        anchor = next(p for p in d.paragraphs if table.anchor in p.text)
        t = d.add_table(rows=len(table.rows), cols=len(table.rows[0]))
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        if table.ruled:
            t.style = d.styles["Table Grid"]
        else:
            borders = _xml("w:tblBorders")
            for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
                borders.append(_xml(f"w:{side}", val="nil"))
            t._tbl.tblPr.append(borders)
        for r, row in enumerate(table.rows):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
            if row == CELL_CALL:
                cell = t.cell(r, len(row) - 1).paragraphs[0]
                _note_call(cell, len(cell.text))
            if table.tall:
                t.rows[r].height = Cm(2)
        if table.tall:
            t.rows[0]._tr.get_or_add_trPr().append(_xml("w:tblHeader"))
        anchor._p.addnext(t._tbl)
    refs = list(d.element.body.iter(f"{W}footnoteReference"))
    for n, ref in enumerate(refs, start=1):
        ref.set(f"{W}id", str(n))
    body = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>",
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>",
    ]
    small = '<w:rPr><w:sz w:val="18"/></w:rPr>'
    for n, note in enumerate(table_notes(items, len(refs)), start=1):
        body.append(
            f'<w:footnote w:id="{n}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
            f'<w:sz w:val="18"/></w:rPr><w:footnoteRef/></w:r><w:r>{small}'
            f'<w:t xml:space="preserve"> {htmlmod.escape(note, quote=False)}</w:t></w:r></w:p>'
            "</w:footnote>"
        )
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="{W[1:-1]}">'
    part = Part(
        PackURI("/word/footnotes.xml"),
        CONTENT_TYPE.WML_FOOTNOTES,
        (xml + "".join(body) + "</w:footnotes>").encode(),
        d.part.package,
    )
    d.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    return d


WRITER_CORPUS = "hailar-district_2014_zh.txt"
# name: (corpus file, paragraph grouping, builder, page furniture that must not reach the text)
VARIANTS: dict[str, tuple[str, int, Callable[[list[Item]], Any], list[str]]] = {
    "word_styles": (
        "hailar-district_2014_zh.txt",
        0,
        word_styles,
        ["2014年政府工作报告", "海拉尔区人民政府海拉尔", "第1页", "第2页"],
    ),
    "official": ("state-council_2019_zh.txt", 220, official, ["—1—", "—2—", "—12—"]),
    "official_bold": (
        "hailar-district_2014_zh.txt",
        0,
        lambda items: official(items, bold_parts=True, distributed=True),
        ["—1—", "—2—"],
    ),
    "newspaper_2col": (
        "hailar-district_2014_zh.txt",
        0,
        lambda items: newspaper(items, columns=2, masthead="海拉尔日报 2014年2月20日 星期四"),
        ["海拉尔日报", "星期四"],
    ),
    "newspaper_3col_parts_across": (
        "hailar-district_2014_zh.txt",
        0,
        lambda items: newspaper(
            items, columns=3, masthead="呼伦贝尔日报 2014年2月21日", parts_across=True
        ),
        ["呼伦贝尔日报"],
    ),
    "newspaper_2col_parts_across": (
        "state-council_2019_zh.txt",
        220,
        lambda items: newspaper(
            items, columns=2, masthead="人民日报 2019年3月17日 第2版", parts_across=True
        ),
        ["人民日报", "第2版"],
    ),
}


@pytest.fixture(scope="session")
def libreoffice_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Every variant's DOCX converted in one LibreOffice run (a start-up costs seconds)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice not installed (make system-test)")
    pytest.importorskip("docx")
    tmp = tmp_path_factory.mktemp("lo-pdf")
    docs = []
    for name, (corpus, group, build, _) in VARIANTS.items():
        path = tmp / f"{name}.docx"
        build(corpus_items(corpus, group=group)).save(path)
        docs.append(str(path))
    items = corpus_items(WRITER_CORPUS)
    (tmp / "writer.fodt").write_text(writer_document(items, writer_notes(items)), encoding="utf-8")
    docs.append(str(tmp / "writer.fodt"))
    tables_and_notes(corpus_items(TABLES_CORPUS, group=220)).save(tmp / "tables.docx")
    docs.append(str(tmp / "tables.docx"))
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp / 'profile').as_uri()}",  # parallel runs do not collide
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp),
            *docs,
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return {name: (tmp / f"{name}.pdf").read_bytes() for name in [*VARIANTS, "writer", "tables"]}


@pytest.mark.parametrize("name", list(VARIANTS))
def test_libreoffice_pdf_reads_back_as_the_report(
    name: str, libreoffice_pdfs: dict[str, bytes]
) -> None:
    corpus, group, _, furniture = VARIANTS[name]
    items = corpus_items(corpus, group=group)
    doc = read_bytes(libreoffice_pdfs[name], kind="pdf", source=f"{name}.pdf")
    assert doc.format == "pdf"
    assert_same_report(doc, items, furniture)
    # Paragraphs cut by page (and column) breaks were joined, and the joins recorded.
    assert any(r.kind == "join_column_break" for r in doc.repairs)


def test_writer_pdf_footnotes_and_hanging_punctuation(libreoffice_pdfs: dict[str, bytes]) -> None:
    """A Writer document: commas and full stops hung past the right margin keep their lines in
    the column; footnotes come back as paragraphs of their own (with their numbers) after the
    paragraph that was running at the foot of their page, which reads on across the page break
    without them; the superscript numbers that call them are taken out of the text."""
    items = corpus_items(WRITER_CORPUS)
    notes = writer_notes(items)
    assert len(notes) >= 8
    doc = read_bytes(libreoffice_pdfs["writer"], kind="pdf", source="writer.pdf")
    front = dict(items[:3])
    assert (doc.title, doc.subtitle) == (front["title"], front["sub"])
    assert headings(doc) == expected_headings(items)
    # The text layer has each note's number where it is called, and before the note itself;
    # the call is no part of the sentence.
    expected = expected_paragraphs(items)
    note_texts = [squash(f"{k + 1}{note}") for k, note in enumerate(notes.values())]
    # LibreOffice 7.4 leaves out of the PDF some marks it would hang past the margin (an 、, a 。
    # before a note's number; a hung ， is there): the reader returns every character the PDF
    # has but the page numbers, and each paragraph is the input less a few such marks.
    import pdfplumber

    with pdfplumber.open(io.BytesIO(libreoffice_pdfs["writer"])) as pdf:
        in_pdf = Counter(squash("".join(c["text"] for p in pdf.pages for c in p.chars)))
    got_chars = Counter(squash(doc.text))
    assert not got_chars - in_pdf
    assert set(in_pdf - got_chars) <= set("第页0123456789")
    numbers = [r.before[len(r.after) :] for r in _calls(doc)]
    assert numbers == [str(k + 1) for k in range(len(notes))]
    got = [_fill_dropped(t, [*expected, *note_texts]) for t in paragraph_texts(doc)]
    assert sorted(t for t in got if t in note_texts) == sorted(note_texts)
    assert [t for t in got if t not in note_texts] == expected
    for k, number in enumerate(notes):
        # After the paragraph that calls it (at the latest the one running on to the next page).
        assert got.index(note_texts[k]) > got.index(expected[number - 1])
    assert "第1页" not in doc.text and "第2页" not in doc.text
    for p in doc.paragraphs():
        assert not re.search(f"{CJK} +{CJK}", p.text), p.text
    assert any(r.kind == "join_column_break" for r in doc.repairs)


def _fill_dropped(got: str, wanted: list[str], marks: str = "、，。；：") -> str:
    """The paragraph of ``wanted`` that ``got`` is with at most three of ``marks`` left out,
    else ``got`` itself."""
    for want in wanted:
        if len(want) - 3 <= len(got) <= len(want):
            i = 0
            for ch in want:
                if i < len(got) and got[i] == ch:
                    i += 1
                elif ch not in marks:
                    break
            else:
                if i == len(got):
                    return want
    return got


def test_libreoffice_pdf_parts_kinds_and_nesting(libreoffice_pdfs: dict[str, bytes]) -> None:
    """Parts marked only by typeface (黑体 at body size) or by list numbering still open the
    review and plan parts, with their sub-sections nested inside them."""
    cases = (
        ("official", [(REVIEW, 2018), (PLAN, 2019), (PLAN, 2019)]),
        ("word_styles", [(REVIEW, 2013), (PLAN, 2014)]),
        ("official_bold", [(REVIEW, 2013), (PLAN, 2014)]),
    )
    for name, kinds in cases:
        corpus, group, _, _ = VARIANTS[name]
        items = corpus_items(corpus, group=group)
        nesting: list[int] = []
        for kind, _ in items:
            if kind == "h1":
                nesting.append(0)
            elif kind == "h2":
                nesting[-1] += 1
        doc = read_bytes(libreoffice_pdfs[name], kind="pdf", source=f"{name}.pdf")
        parts = [s for s in doc.sections if s.heading]
        assert [(s.kind, s.year) for s in parts] == kinds
        assert [len(s.children) for s in parts] == nesting


# --- the same habits in WeasyPrint pages (no LibreOffice needed) ------------------------------


def make_pdf(html: str) -> bytes:
    import weasyprint

    return weasyprint.HTML(string=html).write_pdf()


def test_page_numbers_set_well_inside_the_page_are_not_text() -> None:
    """Page numbers "— N —" just under the text block (about 12 % above the paper's edge), odd
    pages right and even pages left: not the margin a fixed tenth of the page assumes."""
    source = read_path(corpus_file("hailar-district_2014_zh.txt"))
    texts = [p.text for p in source.paragraphs()][:20]
    css = (
        "@page { size: A5; margin: 1.5cm 1.5cm 2.6cm }"
        '@page :right { @bottom-right { content: "— " counter(page) " —"; vertical-align: top;'
        " font-size: 10pt } }"
        '@page :left { @bottom-left { content: "— " counter(page) " —"; vertical-align: top;'
        " font-size: 10pt } }"
        'body { font-family: "Noto Serif CJK SC"; font-size: 10pt; line-height: 1.6 }'
        "p { text-indent: 2em; margin: 0; text-align: justify }"
    )
    body = "".join(f"<p>{htmlmod.escape(t)}</p>" for t in texts)
    html = f'<html lang="zh-CN"><head><style>{css}</style></head><body>{body}</body></html>'
    pdf = make_pdf(html)
    doc = read_bytes(pdf, kind="pdf", source="a5.pdf")
    assert paragraph_texts(doc) == [squash(t) for t in texts]
    assert not re.search(r"—\s*\d+\s*—", doc.text)


def test_bold_lead_sentences_and_run_in_headings_stay_in_their_paragraphs() -> None:
    """A bold first sentence long enough to fill whole lines is emphasis, not a heading; a bold
    "（一）……。" run in before its paragraph is a heading the structure step splits off."""
    source = read_path(corpus_file("state-council_2019_zh.txt"))
    texts = [p.text for p in source.paragraphs()][40:60]
    leads = [
        "要坚持以供给侧结构性改革为主线，在“巩固、增强、提升、畅通”八个字上下功夫，"
        "更多采取改革的办法，更多运用市场化、法治化手段。",
        "（一）继续创新和完善宏观调控，确保经济运行在合理区间。",
    ]
    body = (
        f"<p><b>{leads[0]}</b>{htmlmod.escape(texts[0])}</p>"
        f"<p><b>{leads[1]}</b>{htmlmod.escape(texts[1])}</p>"
        + "".join(f"<p>{htmlmod.escape(t)}</p>" for t in texts[2:])
    )
    css = (
        '@page { size: A5; margin: 1.5cm } body { font-family: "Noto Serif CJK SC";'
        " font-size: 12pt; line-height: 1.75 } p { text-indent: 2em; margin: 0;"
        " text-align: justify } b { font-family: 'Noto Sans CJK SC'; font-weight: bold }"
    )
    html = f'<html lang="zh-CN"><head><style>{css}</style></head><body>{body}</body></html>'
    doc = read_bytes(make_pdf(html), kind="pdf", source="leads.pdf")
    assert headings(doc) == [(2, squash(leads[1]))]
    assert paragraph_texts(doc) == [squash(leads[0] + texts[0]), *map(squash, texts[1:])]


# Ideographs and the Kangxi radicals that fonts also list them under (⼀ U+2F00 for 一 …).
RADICALS = {chr(0x2F00 + i): ch for i, ch in enumerate("一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力")}
RADICALS |= {"⼯": "工", "⽣": "生", "⾏": "行", "⽔": "水", "⾼": "高", "⽤": "用", "⼤": "大"}


def test_kangxi_radicals_in_the_text_layer_read_as_ideographs() -> None:
    """Word and other producers write some ideographs into the text layer as the Kangxi radicals
    that share their glyph (⼯业 for 工业): the page looks right, and the text matches nothing."""
    text = next(
        p.text
        for p in read_path(corpus_file("hailar-district_2014_zh.txt")).paragraphs()
        if sum(ch in RADICALS.values() for ch in p.text) >= 10
    )
    to_radical = {v: k for k, v in RADICALS.items()}
    damaged = "".join(to_radical.get(ch, ch) for ch in text)
    assert damaged != text
    html = (
        '<html lang="zh-CN"><body style="font-family: \'Noto Serif CJK SC\'">'
        f"<p>{htmlmod.escape(damaged)}</p></body></html>"
    )
    doc = read_bytes(make_pdf(html), kind="pdf", source="radicals.pdf")
    assert paragraph_texts(doc) == [squash(text)]


@pytest.mark.parametrize(
    "title_style",
    [
        "letter-spacing: 0.5em",
        "letter-spacing: 1em",
        "letter-spacing: 2.5em",
        "text-align: justify; text-align-last: justify",  # distributed across the line
    ],
)
def test_spaced_out_titles_are_one_line(title_style: str) -> None:
    """Titles set with wide character spacing or distributed alignment, digits included: one
    title, not one heading per character, and 2014 not "2 0 1 4"."""
    source = read_path(corpus_file("hailar-district_2014_zh.txt"))
    title = f"{source.year}年{source.title}"
    texts = [p.text for p in source.paragraphs()][:6]
    css = (
        '@page { size: A4; margin: 2.5cm } body { font-family: "Noto Serif CJK SC";'
        " font-size: 14pt; line-height: 1.6 } p { text-indent: 2em; margin: 0 }"
        f' h1 {{ font-family: "Noto Sans CJK SC"; font-size: 22pt; text-align: center;'
        f" {title_style} }} .front {{ text-align: center; text-indent: 0 }}"
    )
    body = "".join(f"<p>{htmlmod.escape(t)}</p>" for t in texts)
    html = (
        f'<html lang="zh-CN"><head><style>{css}</style></head><body><h1>{title}</h1>'
        f'<p class="front">{htmlmod.escape(source.subtitle)}</p>'
        f'<p class="front">{htmlmod.escape(source.byline)}</p>{body}</body></html>'
    )
    doc = read_bytes(make_pdf(html), kind="pdf", source="title.pdf")
    assert doc.title == title
    assert doc.subtitle == squash(source.subtitle)
    assert headings(doc) == []
    assert paragraph_texts(doc) == [squash(t) for t in texts]


@pytest.mark.parametrize("call", ["counter(footnote)", '"[" counter(footnote) "]"'])
def test_footnotes_do_not_cut_the_paragraph_running_over_the_page(call: str) -> None:
    """Footnotes (WeasyPrint's float: footnote, numbered "1.") sit between a paragraph's end on
    one page and its continuation on the next: they come back after that paragraph. The raised
    calls (1 or [1]) are taken out of the sentences; the notes keep their numbers."""
    items = corpus_items("hailar-district_2014_zh.txt")
    notes = writer_notes(items)
    texts = expected_paragraphs(items)[:24]
    body = []
    for i, t in enumerate(texts, start=1):
        if i in notes:
            cut = t.index("。") + 1
            note = f'<span class="fn">{htmlmod.escape(notes[i])}</span>'
            body.append(f"<p>{htmlmod.escape(t[:cut])}{note}{htmlmod.escape(t[cut:])}</p>")
        else:
            body.append(f"<p>{htmlmod.escape(t)}</p>")
    css = (
        "@page { size: A5; margin: 1.5cm; @bottom-center { content: counter(page) } }"
        'body { font-family: "Noto Serif CJK SC"; font-size: 10pt; line-height: 1.6 }'
        "p { text-indent: 2em; margin: 0; text-align: justify }"
        ".fn { float: footnote; font-size: 8pt; text-indent: 0 }"
        f".fn::footnote-call {{ content: {call} }}"
    )
    html = (
        f'<html lang="zh-CN"><head><style>{css}</style></head><body>{"".join(body)}</body></html>'
    )
    doc = read_bytes(make_pdf(html), kind="pdf", source="notes.pdf")
    used = [n for n in notes if n <= len(texts)]
    note_texts = [squash(f"{k + 1}.{notes[n]}") for k, n in enumerate(used)]
    got = paragraph_texts(doc)
    assert sorted(t for t in got if t in note_texts) == sorted(note_texts)
    assert [t for t in got if t not in note_texts] == texts
    marks = [(f"[{k + 1}]" if "[" in call else str(k + 1)) for k in range(len(used))]
    assert [r.before[-len(m) :] for r, m in zip(_calls(doc), marks, strict=True)] == marks
    assert any(r.kind == "join_column_break" for r in doc.repairs)


def _calls(doc: Document) -> list[Any]:
    return [r for r in doc.repairs if r.kind == "drop_note_call"]


def test_fonts_without_a_text_mapping_are_an_input_error() -> None:
    """Fonts embedded without a ToUnicode table (some Word, WPS and typesetting exports) give
    "(cid:9502)" for every glyph: an error that says so, not a report of cid numbers."""
    from reportgen.errors import InputError

    source = read_path(corpus_file("hailar-district_2014_zh.txt"))
    body = "".join(f"<p>{htmlmod.escape(p.text)}</p>" for p in source.paragraphs()[:5])
    html = f'<html lang="zh-CN"><body style="font-family: \'{SERIF}\'">{body}</body></html>'
    import weasyprint

    pdf = weasyprint.HTML(string=html).write_pdf(uncompressed_pdf=True)
    assert b"/ToUnicode" in pdf
    # The same bytes with the fonts' ToUnicode entries renamed away (offsets unchanged).
    with pytest.raises(InputError, match="do not map their glyphs to text"):
        read_bytes(pdf.replace(b"/ToUnicode", b"/ToUnicodX"), kind="pdf", source="cid.pdf")


def unspaced(text: str) -> str:
    """Without spaces, keeping the tabs between a table row's cells."""
    return re.sub(r"[^\S\t]+", "", text)


def test_tables_are_one_paragraph_per_row_and_note_calls_leave_the_text(
    libreoffice_pdfs: dict[str, bytes],
) -> None:
    """A Word report with a ruled table of the year's results that runs over a page break (its
    header row repeated there) and a table without borders of the plan's targets: each row is
    one paragraph of its cells in order, separated by a tab, and the facts step reads the same
    facts from it as from the sentence it restates; the text around the tables reads as before.
    Footnote calls, superscript after a figure (增长5.2%¹), a word or in a table cell, are no part
    of the text; the notes come back with their numbers."""
    from reportgen.facts import extract_facts

    items = corpus_items(TABLES_CORPUS, group=220)
    tables = report_tables()
    doc = read_bytes(libreoffice_pdfs["tables"], kind="pdf", source="tables.pdf")
    assert headings(doc) == expected_headings(items)
    expected: list[str] = []
    for kind, text in items:
        if kind == "p":
            expected.append(squash(text))
            for table in tables:
                if table.anchor in text:
                    expected.extend(unspaced("\t".join(row)) for row in table.rows)
    notes = table_notes(items, len(BODY_CALLS) + 1)
    note_texts = [squash(f"{k + 1}{note}") for k, note in enumerate(notes)]
    got = [unspaced(p.text) for p in doc.paragraphs()]
    assert sorted(t for t in got if t in note_texts) == sorted(note_texts)
    assert [t for t in got if t not in note_texts] == expected
    # Every call was a superscript number, each recorded with the words it followed.
    calls = sorted(_calls(doc), key=lambda r: int(r.before[len(r.after) :]))
    assert [r.before[len(r.after) :] for r in calls] == ["1", "2", "3", "4"]
    called = [BODY_CALLS[0], CELL_CALL[1], *BODY_CALLS[1:]]  # in document order
    for r, key in zip(calls, called, strict=True):
        assert key.endswith(r.after) or r.after.endswith(key), (r, key)
    reads = [r for r in doc.repairs if r.kind == "read_table"]
    assert {r.note.split()[0] for r in reads} == {"ruled", "unruled"}
    assert sum(r.note.startswith("ruled") for r in reads) >= 2  # the long table's two pages
    assert any("3 cells" in r.note for r in reads)
    assert [r.before for r in doc.repairs if r.kind == "drop_repeated_header"] == ["指标\t2023年"]
    # The facts of each row are the report's facts for its figure: indicator, value, unit,
    # qualifier, result or target, year.
    facts: dict[str, list[tuple[Any, ...]]] = {}
    for f in extract_facts(doc):
        facts.setdefault(f.paragraph_id, []).append(
            (f.indicator, f.value, f.unit, f.qualifier, f.kind, f.year)
        )
    rows = [p for p in doc.paragraphs() if "\t" in p.text]
    assert len(rows) == sum(len(t.rows) for t in tables)
    at = 0
    for table in tables:
        header, *body = rows[at : at + len(table.rows)]
        at += len(table.rows)
        assert [p.text.split("\t") for p in [header, *body]] == [
            list(row) for row in table.rows
        ]  # a blank cell keeps its place
        assert header.id not in facts  # 2023年 is a year, not a figure
        if table.facts:
            assert [facts.get(p.id) for p in body] == [
                [(f.indicator, f.value, f.unit, f.qualifier, f.kind, f.year)] for f in table.facts
            ]


def test_raised_call_marks_leave_the_text_and_other_small_figures_stay() -> None:
    """Raised small numbers after a word or figure (<sup>2</sup>, <sup>[3]</sup>) and the
    superscript digit ¹ are footnote calls; a superscript after a Latin letter is an exponent
    (m² stays m2), and small figures on the baseline (<small>) or lowered (PM<sub>2.5</sub>)
    are figures."""
    hailar = [p.text for p in read_path(corpus_file("hailar-district_2014_zh.txt")).paragraphs()]
    sc = [p.text for p in read_path(corpus_file("state-council_2019_zh.txt")).paragraphs()]
    exponent = next(t for t in hailar if "平方米" in t and "%" in t)
    small = next(t for t in hailar if re.search(r"\d+人", t) and t != exponent)
    lowered = next(t for t in sc if "PM2.5" in t and "%" in t)

    def marked(text: str, *inserts: tuple[str, str, str]) -> str:
        """``text`` as HTML with markup around the first match of each pattern: (pattern,
        before, after)."""
        at: list[tuple[int, str]] = []
        for pattern, before, after in inserts:
            m = re.search(pattern, text)
            assert m, pattern
            at += [(m.start(), before), (m.end(), after)]
        out, pos = "", 0
        for i, tag in sorted(at, key=lambda a: a[0]):
            out += htmlmod.escape(text[pos:i]) + tag
            pos = i
        return out + htmlmod.escape(text[pos:])

    exponent = exponent.replace("平方米", "m2", 1)  # 14万m² as a typesetter may set 14万平方米
    assert exponent.count("m2") == 1
    exponent_html = marked(exponent, (r"\d+(?:\.\d+)?%", "", "¹"), ("(?<=m)2", "<sup>", "</sup>"))
    small_html = marked(small, (r"\d+(?=人)", "<small>", "</small>"), ("。", "", "<sup>2</sup>"))
    lowered_html = marked(
        lowered, (r"\d+%", "", "<sup>[3]</sup>"), (r"(?<=PM)2\.5", "<sub>", "</sub>")
    )
    plain = hailar[:4]
    css = (
        '@page { size: A5; margin: 1.5cm } body { font-family: "Noto Serif CJK SC";'
        " font-size: 11pt; line-height: 1.7 } p { text-indent: 2em; margin: 0;"
        " text-align: justify }"
    )
    body = "".join(
        f"<p>{t}</p>"
        for t in [*map(htmlmod.escape, plain), exponent_html, small_html, lowered_html]
    )
    html = f'<html lang="zh-CN"><head><style>{css}</style></head><body>{body}</body></html>'
    doc = read_bytes(make_pdf(html), kind="pdf", source="marks.pdf")
    assert paragraph_texts(doc) == [
        *map(squash, plain),
        squash(exponent),
        squash(small),
        squash(lowered),
    ]
    assert [r.before[len(r.after) :] for r in _calls(doc)] == ["1", "2", "[3]"]


def test_html_table_rows_and_frames_round_text() -> None:
    """A ruled HTML table (WeasyPrint, another producer than LibreOffice) of the State Council
    2019 targets reads as one paragraph per row whose facts are the report's; rules round text
    (a boxed paragraph, a grid of paragraphs side by side) are frames, not tables."""
    from reportgen.facts import extract_facts

    doc = read_path(corpus_file("state-council_2019_zh.txt"))
    texts = [p.text for p in doc.paragraphs()][:8]
    rows = indicator_rows(doc, 1)[:8]
    css = (
        '@page { size: A4; margin: 2cm } body { font-family: "Noto Serif CJK SC";'
        " font-size: 12pt; line-height: 1.6 } p { text-indent: 2em; margin: 0;"
        " text-align: justify } table { border-collapse: collapse; margin: 6pt auto }"
        " td, th { border: 0.75pt solid black; padding: 2pt 6pt; font-size: 10.5pt }"
        " .box { border: 1pt solid black; padding: 6pt; margin: 6pt 0 }"
    )

    def cells(tag: str, row: tuple[str, ...]) -> str:
        return "<tr>" + "".join(f"<{tag}>{htmlmod.escape(c)}</{tag}>" for c in row) + "</tr>"

    table = (
        "<table>"
        + cells("th", ("指标", "2019年预期目标"))
        + "".join(cells("td", (n, v)) for n, v, _ in rows)
        + "</table>"
    )
    grid = "".join(
        cells("td", (texts[i], texts[i + 1]))
        .replace("<td>", "<td><p>")
        .replace("</td>", "</p></td>")
        for i in (3, 6)
    )
    body = (
        "".join(f"<p>{htmlmod.escape(t)}</p>" for t in texts[:3])
        + table
        + f'<div class="box"><p>{htmlmod.escape(texts[5])}</p></div><table>{grid}</table>'
    )
    html = f'<html lang="zh-CN"><head><style>{css}</style></head><body>{body}</body></html>'
    got = read_bytes(make_pdf(html), kind="pdf", source="html-table.pdf")
    paragraphs = [p for p in got.paragraphs()]
    assert [p.text for p in paragraphs[:3]] == texts[:3]
    table_rows = [p for p in paragraphs if "\t" in p.text]
    assert [p.text for p in table_rows] == [
        "指标\t2019年预期目标",
        *(f"{n}\t{v}" for n, v, _ in rows),
    ]
    assert [r.kind for r in got.repairs].count("read_table") == 1
    assert texts[5] in [p.text for p in paragraphs]  # the boxed paragraph, whole
    facts: dict[str, list[tuple[Any, ...]]] = {}
    for f in extract_facts(got):
        facts.setdefault(f.paragraph_id, []).append((f.indicator, f.value, f.unit, f.qualifier))
    assert [facts.get(p.id) for p in table_rows[1:]] == [
        [(f.indicator, f.value, f.unit, f.qualifier)] for _, _, f in rows
    ]
