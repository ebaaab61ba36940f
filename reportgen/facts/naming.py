"""Facts step, naming: the indicator of a hit (its clause, topic, counted noun, stretch label)."""

from __future__ import annotations

import re

from reportgen.facts import tables as T
from reportgen.facts.kinds import YEAR_RE
from reportgen.facts.numbers import normalise_digits, parse_chinese
from reportgen.facts.scan import (
    CHANGE_RE,
    CLAUSE_DELIMS,
    LEVEL_QUALIFIERS,
    POST_DELIMS,
    PREFIX_LOOKBACK,
    PREFIX_RE,
    SCALE,
    TENTHS_GATE_RE,
    UNIT,
    WS,
    Hit,
    alternation,
    from_to,
    scan,
)

QUOTED_BEFORE_RE = re.compile(r"[“\"‘「]([^”\"’」]{1,15})[”\"’」]\s*$")
INDICATOR_TAIL_RE = re.compile(T.INDICATOR_TAIL_RE)


def indicator_of(
    text: str,
    hit: Hit,
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
        if k >= 0 and k + len(w) < len(pre) and clean(pre[k + len(w) :])[0]:
            pre = pre[k + len(w) :]
    pre, verb = clean(pre)
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
    rf"{alternation(T.PAYERS)}(?:{alternation(T.PAYER_ADVERBS)})*(?P<verb>{alternation(T.INVEST_VERBS)})"
)
# A topic clause opening with how long a trend has run and its verb (连续第7年提高企业退休人员基本
# 养老金): what it raised names the figures of the next clause.
TOPIC_LEAD_RE = re.compile(
    rf"^(?:连续(?:第)?[\d一二两三四五六七八九十]+年)?(?:{alternation(T.CHANGE_VERBS)}|加大|加强)?对?"
)
# What stays at the end of a topic clause once its change verb is gone (T.TOPIC_ADVERBS), or an
# adverb with the verb it goes with (制度不断完善, 体系逐步健全): the predicate, not the topic.
TOPIC_ADVERB_RE = re.compile(
    "(?:" + "|".join((alternation(T.TOPIC_ADVERBS), *T.TOPIC_ADVERB_PATTERNS)) + ")"
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
    if not clause or scan(normalise_digits(clause)) or TENTHS_GATE_RE.search(clause):
        return ""  # a figure names itself (an ordinal or a year, 连续第7年, is none)
    lead = TOPIC_LEAD_RE.match(clause)
    if lead and 0 < lead.end() <= len(clause) - 2:
        clause = clause[lead.end() :]
    name = clean(re.sub(r"[\s“”‘’「」]+", "", clause))[0].removesuffix("力度")
    while True:
        a = TOPIC_ADVERB_RE.search(name)
        if a is None or a.start() == 0:
            return name[-24:]
        name = clean(name[: a.start()])[0]


# Verbs that only bring a count of people in (T.PEOPLE_LEAD_VERBS): the people's own words name it.
PEOPLE_LEAD_VERBS = frozenset(T.PEOPLE_LEAD_VERBS)
# What a count written with 人 itself does, as a relative clause before a noun (约1亿人居住的城镇棚户区):
# the noun is the name, the people's verb only links them to it.
PEOPLE_CLAUSE_RE = re.compile(r"[^的]{1,4}的(?=..)")
PEOPLE_NOUN_RE = re.compile(
    alternation([w for w, b in T.COUNTED_NOUNS.items() if b == "人"], T.COUNTED_NOUN_BLOCKERS)
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
    rf"{alternation(T.PARTITION_CELLS)}(?:全年|每年|每月|年|月)?人均(?:每年|每月)?$"
)


def clean(name: str, *, head: bool = True) -> tuple[str, str]:
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
    """One pass of :func:`clean` over the end of a name: a date or per-head period, the tail
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
    return clean(_trim_post(post), head=False)[0]


def _trim_post(post: str) -> str:
    """The noun after a number, up to the verb that follows it (3座生活垃圾填埋场正常运行)."""
    cut = min((k for w in T.INDICATOR_POST_STOPS if (k := post.find(w)) > 0), default=len(post))
    return post[: min(cut, 16)]


def _strip_lead(post: str) -> str:
    for w in T.INDICATOR_POST_LEADS:
        if post.startswith(w) and len(post) > len(w) + 1:
            return post[len(w) :].lstrip("的了")  # 实施的向阳幼儿园
    return post


# A level that is a state, not a sum: a stock (储备, 余额, 积累) or a ratio (城镇化率, 比重, 覆盖).
STOCK_NAME_RE = re.compile(r"(?:率|比重|比例|占比|储备|余额|积累|存量|保有量|总量|覆盖)$|^占|率先")
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
# A yearly average over a stretch (年均增长11.2%), and a change against a base year before the year
# under review's (2007年…比2002年增长65.5%): figures of the stretch in a part that reviews one.
AVERAGE_RE = re.compile(rf"年均{WS}(?:{alternation(T.CHANGE_VERBS)}|增幅|增速)")
BASE_YEAR_RE = re.compile(
    r"[比较](?:(?P<y>(?:19|20)\d{2})年|前[二两三四五六七八九十]年|[二两三四五六七八九十]年前)"
)
# What dates a figure to the year under review itself (去年, 比上年, 2012年 in a 2013 report).
ONE_YEAR_RE = re.compile(r"去年|过去一年|过去的一年|上年|同比|刚刚过去的")


def stretch_label(
    n: str,
    h: Hit,
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
    if (reached and reached.group("q") in LEVEL_QUALIFIERS) or from_to(n, h.start):
        return ""
    if not h.sign and STOCK_NAME_RE.search(indicator):
        return ""  # 外汇储备超过1.52万亿美元, 城镇化率…: where the stretch ended
    return stretch


def stretch_years(label: str) -> int:
    """How many years a stretch label spans (过去五年 5, 近三年 3, 十一五时期 5, 十一五前四年 4)."""
    m = re.search(r"([二两三四五六七八九十])年", label)
    years = parse_chinese(m.group(1)) if m else None
    return int(years) if years else 5  # a five-year plan's period


def stretch_core(label: str) -> str:
    """What a stretch label says in a name that already gives it (过去五年 -> 五年)."""
    return label.removeprefix("过去").removeprefix("近") or label
