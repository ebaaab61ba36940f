"""Facts step, scan: the numbers of a text with scale, unit, qualifiers, ranges, lists (hits)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from reportgen.facts import tables as T
from reportgen.facts.numbers import CN_DIGIT_VALUES, parse_arabic, parse_chinese, scale_of, scaled


def alternation(words: Iterable[str], blockers: dict[str, tuple[str, ...]] | None = None) -> str:
    """A regex alternation of ``words``, longest first, each with its "not followed by" blockers."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        alt = re.escape(w)
        if blockers and blockers.get(w):
            alt += "(?!" + "|".join(re.escape(b) for b in blockers[w]) + ")"
        parts.append(alt)
    return "(?:" + "|".join(parts) + ")"


WS = r"[ \t\u3000\u00a0]*"
UNIT = alternation(T.UNITS, T.UNIT_BLOCKERS)
SCALE = alternation(T.SCALES)
APPROX = alternation(T.APPROX_MARKERS)
SCALE_CHARS = frozenset("".join(T.SCALES))
# What may follow a lone Chinese numeral for it to be a number: a scale, or 倍 (增长一倍).
LONE_CN_NEXT = SCALE_CHARS | {"倍"}
CN_START = "一二两三四五六七八九十"
CN_BODY = "零〇一二两三四五六七八九十百千万亿点"
NUMBER_RE = re.compile(rf"(?P<ar>\d+(?:,\d{{3}})*(?:\.\d+)?)|(?P<cn>[{CN_START}][{CN_BODY}]*)")
# Arabic digits between scale words, one number (SC 2018: 2万5千公里, 1万6千多户, 1亿3千多万);
# a 多/余 before the last scale word is the whole number's (1亿3千多万 is over 130 million).
MIXED_RE = re.compile(r"\d+[亿万千](?:[零〇]?\d+[千百十]?)+(?:(?P<ap>[多余])?[万亿])?(?![\d.])")
MIXED_NEXT = frozenset("0123456789零〇")  # after the first scale word: MIXED_RE is worth trying
# What follows a number: an approximate marker (20余万元, 100多个), a scale, a unit; unit first so
# that 千瓦/千米/万千瓦 are read as units rather than as the scale 千/万.
TAIL_RE = re.compile(
    rf"{WS}(?P<ap1>{APPROX})?{WS}(?:(?P<unit>{UNIT})|(?P<scale>{SCALE}){WS}(?P<ap2>{APPROX})?{WS}"
    rf"(?P<unit2>{UNIT})?)?"
)
SUFFIX_RE = re.compile(rf"{WS}(?P<q>{alternation(T.SUFFIX_QUALIFIERS)})")
PREFIX_RE = re.compile(
    rf"(?P<q>{alternation(T.PREFIX_QUALIFIERS)}){WS}(?:{alternation(T.SHARE_SCOPES)})?{WS}$"
)
CHANGE_RE = re.compile(
    rf"(?P<v>{alternation(T.CHANGE_VERBS)})(?:{alternation(T.CHANGE_FILLERS)})?{WS}$"
)
RANGE_GAP_RE = re.compile(rf"{WS}{alternation(T.RANGE_CONNECTORS)}{WS}$")
LIST_GAP_RE = re.compile(rf"{WS}[、和及与]{WS}$")
FULLWIDTH_RE = re.compile(r"[０-９．，％]")
CLAUSE_DELIMS = "，,。；;：:！？!?\n（）()“”‘’"
POST_DELIMS = frozenset(CLAUSE_DELIMS + "、") - frozenset("“”‘’")
QUOTE_RE = re.compile(r"[“\"‘「][^”\"’」]{0,15}[”\"’」]")
# Qualifiers after which the number is the new level, not the size of a change (提高到80%).
LEVEL_QUALIFIERS = frozenset(
    q for q in T.PREFIX_QUALIFIERS if q.endswith(("到", "至", "在")) or q.startswith("达")
)
PREFIX_LOOKBACK = 8
POINTS_AFTER_RE = re.compile(rf"(?P<ap>{APPROX})百分点")
# Several of a size (三个1亿人, 两个一百年): a numeral and 个 right before a number make the phrase
# the name of a task or a goal, also where the report leaves out the quotes.
SET_OF_RE = re.compile("[两二三四五六七八九十]个$")
TIMES_RE = re.compile(r"(\d+)[×xX*]$")
# Shares and multiples written without a unit after the number, read in one pass before the plain
# numbers: X分之Y (百分之五 -> 5%, 千分之七 -> 7‰, 三分之一), a proper fraction a/b with a one-digit
# denominator (1/3; 22/10万 is a rate per 100,000 and 2015/12 a date, so neither), a ratio
# 3.6 : 48 : 48.4, 翻一番 (×2, 翻两番 ×4, 翻番 and 翻了番 ×2), 一半 (a half, only as the size of a
# change: 减少一半) and 三成 (tenths: 30 %, 九成五 95 %; 七八成 is vague, so a 成 needs a single
# numeral before it). Reports write all of them in running text (SC 2014–2019, Hailar 2012).
CN_NUMERAL = "零〇一二两三四五六七八九十百千万"
# What ends a share in tenths: the end of the phrase, 的, a qualifier, a change verb or a range
# (由五成提高到六成). Anything else is the noun the share is of (近三成农户), read in _special.
TENTHS_END = (
    rf"[{re.escape(CLAUSE_DELIMS)}、的和及与]|{alternation(T.SUFFIX_QUALIFIERS)}|$"
    rf"|{alternation(T.CHANGE_VERBS)}|{alternation(T.RANGE_CONNECTORS)}"
)
SPECIAL_RE = re.compile(
    rf"(?P<den>[{CN_NUMERAL}]+|\d+){WS}分之{WS}(?P<num>[{CN_NUMERAL}点]+|\d+(?:\.\d+)?)"
    r"|(?<![\dA-Za-z./])(?P<an>\d)/(?P<ad>\d)(?![\d./%‰万亿千百])"
    rf"|(?<![\dA-Za-z.:：∶/])(?P<ratio>\d+(?:\.\d+)?(?:{WS}[:：∶]{WS}\d+(?:\.\d+)?)+)(?![\d.:：∶])"
    r"|(?P<doubling>翻了?(?P<fan>[一两二三])?番)"
    r"|(?P<half>一半)"
    rf"|(?P<tenths>[一二两三四五六七八九])成(?:(?P<tdec>[一二三四五六七八九])(?={TENTHS_END})"
    r"|(?P<tap>[多余]))?"
)
TENTHS_END_RE = re.compile(TENTHS_END)
# A word 成 starts (三成员国, 分三成立, T.TENTHS_WORDS): before it a numeral is no share unless a
# qualifier before it says it is a quantity (近三成员工).
TENTHS_WORD_RE = re.compile(alternation(T.TENTHS_WORDS))
# What every SPECIAL_RE match holds: paragraphs without it (most) skip the pass. 三成 has its own
# gate behind a plain "成" in the text (a character class alone is much faster to search).
SPECIAL_GATE_RE = re.compile("[分/:：∶番半]")
TENTHS_GATE_RE = re.compile("[一二两三四五六七八九]成")
# A ratio of two terms needs a word saying it is one before it, in its clause (城乡居民收入比
# 2.5:1, 男女比例 105:100); 8:30 is a time and 3:1 a score. Three terms make a structure by
# themselves (3.6 : 48 : 48.4) unless they are a time of day (8:30:00).
RATIO_CUE_RE = re.compile(alternation(T.RATIO_CUES, T.RATIO_CUE_BLOCKERS))
CLOCK_RE = re.compile(r"\d{1,2}[:：∶][0-5]\d(?:[:：∶][0-5]\d)?")
RATIO_SPLIT_RE = re.compile(r"[:：∶]")
BARE_SCALES = {"百": 100.0, "千": 1000.0, "万": 10_000.0}
# Categories read by SPECIAL_RE whose value is not a plain number with a unit; they never join a
# range or lend their unit to a list neighbour (一半、三分之一 are not 0.5–0.33 of anything).
OWN_FORM = frozenset({"fraction", "ratio", "doubling"})
# A 万/亿 number right before a noun that counts people or households (1700多万困难群众).
COUNTED_NOUN_RE = re.compile(alternation(T.COUNTED_NOUNS, T.COUNTED_NOUN_BLOCKERS))
# ... or at the end of its clause after a subject that names them (农村贫困人口减少1240万，):
# the subject, then 分别/均, the level it starts from (出境旅游人次由8300万增加到1亿3千多万),
# a change verb or qualifier, and earlier members of a list.
COUNTED_SUBJECT = alternation(T.COUNTED_SUBJECTS)
FROM_LEVEL = rf"[由从]{WS}[\d.{CN_BODY}多余]+{WS}"
COUNTED_SUBJECT_RE = re.compile(
    rf"{COUNTED_SUBJECT}(?:分别|均)?(?:{FROM_LEVEL})?"
    rf"(?:{alternation(T.CHANGE_VERBS)}|{alternation(T.PREFIX_QUALIFIERS)})?了?{WS}"
    rf"(?:\d+(?:\.\d+)?{WS}{APPROX}?{WS}{SCALE}{WS}{APPROX}?{WS}[、和及]{WS})*$"
)
COUNTED_END = frozenset("，,。；;、和及）)\n")
# Characters of a modifier a counted noun may carry after a measure word (600万个困难家庭).
MEASURED_NOUN_LEAD = 2
# The level a count starts from: the subject, 由/从, the number, then a verb to the new level.
COUNTED_FROM_RE = re.compile(rf"{COUNTED_SUBJECT}(?:分别|均)?[由从]{WS}$")
TO_LEVEL_RE = re.compile(rf"{WS}(?:{alternation(T.CHANGE_VERBS)})?[到至]")


