"""Facts step, matcher: find numbers with units in paragraph text and turn them into Fact records."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from reportgen.facts import tables as T
from reportgen.facts.english import render_en
from reportgen.facts.fact import ACHIEVEMENT, CHANGE, LEVEL, TARGET, Fact
from reportgen.facts.numbers import (
    CN_DIGIT_VALUES,
    normalise_digits,
    parse_arabic,
    parse_chinese,
    scale_of,
    scaled,
)
from reportgen.model import OTHER, PLAN, REVIEW, Document, Located, Section
from reportgen.sentences import sentence_spans


def _alternation(words: Iterable[str], blockers: dict[str, tuple[str, ...]] | None = None) -> str:
    """A regex alternation of ``words``, longest first, each with its "not followed by" blockers."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        alt = re.escape(w)
        if blockers and blockers.get(w):
            alt += "(?!" + "|".join(re.escape(b) for b in blockers[w]) + ")"
        parts.append(alt)
    return "(?:" + "|".join(parts) + ")"


WS = r"[ \t\u3000\u00a0]*"
UNIT = _alternation(T.UNITS, T.UNIT_BLOCKERS)
SCALE = _alternation(T.SCALES)
APPROX = _alternation(T.APPROX_MARKERS)
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
SUFFIX_RE = re.compile(rf"{WS}(?P<q>{_alternation(T.SUFFIX_QUALIFIERS)})")
PREFIX_RE = re.compile(
    rf"(?P<q>{_alternation(T.PREFIX_QUALIFIERS)}){WS}(?:{_alternation(T.SHARE_SCOPES)})?{WS}$"
)
CHANGE_RE = re.compile(
    rf"(?P<v>{_alternation(T.CHANGE_VERBS)})(?:{_alternation(T.CHANGE_FILLERS)})?{WS}$"
)
RANGE_GAP_RE = re.compile(rf"{WS}{_alternation(T.RANGE_CONNECTORS)}{WS}$")
LIST_GAP_RE = re.compile(rf"{WS}[、和及与]{WS}$")
YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})年")
# A time clause naming the year a number is for (到2020年, 力争到2025年底, 预计2024年): a year from
# the report's own on lies ahead, so what follows is a target even in a review part; an earlier one
# (到2012年底, 2003年到2007年) is a result. 截至/截止 say "as of", never "by".
DATED_CUE_RE = re.compile(
    r"(?:(?<!截)(?<!截止)[到至]|力争|预计|争取|确保|计划)(?:到|在|于)?\s*((?:19|20)\d{2})年"
)
# Time words besides a dated clause that say which year a target is for: a stretch of years ahead
# taken whole (今后五年, 未来三年, 三年内: its last year, counting the report's own), a five-year
# plan (“十三五”时期, 到“十三五”末, “十三五”规划: the plan's last year; the Nth plan, from the third
# of 1966–70 on, ends in 1955 + 5N, so 十五 is the tenth and 十五五 the fifteenth) and 今年 (the
# report's year again after a clause that named another). A plan named for the year that opens or
# closes it (“十三五”开局之年, 时期良好开局) dates nothing.
PERIOD_RE = re.compile(
    r"(?:今后|未来)(?P<ahead>[二两三四五六七八九十])年(?!来)"
    r"|(?<!过去)(?<![近前])(?P<within>[二两三四五])年内"
    r"|(?P<plan>十[一二三四五六七八九]?|[三四五六七八九])五[”\"’]?(?:时期|期间|期末|末|规划)"
    r"(?![^，,。；;]{0,12}(?:开局|收官|之年|一年))"
    r"|(?P<this>今年)(?!以来)"
)
# Time words that date a number to the year under review, not as the base of a comparison
# (比去年, 较去年 say what a target is measured against).
PAST_TIME_RE = re.compile(r"(?<![比较同])(?:去年|过去一年|过去的一年|过去五年)")
# A sentence that dates the year under review and states no figure (过去一年，我们的各项工作取得了
# 很大成绩。/ 刚刚过去的2017年，经济社会发展主要目标任务全面完成并好于预期。) leads in the results
# the next sentence lists, also where a plan part recalls them (SC 2011, SC 2018); a corpus of one
# sentence or clause a line carries the lead across lines until that sentence ends.
LEAD_PAST_RE = re.compile(r"(?<![比较同])(?:去年|过去一年|过去的一年)|刚刚过去的(?:19|20)\d{2}年")
SENTENCE_END_RE = re.compile(r"[。！？!?][”’」）)]*\s*$")
# A level that is a state, not a sum: a stock (储备, 余额, 积累) or a ratio (城镇化率, 比重, 覆盖).
STOCK_NAME_RE = re.compile(r"(?:率|比重|比例|占比|储备|余额|积累|存量|保有量|总量|覆盖)$|^占|率先")
NOT_CUE_RE = re.compile(r"预期寿命|[好高低]于预期|超[出过]预期|符合预期")
INTENT_FREE_RE = re.compile(rf"主要|重要|需要|必要|要求|{NOT_CUE_RE.pattern}")
# A stretch of past years a figure covers, as its own sentence says it before the figure (五年累计,
# 五年来, 过去五年, 近三年累计, “十一五”前四年累计, 比五年前): a sum, average or change over the
# stretch, not a result of its last year. 连续五年增产 counts the years of a trend, 三年内 and 今后
# 五年 lie ahead.
_PLAN_NAME = rf"{T.PLAN_NAME}?"
_SPAN = T.YEARS_SPAN
STRETCH_CUE_RE = re.compile(
    rf"{_PLAN_NAME}(?:过去|近|(?<![比较])前|这)的?{_SPAN}(?:来|累计|中|间|前)?(?![内底末初])"
    rf"|{_PLAN_NAME}{_SPAN}(?:来|累计|中|间|前)(?![内底末初])"
    # bare 五年 only opening a clause: 五年新增节水灌溉面积…, not 九年免费义务教育, 三年行动
    rf"|(?:^|(?<=[，,。；;：:]))(?:其中)?{_PLAN_NAME}{_SPAN}(?![内底末初以的])"
)
# A part reviewing a stretch of years as a whole (一、过去五年工作回顾, 一、“十一五”时期国民经济和
# 社会发展的回顾): its figures are the stretch's unless their sentence dates one year.
STRETCH_HEADING_RE = re.compile(
    r"过去(?:的)?[二两三四五六七八九十]年|[二两三四五六七八九十]年来"
    r"|[“\"]?(?:十[一二三四五六七八九]?|[三四五六七八九])五[”\"]?(?:时期|期间)"
)
# A yearly average over a stretch (年均增长11.2%), and a change against a base year before the year
# under review's (2007年…比2002年增长65.5%): figures of the stretch in a part that reviews one.
AVERAGE_RE = re.compile(rf"年均{WS}(?:{_alternation(T.CHANGE_VERBS)}|增幅|增速)")
BASE_YEAR_RE = re.compile(
    r"[比较](?:(?P<y>(?:19|20)\d{2})年|前[二两三四五六七八九十]年|[二两三四五六七八九十]年前)"
)
# What dates a figure to the year under review itself (去年, 比上年, 2012年 in a 2013 report).
ONE_YEAR_RE = re.compile(r"去年|过去一年|过去的一年|上年|同比|刚刚过去的")
FULLWIDTH_RE = re.compile(r"[０-９．，％]")
CLAUSE_DELIMS = "，,。；;：:！？!?\n（）()“”‘’"
CLAUSE_RE = re.compile("[" + re.escape(CLAUSE_DELIMS) + "]")
QUOTED_BEFORE_RE = re.compile(r"[“\"‘「]([^”\"’」]{1,15})[”\"’」]\s*$")
QUOTE_RE = re.compile(r"[“\"‘「][^”\"’」]{0,15}[”\"’」]")
# Qualifiers after which the number is the new level, not the size of a change (提高到80%).
INDICATOR_TAIL_RE = re.compile(T.INDICATOR_TAIL_RE)
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
    rf"[{re.escape(CLAUSE_DELIMS)}、的和及与]|{_alternation(T.SUFFIX_QUALIFIERS)}|$"
    rf"|{_alternation(T.CHANGE_VERBS)}|{_alternation(T.RANGE_CONNECTORS)}"
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
TENTHS_WORD_RE = re.compile(_alternation(T.TENTHS_WORDS))
# What every SPECIAL_RE match holds: paragraphs without it (most) skip the pass. 三成 has its own
# gate behind a plain "成" in the text (a character class alone is much faster to search).
SPECIAL_GATE_RE = re.compile("[分/:：∶番半]")
TENTHS_GATE_RE = re.compile("[一二两三四五六七八九]成")
# A ratio of two terms needs a word saying it is one before it, in its clause (城乡居民收入比
# 2.5:1, 男女比例 105:100); 8:30 is a time and 3:1 a score. Three terms make a structure by
# themselves (3.6 : 48 : 48.4) unless they are a time of day (8:30:00).
RATIO_CUE_RE = re.compile(_alternation(T.RATIO_CUES, T.RATIO_CUE_BLOCKERS))
CLOCK_RE = re.compile(r"\d{1,2}[:：∶][0-5]\d(?:[:：∶][0-5]\d)?")
RATIO_SPLIT_RE = re.compile(r"[:：∶]")
BARE_SCALES = {"百": 100.0, "千": 1000.0, "万": 10_000.0}
# Categories read by SPECIAL_RE whose value is not a plain number with a unit; they never join a
# range or lend their unit to a list neighbour (一半、三分之一 are not 0.5–0.33 of anything).
OWN_FORM = frozenset({"fraction", "ratio", "doubling"})
# A 万/亿 number right before a noun that counts people or households (1700多万困难群众).
COUNTED_NOUN_RE = re.compile(_alternation(T.COUNTED_NOUNS, T.COUNTED_NOUN_BLOCKERS))
# ... or at the end of its clause after a subject that names them (农村贫困人口减少1240万，):
# the subject, then 分别/均, the level it starts from (出境旅游人次由8300万增加到1亿3千多万),
# a change verb or qualifier, and earlier members of a list.
COUNTED_SUBJECT = _alternation(T.COUNTED_SUBJECTS)
FROM_LEVEL = rf"[由从]{WS}[\d.{CN_BODY}多余]+{WS}"
COUNTED_SUBJECT_RE = re.compile(
    rf"{COUNTED_SUBJECT}(?:分别|均)?(?:{FROM_LEVEL})?"
    rf"(?:{_alternation(T.CHANGE_VERBS)}|{_alternation(T.PREFIX_QUALIFIERS)})?了?{WS}"
    rf"(?:\d+(?:\.\d+)?{WS}{APPROX}?{WS}{SCALE}{WS}{APPROX}?{WS}[、和及]{WS})*$"
)
COUNTED_END = frozenset("，,。；;、和及）)\n")
# Characters of a modifier a counted noun may carry after a measure word (600万个困难家庭).
MEASURED_NOUN_LEAD = 2
# The level a count starts from: the subject, 由/从, the number, then a verb to the new level.
COUNTED_FROM_RE = re.compile(rf"{COUNTED_SUBJECT}(?:分别|均)?[由从]{WS}$")
TO_LEVEL_RE = re.compile(rf"{WS}(?:{_alternation(T.CHANGE_VERBS)})?[到至]")


