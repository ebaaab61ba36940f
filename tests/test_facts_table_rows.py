"""Facts step, tables: rows read through the real readers (Markdown pipe tables, HTML tables,
DOCX tables made with python-docx), each a paragraph of tab-joined cells. Figures are those of
the shared corpus: State Council 2015 (2014 results, 2015 targets), State Council 2024 (2023
results, 2024 targets), Hailar 2014 (2013 results, 2014 targets); every cell's fact is checked.
"""

from __future__ import annotations

import io
import math

import pytest

from reportgen.facts import (
    ACHIEVEMENT,
    CHANGE,
    LEVEL,
    TARGET,
    Fact,
    extract_facts,
    extract_from_text,
)
from reportgen.readers import read_bytes, read_path
from tests.conftest import corpus_file

Row = tuple[str, float, str, str, str, int | None]


def cells(facts: list[Fact]) -> list[Row]:
    """(indicator, value, unit, measure, kind, year) of each fact, values rounded to 1e-9."""
    return [(f.indicator, round(f.value, 9), f.unit, f.measure, f.kind, f.year) for f in facts]


def table_facts(doc_facts: list[Fact]) -> list[Fact]:
    return [f for f in doc_facts if "\t" in f.sentence]


def in_corpus(name: str, *figures: str) -> None:
    """The figures a test table is built from are the report's own."""
    text = corpus_file(name).read_text(encoding="utf-8")
    missing = [f for f in figures if f not in text]
    assert not missing, missing


def docx_bytes(title: str, subtitle: str, parts: list[tuple[str, list[tuple[str, ...]]]]) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph(title, style="Title")
    d.add_paragraph(subtitle)
    for heading, rows in parts:
        d.add_heading(heading, level=1)
        d.add_paragraph("主要指标如下：")
        table = d.add_table(rows=len(rows), cols=max(map(len, rows)))
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                table.cell(i, j).text = value
        d.add_paragraph("各项工作取得新进展。")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# --- Markdown: SC 2024's 2023 results and 2024 targets ------------------------------------------

SC2024_MD = """# 2024年政府工作报告

## 一、2023年工作回顾

过去一年，经济总体回升向好。

| 序号 | 指标 | 单位 | 2023年 | 比上年增长% |
|---|---|---|---|---|
| 1 | 国内生产总值 | 亿元 | 超过1260000 | 5.2 |
| 2 | 城镇新增就业 | 万人 | 1244 | |
| 3 | 城镇调查失业率 | % | 5.2 | |
| 4 | 居民消费价格 | % | | 0.2 |
| 5 | 粮食产量 | 万亿斤 | 1.39 | |
| 6 | 居民人均可支配收入 | 元 | | 6.1 |

## 二、2024年经济社会发展总体要求和政策取向

| 指标 | 2023年完成 | 2024年目标 |
|---|---|---|
| 国内生产总值增长 | 5.2% | 5%左右 |
| 城镇新增就业 | 1244万人 | 1200万人以上 |
| 城镇调查失业率 | 5.2% | 5.5%左右 |
| 居民消费价格涨幅 | 0.2% | 3%左右 |
| 粮食产量 | 1.39万亿斤 | 1.3万亿斤以上 |
| 单位国内生产总值能耗降低 | | 2.5%左右 |
| 居民收入增长 | 6.1% | 和经济增长同步 |
"""