@dataclass
class Hit:
    """A number found in the text, before the sentence-level passes (lists, kinds, indicators)."""

    start: int  # of the number itself
    end: int  # after unit and suffix qualifier
    value: float
    unit_written: str = ""
    base: str = ""
    factor: float = 1.0
    category: str = ""
    scaled: bool = False
    qualifier: str = ""
    q_start: int = -1  # start of a prefix qualifier (for the surface)
    sign: int = 0  # 0: level; +1/-1: change
    low: float | None = None
    high: float | None = None
    scale: float = 1.0  # the scale word's factor (2.82亿 -> 1e8), for a list neighbour to share
    subject: str = ""  # the indicator a 分别 list assigns
    follows: bool = False  # a later member of a 分别 list without names: same indicator as before
    terms: tuple[float, ...] = ()  # a fraction's numerator and denominator, a ratio's terms


def _range_low(a: Hit, b: Hit) -> float:
    """The low end of the range ``a`` to ``b``. With its own unit ``a`` is complete (3万千瓦至5万千瓦);
    with its own scale word it borrows only ``b``'s unit, not a scale written into that unit
    (1.2万至1.5万千瓦 is 12,000 kW); a bare number borrows both (3至5万千瓦, 3至5亿元)."""
    if a.base:
        return a.value
    if a.scaled:
        lead = b.unit_written[:1]
        inner = scale_of(lead) if len(b.unit_written) > 1 and lead in "万亿" else 1.0
        return scaled(a.value, b.factor / inner)
    return scaled(a.value, b.factor, b.scale)


