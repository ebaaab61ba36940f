"""Facts step, prose: running text read hit by hit (scan, name, kind, year) into Facts."""

from __future__ import annotations

import bisect
import re

from reportgen.facts import tables as T
from reportgen.facts.english import render_en
from reportgen.facts.fact import ACHIEVEMENT, CHANGE, LEVEL, TARGET, Fact
from reportgen.facts.kinds import cue_kind, named_year, sentence_kind
from reportgen.facts.naming import indicator_of, stretch_core, stretch_label, stretch_years
from reportgen.facts.numbers import normalise_digits
from reportgen.facts.scan import (
    CLAUSE_DELIMS,
    FULLWIDTH_RE,
    Hit,
    distribute_lists,
    scan,
    starting_level,
)
from reportgen.sentences import sentence_spans

CLAUSE_RE = re.compile("[" + re.escape(CLAUSE_DELIMS) + "]")


def prose_facts(
    text: str,
    *,
    paragraph_id: str,
    kind: str,
    years: dict[str, int | None],
    fallback: str,
    ref_year: int | None = None,
    recalled: frozenset[int] = frozenset(),
    stretch: str = "",
) -> list[Fact]:
    """Facts in one paragraph of running text (or one cell of a table row); ``years`` gives the
    year of an achievement and of a target whose sentence names none; ``recalled`` the starts of
    sentences a lead dates to the year under review (:func:`leads`); ``stretch`` the stretch of
    years the paragraph's part reviews as a whole (过去五年), "" when none."""
    n = normalise_digits(text) if FULLWIDTH_RE.search(text) else text
    hits = scan(n)
    if not hits:
        return []
    paragraph_kind = (
        (cue_kind(text, ref_year) or fallback) if kind not in (ACHIEVEMENT, TARGET) else ""
    )
    distribute_lists(n, hits)
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
            indicator = indicator_of(
                text, h, clause_start, previous, sentence_start=s0, same_sentence=prev_end > s0
            )
        before = text[s0 : h.start]
        led = s0 in recalled
        fact_kind = sentence_kind(
            before, sentence, kind, paragraph_kind, ref_year=ref_year, recalled=led
        )
        fact_year = years.get(fact_kind)
        if fact_kind == TARGET:
            # 到2020年…翻一番 in a 2016 report is a target for 2020, not for the year it is set in
            fact_year = named_year(before, ref_year) or fact_year
        elif fact_kind == ACHIEVEMENT:
            label = stretch_label(
                n, h, before, indicator=indicator, stretch=stretch, one_year=led,
                clause_start=clause_start,
                ref_year=ref_year,
            )  # fmt: skip
            if label and indicator and stretch_core(label) not in indicator:
                indicator = label + indicator  # 城镇新增就业5771万人 under “十一五”时期…回顾
            if fact_year is not None and starting_level(n, h.start):
                # 从54万亿元增加到82.7万亿元: where the year, or the stretch a part reviews, began
                fact_year -= stretch_years(stretch) if stretch else 1
        facts.append(
            fact_of(
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


def fact_of(
    text: str,
    h: Hit,
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
