"""Diff step, alignment: pair the sections and paragraphs of two reports — identical, similar,
moved, split, merged, added, removed — before any character-level diffing."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from reportgen.diff.inline import Op, diff_text
from reportgen.model import Document

EQUAL, CHANGED, MOVED, ADDED, REMOVED, SPLIT, MERGED = (
    "equal",
    "changed",
    "moved",
    "added",
    "removed",
    "split",
    "merged",
)
STATUSES = (EQUAL, CHANGED, MOVED, ADDED, REMOVED, SPLIT, MERGED)

# How a paragraph's section path is written: "一、… › （三）…".
HEADING_SEP = " › "

_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class ParaRef:
    """A paragraph as the diff sees it: id, text, its place in reading order and its section."""

    id: str
    text: str
    index: int
    section: int
    heading: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "section": self.heading}


@dataclass(frozen=True)
class ParagraphChange:
    """One row of the diff. ``old``/``new`` hold one paragraph, none (added/removed) or several
    (the parts of a split or a merge)."""

    status: str
    old: tuple[ParaRef, ...]
    new: tuple[ParaRef, ...]
    similarity: float
    ops: tuple[Op, ...] = ()

    @property
    def old_text(self) -> str:
        return "".join(p.text for p in self.old)

    @property
    def new_text(self) -> str:
        return "".join(p.text for p in self.new)

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "old": _side(self.old),
            "new": _side(self.new),
            "similarity": round(self.similarity, 4),
            "ops": [op.to_dict() for op in self.ops if op.tag != "equal"],
        }


def _side(paras: tuple[ParaRef, ...]) -> dict[str, Any] | None:
    if not paras:
        return None
    d: dict[str, Any] = {
        "id": paras[0].id,
        "text": "".join(p.text for p in paras),
        "section": paras[0].heading,
    }
    if len(paras) > 1:
        d["parts"] = [{"id": p.id, "text": p.text} for p in paras]
    return d


@dataclass(frozen=True)
class SectionPair:
    """Sections of the two reports paired by heading similarity and shared paragraphs."""

    old_heading: str | None
    new_heading: str | None
    heading_similarity: float
    content_similarity: float
    status: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": self.old_heading,
            "new": self.new_heading,
            "heading_similarity": round(self.heading_similarity, 4),
            "content_similarity": round(self.content_similarity, 4),
            "status": self.status,
        }


def flatten(doc: Document) -> list[ParaRef]:
    """Every paragraph in reading order with the heading path of its innermost section."""
    refs: list[ParaRef] = []
    sec_ids: dict[int, int] = {}
    for loc in doc.iter_located():
        key = id(loc.section)
        sec = sec_ids.setdefault(key, len(sec_ids))
        heading = HEADING_SEP.join(s.heading for s in loc.path if s.heading)
        refs.append(ParaRef(loc.paragraph.id, loc.paragraph.text, len(refs), sec, heading))
    return refs


def norm(text: str) -> str:
    return _WS.sub("", text)


def align_paragraphs(
    old: list[ParaRef],
    new: list[ParaRef],
    *,
    threshold: float = 0.55,
    split_threshold: float = 0.8,
    split_gain: float = 0.1,
    prefilter_above: int = 250_000,
    short_chars: int = 16,
) -> list[ParagraphChange]:
    """Pair paragraphs: identical in order, identical elsewhere (moved), split/merged (one
    paragraph against two or three neighbours on the other side), then similar (Indel similarity
    ≥ ``threshold``). Pairs off the longest in-order chain are moved. Rows come back in reading
    order of the new report, with removed paragraphs where they stood in the old one.

    Above ``prefilter_above`` unmatched old × new paragraph pairs, only pairs sharing enough rare
    character bigrams are scored (see ``candidate_matrix``), plus every pair with a side of at most
    ``short_chars`` characters that could reach ``threshold`` (few rare bigrams to go by there);
    the rest count as dissimilar."""
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    na, nb = [norm(p.text) for p in old], [norm(p.text) for p in new]
    # pairs: (old indices, new indices, similarity, kind)
    pairs: list[tuple[tuple[int, ...], tuple[int, ...], float, str]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()

    # 1. Identical paragraphs in order; autojunk off, or frequent short lines would be "junk".
    sm = SequenceMatcher(None, na, nb, autojunk=False)
    for blk in sm.get_matching_blocks():
        for k in range(blk.size):
            i, j = blk.a + k, blk.b + k
            if na[i]:
                pairs.append(((i,), (j,), 1.0, "pair"))
                used_a.add(i)
                used_b.add(j)
    # 2. Identical paragraphs out of order: moved.
    where: dict[str, list[int]] = {}
    for i, t in enumerate(na):
        if i not in used_a and t:
            where.setdefault(t, []).append(i)
    for j, t in enumerate(nb):
        if j in used_b or not where.get(t):
            continue
        i = where[t].pop(0)
        pairs.append(((i,), (j,), 1.0, "pair"))
        used_a.add(i)
        used_b.add(j)

    rest_a = [i for i in range(len(old)) if i not in used_a and na[i]]
    rest_b = [j for j in range(len(new)) if j not in used_b and nb[j]]
    scores: Any = None
    if rest_a and rest_b:
        ta, tb = [na[i] for i in rest_a], [nb[j] for j in rest_b]
        if len(ta) * len(tb) <= prefilter_above:
            scores = process.cdist(
                ta,
                tb,
                scorer=Indel.normalized_similarity,
                score_cutoff=0.25,  # below that nothing is used, and cut-off scoring is faster
                workers=1,
            )
        else:
            scores = _sparse_scores(ta, tb, cutoff=0.25, threshold=threshold, short=short_chars)

    # 3. Splits (one old → consecutive new) and merges (consecutive old → one new).
    if scores is not None:
        cands: list[tuple[float, tuple[int, ...], tuple[int, ...], str]] = []
        cands += _group_candidates(
            rest_a, rest_b, na, nb, scores, split_threshold, split_gain, SPLIT
        )
        cands += _group_candidates(
            rest_b, rest_a, nb, na, scores.T, split_threshold, split_gain, MERGED, swap=True
        )
        cands.sort(key=lambda c: -c[0])
        for score, ia, jb, kind in cands:
            if used_a.intersection(ia) or used_b.intersection(jb):
                continue
            pairs.append((ia, jb, score, kind))
            used_a.update(ia)
            used_b.update(jb)

    # 4. Similar pairs, best first.
    if scores is not None:
        rows_, cols_ = (scores >= threshold).nonzero()
        flat = [
            (float(scores[r, c]), rest_a[r], rest_b[c])
            for r, c in zip(rows_.tolist(), cols_.tolist(), strict=True)
            if rest_a[r] not in used_a and rest_b[c] not in used_b
        ]
        flat.sort(key=lambda x: (-x[0], abs(x[1] - x[2])))
        for s, i, j in flat:
            if i in used_a or j in used_b:
                continue
            pairs.append(((i,), (j,), s, "pair"))
            used_a.add(i)
            used_b.add(j)

    # 5. In order or moved: the longest chain increasing in both old and new order stays put.
    pairs.sort(key=lambda p: p[1][0])
    keep = _lis([p[0][0] for p in pairs])
    rows: list[tuple[float, int, ParagraphChange]] = []
    anchors: list[tuple[int, int]] = []  # (old index, new index) of in-order pairs
    for k, (ia, jb, _s, kind) in enumerate(pairs):
        pa, pb = tuple(old[i] for i in ia), tuple(new[j] for j in jb)
        ta, tb = "".join(p.text for p in pa), "".join(p.text for p in pb)
        same = norm(ta) == norm(tb)
        if kind in (SPLIT, MERGED):
            status = kind
        elif k not in keep:
            status = MOVED
        else:
            status = EQUAL if same else CHANGED
        if k in keep or kind in (SPLIT, MERGED):
            anchors.extend((i, jb[0]) for i in ia)
        sim = 1.0 if same else Indel.normalized_similarity(norm(ta), norm(tb))
        ops = () if status == EQUAL else diff_text(ta, tb)
        rows.append((float(jb[0]), 0, ParagraphChange(status, pa, pb, sim, ops)))
    for j in range(len(new)):
        if j not in used_b:
            rows.append(
                (
                    float(j),
                    0,
                    ParagraphChange(ADDED, (), (new[j],), 0.0, diff_text("", new[j].text)),
                )
            )
    # A removed paragraph goes right after the new place of the in-order paragraph before it.
    anchors.sort()
    anchor_old = [a for a, _ in anchors]
    for i in range(len(old)):
        if i in used_a:
            continue
        k = bisect.bisect_left(anchor_old, i) - 1
        pos = anchors[k][1] + 0.5 if k >= 0 else -0.5
        rows.append(
            (pos, i, ParagraphChange(REMOVED, (old[i],), (), 0.0, diff_text(old[i].text, "")))
        )
    rows.sort(key=lambda r: (r[0], r[1]))
    return [r[2] for r in rows]


def with_move_origins(rows: list[ParagraphChange]) -> list[tuple[str, ParagraphChange]]:
    """Rows in reading order plus a ``("ghost", row)`` entry where each moved paragraph used to
    stand (after the row holding the old paragraph before it), so views can link both places."""
    old_row: dict[int, int] = {}
    for k, r in enumerate(rows):
        for p in r.old:
            old_row[p.index] = k
    ghosts: dict[int, list[ParagraphChange]] = {}
    for r in rows:
        if r.status == MOVED and r.old:
            # The nearest old paragraph before it that stayed in place (a moved one went away).
            i, at = r.old[0].index - 1, -1
            while i >= 0:
                k = old_row.get(i, -1)
                if k >= 0 and rows[k].status != MOVED:
                    at = k
                    break
                i -= 1
            ghosts.setdefault(at, []).append(r)
    items: list[tuple[str, ParagraphChange]] = [("ghost", g) for g in ghosts.get(-1, [])]
    for k, r in enumerate(rows):
        items.append(("row", r))
        items.extend(("ghost", g) for g in ghosts.get(k, []))
    return items


def candidate_matrix(
    old: list[str],
    new: list[str],
    *,
    df_cap: int = 40,
    min_share: float = 0.2,
) -> Any:
    """Boolean old × new matrix of pairs worth scoring: they share at least ``min_share`` of the
    shorter text's rare character bigrams (at least one). Bigrams, not longer grams: Chinese words
    are mostly two characters, so a reworded paragraph keeps many of them. A bigram found in more
    than ``df_cap`` paragraphs on the two sides together (发展, 推进) is no evidence of a pair."""
    import numpy as np

    from reportgen.dupes.find import gram_hashes

    n_old, n_new = len(old), len(new)
    uid, h = gram_hashes([*old, *new], n=2, sample=1)  # sorted by hash, then paragraph
    if len(h) == 0:  # one-character texts only: nothing to go by
        return np.zeros((n_old, n_new), dtype=bool)
    bounds = np.flatnonzero(np.r_[True, h[1:] != h[:-1], True])
    first, df = bounds[:-1], np.diff(bounds)
    rare = df <= df_cap
    sizes = np.bincount(uid[np.repeat(rare, df)], minlength=n_old + n_new)
    # Within a gram's run the old paragraphs (lower ids) come first: x old, then y new.
    is_old = (uid < n_old).astype(np.int64)
    x = np.add.reduceat(is_old, first)
    y = df - x
    keep = rare & (x > 0) & (y > 0)
    first, x, y = first[keep], x[keep], y[keep]
    # Every (old, new) pair within each kept run: each old entry repeated once per new entry.
    reps = np.repeat(y, x)
    a_pos = np.repeat(first, x) + _ragged_arange(x)
    b_start = np.repeat(first + x, x)
    a = uid[np.repeat(a_pos, reps)]
    b = uid[np.repeat(b_start, reps) + _ragged_arange(reps)] - n_old
    shared = np.bincount(a * n_new + b, minlength=n_old * n_new).reshape(n_old, n_new)
    small = np.minimum(sizes[:n_old, None], sizes[None, n_old:])
    return (shared > 0) & (shared >= min_share * small)


def _ragged_arange(counts: Any) -> Any:
    """0..k-1 for each k in ``counts``, concatenated (numpy, no Python loop)."""
    import numpy as np

    return np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)


def _sparse_scores(
    old: list[str], new: list[str], *, cutoff: float, threshold: float, short: int
) -> Any:
    """Indel similarity of the candidate pairs only (others 0), as a dense old × new matrix."""
    import numpy as np
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    scores = np.zeros((len(old), len(new)), dtype=np.float64)
    rows, cols = candidate_matrix(old, new).nonzero()
    sim = Indel.normalized_similarity
    for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
        scores[r, c] = sim(old[r], new[c], score_cutoff=cutoff)
    # Short paragraphs against every partner of a length that can still reach the threshold
    # (similarity ≤ 2·shorter / (sum of lengths)); cheap, as short strings score fast.
    longest = short * (2 - threshold) / max(threshold, 1e-9)
    la = np.array([len(t) for t in old])
    lb = np.array([len(t) for t in new])
    for sa, sb in (((la <= short), (lb <= longest)), ((la <= longest), (lb <= short))):
        ia, ib = np.flatnonzero(sa), np.flatnonzero(sb)
        if len(ia) and len(ib):
            sub = process.cdist(
                [old[i] for i in ia],
                [new[j] for j in ib],
                scorer=Indel.normalized_similarity,
                score_cutoff=threshold,
                workers=1,
            )
            block = np.ix_(ia, ib)
            scores[block] = np.maximum(scores[block], sub)
    return scores


def _group_candidates(
    one: list[int],
    many: list[int],
    n_one: list[str],
    n_many: list[str],
    scores: Any,
    threshold: float,
    gain: float,
    kind: str,
    *,
    swap: bool = False,
) -> list[tuple[float, tuple[int, ...], tuple[int, ...], str]]:
    """One paragraph against runs of 2–3 consecutive unmatched paragraphs on the other side."""
    import numpy as np
    from rapidfuzz.distance import Indel

    pos = {j: c for c, j in enumerate(many)}
    lens = np.array([len(n_many[j]) for j in many])
    out: list[tuple[float, tuple[int, ...], tuple[int, ...], str]] = []
    if not len(many):
        return out
    # Only rows with a possible part and no near-identical single partner need the loop below
    # (most rows of two unrelated reports have neither).
    lens_one = np.array([len(n_one[i]) for i in one])
    maybe = ((scores >= 0.25) & (lens[None, :] < 0.85 * lens_one[:, None])).any(axis=1)
    maybe &= scores.max(axis=1) + gain <= 1.0
    for r in np.flatnonzero(maybe).tolist():
        i = one[r]
        row = scores[r]
        best_single = float(row.max()) if len(row) else 0.0
        if best_single + gain > 1.0:
            continue  # a near-identical single partner exists: not a split
        # A part of a split is shorter than the whole and resembles it a little; look only
        # next to the three best such parts.
        ok = np.nonzero((row >= 0.25) & (lens < 0.85 * len(n_one[i])))[0]
        seeds = [many[c] for c in ok[np.argsort(-row[ok])][:3]]
        seen: set[tuple[int, ...]] = set()
        best: tuple[float, tuple[int, ...]] | None = None
        for j in seeds:
            for lo in range(j - 2, j + 1):
                for size in (2, 3):
                    run = tuple(range(lo, lo + size))
                    if run in seen or any(x not in pos for x in run) or j not in run:
                        continue
                    seen.add(run)
                    s = Indel.normalized_similarity(n_one[i], "".join(n_many[x] for x in run))
                    if best is None or s > best[0]:
                        best = (s, run)
        if best and best[0] >= threshold and best[0] >= best_single + gain:
            if swap:
                out.append((best[0], best[1], (i,), kind))
            else:
                out.append((best[0], (i,), best[1], kind))
    return out


def _lis(seq: list[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []
    tails_pos: list[int] = []
    prev = [-1] * len(seq)
    for k, x in enumerate(seq):
        t = bisect.bisect_left(tails, x)
        if t == len(tails):
            tails.append(x)
            tails_pos.append(k)
        else:
            tails[t] = x
            tails_pos[t] = k
        prev[k] = tails_pos[t - 1] if t > 0 else -1
    out: set[int] = set()
    k = tails_pos[-1] if tails_pos else -1
    while k >= 0:
        out.add(k)
        k = prev[k]
    return out


def align_sections(
    old_doc: Document,
    new_doc: Document,
    rows: list[ParagraphChange],
    old: list[ParaRef],
    new: list[ParaRef],
) -> list[SectionPair]:
    """Pair sections by heading similarity (30 %) and the share of paragraphs they exchange (70 %)."""
    from rapidfuzz.distance import Indel

    def headings(refs: list[ParaRef]) -> dict[int, tuple[str, int]]:
        out: dict[int, tuple[str, int]] = {}
        for p in refs:
            h, n = out.get(p.section, (p.heading, 0))
            out[p.section] = (h, n + 1)
        return out

    ha, hb = headings(old), headings(new)
    links: dict[tuple[int, int], int] = {}
    for row in rows:
        for a in row.old:
            for b in row.new:
                links[(a.section, b.section)] = links.get((a.section, b.section), 0) + 1
    cands: list[tuple[float, float, float, int, int]] = []
    for sa, (head_a, n_a) in ha.items():
        for sb, (head_b, n_b) in hb.items():
            content = 2 * links.get((sa, sb), 0) / (n_a + n_b)
            hs = Indel.normalized_similarity(norm(last_heading(head_a)), norm(last_heading(head_b)))
            score = 0.3 * hs + 0.7 * content
            if score >= 0.3:
                cands.append((score, hs, content, sa, sb))
    cands.sort(key=lambda c: -c[0])
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: dict[int, SectionPair] = {}
    for _score, hs, content, sa, sb in cands:
        if sa in used_a or sb in used_b:
            continue
        used_a.add(sa)
        used_b.add(sb)
        status = EQUAL if hs == 1.0 and content == 1.0 else CHANGED
        pairs[sb] = SectionPair(ha[sa][0], hb[sb][0], hs, content, status)
    out: list[SectionPair] = []
    for sb in sorted(hb):
        out.append(pairs.get(sb) or SectionPair(None, hb[sb][0], 0.0, 0.0, ADDED))
    for sa in sorted(ha):
        if sa not in used_a:
            out.append(SectionPair(ha[sa][0], None, 0.0, 0.0, REMOVED))
    return out


def last_heading(heading: str) -> str:
    """The innermost heading of a heading path ("一、… › （三）…" → "（三）…")."""
    return heading.rsplit(HEADING_SEP, 1)[-1]