def scan(n: str) -> list[Hit]:
    """All numbers with a unit, in order, with ranges merged and list units shared (4.2和0.7个百分点)."""
    quoted: list[tuple[int, int]] | None = None
    raw: list[Hit] = []
    taken: list[tuple[int, int]] = []
    if SPECIAL_GATE_RE.search(n) or ("成" in n and TENTHS_GATE_RE.search(n)):
        quoted = [(q.start(), q.end()) for q in QUOTE_RE.finditer(n)]
        for m in SPECIAL_RE.finditer(n):
            hit = _special(n, m, quoted)
            if hit is not None:
                raw.append(hit)
                taken.append((m.start(), m.end()))
    read_to = 0  # the end of the last number read (2万5千 holds the numbers 2 and 5)
    for m in NUMBER_RE.finditer(n):
        cn = m.group("cn")
        if cn and len(cn) == 1 and n[m.end() : m.end() + 1] not in LONE_CN_NEXT:
            continue  # a lone 一…十 with no scale after it: 一是, 三个中心 (the common case, so early)
        if m.start() < read_to or (taken and any(a <= m.start() < b for a, b in taken)):
            continue
        if quoted is None:
            quoted = [(q.start(), q.end()) for q in QUOTE_RE.finditer(n)]
        hit = _number(n, m, quoted)
        if hit is not None:
            raw.append(hit)
            read_to = hit.end
    if taken:
        raw.sort(key=lambda h: h.start)
    # Right to left, so a unit-less number can borrow from the already complete one after it.
    for i in range(len(raw) - 2, -1, -1):
        a, b = raw[i], raw[i + 1]
        gap = n[a.end : b.start]
        if a.category in OWN_FORM or b.category in OWN_FORM:
            continue
        if b.base and RANGE_GAP_RE.fullmatch(gap):
            if (not a.base or a.base == b.base) and not from_to(n, a.start):
                lo = _range_low(a, b)
                raw[i] = replace(
                    b,
                    start=a.start,
                    q_start=a.q_start,
                    value=lo,
                    low=lo,
                    high=b.value,
                    qualifier=a.qualifier or b.qualifier,
                    sign=a.sign or b.sign,
                )
                raw[i + 1] = replace(b, base="")  # consumed into the range
        elif not a.base and b.base and LIST_GAP_RE.fullmatch(gap):
            raw[i] = replace(
                a,
                value=scaled(a.value, 1 if a.scaled else b.scale, b.factor),
                unit_written=b.unit_written,
                base=b.base,
                factor=b.factor,
                category=b.category,
                scaled=True,
                sign=a.sign or (_points_sign(n, a.start) if b.base == "个百分点" else 0),
            )
    # 分别低0.2和0.3个百分点: the words before the first of a list of points say whether all rose
    # or fell; the later ones have only the list's 和 before them.
    for i in range(1, len(raw)):
        a, b = raw[i - 1], raw[i]
        if a.base == b.base == "个百分点" and LIST_GAP_RE.fullmatch(n[a.end : b.start]):
            raw[i] = replace(b, sign=a.sign)
    return [h for h in raw if h.base]


