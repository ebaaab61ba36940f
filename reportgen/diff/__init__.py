"""Diff step: compare successive reports — aligned paragraphs with inline edits, facts lined up by
indicator, and one year's targets checked against the next report's results."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from reportgen.diff.align import (
    ParagraphChange,
    SectionPair,
    align_paragraphs,
    align_sections,
    flatten,
)
from reportgen.diff.facts import (
    ACHIEVEMENT,
    TARGET,
    FactChange,
    TargetCheck,
    check_targets,
    compare_facts,
    compare_results_to_targets,
)
from reportgen.errors import InputError
from reportgen.facts.match import indicator_name, match_facts, unit_key
from reportgen.model import PLAN, REVIEW, Document

log = logging.getLogger(__name__)

SCHEMA = "reportgen.diff/1"

__all__ = [
    "SCHEMA",
    "DiffResult",
    "DocInfo",
    "FactChange",
    "PairDiff",
    "ParagraphChange",
    "SectionPair",
    "SeriesRow",
    "TargetCheck",
    "compare",
    "order_by_year",
]


@dataclass(frozen=True)
class DocInfo:
    source: str
    title: str
    year: int | None
    place: str

    @classmethod
    def of(cls, doc: Document) -> DocInfo:
        return cls(doc.source, doc.title, doc.year, doc.place)

    @property
    def label(self) -> str:
        name = self.source.rsplit("/", 1)[-1]
        return f"{self.year} ({name})" if self.year else name

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "title": self.title, "year": self.year, "place": self.place}


@dataclass(frozen=True)
class PairDiff:
    """Two successive reports compared."""

    old: DocInfo
    new: DocInfo
    paragraphs: tuple[ParagraphChange, ...]
    sections: tuple[SectionPair, ...]
    facts: tuple[FactChange, ...]
    targets: tuple[TargetCheck, ...]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for p in self.paragraphs:
            out[p.status] = out.get(p.status, 0) + 1
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": self.old.to_dict(),
            "new": self.new.to_dict(),
            "counts": self.counts(),
            "sections": [s.to_dict() for s in self.sections],
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "facts": [f.to_dict() for f in self.facts],
            "targets": [t.to_dict() for t in self.targets],
        }


@dataclass(frozen=True)
class SeriesRow:
    """One indicator across years: the target and the stated result for each year."""

    indicator: str
    measure: str
    unit: str
    years: tuple[int, ...]
    targets: tuple[float | None, ...]
    actuals: tuple[float | None, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "measure": self.measure,
            "unit": self.unit,
            "years": list(self.years),
            "targets": list(self.targets),
            "actuals": list(self.actuals),
        }


@dataclass(frozen=True)
class DiffResult:
    """The whole comparison. ``mode``: ``single`` (one report, results vs targets), ``pair`` or
    ``series`` (more than two reports; ``pairs`` holds each consecutive pair)."""

    mode: str
    docs: tuple[DocInfo, ...]
    pairs: tuple[PairDiff, ...]
    facts: tuple[FactChange, ...]
    targets: tuple[TargetCheck, ...]
    series: tuple[SeriesRow, ...] = ()

    @property
    def latest(self) -> PairDiff | None:
        return self.pairs[-1] if self.pairs else None

    def to_dict(self) -> dict[str, Any]:
        last = self.latest
        return {
            "schema": SCHEMA,
            "mode": self.mode,
            "reports": [d.to_dict() for d in self.docs],
            "paragraphs": [p.to_dict() for p in last.paragraphs] if last else [],
            "sections": [s.to_dict() for s in last.sections] if last else [],
            "facts": [f.to_dict() for f in self.facts],
            "targets": [t.to_dict() for t in self.targets],
            "series": [s.to_dict() for s in self.series],
            "pairs": [p.to_dict() for p in self.pairs[:-1]],
        }


def order_by_year(docs: list[Document]) -> list[Document]:
    """Reports oldest first by their year; reports without a year keep their argument place."""
    if any(d.year is None for d in docs):
        log.warning("a report states no year; comparing in the order given")
        return list(docs)
    return sorted(docs, key=lambda d: d.year or 0)


def compare(
    docs: list[Document], *, threshold: float = 0.55, with_facts: bool = True
) -> DiffResult:
    """Compare reports: one (its review against its plan), two (old → new) or more (each
    consecutive pair, plus an indicator × year table). Reports are put in year order first."""
    if not docs:
        raise InputError("diff needs at least one report")
    docs = order_by_year(docs)
    facts = [_facts(d) if with_facts else [] for d in docs]
    infos = tuple(DocInfo.of(d) for d in docs)
    if len(docs) == 1:
        review = [f for f in facts[0] if f.kind == ACHIEVEMENT]
        plan = [f for f in facts[0] if f.kind == TARGET]
        return DiffResult("single", infos, (), tuple(compare_results_to_targets(review, plan)), ())
    pairs: list[PairDiff] = []
    for k in range(1, len(docs)):
        pairs.append(_pair(docs[k - 1], docs[k], facts[k - 1], facts[k], threshold=threshold))
    all_targets = tuple(t for p in pairs for t in p.targets)
    series = _series(docs, facts) if len(docs) > 2 else ()
    mode = "pair" if len(docs) == 2 else "series"
    return DiffResult(mode, infos, tuple(pairs), pairs[-1].facts, all_targets, series)


def _pair(a: Document, b: Document, fa: list[Any], fb: list[Any], *, threshold: float) -> PairDiff:
    ra, rb = flatten(a), flatten(b)
    rows = align_paragraphs(ra, rb, threshold=threshold)
    sections = align_sections(a, b, rows, ra, rb)
    changes = compare_facts(fa, fb, years=(a.year, b.year))
    year = a.year
    targets = check_targets(_targets_of(fa, a), _results_of(fb, b), year=year) if fa else []
    return PairDiff(
        DocInfo.of(a), DocInfo.of(b), tuple(rows), tuple(sections), tuple(changes), tuple(targets)
    )


def _facts(doc: Document) -> list[Any]:
    try:
        from reportgen.facts import extract_facts
    except ImportError:  # the facts step is optional for a text-only diff
        log.warning("fact extraction is not available; comparing text only")
        return []
    return list(extract_facts(doc))


def _plan_ids(doc: Document, kind: str) -> set[str]:
    return {loc.paragraph.id for loc in doc.iter_located() if loc.kind == kind}


def _targets_of(facts: list[Any], doc: Document) -> list[Any]:
    """Targets stated in the report's plan part (a review may quote last year's targets too)."""
    ids = _plan_ids(doc, PLAN)
    return [f for f in facts if f.kind == TARGET and (not ids or f.paragraph_id in ids)]


def _results_of(facts: list[Any], doc: Document) -> list[Any]:
    ids = _plan_ids(doc, REVIEW)
    return [f for f in facts if f.kind == ACHIEVEMENT and (not ids or f.paragraph_id in ids)]


def _series(docs: list[Document], facts: list[list[Any]]) -> tuple[SeriesRow, ...]:
    """Indicator × year: report N's targets for year N, report N+1's results for year N. Each
    report's facts join the rows by the matcher the pairwise comparison uses, so a row follows
    an indicator whose wording changes (新增就业 → 城镇新增就业); a row is shown under its
    latest wording."""
    from reportgen.diff.facts import first_by_key

    rows: list[_Row] = []
    for doc, fs in zip(docs, facts, strict=True):
        if doc.year is None:
            continue
        for kind, chosen, default_year in (
            (TARGET, _targets_of(fs, doc), doc.year),
            (ACHIEVEMENT, _results_of(fs, doc), doc.year - 1),
        ):
            # A report's own targets and its goals for a later year (到2020年…) are different
            # cells of a row: match each year's facts on their own, the first of each indicator.
            by_year: dict[int, list[Any]] = {}
            for f in chosen:
                by_year.setdefault(f.year or default_year, []).append(f)
            for year, group in by_year.items():
                new = list(first_by_key(group, kind=kind).values())
                joined = {m.j: rows[m.i] for m in match_facts([r.first for r in rows], new)}
                for j, f in enumerate(new):
                    row = joined.get(j)
                    if row is None:
                        row = _Row(f)
                        rows.append(row)
                    row.last = f
                    cell = row.cells.setdefault(year, [None, None])
                    slot = 0 if kind == TARGET else 1
                    if cell[slot] is None:  # a target stands as set; a result as first reported
                        cell[slot] = float(f.value)
    years = sorted({y for r in rows for y in r.cells})
    out: list[SeriesRow] = []
    for r in rows:
        if sum(1 for v in r.cells.values() for x in v if x is not None) < 3:
            continue  # one or two numbers are no trend
        out.append(
            SeriesRow(
                indicator_name(r.last.indicator),
                r.last.measure or "",
                unit_key(r.last.unit),
                tuple(years),
                tuple(r.cells.get(y, [None, None])[0] for y in years),
                tuple(r.cells.get(y, [None, None])[1] for y in years),
            )
        )
    return tuple(out)


@dataclass(eq=False)
class _Row:
    """One indicator's row while the series is built: the fact that opened it (what later facts
    must match, so a row cannot drift one similar name at a time to another indicator), its
    latest fact (whose wording the row shows) and its cells (year → [target, result])."""

    first: Any
    last: Any = None
    cells: dict[int, list[float | None]] = field(default_factory=dict)