def test_markdown_tables_of_sc_2024_results_and_targets() -> None:
    in_corpus(
        "state-council_2024_zh.txt",
        "超过126万亿元，增长5.2%",
        "城镇新增就业1244万人，城镇调查失业率平均为5.2%",
        "居民消费价格上涨0.2%",
        "粮食产量1.39万亿斤",
        "居民人均可支配收入增长6.1%",
        "国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右",
        "粮食产量1.3万亿斤以上；单位国内生产总值能耗降低2.5%左右",
    )
    doc = read_bytes(SC2024_MD.encode(), kind="markdown", source="sc2024.md")
    facts = table_facts(extract_facts(doc))
    A, T = ACHIEVEMENT, TARGET
    assert cells(facts) == [
        # serial numbers are no facts and no part of a name; a unit column gives bare figures
        # their unit; 2023年 is a result in a 2024 report, 比上年增长% its growth in %
        ("国内生产总值", 1.26e14, "元", LEVEL, A, 2023),
        ("国内生产总值", 5.2, "%", CHANGE, A, 2023),
        ("城镇新增就业", 1.244e7, "人", LEVEL, A, 2023),
        ("城镇调查失业率", 5.2, "%", LEVEL, A, 2023),
        ("居民消费价格", 0.2, "%", CHANGE, A, 2023),
        ("粮食产量", 1.39e12, "斤", LEVEL, A, 2023),
        ("居民人均可支配收入", 6.1, "%", CHANGE, A, 2023),
        # 完成 | 目标 columns decide kind and year; a name ending in a change verb makes its
        # row's figures changes (国内生产总值增长, 居民消费价格涨幅, 能耗降低: down)
        ("国内生产总值", 5.2, "%", CHANGE, A, 2023),
        ("国内生产总值", 5.0, "%", CHANGE, T, 2024),
        ("城镇新增就业", 1.244e7, "人", LEVEL, A, 2023),
        ("城镇新增就业", 1.2e7, "人", LEVEL, T, 2024),
        ("城镇调查失业率", 5.2, "%", LEVEL, A, 2023),
        ("城镇调查失业率", 5.5, "%", LEVEL, T, 2024),
        ("居民消费价格", 0.2, "%", CHANGE, A, 2023),
        ("居民消费价格", 3.0, "%", CHANGE, T, 2024),
        ("粮食产量", 1.39e12, "斤", LEVEL, A, 2023),
        ("粮食产量", 1.3e12, "斤", LEVEL, T, 2024),
        ("单位国内生产总值能耗", -2.5, "%", CHANGE, T, 2024),
        ("居民收入", 6.1, "%", CHANGE, A, 2023),
    ]
    gdp = facts[0]
    assert (gdp.surface, gdp.qualifier_meaning) == ("超过1260000", "exceeds")
    # 和经济增长同步 is a goal without a figure: the row gives only its 2023 result
    assert [(f.surface, f.qualifier) for f in facts if f.year == 2024][-2:] == [
        ("1.3万亿斤以上", "以上"),
        ("2.5%左右", "左右"),
    ]
    assert not any(f.indicator.startswith(tuple("123456")) for f in facts)


# --- HTML: Hailar 2014's 2013 results and 2014 targets -------------------------------------------

HAILAR_HTML = (
    "<h1>海拉尔区2014年政府工作报告</h1><h2>一、2013年工作回顾</h2>"
    "<p>全年经济保持平稳较快增长。</p>"
    "<table><tr><th>指标</th><th>单位</th><th>2013年完成</th><th>比上年增长%</th>"
    "<th>2014年目标</th><th>增长%</th></tr>"
    "<tr><td>地区生产总值</td><td>亿元</td><td>253.7</td><td>10.1</td><td>282</td><td>11</td></tr>"
    "<tr><td>地方财政总收入</td><td>亿元</td><td>24.85</td><td>20.3</td><td>28.8</td><td>16</td></tr>"
    "<tr><td>区本级全社会固定资产投资额</td><td>亿元</td><td>90.7</td><td>24.7</td><td>108.8</td>"
    "<td>20</td></tr>"
    "<tr><td>社会消费品零售总额</td><td>亿元</td><td></td><td></td><td>126</td><td>14</td></tr>"
    "<tr><td>城镇居民人均可支配收入</td><td>元</td><td></td><td></td><td></td><td>12</td></tr>"
    "</table><p>各项事业全面进步。</p>"
)


