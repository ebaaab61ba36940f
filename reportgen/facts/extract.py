"""Facts step, entry: the facts of a document, paragraph by paragraph, or of one paragraph."""

from __future__ import annotations

from reportgen.facts.fact import ACHIEVEMENT, TARGET, Fact
from reportgen.facts.kinds import (
    cue_kind,
    heading_period,
    heading_stretch,
    kind_year,
    leads,
    stated_kind,
)
from reportgen.facts.prose import prose_facts
from reportgen.facts.scan import NUMBER_RE, SPECIAL_RE
from reportgen.facts.table_rows import Column, header_columns, merge_header, row_cells, row_facts
from reportgen.model import PLAN, REVIEW, Document, Section

# The steps a paragraph goes through, each a module of this package: scan (the numbers with their
# units: hits), naming (the indicator of each hit), kinds (achievement or target, and the year);
# prose puts them together for running text, table_rows for a table row with its header.
# NUMBER_RE and SPECIAL_RE: imported from here by the number tests.
__all__ = ["NUMBER_RE", "SPECIAL_RE", "extract_facts", "extract_from_text"]


def extract_facts(doc: Document, *, kind: str | None = None) -> list[Fact]:
    """All facts of a document in reading order; ``kind`` keeps only achievements or targets."""
    facts: list[Fact] = []
    carried = ""
    # The table the paragraph is in: consecutive rows of one section, with the columns its
    # header rows describe (two header rows in a row are one header).
    header: tuple[Column, ...] | None = None
    table_section: Section | None = None
    after_header = False
    led = False  # the paragraph's first sentence follows a lead (过去一年，…取得了很大成绩。)
    for loc in doc.iter_located():
        cells = row_cells(loc.paragraph.text)
        if cells is None or loc.section is not table_section:
            header, after_header = None, False
        if cells is not None:
            table_section = loc.section
            head = header_columns(cells)
            if head is not None:
                header = merge_header(header, head) if after_header and header else head
            after_header = head is not None
        sec_kind = stated_kind(loc)
        year = loc.year
        # Without a stated kind a paragraph's own cues decide; with none, the kind the structure
        # step inferred for its part, else the paragraph before it.
        fallback = {REVIEW: ACHIEVEMENT, PLAN: TARGET}.get(loc.kind, "") or carried
        years = {k: kind_year(k, year, sec_kind, doc.year) for k in (ACHIEVEMENT, TARGET)}
        recalled, led = leads(loc.paragraph.text, led, doc.year)
        period = heading_period(loc, doc.year)
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
                stretch=heading_stretch(loc),
            )
        )
        if not sec_kind:
            carried = cue_kind(loc.paragraph.text, doc.year) or carried
    if kind:
        facts = [f for f in facts if f.kind == kind]
    return facts


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
    header: tuple[Column, ...] | None = None,
    recalled: frozenset[int] = frozenset(),
    stretch: str = "",
) -> list[Fact]:
    """Facts in one paragraph; ``years`` gives the year of an achievement and of a target whose
    sentence names none; ``header`` the columns of the table a row is in; ``recalled`` the
    starts of sentences a lead dates to the year under review (:func:`leads`); ``stretch`` the
    stretch of years the paragraph's part reviews as a whole (过去五年), "" when none."""
    cells = row_cells(text)
    if cells is not None:
        return row_facts(
            text, cells, header, paragraph_id=paragraph_id, kind=kind, years=years,
            fallback=fallback, ref_year=ref_year,
        )  # fmt: skip
    return prose_facts(
        text,
        paragraph_id=paragraph_id,
        kind=kind,
        years=years,
        fallback=fallback,
        ref_year=ref_year,
        recalled=recalled,
        stretch=stretch,
    )
