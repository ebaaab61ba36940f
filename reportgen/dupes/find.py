"""Duplicate finding, detection step: exact and numbers-only copies by hashing, near and contained
copies by a character-n-gram inverted index (document-frequency capped), every candidate verified."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportgen.dupes.units import PARAGRAPH, Unit

EXACT = "exact"
NUMBERS = "numbers"
NEAR = "near"
CONTAINED = "contained"
KINDS = (EXACT, NUMBERS, NEAR, CONTAINED)

# Rolling-hash constants (64-bit, wrapping): deterministic across processes, so the archive can
# store the same gram hashes that a later query computes.
_BASE = 1_000_003
_MIX = 0x9E3779B97F4A7C15


@dataclass(frozen=True)
class RawGroup:
    """A verified group of unit indices, before it is turned into a report group."""

    kind: str
    similarity: float
    members: tuple[int, ...]


@dataclass(frozen=True)
class GramIndexOptions:
    """Candidate generation: ``n``-character grams, one in ``sample`` kept (by hash value, so the
    same grams are kept in every text), grams in more than ``df_cap`` units ignored (boilerplate),
    pairs sharing at least ``min_share`` of the smaller unit's grams verified."""

    n: int = 3
    sample: int = 1
    df_cap: int = 50
    min_share: float = 0.3

    @classmethod
    def for_size(cls, units: int) -> GramIndexOptions:
        """Every 3-gram for report-sized inputs (short sentences keep enough grams); for larger
        collections longer grams, sampled, with a lower cap, which keeps postings and pair counts
        in memory and time (measured in bench/bench_dupes.py)."""
        if units <= 20_000:
            return cls()
        if units <= 200_000:
            return cls(n=4, sample=2, df_cap=30, min_share=0.3)
        return cls(n=5, sample=4, df_cap=20, min_share=0.3)


# Units hashed per numpy batch, and pair keys buffered before counting: bounds peak memory.
BATCH_UNITS = 50_000
PAIR_BUFFER = 10_000_000


def gram_hashes(norms: Sequence[str], *, n: int, sample: int) -> tuple[Any, Any]:
    """(unit index, gram hash) arrays, sorted by hash, for every distinct sampled n-gram of
    every text (numpy; a gram repeated inside one text counts once)."""
    import numpy as np

    uids, hashes = [], []
    for lo in range(0, len(norms), BATCH_UNITS):
        u, h = _batch_grams(norms[lo : lo + BATCH_UNITS], n=n, sample=sample)
        uids.append(u + lo)
        hashes.append(h)
    if not uids:
        return np.zeros(0, np.int64), np.zeros(0, np.uint64)
    uid, h = np.concatenate(uids), np.concatenate(hashes)
    del uids, hashes
    order = np.lexsort((uid, h))
    uid, h = uid[order], h[order]
    keep = np.ones(len(h), dtype=bool)
    keep[1:] = (h[1:] != h[:-1]) | (uid[1:] != uid[:-1])
    return uid[keep], h[keep]


