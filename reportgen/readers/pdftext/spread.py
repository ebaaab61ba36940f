"""PDF-text reader, layout step: paragraphs, headlines, markers, leads and runs of the text.

:class:`_Spread` holds what the later steps read and write: the layout facts found here once, and
which headline went on which block. The steps are functions of it in their own modules; its
methods are the layout queries and the bookkeeping they share.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.model import OTHER, Repair
from reportgen.readers.pdftext.parts import _smooth_kinds
from reportgen.readers.pdftext.similarity import _Similarity
from reportgen.readers.repair import (
    BYLINE,
    HEADING,
    MARKER,
    PARAGRAPH,
    TITLE,
    Repaired,
    Unit,
    marker_of,
)
from reportgen.structure import kind_score

# A lead: a short paragraph (one or two sentences) followed by a clearly longer body paragraph.
LEAD_MAX_CHARS = 110
LEAD_BODY_RATIO = 1.8


@dataclass
class _Head:
    """A headline and where it stood; ``anchor`` is the paragraph it was put on."""

    unit: Unit
    pos: int  # paragraphs before it in the text
    floating: bool  # gathered with other headlines (no text between them)
    rank: int = 0  # place among the headlines gathered with it
    anchor: int | None = None
    end: int | None = None  # section end (exclusive) when the position fixes it
    note: str = ""


@dataclass
class _Block:
    """Paragraphs ``start``..``end`` (exclusive) that belong together, with their headline if
    one was placed; ``kind`` and ``score`` are the review/plan reading of their language."""

    start: int
    end: int
    head: _Head | None = None
    kind: str = OTHER
    score: float = 0.0


class _Spread:
    """One newspaper spread being put back in order (see the package docstring)."""

    def __init__(self, rep: Repaired, text: str, source: str) -> None:
        self.rep, self.text, self.source = rep, text, source
        self.repairs: list[Repair] = list(rep.repairs)
        self.title = next((u.text for u in rep.units if u.kind == TITLE), None)
        self.byline = next((u.text for u in rep.units if u.kind == BYLINE), None)
        self.paras: list[Unit] = []
        self.heads: list[_Head] = []
        self.markers: list[tuple[Unit, int]] = []
        for u in rep.units:
            if u.kind == PARAGRAPH:
                self.paras.append(u)
            elif u.kind == HEADING:
                self.heads.append(_Head(u, len(self.paras), floating=False))
            elif u.kind == MARKER:
                self.markers.append((u, len(self.paras)))
        by_pos: dict[int, int] = {}
        for h in self.heads:
            by_pos[h.pos] = by_pos.get(h.pos, 0) + 1
        for h in self.heads:
            h.floating = by_pos[h.pos] >= 2
            h.rank = sum(1 for h2 in self.heads if h2.pos == h.pos and h2.unit.start < h.unit.start)
        self.n = len(self.paras)
        self.texts = [p.text for p in self.paras]
        self.sim = _Similarity(self.texts)
        # Positions where a heading or marker stands: blocks never run across them.
        self.bounds = sorted({h.pos for h in self.heads} | {m for _, m in self.markers})
        self.zone: dict[int, int] = {}  # paragraph -> marker index, for a marker's own text
        for k, (_, m) in enumerate(self.markers):
            stop = min([b for b in self.bounds if b > m], default=self.n)
            for i in range(m, stop):
                self.zone[i] = k
        years = [marker_of(u.text)[1] for u, _ in self.markers if marker_of(u.text)]
        self.doc_year = max(years) if years else None
        self.ry = self.doc_year - 1 if self.doc_year else None
        self.lead = [self._is_lead(i) for i in range(self.n)]
        self.body_of = self._bodies()
        # Where a block can start: outside the markers' own text, not inside a lead's body.
        self.starts = [i for i in range(self.n) if i not in self.zone and i not in self.body_of]
        self._scores: dict[tuple[str, int, int, str], float] = {}
        self.taken: dict[int, _Head] = {}  # block start -> the headline put on it
        self.spans: list[tuple[int, int]] = []  # sections fixed by in-place headlines
        self.order_notes: dict[int, str] = {}  # cluster position -> what the order prior did
        self.vetoed: dict[int, str] = {}  # id of a headline -> why the order undid its placement
        self.run_of = self._runs()

    # -- layout features

    def _bound_between(self, i: int, j: int) -> bool:
        """A heading or marker stands between paragraphs i and j (i < j)."""
        return any(i < b <= j for b in self.bounds)

    def _is_lead(self, i: int) -> bool:
        if i + 1 >= self.n or self._bound_between(i, i + 1) or i in self.zone:
            return False
        a, b = len(self.texts[i]), len(self.texts[i + 1])
        return a <= LEAD_MAX_CHARS and b >= LEAD_BODY_RATIO * a

    def _bodies(self) -> dict[int, int]:
        """Paragraph -> the lead it is the body of (following it, before the next lead/boundary)."""
        out: dict[int, int] = {}
        for i in range(self.n):
            if not self.lead[i]:
                continue
            j = i + 1
            while (
                j < self.n
                and not self.lead[j]
                and not self._bound_between(j - 1, j)
                and j not in self.zone
            ):
                out[j] = i
                j += 1
        return out

    def _block_end(self, i: int) -> int:
        """End (exclusive) of the natural block starting at paragraph i: a lead and its body, or a
        single paragraph."""
        j = i + 1
        while j < self.n and self.body_of.get(j) == i:
            j += 1
        return j

    # -- runs: the order the copy keeps

    def _runs(self) -> dict[int, int]:
        """Block start -> its run: consecutive blocks of one part (by their smoothed language)
        with no marker's own text between them. The copy keeps a text frame's blocks together
        and in page order; a change of part in the text starts another frame, whose place
        relative to this one the copy does not keep (the seed's first two review blocks come
        before a plan block, yet their headlines sit mid-page)."""
        kinds = _smooth_kinds(
            [
                sum(kind_score(t, review_year=self.ry, plan_year=self.doc_year) for t in chunk)
                for chunk in (self.texts[i : self._block_end(i)] for i in self.starts)
            ]
        )
        run_of: dict[int, int] = {}
        self.run_kind: list[str] = []
        self.run_blocks: list[list[int]] = []
        prev: int | None = None
        for i, kind in zip(self.starts, kinds, strict=True):
            if (
                prev is None
                or kind != self.run_kind[-1]
                or any(j in self.zone for j in range(prev, i))
            ):
                self.run_kind.append(kind)
                self.run_blocks.append([])
            run_of[i] = len(self.run_kind) - 1
            self.run_blocks[-1].append(i)
            prev = i
        return run_of

    # -- which headline went on which block

    def _free(self, i: int, end: int | None = None) -> bool:
        if i in self.taken or i in self.body_of:
            return False
        if any(a < i < b for a, b in self.spans):
            return False
        # A section fixed by position must not swallow a block already given a headline.
        return not (end is not None and any(i < t < end for t in self.taken))

    def _anchor(self, h: _Head, i: int, note: str) -> None:
        h.anchor, h.note = i, note
        self.taken[i] = h
        if h.end is not None:
            self.spans.append((i, h.end))
