"""Duplicate finding step: passages that repeat within a report, across reports, or against an archive.

Entry points: :func:`find_duplicates` (documents in, :class:`DupesResult` out), :func:`index_add` and
:func:`index_stats` (the SQLite archive of earlier reports).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.dupes.find import CONTAINED, EXACT, KINDS, NEAR, NUMBERS, RawGroup, find_groups
from reportgen.dupes.units import DEFAULT_ALLOW, SPACE_RE, Unit, document_units, numbers
from reportgen.model import Document

if TYPE_CHECKING:
    from reportgen.dupes import archive

SCHEMA = "reportgen.dupes/1"
DIGITS_RE = re.compile(r"[0-9０-９]+(?:[.．,][0-9０-９]+)*")
DEFAULT_MIN_CHARS = 12
DEFAULT_THRESHOLD = 0.8

log = logging.getLogger(__name__)

__all__ = [
    "CONTAINED",
    "DEFAULT_ALLOW",
    "EXACT",
    "KINDS",
    "NEAR",
    "NUMBERS",
    "SCHEMA",
    "DupesResult",
    "Group",
    "IndexStats",
    "Member",
    "Source",
    "find_duplicates",
    "index_add",
    "index_stats",
]


@dataclass(frozen=True)
class Source:
    """A report a member comes from: one of the inputs, or an archived report."""

    label: str
    title: str = ""
    year: int | None = None
    archived: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "title": self.title,
            "year": self.year,
            "archived": self.archived,
        }


@dataclass(frozen=True)
class Member:
    """One copy of a repeated passage. ``start``/``end`` are offsets into the paragraph's text;
    ``diff`` are the spans (same offsets) that differ from the group's first member."""

    doc: str
    paragraph_id: str
    start: int
    end: int
    text: str
    line: int = 0
    unit: str = "sentence"
    year: int | None = None
    diff: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "paragraph_id": self.paragraph_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "line": self.line,
            "unit": self.unit,
            "year": self.year,
            "diff": [list(d) for d in self.diff],
        }


@dataclass(frozen=True)
class Group:
    """Copies of one passage. ``similarity`` is the lowest Indel similarity of a member to the
    first one (1.0 for exact copies); for ``contained`` groups, whose first member is the short
    passage, it is the smallest share of a longer passage that the short one covers.
    ``changes`` (numbers groups) are the figures that differ from the first member, as
    (member index, old, new)."""

    id: int
    kind: str
    similarity: float
    members: tuple[Member, ...]
    changes: tuple[tuple[int, str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "similarity": self.similarity,
            "members": [m.to_dict() for m in self.members],
            "changes": [{"member": i, "old": o, "new": n} for i, o, n in self.changes],
        }

    def note(self, index: int, *, ref: str) -> str:
        """An editor's note for member ``index``: "same as p37", "same except 3630 → 3760"."""
        if self.kind == EXACT:
            return f"Same as {ref}"
        if self.kind == NUMBERS:
            # Figures read "theirs → mine": what the other copy says, then what this one says.
            other = index if index else 1
            pairs = [(o, n) for i, o, n in self.changes if i == other]
            if index == 0:
                pairs = [(n, o) for o, n in pairs]
            return f"Same as {ref} except " + ", ".join(f"{o} → {n}" for o, n in pairs)
        if self.kind == NEAR:
            return f"Near copy of {ref} ({self.similarity:.0%} similar)"
        if index == 0:
            return f"Repeated inside {ref}"
        return f"Contains {ref}"


@dataclass(frozen=True)
class DupesResult:
    """All groups plus what an editor needs to judge them: sources, counts, share repeated, and
    ``notes`` on how the check was run (an archived copy of an input left out)."""

    groups: tuple[Group, ...]
    sources: tuple[Source, ...]
    total_chars: int = 0
    repeated_chars: int = 0
    options: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    notes: tuple[str, ...] = ()

    @property
    def counts(self) -> dict[str, int]:
        out = {k: 0 for k in KINDS}
        for g in self.groups:
            out[g.kind] += 1
        return out

    @property
    def share(self) -> float:
        return self.repeated_chars / self.total_chars if self.total_chars else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "sources": [s.to_dict() for s in self.sources],
            "options": dict(self.options),
            "counts": self.counts,
            "total_chars": self.total_chars,
            "repeated_chars": self.repeated_chars,
            "share": round(self.share, 4),
            "notes": list(self.notes),
            "groups": [g.to_dict() for g in self.groups],
        }


