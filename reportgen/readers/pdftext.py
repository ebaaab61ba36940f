"""PDF-text reader: text copied out of a (newspaper) PDF, repaired and put back in order.

:mod:`reportgen.readers.repair` undoes the damage line by line (hard wraps, column breaks, doubled
headline glyphs, justification spaces). This module rebuilds the article:

* **title and byline** from the opening lines;
* **parts** from the year markers (``精彩·2023`` = the review, ``奋进·2024`` = the plan); the
  paragraphs right after a marker are its introduction;
* **sections**: a headline + its lead (a short summary paragraph set larger, before the body) + the
  body. A headline the extraction left in place is put on the block before or after it – whichever
  way the spread is laid out, decided once for the document by which side shares more words with
  the headlines. Headlines the extraction gathered elsewhere (a run of headlines with no text
  between them) are put on the block whose lead shares the most distinctive words with them, but
  only when the evidence is clear (enough shared words and a clear margin over the next candidate);
  otherwise they stay in ``Document.unplaced_headings``. Blocks left without a headline become
  untitled sections, so no paragraph is ever attached to the wrong headline.
* **review or plan**: a block outside the markers' own text goes to the part its language says
  (完成/实现/过去一年/同比 vs 力争/确保/将/再建, smoothed along the text because the extraction
  keeps a page's blocks together) and the inference is recorded (``infer_part`` repairs,
  ``Section.kind_inferred``).

Text that is hard-wrapped but not a newspaper spread (no byline, markers or doubled headlines) is
only reflowed and handed to the structure step like a plain report.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportgen.model import OTHER, PLAN, REVIEW, Block, Document, Repair
from reportgen.readers.repair import (
    BYLINE,
    HEADING,
    MARKER,
    PARAGRAPH,
    TITLE,
    Repaired,
    Unit,
    marker_of,
    nonspace,
    repair,
)
from reportgen.structure import build_document, kind_score, part_kind

FORMAT = "pdftext"
FRONT_BLOCKS = 8
# A lead: a short paragraph (one or two sentences) followed by a clearly longer body paragraph.
LEAD_MAX_CHARS = 110
LEAD_BODY_RATIO = 1.8
LEAD_TEXT = 120  # how much of a block's first paragraph counts as its lead text
LEAD_BONUS = 1.25
BODY_WEIGHT = 0.5
# Evidence needed to put a headline on a block.
IN_PLACE_MIN = 0.10  # in place: its position already says much; a few shared words confirm it
FLOATING_MIN = 0.30  # gathered elsewhere: a good share of the headline's words in the lead
FLOATING_MARGIN = 1.5  # … and clearly more than on the next-best block
RIVAL_MARGIN = 1.3  # … and than any other headline has on that block
# Review/plan smoothing along the text: switching part costs this much language evidence.
SWITCH_COST = 3.0
# A paragraph in a marker's own text moves to the other part only on clear time words.
ZONE_MOVE = 2.0

HAN_RE = re.compile(r"[^\u3400-\u9fff]")


def read(text: str, *, source: str) -> Document:
    rep = repair(text)
    if rep.newspaper:
        return _Spread(rep, text, source).document()
    return _read_report(rep, text, source)


def _read_report(rep: Repaired, text: str, source: str) -> Document:
    """Hard-wrapped text that is not a newspaper spread: reflowed paragraphs, structure as usual."""
    from reportgen.readers.text import clean_line

    doubled = {r.start for r in rep.repairs if r.kind == "undouble_headline"}
    blocks: list[Block] = []
    for u in rep.units:
        t = u.text
        level = 1 if u.kind in (HEADING, MARKER) else None
        if len(blocks) < FRONT_BLOCKS and "\n" not in u.raw and u.start not in doubled:
            # Front matter as the plain reader keeps it ("海拉尔区人民政府区长 张天喜"): a line
            # standing alone there is a title, subtitle or byline for the structure step.
            cand = clean_line(u.raw.strip(), front=True)
            if nonspace(cand) == nonspace(t):
                t, level = cand, None
        blocks.append(Block(t, u.start, u.end, heading_level=level))
    return build_document(blocks, source=source, text=text, format=FORMAT, repairs=rep.repairs)


# --- headline ↔ block similarity ---------------------------------------------------------------


def _grams(text: str, n: int) -> set[str]:
    out: set[str] = set()
    for chunk in HAN_RE.split(text):
        out.update(chunk[i : i + n] for i in range(len(chunk) - n + 1))
    return out


class _Similarity:
    """Share of a headline's words (CJK bigrams, plus trigrams at half weight) found in a text,
    each weighted by how rare it is among the article's paragraphs (so 湟中 counts for little)."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.n = len(paragraphs)
        self.df: dict[str, int] = {}
        for t in paragraphs:
            for g in _grams(t, 2) | _grams(t, 3):
                self.df[g] = self.df.get(g, 0) + 1

    def idf(self, g: str) -> float:
        return math.log((self.n + 1) / (self.df.get(g, 0) + 0.5))

    def __call__(self, headline: str, text: str) -> float:
        total = got = 0.0
        for n, w in ((2, 1.0), (3, 0.5)):
            tg = _grams(text, n)
            for phrase in headline.split():
                for g in _grams(phrase, n):
                    x = w * self.idf(g)
                    total += x
                    if g in tg:
                        got += x
        return got / total if total else 0.0

    def shared(self, headline: str, text: str) -> list[str]:
        """The shared words, longest first, for the repair note."""
        words = sorted(
            {g for n in (4, 3, 2) for ph in headline.split() for g in _grams(ph, n) if g in text},
            key=lambda g: (-len(g), -self.idf(g)),
        )
        out: list[str] = []
        for g in words:
            if not any(g in o for o in out):
                out.append(g)
        return out[:5]


