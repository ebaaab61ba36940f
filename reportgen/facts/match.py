"""Facts step, matching: which facts of two sets speak of the same indicator."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

# rapidfuzz ratio (Indel similarity × 100) two names need: 城镇人均可支配收入 ~ 城镇居民人均可支配收入.
MATCH_THRESHOLD = 80.0
# Names too generic to say two facts measure the same thing: an investment in 2023 and another
# in 2024 are different projects, a 项目 count of one part is not the 项目 count of another.
GENERIC_INDICATORS = frozenset(
    {"投资", "资金", "项目", "金额", "总额", "数量", "规模", "面积", "人数", "人次", "户数", "个数"}
)

# Words before an indicator that say when or how it was reached, not what it is: 全年地区生产总值
# and 力争地区生产总值 are 地区生产总值. Shown names lose only these (and the verbs after a name).
_TIME = r"全年|年内|今年|去年|上年|当年|力争|预计|确保|实现"
# Verbs before a thing a report builds or reaches: the review says 新建高标准农田 / 打造省级森林乡村
# / 新增学位 where the plan says 再建设高标准农田 / 再创建省级森林乡村 / 学位. The adverb 再 (again)
# goes before any verb (再为企业减税) but not from the nouns it starts (再就业, 再生资源, 再贷款 …);
# 新 only before a verb (新能源, 新型 are names). Longest alternatives first.
_VERB = r"新建设|新建|新增|建设|创建|打造|开展|实施|改造|提升|推广|培育|引进|完成|达到|达|累计"
_RE_NOUNS = r"就业|生|贷款|贴现|融资|保险|制造|教育|分配"
_LEAD = re.compile(rf"^(?:{_TIME}|再(?!{_RE_NOUNS})|新(?=开工|投产|{_VERB})|{_VERB})")
_TIME_LEAD = re.compile(rf"^(?:{_TIME})+")
# Verbs after it: 地区生产总值完成 / 财政收入同比增长 / 覆盖率达 are the indicator alone.
_TRAIL = re.compile(r"(?:预计|累计|同比)?(?:完成|达到|实现|突破|增长|为|达)+$")
# Layout and quoting, never part of a name: “多规合一”村庄规划, 再建设 高标准农田 (PDF spaces).
_NOISE = re.compile(r"[\s\u3000“”\"'‘’（）()、，,：:·]")
_SHORTEST = 2  # a name is never cut below two characters (新增学位 → 学位, not 位)
# Two-character names differ in meaning by one character (就业 / 再就业, 农田 / 农田水利): below three
# characters only identical names pair, although their Indel similarity reaches 80.
FUZZY_MIN_CHARS = 3


class Measured(Protocol):
    """What matching needs of a fact (``reportgen.facts.Fact``)."""

    @property
    def indicator(self) -> str: ...

    @property
    def unit(self) -> str: ...

    @property
    def measure(self) -> str: ...


T = TypeVar("T", bound=Measured)


def indicator_name(text: str) -> str:
    """An indicator as a table shows it: without leading time words and trailing verbs
    (全年地区生产总值完成 → 地区生产总值); the text itself when nothing would be left."""
    name = _TIME_LEAD.sub("", (text or "").strip())
    name = _TRAIL.sub("", name)
    return name or (text or "")


def match_name(text: str) -> str:
    """The name two facts are compared by: :func:`indicator_name` without spaces, quotes and the
    verbs a report puts before a thing it builds or reaches (新建高标准农田 → 高标准农田)."""
    s = _NOISE.sub("", indicator_name(text))
    while True:
        t = _LEAD.sub("", s)
        if t == s or len(t) < _SHORTEST:
            return s
        s = t


def unit_key(unit: str) -> str:
    """Units compare after fullwidth folding (％ is %)."""
    return (unit or "").replace("％", "%")


def indicator_key(fact: Measured) -> tuple[str, str, str]:
    """Facts with equal keys state the same indicator, measure (level/change) and unit."""
    return (match_name(fact.indicator), fact.measure or "", unit_key(fact.unit))


@dataclass(frozen=True)
class Match(Generic[T]):
    """Two facts naming the same indicator: ``a`` from the first set (index ``i``), ``b`` from the
    second (index ``j``), and how alike their names are (0–100, 100 = the same name)."""

    a: T
    b: T
    i: int
    j: int
    score: float


def name_score(a: tuple[str, str], b: tuple[str, str]) -> float:
    """How alike two names are (0–100), each given as (shown name, :func:`match_name`).

    Equal match names score 100. Otherwise the better Indel similarity of the shown names and
    of the match names, each only where both names have :data:`FUZZY_MIN_CHARS`: the verbs make
    新增城镇就业 ~ 城镇新增就业 alike, the shown names keep 新增就业 ~ 城镇新增就业 alike (the
    match name 就业 is too short to compare loosely)."""
    from rapidfuzz import fuzz

    if a[1] == b[1]:
        return 100.0
    best = 0.0
    for x, y in zip(a, b, strict=True):
        if min(len(x), len(y)) >= FUZZY_MIN_CHARS:
            best = max(best, float(fuzz.ratio(x, y)))
    return best


def match_facts(
    a: Sequence[T],
    b: Sequence[T],
    *,
    threshold: float = MATCH_THRESHOLD,
    generic: frozenset[str] = GENERIC_INDICATORS,
) -> tuple[Match[T], ...]:
    """Pairs of facts of ``a`` and ``b`` that state the same indicator in the same measure and
    unit, in the order of ``a``.

    Names are compared by :func:`name_score`; a pair needs ``threshold``. Pairs are taken best
    first (ties in reading order), each fact at most once, so an identical name always wins over
    a similar one. Names in ``generic`` (投资, 资金 …) never pair: they do not say which
    investment. Pure."""

    def names(facts: Sequence[T]) -> list[tuple[str, str] | None]:
        out: list[tuple[str, str] | None] = []
        for f in facts:
            m = match_name(f.indicator)
            out.append(
                None if not m or m in generic else (_NOISE.sub("", indicator_name(f.indicator)), m)
            )
        return out

    an, bn = names(a), names(b)
    akeys = [(f.measure or "", unit_key(f.unit)) for f in a]
    bkeys = [(f.measure or "", unit_key(f.unit)) for f in b]
    cands: list[tuple[float, int, int]] = []
    for i, na in enumerate(an):
        if na is None:
            continue
        for j, nb in enumerate(bn):
            if nb is None or akeys[i] != bkeys[j]:
                continue
            score = name_score(na, nb)
            if score >= threshold:
                cands.append((score, i, j))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out: list[Match[T]] = []
    for score, i, j in cands:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append(Match(a[i], b[j], i, j, score))
    return tuple(sorted(out, key=lambda m: m.i))