@dataclass
class _Hit:
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


def _range_low(a: _Hit, b: _Hit) -> float:
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


def _scan(n: str) -> list[_Hit]:
    """All numbers with a unit, in order, with ranges merged and list units shared (4.2和0.7个百分点)."""
    quoted: list[tuple[int, int]] | None = None
    raw: list[_Hit] = []
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
            if (not a.base or a.base == b.base) and not _from_to(n, a.start):
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


def _from_to(n: str, start: int) -> bool:
    """从6%到8% is two levels, not a range."""
    clause = n[max(0, start - 12) : start]
    cut = max(clause.rfind(c) for c in "，。；")
    return any(w in clause[cut + 1 :] for w in ("从", "由"))


def _number(n: str, m: re.Match[str], quoted: list[tuple[int, int]]) -> _Hit | None:
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
    hit = _Hit(start=start, end=end, value=value)
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


def _measured_noun(n: str, hit: _Hit) -> None:
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


def _counted(n: str, hit: _Hit, after: int) -> bool:
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


def _special(n: str, m: re.Match[str], quoted: list[tuple[int, int]]) -> _Hit | None:
    """A share or multiple written in words or symbols (百分之五, 三分之一, 1/3, 3.6:48:48.4,
    翻一番, 减少一半) as a hit, or None when it is none (a slogan, 一半 outside a change)."""
    start = m.start()
    if any(a <= start < b for a, b in quoted):
        return None
    if n[max(0, start - 2) : start].rstrip().endswith(T.ORDINAL_PREFIXES):
        return None
    hit = _Hit(start=start, end=m.end(), value=0.0)
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


def _in_context(n: str, hit: _Hit) -> _Hit:
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


def _cue_kind(text: str, ref_year: int | None = None) -> str:
    """Target or achievement from the cue words of a text; "" when they balance. Strong cues count
    twice; a year before ``ref_year`` (the report's year) is a past result."""
    t = sum(text.count(c) * (2 if c in T.STRONG_TARGET_CUES else 1) for c in T.TARGET_CUES)
    a = sum(
        text.count(c) * (2 if c in T.STRONG_ACHIEVEMENT_CUES else 1) for c in T.ACHIEVEMENT_CUES
    )
    if ref_year is not None:
        for m in YEAR_RE.finditer(text):
            if int(m.group(1)) < ref_year:
                a += 2
            else:
                t += 2
    if t == a:
        return ""
    return TARGET if t > a else ACHIEVEMENT


def _dated_kind(sentence_before: str, ref_year: int | None) -> str:
    """Target or achievement from the last dated time clause before a number (到2020年: a target
    when the report is from 2020 or before); "" without one or without the report's year."""
    if ref_year is None or "年" not in sentence_before:
        return ""
    years = DATED_CUE_RE.findall(sentence_before)
    if not years:
        return ""
    return TARGET if int(years[-1]) >= ref_year else ACHIEVEMENT


def _named_year(words: str, ref_year: int | None) -> int | None:
    """The year the last time clause of ``words`` names for a target (到2020年 2020; in a 2016
    report 今后五年 2020, 今年 2016; “十三五”时期 2020); None without one, or when it names a year
    before the report's, which dates no target. Stretches counted from the report need its year."""
    if not any(c in words for c in "年五"):
        return None
    found: list[tuple[int, int | None]] = [
        (m.end(), int(m.group(1))) for m in DATED_CUE_RE.finditer(words)
    ]
    for m in PERIOD_RE.finditer(words):
        if m.group("plan"):
            year: int | None = 1955 + 5 * int(parse_chinese(m.group("plan")) or 0)
        elif ref_year is None:
            year = None
        elif m.group("this"):
            year = ref_year
        else:
            span = parse_chinese(m.group("ahead") or m.group("within")) or 1
            year = ref_year + int(span) - 1
        found.append((m.end(), year))
    if not found:
        return None
    year = max(found, key=lambda t: t[0])[1]
    if year is None or (ref_year is not None and year < ref_year):
        return None
    return year


