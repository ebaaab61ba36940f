"""PDF-text reader, parts step: review or plan for blocks and headlines, and the parts they go in.

A block's part is read from its language and smoothed along the text (:func:`_smooth_kinds`); a
headline's own words may name a part (:func:`_head_part`), which the placement passes heed. Each
block then goes in its part, a marker's own paragraphs in theirs unless their time words say
otherwise, and every inference is recorded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportgen.model import OTHER, PLAN, REVIEW, Repair
from reportgen.readers.repair import Unit
from reportgen.structure import kind_score, part_kind

if TYPE_CHECKING:
    from reportgen.readers.pdftext.spread import _Block, _Head, _Spread

# A headline whose own words say plan (or review) this plainly never goes on the other part's block.
PART_CUE = 2.5
PLEDGE_RE = re.compile(r"确保|力争")
# Review/plan smoothing along the text: switching part costs this much language evidence.
SWITCH_COST = 3.0
# A paragraph in a marker's own text moves to the other part only on clear time words.
ZONE_MOVE = 2.0


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


# --- the part a headline's words name ----------------------------------------------------------


def _head_part(sp: _Spread, h: _Head) -> str:
    """The part a headline's own words name, when they name it plainly (确保, 力争: a plan;
    two cues needed otherwise); review and plan spreads cover the same topics, so the words
    shared with a block cannot tell a 2023 section from its 2024 twin."""
    if PLEDGE_RE.search(h.unit.text):
        return PLAN  # a pledge is a target, whatever it pledges (确保……取得新成绩)
    score = kind_score(h.unit.text)
    return PLAN if score <= -PART_CUE else REVIEW if score >= PART_CUE else OTHER


def _wrong_part(sp: _Spread, h: _Head, i: int) -> bool:
    return sp.run_kind[sp.run_of[i]] == _other(_head_part(sp, h))


def _leans_away(sp: _Spread, h: _Head, i: int) -> bool:
    """The headline's words lean, however little, to the part block ``i`` is not in
    (显著提升 to a review, 加快 to a plan): the weak cue the order pass heeds, since it
    places on weaker evidence."""
    score = -1.0 if PLEDGE_RE.search(h.unit.text) else kind_score(h.unit.text)
    lean = REVIEW if score > 0 else PLAN if score < 0 else OTHER
    return sp.run_kind[sp.run_of[i]] == _other(lean)


# --- the part of each block ------------------------------------------------------------------


def _kinds(sp: _Spread, blocks: list[_Block]) -> None:
    """Review or plan for each block: language, smoothed along the text."""
    for b in blocks:
        b.score = sum(
            kind_score(t, review_year=sp.ry, plan_year=sp.doc_year)
            for t in sp.texts[b.start : b.end]
        )
    for b, kind in zip(blocks, _smooth_kinds([b.score for b in blocks]), strict=True):
        b.kind = kind


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


def _parts(sp: _Spread, blocks: list[_Block]) -> list[_Part]:
    """The parts, review first: each block goes in the part its smoothed language says, and a
    marker's own paragraphs in that marker's part unless their time words say the other; each
    inference is recorded as an ``infer_part`` repair."""
    parts: list[_Part] = []
    for u, _ in sp.markers:
        kind, year = part_kind(u.text, sp.doc_year)
        parts.append(_Part(u, kind, year))
    by_kind: dict[str, _Part] = {}
    for p in parts:
        by_kind.setdefault(p.kind, p)

    def part_for(kind: str) -> _Part:
        if kind in by_kind:
            return by_kind[kind]
        # No marker for this kind: an untitled part, its kind and year inferred.
        year = None
        if sp.doc_year is not None:
            year = sp.doc_year - 1 if kind == REVIEW else sp.doc_year
        p = _Part(None, kind, year, inferred=True)
        parts.append(p)
        by_kind[kind] = p
        return p

    ry = sp.doc_year - 1 if sp.doc_year else None
    for i in sorted(sp.zone):
        if any(b.start <= i < b.end for b in blocks):
            continue
        home = parts[sp.zone[i]]
        t = kind_score(sp.texts[i], review_year=ry, plan_year=sp.doc_year, time_only=True)
        want = REVIEW if t >= ZONE_MOVE else PLAN if t <= -ZONE_MOVE else home.kind
        target = home if want in (home.kind, OTHER) else part_for(want)
        target.intro.append(i)
        if target is not home:
            sp.repairs.append(
                Repair(
                    "infer_part",
                    sp.paras[i].raw,
                    target.kind,
                    sp.paras[i].start,
                    sp.paras[i].end,
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
        first = sp.paras[b.start]
        label = b.head.unit.text if b.head else f"{first.text[:16]}…"
        sp.repairs.append(
            Repair(
                "infer_part",
                label,
                kind,
                note=(
                    f"block at offsets {first.start}–{sp.paras[b.end - 1].end} placed in the "
                    f"{kind} part ({p.unit.text if p.unit else 'untitled'}) by its language "
                    f"(score {b.score:+.1f}, smoothed along the text)"
                ),
            )
        )
    order = {id(p): k for k, p in enumerate(parts)}
    return sorted(parts, key=lambda p: (p.kind != REVIEW, order[id(p)]))