def _points_sign(n: str, start: int) -> int:
    """A number of percentage points is a difference: -1 after a word of falling, else +1."""
    near = n[max(0, start - 4) : start]
    return -1 if any(w in near for w in T.POINT_FALL_WORDS) else 1


def from_to(n: str, start: int) -> bool:
    """从6%到8% is two levels, not a range."""
    clause = n[max(0, start - 12) : start]
    cut = max(clause.rfind(c) for c in "，。；")
    return any(w in clause[cut + 1 :] for w in ("从", "由"))


def starting_level(n: str, start: int) -> bool:
    """The first figure after 从/由 in its clause when the clause goes on to where it went (从54万
    亿元增加到82.7万亿元: 54万亿元): the level a change started from, not the one it reached; 由
    财政承担30% (by) starts nothing."""
    clause = n[max(0, start - 12) : start]
    cut = max(clause.rfind(c) for c in "，。；")
    since = max(clause.rfind("从"), clause.rfind("由"))
    if since <= cut or any(c.isdigit() for c in clause[since:]):
        return False
    after = re.split(r"[，。；,;]", n[start : start + 20], maxsplit=1)[0]
    return "到" in after or "至" in after


def _number(n: str, m: re.Match[str], quoted: list[tuple[int, int]]) -> Hit | None:
    start = m.start()
    before = n[start - 1] if start else ""
    inner_approx = ""  # 多 inside a number written with several scale words (1亿3千多万)
    mixed = False  # Arabic digits between scale words (2万5千)
    if any(a <= start < b for a, b in quoted):
        return None  # “2411”, “三清三改”: slogans and names
    if n[max(0, start - 2) : start].rstrip().endswith(T.ORDINAL_PREFIXES):
        return None
    if SET_OF_RE.search(n, max(0, start - 2), start):
        return None  # 以解决三个1亿人问题: a set of sizes names a task, it states no number
    if before == "届":
        return None  # 九届十三次全委会: the session of a term, an ordinal
    if m.group("ar"):
        # PM2.5, G109, IPv6 (a hyphen after a digit is a range, handled later)
        if (
            before
            and before.isascii()
            and (before.isalnum() or before in ".+-/")
            and (
                before != "-" or (start >= 2 and n[start - 2].isascii() and n[start - 2].isalpha())
            )
        ):
            return None
        if before in SCALE_CHARS and start >= 2 and n[start - 2].isdigit():
            return None  # the 200 of 3万200: part of a number MIXED_RE could not read
        text = m.group("ar")
        value = parse_arabic(text)
        end = m.end()
        if end < len(n) and n[end].isascii() and n[end].isalpha():
            return None  # 5G, 3A
        if n[end + 1 : end + 2] in MIXED_NEXT and n[end : end + 1] in SCALE_CHARS:
            mx = MIXED_RE.match(n, start)
            whole = parse_chinese(mx.group().replace(mx["ap"] or "", "")) if mx else None
            if mx is not None and whole is not None:
                text, value, end, mixed = mx.group(), whole, mx.end(), True
                inner_approx = mx["ap"] or ""
    else:
        text = m.group("cn")
        if before and before in T.VAGUE_PREFIXES:
            return None  # 上百万, 数十万: not a number
        value_or_none = parse_chinese(text)
        end = start + len(text)
        if value_or_none is None and n[end : end + 1] in T.APPROX_MARKERS:
            # 一亿三千多万: the 多 before the last scale word is the whole number's
            value_or_none = parse_chinese(text + n[end + 1 : end + 2])
            if value_or_none is not None:
                inner_approx, text = n[end], text + n[end : end + 2]
        while value_or_none is None and len(text) > 1:
            text = text[:-1]
            value_or_none = parse_chinese(text)
        if value_or_none is None:
            return None
        value = value_or_none
        end = start + len(text)
    tail = TAIL_RE.match(n, end)
    assert tail is not None  # every part is optional
    unit = tail.group("unit") or tail.group("unit2")
    duration = "" if unit or not m.group("ar") else _duration_unit(n, start, tail.end())
    # Small Chinese numerals are slogans and articles (两个关键, 三个中心, 一批), not statistics;
    # a multiple is one whatever its size (增长一倍, 增加两倍).
    small = value <= 10 and not any(c in text for c in "百千万亿")
    if m.group("cn") and small and not tail.group("scale") and unit != "倍":
        return None
    hit = Hit(start=start, end=end, value=value)
    scale = tail.group("scale") or ""
    governed = False  # a counted noun that goes on: the change verb is not about the count
    # 2万5千, 一亿三千万: scale words inside the number; scaled like 2.5万 (a list neighbour's
    # scale is not applied again) and, from 万 on, a count of people like 1700万.
    inner = 1e8 if "亿" in text else 1e4 if "万" in text else 1.0
    within = inner > 1 or mixed
    if unit or duration:
        base, factor, category = T.UNITS[unit] if unit else T.DURATION_UNITS[duration]
        hit.unit_written = unit or duration
        hit.base, hit.factor, hit.category = base, factor, category
        hit.value = scaled(value, scale_of(scale), factor)
        hit.scaled = bool(scale) or within
        hit.end = tail.end() + (1 if duration else 0)
    elif scale or within:
        # No unit yet: it may borrow one from the next number (1.2万至1.5万亩), or count the
        # people its noun names (1700多万困难群众).
        hit.value = scaled(value, scale_of(scale))
        hit.scaled = True
        # the noun starts after the scale word or 多 (not the spaces after them)
        after = max(tail.end("scale"), tail.end("ap2")) if scale else max(end, tail.end("ap1"))
        hit.end = tail.end("scale") if scale else end
        governed = scale_of(scale) * inner >= 1e4 and _counted(n, hit, after)
    if scale and unit:
        hit.scale = scale_of(scale)
    approx = inner_approx or tail.group("ap1") or tail.group("ap2")
    points = POINTS_AFTER_RE.match(n, hit.end) if unit == "个" else None
    if points:
        # 提高2个多百分点: 多 between the measure word and 百分点, "over 2 percentage points"
        hit.base, hit.factor, hit.category = T.UNITS["个百分点"]
        hit.unit_written, hit.end = unit + points.group(), points.end()
        approx = points.group("ap")
    elif unit in T.NOUN_MEASURE_WORDS:
        _measured_noun(n, hit)
    if approx and hit.base:
        hit.qualifier = approx
    hit = _in_context(n, hit)
    if governed:
        hit.sign = 0
    return hit


