"""Briefing step: assemble the bilingual briefing model (pure, no I/O) from a Document, facts and English."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import Any, Protocol

from reportgen.errors import ReportgenError
from reportgen.facts.english import format_change
from reportgen.facts.match import GENERIC_INDICATORS, MATCH_THRESHOLD, match_facts, match_name
from reportgen.model import (
    PLAN,
    REVIEW,
    Document,
    Paragraph,
    Repair,
    path_kind,
    path_year,
)
from reportgen.sentences import split_sentences

LAYOUTS = ("side-by-side", "interleaved", "separate")
LANGS = ("zh", "en", "zh-en")
UNTRANSLATED = "untranslated"
# Money, rates and shares are what an analyst looks for first; counts of things come after.
MONEY_UNITS = ("元", "万元", "亿元", "万亿元")
# "At a glance": up to three figures a section and about a page in all (each section's heaviest
# figure first, then the second ...); every figure is in its section's table.
TOP_PER_SECTION = 3
KEY_FIGURES_MAX = 24
# A summary's section table: the weightiest figures, in reading order, and a count of the rest
# (as its text is the section's lead); --full lists every figure. Half the summary's pages were
# these tables, and WeasyPrint's time grows with the page count.
SUMMARY_FIGURES = 4
SUMMARY_CHARS = 160
# A section's lead skips openings too short to say anything: a salutation (各位代表：) or a one-line
# motto before the first real paragraph.
LEAD_MIN_CHARS = 40
# Repairs a reader makes by the hundred (a wrapped line, a justification space): the appendix
# shows a few examples of each and counts the rest; in a --full briefing every other kind is
# listed in full, in a summary every kind keeps a few examples (the counts say the rest).
MECHANICAL_REPAIRS = frozenset({"join_wrap", "remove_space"})
REPAIR_EXAMPLES = 6
SUMMARY_REPAIR_EXAMPLES = 2
# Listed with their reason under "headings the reader could not place", not among the repairs.
UNPLACED = "unplaced_heading"
REPAIR_KINDS = {
    "join_wrap": "line break inside a sentence removed (a PDF column's hard wrap)",
    "join_column_break": "paragraph joined across a column break",
    "remove_space": "justification spaces between characters removed",
    "undouble_headline": "headline printed twice (outline font) reduced to once",
    "place_heading": "headline put on the paragraphs it belongs to",
    "unplaced_heading": "headline kept aside: no paragraph matched it clearly",
    "infer_part": "review or plan decided from the language of the paragraphs",
    "read_table": "table read as one paragraph a row, cells separated by a tab",
    "drop_note_call": "footnote call mark (raised, smaller) taken out of the running text",
    "drop_repeated_header": "table header row repeated on the next page dropped",
}
_SPACES = re.compile(r"[\s\u3000]+")
# An administrative area at the start of a title/byline token or after 在 ("在海拉尔区第十四届…").
PLACE_RE = re.compile(
    r"(?:^|(?<=[在\s—]))([\u4e00-\u9fff]{1,6}?(?:自治区|自治州|自治县|省|市|州|盟|地区|区|县|旗))"
)


class FactLike(Protocol):
    """What the briefing needs of ``reportgen.facts.Fact``."""

    indicator: str
    value: float
    unit: str
    qualifier: str
    measure: str
    kind: str
    year: int | None
    paragraph_id: str
    surface: str
    en: str


class TranslationLike(Protocol):
    text: str | None
    status: str
    score: float | None
    label: str
    terms: tuple[tuple[str, str], ...]


class EnglisherLike(Protocol):
    """What the briefing needs of ``reportgen.translate.Englisher``."""

    def paragraph(self, zh: str) -> TranslationLike: ...

    def heading(self, zh: str) -> TranslationLike: ...

    def indicator(self, zh: str) -> str | None: ...


@dataclass(frozen=True)
class Bilingual:
    """A piece of report text with its English, if any, and where that English came from.

    ``en`` is empty when nothing (TM, termbase, MT) covered the Chinese: the briefing then shows the
    Chinese alone and says so — English is never made up. ``label`` is the badge text.
    """

    zh: str
    en: str = ""
    status: str = UNTRANSLATED
    label: str = UNTRANSLATED
    score: float = 0.0
    terms: tuple[tuple[str, str], ...] = ()

    @property
    def chinese_only(self) -> bool:
        return not self.en

    def to_dict(self) -> dict[str, Any]:
        return {
            "zh": self.zh,
            "en": self.en,
            "status": self.status,
            "label": self.label,
            "score": self.score,
            "terms": [list(t) for t in self.terms],
        }


@dataclass(frozen=True)
class Figure:
    """One fact as the briefing shows it: indicator and value in both languages."""

    indicator_zh: str
    indicator_en: str
    value_zh: str
    value_en: str
    value: float
    unit: str
    kind: str
    measure: str
    year: int | None
    paragraph_id: str
    qualifier: str = ""
    weight: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "indicator_zh": self.indicator_zh,
            "indicator_en": self.indicator_en,
            "value_zh": self.value_zh,
            "value_en": self.value_en,
            "value": self.value,
            "unit": self.unit,
            "kind": self.kind,
            "measure": self.measure,
            "year": self.year,
            "paragraph_id": self.paragraph_id,
            "qualifier": self.qualifier,
            "weight": self.weight,
        }


@dataclass(frozen=True)
class FigureGroup:
    """Key figures of one section."""

    anchor: str
    heading: Bilingual
    figures: tuple[Figure, ...]
    part: Bilingual = Bilingual("")

    def to_dict(self) -> dict[str, Any]:
        return {
            "anchor": self.anchor,
            "heading": self.heading.to_dict(),
            "figures": [f.to_dict() for f in self.figures],
            "part": self.part.to_dict(),
        }


@dataclass(frozen=True)
class Comparison:
    """An indicator reported as a result in the review part and set as a target in the plan part."""

    indicator_zh: str
    indicator_en: str
    unit: str
    review: Figure
    plan: Figure
    score: float

    @property
    def change(self) -> float:
        return self.plan.value - self.review.value

    @property
    def change_pct(self) -> float | None:
        """Relative change in per cent; None when the review value is 0 or the unit is a rate
        (a change of a rate is given in percentage points instead)."""
        if self.review.value == 0 or self.unit == "%":
            return None
        return 100.0 * self.change / abs(self.review.value)

    @property
    def change_text(self) -> str:
        """The change written out: ``+26.8 %``, ``+1.5 pp`` for rates, ``±0`` for no change, the
        amount (``+3,760个``) when the review value is 0."""
        return format_change(self.change, unit=self.unit, base=self.review.value)

    def to_dict(self) -> dict[str, Any]:
        return {
            "indicator_zh": self.indicator_zh,
            "indicator_en": self.indicator_en,
            "unit": self.unit,
            "review": self.review.to_dict(),
            "plan": self.plan.to_dict(),
            "change": self.change,
            "change_pct": self.change_pct,
            "change_text": self.change_text,
            "score": self.score,
        }


@dataclass(frozen=True)
class BriefParagraph:
    id: str
    text: Bilingual
    excerpt: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text.to_dict(), "excerpt": self.excerpt}


@dataclass(frozen=True)
class BriefSection:
    """A section of the report, flattened: level 1 parts and level 2 sections in reading order."""

    anchor: str
    heading: Bilingual
    level: int
    kind: str
    year: int | None
    figures: tuple[Figure, ...]
    paragraphs: tuple[BriefParagraph, ...]
    part: Bilingual = Bilingual("")  # the enclosing top-level part, for untitled sections
    more_figures: int = 0  # the section's figures a summary leaves out of ``figures``

    def to_dict(self) -> dict[str, Any]:
        return {
            "anchor": self.anchor,
            "heading": self.heading.to_dict(),
            "level": self.level,
            "kind": self.kind,
            "year": self.year,
            "figures": [f.to_dict() for f in self.figures],
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "part": self.part.to_dict(),
            "more_figures": self.more_figures,
        }


@dataclass(frozen=True)
class RepairGroup:
    """All repairs of one kind: how many, what they mean, and the ones the appendix lists."""

    kind: str
    count: int
    description: str
    shown: tuple[Repair, ...]

    @property
    def hidden(self) -> int:
        """How many the detail table leaves out (unplaced headings are listed on their own)."""
        return 0 if self.kind == UNPLACED else self.count - len(self.shown)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "count": self.count,
            "description": self.description,
            "shown": [r.to_dict() for r in self.shown],
        }


def group_repairs(
    repairs: Sequence[Repair], *, examples: int = REPAIR_EXAMPLES, every_kind: bool = False
) -> tuple[RepairGroup, ...]:
    """Repairs by kind in order of first appearance. Mechanical kinds (or with ``every_kind`` all
    kinds) keep ``examples`` of theirs as ``shown``; unplaced headings show none (the appendix
    lists them with their reason)."""
    by_kind: dict[str, list[Repair]] = {}
    for r in repairs:
        by_kind.setdefault(r.kind, []).append(r)

    def shown(kind: str, rs: list[Repair]) -> tuple[Repair, ...]:
        if kind == UNPLACED:
            return ()
        return tuple(rs[:examples]) if every_kind or kind in MECHANICAL_REPAIRS else tuple(rs)

    return tuple(
        RepairGroup(kind, len(rs), REPAIR_KINDS.get(kind, kind.replace("_", " ")), shown(kind, rs))
        for kind, rs in by_kind.items()
    )


@dataclass(frozen=True)
class Briefing:
    """Everything a briefing writer (HTML, PDF, DOCX) shows, already decided and translated."""

    title: Bilingual
    subtitle: Bilingual
    byline: Bilingual
    place: Bilingual
    source: str
    years: tuple[int, ...]
    generated: str
    lang: str
    layout: str
    full: bool
    translator: str
    key_figures: tuple[FigureGroup, ...]
    headline: tuple[Figure, ...]
    comparisons: tuple[Comparison, ...]
    review_year: int | None
    plan_year: int | None
    sections: tuple[BriefSection, ...]
    repairs: tuple[Repair, ...]
    unplaced_headings: tuple[Bilingual, ...]

    @property
    def repair_groups(self) -> tuple[RepairGroup, ...]:
        if self.full:
            return group_repairs(self.repairs)
        return group_repairs(self.repairs, examples=SUMMARY_REPAIR_EXAMPLES, every_kind=True)

    @property
    def unplaced(self) -> tuple[tuple[Bilingual, str], ...]:
        """Each unplaced heading with the reader's reason (its best candidate and score)."""
        notes = {r.after: r.note for r in self.repairs if r.kind == UNPLACED}
        return tuple((h, notes.get(h.zh, "")) for h in self.unplaced_headings)

    @property
    def show_zh(self) -> bool:
        return self.lang in ("zh", "zh-en")

    @property
    def show_en(self) -> bool:
        return self.lang in ("en", "zh-en")

    @property
    def year_span(self) -> str:
        if not self.years:
            return ""
        lo, hi = min(self.years), max(self.years)
        return str(lo) if lo == hi else f"{lo}–{hi}"

    @property
    def figure_count(self) -> int:
        return sum(len(s.figures) + s.more_figures for s in self.sections)

    @property
    def paragraph_count(self) -> int:
        return sum(len(s.paragraphs) for s in self.sections)

    def label_counts(self) -> dict[str, int]:
        """How many paragraphs got each kind of English (TM, MT, terms only, untranslated)."""
        counts: dict[str, int] = {}
        for sec in self.sections:
            for p in sec.paragraphs:
                key = _badge_family(p.text.label)
                counts[key] = counts.get(key, 0) + 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title.to_dict(),
            "subtitle": self.subtitle.to_dict(),
            "byline": self.byline.to_dict(),
            "place": self.place.to_dict(),
            "source": self.source,
            "years": list(self.years),
            "generated": self.generated,
            "lang": self.lang,
            "layout": self.layout,
            "full": self.full,
            "translator": self.translator,
            "key_figures": [g.to_dict() for g in self.key_figures],
            "headline": [f.to_dict() for f in self.headline],
            "comparisons": [c.to_dict() for c in self.comparisons],
            "review_year": self.review_year,
            "plan_year": self.plan_year,
            "sections": [s.to_dict() for s in self.sections],
            "repairs": [r.to_dict() for r in self.repairs],
            "repair_groups": [g.to_dict() for g in self.repair_groups],
            "unplaced_headings": [h.to_dict() for h in self.unplaced_headings],
            "label_counts": self.label_counts(),
        }


