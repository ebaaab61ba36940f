"""Diff step, facts: line up the numeric facts of two reports by indicator (same / up / down /
added / removed), and check one year's targets against the results the next report states."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

SAME, UP, DOWN, ADDED, REMOVED = "same", "up", "down", "added", "removed"
MET, MISSED, UNKNOWN = "met", "missed", "unknown"
ACHIEVEMENT, TARGET = "achievement", "target"

# ``约/左右`` targets: how far below (or, for a ceiling, above) the target still counts as met.
ABOUT_TOLERANCE_PP = 0.5  # percentage points, for rates in %
ABOUT_TOLERANCE_REL = 0.02  # 2 % of the target, for levels (元, 人, 吨 …)
# Indicators where a plan figure is a ceiling even without 以内/控制在: prices and unemployment.
CEILING_WORDS = ("价格", "物价", "CPI", "失业率", "赤字", "人口自然增长率", "通胀")
# Rates whose "about" tolerance is in points of the unit (0.5 pp, or 0.5 ‰ for a birth rate).
PERCENT_UNITS = ("%", "％", "个百分点", "百分点", "‰")


# Words around an indicator that say how it was reached, not what it is (地区生产总值完成 = 地区生产总值).
_LEAD = re.compile(r"^(?:全年|年内|今年|去年|上年|当年|力争|预计|确保|实现)+")
_TRAIL = re.compile(r"(?:预计|累计|同比)?(?:完成|达到|实现|突破|增长|为|达)+$")
FUZZY_INDICATOR = 0.8  # Indel similarity for 城镇人均可支配收入 ~ 城镇居民人均可支配收入


def indicator_name(text: str) -> str:
    """An indicator without leading time words and trailing verbs, for matching across reports."""
    name = _LEAD.sub("", (text or "").strip())
    name = _TRAIL.sub("", name)
    return name or (text or "")


def fact_key(fact: Any) -> tuple[str, str, str]:
    """Facts compare when indicator, measure (level/change) and unit agree."""
    unit = (fact.unit or "").replace("％", "%")
    return (indicator_name(fact.indicator), fact.measure or "", unit)


def match_keys(
    a: list[tuple[str, str, str]], b: list[tuple[str, str, str]]
) -> list[tuple[tuple[str, str, str] | None, tuple[str, str, str] | None]]:
    """Pair keys of two reports: the same name first, then a similar name (≥ 0.8) with the same
    measure and unit, best first. Unpaired keys come back with None on the other side, in the
    order of ``b`` then ``a``."""
    from rapidfuzz.distance import Indel

    pairs: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    set_a = set(a)
    for k in b:
        if k in set_a:
            pairs[k] = k
    rest_a = [k for k in a if k not in pairs.values()]
    rest_b = [k for k in b if k not in pairs]
    cands = []
    for kb in rest_b:
        for ka in rest_a:
            if ka[1:] != kb[1:]:
                continue
            sim = Indel.normalized_similarity(ka[0], kb[0])
            if sim >= FUZZY_INDICATOR:
                cands.append((sim, ka, kb))
    cands.sort(key=lambda c: -c[0])
    used_a = set(pairs.values())
    for _sim, ka, kb in cands:
        if kb in pairs or ka in used_a:
            continue
        pairs[kb] = ka
        used_a.add(ka)
    out: list[tuple[tuple[str, str, str] | None, tuple[str, str, str] | None]] = [
        (pairs.get(kb), kb) for kb in b
    ]
    out += [(ka, None) for ka in a if ka not in used_a]
    return out


def _fact_dict(fact: Any | None) -> dict[str, Any] | None:
    return None if fact is None else fact.to_dict()


def _num(x: float | None) -> float | None:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return round(float(x), 6)


@dataclass(frozen=True)
class FactChange:
    """One indicator in two reports: old and new fact, the change and its size."""

    indicator: str
    kind: str
    measure: str
    unit: str
    old: Any | None
    new: Any | None
    change: str
    delta: float | None = None
    relative: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "kind": self.kind,
            "measure": self.measure,
            "unit": self.unit,
            "old": _fact_dict(self.old),
            "new": _fact_dict(self.new),
            "change": self.change,
            "delta": _num(self.delta),
            "relative": _num(self.relative),
        }


@dataclass(frozen=True)
class TargetCheck:
    """Year ``year``'s target against the result reported for that year."""

    indicator: str
    year: int | None
    target: Any
    actual: Any | None
    verdict: str
    rule: str
    gap: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "year": self.year,
            "target": _fact_dict(self.target),
            "actual": _fact_dict(self.actual),
            "verdict": self.verdict,
            "rule": self.rule,
            "gap": _num(self.gap),
        }


def first_by_key(facts: list[Any], *, kind: str) -> dict[tuple[str, str, str], Any]:
    """The first fact of each key in reading order: a report states its headline figure (the
    overview or the 主要预期目标 paragraph) before repeating parts of it in detail."""
    out: dict[tuple[str, str, str], Any] = {}
    for f in facts:
        if f.kind == kind and f.indicator and f.value is not None:
            out.setdefault(fact_key(f), f)
    return out


