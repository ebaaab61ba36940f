"""Diff step, inside a paragraph: sentences first, then tokens (characters, words, whole numbers),
tidied so that a change reads as a phrase replaced rather than scattered single characters."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from reportgen.diff.tokens import tokenize
from reportgen.sentences import split_sentences

EQUAL, INSERT, DELETE, REPLACE = "equal", "insert", "delete", "replace"


@dataclass(frozen=True)
class Op:
    """One edit: ``old`` (at ``old_start`` in the old text) became ``new`` (at ``new_start``)."""

    tag: str
    old: str
    new: str
    old_start: int = 0
    new_start: int = 0

    @property
    def old_end(self) -> int:
        return self.old_start + len(self.old)

    @property
    def new_end(self) -> int:
        return self.new_start + len(self.new)

    def to_dict(self) -> dict[str, Any]:
        return {
            "op": self.tag,
            "old": self.old,
            "new": self.new,
            "old_start": self.old_start,
            "new_start": self.new_start,
        }


def cut_ops(ops: tuple[Op, ...], *, side: str, lengths: list[int]) -> list[list[Op]]:
    """Cut ops into pieces at the given text lengths of one side (``old`` or ``new``), for a
    split or merge shown as several paragraphs. Text of the other side stays with the piece
    where it starts."""
    bounds: list[int] = []
    total = 0
    for n in lengths[:-1]:
        total += n
        bounds.append(total)
    pieces: list[list[Op]] = [[] for _ in lengths]
    part = 0
    for op in ops:
        text = op.old if side == "old" else op.new
        start = op.old_start if side == "old" else op.new_start
        while part < len(bounds) and text and start >= bounds[part]:
            part += 1
        cut_at = bounds[part] - start if part < len(bounds) else len(text)
        if part < len(bounds) and 0 < cut_at < len(text):
            # The op crosses a paragraph boundary on this side: split it there.
            head, tail = text[:cut_at], text[cut_at:]
            if side == "old":
                first = Op(
                    op.tag if op.tag != REPLACE else REPLACE, head, op.new, start, op.new_start
                )
                rest = Op(
                    DELETE if op.tag != EQUAL else EQUAL,
                    tail,
                    tail if op.tag == EQUAL else "",
                    start + cut_at,
                    op.new_start + (cut_at if op.tag == EQUAL else len(op.new)),
                )
            else:
                first = Op(op.tag, op.old, head, op.old_start, start)
                rest = Op(
                    INSERT if op.tag != EQUAL else EQUAL,
                    tail if op.tag == EQUAL else "",
                    tail,
                    op.old_start + (cut_at if op.tag == EQUAL else len(op.old)),
                    start + cut_at,
                )
            if op.tag == EQUAL:
                first = Op(EQUAL, head, head, op.old_start, op.new_start)
            pieces[part].append(first)
            part += 1
            pieces[part].append(rest)
            continue
        pieces[part].append(op)
    return pieces


def diff_text(old: str, new: str) -> tuple[Op, ...]:
    """Edits turning ``old`` into ``new``: unchanged sentences stay whole, changed runs of
    sentences are diffed token by token (autojunk off: common characters are not junk in Chinese)."""
    if old == new:
        return (Op(EQUAL, old, new, 0, 0),) if old else ()
    if not old or not new:  # an added or removed paragraph: one op, no matching to do
        return (Op(INSERT, "", new, 0, 0),) if new else (Op(DELETE, old, "", 0, 0),)
    a, b = split_sentences(old), split_sentences(new)
    ops: list[Op] = []
    oa = [0]
    for s in a:
        oa.append(oa[-1] + len(s))
    ob = [0]
    for s in b:
        ob.append(ob[-1] + len(s))
    sm = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        o, n = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "equal":
            ops.append(Op(EQUAL, o, n, oa[i1], ob[j1]))
        elif tag == "replace":
            ops.extend(_token_ops(o, n, oa[i1], ob[j1]))
        elif tag == "delete":
            ops.append(Op(DELETE, o, "", oa[i1], ob[j1]))
        else:
            ops.append(Op(INSERT, "", n, oa[i1], ob[j1]))
    return tuple(_coalesce(ops))


def _token_ops(old: str, new: str, o0: int, n0: int) -> list[Op]:
    ta, tb = tokenize(old), tokenize(new)
    sa, sb = [t.text for t in ta], [t.text for t in tb]
    sm = SequenceMatcher(None, sa, sb, autojunk=False)
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        os_ = ta[i1].start if i1 < len(ta) else len(old)
        ns_ = tb[j1].start if j1 < len(tb) else len(new)
        ops.append(Op(tag, "".join(sa[i1:i2]), "".join(sb[j1:j2]), o0 + os_, n0 + ns_))
    return _merge_small_equals(ops)


def _merge_small_equals(ops: list[Op]) -> list[Op]:
    """Absorb a short unchanged run between two changes when the changes are much longer
    (加快推进 → 全面推动 reads better as one replacement than as 加快→全面, 推, 进→动)."""
    out = list(ops)
    changed = True
    while changed:
        changed = False
        for k in range(1, len(out) - 1):
            left, mid, right = out[k - 1], out[k], out[k + 1]
            if mid.tag != EQUAL or left.tag == EQUAL or right.tag == EQUAL:
                continue
            size = len(left.old) + len(left.new) + len(right.old) + len(right.new)
            if len(mid.old) <= 2 and size >= 4 * len(mid.old):
                merged = Op(
                    REPLACE,
                    left.old + mid.old + right.old,
                    left.new + mid.new + right.new,
                    left.old_start,
                    left.new_start,
                )
                out[k - 1 : k + 2] = [merged]
                changed = True
                break
    return out


def _coalesce(ops: list[Op]) -> list[Op]:
    """Join neighbouring ops of one kind, and a delete next to an insert into a replace."""
    out: list[Op] = []
    for op in ops:
        if not op.old and not op.new:
            continue
        if out:
            prev = out[-1]
            if prev.tag == op.tag == EQUAL or (prev.tag != EQUAL and op.tag != EQUAL):
                tag = EQUAL if prev.tag == EQUAL else _tag(prev.old + op.old, prev.new + op.new)
                out[-1] = Op(
                    tag, prev.old + op.old, prev.new + op.new, prev.old_start, prev.new_start
                )
                continue
        out.append(
            Op(
                _tag(op.old, op.new) if op.tag != EQUAL else EQUAL,
                op.old,
                op.new,
                op.old_start,
                op.new_start,
            )
        )
    return out


def _tag(old: str, new: str) -> str:
    if old and new:
        return REPLACE
    return DELETE if old else INSERT