def _badge_family(label: str) -> str:
    """``TM 87 %`` and ``TM 100 %`` both count as TM in the summary."""
    return "TM" if label.startswith("TM") else label


# --- English ---------------------------------------------------------------------------------


def _english(tr: TranslationLike | None, zh: str) -> Bilingual:
    if tr is None:
        return Bilingual(zh)
    terms = tuple((str(a), str(b)) for a, b in (getattr(tr, "terms", ()) or ()))
    text = (tr.text or "").strip()
    if not text:
        # Only termbase hits (or nothing): the paragraph stays Chinese, its terms listed apart.
        return Bilingual(zh, "", tr.status or UNTRANSLATED, tr.label or UNTRANSLATED, 0.0, terms)
    return Bilingual(zh, text, tr.status, tr.label, float(tr.score or 0.0), terms)


def _heading(englisher: EnglisherLike | None, zh: str) -> Bilingual:
    if not zh:
        return Bilingual("", "")
    return _english(englisher.heading(zh) if englisher else None, zh)


def _paragraph(englisher: EnglisherLike | None, zh: str) -> Bilingual:
    if not zh:
        return Bilingual("", "")
    return _english(englisher.paragraph(zh) if englisher else None, zh)


def _indicator(englisher: EnglisherLike | None, zh: str) -> str:
    """The termbase's English for an indicator, else for its name without a leading verb
    (实施项目 → 项目 → projects); "" when the termbase knows neither."""
    if englisher is None or not zh:
        return ""
    en = englisher.indicator(zh)
    if not en:
        core = match_name(zh)
        if core != zh and len(core) >= 2:
            en = englisher.indicator(core)
    return en or ""