def compare_facts(
    old: list[Any], new: list[Any], *, kinds: tuple[str, ...] = (TARGET, ACHIEVEMENT)
) -> list[FactChange]:
    """Facts of two reports lined up by indicator, targets with targets and results with results."""
    out: list[FactChange] = []
    for kind in kinds:
        a, b = first_by_key(old, kind=kind), first_by_key(new, kind=kind)
        for ka, kb in match_keys(list(a), list(b)):
            out.append(
                _change(kb or ka, kind, a.get(ka) if ka else None, b.get(kb) if kb else None)
            )
    return out


def compare_results_to_targets(results: list[Any], targets: list[Any]) -> list[FactChange]:
    """One report alone: last year's results (old) against this year's targets (new)."""
    a = first_by_key(results, kind=ACHIEVEMENT)
    b = first_by_key(targets, kind=TARGET)
    out = [
        _change(kb or ka, "result→target", a.get(ka) if ka else None, b.get(kb) if kb else None)
        for ka, kb in match_keys(list(a), list(b))
    ]
    # Indicators with both a result and a target first: they are the comparison.
    return sorted(out, key=lambda c: c.old is None or c.new is None)


def _change(key: tuple[str, str, str], kind: str, old: Any | None, new: Any | None) -> FactChange:
    indicator, measure, unit = key
    if old is None:
        return FactChange(indicator, kind, measure, unit, None, new, ADDED)
    if new is None:
        return FactChange(indicator, kind, measure, unit, old, None, REMOVED)
    delta = float(new.value) - float(old.value)
    rel = delta / abs(float(old.value)) if old.value else None
    eps = 1e-9 * max(1.0, abs(float(old.value)))
    change = SAME if abs(delta) <= eps else (UP if delta > 0 else DOWN)
    return FactChange(indicator, kind, measure, unit, old, new, change, delta, rel)


def check_targets(targets: list[Any], results: list[Any], *, year: int | None) -> list[TargetCheck]:
    """Report N's targets (its plan part) against the results report N+1 states for year N."""
    acts = first_by_key([f for f in results if f.year in (None, year)], kind=ACHIEVEMENT)
    tgts = first_by_key([f for f in targets if f.year in (None, year)], kind=TARGET)
    out: list[TargetCheck] = []
    for ka, kt in match_keys(list(acts), list(tgts)):
        if kt is None:
            continue
        t, a = tgts[kt], acts.get(ka) if ka else None
        if len(kt[0]) < 3:  # 投资, 产值: too vague to say which result belongs to the target
            a = None
        verdict, rule, gap = judge(t, a)
        out.append(TargetCheck(t.indicator, year, t, a, verdict, rule, gap))
    return out


def judge(target: Any, actual: Any | None) -> tuple[str, str, float | None]:
    """met / missed / unknown with the rule applied, honouring the target's qualifier:
    以上 (at least) and plain targets need actual ≥ target; 以内/控制在/以下 (at most) and price or
    unemployment targets and cuts (下降, negative changes) need actual ≤ target; 左右/约 (about) allow ±0.5 percentage point for
    rates and ±2 % for levels on the wrong side; a range target counts from its near end."""
    if actual is None or actual.value is None or target.value is None:
        return UNKNOWN, "no result stated for this indicator", None
    q = (target.qualifier_meaning or "").lower()
    # A cut (下降3% → -3) is met by cutting more, i.e. by a value at or below the target.
    cut = target.measure == "change" and float(target.value) < 0
    ceiling = cut or q == "at_most" or any(w in (target.indicator or "") for w in CEILING_WORDS)
    percent = (target.unit or "") in PERCENT_UNITS
    lo = target.low if target.low is not None else target.value
    hi = target.high if target.high is not None else target.value
    tol = 0.0
    about = q in ("about", "nearly")
    if about:
        tol = ABOUT_TOLERANCE_PP if percent else abs(float(target.value)) * ABOUT_TOLERANCE_REL
    value = float(actual.value)
    if ceiling:
        bound = float(hi) + tol
        ok = value <= bound
        rule = f"at most {format_number(hi)}{target.unit or ''}"
        gap = value - float(hi)
    else:
        bound = float(lo) - tol
        ok = value >= bound
        rule = f"at least {format_number(lo)}{target.unit or ''}"
        gap = value - float(lo)
    if about:
        rule += (
            f" (左右/约: tolerance {format_number(tol)}{'pp' if percent else (target.unit or '')})"
        )
    return (MET if ok else MISSED), rule, gap


def format_number(x: float) -> str:
    """282亿 rather than 2.82e+10: the way the reports write large numbers."""
    x = float(x)
    for size, word in ((1e8, "亿"), (1e4, "万")):
        if abs(x) >= size and abs(x / size * 100 - round(x / size * 100)) < 1e-6:
            return f"{x / size:g}{word}"
    return f"{x:g}"
