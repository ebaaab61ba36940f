"""PDF-text reader, order-prior step: gathered headlines undone or placed by the order they keep.

The copy gathers headlines in reading order and keeps each text frame's blocks in that order.
Once the placements by words bear that order out, a placement that leaves the other headlines no
blocks in order is undone (:func:`_veto_by_order`), and the open headlines go between their
placed neighbours, by counts or by fewer shared words (:func:`_place_by_order`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.readers.pdftext.parts import _head_part, _leans_away, _other
from reportgen.readers.pdftext.placement import FLOATING_MARGIN
from reportgen.readers.pdftext.similarity import _gathered_score
from reportgen.readers.pdftext.spread import _Head, _Spread

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
FORCED_MIN = 0.05  # placed by counts: the block still shares a distinctive word with it


@dataclass(frozen=True)
class _Gap:
    """Free blocks of run ``run`` strictly between block starts ``lo`` and ``hi``."""

    run: int
    lo: int
    hi: int


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _gaps(sp: _Spread, cluster: Sequence[_Head], h: _Head) -> list[_Gap]:
    """Where open headline ``h`` may still go, one gap per run: the free blocks between the
    blocks of the headlines of its cluster placed just before and just after it in that run
    (the run's start and end when there are none)."""
    out: list[_Gap] = []
    for r in range(len(sp.run_kind)):
        lo, hi = -1, sp.n
        for a in cluster:
            if a.anchor is None or sp.run_of[a.anchor] != r:
                continue
            if a.rank < h.rank:
                lo = max(lo, a.anchor)
            else:
                hi = min(hi, a.anchor)
        g = _Gap(r, lo, hi)
        if lo < hi and _gap_blocks(sp, g) and sp.run_kind[r] != _other(_head_part(sp, h)):
            out.append(g)
    return out


def _gap_blocks(sp: _Spread, g: _Gap) -> list[int]:
    return [i for i in sp.run_blocks[g.run] if g.lo < i < g.hi and sp._free(i)]


def _complete(sp: _Spread, options: Sequence[Sequence[_Gap]]) -> bool:
    """Every open headline can still have a block of its own (``options[k]``: the gaps the
    k-th may go in). With the placed headlines in order, the gaps of a run do not overlap,
    and any k headlines fit a gap of k free blocks in their order – so this is a matching of
    headlines to gap places (augmenting paths; the sizes are small)."""
    cap = {g: len(_gap_blocks(sp, g)) for gs in options for g in gs}
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


def _order_check(sp: _Spread, cluster: Sequence[_Head]) -> str | None:
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
            if sp.run_of[i1] != sp.run_of[i2]:
                continue
            if (r1 < r2) != (i1 < i2):
                return f"not used: {t1} and {t2}, placed by their words, stand in the other order"
            agree += 1
    if agree < ORDER_EVIDENCE:
        return f"not used: only {agree} pair(s) of headlines placed by their words bear it out"
    if not _complete(sp, [_gaps(sp, cluster, h) for h in cluster if h.anchor is None]):
        return "not used: the open headlines cannot all have a block of their own in that order"
    return None


def _veto_by_order(sp: _Spread) -> None:
    """Undo placements by words that the order of the gathered headlines rules out.

    The copy gathers headlines in reading order, and every gathered headline belongs to some
    block (see :func:`_place_by_order`). A headline put on a block far down its run leaves
    the headlines gathered before it too few blocks above it (or those after it too few
    below): then either the order is not kept, or a block is missing from the copy, or the
    placement is wrong. When the placements bear the order out (:data:`ORDER_EVIDENCE`
    pairs of them in one run stand in the cluster's order, none in the other: a single
    placement would condemn right ones in shuffled clusters) or, with too few of them, the
    best blocks of all the cluster's headlines do (:func:`_order_trend`), and undoing one
    placement lets every headline have a block again, that placement is the one the order
    rules out – and when several would do, the order cannot say which, so all of them go (a
    wrong headline is worse than none). When undoing none helps (a block is missing: too
    few blocks whatever goes where), the order proves nothing and nothing is undone. The
    trend of the best blocks only ever undoes: each of them proves too little to place."""
    for pos in sorted({h.pos for h in sp.heads if h.floating}):
        cluster = [h for h in sp.heads if h.floating and h.pos == pos]
        placed = [h for h in cluster if h.anchor is not None]
        pairs = _order_pairs(sp, placed)
        if pairs < 0 or _open_complete(sp, cluster):
            continue
        evidence = ""
        if pairs < ORDER_EVIDENCE:
            agree, against = _order_trend(sp, cluster)
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
            del sp.taken[i]
            if _open_complete(sp, cluster):
                culprits.append((h, i))
            h.anchor = i
            sp.taken[i] = h
        for h, i in culprits:
            others = [a.unit.text for a in placed if a is not h]
            sp.vetoed[id(h)] = (
                f"its words put it on '{sp.texts[i][:12]}…', but then the headlines "
                "gathered before or after it would not all find a block in order"
                + (f" with {'、'.join(others)} placed" if others else "")
                + f" (undone){evidence}"
            )
            h.anchor = None
            h.note = ""
            del sp.taken[i]


def _order_trend(sp: _Spread, cluster: Sequence[_Head]) -> tuple[int, int]:
    """Pairs of the cluster's headlines whose best blocks by words (:data:`ORDER_MIN` at
    least) lie in one run in the cluster's order, and in the other order."""
    best: dict[int, int] = {}
    for h in cluster:
        s, i = max(((_gathered_score(sp, h, i), i) for i in sp.starts), default=(0.0, -1))
        if s >= ORDER_MIN:
            best[id(h)] = i
    agree = against = 0
    for a in cluster:
        for b in cluster:
            ia, ib = best.get(id(a)), best.get(id(b))
            if a.rank >= b.rank or ia is None or ib is None or ia == ib:
                continue
            if sp.run_of[ia] == sp.run_of[ib]:
                agree += ia < ib
                against += ia > ib
    return agree, against


def _order_pairs(sp: _Spread, placed: Sequence[_Head]) -> int:
    """How many pairs of these placed headlines of one cluster stand in one run in the
    cluster's order; -1 when a pair stands in the other order (the order is not kept)."""
    agree = 0
    for k, a in enumerate(placed):
        for b in placed[k + 1 :]:
            if a.anchor is None or b.anchor is None:
                continue
            if sp.run_of[a.anchor] != sp.run_of[b.anchor]:
                continue
            if (a.rank < b.rank) != (a.anchor < b.anchor):
                return -1
            agree += 1
    return agree


def _open_complete(sp: _Spread, cluster: Sequence[_Head]) -> bool:
    return _complete(sp, [_gaps(sp, cluster, h) for h in cluster if h.anchor is None])


def _place_by_order(sp: _Spread) -> None:
    """Second pass for gathered headlines the words alone did not place: the order prior.

    The copy gathers headlines in reading order and keeps a frame's blocks in that order,
    and every gathered headline belongs to some block of the text. So, once the placements
    by words bear the order out (:func:`_order_check`), an open headline can only go in the
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
    (:func:`_leans_away`)."""
    for pos in sorted({h.pos for h in sp.heads if h.floating}):
        cluster = [h for h in sp.heads if h.floating and h.pos == pos]
        why_not = _order_check(sp, cluster)
        sp.order_notes[pos] = why_not or "used, and it leaves no clear block"
        if why_not is None:
            while _order_step(sp, cluster):
                pass


def _order_step(sp: _Spread, cluster: Sequence[_Head]) -> bool:
    open_heads = [h for h in cluster if h.anchor is None]
    options = [_gaps(sp, cluster, h) for h in open_heads]
    # Counts: headlines confined to one gap that fill it.
    confined: dict[_Gap, list[_Head]] = {}
    for k, h in enumerate(open_heads):
        fits = [g for g in options[k] if _complete(sp, [*options[:k], [g], *options[k + 1 :]])]
        if len(fits) == 1:
            confined.setdefault(fits[0], []).append(h)
    for g, hs in confined.items():
        blocks = _gap_blocks(sp, g)
        if len(hs) != len(blocks):
            continue
        pairs = list(zip(hs, blocks, strict=True))
        if all(
            _gathered_score(sp, h, i) >= FORCED_MIN and not _leans_away(sp, h, i) for h, i in pairs
        ):
            notes = [
                _counts_note(sp, cluster, h, i, k, len(pairs)) for k, (h, i) in enumerate(pairs)
            ]
            for (h, i), note in zip(pairs, notes, strict=True):
                sp._anchor(h, i, note)
            return True
    # Words within the order.
    allowed = {
        id(h): [i for g in gs for i in _gap_blocks(sp, g)]
        for h, gs in zip(open_heads, options, strict=True)
    }
    ranked: list[tuple[float, float, _Head, int]] = []
    for h in open_heads:
        scores = sorted(((_gathered_score(sp, h, i), i) for i in allowed[id(h)]), reverse=True)
        if not scores or scores[0][0] < ORDER_MIN:
            continue
        s, i = scores[0]
        if _leans_away(sp, h, i):
            continue
        alt = scores[1][0] if len(scores) > 1 else 0.0
        rival = max(
            (
                _gathered_score(sp, h2, i)
                for h2 in open_heads
                if h2 is not h and i in allowed[id(h2)]
            ),
            default=0.0,
        )
        if s >= FLOATING_MARGIN * max(alt, rival):
            ranked.append((s, alt, h, i))
    claimable = {i for gs in options for g in gs for i in _gap_blocks(sp, g)}
    for s, alt, h, i in sorted(ranked, key=lambda x: -x[0]):
        # … and only where every other open headline still finds a block of its own, and
        # no block that one of them could have had is left to none.
        h.anchor = i
        sp.taken[i] = h
        rest = [_gaps(sp, cluster, h2) for h2 in open_heads if h2 is not h]
        still = {j for gs in rest for g in gs for j in _gap_blocks(sp, g)}
        ok = _complete(sp, rest) and claimable - {i} <= still
        h.anchor = None
        del sp.taken[i]
        if ok:
            sp._anchor(h, i, _words_note(sp, cluster, h, i, s, alt))
            return True
    return False


def _frame(sp: _Spread, cluster: Sequence[_Head], h: _Head, i: int) -> str:
    """Where block ``i`` lies among the placed headlines of ``h``'s cluster in its run."""
    r = sp.run_of[i]
    placed = [
        a for a in cluster if a is not h and a.anchor is not None and sp.run_of[a.anchor] == r
    ]
    prev = max((a for a in placed if a.rank < h.rank), key=lambda a: a.rank, default=None)
    nxt = min((a for a in placed if a.rank > h.rank), key=lambda a: a.rank, default=None)
    where = [
        f"after {prev.unit.text}" if prev else "",
        f"before {nxt.unit.text}" if nxt else "",
    ]
    return f"in the {sp.run_kind[r]} run of blocks" + (
        f" {' and '.join(w for w in where if w)}" if prev or nxt else ""
    )


def _counts_note(sp: _Spread, cluster: Sequence[_Head], h: _Head, i: int, k: int, n: int) -> str:
    return (
        f"order: {_ordinal(h.rank + 1)} of {len(cluster)} gathered headlines; {n} of them can "
        f"only go {_frame(sp, cluster, h, i)}, where {n} block(s) are free: the "
        f"{_ordinal(k + 1)} of them on the {_ordinal(k + 1)} block; shares "
        f"{'、'.join(sp.sim.shared(h.unit.text, sp.texts[i]))} "
        f"(score {_gathered_score(sp, h, i):.2f})"
    )


def _words_note(
    sp: _Spread, cluster: Sequence[_Head], h: _Head, i: int, s: float, alt: float
) -> str:
    return (
        f"order: {_ordinal(h.rank + 1)} of {len(cluster)} gathered headlines, the order allows "
        f"it {_frame(sp, cluster, h, i)}; shares "
        f"{'、'.join(sp.sim.shared(h.unit.text, sp.texts[i]))} "
        f"(score {s:.2f}, next-best block the order allows {alt:.2f})"
    )