def _leads(text: str, carried: bool, ref_year: int | None) -> tuple[frozenset[int], bool]:
    """The starts of the sentences of ``text`` that a lead sentence (LEAD_PAST_RE: 过去一年，各项
    工作取得了很大成绩。) dates to the year under review, and whether the next paragraph's first
    sentence is led too. ``carried``: this paragraph's first sentence is (a lead ended the one
    before, or the led sentence runs on across lines: 国内生产总值增长10.3%，)."""
    if not carried and not LEAD_PAST_RE.search(text) and "年" not in text:
        return frozenset(), False  # most paragraphs: no lead, nothing led
    led: set[int] = set()
    lead = carried
    last_led = False
    for a, b in sentence_spans(text, semicolon=False):
        sentence = text[a:b]
        if not sentence.strip():
            continue
        if lead:
            led.add(a)
        last_led = lead
        lead = _is_lead(sentence, ref_year)
    ended = SENTENCE_END_RE.search(text) is not None
    return frozenset(led), lead or (last_led and not ended)


def _is_lead(sentence: str, ref_year: int | None) -> bool:
    """A sentence dating the year under review with no figure and no word of intent."""
    past = LEAD_PAST_RE.search(sentence) or (
        ref_year is not None
        and any(int(y) == ref_year - 1 for y in YEAR_RE.findall(sentence))
        and not any(int(y) != ref_year - 1 for y in YEAR_RE.findall(sentence))
    )
    # 主要目标任务全面完成并好于预期: 要 and 预期 inside words that state no intent
    plain = INTENT_FREE_RE.sub("", sentence)
    return bool(past) and not any(c in plain for c in T.TARGET_CUES) and not _scan(sentence)


def _stretch_label(
    n: str,
    h: _Hit,
    before: str,
    *,
    indicator: str,
    stretch: str,
    one_year: bool,
    clause_start: int,
    ref_year: int | None,
) -> str:
    """The stretch of years a result covers, as the report words it, or "" for a result of one
    year: the stretch its sentence names before it (五年累计, 近三年累计), else in a part that
    reviews a stretch (``stretch``: 过去五年) a yearly average or a change against a base year
    before the year under review, and any figure its sentence does not date to that one year
    (去年, 比上年, 2012年; a lead) nor states as a level reached (达到39.8万亿元) or started from
    (从3.16万亿元): those are the stretch's end and start, not its sum."""
    owns = list(STRETCH_CUE_RE.finditer(before))
    if owns:
        return re.sub(r"[“”\"这]|(?:累计|来|中|间|前)$", "", owns[-1].group())
    if not stretch:
        return ""
    clause = n[clause_start : h.start]
    base = BASE_YEAR_RE.search(clause)
    if AVERAGE_RE.search(clause) or (
        base and (not base.group("y") or (ref_year and int(base.group("y")) < ref_year - 2))
    ):
        return stretch
    years = [int(y) for y in YEAR_RE.findall(before)]
    if one_year or ONE_YEAR_RE.search(before) or (ref_year and ref_year - 1 in years):
        return ""
    reached = PREFIX_RE.search(n, max(0, h.start - PREFIX_LOOKBACK), h.start)
    if (reached and reached.group("q") in LEVEL_QUALIFIERS) or _from_to(n, h.start):
        return ""
    if not h.sign and STOCK_NAME_RE.search(indicator):
        return ""  # 外汇储备超过1.52万亿美元, 城镇化率…: where the stretch ended
    return stretch


def _stretch_core(label: str) -> str:
    """What a stretch label says in a name that already gives it (过去五年 -> 五年)."""
    return label.removeprefix("过去").removeprefix("近") or label


def _heading_stretch(loc: Located) -> str:
    """The stretch of past years a review part's heading names as a whole (一、过去五年工作回顾
    -> 过去五年; 一、“十一五”时期…的回顾 -> 十一五时期); "" for a part on one year."""
    for sec in reversed(loc.path):
        if sec.kind == REVIEW and not sec.kind_inferred:
            m = STRETCH_HEADING_RE.search(sec.heading)
            return re.sub(r"[“”\"]", "", m.group()) if m else ""
    return ""


def _sentence_kind(
    sentence_before: str,
    sentence: str,
    default: str,
    paragraph_kind: str,
    *,
    ref_year: int | None = None,
    recalled: bool = False,
) -> str:
    """The kind of a number: the section says, a strong cue before it in the sentence overrides
    (a target cue, or a year still to come: 到2020年 in a 2016 review is no result); without a
    section kind, explicit cues of the sentence, then the paragraph's language."""
    dated = _dated_kind(sentence_before, ref_year)
    # 人均预期寿命, 好于预期: 预期 inside a name or a comparison with what was expected
    cued = NOT_CUE_RE.sub("", sentence_before) if "预期" in sentence_before else sentence_before
    strong_target = dated == TARGET or any(c in cued for c in T.STRONG_TARGET_CUES)
    if default == ACHIEVEMENT:
        return TARGET if strong_target else ACHIEVEMENT
    if default == TARGET:
        # 去年居民消费价格涨幅回落到2.6% in a plan part: a sentence dated to the year under
        # review, with no word of what is to be done, recalls a result
        past = recalled or dated == ACHIEVEMENT or PAST_TIME_RE.search(sentence_before)
        if past and not any(c in sentence_before for c in T.TARGET_CUES):
            return ACHIEVEMENT
        return TARGET
    if strong_target:
        return TARGET
    if dated or recalled or any(c in sentence for c in T.STRONG_ACHIEVEMENT_CUES):
        return ACHIEVEMENT
    return paragraph_kind or _cue_kind(sentence) or ACHIEVEMENT