# --- Importance ------------------------------------------------------------------------------


def fact_weight(fact: FactLike) -> int:
    """How much a fact matters at a glance (higher first).

    Money (元, 万元, 亿元) weighs most because budgets and investment are what readers of a work
    report compare first; then rates and shares (``%``, indicators ending in 率), because they are
    already normalised; then changes (增长 x %) over levels; a named indicator beats a bare number
    or a generic one (项目, 投资 alone). Counts of things (个, 项, 人) get the base weight. Ties keep
    reading order.
    """
    w = 1
    unit = fact.unit or ""
    if unit in MONEY_UNITS or unit.endswith("元"):
        w += 4
    if unit == "%" or fact.indicator.endswith(("率", "比重", "占比", "覆盖率")):
        w += 3
    if fact.measure == "change":
        w += 1
    if len(fact.indicator) >= 2 and match_name(fact.indicator) not in GENERIC_INDICATORS:
        w += 1
    return w


def pick_key_figures(
    figures: Sequence[Figure], *, top: int = TOP_PER_SECTION
) -> tuple[Figure, ...]:
    """The ``top`` heaviest figures of one section, in reading order; a repeated indicator once."""
    seen: set[tuple[str, str]] = set()
    unique: list[tuple[int, Figure]] = []
    for i, f in enumerate(figures):
        key = (f.indicator_zh, f.value_zh)
        if key in seen:
            continue
        seen.add(key)
        unique.append((i, f))
    best = sorted(unique, key=lambda t: (-t[1].weight, t[0]))[:top]
    return tuple(f for _, f in sorted(best, key=lambda t: t[0]))