# A span of time before a number of years says how long, not how much (连续7年, 近5年, 每3年).
SPAN_LEAD_RE = re.compile(r"(?:连续|近|过去|前|这|每|第|经过|历时|用)$")


def _duration_unit(n: str, start: int, at: int) -> str:
    """年 or 岁 after a number at ``at`` as its unit, when a noun its clause measures in them
    comes before it (受教育年限从10.23年提高到10.8年, 人均预期寿命提高1岁); "" otherwise."""
    c = n[at : at + 1]
    if c not in T.DURATION_UNITS or SPAN_LEAD_RE.search(n, max(0, start - 2), start):
        return ""
    clause = n[max(0, start - 20) : start]
    clause = clause[max(clause.rfind(d) for d in "，,。；;：:\n") + 1 :]
    return c if any(w in clause for w in T.DURATION_NOUNS) else ""


def _measured_noun(n: str, hit: Hit) -> None:
    """A count with a measure word (T.NOUN_MEASURE_WORDS) right before a noun of people or
    households counts that noun: 600万个家庭受益 is 6 million households (户), named 家庭;
    1100万户困难家庭住上了新房 is named 困难家庭. The noun may carry a short modifier before it
    (困难, 低保); its last word is what is counted (居民家庭: households)."""
    rest = n[hit.end : hit.end + T.COUNTED_NOUN_SPAN]
    cut = next((i for i, ch in enumerate(rest) if ch in POST_DELIMS or ch.isdigit()), len(rest))
    m = COUNTED_NOUN_RE.search(rest, 0, cut)
    if m is None or m.start() > MEASURED_NOUN_LEAD:
        return
    head, noun_end = m.group(), m.end()
    while (more := COUNTED_NOUN_RE.match(rest, noun_end, cut)) is not None:
        head, noun_end = more.group(), more.end()
    hit.subject = rest[:noun_end]
    if hit.base == "个":
        hit.base, _, hit.category = T.UNITS[T.COUNTED_NOUNS[head]]