def _indicator(
    text: str,
    hit: _Hit,
    clause_start: int,
    previous: str,
    *,
    sentence_start: int = 0,
    same_sentence: bool = False,
) -> str:
    """A short name for the number from the words before it (or after it, for 3所乡镇卫生院),
    else from the topic clause before its own or the number before it."""
    stop = hit.q_start if hit.q_start >= 0 else hit.start
    while (
        clause_start >= 2
        and text[clause_start - 1] in "”’」"
        and text[clause_start : clause_start + 1] not in POST_DELIMS
    ):
        # “一户一阀”改造76万平方米: the quoted name belongs to the indicator
        opening = max(text.rfind(q, 0, clause_start - 1) for q in "“‘「")
        if opening < 0 or clause_start - opening > 17:
            break
        clause_start = opening
    pre = re.sub(r"[\s“”‘’「」]+", "", text[clause_start:stop])
    verb = ""
    for w in T.INDICATOR_CUT_AFTER:
        k = pre.rfind(w)
        # 湟中区完成国土绿化 -> 国土绿化, but 最低收购价累计提高 keeps what comes before 累计
        if k >= 0 and k + len(w) < len(pre) and _clean(pre[k + len(w) :])[0]:
            pre = pre[k + len(w) :]
    pre, verb = _clean(pre)
    counted = hit.category in ("count", "people", "households")
    if counted and pre and previous.endswith(pre):
        pre = ""  # 8个景区、4条线路: the words before 4条 named the number before it
    post = _post(text, hit.end)
    if post and hit.category == "people":
        pre, post = _people_words(pre, post, written=hit.unit_written)
    money = hit.category.startswith("money")
    if pre in T.INVEST_VERBS and money and not post and text[hit.end : hit.end + 1] in "，,":
        # 投资4360万元，对城区雨水管网进行全面改造: the next clause says what it paid for, unless
        # it is only a verb or a place (实施了中心城区26公里…)
        nxt = _strip_lead(_post(text, hit.end + 1))
        if len(nxt) >= 2 and not _is_place(nxt) and not nxt.startswith(T.INDICATOR_POST_LEADS):
            post = nxt
    if pre in T.INVEST_VERBS and post and money:
        # 投资2.3亿元强化教育基础设施 -> 教育基础设施投资
        return _strip_lead(post) + pre
    paid = PAYER_RE.fullmatch(pre) if money and post.startswith("用于") else None
    if paid and len(_strip_lead(post)) >= 2:
        # 中央财政拟投入433亿元用于促进就业 -> 促进就业投入: the payer only says who pays
        return _strip_lead(post) + paid.group("verb")
    if post in T.BENEFIT_VERBS and not pre:
        # 全年人均增加1680元，5700多万人受益: who benefits, from what the sentence named
        subject = (previous if same_sentence else "") or _topic(text, sentence_start, clause_start)
        return subject + post if subject else post
    if post and (not pre or _is_place(pre) or pre in T.INDICATOR_HEAD_VERBS):
        # 实施了中心城区26公里供水: the place only says where; 健全优化389亿元项目库: the verb
        # alone names nothing; a noun of one character (已扩大到全国86%的县) says what a share
        # is of, the topic before it what covers it
        if len(post) == 1 and not pre:
            return _topic(text, sentence_start, clause_start) or post
        return post
    if counted and post:
        if "、" in pre or pre.endswith("等") or pre in T.COUNT_VERBS:
            # 共和、多巴2个美丽城镇, 建设5个重点村: names or a verb, then the count and what it counts
            return post
        if len(pre) <= 4:
            return (pre + post)[-24:]  # 新建8个…, 承诺的10大类…
    if pre and len(pre) <= 2 and post:
        return post  # 设立7000万元专项基金: the verb alone names nothing
    if len(pre) >= 2:
        return pre[-24:]
    # one character left (年 of 年人均提高, 数 of 比上年预计数增加) names nothing either
    quoted = QUOTED_BEFORE_RE.search(text, 0, stop)
    if quoted:
        return quoted.group(1)  # 完成“煤改电”2.9万户
    return post or _topic(text, sentence_start, clause_start) or previous or verb


PAYER_RE = re.compile(
    rf"{_alternation(T.PAYERS)}(?:{_alternation(T.PAYER_ADVERBS)})*(?P<verb>{_alternation(T.INVEST_VERBS)})"
)
# A topic clause opening with how long a trend has run and its verb (连续第7年提高企业退休人员基本
# 养老金): what it raised names the figures of the next clause.
TOPIC_LEAD_RE = re.compile(
    rf"^(?:连续(?:第)?[\d一二两三四五六七八九十]+年)?(?:{_alternation(T.CHANGE_VERBS)}|加大|加强)?对?"
)
# What stays at the end of a topic clause once its change verb is gone (T.TOPIC_ADVERBS), or an
# adverb with the verb it goes with (制度不断完善, 体系逐步健全): the predicate, not the topic.
TOPIC_ADVERB_RE = re.compile(
    "(?:" + "|".join((_alternation(T.TOPIC_ADVERBS), *T.TOPIC_ADVERB_PATTERNS)) + ")"
    r"(?:[\u4e00-\u9fff]{2})?$"
)


def _topic(text: str, sentence_start: int, clause_start: int) -> str:
    """The clause before a number's clause when it holds no number: the topic that names what
    the next clause counts (全社会研究与实验发展经费，从2002年1288亿元增加到…; 企业退休人员养老金
    标准继续提高，年人均提高2556元); "" otherwise (a clause with its own number named it)."""
    if clause_start > sentence_start and text[clause_start - 1] not in CLAUSE_DELIMS:
        return ""  # a number earlier in the clause (由A提高到B) names this one
    end = max(text.rfind(c, sentence_start, clause_start) for c in "，,；;：:")
    if end <= sentence_start:
        return ""
    start = max(text.rfind(c, sentence_start, end) for c in "，,；;：:") + 1
    clause = text[max(start, sentence_start) : end]
    if not clause or _scan(normalise_digits(clause)) or TENTHS_GATE_RE.search(clause):
        return ""  # a figure names itself (an ordinal or a year, 连续第7年, is none)
    lead = TOPIC_LEAD_RE.match(clause)
    if lead and 0 < lead.end() <= len(clause) - 2:
        clause = clause[lead.end() :]
    name = _clean(re.sub(r"[\s“”‘’「」]+", "", clause))[0].removesuffix("力度")
    while True:
        a = TOPIC_ADVERB_RE.search(name)
        if a is None or a.start() == 0:
            return name[-24:]
        name = _clean(name[: a.start()])[0]


# Verbs that only bring a count of people in (T.PEOPLE_LEAD_VERBS): the people's own words name it.
PEOPLE_LEAD_VERBS = frozenset(T.PEOPLE_LEAD_VERBS)
# What a count written with 人 itself does, as a relative clause before a noun (约1亿人居住的城镇棚户区):
# the noun is the name, the people's verb only links them to it.
PEOPLE_CLAUSE_RE = re.compile(r"[^的]{1,4}的(?=..)")
PEOPLE_NOUN_RE = re.compile(
    _alternation([w for w, b in T.COUNTED_NOUNS.items() if b == "人"], T.COUNTED_NOUN_BLOCKERS)
)


def _people_words(pre: str, post: str, *, written: str) -> tuple[str, str]:
    """The words before and after a count of people, for its name: a verb that only brings the
    people in is dropped; after 人 the people's own verb before 的 goes (居住的城镇棚户区 ->
    城镇棚户区); after a measure word or without one (2411名受灾群众的基本生活得到保障), when
    nothing before names the count, the noun ends at its last word for people (受灾群众).
    Returns the new ``(pre, post)``."""
    if pre in PEOPLE_LEAD_VERBS:
        pre = ""
    if written == "人":
        m = PEOPLE_CLAUSE_RE.match(post)
        return pre, post[m.end() :] if m else post
    if not pre:
        ends = [m.end() for m in PEOPLE_NOUN_RE.finditer(post)]
        # only before their 的 or a closing verb of two characters (受益, 参保): 工亡职工供养亲属
        # goes on to name more people
        if ends and (post.startswith("的", ends[-1]) or len(post) - ends[-1] <= 2):
            post = post[: ends[-1]]
    return pre, post


# The date a number is of, at either end of the words before it (2007年进出口总额达到…, 到2020年
# 国内生产总值…翻一番, 涉农贷款余额从2007年末的6.12万亿元增加到2012年末的…): when, not what;
# so is the period of a per-head figure.
DATE_HEAD_RE = re.compile(
    r"(?:到|至|截至|截止到?|从|由|自)?(?:19|20)\d{2}年(?:底|末|以来)?(?:[，,]|起|开始)?"
)
# 一是…二是…三是: the marker of a list item, no part of a name (三是将18项行政事业性收费…).
ENUMERATOR_RE = re.compile("[一二三四五六七八九十]+是")
DATE_TAIL_RE = re.compile(
    r"(?:19|20)\d{2}年(?:底|末|初)?(?:的)?$"
    r"|(?:全年|每年|每月|(?<![全当今去明])年|月)?人均(?:每年|每月)?$"  # 城镇年人均: per head
)
# A cell alone names no figure (T.PARTITION_CELLS): with its per-head words it is the whole name
# (城镇年人均提高600元, 农村年人均提高200元), while after a topic that names the figure (养老金标准
# 继续提高，年人均提高2556元) they are only its period and go.
CELL_PER_HEAD_RE = re.compile(
    rf"{_alternation(T.PARTITION_CELLS)}(?:全年|每年|每月|年|月)?人均(?:每年|每月)?$"
)