@dataclass(frozen=True)
class IndexStats:
    """What an archive holds."""

    db: str
    documents: int
    passages: int
    added: int = 0
    skipped: int = 0
    years: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "db": self.db,
            "documents": self.documents,
            "passages": self.passages,
            "added": self.added,
            "skipped": self.skipped,
            "years": list(self.years),
        }


def find_duplicates(
    documents: Sequence[Document],
    *,
    against: str | Path | None = None,
    min_chars: int = DEFAULT_MIN_CHARS,
    threshold: float = DEFAULT_THRESHOLD,
    allow: Sequence[str] = DEFAULT_ALLOW,
    kinds: Sequence[str] = KINDS,
    progress: Callable[[str, int], None] | None = None,
) -> DupesResult:
    """Find repeated passages within and across ``documents`` and, with ``against``, reuse of
    passages from the reports stored in that archive database."""
    units: list[Unit] = []
    sources = [Source(d.source, d.title, d.year) for d in documents]
    for i, d in enumerate(documents):
        units.extend(document_units(d, i, min_chars=min_chars, allow=allow))
    query: list[bool] | None = None
    notes: list[str] = []
    if against is not None:
        from reportgen.dupes import archive

        hits = archive.lookup(against, units, first_doc=len(documents), inputs=documents)
        query = [True] * len(units) + [False] * len(hits.units)
        units.extend(hits.units)
        sources.extend(hits.sources)
        for same in hits.same:
            notes.append(_same_note(documents[same.input].source, same))
            log.warning("%s", notes[-1])
    raw = find_groups(units, threshold=threshold, kinds=kinds, query=query, progress=progress)
    groups = tuple(
        _group(n + 1, g, units, sources)
        for n, g in enumerate(sorted(raw, key=_reading_order(units)))
    )
    total = sum(len(p.text) for d in documents for p in d.paragraphs())
    repeated = _repeated_chars(groups, {s.label for s in sources[: len(documents)]})
    options = {"min_chars": min_chars, "threshold": threshold, "kinds": list(kinds)}
    if against is not None:
        options["against"] = str(against)
    return DupesResult(groups, tuple(sources), total, repeated, options, tuple(notes))


def _same_note(label: str, same: archive.Archived) -> str:
    """Editors re-run a report after indexing it: its own archived copy is not reuse."""
    import datetime

    when = datetime.datetime.fromtimestamp(same.added).date().isoformat()
    stored = "" if same.source == label else f" as {same.source}"
    return (
        f"{label} is already in the archive{stored} (indexed {when}, same text): "
        "that copy was left out of the comparison."
    )


def index_add(
    documents: Sequence[Document],
    *,
    db: str | Path,
    min_chars: int = DEFAULT_MIN_CHARS,
    allow: Sequence[str] = DEFAULT_ALLOW,
    progress: Callable[[str, int], None] | None = None,
) -> IndexStats:
    """Store every passage of ``documents`` in the archive ``db`` (created when missing)."""
    from reportgen.dupes import archive

    return archive.add(documents, db=db, min_chars=min_chars, allow=allow, progress=progress)


def index_stats(db: str | Path) -> IndexStats:
    from reportgen.dupes import archive

    return archive.stats(db)


def _reading_order(units: Sequence[Unit]) -> Callable[[RawGroup], tuple[int, str, int]]:
    def key(g: RawGroup) -> tuple[int, str, int]:
        u = units[g.members[0]]
        return (u.doc, u.paragraph_id.rjust(12), u.start)

    return key