def _counted(n: str, hit: Hit, after: int) -> bool:
    """Give a unit-less 万/亿 number the people or households its noun counts: the noun right
    after it (1700多万困难群众, 1亿左右农业转移人口) or the subject of its clause when it ends the
    clause (农村贫困人口减少1240万，). True when the noun goes on past the counted word, so a
    change verb before the number is not about the count. ``after`` is where the number with
    its scale word and 多 ends."""
    s = SUFFIX_RE.match(n, after)
    if s is None and n.startswith("人", after) and not n.startswith("人民币", after):
        # 约1亿人居住的城镇棚户区, 2000万人工作: 人 right after a 万/亿 count is the people
        # counted, whatever verb follows; the words the unit 人 is blocked before (人居环境, 人大,
        # 人防) never follow a count of tens of thousands without a measure word.
        hit.end = after + 1
        hit.unit_written = "人"
        hit.base, _, hit.category = T.UNITS["人"]
        return False
    noun_at = s.end() if s else after
    rest = n[noun_at : noun_at + T.COUNTED_NOUN_SPAN]
    cut = next((i for i, ch in enumerate(rest) if ch in POST_DELIMS or ch.isdigit()), len(rest))
    m = COUNTED_NOUN_RE.search(rest, 0, cut)
    if m is not None:
        base = T.COUNTED_NOUNS[m.group()]
        noun_end = m.end()
        while (more := COUNTED_NOUN_RE.match(rest, noun_end, cut)) is not None:
            noun_end = more.end()  # 居民群众, 干部群众: the last word is the head
        hit.subject = rest[:noun_end].removeprefix("名")  # 1200多万名义务教育寄宿生
        hit.end = after
        # 降低900多万个体工商户税负: the verb acts on what the noun goes on to name, not on the count
        goes_on = noun_end < cut
    elif (ends := noun_at >= len(n) or n[noun_at] in COUNTED_END) or TO_LEVEL_RE.match(n, noun_at):
        # at the end of its clause, or the level a change starts from (由8300万增加到…)
        window = n[max(0, hit.start - 30) : hit.start]
        window = window[max(window.rfind(c) for c in "，,。；;：:\n") + 1 :]
        c = (COUNTED_SUBJECT_RE if ends else COUNTED_FROM_RE).search(window) if window else None
        if c is None:
            return False
        base = next(v for k, v in T.COUNTED_SUBJECTS.items() if k in c.group())
        hit.end = after
        goes_on = False
    else:
        return False
    hit.base = base
    hit.category = T.UNITS[base][2]
    return goes_on