def _clean(name: str, *, head: bool = True) -> tuple[str, str]:
    """Strip subjects, doing verbs, fillers and qualifiers from both ends of a name (the end only
    when ``head`` is false: 和美乡村 after a number keeps its 和); also return the change verb
    found at its end (增长), the name of last resort."""
    verb = ""
    if head and (e := ENUMERATOR_RE.match(name)):
        name = name[e.end() :]  # first, before 是 goes as a tail word (三是将 -> 三)
    changed = True
    while changed and name:
        changed = False
        c = CHANGE_RE.search(name)
        if c and c.end() == len(name):
            name, verb, changed = name[: c.start()], c.group("v"), True
        if not CELL_PER_HEAD_RE.search(name):
            name, changed = _strip_tail(name, changed)
        if not head:
            continue
        d = DATE_HEAD_RE.match(name)
        if d and d.end() < len(name):
            name, changed = name[d.end() :], True
        for w in T.INDICATOR_STRIP_HEAD:
            if name.startswith(w):
                name, changed = name[len(w) :], True
        subject = _subject_len(name)
        if subject:
            name, changed = name[subject:], True
        for w in T.INDICATOR_HEAD_VERBS:
            # 实施项目 stays: a bare 项目 would name less than the verb with it
            if name.startswith(w) and len(name) - len(w) >= 3:
                name, changed = name[len(w) :], True
                break
    return name.strip(CLAUSE_DELIMS), verb


def _strip_tail(name: str, changed: bool) -> tuple[str, bool]:
    """One pass of :func:`_clean` over the end of a name: a date or per-head period, the tail
    words, a comparison base or "to" verb; ``changed`` becomes True when something went."""
    d = DATE_TAIL_RE.search(name)  # before the tail words: 年人均 is not 年 + 人均
    if d:
        name, changed = name[: d.start()], True
    for w in T.INDICATOR_STRIP_TAIL:
        if name.endswith(w) and not name.endswith(T.WHOLE_VERBS):
            name, changed = name[: -len(w)], True
    t = INDICATOR_TAIL_RE.search(name)
    if t and t.start() < len(name):
        name, changed = name[: t.start()], True
    return name, changed


def _subject_len(name: str) -> int:
    """Length of a clause subject at the start of ``name`` (我区, 湟中区 before a doing verb)."""
    for w in T.INDICATOR_SUBJECTS:
        if name.startswith(w) and len(name) - len(w) >= 2:
            return len(w)
    for k in range(2, 5):
        if name[k - 1 : k] in T.PLACE_SUFFIXES and name.startswith(
            T.INDICATOR_HEAD_VERBS + T.INDICATOR_CUT_AFTER, k
        ):
            return k
    return 0


def _is_place(name: str) -> bool:
    """A bare place name (中心城区, 共和镇, 主城区): where, not what."""
    return 2 <= len(name) <= 5 and name.endswith(T.PLACE_SUFFIXES)


# A number with its unit right after a number's own unit (10大类30项民生实事): skipped to reach
# the noun both count.
NEXT_NUMBER_RE = re.compile(rf"\d+(?:\.\d+)?{WS}{SCALE}?{WS}{UNIT}")
POST_DELIMS = frozenset(CLAUSE_DELIMS + "、") - frozenset("“”‘’")


def _post(text: str, end: int) -> str:
    """The noun after a number (3所乡镇卫生院达到国家级标准 -> 乡镇卫生院), quotes dropped."""
    rest = text[end:]
    m = NEXT_NUMBER_RE.match(rest)
    if m:
        rest = rest[m.end() :]
    if len(rest) > 2 and rest[0] not in POST_DELIMS and rest[1] in '“"‘「':
        rest = rest[1:]  # 46个村“多规合一”村庄规划: 村 is what is counted, the quote names the work
    cut = next(
        (i for i, ch in enumerate(rest) if ch in POST_DELIMS or ch.isdigit()),
        len(rest),
    )
    post = re.sub(r"[\s“”‘’\"]+", "", rest[:cut]).lstrip("的等了")
    return _clean(_trim_post(post), head=False)[0]


def _trim_post(post: str) -> str:
    """The noun after a number, up to the verb that follows it (3座生活垃圾填埋场正常运行)."""
    cut = min((k for w in T.INDICATOR_POST_STOPS if (k := post.find(w)) > 0), default=len(post))
    return post[: min(cut, 16)]


def _strip_lead(post: str) -> str:
    for w in T.INDICATOR_POST_LEADS:
        if post.startswith(w) and len(post) > len(w) + 1:
            return post[len(w) :].lstrip("的了")  # 实施的向阳幼儿园
    return post


def extract_from_text(
    text: str,
    *,
    paragraph_id: str = "",
    kind: str = ACHIEVEMENT,
    year: int | None = None,
    report_year: int | None = None,
) -> list[Fact]:
    """Facts in one paragraph, in text order. ``kind`` is the default the section gives
    (achievement / target, or "" to decide from the sentence's cue words); ``year`` is the year
    the facts are stamped with, except a target whose sentence names its own (到2020年, 今后五年:
    2020 in a 2016 report); ``report_year`` the year the report is given in, against which a named
    year counts as past (a result) or to come (到2020年: a target)."""
    return _extract(
        text,
        paragraph_id=paragraph_id,
        kind=kind,
        years={ACHIEVEMENT: year, TARGET: year},
        fallback=ACHIEVEMENT,
        ref_year=report_year,
    )


def _extract(
    text: str,
    *,
    paragraph_id: str,
    kind: str,
    years: dict[str, int | None],
    fallback: str,
    ref_year: int | None = None,
    header: tuple[_Column, ...] | None = None,
    recalled: frozenset[int] = frozenset(),
    stretch: str = "",
) -> list[Fact]:
    """Facts in one paragraph; ``years`` gives the year of an achievement and of a target whose
    sentence names none; ``header`` the columns of the table a row is in; ``recalled`` the
    starts of sentences a lead dates to the year under review (:func:`_leads`); ``stretch`` the
    stretch of years the paragraph's part reviews as a whole (过去五年), "" when none."""
    cells = _row_cells(text)
    if cells is not None:
        return _row_facts(
            text, cells, header, paragraph_id=paragraph_id, kind=kind, years=years,
            fallback=fallback, ref_year=ref_year,
        )  # fmt: skip
    n = normalise_digits(text) if FULLWIDTH_RE.search(text) else text
    hits = _scan(n)
    if not hits:
        return []
    paragraph_kind = (
        (_cue_kind(text, ref_year) or fallback) if kind not in (ACHIEVEMENT, TARGET) else ""
    )
    _distribute_lists(n, hits)
    # ；does not end the sentence: a target cue before a ；-list (主要预期目标是：…；…；…) governs
    # every item of it.
    spans = sentence_spans(text, semicolon=False)
    delims = [m.start() for m in CLAUSE_RE.finditer(n)]
    facts: list[Fact] = []
    prev_end = 0
    previous = ""
    for h in hits:
        s0, s1 = next(((a, b) for a, b in spans if a <= h.start < b), (0, len(text)))
        sentence = text[s0:s1].strip()
        k = bisect.bisect_left(delims, h.q_start if h.q_start >= 0 else h.start)
        clause_start = delims[k - 1] + 1 if k else 0
        clause_start = max(clause_start, s0, prev_end if prev_end > s0 else 0)
        if h.subject:
            indicator = h.subject
        elif h.follows and previous:
            indicator = previous
        else:
            indicator = _indicator(
                text, h, clause_start, previous, sentence_start=s0, same_sentence=prev_end > s0
            )
        before = text[s0 : h.start]
        led = s0 in recalled
        fact_kind = _sentence_kind(
            before, sentence, kind, paragraph_kind, ref_year=ref_year, recalled=led
        )
        fact_year = years.get(fact_kind)
        if fact_kind == TARGET:
            # 到2020年…翻一番 in a 2016 report is a target for 2020, not for the year it is set in
            fact_year = _named_year(before, ref_year) or fact_year
        elif fact_kind == ACHIEVEMENT:
            label = _stretch_label(
                n, h, before, indicator=indicator, stretch=stretch, one_year=led,
                clause_start=clause_start,
                ref_year=ref_year,
            )  # fmt: skip
            if label and indicator and _stretch_core(label) not in indicator:
                indicator = label + indicator  # 城镇新增就业5771万人 under “十一五”时期…回顾
        facts.append(
            _fact(
                text,
                h,
                indicator=indicator,
                kind=fact_kind,
                year=fact_year,
                sign=h.sign,
                sentence=sentence,
                paragraph_id=paragraph_id,
            )
        )
        prev_end = h.end
        previous = indicator
    return facts


