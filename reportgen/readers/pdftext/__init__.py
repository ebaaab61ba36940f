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
  only when the evidence is clear (enough shared words, in the lead itself and not only in the
  body, which may run on into the next section; a clear margin over the next candidate; and
  over every other gathered headline by the words that tell the two apart, since review and plan
  sections on one topic have near-twin headlines); a headline whose own words say plan (确保,
  力争) never goes on a review block, nor one set as a statement of a result (政府自身建设进一步
  加强) on a plan block. Placements by words that would leave the other gathered headlines no
  blocks in the order the others bear out are undone – the order borne out by pairs of
  placements, or by the best blocks of all the gathered headlines (each proves little, but
  together they show the order a shuffled cluster lacks).
  Then the **order prior**: the copy gathers headlines in reading order and keeps each text
  frame's blocks in that order, so once the placements by words bear the order out, the open
  headlines can only go between their placed neighbours – placed there by counts (as many
  headlines confined to a stretch as it has free blocks) or by fewer shared words, and only while
  every other headline still has a block of its own. The rest stay in
  ``Document.unplaced_headings``, each with its reason. Blocks left without a headline become
  untitled sections, so no paragraph is ever attached to the wrong headline.
* **review or plan**: a block outside the markers' own text goes to the part its language says
  (:func:`reportgen.structure.kind_score`: 过去一年/同比/已 vs 力争/确保/今年/要, and the shape of
  a clause – a subject and what became of it, 改革基本完成, or a figure reached, 增长23.5%, vs
  the same under a word of intent or an approximate figure, 增长5%左右 – since reviews written
  as deeds read like plans word by word; smoothed along the text because the extraction keeps a
  page's blocks together) and the inference is recorded (``infer_part`` repairs,
  ``Section.kind_inferred``). The same reading splits the blocks into runs for the order prior.

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
LEAD_MIN = 0.10  # … and the lead itself shares words with it, not only the body
# With the order prior (the candidates already cut down by the order of the gathered headlines),
# a smaller share of shared words confirms a block – with FLOATING_MARGIN over the next block and
# over any rival headline.
ORDER_MIN = 0.10
ORDER_EVIDENCE = 1  # pairs of headlines placed by their words that must bear the order out
# … or, to undo a placement only, the best blocks of all the gathered headlines by their words:
# pairs of them in one run in the cluster's order outnumber those in the other order this many
# times, by at least ORDER_TREND_MARGIN pairs. In a shuffled cluster the two counts are alike
# (the corpus spreads: at most 2.3 times); words that each prove little still show the order.
ORDER_TREND = 3.0
ORDER_TREND_MARGIN = 10
# A headline whose own words say plan (or review) this plainly never goes on the other part's block.
PART_CUE = 2.5
PLEDGE_RE = re.compile(r"确保|力争")
FORCED_MIN = 0.05  # placed by counts: the block still shares a distinctive word with it
# Review/plan smoothing along the text: switching part costs this much language evidence.
SWITCH_COST = 3.0
# A paragraph in a marker's own text moves to the other part only on clear time words.
ZONE_MOVE = 2.0

HAN_RE = re.compile(r"[^\u3400-\u9fff]")


def _smooth_kinds(scores: Sequence[float]) -> list[str]:
    """Review or plan for a sequence of blocks from their language scores (> 0 review), smoothed
    along the text (Viterbi, two states): the extraction keeps a page's blocks together, so
    switching part costs :data:`SWITCH_COST` of evidence."""
    if not scores:
        return []
    states = (REVIEW, PLAN)
    emit = {REVIEW: lambda s: s / 2, PLAN: lambda s: -s / 2}
    best = [{k: emit[k](scores[0]) for k in states}]
    back: list[dict[str, str]] = [{}]
    for score in scores[1:]:
        row, ptr = {}, {}
        for k in states:
            cands = {k0: best[-1][k0] - (SWITCH_COST if k0 != k else 0.0) for k0 in states}
            k0 = max(cands, key=lambda x: cands[x])
            row[k], ptr[k] = cands[k0] + emit[k](score), k0
        best.append(row)
        back.append(ptr)
    k = max(best[-1], key=lambda x: best[-1][x])
    out = [k] * len(scores)
    for idx in range(len(scores) - 1, -1, -1):
        out[idx] = k
        if idx:
            k = back[idx][k]
    return out