def _special(n: str, m: re.Match[str], quoted: list[tuple[int, int]]) -> Hit | None:
    """A share or multiple written in words or symbols (百分之五, 三分之一, 1/3, 3.6:48:48.4,
    翻一番, 减少一半) as a hit, or None when it is none (a slogan, 一半 outside a change)."""
    start = m.start()
    if any(a <= start < b for a, b in quoted):
        return None
    if n[max(0, start - 2) : start].rstrip().endswith(T.ORDINAL_PREFIXES):
        return None
    hit = Hit(start=start, end=m.end(), value=0.0)
    if m.group("den"):
        den, num = _cn_or_arabic(m.group("den")), _cn_or_arabic(m.group("num"))
        if den is None or num is None or den <= 0:
            return None
        if m.group("den") in ("百", "千"):  # 百分之五 is 5%, 千分之七 7‰
            hit.value = num
            hit.base = hit.unit_written = "%" if den == 100 else "‰"
            hit.category = "percent" if den == 100 else "permille"
        elif num <= den:
            hit.value, hit.terms = num * 100 / den, (num, den)
            hit.base, hit.category = "%", "fraction"
        else:
            return None
    elif m.group("an"):
        num, den = float(m.group("an")), float(m.group("ad"))
        if not 0 < num < den:
            return None
        hit.value, hit.terms = num * 100 / den, (num, den)
        hit.base, hit.category = "%", "fraction"
    elif m.group("ratio"):
        terms = tuple(parse_arabic(t.strip()) for t in RATIO_SPLIT_RE.split(m.group("ratio")))
        if not _ratio_stated(n, start, m.group("ratio"), len(terms)):
            return None
        hit.value, hit.terms = terms[0], terms
        hit.base, hit.category = "比", "ratio"
    elif m.group("doubling"):
        hit.value = float(2 ** int(parse_chinese(m.group("fan") or "一") or 0))
        hit.base, hit.category = "倍", "doubling"
    elif m.group("tenths"):
        if start and n[start - 1] in CN_NUMERAL:
            return None  # 七八成: vague (a lookbehind in SPECIAL_RE would slow every search)
        noun_follows = not TENTHS_END_RE.match(n, m.end())
        unmarked = not PREFIX_RE.search(n, max(0, start - PREFIX_LOOKBACK), start)
        if (
            noun_follows
            and unmarked
            and (m.group("tenths") == "一" or TENTHS_WORD_RE.match(n, start + 1))
        ):
            return None  # 三成员国, 统一成立: 成 starts a word (六成政府举办的…机构 is a share)
        digit = CN_DIGIT_VALUES.get(m.group("tdec") or "零", 0)
        hit.value = float(CN_DIGIT_VALUES[m.group("tenths")] * 10 + digit)  # 三成 30, 九成五 95
        hit.base = hit.unit_written = "%"
        hit.category = "percent"
        hit.qualifier = m.group("tap") or ""
    else:  # 一半
        hit.value, hit.terms = 50.0, (1.0, 2.0)
        hit.base, hit.category = "%", "fraction"
    hit = _in_context(n, hit)
    if hit.category in ("doubling", "ratio"):
        hit.sign = 0  # 翻一番 is the new level (×2), a ratio a structure: never a change
    elif m.group("half") and not hit.sign:
        return None  # 一半用于大病保险, 超过一半人口: a part, not a measured change
    return hit


def _ratio_stated(n: str, start: int, ratio: str, terms: int) -> bool:
    """Whether ``ratio`` at ``start`` is a ratio: a ratio word in its clause before it, or three
    terms that are not a time of day."""
    window = n[max(0, start - 15) : start]
    window = window[max(window.rfind(c) for c in "，,。；;\n") + 1 :]
    if RATIO_CUE_RE.search(window):
        return True
    return terms >= 3 and not CLOCK_RE.fullmatch(re.sub(r"\s+", "", ratio))


def _cn_or_arabic(s: str) -> float | None:
    """A numerator or denominator: Arabic, Chinese, or a bare 百/千/万 (百分之, 万分之三)."""
    if s[0].isdigit():
        return parse_arabic(s)
    return BARE_SCALES.get(s) or parse_chinese(s)


