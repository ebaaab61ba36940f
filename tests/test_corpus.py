"""Every real report of the shared corpus parses into the outline its text marks."""

from __future__ import annotations

import logging

import pytest

from reportgen.model import OTHER, PLAN, REVIEW
from reportgen.readers import read_path
from tests.conftest import corpus_file

R, P = REVIEW, PLAN
# file: (parts as (kind, year, number of （一） sub-sections), byline, subtitle start)
EXPECTED: dict[str, tuple[list[tuple[str, int, int]], str, str]] = {
    "hailar-district_2012_zh.txt": ([(R, 2011, 8), (P, 2012, 10)], "海拉尔区人民政府区长 张天喜", "----2012年2月29日"),
    "hailar-district_2013_zh.txt": ([(R, 2012, 0), (P, 2013, 4)], "海拉尔区人民政府区长 杜联合", "----2013年2月28日"),
    "hailar-district_2014_zh.txt": ([(R, 2013, 4), (P, 2014, 5)], "海拉尔区人民政府区长 杜联合", "--2014年2月19日"),
    "hailar-district_2015_zh.txt": ([(R, 2014, 5), (P, 2015, 10)], "海拉尔区人民政府区长 杜联合", "--2015年2月5日"),
    "state-council_2008_zh.txt": ([(R, 2007, 3), (P, 2008, 9)], "国务院总理 温家宝", "——2008年3月5日"),
    # The 2009 file has no 二、 heading: the segment alignment dropped it.
    "state-council_2009_zh.txt": ([(R, 2008, 3), (P, 2009, 7)], "国务院总理 温家宝", "——2009年3月5日"),
    "state-council_2010_zh.txt": ([(R, 2009, 4), (P, 2010, 8)], "国务院总理 温家宝", "2010年3月5日"),
    "state-council_2011_zh.txt": ([(R, 2010, 5), (P, 2011, 0), (P, 2011, 10)], "国务院总理 温家宝", "——2011年3月5日"),
    "state-council_2012_zh.txt": ([(R, 2011, 5), (P, 2012, 0), (P, 2012, 9)], "国务院总理 温家宝", "——2012年3月5日"),
    "state-council_2013_zh.txt": ([(R, 2012, 0), (P, 2013, 0), (P, 2013, 4)], "国务院总理 温家宝", "——2013年3月5日"),
    "state-council_2014_zh.txt": ([(R, 2013, 0), (P, 2014, 0), (P, 2014, 9)], "国务院总理 李克强", "第十二届全国人大二次会议，2014年3月5日"),
    "state-council_2015_zh.txt": ([(R, 2014, 0)] + [(P, 2015, 0)] * 5, "国务院总理 李克强", "——2015年3月5日"),
    "state-council_2016_zh.txt": ([(R, 2015, 0), (P, 2016, 0), (P, 2016, 8)], "国务院总理 李克强", "——2016年3月5日"),
    "state-council_2017_zh.txt": ([(R, 2016, 0), (P, 2017, 0), (P, 2017, 9)], "国务院总理 李克强", "——2017年3月5日"),
    "state-council_2018_zh.txt": ([(R, 2017, 9), (P, 2018, 0), (P, 2018, 9)], "国务院总理 李克强", "——2018年3月5日"),
    "state-council_2019_zh.txt": ([(R, 2018, 0), (P, 2019, 0), (P, 2019, 10)], "国务院总理 李克强", "——2019年3月5日"),
    "state-council_2022_zh.txt": ([(R, 2021, 0), (P, 2022, 0), (P, 2022, 9)], "", ""),
    "state-council_2024_zh.txt": ([(R, 2023, 0), (P, 2024, 0), (P, 2024, 10)], "国务院总理 李强", "——2024年3月5日"),
}  # fmt: skip

CN = "一二三四五六七八九十"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_report_outline(name: str, caplog: pytest.LogCaptureFixture) -> None:
    parts_expected, byline, subtitle = EXPECTED[name]
    with caplog.at_level(logging.WARNING):
        doc = read_path(corpus_file(name))
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    year = int(name.split("_")[1])
    assert doc.year == year
    assert doc.byline == byline
    assert doc.subtitle.startswith(subtitle)
    assert doc.title in ("", "政府工作报告", f"{year}年政府工作报告") or doc.title.endswith(
        "政府工作报告"
    )
    # Only the opening address stands before the first part.
    preamble = [s for s in doc.sections if not s.heading]
    assert len(preamble) == 1 and preamble[0].paragraphs[0].text.startswith("各位代表")
    parts = [s for s in doc.sections if s.heading]
    assert [(s.kind, s.year, len(s.children)) for s in parts] == parts_expected
    for part in parts:
        assert part.level == 1 and part.heading[0] in CN and part.heading[1] == "、"
        for i, sub in enumerate(part.children):
            # （一）, （二）… in order, nested under their part, with text of their own.
            assert sub.level == 2 and sub.heading.startswith(f"（{_cn(i + 1)}）")
            assert sub.paragraphs and not sub.children
    # Every line of text is somewhere: no paragraph is empty or still carries an indent.
    for p in doc.paragraphs():
        assert p.text and p.text == p.text.strip(" \u3000")


def _cn(n: int) -> str:
    return CN[n - 1] if n <= 10 else "十" + CN[n - 11]


def test_state_council_2019_parts_and_inferred_kinds() -> None:
    doc = read_path(corpus_file("state-council_2019_zh.txt"))
    first, second, third = [s for s in doc.sections if s.heading]
    assert (first.heading, first.kind, first.year) == ("一、2018年工作回顾", REVIEW, 2018)
    assert (third.heading, third.kind, third.year) == ("三、2019年政府工作任务", PLAN, 2019)
    assert not any(s.kind_inferred for s in (first, second, third))
    # 2015's later parts (三、把改革开放扎实推向纵深 …) say no kind; it comes from their language.
    doc15 = read_path(corpus_file("state-council_2015_zh.txt"))
    later = [s for s in doc15.sections if s.heading][2:]
    assert all(s.kind_inferred and s.kind == PLAN for s in later)
    assert any(r.kind == "infer_part" and r.before == later[0].heading for r in doc15.repairs)


def test_hailar_run_in_headings_split_from_their_text() -> None:
    doc = read_path(corpus_file("hailar-district_2012_zh.txt"))
    assert doc.title == "政府工作报告"  # "政 府 工 作 报 告" with the spaces removed
    review = [s for s in doc.sections if s.heading][0]
    sub = review.children[0]
    assert sub.heading == "（一）经济增长进一步加快，综合实力显著提高。"
    body = sub.paragraphs[0]
    assert not body.text.startswith("（一）") and body.text[:5] in doc.text[body.start : body.end]


def test_hailar_2013_parts() -> None:
    doc = read_path(corpus_file("hailar-district_2013_zh.txt"))
    review, plan = [s for s in doc.sections if s.heading]
    assert (review.heading, review.kind, review.year) == ("一、过去一年工作回顾", REVIEW, 2012)
    assert (plan.heading, plan.kind, plan.year) == ("二、2013年工作安排", PLAN, 2013)
    # The review marks its topics with lead sentences, not （一）: they stay paragraphs.
    assert any(p.text.startswith("经济实力明显增强。") for p in review.paragraphs)
    assert [c.kind for c in plan.children] == [OTHER] * 4
