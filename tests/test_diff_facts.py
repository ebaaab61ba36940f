"""Facts across reports: targets vs results on the Hailar series, checked by hand, and the rules."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import cli
from reportgen.diff import compare
from reportgen.diff.facts import judge
from reportgen.facts import Fact
from reportgen.readers import read_path
from tests.conftest import corpus_file, make_fact

HAILAR = [f"hailar-district_{y}_zh.txt" for y in (2012, 2013, 2014, 2015)]

# Verified by reading each 主要预期目标 paragraph and the next report's opening review paragraph:
#   2012 plan: GDP +21% → 2013 report: "地区生产总值完成235.2亿元，同比增长18.5%"      missed
#   2012 plan: 地方财政总收入 +24.6%, 20亿 → "完成20.67亿元，同比增长28.8%"             met
#   2013 plan: GDP +20%, 282亿 → 2014 report: "完成253.7亿元，同比增长10.1%"           missed
#   2013 plan: 地方财政总收入 +20%, 24.8亿 → "完成24.85亿元，同比增长20.3%"             met
#   2013 plan: 区本级固定资产投资 +23% → "区本级全社会固定资产投资额完成90.7亿元，同比增长24.7%" met
#   2013 plan: 社会消费品零售总额 +22% → "完成110.6亿元，同比增长13%"                   missed
#   2014 plan: GDP +11% → 2015 report: "完成274.4亿元，同比增长9.1%"                   missed
#   2014 plan: 区本级固定资产投资 +20%, 108.8亿 → "完成121.1亿元，同比增长33.5%"        met
#   2014 plan: 城镇登记失业率 控制在4%以内 → "城镇登记失业率…3.79%"                     met (at most)
EXPECTED = {
    (2012, "地区生产总值", "change"): ("missed", 21.0, 18.5),
    (2012, "地区生产总值", "level"): ("missed", 24e9, 235.2e8),
    (2012, "地方财政总收入", "change"): ("met", 24.6, 28.8),
    (2012, "地方财政总收入", "level"): ("met", 20e8, 20.67e8),
    (2013, "地区生产总值", "change"): ("missed", 20.0, 10.1),
    (2013, "地区生产总值", "level"): ("missed", 282e8, 253.7e8),
    (2013, "地方财政总收入", "change"): ("met", 20.0, 20.3),
    (2013, "地方财政总收入", "level"): ("met", 24.8e8, 24.85e8),
    (2013, "区本级固定资产投资", "change"): ("met", 23.0, 24.7),
    (2013, "社会消费品零售总额", "change"): ("missed", 22.0, 13.0),
    (2014, "地区生产总值", "change"): ("missed", 11.0, 9.1),
    (2014, "区本级固定资产投资", "change"): ("met", 20.0, 33.5),
    (2014, "区本级固定资产投资", "level"): ("met", 108.8e8, 121.1e8),
    (2014, "城镇登记失业率", "level"): ("met", 4.0, 3.79),
}


@pytest.fixture(scope="module")
def hailar_series() -> object:
    return compare([read_path(corpus_file(name)) for name in reversed(HAILAR)])


def test_hailar_targets_against_next_years_results(hailar_series: object) -> None:
    result = hailar_series
    assert [d.year for d in result.docs] == [2012, 2013, 2014, 2015]  # argument order ignored
    found = {(t.year, t.indicator, t.target.measure): t for t in result.targets}
    for key, (verdict, target, actual) in EXPECTED.items():
        t = found[key]
        assert t.verdict == verdict, (key, t.rule)
        assert t.target.value == pytest.approx(target)
        assert t.actual.value == pytest.approx(actual)
    assert "at most" in found[(2014, "城镇登记失业率", "level")].rule
    # No target is judged against a result of another year.
    assert all(t.actual is None or t.actual.year in (None, t.year) for t in result.targets)


def test_hailar_series_table(hailar_series: object) -> None:
    rows = {(s.indicator, s.measure): s for s in hailar_series.series}
    gdp = rows[("地区生产总值", "change")]
    by_year = dict(zip(gdp.years, zip(gdp.targets, gdp.actuals, strict=True), strict=True))
    assert by_year[2013] == (20.0, 10.1)
    assert by_year[2014] == (11.0, 9.1)
    assert by_year[2015][0] == 8.0


def test_hailar_follows_a_reworded_indicator(hailar_series: object) -> None:
    """The plans say 新增就业 (2012, 2015) and 新增城镇就业 (2013), the reviews 城镇新增就业 and
    新增就业: one indicator, one row, and each target judged; 再就业 (re-employment) stays apart."""
    rows = {s.indicator: s for s in hailar_series.series if "就业" in s.indicator}
    assert set(rows) == {"城镇新增就业", "再就业"}
    jobs = rows["城镇新增就业"]
    by_year = dict(zip(jobs.years, zip(jobs.targets, jobs.actuals, strict=True), strict=True))
    assert by_year[2012] == (5000.0, 6128.0)
    assert by_year[2013] == (5400.0, 5611.0)
    assert by_year[2015][0] == 5700.0
    checks = {(t.year, t.indicator): t for t in hailar_series.targets}
    assert checks[(2012, "新增就业")].actual.value == 6128.0
    assert checks[(2013, "新增城镇就业")].actual.value == 5611.0
    assert checks[(2014, "再就业")].actual.value == 1687.0  # not 新增就业 5487
    assert all(c.verdict in ("met", "missed") for c in checks.values() if c.actual is not None)


def test_generic_names_are_not_compared(hailar_series: object) -> None:
    """投资 1.5亿元 (2014 review) and 投资 2.6亿元 (2015 review) are different projects."""
    loose = [c for c in hailar_series.facts if c.indicator == "投资"]
    assert loose and all(c.old is None or c.new is None for c in loose)


def test_changed_targets_between_plans(hailar_series: object) -> None:
    changes = {(c.indicator, c.measure, c.kind): c for c in hailar_series.facts}
    gdp = changes[("地区生产总值", "change", "target")]  # 2014 plan +11% → 2015 plan +8%
    assert (gdp.old.value, gdp.new.value, gdp.change) == (11.0, 8.0, "down")
    assert gdp.delta == pytest.approx(-3.0)
    assert gdp.relative == pytest.approx(-3 / 11)


@pytest.fixture(scope="module")
def sc_2015_to_2017() -> object:
    """The State Council reports around the 13th five-year plan: SC 2016 sets 2016 targets and
    goals for 2020 (到2020年…, “十三五”时期…)."""
    return compare(
        [read_path(corpus_file(f"state-council_{y}_zh.txt")) for y in (2015, 2016, 2017)]
    )


def test_goals_for_a_later_year_pair_only_with_goals_for_that_year(sc_2015_to_2017) -> None:
    pair = sc_2015_to_2017.pairs[1]  # 2016 → 2017
    years = (pair.old.year, pair.new.year)
    assert years == (2016, 2017)

    def horizon(fact: Fact, own: int) -> int | None:
        return None if fact.year in (None, own) else fact.year

    targets = [c for c in pair.facts if c.kind == "target"]
    later = [c.old for c in targets if c.old is not None and horizon(c.old, 2016)]
    assert later and {f.year for f in later} == {2020}  # the 十三五 goals are there …
    for c in targets:
        if c.old is not None and c.new is not None:  # … and none is paired with a 2017 target
            assert horizon(c.old, 2016) == horizon(c.new, 2017), c
    jobs = [c for c in targets if c.indicator == "城镇新增就业" and c.old and c.new]
    assert [(c.old.value, c.new.value) for c in jobs] == [(1e7, 1.1e7)]  # 1000万 → 1100万人以上
    # Results are checked against the targets set for the year they report, never a 2020 goal.
    assert all(t.target.year in (None, 2016) for t in pair.targets)
    # The series keeps 2016's own job target in its 2016 cell and the five-year goal in 2020's.
    row = next(r for r in sc_2015_to_2017.series if r.indicator == "城镇新增就业")
    cells = dict(zip(row.years, row.targets, strict=True))
    assert cells[2016] == 1e7 and cells.get(2020) == 5e7


def _fact(
    value: float,
    *,
    unit: str = "%",
    q: str = "",
    measure: str = "change",
    indicator: str = "地区生产总值",
    kind: str = "target",
) -> Fact:
    return make_fact(indicator, value, unit, kind, qualifier_meaning=q, measure=measure, year=2024)


def test_qualifiers_decide_the_verdict() -> None:
    assert judge(_fact(5.0), _fact(5.0))[0] == "met"
    assert judge(_fact(5.0, q="at_least"), _fact(4.9))[0] == "missed"
    # 左右: half a percentage point below still counts, and the rule says so.
    verdict, rule, _ = judge(_fact(5.0, q="about"), _fact(4.6))
    assert verdict == "met" and "0.5pp" in rule
    assert judge(_fact(5.0, q="about"), _fact(4.4))[0] == "missed"
    # 以内 / 控制在: a ceiling.
    assert judge(_fact(3.0, q="at_most"), _fact(2.1))[0] == "met"
    assert judge(_fact(3.0, q="at_most"), _fact(3.2))[0] == "missed"
    # Prices are capped even without a qualifier; a cut (下降3%) is met by cutting more.
    cpi = _fact(3.0, indicator="居民消费价格")
    assert judge(cpi, replace(cpi, value=3.4))[0] == "missed"
    assert judge(_fact(-3.0, indicator="单位GDP能耗"), _fact(-3.5))[0] == "met"
    # Levels: 2 % tolerance for about.
    lvl = _fact(1000.0, unit="亿元", q="about", measure="level")
    assert judge(lvl, replace(lvl, value=985.0))[0] == "met"
    assert judge(lvl, None)[0] == "unknown"
    # Per-mille rates (人口自然增长率控制在6‰左右) get half a point of their own unit, like %.
    birth = _fact(6.0, unit="‰", q="about", measure="level", indicator="人口自然增长率")
    assert judge(birth, replace(birth, value=6.4))[0] == "met"
    assert judge(birth, replace(birth, value=6.7))[0] == "missed"


def test_cli_series_json_and_html(tmp_path: Path) -> None:
    files = [str(corpus_file(n)) for n in HAILAR]
    out = tmp_path / "series.json"
    res = CliRunner().invoke(cli, ["diff", *files, "-o", str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "reportgen.diff/1" and data["mode"] == "series"
    verdicts = {
        (t["year"], t["indicator"], t["target"]["measure"]): t["verdict"] for t in data["targets"]
    }
    assert verdicts[(2013, "地区生产总值", "change")] == "missed"
    assert len(data["pairs"]) == 2  # 2012→2013, 2013→2014; the latest pair is at the top
    html_out = tmp_path / "series.html"
    res = CliRunner().invoke(cli, ["diff", *files, "-o", str(html_out)])
    assert res.exit_code == 0, res.output
    page = html_out.read_text(encoding="utf-8")
    assert "<svg" in page and "地区生产总值" in page and "Indicators by year" in page
    assert "font-family" in page.split("<svg", 1)[1][:20000]  # text kept as text (fonttype none)


def test_single_report_compares_its_results_with_its_targets(tmp_path: Path) -> None:
    out = tmp_path / "one.json"
    src = corpus_file("hailar-district_2014_zh.txt")
    res = CliRunner().invoke(cli, ["diff", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["mode"] == "single" and data["paragraphs"] == []
    rows = {(f["indicator"], f["measure"]): f for f in data["facts"]}
    gdp = rows[("地区生产总值", "change")]  # 2013 result +10.1% → 2014 target +11%
    assert (gdp["old"]["value"], gdp["new"]["value"], gdp["change"]) == (10.1, 11.0, "up")
    assert gdp["old"]["kind"] == "achievement" and gdp["new"]["kind"] == "target"


def test_seed_results_2023_against_targets_2024(seed_path: Path) -> None:
    result = compare([read_path(seed_path)])
    assert result.mode == "single"
    both = [c for c in result.facts if c.old is not None and c.new is not None]
    assert both, "the seed states results and targets for shared indicators"
    assert all(c.old.kind == "achievement" and c.new.kind == "target" for c in both)
    assert all(c.change in ("same", "up", "down") for c in both)
    # The README's pairs: 国土绿化 4.1万亩 → 5.2万亩, 新增学位 3630个 → 学位 3760个 (which the
    # diff used to list as removed and added), 新建 → 再建设高标准农田 1.58万亩 → 2.54万亩.
    pairs = {(c.old.surface, c.new.surface): c for c in both}
    assert {("4.1万亩", "5.2万亩"), ("3630个", "3760个"), ("1.58万亩", "2.54万亩")} <= set(pairs)
    assert pairs[("3630个", "3760个")].indicator == "学位"  # the plan's wording