def _fact(
    text: str,
    h: _Hit,
    *,
    indicator: str,
    kind: str,
    year: int | None,
    sign: int,
    sentence: str,
    paragraph_id: str,
) -> Fact:
    """The Fact of a hit: ``sign`` +1/-1 makes it a change, 0 a level."""
    value = h.value * (sign or 1)
    measure = CHANGE if sign else LEVEL
    meaning = _meaning(h.qualifier)
    start = h.q_start if h.q_start >= 0 else h.start
    return Fact(
        indicator=indicator,
        value=value,
        unit=h.base,
        qualifier=h.qualifier,
        qualifier_meaning=meaning,
        low=h.low,
        high=h.high,
        measure=measure,
        kind=kind,
        year=year,
        sentence=sentence,
        paragraph_id=paragraph_id,
        surface=text[start : h.end],
        start=start,
        end=h.end,
        en=render_en(
            value,
            h.base,
            category=h.category,
            meaning=meaning,
            measure=measure,
            low=h.low,
            high=h.high,
            terms=h.terms,
            indicator=indicator,
            kind=kind,
        ),
    )


def _meaning(qualifier: str) -> str:
    if not qualifier:
        return ""
    for table in (T.PREFIX_QUALIFIERS, T.SUFFIX_QUALIFIERS, T.APPROX_MARKERS):
        if qualifier in table:
            return table[qualifier]
    return ""


def _distribute_lists(n: str, hits: list[_Hit]) -> None:
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


# --- table rows --------------------------------------------------------------------------------
# A reader gives a table row as one paragraph, its cells joined by a tab (国内生产总值\t亿元\t
# 1260582\t5.2): a tab is a cell boundary, so a number is read within its cell and named by the
# row's name cell; a header row (指标 | 单位 | 2023年 | 比上年增长%) says what each column holds.
ROW_SENTENCE_END_RE = re.compile(r"[。！？!?]\s*$")
LATIN_WORD_RE = re.compile(r"[A-Za-z]+")
HAN_RE = re.compile(r"[\u4e00-\u9fff]")
WORD_RE = re.compile(r"[\u4e00-\u9fffA-Za-z]")
# A serial number before a row's name: 1, 1., (1), （一）, 一、
SERIAL_CELL_RE = re.compile(r"[（(]?(?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）.．、]?")
# A unit a cell notes at its end: 国内生产总值（亿元）, 增长(%), 比上年增长%.
UNIT_NOTE_RE = re.compile(
    rf"[（(]{WS}(?:单位{WS}[:：]{WS})?(?P<u>[^（()）]{{1,8}}){WS}[)）]$|(?P<sym>[%％‰])$"
)
UNIT_CELL_RE = re.compile(rf"(?:(?P<scale>{SCALE}){WS})?(?P<unit>{UNIT})")
# A figure written alone in its cell, its unit in a unit column or the header (1260582, 5.2,
# -0.3, 1.3万, 5左右, 超过126).
BARE_CELL_RE = re.compile(
    rf"(?P<verb>{_alternation(T.CHANGE_VERBS)})?{WS}"
    rf"(?P<q>{_alternation(T.PREFIX_QUALIFIERS)})?{WS}(?P<sign>[-+−－])?{WS}"
    rf"(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?){WS}(?P<ap1>{APPROX})?{WS}(?P<scale>{SCALE})?{WS}"
    rf"(?P<ap2>{APPROX})?{WS}(?P<sq>{_alternation(T.SUFFIX_QUALIFIERS)})?"
)
# A header cell: the year (or the years of a period: 2006—2010年) its figures are of, words of
# result or goal (完成, 目标, 预计完成), a change (比上年增长, 年均增长, ±), a unit note.
YEAR_SPAN_RE = re.compile(r"((?:19|20)\d{2})年?(?:[-－—–~～至到]((?:19|20)?\d{2})年?)?")
CHANGE_VERB_RE = re.compile(_alternation([*T.CHANGE_VERBS, "增减", "±"]))
HEADER_REST_RE = re.compile(
    "(?P<kind>"
    + _alternation([*T.RESULT_HEADER_WORDS, *T.TARGET_HEADER_WORDS, "预计", "情况", "数", "值"])
    + "*)(?P<change>(?:年均|平均)?(?:(?:比上年同期|比上年|较上年|同比)(?:"
    + CHANGE_VERB_RE.pattern
    + ")?|"
    + CHANGE_VERB_RE.pattern
    + ")(?:率|幅度|速度)?)?"
)


@dataclass(frozen=True)
class _Unit:
    """A unit a table states apart from its figures: in a unit column (亿元), a header (增长%)
    or a name cell (国内生产总值（亿元）); ``factor`` takes a figure to ``base``."""

    base: str
    factor: float
    category: str
    written: str


PERCENT = _Unit("%", 1.0, "percent", "%")


@dataclass(frozen=True)
class _Column:
    """What a table's header says of a column: its role (the row's name, unit or serial number;
    "" for figures), the year and kind of its figures, whether they are changes (``sign``), and
    their unit (``rate``: a growth rate, in % unless the header says otherwise)."""

    role: str = ""
    year: int | None = None
    kind: str = ""
    sign: int = 0
    unit: _Unit | None = None
    rate: bool = False


NO_COLUMN = _Column()


def _row_cells(text: str) -> list[tuple[int, str]] | None:
    """The cells of a table row as (offset, text), or None when ``text`` is no row: a tab line
    with a long cell, a sentence or a translation in it (SC zh-en: 中文句子。\tEnglish sentence.)."""
    if "\t" not in text:
        return None
    cells: list[tuple[int, str]] = []
    at = 0
    for part in text.split("\t"):
        cells.append((at, part))
        at += len(part) + 1
    filled = [c.strip() for _, c in cells if c.strip()]
    if len(filled) < 2 or any(len(c) > T.ROW_CELL_MAX for c in filled):
        return None
    for c in filled:
        words = LATIN_WORD_RE.findall(c)
        if ROW_SENTENCE_END_RE.search(c) or (
            len(words) >= 3 and sum(map(len, words)) > len(HAN_RE.findall(c))
        ):
            return None
    return cells


