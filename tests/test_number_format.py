"""One number formatter for every output: stated values, changes in points and per cent, rule texts."""

from __future__ import annotations

import re

import pytest

from reportgen.brief import build_briefing
from reportgen.diff.facts import judge
from reportgen.facts import extract_facts
from reportgen.facts.english import format_change, format_number, format_percent
from reportgen.readers import read_path
from tests.conftest import corpus_file


@pytest.mark.parametrize(
    ("value", "kw", "text"),
    [
        (15800, {}, "15,800"),
        (282e6, {}, "282 million"),
        (1.3e12, {}, "1.3 trillion"),
        (1.08, {}, "1.08"),
        (98.36, {}, "98.36"),  # a stated value keeps its decimals
        (0, {}, "0"),
        (282e8, {"scale": "zh"}, "282亿"),
        (1.58e4, {"scale": "zh"}, "1.58万"),
        (1.26e14, {"scale": "zh"}, "126万亿"),  # not 1.26e+06亿
        (3630, {"scale": "zh"}, "3,630"),
        (54415000, {"scale": "zh"}, "5,441.5万"),
        (-2.83e9, {"scale": "zh"}, "-28.3亿"),  # a computed difference, not -2.83e+09
        (1234567, {"scale": ""}, "1,234,567"),
        (-40.400000000000006, {"places": 1, "signed": True}, "-40.4"),
        (101.6, {"places": 1, "signed": True}, "+101.6"),  # not +1e+02
        (3.0, {"places": 1, "signed": True}, "+3"),  # trailing zeros stripped
        (0.04, {"places": 1, "signed": True}, "+0.04"),  # a change never reads as 0
        (-0.0, {"places": 1, "signed": True}, "±0"),
        (-1e-12, {"places": 1, "signed": True}, "±0"),  # float noise of a difference, no "-0"
    ],
)
def test_format_number(value: float, kw: dict, text: str) -> None:
    assert format_number(value, **kw) == text


def test_changes_in_points_per_cent_and_amounts() -> None:
    # Rates change by percentage points: 56.6% → 16.2% is -40.4 pp (the HTML said "-40 pp").
    assert format_change(16.2 - 56.6, unit="%") == "-40.4 pp"
    assert format_change(101.6, unit="%") == "+101.6 pp"  # was "+1e+02 pp"
    assert format_change(8.0 - 9.1, unit="％") == "-1.1 pp"
    assert format_change(0.0, unit="%") == "±0 pp"
    # Levels: relative to a base when there is one, else the amount in the unit.
    assert format_change(52000 - 41000, unit="亩", base=41000) == "+26.8 %"
    assert format_change(253.7e8 - 282e8, unit="元") == "-28.3亿元"
    assert format_change(130, unit="个", base=0) == "+130个"
    assert format_percent(-3 / 11) == "-27.3 %"


def test_corpus_values_read_back() -> None:
    """Every value the extractor finds in two reports comes back from its zh and en text, to the
    four places a stated value keeps, and never in scientific notation."""
    words = {
        " trillion": 1e12,
        " billion": 1e9,
        " million": 1e6,
        "万亿": 1e12,
        "亿": 1e8,
        "万": 1e4,
    }

    def read(text: str) -> float:
        for word, size in words.items():
            if text.endswith(word):
                return float(text[: -len(word)].replace(",", "")) * size
        return float(text.replace(",", ""))

    n = 0
    for name in ("hailar-district_2013_zh.txt", "state-council_2016_zh.txt"):
        for f in extract_facts(read_path(corpus_file(name))):
            for scale in ("zh", "en"):
                text = format_number(f.value, scale=scale)
                assert not re.search(r"e[+-]\d", text), text
                assert read(text) == pytest.approx(f.value, rel=1e-4, abs=1e-4), (f.surface, text)
                n += 1
    assert n > 400


def test_rule_text_and_briefing_change_use_the_formatter() -> None:
    """Hailar 2015: its 2014 review against its 2015 plan in the briefing, and the rule a
    2013 target was judged by, written with the shared formatter."""
    doc = read_path(corpus_file("hailar-district_2015_zh.txt"))
    b = build_briefing(doc, facts=extract_facts(doc))
    gdp = [c for c in b.comparisons if c.indicator_zh == "地区生产总值"]
    assert {c.change_text for c in gdp} == {"+7.9 %", "-1.1 pp"}
    target = next(
        f
        for f in extract_facts(read_path(corpus_file("hailar-district_2013_zh.txt")))
        if f.kind == "target" and f.indicator == "地区生产总值" and f.measure == "level"
    )
    assert judge(target, target)[1] == "at least 282亿元"