def test_html_table_of_hailar_2014_with_growth_beside_each_year() -> None:
    """A growth column without a year of its own is the growth of the figure column before it
    (2013年完成 | 比上年增长% | 2014年目标 | 增长%)."""
    in_corpus(
        "hailar-district_2014_zh.txt",
        "地区生产总值完成253.7亿元，同比增长10.1%",
        "地方财政总收入完成24.85亿元，同比增长20.3%",
        "固定资产投资额完成90.7亿元，同比增长24.7%",
        "地区生产总值增长11%，达到282亿元",
        "地方财政总收入增长16%，达到28.8亿元",
        "固定资产投资增长20%，达到108.8亿元",
        "社会消费品零售总额增长14%，达到126亿元",
        "城镇居民人均可支配收入增长12%",
    )
    doc = read_bytes(HAILAR_HTML.encode(), kind="html", source="hailar.html")
    A, T = ACHIEVEMENT, TARGET
    assert cells(table_facts(extract_facts(doc))) == [
        ("地区生产总值", 2.537e10, "元", LEVEL, A, 2013),
        ("地区生产总值", 10.1, "%", CHANGE, A, 2013),
        ("地区生产总值", 2.82e10, "元", LEVEL, T, 2014),
        ("地区生产总值", 11.0, "%", CHANGE, T, 2014),
        ("地方财政总收入", 2.485e9, "元", LEVEL, A, 2013),
        ("地方财政总收入", 20.3, "%", CHANGE, A, 2013),
        ("地方财政总收入", 2.88e9, "元", LEVEL, T, 2014),
        ("地方财政总收入", 16.0, "%", CHANGE, T, 2014),
        ("区本级全社会固定资产投资额", 9.07e9, "元", LEVEL, A, 2013),
        ("区本级全社会固定资产投资额", 24.7, "%", CHANGE, A, 2013),
        ("区本级全社会固定资产投资额", 1.088e10, "元", LEVEL, T, 2014),
        ("区本级全社会固定资产投资额", 20.0, "%", CHANGE, T, 2014),
        ("社会消费品零售总额", 1.26e10, "元", LEVEL, T, 2014),
        ("社会消费品零售总额", 14.0, "%", CHANGE, T, 2014),
        # a growth rate stays in % whatever the row's unit (元)
        ("城镇居民人均可支配收入", 12.0, "%", CHANGE, T, 2014),
    ]


def test_html_two_header_rows_are_one_header() -> None:
    """Years in one header row, 实际/预期 in the next (SC 2015: 2014 results, 2015 targets); the
    empty corner cell of the first is lost (a paragraph is stripped), so it is right-aligned."""
    in_corpus("state-council_2015_zh.txt", "城镇新增就业1322万人", "城镇新增就业1000万人以上")
    page = (
        "<h1>2015年政府工作报告</h1><h2>二、2015年工作总体部署</h2>"
        "<table><tr><td></td><td>2014年</td><td>2015年</td></tr>"
        "<tr><td>指标</td><td>实际</td><td>预期</td></tr>"
        "<tr><td>城镇新增就业（万人）</td><td>1322</td><td>1000以上</td></tr></table>"
    )
    facts = extract_facts(read_bytes(page.encode(), kind="html", source="t.html"))
    assert cells(facts) == [
        ("城镇新增就业", 1.322e7, "人", LEVEL, ACHIEVEMENT, 2014),
        ("城镇新增就业", 1e7, "人", LEVEL, TARGET, 2015),
    ]
    assert facts[1].qualifier_meaning == "at_least"


# --- DOCX: SC 2015's 2014 results and 2015 targets -----------------------------------------------

SC2015_ROWS = [
    ("指标", "单位", "2014年完成", "比上年±%", "2015年预期目标"),
    ("国内生产总值", "万亿元", "63.6", "7.4", "增长7%左右"),
    ("城镇新增就业", "万人", "1322", "", "1000以上"),
    ("居民消费价格涨幅", "%", "", "2", "3左右"),
    ("能耗强度", "%", "", "-4.8", "下降3.1%以上"),
    ("城镇登记失业率", "%", "", "", "4.5以内"),
]