def _cell_unit(cell: str) -> _Unit | None:
    """The unit a cell is (亿元, 万人, %, 个百分点), None when it is something else."""
    m = UNIT_CELL_RE.fullmatch(cell)
    if m is None:
        return None
    base, factor, category = T.UNITS[m.group("unit")]
    return _Unit(base, scaled(factor, scale_of(m.group("scale") or "")), category, cell)


def _unit_note(cell: str) -> tuple[str, _Unit | None]:
    """A cell without the unit noted at its end, and that unit (增长（%） -> 增长, %)."""
    m = UNIT_NOTE_RE.search(cell)
    if m is None:
        return cell, None
    unit = _cell_unit(re.sub(r"\s+", "", m.group("u") or m.group("sym")))
    return (cell[: m.start()], unit) if unit else (cell, None)


def _header_cell(cell: str) -> _Column | None:
    """What a header cell says of its column; None when the cell is no header word."""
    c, unit = _unit_note(re.sub(r"\s+", "", cell))
    if c in T.LABEL_HEADERS:
        return _Column(role="label", unit=unit)
    if c in T.UNIT_HEADERS:
        return _Column(role="unit")
    if c in T.SERIAL_HEADERS:
        return _Column(role="serial")
    year = None
    y = YEAR_SPAN_RE.match(c)
    if y:
        last = y.group(2)
        year = int(y.group(1)[:2] + last[-2:] if last else y.group(1))
        c = c[y.end() :]
    r = HEADER_REST_RE.fullmatch(c)
    if r is None:
        return None
    words, change = r.group("kind"), r.group("change") or ""
    kind = (
        TARGET
        if any(w in words for w in T.TARGET_HEADER_WORDS)
        else ACHIEVEMENT
        if any(w in words for w in T.RESULT_HEADER_WORDS)
        else ""
    )
    sign = 0
    if change:
        v = CHANGE_VERB_RE.search(change)
        sign = T.CHANGE_VERBS.get(v.group(), 1) if v else 1
    col = _Column(
        year=year,
        kind=kind,
        sign=sign,
        unit=unit,
        rate=any(w in change for w in T.RATE_HEADER_WORDS),
    )
    return None if col == NO_COLUMN else col


def _header(cells: list[tuple[int, str]]) -> tuple[_Column, ...] | None:
    """The columns a header row describes, or None when the row is no header: a header holds no
    figure, its first filled cell may be any label (经济指标) and every other cell is a header
    word; at least one says a year, a kind, a change, a unit or where the units are."""
    cols: list[_Column] = []
    first = True
    for _, cell in cells:
        c = cell.strip()
        if not c:
            cols.append(NO_COLUMN)
            continue
        col = _header_cell(c)
        if col is None:
            if not first or _scan(c) or BARE_CELL_RE.fullmatch(c):
                return None
            col = _Column(role="label")
        cols.append(col)
        first = False
    if not any(c.year or c.kind or c.sign or c.unit or c.role == "unit" for c in cols):
        return None
    # A change column with no year or kind of its own is the growth of the figure column before
    # it (2013年完成 | 比上年增长% | 2014年目标 | 增长%), as statistical tables print them.
    for i, c in enumerate(cols):
        if c.sign and c.year is None and not c.kind:
            lead = next((p for p in reversed(cols[:i]) if not p.role and not p.sign), None)
            if lead is not None and (lead.year or lead.kind):
                cols[i] = replace(c, year=lead.year, kind=lead.kind)
    return tuple(cols)


def _merge_header(a: tuple[_Column, ...], b: tuple[_Column, ...]) -> tuple[_Column, ...]:
    """Two header rows of one table (2023年 | 2024年 over 完成 | 目标) as one; the shorter lost
    its empty corner cells (see :func:`_aligned`)."""
    a, b = _aligned(a, len(b)), _aligned(b, len(a))
    out = []
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else NO_COLUMN
        y = b[i] if i < len(b) else NO_COLUMN
        out.append(
            _Column(
                role=y.role or x.role,
                year=y.year or x.year,
                kind=y.kind or x.kind,
                sign=y.sign or x.sign,
                unit=y.unit or x.unit,
                rate=y.rate or x.rate,
            )
        )
    return tuple(out)


def _aligned(cols: tuple[_Column, ...], width: int) -> tuple[_Column, ...]:
    """Header columns for a row of ``width`` cells: a header with fewer cells lost its empty
    corner cells at the left (a paragraph's text is stripped: \t2023年\t2024年 comes as
    2023年\t2024年), while a row's empty cells at the right are dropped by the readers."""
    return (NO_COLUMN,) * (width - len(cols)) + cols if len(cols) < width else cols


def _name_cell(cell: str) -> tuple[str, int, _Unit | None]:
    """The indicator a row's name cell gives, the sign of the change verb it ends with
    (国内生产总值增长, 居民消费价格涨幅: the row's figures are changes) and the unit it notes
    (国内生产总值（亿元）)."""
    c, unit = _unit_note(re.sub(r"\s+", "", cell))
    name, verb = _clean(c)
    return name or c.strip(CLAUSE_DELIMS), T.CHANGE_VERBS.get(verb, 0), unit


# A count of 万 or more without a measure word (1000万): in prose its noun is its unit.
COUNT_SCALE_RE = re.compile(r"\d[万亿]")


def _counted_name_unit(name: str) -> _Unit | None:
    """The unit of a 万/亿 count a row's name gives when it names people or households (农村贫困
    人口, 参保人数, 出境旅游人次), as a clause's subject does in prose (农村贫困人口减少1240万)."""
    for word, base in (*T.COUNTED_SUBJECTS.items(), *T.COUNTED_NOUNS.items()):
        if name.endswith(word):
            return _Unit(base, 1.0, T.UNITS[base][2], "")
    return None


def _bare_hit(cell: str, off: int, unit: _Unit) -> _Hit | None:
    """A figure alone in its cell (1260582, -0.3, 5左右) with the unit its table states."""
    lead = len(cell) - len(cell.lstrip())
    m = BARE_CELL_RE.fullmatch(cell.strip())
    if m is None:
        return None
    at = off + lead
    value = scaled(parse_arabic(m.group("num")), scale_of(m.group("scale") or ""), unit.factor)
    hit = _Hit(
        start=at + m.start("num"),
        end=at + m.end(),
        value=-value if m.group("sign") in ("-", "−", "－") else value,
        unit_written=unit.written,
        base=unit.base,
        factor=unit.factor,
        category=unit.category,
        scaled=True,
    )
    hit.qualifier = m.group("sq") or m.group("q") or m.group("ap1") or m.group("ap2") or ""
    if m.group("verb") and not (m.group("q") and m.group("q") in LEVEL_QUALIFIERS):
        hit.sign = T.CHANGE_VERBS[m.group("verb")]  # 减少1000万: the cell says it is a change
    if m.group("q") or m.group("sign"):
        hit.q_start = at + m.start("q") if m.group("q") else at + m.start("sign")
    return hit


def _column_kind(col: _Column, ref_year: int | None) -> str:
    """The kind a column's header gives its figures: its words (完成, 目标), else its year against
    the report's (2023年 in a 2024 report: results); "" when it says neither."""
    if col.kind:
        return col.kind
    if col.year is not None and ref_year is not None:
        return ACHIEVEMENT if col.year < ref_year else TARGET
    return ""