def _other(kind: str) -> str:
    return {REVIEW: PLAN, PLAN: REVIEW}.get(kind, OTHER)


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


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
        # A text's n-grams, computed once: every headline is scored against every block.
        self._text_grams: dict[tuple[str, int], set[str]] = {}
        for t in paragraphs:
            for g in self.grams(t, 2) | self.grams(t, 3):
                self.df[g] = self.df.get(g, 0) + 1

    def grams(self, text: str, n: int) -> set[str]:
        key = (text, n)
        got = self._text_grams.get(key)
        if got is None:
            got = self._text_grams[key] = _grams(text, n)
        return got

    def idf(self, g: str) -> float:
        return math.log((self.n + 1) / (self.df.get(g, 0) + 0.5))

    def __call__(self, headline: str, text: str, *, without: str = "") -> float:
        """The share; ``without``: another headline, whose words count as not found (what is
        left tells the two headlines apart)."""
        total = got = 0.0
        for n, w in ((2, 1.0), (3, 0.5)):
            tg = self.grams(text, n)
            other = {g for ph in without.split() for g in _grams(ph, n)}
            for phrase in headline.split():
                for g in _grams(phrase, n):
                    x = w * self.idf(g)
                    total += x
                    if g in tg and g not in other:
                        got += x
        return got / total if total else 0.0

    def shared(self, headline: str, text: str) -> list[str]:
        """The shared words, longest first, for the repair note."""
        words = sorted(
            {g for n in (4, 3, 2) for ph in headline.split() for g in _grams(ph, n) if g in text},
            key=lambda g: (-len(g), -self.idf(g), g),  # g: ties in a fixed order, not hash order
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
    rank: int = 0  # place among the headlines gathered with it
    anchor: int | None = None
    end: int | None = None  # section end (exclusive) when the position fixes it
    note: str = ""


@dataclass(frozen=True)
class _Gap:
    """Free blocks of run ``run`` strictly between block starts ``lo`` and ``hi``."""

    run: int
    lo: int
    hi: int


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

    def _score(self, head: str, i: int, end: int, *, without: str = "") -> float:
        key = (head, i, end, without)
        got = self._scores.get(key)
        if got is None:
            lead = self.texts[i][:LEAD_TEXT]
            body = " ".join(self.texts[i:end])
            s = self.sim(head, lead, without=without) + BODY_WEIGHT * self.sim(
                head, body, without=without
            )
            got = self._scores[key] = s * (LEAD_BONUS if self.lead[i] else 1.0)
        return got

    def _gathered_score(self, h: _Head, i: int) -> float:
        return self._score(h.unit.text, i, self._block_end(i))

    def _lead_score(self, h: _Head, i: int) -> float:
        """The share of a gathered headline's words in block ``i``'s lead alone. The headline is
        printed over the lead; the body as read may run on into the next section's text (the
        gathered headlines left no boundary between them), so its words alone prove nothing."""
        return self.sim(h.unit.text, self.texts[i][:LEAD_TEXT])

    def _twin(self, h: _Head, i: int) -> _Head | None:
        """Another open gathered headline that block ``i`` suits as well, by the words that tell
        the two apart. Review and plan sections on one topic have near-twin headlines
        (促进经济平稳较快发展 and 实现经济平稳较快发展): the words they share cannot say whose
        block this is, only the words one has and the other lacks can – clearly
        (:data:`FLOATING_MARGIN`)."""
        end = self._block_end(i)
        for h2 in self.heads:
            if h2 is h or not h2.floating or h2.anchor is not None:
                continue
            mine = self._score(h.unit.text, i, end, without=h2.unit.text)
            theirs = self._score(h2.unit.text, i, end, without=h.unit.text)
            if mine <= 0 or mine < FLOATING_MARGIN * theirs:
                return h2
        return None

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

    def _head_part(self, h: _Head) -> str:
        """The part a headline's own words name, when they name it plainly (确保, 力争: a plan;
        two cues needed otherwise); review and plan spreads cover the same topics, so the words
        shared with a block cannot tell a 2023 section from its 2024 twin."""
        if PLEDGE_RE.search(h.unit.text):
            return PLAN  # a pledge is a target, whatever it pledges (确保……取得新成绩)
        score = kind_score(h.unit.text)
        return PLAN if score <= -PART_CUE else REVIEW if score >= PART_CUE else OTHER

    def _wrong_part(self, h: _Head, i: int) -> bool:
        return self.run_kind[self.run_of[i]] == _other(self._head_part(h))

    def _leans_away(self, h: _Head, i: int) -> bool:
        """The headline's words lean, however little, to the part block ``i`` is not in
        (显著提升 to a review, 加快 to a plan): the weak cue the order pass heeds, since it
        places on weaker evidence."""
        score = -1.0 if PLEDGE_RE.search(h.unit.text) else kind_score(h.unit.text)
        lean = REVIEW if score > 0 else PLAN if score < 0 else OTHER
        return self.run_kind[self.run_of[i]] == _other(lean)

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
            for i in self.starts:
                pairs.append((self._gathered_score(h, i), h, i))
        pairs.sort(key=lambda x: -x[0])

        placed_any = True
        while placed_any:
            placed_any = False
            for s, h, i in pairs:
                if h.anchor is not None:
                    continue
                end = h.pos if (not h.floating and self.heads_after) else None
                if not self._free(i, end):
                    continue
                if not h.floating:
                    if s < IN_PLACE_MIN:
                        continue
                    h.end = h.pos if self.heads_after else None
                    self._anchor(
                        h,
                        i,
                        f"headline stood {'after' if self.heads_after else 'before'} its block"
                        + (
                            f"; shares {'、'.join(self.sim.shared(h.unit.text, self.texts[i]))}"
                            if s != math.inf
                            else ""
                        ),
                    )
                else:
                    if s < FLOATING_MIN or self._wrong_part(h, i):
                        continue
                    alt = max(
                        (s2 for s2, h2, i2 in pairs if h2 is h and i2 != i and self._free(i2)),
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
                    if self._lead_score(h, i) < LEAD_MIN or self._twin(h, i):
                        continue
                    self._anchor(
                        h,
                        i,
                        f"gathered with other headlines; shares "
                        f"{'、'.join(self.sim.shared(h.unit.text, self.texts[i]))} with the block's lead "
                        f"(score {s:.2f}, next-best block {alt:.2f})",
                    )
                placed_any = True
                break

        self._veto_by_order()
        self._place_by_order()

        for h in self.heads:
            u = h.unit
            if h.anchor is None:
                mine = sorted(
                    ((s, i) for s, h2, i in pairs if h2 is h and s != math.inf), key=lambda x: -x[0]
                )
                top = next(((s, i) for s, i in mine if self._free(i)), None)
                if top is None:
                    why = "no free block to put it on"
                else:
                    why = (
                        f"best free block '{self.texts[top[1]][:12]}…' scores {top[0]:.2f} "
                        f"(shares {'、'.join(self.sim.shared(u.text, self.texts[top[1]])) or 'nothing'}), "
                        "not clear enough"
                    )
                if mine and mine[0][1] in self.taken:
                    why += (
                        f"; its best block '{self.texts[mine[0][1]][:12]}…' ({mine[0][0]:.2f}) went to "
                        f"{self.taken[mine[0][1]].unit.text}"
                    )
                if id(h) in self.vetoed:
                    why += f"; {self.vetoed[id(h)]}"
                if h.pos in self.order_notes:
                    why += f"; order of the gathered headlines: {self.order_notes[h.pos]}"
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

    # -- the order prior

    def _gaps(self, cluster: Sequence[_Head], h: _Head) -> list[_Gap]:
        """Where open headline ``h`` may still go, one gap per run: the free blocks between the
        blocks of the headlines of its cluster placed just before and just after it in that run
        (the run's start and end when there are none)."""
        out: list[_Gap] = []
        for r in range(len(self.run_kind)):
            lo, hi = -1, self.n
            for a in cluster:
                if a.anchor is None or self.run_of[a.anchor] != r:
                    continue
                if a.rank < h.rank:
                    lo = max(lo, a.anchor)
                else:
                    hi = min(hi, a.anchor)
            g = _Gap(r, lo, hi)
            if lo < hi and self._gap_blocks(g) and self.run_kind[r] != _other(self._head_part(h)):
                out.append(g)
        return out

    def _gap_blocks(self, g: _Gap) -> list[int]:
        return [i for i in self.run_blocks[g.run] if g.lo < i < g.hi and self._free(i)]

    def _complete(self, options: Sequence[Sequence[_Gap]]) -> bool:
        """Every open headline can still have a block of its own (``options[k]``: the gaps the
        k-th may go in). With the placed headlines in order, the gaps of a run do not overlap,
        and any k headlines fit a gap of k free blocks in their order – so this is a matching of
        headlines to gap places (augmenting paths; the sizes are small)."""
        cap = {g: len(self._gap_blocks(g)) for gs in options for g in gs}
        owner: dict[tuple[_Gap, int], int] = {}

        def augment(k: int, seen: set[tuple[_Gap, int]]) -> bool:
            for g in options[k]:
                for slot in range(cap[g]):
                    key = (g, slot)
                    if key in seen:
                        continue
                    seen.add(key)
                    if key not in owner or augment(owner[key], seen):
                        owner[key] = k
                        return True
            return False

        return all(augment(k, set()) for k in range(len(options)))

    def _order_check(self, cluster: Sequence[_Head]) -> str | None:
        """Why the order of a cluster cannot be used, or None when it can: every two of its
        headlines placed by their words in one run sit in the cluster's order, at least
        :data:`ORDER_EVIDENCE` such pairs say so, and every headline still open can have a block
        of its own in order. Gathered headlines need not come out in reading order (sections
        side by side, another copy tool), and a block may be missing from the copy; then the
        order proves nothing and is not used."""
        placed = [(h.rank, h.anchor, h.unit.text) for h in cluster if h.anchor is not None]
        agree = 0
        for k, (r1, i1, t1) in enumerate(placed):
            for r2, i2, t2 in placed[k + 1 :]:
                if self.run_of[i1] != self.run_of[i2]:
                    continue
                if (r1 < r2) != (i1 < i2):
                    return (
                        f"not used: {t1} and {t2}, placed by their words, stand in the other order"
                    )
                agree += 1
        if agree < ORDER_EVIDENCE:
            return f"not used: only {agree} pair(s) of headlines placed by their words bear it out"
        if not self._complete([self._gaps(cluster, h) for h in cluster if h.anchor is None]):
            return "not used: the open headlines cannot all have a block of their own in that order"
        return None

    def _veto_by_order(self) -> None:
        """Undo placements by words that the order of the gathered headlines rules out.

        The copy gathers headlines in reading order, and every gathered headline belongs to some
        block (see :meth:`_place_by_order`). A headline put on a block far down its run leaves
        the headlines gathered before it too few blocks above it (or those after it too few
        below): then either the order is not kept, or a block is missing from the copy, or the
        placement is wrong. When the placements bear the order out (:data:`ORDER_EVIDENCE`
        pairs of them in one run stand in the cluster's order, none in the other: a single
        placement would condemn right ones in shuffled clusters) or, with too few of them, the
        best blocks of all the cluster's headlines do (:meth:`_order_trend`), and undoing one
        placement lets every headline have a block again, that placement is the one the order
        rules out – and when several would do, the order cannot say which, so all of them go (a
        wrong headline is worse than none). When undoing none helps (a block is missing: too
        few blocks whatever goes where), the order proves nothing and nothing is undone. The
        trend of the best blocks only ever undoes: each of them proves too little to place."""
        for pos in sorted({h.pos for h in self.heads if h.floating}):
            cluster = [h for h in self.heads if h.floating and h.pos == pos]
            placed = [h for h in cluster if h.anchor is not None]
            pairs = self._order_pairs(placed)
            if pairs < 0 or self._open_complete(cluster):
                continue
            evidence = ""
            if pairs < ORDER_EVIDENCE:
                agree, against = self._order_trend(cluster)
                if agree < ORDER_TREND * against or agree - against < ORDER_TREND_MARGIN:
                    continue
                evidence = (
                    f"; the best blocks of the gathered headlines by their words keep their "
                    f"order ({agree} pairs in it, {against} not)"
                )
            culprits = []
            for h in placed:
                i = h.anchor
                h.anchor = None
                del self.taken[i]
                if self._open_complete(cluster):
                    culprits.append((h, i))
                h.anchor = i
                self.taken[i] = h
            for h, i in culprits:
                others = [a.unit.text for a in placed if a is not h]
                self.vetoed[id(h)] = (
                    f"its words put it on '{self.texts[i][:12]}…', but then the headlines "
                    "gathered before or after it would not all find a block in order"
                    + (f" with {'、'.join(others)} placed" if others else "")
                    + f" (undone){evidence}"
                )
                h.anchor = None
                h.note = ""
                del self.taken[i]

    def _order_trend(self, cluster: Sequence[_Head]) -> tuple[int, int]:
        """Pairs of the cluster's headlines whose best blocks by words (:data:`ORDER_MIN` at
        least) lie in one run in the cluster's order, and in the other order."""
        best: dict[int, int] = {}
        for h in cluster:
            s, i = max(((self._gathered_score(h, i), i) for i in self.starts), default=(0.0, -1))
            if s >= ORDER_MIN:
                best[id(h)] = i
        agree = against = 0
        for a in cluster:
            for b in cluster:
                ia, ib = best.get(id(a)), best.get(id(b))
                if a.rank >= b.rank or ia is None or ib is None or ia == ib:
                    continue
                if self.run_of[ia] == self.run_of[ib]:
                    agree += ia < ib
                    against += ia > ib
        return agree, against

    def _order_pairs(self, placed: Sequence[_Head]) -> int:
        """How many pairs of these placed headlines of one cluster stand in one run in the
        cluster's order; -1 when a pair stands in the other order (the order is not kept)."""
        agree = 0
        for k, a in enumerate(placed):
            for b in placed[k + 1 :]:
                if a.anchor is None or b.anchor is None:
                    continue
                if self.run_of[a.anchor] != self.run_of[b.anchor]:
                    continue
                if (a.rank < b.rank) != (a.anchor < b.anchor):
                    return -1
                agree += 1
        return agree

    def _open_complete(self, cluster: Sequence[_Head]) -> bool:
        return self._complete([self._gaps(cluster, h) for h in cluster if h.anchor is None])

    def _place_by_order(self) -> None:
        """Second pass for gathered headlines the words alone did not place: the order prior.

        The copy gathers headlines in reading order and keeps a frame's blocks in that order,
        and every gathered headline belongs to some block of the text. So, once the placements
        by words bear the order out (:meth:`_order_check`), an open headline can only go in the
        gaps its placed neighbours leave, and only where the other open headlines still find
        blocks of their own. Two ways to place it, one at a time since each narrows the others:

        * **counts**: the headlines that can only go in one gap are exactly as many as its free
          blocks – the k-th of them goes on the k-th block, when each shares a word with it
          (:data:`FORCED_MIN`);
        * **words within the order**: a smaller share of shared words (:data:`ORDER_MIN`) than
          the first pass asks, still :data:`FLOATING_MARGIN` times what it has on any other block
          the order allows and what any other open headline the order allows there has on it;
          and only if that leaves every other open headline a block of its own, and no block one
          of them could have had to none (the words are not enough to say a block has no
          headline).

        Neither puts a headline on a block of the part its words lean away from, however little
        (:meth:`_leans_away`)."""
        for pos in sorted({h.pos for h in self.heads if h.floating}):
            cluster = [h for h in self.heads if h.floating and h.pos == pos]
            why_not = self._order_check(cluster)
            self.order_notes[pos] = why_not or "used, and it leaves no clear block"
            if why_not is None:
                while self._order_step(cluster):
                    pass

    def _order_step(self, cluster: Sequence[_Head]) -> bool:
        open_heads = [h for h in cluster if h.anchor is None]
        options = [self._gaps(cluster, h) for h in open_heads]
        # Counts: headlines confined to one gap that fill it.
        confined: dict[_Gap, list[_Head]] = {}
        for k, h in enumerate(open_heads):
            fits = [g for g in options[k] if self._complete([*options[:k], [g], *options[k + 1 :]])]
            if len(fits) == 1:
                confined.setdefault(fits[0], []).append(h)
        for g, hs in confined.items():
            blocks = self._gap_blocks(g)
            if len(hs) != len(blocks):
                continue
            pairs = list(zip(hs, blocks, strict=True))
            if all(
                self._gathered_score(h, i) >= FORCED_MIN and not self._leans_away(h, i)
                for h, i in pairs
            ):
                notes = [
                    self._counts_note(cluster, h, i, k, len(pairs))
                    for k, (h, i) in enumerate(pairs)
                ]
                for (h, i), note in zip(pairs, notes, strict=True):
                    self._anchor(h, i, note)
                return True
        # Words within the order.
        allowed = {
            id(h): [i for g in gs for i in self._gap_blocks(g)]
            for h, gs in zip(open_heads, options, strict=True)
        }
        ranked: list[tuple[float, float, _Head, int]] = []
        for h in open_heads:
            scores = sorted(((self._gathered_score(h, i), i) for i in allowed[id(h)]), reverse=True)
            if not scores or scores[0][0] < ORDER_MIN:
                continue
            s, i = scores[0]
            if self._leans_away(h, i):
                continue
            alt = scores[1][0] if len(scores) > 1 else 0.0
            rival = max(
                (
                    self._gathered_score(h2, i)
                    for h2 in open_heads
                    if h2 is not h and i in allowed[id(h2)]
                ),
                default=0.0,
            )
            if s >= FLOATING_MARGIN * max(alt, rival):
                ranked.append((s, alt, h, i))
        claimable = {i for gs in options for g in gs for i in self._gap_blocks(g)}
        for s, alt, h, i in sorted(ranked, key=lambda x: -x[0]):
            # … and only where every other open headline still finds a block of its own, and
            # no block that one of them could have had is left to none.
            h.anchor = i
            self.taken[i] = h
            rest = [self._gaps(cluster, h2) for h2 in open_heads if h2 is not h]
            still = {j for gs in rest for g in gs for j in self._gap_blocks(g)}
            ok = self._complete(rest) and claimable - {i} <= still
            h.anchor = None
            del self.taken[i]
            if ok:
                self._anchor(h, i, self._words_note(cluster, h, i, s, alt))
                return True
        return False

    def _frame(self, cluster: Sequence[_Head], h: _Head, i: int) -> str:
        """Where block ``i`` lies among the placed headlines of ``h``'s cluster in its run."""
        r = self.run_of[i]
        placed = [
            a for a in cluster if a is not h and a.anchor is not None and self.run_of[a.anchor] == r
        ]
        prev = max((a for a in placed if a.rank < h.rank), key=lambda a: a.rank, default=None)
        nxt = min((a for a in placed if a.rank > h.rank), key=lambda a: a.rank, default=None)
        where = [
            f"after {prev.unit.text}" if prev else "",
            f"before {nxt.unit.text}" if nxt else "",
        ]
        return f"in the {self.run_kind[r]} run of blocks" + (
            f" {' and '.join(w for w in where if w)}" if prev or nxt else ""
        )

    def _counts_note(self, cluster: Sequence[_Head], h: _Head, i: int, k: int, n: int) -> str:
        return (
            f"order: {_ordinal(h.rank + 1)} of {len(cluster)} gathered headlines; {n} of them can "
            f"only go {self._frame(cluster, h, i)}, where {n} block(s) are free: the "
            f"{_ordinal(k + 1)} of them on the {_ordinal(k + 1)} block; shares "
            f"{'、'.join(self.sim.shared(h.unit.text, self.texts[i]))} "
            f"(score {self._gathered_score(h, i):.2f})"
        )

    def _words_note(self, cluster: Sequence[_Head], h: _Head, i: int, s: float, alt: float) -> str:
        return (
            f"order: {_ordinal(h.rank + 1)} of {len(cluster)} gathered headlines, the order allows "
            f"it {self._frame(cluster, h, i)}; shares "
            f"{'、'.join(self.sim.shared(h.unit.text, self.texts[i]))} "
            f"(score {s:.2f}, next-best block the order allows {alt:.2f})"
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
        """Review or plan for each block: language, smoothed along the text."""
        for b in blocks:
            b.score = sum(
                kind_score(t, review_year=self.ry, plan_year=self.doc_year)
                for t in self.texts[b.start : b.end]
            )
        for b, kind in zip(blocks, _smooth_kinds([b.score for b in blocks]), strict=True):
            b.kind = kind

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
