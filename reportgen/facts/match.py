"""Facts step, matching: which facts of two sets speak of the same indicator."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from reportgen.facts.tables import STRETCH_NAME

# rapidfuzz ratio (Indel similarity × 100) two names need: 城镇人均可支配收入 ~ 城镇居民人均可支配收入.
MATCH_THRESHOLD = 80.0
# Names too generic to say two facts measure the same thing: an investment in 2023 and another
# in 2024 are different projects, a 项目 count of one part is not the 项目 count of another.
GENERIC_INDICATORS = frozenset(
    {"投资", "资金", "项目", "金额", "总额", "数量", "规模", "面积", "人数", "人次", "户数", "个数"}
)

# Words before an indicator that say when or how it was reached, not what it is: 全年地区生产总值
# and 力争地区生产总值 are 地区生产总值. Shown names lose only these (and the verbs after a name).
# 计划 (planned: 计划投资) is one of them; 计划生育 and 计划单列 are names.
_TIME = r"全年|年内|今年|去年|上年|当年|力争|预计|计划(?!生育|单列)|确保|实现"
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


# --- What a name says besides its words: measure kind, payer, scope, qualified population ------
#
# Similar names can still name different indicators. Each rule below reads one way Chinese
# indicator names are built; :func:`tells_apart` applies them to a pair that is similar enough.

# A ratio's head says so: 强度 (per unit of output, 能耗强度), 单位… (单位国内生产总值能耗), 率, 比重,
# 比例, 占比, 占 (服务业占国内生产总值…). 二氧化碳排放强度 is not 二氧化碳排放量 although the two
# names are 80 % alike and both fall by some per cent. 率先 (first) and 占地/占用 (occupy) are no ratios.
_RATIO = re.compile(
    r"单位(?:国内|地区)?(?:生产总值|GDP|产值|增加值)|强度|率(?!先)|比重|比例|之比|占(?!地|用|有|领)"
)

# Who pays is not what is paid for: 中央财政将安排832亿元 (health), 中央财政投入223亿元 (student aid)
# and 中央财政拟投入433亿元 (jobs) share the payer and the verb, which make their names look alike.
# The payer (a government or its budget) and spending verbs in front; what remains is what is
# paid for (中央财政拟安排补贴资金 → 补贴资金). 扶持/支持 are verbs of support before the purpose.
_PAYER = re.compile(
    r"^(?:中央|地方|各级|省级?|市级?|县级?|区级?)(?:财政|政府)(?:预算)?"
    r"(?:拟|将|再|已|又|今年|为此)*(?:安排|投入|拨付|下达|出资|支持|扶持)*"
)

# Scope words: which part of a whole a figure counts. Restricting words always name a part, and
# a name without them the whole: 本级 (this government level without those below it), 规模以上 /
# 限额以上 (above a statistical size threshold), 预算内 / 预算投资 (the budget's own money), and
# ownership (民间, 外商 …: 民间固定资产投资 is never what 固定资产投资 counts). So 区本级固定资产投资
# is not the district's 固定资产投资 and 中央预算投资 not 新增中央投资. Synonyms share a label.
_PARTS: dict[str, str] = {
    "本级": "本级",
    "规模以上": "规模以上",
    "限额以上": "限额以上",
    "预算内": "budget",
    "预算外": "off-budget",
    **dict.fromkeys(("外商", "外资", "境外"), "foreign"),
    **dict.fromkeys(("民间", "民营", "私营"), "private"),
    "国有": "state",
}
_RESTRICT = re.compile("|".join(sorted(_PARTS, key=len, reverse=True)) + r"|预算(?=投资|资金)")
# Partition words: one cell of a split reports make again and again – urban/rural, central/local,
# sector. Two different cells are two indicators (城乡居民可支配收入 / 城镇居民人均可支配收入). A
# name without a cell may mean the whole or, elliptically, the usual cell (新增就业 is 城镇新增就业,
# 工业增速回升，企业利润增长 speaks of 工业企业利润), so that pair is told apart only where a report
# itself names the indicator for two cells or for a cell and the whole (see :func:`contrasted`).
_CELLS: dict[str, str] = {
    **dict.fromkeys(("城镇", "城市"), "urban"),
    **dict.fromkeys(("农村", "乡村"), "rural"),
    "城乡": "urban+rural",
    "中央": "central",
    "地方": "local",
    **{w: w for w in ("工业", "农业", "农牧业", "服务业", "制造业", "建筑业", "房地产", "商贸")},
}
_CELL = re.compile("|".join(sorted(_CELLS, key=len, reverse=True)))
# Words for the whole (全社会, 全国 …) restate the default scope; they are left out of the core.
_WHOLE = re.compile(r"全社会|全国|全省|全市|全区|全县")

# What a report built or added this year (新增/新建/改建… 高速铁路运营里程 4100公里) is not the
# length or total of what exists (高速铁路运营里程 2.5万公里), although the verbs that tell them
# apart are left out of match names (新增学位 is 学位 in a plan). Only for heads that name a stock.
_ADDED = re.compile(r"^(?:新建|新增|改建|扩建|新(?:投产|开工))")
_STOCK = re.compile(r"(?:里程|保有量|存量|余额|总量)$")

# A qualifier right before a population noun narrows the population: 农村贫困人口 are not the
# 农村人口 (a drinking-water figure), while 农村 before 贫困人口 restates where the poor live.
_POPULATION = re.compile(r"(人口|人员|群众|家庭|职工|居民|农民|学生|儿童|老人|妇女)$")


@dataclass(frozen=True)
class Name:
    """One fact's name as the matcher compares it.

    ``shown`` is :func:`indicator_name` without layout, ``match`` :func:`match_name`; ``paid_for``
    the match name without a leading payer and spending verbs (None when it has no payer);
    ``ratio`` whether its head is a ratio; ``restrict`` its restricting scope words, ``cells`` its
    partition cells and ``core`` the match name without any scope word."""

    shown: str
    match: str
    paid_for: str | None
    ratio: bool
    restrict: frozenset[str]
    cells: frozenset[str]
    core: str
    stretch: str = ""  # the stretch of years a result's name opens with (过去五年…), if any


_STRETCH = re.compile(STRETCH_NAME)


def parse_name(text: str) -> Name:
    """The parts of an indicator name the rules compare (see :class:`Name`). Pure."""
    m = match_name(text)
    payer = _PAYER.match(m)
    restrict = frozenset(_PARTS.get(w, "budget") for w in _RESTRICT.findall(m))
    cells = frozenset(_CELLS[w] for w in _CELL.findall(m))
    core = _WHOLE.sub("", _CELL.sub("", _RESTRICT.sub("", m)))
    return Name(
        shown=_NOISE.sub("", indicator_name(text)),
        match=m,
        paid_for=m[payer.end() :] if payer else None,
        ratio=bool(_RATIO.search(m)),
        restrict=restrict,
        cells=cells,
        core=core,
        stretch=st.group() if (st := _STRETCH.match(text)) else "",
    )


def is_generic(name: Name, generic: frozenset[str] = GENERIC_INDICATORS) -> bool:
    """Whether a name says too little to pair: empty, in ``generic`` (投资, 资金 …), or a payer
    with nothing paid for but such a word (中央财政, 中央财政拟投入, 中央财政安排资金)."""
    return not name.match or name.match in generic or name.paid_for in ("", *generic)


def contrasted(names: Sequence[Name | None]) -> frozenset[str]:
    """Cores that one set of names gives for two partition cells, or for a cell and the whole:
    the report tells these scopes apart (居民人均可支配收入 beside 农村居民人均可支配收入)."""
    seen: dict[str, set[frozenset[str]]] = {}
    for n in names:
        if n is not None:
            seen.setdefault(n.core, set()).add(n.cells)
    return frozenset(core for core, cells in seen.items() if len(cells) > 1)


def _qualified_population(short: str, long: str) -> bool:
    """``long`` is ``short`` with a qualifier put right before its closing population noun."""
    m = _POPULATION.search(short)
    if not m or not long.endswith(m.group(1)) or len(long) <= len(short):
        return False
    head = short[: m.start()]
    return long.startswith(head) and long[: len(long) - len(m.group(1))] != head


def tells_apart(
    x: Name,
    y: Name,
    *,
    threshold: float = MATCH_THRESHOLD,
    contrast: frozenset[str] = frozenset(),
) -> str:
    """Why two similar names are still different indicators, or "" when nothing says so.

    - ``"ratio"``: one head is a ratio, the other an amount (二氧化碳排放强度 / 二氧化碳排放量);
    - ``"paid for"``: both name a payer, and what is paid for is not alike (中央财政拟安排补贴资金 /
      中央财政预算拟安排补助资金: farm subsidies and housing grants);
    - ``"scope"``: different restricting words (固定资产投资 / 区本级固定资产投资), two different
      partition cells (城乡 / 城镇), or a cell against none where ``contrast`` holds the core;
    - ``"population"``: a qualifier inserted before the population noun (农村人口 / 农村贫困人口);
    - ``"stretch"``: one is a result over a stretch of years, named for it (过去五年城镇新增就业 /
      城镇新增就业), the other of one year;
    - ``"stock"``: one counts what was added this year, the other the stock (新增高速铁路运营里程 /
      高速铁路运营里程), even when their match names are equal.

    Otherwise names with equal match names are never told apart. Pure."""
    from rapidfuzz import fuzz

    if x.stretch != y.stretch:
        return "stretch"
    added_x, added_y = bool(_ADDED.match(x.shown)), bool(_ADDED.match(y.shown))
    if added_x != added_y and _STOCK.search(y.shown if added_x else x.shown):
        return "stock"
    if x.match == y.match:
        return ""
    if x.ratio != y.ratio:
        return "ratio"
    paid = (x.paid_for or "", y.paid_for or "")  # "" where a name has no payer
    if min(map(len, paid)) >= FUZZY_MIN_CHARS and fuzz.ratio(*paid) < threshold:
        return "paid for"
    if x.restrict != y.restrict:
        return "scope"
    if x.cells != y.cells:
        if x.cells and y.cells and not (x.cells < y.cells or y.cells < x.cells):
            return "scope"
        if x.core in contrast or y.core in contrast:
            return "scope"
    if _qualified_population(x.match, y.match) or _qualified_population(y.match, x.match):
        return "population"
    return ""


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

    Names are compared by :func:`name_score`; a pair needs ``threshold`` and no reason of
    :func:`tells_apart` (ratio, payer, scope, population, stock), with the cores each set itself
    gives for two scopes as the contrast (:func:`contrasted`). Pairs are taken best first (ties
    in reading order), each fact at most once, so an identical name always wins over a similar
    one. Generic names (:func:`is_generic`: 投资, 资金 … in ``generic``, or a payer alone such as
    中央财政) never pair: they do not say which investment. Pure."""

    def names(facts: Sequence[T]) -> list[Name | None]:
        out: list[Name | None] = []
        for f in facts:
            n = parse_name(f.indicator)
            out.append(None if is_generic(n, generic) else n)
        return out

    an, bn = names(a), names(b)
    contrast = contrasted(an) | contrasted(bn)
    akeys = [(f.measure or "", unit_key(f.unit)) for f in a]
    bkeys = [(f.measure or "", unit_key(f.unit)) for f in b]
    cands: list[tuple[float, int, int]] = []
    for i, na in enumerate(an):
        if na is None:
            continue
        for j, nb in enumerate(bn):
            if nb is None or akeys[i] != bkeys[j]:
                continue
            score = name_score((na.shown, na.match), (nb.shown, nb.match))
            if score >= threshold and not tells_apart(
                na, nb, threshold=threshold, contrast=contrast
            ):
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