def _row_facts(
    text: str,
    cells: list[tuple[int, str]],
    header: tuple[_Column, ...] | None,
    *,
    paragraph_id: str,
    kind: str,
    years: dict[str, int | None],
    fallback: str,
    ref_year: int | None,
) -> list[Fact]:
    """Facts of a table row: each cell read alone, its figures named by the row's first text
    cell; the header's column says kind, year, change and unit where it can, a unit column or
    a unit noted in the name cell gives bare figures their unit. A row without a name cell is
    read cell by cell like prose."""
    n = normalise_digits(text) if FULLWIDTH_RE.search(text) else text
    cols = _aligned(header, len(cells)) if header else ()
    sentence = text.strip()
    name, name_sign, row_unit = "", 0, None
    figures: list[tuple[int, str, _Column]] = []
    for i, (off, cell) in enumerate(cells):
        col = cols[i] if i < len(cols) else NO_COLUMN
        c = n[off : off + len(cell)]
        stripped = c.strip()
        if not stripped or col.role == "serial":
            continue
        if col.role == "unit" or (name and col.role != "label" and _cell_unit(stripped)):
            row_unit = _cell_unit(re.sub(r"\s+", "", stripped)) or row_unit
            continue
        figure = bool(_scan(c)) or BARE_CELL_RE.fullmatch(stripped) is not None
        if not name and not figures and SERIAL_CELL_RE.fullmatch(stripped) and not _scan(c):
            continue  # 1\t国内生产总值: a serial number, never part of the name
        if col.role == "label" or (not name and not figure and WORD_RE.search(stripped)):
            if not name:
                name, name_sign, noted = _name_cell(c)
                row_unit = row_unit or noted
            continue
        figures.append((off, c, col))
    paragraph_kind = (
        (_cue_kind(text, ref_year) or fallback) if kind not in (ACHIEVEMENT, TARGET) else ""
    )
    facts: list[Fact] = []
    previous = name
    for off, c, col in figures:
        col_kind = _column_kind(col, ref_year)
        if not name:
            # no name cell: each cell is a clause of its own (国内生产总值超过126万亿元\t增长5.2%)
            for f in _extract(
                c, paragraph_id=paragraph_id, kind=kind, years=years, fallback=fallback,
                ref_year=ref_year,
            ):  # fmt: skip
                k = col_kind or f.kind
                facts.append(
                    replace(
                        f,
                        indicator=f.indicator or previous,
                        kind=k,
                        year=col.year or (f.year if k == f.kind else years.get(k)),
                        sentence=sentence,
                        start=f.start + off,
                        end=f.end + off,
                    )
                )
                previous = facts[-1].indicator
            continue
        hits = _scan(c)
        if not hits:
            unit = col.unit or (PERCENT if col.rate else None) or row_unit
            if unit is None and COUNT_SCALE_RE.search(c):
                unit = _counted_name_unit(name)  # 农村贫困人口减少\t1000万以上
            bare = _bare_hit(c, 0, unit) if unit else None
            hits = [bare] if bare else []
        for h in hits:
            h = replace(h, start=h.start + off, end=h.end + off)
            if h.q_start >= 0:
                h.q_start += off
            sign = h.sign
            if not sign and h.category not in OWN_FORM and h.qualifier not in LEVEL_QUALIFIERS:
                # a change column, or a name cell ending in a change verb (国内生产总值增长)
                sign = col.sign or name_sign
            if sign and h.value < 0:
                h.value, sign = -h.value, -sign  # -0.3 in a 比上年± column: a fall of 0.3
            before = n[off : h.start]
            k = col_kind or _sentence_kind(before, c, kind, paragraph_kind, ref_year=ref_year)
            year = col.year or years.get(k)
            if k == TARGET and col.year is None:
                year = _named_year(before, ref_year) or year
            facts.append(
                _fact(
                    text,
                    h,
                    indicator=name,
                    kind=k,
                    year=year,
                    sign=sign,
                    sentence=sentence,
                    paragraph_id=paragraph_id,
                )
            )
    return facts


def _stated_kind(loc: Located) -> str:
    """Achievement or target when a heading says review or plan; "" when none does or the kind
    was only inferred from the language of the part (too coarse for a mixed newspaper page)."""
    for sec in reversed(loc.path):
        if sec.kind != OTHER:
            if sec.kind_inferred:
                return ""
            return {REVIEW: ACHIEVEMENT, PLAN: TARGET}.get(sec.kind, "")
    return ""


def _kind_year(kind: str, year: int | None, sec_kind: str, report_year: int | None) -> int | None:
    """The year of a fact of ``kind`` in a section of ``year``: a target in a review (到2020年) or
    a result a plan recalls (去年…), or any fact of a section without a year, is of the year its
    kind says (the report's for a target, the one before for a result), not of its section's."""
    if report_year is not None and (year is None or (sec_kind and kind != sec_kind)):
        return report_year if kind == TARGET else report_year - 1
    return year


def _heading_period(loc: Located, report_year: int | None) -> int | None:
    """The last year of a stretch of years ahead that a heading over a paragraph names as a whole
    (二、“十三五”时期主要目标任务和重大举措, 今后五年的主要任务): the year of the targets under it
    whose sentences name none. A heading with a year of its own (2016年重点工作) names one year."""
    for sec in reversed(loc.path):
        if YEAR_RE.search(sec.heading):
            return None
        m = PERIOD_RE.search(sec.heading)
        if m and not m.group("this"):
            return _named_year(sec.heading[: m.end()], report_year)
    return None


def extract_facts(doc: Document, *, kind: str | None = None) -> list[Fact]:
    """All facts of a document in reading order; ``kind`` keeps only achievements or targets."""
    facts: list[Fact] = []
    carried = ""
    # The table the paragraph is in: consecutive rows of one section, with the columns its
    # header rows describe (two header rows in a row are one header).
    header: tuple[_Column, ...] | None = None
    table_section: Section | None = None
    after_header = False
    led = False  # the paragraph's first sentence follows a lead (过去一年，…取得了很大成绩。)
    for loc in doc.iter_located():
        cells = _row_cells(loc.paragraph.text)
        if cells is None or loc.section is not table_section:
            header, after_header = None, False
        if cells is not None:
            table_section = loc.section
            head = _header(cells)
            if head is not None:
                header = _merge_header(header, head) if after_header and header else head
            after_header = head is not None
        sec_kind = _stated_kind(loc)
        year = loc.year
        # Without a stated kind a paragraph's own cues decide; with none, the kind the structure
        # step inferred for its part, else the paragraph before it.
        fallback = {REVIEW: ACHIEVEMENT, PLAN: TARGET}.get(loc.kind, "") or carried
        years = {k: _kind_year(k, year, sec_kind, doc.year) for k in (ACHIEVEMENT, TARGET)}
        recalled, led = _leads(loc.paragraph.text, led, doc.year)
        period = _heading_period(loc, doc.year)
        if period is not None:
            years[TARGET] = period  # “十三五”时期主要目标任务: the plan's goals are for 2020
        facts.extend(
            _extract(
                loc.paragraph.text,
                paragraph_id=loc.paragraph.id,
                kind=sec_kind,
                years=years,
                fallback=fallback or ACHIEVEMENT,
                ref_year=doc.year,
                header=header,
                recalled=recalled,
                stretch=_heading_stretch(loc),
            )
        )
        if not sec_kind:
            carried = _cue_kind(loc.paragraph.text, doc.year) or carried
    if kind:
        facts = [f for f in facts if f.kind == kind]
    return facts