def _batch_grams(norms: Sequence[str], *, n: int, sample: int) -> tuple[Any, Any]:
    import numpy as np

    lengths = np.fromiter((len(t) for t in norms), dtype=np.int64, count=len(norms))
    starts = np.zeros(len(norms), dtype=np.int64)
    np.cumsum(lengths[:-1] + 1, out=starts[1:])
    cp = np.frombuffer("\x00".join(norms).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    m = len(cp) - n + 1
    if m <= 0:
        return np.zeros(0, np.int64), np.zeros(0, np.uint64)
    h = np.zeros(m, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(n):
            h = h * np.uint64(_BASE) + cp[k : k + m]
        h = h * np.uint64(_MIX)
        h ^= h >> np.uint64(29)
        h = h * np.uint64(_MIX)
    pos = np.arange(m, dtype=np.int64)
    uid = np.searchsorted(starts, pos, side="right") - 1
    ok = pos + n <= starts[uid] + lengths[uid]
    if sample > 1:
        ok &= (h >> np.uint64(40)) % np.uint64(sample) == 0
    return uid[ok], h[ok]


class _PairCounter:
    """Counts pair keys in bounded memory: buffered keys are folded into sorted (key, count)
    arrays whenever the buffer fills."""

    def __init__(self) -> None:
        import numpy as np

        self.keys = np.zeros(0, np.int64)
        self.counts = np.zeros(0, np.int64)
        self.buffer: list[Any] = []
        self.buffered = 0

    def add(self, keys: Any) -> None:
        self.buffer.append(keys)
        self.buffered += len(keys)
        if self.buffered >= PAIR_BUFFER:
            self.fold()

    def fold(self) -> None:
        import numpy as np

        if not self.buffer:
            return
        k = np.concatenate([self.keys, *self.buffer])
        c = np.concatenate([self.counts, *(np.ones(len(b), np.int64) for b in self.buffer)])
        self.buffer, self.buffered = [], 0
        order = np.argsort(k, kind="stable")
        k, c = k[order], c[order]
        starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
        self.keys, self.counts = k[starts], np.add.reduceat(c, starts)


def candidate_pairs(
    norms: Sequence[str],
    *,
    options: GramIndexOptions = GramIndexOptions(),
    query: Sequence[bool] | None = None,
) -> list[tuple[int, int]]:
    """Pairs (i < j) of units sharing enough rare grams to be worth an exact comparison.

    With ``query`` only pairs with at least one query unit are returned (archive lookups)."""
    import numpy as np

    uid, h = gram_hashes(norms, n=options.n, sample=options.sample)
    if len(h) == 0:
        return []
    bounds = np.flatnonzero(np.r_[True, h[1:] != h[:-1], True])
    first, df = bounds[:-1], np.diff(bounds)
    # A unit's size counts only its informative grams: boilerplate grams over the cap can never
    # be shared evidence, so they must not raise the bar either.
    informative = np.repeat(df <= options.df_cap, df)
    sizes = np.bincount(uid[informative], minlength=len(norms))
    del h
    counter = _PairCounter()
    total = np.int64(len(norms))
    q = np.asarray(query, dtype=bool) if query is not None else None
    for d in np.unique(df):
        if d < 2 or d > options.df_cap:
            continue
        iu, ju = np.triu_indices(int(d), 1)
        g_all = first[df == d]
        step = max(1, PAIR_BUFFER // len(iu))
        for lo in range(0, len(g_all), step):
            g = g_all[lo : lo + step]
            block = uid[g[:, None] + np.arange(d)]  # rows: the units sharing one gram (sorted)
            a, b = block[:, iu].ravel(), block[:, ju].ravel()
            if q is not None:
                keep = q[a] | q[b]  # archive lookups: pairs among archived passages are no news
                a, b = a[keep], b[keep]
            counter.add(a * total + b)
    counter.fold()
    pair, shared = counter.keys, counter.counts
    if len(pair) == 0:
        return []
    a, b = pair // total, pair % total
    need = np.maximum(1, np.floor(options.min_share * np.minimum(sizes[a], sizes[b])))
    ok = shared >= need
    return list(zip(a[ok].tolist(), b[ok].tolist(), strict=True))


def similarity(a: str, b: str) -> float:
    """Indel similarity of two normalised texts, 0–1 (1 − edits / total length)."""
    from rapidfuzz.distance import Indel

    return float(Indel.normalized_similarity(a, b))


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _non_overlapping(units: Sequence[Unit], idx: list[int]) -> list[int]:
    out: list[int] = []
    for i in idx:
        if not any(units[i].overlaps(units[j]) for j in out):
            out.append(i)
    return out


def find_groups(
    units: Sequence[Unit],
    *,
    threshold: float = 0.8,
    kinds: Sequence[str] = KINDS,
    query: Sequence[bool] | None = None,
    options: GramIndexOptions | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> list[RawGroup]:
    """Every group of repeated units, kinds kept apart, redundant groups (a sentence group that
    lies inside a reported paragraph group) removed. ``query`` marks the units a group must
    touch (the new report when checking against an archive)."""
    is_query = (lambda i: query[i]) if query is not None else (lambda i: True)
    groups: list[RawGroup] = []
    by_norm: dict[str, list[int]] = defaultdict(list)
    by_masked: dict[str, list[int]] = defaultdict(list)
    for i, u in enumerate(units):
        by_norm[u.norm].append(i)
        by_masked[u.masked].append(i)
    exact_of: dict[int, int] = {}
    numbers_of: dict[int, int] = {}
    for gid, idx in enumerate(by_norm.values()):
        idx = _non_overlapping(units, idx)
        if len(idx) > 1 and any(is_query(i) for i in idx):
            for i in idx:
                exact_of[i] = gid
            if EXACT in kinds:
                groups.append(RawGroup(EXACT, 1.0, tuple(idx)))
    for gid, idx in enumerate(by_masked.values()):
        idx = _non_overlapping(units, idx)
        if len({units[i].norm for i in idx}) > 1 and any(is_query(i) for i in idx):
            for i in idx:
                numbers_of[i] = gid
            if NUMBERS in kinds:
                ref = units[idx[0]].norm
                sim = min(similarity(ref, units[i].norm) for i in idx[1:])
                groups.append(RawGroup(NUMBERS, round(sim, 3), tuple(idx)))
    if progress:
        progress("hashed", len(units))

    if NEAR in kinds or CONTAINED in kinds:
        # Grams of one copy per distinct text: exact copies would otherwise push every gram of a
        # much-copied passage over the document-frequency cap and hide its near copies.
        reps = [idx[0] for idx in by_norm.values()]
        rep_query = None
        if query is not None:
            rep_query = [any(query[i] for i in idx) for idx in by_norm.values()]
        opts = options or GramIndexOptions.for_size(len(reps))
        rep_pairs = candidate_pairs([units[i].norm for i in reps], options=opts, query=rep_query)
        pairs = [(reps[a], reps[b]) for a, b in rep_pairs]
        if progress:
            progress("candidates", len(pairs))
        near = _UnionFind()
        contained: dict[int, list[int]] = defaultdict(list)
        for a, b in pairs:
            ua, ub = units[a], units[b]
            if ua.overlaps(ub):
                continue
            if a in exact_of and exact_of.get(a) == exact_of.get(b):
                continue
            if a in numbers_of and numbers_of.get(a) == numbers_of.get(b):
                continue
            short, long_ = (a, b) if len(ua.norm) <= len(ub.norm) else (b, a)
            sn, ln = units[short].norm, units[long_].norm
            if CONTAINED in kinds and len(sn) < len(ln) and sn in ln:
                # Not when the longer passage holds an exact copy as a unit of its own: that
                # copy is already reported as exact.
                same = by_norm[sn]
                if not any(units[j].overlaps(units[long_]) for j in same if j != short):
                    contained[short].append(long_)
                continue
            if NEAR in kinds:
                # Indel similarity is bounded by the length ratio: skip hopeless pairs cheaply.
                if 2 * len(sn) / (len(sn) + len(ln)) < threshold:
                    continue
                s = similarity(sn, ln)
                if s >= threshold:
                    near.union(a, b)
        comps: dict[int, list[int]] = defaultdict(list)
        for x in list(near.parent):
            comps[near.find(x)].append(x)

        # Candidates were found between one copy per text; groups list every copy.
        def every_copy(idx: list[int]) -> list[int]:
            return sorted({j for i in idx for j in by_norm[units[i].norm]})

        for idx in comps.values():
            idx = _non_overlapping(units, every_copy(idx))
            if len(idx) > 1:
                sim = min(similarity(units[idx[0]].norm, units[i].norm) for i in idx[1:])
                groups.append(RawGroup(NEAR, round(sim, 3), tuple(idx)))
        for short, longs in contained.items():
            idx = _non_overlapping(
                units,
                [short, *(i for i in every_copy(longs) if units[i].norm != units[short].norm)],
            )
            if len(idx) > 1:
                share = min(len(units[short].norm) / len(units[i].norm) for i in idx[1:])
                groups.append(RawGroup(CONTAINED, round(share, 3), tuple(idx)))
    return _drop_redundant(units, groups)


def _drop_redundant(units: Sequence[Unit], groups: list[RawGroup]) -> list[RawGroup]:
    """Keep a group only if no already kept group explains all of it: a copied paragraph is
    reported once, not again as each of its copied sentences."""
    order = {k: i for i, k in enumerate(KINDS)}

    def rank(g: RawGroup) -> tuple[bool, int, int, int]:
        # Whole paragraphs before their sentences; contained passages last, since they only
        # add something where no aligned copy explains them.
        has_para = any(units[i].kind == PARAGRAPH for i in g.members)
        longest = max(units[i].end - units[i].start for i in g.members)
        return (g.kind == CONTAINED, 0 if has_para else 1, order[g.kind], -longest)

    kept: list[RawGroup] = []
    spans: dict[tuple[int, str], list[tuple[int, int, int, int]]] = defaultdict(list)
    for g in sorted(groups, key=rank):
        if not _explained(units, g, kept, spans):
            gid = len(kept)
            kept.append(g)
            for m, i in enumerate(g.members):
                u = units[i]
                spans[(u.doc, u.paragraph_id)].append((u.start, u.end, gid, m))
    return kept


def _explained(
    units: Sequence[Unit],
    g: RawGroup,
    kept: list[RawGroup],
    spans: dict[tuple[int, str], list[tuple[int, int, int, int]]],
) -> bool:
    covers: list[dict[int, set[int]]] = []
    for i in g.members:
        u = units[i]
        c: dict[int, set[int]] = defaultdict(set)
        for s, e, gid, m in spans.get((u.doc, u.paragraph_id), ()):
            if s <= u.start and u.end <= e:
                c[gid].add(m)
        covers.append(c)
    for gid in covers[0] if covers else ():
        used: set[int] = set()
        ok = True
        for c in covers:
            free = c.get(gid, set()) - used
            if not free:
                ok = False
                break
            used.add(min(free))
        if ok:
            return True
    return False