def _in_context(n: str, hit: Hit) -> Hit:
    """Read what surrounds a number with its unit: a qualifier after (以上) or before it (达到),
    a change verb (增长, 下降), the sign of percentage points, a multiplier (2×35万千瓦)."""
    start = hit.start
    s = SUFFIX_RE.match(n, hit.end) if hit.base else None
    if s:
        hit.qualifier = s.group("q")
        hit.end = s.end()
    window = n[max(0, start - PREFIX_LOOKBACK) : start]
    p = PREFIX_RE.search(window)
    pre_end = len(window)
    if p:
        if not hit.qualifier:
            hit.qualifier = p.group("q")
        hit.q_start = start - (len(window) - p.start())
        pre_end = p.start()
    if not (p and p.group("q") in LEVEL_QUALIFIERS):
        c_from = max(0, start - 12)
        c = CHANGE_RE.search(n[c_from : start - (len(window) - pre_end)])
        if c:
            hit.sign = T.CHANGE_VERBS[c.group("v")]
            verb_at = c_from + c.start()
            q = PREFIX_RE.search(n, max(0, verb_at - PREFIX_LOOKBACK), verb_at)
            if q and not p and q.group("q") not in LEVEL_QUALIFIERS:
                # 年内至少降低30%: a bound written before the verb is the change's
                if not hit.qualifier:
                    hit.qualifier = q.group("q")
                hit.q_start = q.start()
    if hit.base == "个百分点" and not hit.sign:
        hit.sign = _points_sign(n, start)
    times = TIMES_RE.search(n, max(0, start - 6), start)
    if times and hit.base:
        # 2×35万千瓦: two units of 350,000 kW
        hit.value = scaled(hit.value, parse_arabic(times.group(1)))
        hit.q_start = times.start() if hit.q_start < 0 else min(hit.q_start, times.start())
    return hit


def distribute_lists(n: str, hits: list[Hit]) -> None:
    """``A、B分别达38.17%、60.58%``: share qualifier and change verb across the list and give each
    number its own subject."""
    i = 0
    while i < len(hits):
        h = hits[i]
        window = n[max(0, h.start - 10) : h.q_start if h.q_start >= 0 else h.start]
        k = window.rfind("分别")
        if k < 0 or any(c in window[k:] for c in "，。；,;"):
            i += 1
            continue
        group = [h]
        while i + len(group) < len(hits):
            nxt = hits[i + len(group)]
            if not LIST_GAP_RE.fullmatch(n[group[-1].end : nxt.start]):
                break
            group.append(nxt)
        first, last = group[0], group[-1]
        for g in group:
            if not g.qualifier:
                g.qualifier = first.qualifier if first.q_start >= 0 else last.qualifier
            if not g.sign:
                g.sign = first.sign
        abs_k = max(0, h.start - 10) + k
        subjects = _list_subjects(n, abs_k, len(group))
        for j, g in enumerate(group):
            if subjects:
                g.subject = subjects[j]
            elif j:
                g.follows = True
        i += len(group)


def _list_subjects(n: str, at: int, count: int) -> list[str]:
    """The ``count`` names a 分别 list pairs with its numbers: from the clause before 分别, else
    the clause before that (养老金、低保标准再次提高，月人均分别提高221元、90元)."""
    end = at
    for _ in range(2):
        c0 = max(n.rfind(c, 0, end) for c in "，。；：,;:\n") + 1
        words = [w for w in re.split(r"[、和及与]", re.sub(r"\s+", "", n[c0:end])) if w]
        if len(words) == count:
            last = words[-1]
            c = CHANGE_RE.search(last)
            if c and c.end() == len(last) and c.start() > 0:
                last = last[: c.start()]
            # 化学需氧量、二氧化硫排放总量近年来首次出现双下降: the last name runs into the predicate
            cut = min((k for w in T.LIST_PREDICATE_WORDS if (k := last.find(w)) > 0), default=None)
            words[-1] = last[:cut].removesuffix("再次").removesuffix("均")
            return words
        if c0 <= 0 or n[c0 - 1] not in "，,":
            break
        end = c0 - 1
    return []