def cap_key_figures(
    groups: Sequence[FigureGroup], *, limit: int = KEY_FIGURES_MAX
) -> tuple[FigureGroup, ...]:
    """At most ``limit`` key figures in all: every section's heaviest first, then each one's
    second heaviest, and so on (heavier first within a round); groups keep reading order."""
    ranked = []
    for gi, g in enumerate(groups):
        by_weight = sorted(g.figures, key=lambda f: -f.weight)
        ranked.extend((rank, -f.weight, gi, id(f)) for rank, f in enumerate(by_weight))
    kept = {t[3] for t in sorted(ranked)[:limit]}
    capped = (replace(g, figures=tuple(f for f in g.figures if id(f) in kept)) for g in groups)
    return tuple(g for g in capped if g.figures)


def merge_untitled(groups: Sequence[FigureGroup]) -> tuple[FigureGroup, ...]:
    """Neighbouring groups of untitled sections of one part as one group: the key figures table
    then heads them 精彩·2023（续） once, not once per block whose headline the reader could not
    place."""
    out: list[FigureGroup] = []
    for g in groups:
        last = out[-1] if out else None
        if last and not g.heading.zh and not last.heading.zh and g.part.zh and g.part == last.part:
            out[-1] = replace(last, figures=last.figures + g.figures)
        else:
            out.append(g)
    return tuple(out)


