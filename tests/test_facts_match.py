"""Matching facts by indicator: names, the rules, and the pairs the briefing and the diff share."""

from __future__ import annotations

import dataclasses

import pytest

from reportgen.brief import build_briefing, match_indicators
from reportgen.diff import compare
from reportgen.facts import Fact, extract_facts
from reportgen.facts.match import Match, indicator_name, match_facts, match_name
from reportgen.readers import read_path
from tests.conftest import SEED, corpus_file, make_fact


def _fact(indicator: str, value: float, unit: str, kind: str, measure: str = "level") -> Fact:
    return make_fact(indicator, value, unit, kind, measure=measure)


def _review_plan(doc) -> tuple[list[Fact], list[Fact]]:
    facts = extract_facts(doc)
    return (
        [f for f in facts if f.kind == "achievement"],
        [f for f in facts if f.kind == "target"],
    )


def _pairs(matches) -> set[tuple[str, str]]:
    return {(m.a.surface, m.b.surface) for m in matches}


# --- names -----------------------------------------------------------------------------------


def test_match_name_drops_how_a_thing_was_reached():
    assert match_name("新建高标准农田") == "高标准农田"
    assert match_name("再建设 高标准农田") == "高标准农田"  # a PDF justification space too
    assert match_name("再创建省级森林乡村") == match_name("打造省级森林乡村") == "省级森林乡村"
    assert match_name("新增学位") == "学位"
    assert match_name("“多规合一”村庄规划") == "多规合一村庄规划"
    assert match_name("全年地区生产总值完成") == "地区生产总值"
    assert match_name("再为企业和个人减税") == "为企业和个人减税"
    # Words that start with 再/新 without being a verb stay whole; no name is cut below 2.
    assert match_name("再就业") == "再就业"
    assert match_name("再生资源回收") == "再生资源回收"
    assert match_name("新能源汽车") == "新能源汽车"
    assert match_name("新增") == "新增"


def test_indicator_name_keeps_what_a_table_shows():
    """The shown name loses time words and trailing verbs only: 新增学位 stays 新增学位."""
    assert indicator_name("全年地区生产总值完成") == "地区生产总值"
    assert indicator_name("财政收入同比增长") == "财政收入"
    assert indicator_name("新增学位") == "新增学位"
    assert indicator_name("完成") == "完成"


# --- rules -----------------------------------------------------------------------------------


def test_same_measure_and_unit_and_no_generic_names():
    review = [
        _fact("新建高标准农田", 15800, "亩", "achievement"),
        _fact("投资", 2.3e8, "元", "achievement"),
        _fact("国土绿化", 41000, "亩", "achievement"),
        _fact("城镇居民人均可支配收入", 8.1, "％", "achievement", "change"),
    ]
    plan = [
        _fact("城镇居民人均可支配收入", 30000, "元", "target"),  # a level, not the growth rate
        _fact("城镇人均可支配收入", 7.5, "%", "target", "change"),  # ％ is %
        _fact("投资", 1.9e8, "元", "target"),  # two different investments
        _fact("国土绿化", 52000, "户", "target"),  # same name, other unit
        _fact("再建设高标准农田", 25400, "亩", "target"),
    ]
    got = match_facts(review, plan)
    assert [(m.i, m.j) for m in got] == [(0, 4), (3, 1)]  # in review order
    assert got[0].score == 100.0 and 80.0 <= got[1].score < 100.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        got[0].score = 0.0  # type: ignore[misc]
    assert isinstance(got[0], Match)
    # The options are keyword-only and do what they say.
    assert match_facts(review, plan, generic=frozenset())[1].a.indicator == "投资"
    assert len(match_facts(review, plan, threshold=100.0)) == 1


def test_two_character_names_pair_only_when_equal():
    """就业 (新增就业 without its verb) is 80 % like 再就业 by Indel similarity, yet re-employment
    of laid-off workers is another indicator than new jobs."""
    review = [
        _fact("新增就业", 5611, "人", "achievement"),
        _fact("再就业", 2529, "人", "achievement"),
    ]
    plan = [_fact("再就业", 2000, "人", "target"), _fact("城镇新增就业", 5700, "人", "target")]
    assert {(m.a.indicator, m.b.indicator) for m in match_facts(review, plan)} == {
        ("新增就业", "城镇新增就业"),
        ("再就业", "再就业"),
    }


def test_identical_names_win_over_similar_ones():
    review = [_fact("城镇人均可支配收入", 1, "元", "achievement")]
    plan = [
        _fact("城镇居民人均可支配收入", 2, "元", "target"),
        _fact("城镇人均可支配收入", 3, "元", "target"),
    ]
    (m,) = match_facts(review, plan)
    assert (m.j, m.score) == (1, 100.0)


# --- real reports: the briefing and the diff pair the same facts ----------------------------

SEED_PAIRS = {("4.1万亩", "5.2万亩"), ("3630个", "3760个"), ("1.58万亩", "2.54万亩")}


def test_seed_pairs_in_matcher_briefing_and_diff():
    doc = read_path(SEED)
    review, plan = _review_plan(doc)
    assert _pairs(match_facts(review, plan)) >= SEED_PAIRS
    brief = build_briefing(doc, facts=extract_facts(doc))
    assert {(c.review.value_zh, c.plan.value_zh) for c in brief.comparisons} >= SEED_PAIRS
    diff = compare([doc])
    paired = {(c.old.surface, c.new.surface) for c in diff.facts if c.old and c.new}
    assert paired >= SEED_PAIRS
    # Neither side of a seed pair is left over as added or removed.
    loose = {c.old.surface for c in diff.facts if c.new is None} | {
        c.new.surface for c in diff.facts if c.old is None
    }
    assert not loose & {s for pair in SEED_PAIRS for s in pair}


def test_briefing_pairs_are_the_matchers_pairs():
    doc = read_path(corpus_file("hailar-district_2014_zh.txt"))
    review, plan = _review_plan(doc)
    assert [(r, p) for r, p, _ in match_indicators(review, plan)] == [
        (m.a, m.b) for m in match_facts(review, plan)
    ]


@pytest.mark.parametrize(
    ("name", "paired", "not_paired"),
    [
        # 2013 review 实现再就业2529人 → 2014 plan 城镇失业人员实现再就业2000人; new jobs
        # (全年新增就业5611人) are another indicator.
        ("hailar-district_2014_zh.txt", ("2529人", "2000人"), ("5611人", "2000人")),
        # 实现城镇新增就业5487人 → 全年新增就业5700人以上, not 再就业1687人.
        ("hailar-district_2015_zh.txt", ("5487人", "5700人以上"), ("1687人", "5700人以上")),
        # …新建改建高速公路6700多公里、农村公路29万公里 → 新建改建农村公路20万公里.
        ("state-council_2017_zh.txt", ("29万公里", "20万公里"), None),
    ],
)
def test_review_vs_plan_pairs_on_other_reports(
    name: str, paired: tuple[str, str], not_paired: tuple[str, str] | None
):
    review, plan = _review_plan(read_path(corpus_file(name)))
    matches = match_facts(review, plan)
    assert paired in _pairs(matches)
    assert not_paired not in _pairs(matches)
    # Each fact at most once.
    assert len({m.i for m in matches}) == len(matches) == len({m.j for m in matches})
