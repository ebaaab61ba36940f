"""Facts step, kinds: achievement or target and the year of a fact (cues, dates, periods, leads)."""

from __future__ import annotations

import re

from reportgen.facts import tables as T
from reportgen.facts.fact import ACHIEVEMENT, TARGET
from reportgen.facts.numbers import parse_chinese
from reportgen.facts.scan import scan
from reportgen.model import OTHER, PLAN, REVIEW, Located
from reportgen.sentences import sentence_spans

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
NOT_CUE_RE = re.compile(r"预期寿命|[好高低]于预期|超[出过]预期|符合预期")
INTENT_FREE_RE = re.compile(rf"主要|重要|需要|必要|要求|{NOT_CUE_RE.pattern}")
# A part reviewing a stretch of years as a whole (一、过去五年工作回顾, 一、“十一五”时期国民经济和
# 社会发展的回顾): its figures are the stretch's unless their sentence dates one year.
STRETCH_HEADING_RE = re.compile(
    r"过去(?:的)?[二两三四五六七八九十]年|[二两三四五六七八九十]年来"
    r"|[“\"]?(?:十[一二三四五六七八九]?|[三四五六七八九])五[”\"]?(?:时期|期间)"
)


def cue_kind(text: str, ref_year: int | None = None) -> str:
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


def named_year(words: str, ref_year: int | None) -> int | None:
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


def leads(text: str, carried: bool, ref_year: int | None) -> tuple[frozenset[int], bool]:
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
    return bool(past) and not any(c in plain for c in T.TARGET_CUES) and not scan(sentence)


def sentence_kind(
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
    return paragraph_kind or cue_kind(sentence) or ACHIEVEMENT


def stated_kind(loc: Located) -> str:
    """Achievement or target when a heading says review or plan; "" when none does or the kind
    was only inferred from the language of the part (too coarse for a mixed newspaper page)."""
    for sec in reversed(loc.path):
        if sec.kind != OTHER:
            if sec.kind_inferred:
                return ""
            return {REVIEW: ACHIEVEMENT, PLAN: TARGET}.get(sec.kind, "")
    return ""


def kind_year(kind: str, year: int | None, sec_kind: str, report_year: int | None) -> int | None:
    """The year of a fact of ``kind`` in a section of ``year``: a target in a review (到2020年) or
    a result a plan recalls (去年…), or any fact of a section without a year, is of the year its
    kind says (the report's for a target, the one before for a result), not of its section's."""
    if report_year is not None and (year is None or (sec_kind and kind != sec_kind)):
        return report_year if kind == TARGET else report_year - 1
    return year


def heading_period(loc: Located, report_year: int | None) -> int | None:
    """The last year of a stretch of years ahead that a heading over a paragraph names as a whole
    (二、“十三五”时期主要目标任务和重大举措, 今后五年的主要任务): the year of the targets under it
    whose sentences name none. A heading with a year of its own (2016年重点工作) names one year."""
    for sec in reversed(loc.path):
        if YEAR_RE.search(sec.heading):
            return None
        m = PERIOD_RE.search(sec.heading)
        if m and not m.group("this"):
            return named_year(sec.heading[: m.end()], report_year)
    return None


def heading_stretch(loc: Located) -> str:
    """The stretch of past years a review part's heading names as a whole (一、过去五年工作回顾
    -> 过去五年; 一、“十一五”时期…的回顾 -> 十一五时期); "" for a part on one year."""
    for sec in reversed(loc.path):
        if sec.kind == REVIEW and not sec.kind_inferred:
            m = STRETCH_HEADING_RE.search(sec.heading)
            return re.sub(r"[“”\"]", "", m.group()) if m else ""
    return ""