# --- the spread --------------------------------------------------------------------------------


@dataclass
class _Head:
    """A headline and where it stood; ``anchor`` is the paragraph it was put on."""

    unit: Unit
    pos: int  # paragraphs before it in the text
    floating: bool  # gathered with other headlines (no text between them)
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


@dataclass
class _Part:
    """A part of the spread: its marker (None when no marker says it), the paragraphs of its own
    text and its blocks."""

    unit: Unit | None
    kind: str
    year: int | None
    intro: list[int] = field(default_factory=list)
    blocks: list[_Block] = field(default_factory=list)
    inferred: bool = False


class _Spread:
    """One newspaper spread being put back in order (see the module docstring)."""

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
        self.lead = [self._is_lead(i) for i in range(self.n)]
        self.body_of = self._bodies()

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

    def _score(self, head: str, i: int, end: int) -> float:
        lead = self.texts[i][:LEAD_TEXT]
        body = " ".join(self.texts[i:end])
        s = self.sim(head, lead) + BODY_WEIGHT * self.sim(head, body)
        return s * (LEAD_BONUS if self.lead[i] else 1.0)

    # -- headline placement

    def _place_headlines(self) -> None:
        in_place = [h for h in self.heads if not h.floating]
        floating = [h for h in self.heads if h.floating]
        # Layout: does an in-place headline follow its block (extraction put it after) or precede it?
        after = before = 0.0
        for h in in_place:
            lo = max([b for b in self.bounds if b < h.pos], default=0)
            cands = [i for i in range(lo, h.pos) if i not in self.body_of]
            after += max((self._score(h.unit.text, i, h.pos) for i in cands), default=0.0)
            if h.pos < self.n:
                before += self._score(h.unit.text, h.pos, self._block_end(h.pos))
        self.heads_after = after > before
        taken: dict[int, _Head] = {}
        spans: list[tuple[int, int]] = []  # sections fixed by in-place headlines

        def free(i: int, end: int | None = None) -> bool:
            if i in taken or i in self.body_of:
                return False
            if any(a < i < b for a, b in spans):
                return False
            # A section fixed by position must not swallow a block already given a headline.
            return not (end is not None and any(i < t < end for t in taken))

        pairs: list[tuple[float, _Head, int]] = []
        for h in in_place:
            if self.heads_after:
                lo = max([b for b in self.bounds if b < h.pos], default=0)
                for i in range(lo, h.pos):
                    pairs.append((self._score(h.unit.text, i, h.pos), h, i))
            elif h.pos < self.n:
                # Headline before its block: the position alone places it.
                pairs.append((math.inf, h, h.pos))
        for h in floating:
            for i in range(self.n):
                if i not in self.zone:
                    pairs.append((self._score(h.unit.text, i, self._block_end(i)), h, i))
        pairs.sort(key=lambda x: -x[0])

        placed_any = True
        while placed_any:
            placed_any = False
            for s, h, i in pairs:
                if h.anchor is not None:
                    continue
                end = h.pos if (not h.floating and self.heads_after) else None
                if not free(i, end):
                    continue
                if not h.floating:
                    if s < IN_PLACE_MIN:
                        continue
                    h.anchor, h.end = i, (h.pos if self.heads_after else None)
                    h.note = (
                        f"headline stood {'after' if self.heads_after else 'before'} its block"
                        + (
                            f"; shares {'、'.join(self.sim.shared(h.unit.text, self.texts[i]))}"
                            if s != math.inf
                            else ""
                        )
                    )
                else:
                    if s < FLOATING_MIN:
                        continue
                    alt = max(
                        (s2 for s2, h2, i2 in pairs if h2 is h and i2 != i and free(i2)),
                        default=0.0,
                    )
                    rival = max(
                        (
                            s2
                            for s2, h2, i2 in pairs
                            if i2 == i and h2 is not h and h2.floating and h2.anchor is None
                        ),
                        default=0.0,
                    )
                    if s < FLOATING_MARGIN * alt or s < RIVAL_MARGIN * rival:
                        continue
                    h.anchor = i
                    h.note = (
                        f"gathered with other headlines; shares "
                        f"{'、'.join(self.sim.shared(h.unit.text, self.texts[i]))} with the block's lead "
                        f"(score {s:.2f}, next-best block {alt:.2f})"
                    )
                taken[i] = h
                if h.end is not None:
                    spans.append((i, h.end))
                placed_any = True
                break

        for h in self.heads:
            u = h.unit
            if h.anchor is None:
                mine = sorted(
                    ((s, i) for s, h2, i in pairs if h2 is h and s != math.inf), key=lambda x: -x[0]
                )
                top = next(((s, i) for s, i in mine if free(i)), None)
                if top is None:
                    why = "no free block to put it on"
                else:
                    why = (
                        f"best free block '{self.texts[top[1]][:12]}…' scores {top[0]:.2f} "
                        f"(shares {'、'.join(self.sim.shared(u.text, self.texts[top[1]])) or 'nothing'}), "
                        "not clear enough"
                    )
                if mine and mine[0][1] in taken:
                    why += (
                        f"; its best block '{self.texts[mine[0][1]][:12]}…' ({mine[0][0]:.2f}) went to "
                        f"{taken[mine[0][1]].unit.text}"
                    )
                self.repairs.append(
                    Repair(
                        "unplaced_heading",
                        u.raw,
                        u.text,
                        u.start,
                        u.end,
                        note=f"kept unplaced: {why}",
                    )
                )
            else:
                self.repairs.append(
                    Repair(
                        "place_heading",
                        u.raw,
                        u.text,
                        u.start,
                        u.end,
                        note=f"put on the block starting '{self.texts[h.anchor][:14]}…' ({h.note})",
                    )
                )

    # -- blocks

    def _blocks(self) -> list[_Block]:
        """Partition the paragraphs outside the markers' own text into blocks, in text order."""
        anchors = {h.anchor: h for h in self.heads if h.anchor is not None}
        blocks: list[_Block] = []
        i = 0
        while i < self.n:
            if i in self.zone and i not in anchors:
                i += 1
                continue
            h = anchors.get(i)
            if h is not None and h.end is not None:
                end = h.end
            elif h is not None and not self.heads_after and not h.floating:
                # Headline before its block: the block runs to the next heading, marker or headline.
                end = i + 1
                while end < self.n and not self._bound_between(end - 1, end) and end not in anchors:
                    end += 1
            else:
                end = self._block_end(i)
            end = max(end, i + 1)
            blocks.append(_Block(i, end, h))
            i = end
        return blocks

    def _merge_untitled(self, blocks: list[_Block]) -> list[_Block]:
        """Consecutive blocks without a headline, of one kind and not split by a heading, marker or
        lead, are one untitled section."""
        out: list[_Block] = []
        for b in blocks:
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.head is None
                and b.head is None
                and prev.end == b.start
                and prev.kind == b.kind
                and not self.lead[b.start]
                and not self._bound_between(prev.end - 1, b.start)
            ):
                prev.end = b.end
                prev.score += b.score
            else:
                out.append(b)
        return out

    def _kinds(self, blocks: list[_Block]) -> None:
        """Review or plan for each block: language, smoothed along the text (Viterbi, two states)."""
        ry = self.doc_year - 1 if self.doc_year else None
        py = self.doc_year
        for b in blocks:
            b.score = sum(
                kind_score(t, review_year=ry, plan_year=py) for t in self.texts[b.start : b.end]
            )
        if not blocks:
            return
        states = (REVIEW, PLAN)
        emit = {REVIEW: lambda s: s / 2, PLAN: lambda s: -s / 2}
        best = [{k: emit[k](blocks[0].score) for k in states}]
        back: list[dict[str, str]] = [{}]
        for b in blocks[1:]:
            row, ptr = {}, {}
            for k in states:
                cands = {k0: best[-1][k0] - (SWITCH_COST if k0 != k else 0.0) for k0 in states}
                k0 = max(cands, key=lambda x: cands[x])
                row[k], ptr[k] = cands[k0] + emit[k](b.score), k0
            best.append(row)
            back.append(ptr)
        k = max(best[-1], key=lambda x: best[-1][x])
        for idx in range(len(blocks) - 1, -1, -1):
            blocks[idx].kind = k
            if idx:
                k = back[idx][k]

    # -- assembly

    def _parts(self, blocks: list[_Block]) -> list[_Part]:
        parts: list[_Part] = []
        for u, _ in self.markers:
            kind, year = part_kind(u.text, self.doc_year)
            parts.append(_Part(u, kind, year))
        by_kind: dict[str, _Part] = {}
        for p in parts:
            by_kind.setdefault(p.kind, p)

        def part_for(kind: str) -> _Part:
            if kind in by_kind:
                return by_kind[kind]
            # No marker for this kind: an untitled part, its kind and year inferred.
            year = None
            if self.doc_year is not None:
                year = self.doc_year - 1 if kind == REVIEW else self.doc_year
            p = _Part(None, kind, year, inferred=True)
            parts.append(p)
            by_kind[kind] = p
            return p

        ry = self.doc_year - 1 if self.doc_year else None
        for i in sorted(self.zone):
            if any(b.start <= i < b.end for b in blocks):
                continue
            home = parts[self.zone[i]]
            t = kind_score(self.texts[i], review_year=ry, plan_year=self.doc_year, time_only=True)
            want = REVIEW if t >= ZONE_MOVE else PLAN if t <= -ZONE_MOVE else home.kind
            target = home if want in (home.kind, OTHER) else part_for(want)
            target.intro.append(i)
            if target is not home:
                self.repairs.append(
                    Repair(
                        "infer_part",
                        self.paras[i].raw,
                        target.kind,
                        self.paras[i].start,
                        self.paras[i].end,
                        note=(
                            f"paragraph stood among the text of {home.unit.text if home.unit else '?'} but its "
                            f"time words say {target.kind} (score {t:+.1f}); moved to the {target.kind} part"
                        ),
                    )
                )
        for b in blocks:
            kind = b.kind if b.kind in (REVIEW, PLAN) else REVIEW
            p = part_for(kind)
            p.blocks.append(b)
            first = self.paras[b.start]
            label = b.head.unit.text if b.head else f"{first.text[:16]}…"
            self.repairs.append(
                Repair(
                    "infer_part",
                    label,
                    kind,
                    note=(
                        f"block at offsets {first.start}–{self.paras[b.end - 1].end} placed in the "
                        f"{kind} part ({p.unit.text if p.unit else 'untitled'}) by its language "
                        f"(score {b.score:+.1f}, smoothed along the text)"
                    ),
                )
            )
        order = {id(p): k for k, p in enumerate(parts)}
        return sorted(parts, key=lambda p: (p.kind != REVIEW, order[id(p)]))

    def document(self) -> Document:
        self._place_headlines()
        blocks = self._blocks()
        self._kinds(blocks)
        blocks = self._merge_untitled(blocks)
        out: list[Block] = []

        def para(i: int) -> Block:
            u = self.paras[i]
            return Block(u.text, u.start, u.end)

        if self.markers:
            for p in self._parts(blocks):
                meta = {"kind": p.kind, "year": p.year, "kind_inferred": p.inferred}
                if p.unit is not None:
                    out.append(
                        Block(p.unit.text, p.unit.start, p.unit.end, heading_level=1, meta=meta)
                    )
                else:
                    out.append(Block("", -1, -1, heading_level=1, meta={**meta, "untitled": True}))
                out.extend(para(i) for i in sorted(p.intro))
                # Blocks no headline claims come first, right after the part's own text, so that
                # they never read as part of the section before them.
                for b in sorted(p.blocks, key=lambda b: (b.head is not None, b.start)):
                    bmeta = {"kind": p.kind, "year": p.year, "kind_inferred": True}
                    out.append(self._heading_block(b, 2, bmeta))
                    out.extend(para(i) for i in range(b.start, b.end))
        else:
            for b in blocks:
                out.append(self._heading_block(b, 1, {}))
                out.extend(para(i) for i in range(b.start, b.end))
        unplaced = [h.unit.text for h in self.heads if h.anchor is None]
        return build_document(
            out,
            source=self.source,
            text=self.text,
            format=FORMAT,
            repairs=self.repairs,
            unplaced_headings=unplaced,
            title=self.title or "",
            byline=self.byline or "",
        )

    def _heading_block(self, b: _Block, level: int, meta: dict) -> Block:
        if b.head is not None:
            u = b.head.unit
            return Block(u.text, u.start, u.end, heading_level=level, meta=meta)
        return Block("", -1, -1, heading_level=level, meta={**meta, "untitled": True})
