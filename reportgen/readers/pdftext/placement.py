"""PDF-text reader, first-pass step: headlines put on blocks by their words, and their notes.

In place, a headline goes on the block before or after it, whichever way the spread is laid out;
gathered, on the block whose lead shares clearly more of its words than any other block does, and
than any other gathered headline (:func:`_twin`). After the order prior
(:mod:`reportgen.readers.pdftext.order`), :func:`_note_placements` records where each headline
went, or why it stayed unplaced.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportgen.model import Repair
from reportgen.readers.pdftext.parts import _wrong_part
from reportgen.readers.pdftext.similarity import _gathered_score, _lead_score, _score
from reportgen.readers.pdftext.spread import _Head, _Spread

# Evidence needed to put a headline on a block.
IN_PLACE_MIN = 0.10  # in place: its position already says much; a few shared words confirm it
FLOATING_MIN = 0.30  # gathered elsewhere: a good share of the headline's words in the lead
FLOATING_MARGIN = 1.5  # … and clearly more than on the next-best block
RIVAL_MARGIN = 1.3  # … and than any other headline has on that block
LEAD_MIN = 0.10  # … and the lead itself shares words with it, not only the body


def _twin(sp: _Spread, h: _Head, i: int) -> _Head | None:
    """Another open gathered headline that block ``i`` suits as well, by the words that tell
    the two apart. Review and plan sections on one topic have near-twin headlines
    (促进经济平稳较快发展 and 实现经济平稳较快发展): the words they share cannot say whose
    block this is, only the words one has and the other lacks can – clearly
    (:data:`FLOATING_MARGIN`)."""
    end = sp._block_end(i)
    for h2 in sp.heads:
        if h2 is h or not h2.floating or h2.anchor is not None:
            continue
        mine = _score(sp, h.unit.text, i, end, without=h2.unit.text)
        theirs = _score(sp, h2.unit.text, i, end, without=h.unit.text)
        if mine <= 0 or mine < FLOATING_MARGIN * theirs:
            return h2
    return None


def _place_by_words(sp: _Spread) -> list[tuple[float, _Head, int]]:
    """The first pass: every headline on the block its words (or, in place, its position)
    clearly say; returns the candidate (score, headline, block) pairs, best first, for the
    notes."""
    in_place = [h for h in sp.heads if not h.floating]
    floating = [h for h in sp.heads if h.floating]
    # Layout: does an in-place headline follow its block (extraction put it after) or precede it?
    after = before = 0.0
    for h in in_place:
        lo = max([b for b in sp.bounds if b < h.pos], default=0)
        cands = [i for i in range(lo, h.pos) if i not in sp.body_of]
        after += max((_score(sp, h.unit.text, i, h.pos) for i in cands), default=0.0)
        if h.pos < sp.n:
            before += _score(sp, h.unit.text, h.pos, sp._block_end(h.pos))
    sp.heads_after = after > before

    pairs: list[tuple[float, _Head, int]] = []
    for h in in_place:
        if sp.heads_after:
            lo = max([b for b in sp.bounds if b < h.pos], default=0)
            for i in range(lo, h.pos):
                pairs.append((_score(sp, h.unit.text, i, h.pos), h, i))
        elif h.pos < sp.n:
            # Headline before its block: the position alone places it.
            pairs.append((math.inf, h, h.pos))
    for h in floating:
        for i in sp.starts:
            pairs.append((_gathered_score(sp, h, i), h, i))
    pairs.sort(key=lambda x: -x[0])

    placed_any = True
    while placed_any:
        placed_any = False
        for s, h, i in pairs:
            if h.anchor is not None:
                continue
            end = h.pos if (not h.floating and sp.heads_after) else None
            if not sp._free(i, end):
                continue
            if not h.floating:
                if s < IN_PLACE_MIN:
                    continue
                h.end = h.pos if sp.heads_after else None
                sp._anchor(
                    h,
                    i,
                    f"headline stood {'after' if sp.heads_after else 'before'} its block"
                    + (
                        f"; shares {'、'.join(sp.sim.shared(h.unit.text, sp.texts[i]))}"
                        if s != math.inf
                        else ""
                    ),
                )
            else:
                if s < FLOATING_MIN or _wrong_part(sp, h, i):
                    continue
                alt = max(
                    (s2 for s2, h2, i2 in pairs if h2 is h and i2 != i and sp._free(i2)),
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
                if _lead_score(sp, h, i) < LEAD_MIN or _twin(sp, h, i):
                    continue
                sp._anchor(
                    h,
                    i,
                    f"gathered with other headlines; shares "
                    f"{'、'.join(sp.sim.shared(h.unit.text, sp.texts[i]))} with the block's lead "
                    f"(score {s:.2f}, next-best block {alt:.2f})",
                )
            placed_any = True
            break

    return pairs


def _note_placements(sp: _Spread, pairs: Sequence[tuple[float, _Head, int]]) -> None:
    """A repair for every headline: the block it was put on and why, or why it was kept
    unplaced (its best free block, a block taken by another, what the order said)."""
    for h in sp.heads:
        u = h.unit
        if h.anchor is None:
            mine = sorted(
                ((s, i) for s, h2, i in pairs if h2 is h and s != math.inf), key=lambda x: -x[0]
            )
            top = next(((s, i) for s, i in mine if sp._free(i)), None)
            if top is None:
                why = "no free block to put it on"
            else:
                why = (
                    f"best free block '{sp.texts[top[1]][:12]}…' scores {top[0]:.2f} "
                    f"(shares {'、'.join(sp.sim.shared(u.text, sp.texts[top[1]])) or 'nothing'}), "
                    "not clear enough"
                )
            if mine and mine[0][1] in sp.taken:
                why += (
                    f"; its best block '{sp.texts[mine[0][1]][:12]}…' ({mine[0][0]:.2f}) went to "
                    f"{sp.taken[mine[0][1]].unit.text}"
                )
            if id(h) in sp.vetoed:
                why += f"; {sp.vetoed[id(h)]}"
            if h.pos in sp.order_notes:
                why += f"; order of the gathered headlines: {sp.order_notes[h.pos]}"
            sp.repairs.append(
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
            sp.repairs.append(
                Repair(
                    "place_heading",
                    u.raw,
                    u.text,
                    u.start,
                    u.end,
                    note=f"put on the block starting '{sp.texts[h.anchor][:14]}…' ({h.note})",
                )
            )