def _group(gid: int, g: RawGroup, units: Sequence[Unit], sources: Sequence[Source]) -> Group:
    def where(i: int) -> tuple[int, str, int]:
        return (units[i].doc, units[i].paragraph_id.rjust(12), units[i].start)

    # A contained group leads with the short passage; other groups read in document order.
    if g.kind == CONTAINED:
        idx = [g.members[0], *sorted(g.members[1:], key=where)]
    else:
        idx = sorted(g.members, key=where)
    members_u = [units[i] for i in idx]
    ref = members_u[0]
    diffs: list[list[tuple[int, int]]] = [[] for _ in members_u]
    changes: list[tuple[int, str, str]] = []
    if g.kind in (NUMBERS, NEAR):
        for k, u in enumerate(members_u[1:], start=1):
            a_spans, b_spans = _diff_spans(ref, u)
            diffs[0].extend(a_spans)
            diffs[k] = b_spans
            if g.kind == NUMBERS:
                changes.extend(
                    (k, o, n)
                    for o, n in zip(numbers(ref.norm), numbers(u.norm), strict=False)
                    if o != n
                )
    elif g.kind == CONTAINED:
        # Highlight where the short passage sits inside each longer one.
        for k, u in enumerate(members_u[1:], start=1):
            at = u.norm.find(ref.norm)
            if at >= 0:
                offs = _norm_offsets(u.text)
                diffs[k] = [(u.start + offs[at], u.start + offs[at + len(ref.norm)])]
    members = tuple(
        Member(
            doc=sources[u.doc].label,
            paragraph_id=u.paragraph_id,
            start=u.start,
            end=u.end,
            text=u.text,
            line=u.line,
            unit=u.kind,
            year=sources[u.doc].year,
            diff=tuple(_merge(diffs[k])),
        )
        for k, u in enumerate(members_u)
    )
    return Group(gid, g.kind, g.similarity, members, tuple(changes))


def _norm_offsets(text: str) -> list[int]:
    """For each character of ``normalise(text)`` its offset in ``text`` (plus one past the end)."""
    out: list[int] = []
    for i, ch in enumerate(text):
        piece = SPACE_RE.sub("", unicodedata.normalize("NFKC", ch))
        out.extend([i] * len(piece))
    out.append(len(text))
    return out


def _diff_spans(a: Unit, b: Unit) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of ``a.text`` and ``b.text`` (paragraph offsets) that differ, aligned on the
    normalised texts and mapped back."""
    from rapidfuzz.distance import Levenshtein

    oa, ob = _norm_offsets(a.text), _norm_offsets(b.text)
    sa: list[tuple[int, int]] = []
    sb: list[tuple[int, int]] = []
    for op in Levenshtein.opcodes(a.norm, b.norm):
        if op.tag == "equal":
            continue
        if op.src_end > op.src_start:
            sa.append((a.start + oa[op.src_start], a.start + oa[op.src_end]))
        if op.dest_end > op.dest_start:
            sb.append((b.start + ob[op.dest_start], b.start + ob[op.dest_end]))
    return _widen(a, sa), _widen(b, sb)


def _widen(u: Unit, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Grow a differing span that touches a number to the whole number: an editor reads
    "296" against "282", not "9" against "8"."""
    nums = [(u.start + m.start(), u.start + m.end()) for m in DIGITS_RE.finditer(u.text)]
    out = []
    for s, e in spans:
        for ns, ne in nums:
            if ns < e and s < ne:
                s, e = min(s, ns), max(e, ne)
        out.append((s, e))
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _repeated_chars(groups: Sequence[Group], labels: set[str]) -> int:
    spans: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for g in groups:
        for m in g.members:
            if m.doc in labels:
                spans[(m.doc, m.paragraph_id)].append((m.start, m.end))
    return sum(e - s for v in spans.values() for s, e in _merge(v))