def pick_headline(figures: Sequence[Figure], *, n: int = 3) -> tuple[Figure, ...]:
    """The cover's few big numbers: the heaviest key figures with a specific indicator (not 投资 or
    资金 alone, not a bare count), one per indicator, earliest first among equals."""
    named = [
        (i, f)
        for i, f in enumerate(figures)
        if len(f.indicator_zh) >= 2
        and f.weight >= 3
        and match_name(f.indicator_zh) not in GENERIC_INDICATORS
    ] or list(enumerate(figures))
    out: list[Figure] = []
    for _, f in sorted(named, key=lambda t: (-t[1].weight, t[0])):
        if all(f.indicator_zh != o.indicator_zh for o in out):
            out.append(f)
        if len(out) == n:
            break
    return tuple(out)


# --- Matching review results with plan targets -----------------------------------------------


def match_indicators(
    review: Sequence[FactLike],
    plan: Sequence[FactLike],
    *,
    threshold: float = MATCH_THRESHOLD,
) -> list[tuple[FactLike, FactLike, float]]:
    """Pairs (review fact, plan fact, score 0–100) naming the same indicator in the same measure
    and unit, in review order: :func:`reportgen.facts.match.match_facts`, the matcher the diff
    uses too. Every fact counts (not one per indicator): the briefing shows what the text says."""
    return [(m.a, m.b, m.score) for m in match_facts(review, plan, threshold=threshold)]


# --- Assembly --------------------------------------------------------------------------------


def _figure(fact: FactLike, englisher: EnglisherLike | None) -> Figure:
    return Figure(
        indicator_zh=fact.indicator,
        indicator_en=_indicator(englisher, fact.indicator),
        value_zh=_SPACES.sub("", fact.surface),  # "1.58 万亩" as the damaged PDF text had it
        value_en=fact.en or "",
        value=float(fact.value),
        unit=fact.unit or "",
        kind=fact.kind,
        measure=fact.measure,
        year=fact.year,
        paragraph_id=fact.paragraph_id,
        qualifier=fact.qualifier or "",
        weight=fact_weight(fact),
    )


def lead_paragraph(
    paragraphs: Sequence[Paragraph], *, min_chars: int = LEAD_MIN_CHARS
) -> tuple[Paragraph, ...]:
    """The paragraph a summary shows for a section: the first with at least ``min_chars``
    characters, else the longest (the first of equals); none for a section without text."""
    for p in paragraphs:
        if len(p.text) >= min_chars:
            return (p,)
    return (max(paragraphs, key=lambda p: len(p.text)),) if paragraphs else ()


def lead_excerpt(text: str, *, limit: int = SUMMARY_CHARS) -> str:
    """The opening sentences of a paragraph, up to about ``limit`` characters (at least one)."""
    out = ""
    for sent in split_sentences(text):
        if out and len(out) + len(sent) > limit:
            break
        out += sent
    return out


def infer_place(doc: Document) -> str:
    """The place a report is about: the reader's, else the first administrative area named at the
    start of the title, subtitle or byline (湟中区砥砺奋进… → 湟中区; 在海拉尔区第十四届… → 海拉尔区)."""
    if doc.place:
        return doc.place
    for line in (doc.title, doc.subtitle, doc.byline):
        m = PLACE_RE.search(line)
        if m:
            return m.group(1)
    return ""