def test_docx_table_of_sc_2015_with_signed_changes() -> None:
    in_corpus(
        "state-council_2015_zh.txt",
        "国内生产总值达到63.6万亿元，比上年增长7.4%",
        "居民消费价格上涨2%",
        "能耗强度下降4.8%",
        "国内生产总值增长7%左右",
        "居民消费价格涨幅3%左右",
        "城镇登记失业率4.5%以内",
        "能耗强度下降3.1%以上",
    )
    data = docx_bytes(
        "政府工作报告",
        "——2015年3月5日在第十二届全国人民代表大会第三次会议上",
        [("二、2015年工作总体部署", SC2015_ROWS)],
    )
    facts = table_facts(extract_facts(read_bytes(data, kind="docx", source="sc2015.docx")))
    A, T = ACHIEVEMENT, TARGET
    assert cells(facts) == [
        ("国内生产总值", 6.36e13, "元", LEVEL, A, 2014),
        ("国内生产总值", 7.4, "%", CHANGE, A, 2014),
        ("国内生产总值", 7.0, "%", CHANGE, T, 2015),  # the cell's own 增长
        ("城镇新增就业", 1.322e7, "人", LEVEL, A, 2014),
        ("城镇新增就业", 1e7, "人", LEVEL, T, 2015),
        ("居民消费价格", 2.0, "%", CHANGE, A, 2014),
        ("居民消费价格", 3.0, "%", CHANGE, T, 2015),
        ("能耗强度", -4.8, "%", CHANGE, A, 2014),  # a written minus in a ± column is a fall
        ("能耗强度", -3.1, "%", CHANGE, T, 2015),
        ("城镇登记失业率", 4.5, "%", LEVEL, T, 2015),
    ]
    assert [f.qualifier_meaning for f in facts if f.kind == T] == [
        "about",
        "at_least",
        "about",
        "at_least",
        "at_most",
    ]
    assert facts[7].surface == "-4.8" and facts[7].en == "down 4.8%"


def test_docx_rows_without_header_keep_their_figures() -> None:
    """Two cells, name and figure, and no header: read as before, the figure named by its row;
    a serial number column is still no part of the name."""
    data = docx_bytes(
        "政府工作报告",
        "——2015年3月5日在第十二届全国人民代表大会第三次会议上",
        [
            (
                "一、2014年工作回顾",
                [("1", "城镇新增就业", "1322万人"), ("2", "能耗强度下降", "4.8%")],
            )
        ],
    )
    facts = table_facts(extract_facts(read_bytes(data, kind="docx", source="r.docx")))
    assert cells(facts) == [
        ("城镇新增就业", 1.322e7, "人", LEVEL, ACHIEVEMENT, 2014),
        ("能耗强度", -4.8, "%", CHANGE, ACHIEVEMENT, 2014),
    ]


# --- cells are boundaries; prose is untouched ----------------------------------------------------


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        # the serial number column: never 1国内生产总值
        ("1\t国内生产总值\t超过126万亿元", [("国内生产总值", 1.26e14, "元")]),
        # a figure in the name cell's neighbour does not borrow the next cell's unit
        ("城镇新增就业\t1244\t万人", [("城镇新增就业", 1.244e7, "人")]),
        # a bare figure without a unit anywhere is no fact
        ("国内生产总值\t1260582", []),
        # the unit the name cell notes
        ("国内生产总值（亿元）\t1260582", [("国内生产总值", 1.260582e14, "元")]),
        # SC 2019: a 万 count takes the people its row names, as in prose (…人口减少1000万以上)
        ("农村贫困人口减少\t1000万以上", [("农村贫困人口", -1e7, "人")]),
        ("农村贫困人口\t减少1000万以上", [("农村贫困人口", -1e7, "人")]),
        ("农村贫困人口\t1000", []),
    ],
)
def test_row_cells_are_boundaries(row: str, expected: list[tuple[str, float, str]]) -> None:
    got = [(f.indicator, f.value, f.unit) for f in extract_from_text(row)]
    assert len(got) == len(expected)
    for (name, value, unit), (gname, gvalue, gunit) in zip(expected, got, strict=True):
        assert (gname, gunit) == (name, unit) and math.isclose(gvalue, value)


def test_bilingual_lines_are_prose_not_rows() -> None:
    """A zh-en line pairs a sentence with its translation, tab between: no table row, so its
    Chinese figures keep the names their sentence gives them."""
    doc = read_path(corpus_file("state-council_2015_zh-en.txt"))
    line = next(
        p.text for p in doc.paragraphs() if p.text.startswith("就业稳，城镇新增就业1322万人")
    )
    assert "\t" in line
    (jobs,) = [f for f in extract_from_text(line) if f.unit == "人"]
    assert (jobs.indicator, jobs.value, jobs.sentence) == (
        "城镇新增就业",
        1.322e7,
        line.split("\t")[0],
    )
