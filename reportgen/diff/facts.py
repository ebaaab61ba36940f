"""Diff step, facts: line up the numeric facts of two reports by indicator (same / up / down /
added / removed), and check one year's targets against the results the next report states."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from reportgen.facts.english import format_number
from reportgen.facts.match import indicator_key, indicator_name, match_facts, unit_key

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


def fact_key(fact: Any) -> tuple[str, str, str]:
    """Facts of one report with the same key state the same indicator (see
    :func:`reportgen.facts.match.indicator_key`)."""
    return indicator_key(fact)


def line_up(a: dict[Any, Any], b: dict[Any, Any]) -> list[tuple[Any | None, Any | None]]:
    """Facts of two reports (one per key, as :func:`first_by_key` gives them) paired by
    :func:`reportgen.facts.match.match_facts`: each fact of ``b`` with its partner in ``a`` or None,
    in the order of ``b``, then the facts of ``a`` nobody took."""
    fa, fb = list(a.values()), list(b.values())
    partner = {m.j: m.i for m in match_facts(fa, fb)}
    taken = set(partner.values())
    out: list[tuple[Any | None, Any | None]] = [
        (fa[partner[j]] if j in partner else None, f) for j, f in enumerate(fb)
    ]
    return out + [(f, None) for i, f in enumerate(fa) if i not in taken]


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
    old: list[Any],
    new: list[Any],
    *,
    kinds: tuple[str, ...] = (TARGET, ACHIEVEMENT),
    years: tuple[int | None, int | None] = (None, None),
) -> list[FactChange]:
    """Facts of two reports lined up by indicator, targets with targets and results with results.
    ``years`` are the two reports' years: each report's targets for its own year pair with each
    other, a goal for a later year (到2020年…) only with a goal for that same year."""
    out: list[FactChange] = []
    for kind in kinds:
        if kind != TARGET:
            a, b = first_by_key(old, kind=kind), first_by_key(new, kind=kind)
            out.extend(_change(kind, fa, fb) for fa, fb in line_up(a, b))
            continue
        ha, hb = _by_horizon(old, years[0]), _by_horizon(new, years[1])
        for h in sorted(ha.keys() | hb.keys(), key=lambda h: -1 if h is None else h):
            a = first_by_key(ha.get(h, []), kind=kind)
            b = first_by_key(hb.get(h, []), kind=kind)
            out.extend(_change(kind, fa, fb) for fa, fb in line_up(a, b))
    return out


def _by_horizon(facts: list[Any], year: int | None) -> dict[int | None, list[Any]]:
    """Facts by the year they are for: None for the report's own year (or no year said)."""
    out: dict[int | None, list[Any]] = {}
    for f in facts:
        out.setdefault(None if f.year in (None, year) else f.year, []).append(f)
    return out


def compare_results_to_targets(results: list[Any], targets: list[Any]) -> list[FactChange]:
    """One report alone: last year's results (old) against this year's targets (new)."""
    a = first_by_key(results, kind=ACHIEVEMENT)
    b = first_by_key(targets, kind=TARGET)
    out = [_change("result→target", fa, fb) for fa, fb in line_up(a, b)]
    # Indicators with both a result and a target first: they are the comparison.
    return sorted(out, key=lambda c: c.old is None or c.new is None)


def _change(kind: str, old: Any | None, new: Any | None) -> FactChange:
    # Shown under the newer report's name (a plan's wording over a review's).
    fact = new if new is not None else old
    indicator, measure, unit = (
        indicator_name(fact.indicator),
        fact.measure or "",
        unit_key(fact.unit),
    )
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
    for a, t in line_up(acts, tgts):
        if t is None:
            continue
        if len(indicator_name(t.indicator)) < 3:  # 投资, 产值: too vague to say which result is its
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
        rule = f"at most {format_number(hi, scale='zh')}{target.unit or ''}"
        gap = value - float(hi)
    else:
        bound = float(lo) - tol
        ok = value >= bound
        rule = f"at least {format_number(lo, scale='zh')}{target.unit or ''}"
        gap = value - float(lo)
    if about:
        unit = "pp" if percent else (target.unit or "")
        rule += f" (左右/约: tolerance {format_number(tol, scale='zh')}{unit})"
    return (MET if ok else MISSED), rule, gap