def build_briefing(
    doc: Document,
    *,
    facts: Sequence[FactLike] = (),
    englisher: EnglisherLike | None = None,
    generated: str = "",
    lang: str = "zh-en",
    layout: str = "side-by-side",
    full: bool = False,
    translator: str = "none",
    top_per_section: int = TOP_PER_SECTION,
    summary_figures: int = SUMMARY_FIGURES,
) -> Briefing:
    """The briefing for ``doc``: title block, key figures per section, review-vs-plan comparisons,
    the sections with their facts and text (the ``summary_figures`` weightiest figures and the lead of
    each section's first paragraph, or with ``full=True`` every figure and paragraph), and the editors' appendix. Every English string comes from ``englisher``."""
    if lang not in LANGS:
        raise ReportgenError(f"--lang must be one of {', '.join(LANGS)}, not {lang!r}")
    if layout not in LAYOUTS:
        raise ReportgenError(f"--layout must be one of {', '.join(LAYOUTS)}, not {layout!r}")

    figures_by_pid: dict[str, list[Figure]] = {}
    fact_by_pid: dict[str, list[FactLike]] = {}
    for fact in facts:
        figures_by_pid.setdefault(fact.paragraph_id, []).append(_figure(fact, englisher))
        fact_by_pid.setdefault(fact.paragraph_id, []).append(fact)

    sections: list[BriefSection] = []
    groups: list[FigureGroup] = []
    review_facts: list[FactLike] = []
    plan_facts: list[FactLike] = []
    years: set[int] = {doc.year} if doc.year else set()
    n = 0
    for path in doc.iter_paths():
        sec = path[-1]
        n += 1
        anchor = f"s{n}"
        kind = path_kind(path)
        year = path_year(path)
        if year:
            years.add(year)
        heading = _heading(englisher, sec.heading) if sec.heading else Bilingual("", "", "", "")
        top = path[0]
        part = _heading(englisher, top.heading) if top is not sec and top.heading else Bilingual("")
        figs: list[Figure] = []
        for p in sec.paragraphs:
            figs.extend(figures_by_pid.get(p.id, ()))
            for fact in fact_by_pid.get(p.id, ()):
                # The fact extractor already weighs the part's kind against the sentence's cues.
                if fact.kind == "achievement":
                    review_facts.append(fact)
                elif fact.kind == "target":
                    plan_facts.append(fact)
        if full:
            paras = tuple(
                BriefParagraph(p.id, _paragraph(englisher, p.text)) for p in sec.paragraphs
            )
        else:
            paras = tuple(
                BriefParagraph(p.id, _paragraph(englisher, lead), excerpt=lead != p.text)
                for p in lead_paragraph(sec.paragraphs)
                for lead in (lead_excerpt(p.text),)
            )
        if not sec.heading and not sec.paragraphs and not figs:
            continue
        shown = tuple(figs) if full else pick_key_figures(figs, top=summary_figures)
        sections.append(
            BriefSection(
                anchor, heading, sec.level, kind, year, shown, paras, part, len(figs) - len(shown)
            )
        )
        key = pick_key_figures(figs, top=top_per_section)
        if key:
            groups.append(FigureGroup(anchor, heading, key, part))

    part_years = {
        s.kind: s.year for s in doc.sections if s.kind in (REVIEW, PLAN) and s.year is not None
    }
    # The plan's own year and the year under review: a goal for a later year (到2020年…) is no
    # target to set beside last year's result, nor a result of an earlier year (2012年… recalled in
    # a 2014 report) last year's.
    plan_year = part_years.get(PLAN) or doc.year
    if plan_year is not None:
        plan_facts = [f for f in plan_facts if f.year in (None, plan_year)]
    review_year = part_years.get(REVIEW) or (plan_year - 1 if plan_year else None)
    if review_year is not None:
        review_facts = [f for f in review_facts if f.year in (None, review_year)]
    comparisons = tuple(
        Comparison(
            indicator_zh=r.indicator,
            indicator_en=_indicator(englisher, r.indicator) or _indicator(englisher, p.indicator),
            unit=r.unit or "",
            review=_figure(r, englisher),
            plan=_figure(p, englisher),
            score=score,
        )
        for r, p, score in match_indicators(review_facts, plan_facts)
    )
    review_years = [c.review.year for c in comparisons if c.review.year]
    plan_years = [c.plan.year for c in comparisons if c.plan.year]
    return Briefing(
        title=_heading(englisher, doc.title),
        subtitle=_heading(englisher, doc.subtitle),
        byline=_heading(englisher, doc.byline),
        place=_heading(englisher, infer_place(doc)),
        # The file's name, not its path: a briefing is sent out, the folders it came from are not.
        source=PurePath(doc.source).name or doc.source,
        years=tuple(sorted(years)),
        generated=generated,
        lang=lang,
        layout=layout,
        full=full,
        translator=translator,
        key_figures=merge_untitled(cap_key_figures(groups)),
        headline=pick_headline([f for g in groups for f in g.figures]),
        comparisons=comparisons,
        review_year=part_years.get(REVIEW) or (min(review_years) if review_years else None),
        plan_year=plan_year or (max(plan_years) if plan_years else None),
        sections=tuple(sections),
        repairs=tuple(doc.repairs),
        unplaced_headings=tuple(_heading(englisher, h) for h in doc.unplaced_headings),
    )
