"""Text repair, headlines: glyphs printed twice, part markers, lines standing alone as headlines."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportgen.model import Repair
from reportgen.readers.repair.chars import (
    CLAUSE_PUNCT_RE,
    NUMBERED_HEADING_RE,
    SPACES,
    display_width,
    ends_sentence,
    is_ideograph,
    nonspace,
)
from reportgen.readers.repair.lines import FULL_LINE, MAX_COLUMN_EM, OVERHANG_EM, Line, _Columns

if TYPE_CHECKING:
    from reportgen.readers.repair import Unit


# Part markers of a newspaper spread: "精彩·2023", "回眸·2022", "展望 · 2023", "2024·奋进".
MARKER_RE = re.compile(
    r"^(?:(?P<w1>[\u4e00-\u9fff]{2,4})\s*[·•・．.]\s*(?P<y1>(?:19|20)\d{2})"
    r"|(?P<y2>(?:19|20)\d{2})\s*[·•・．.]\s*(?P<w2>[\u4e00-\u9fff]{2,4}))$"
)
MAX_HEADLINE_EM = 32.0


def _halve(s: str) -> str | None:
    """``t`` when ``s`` is ``t + t``, else None."""
    n = len(s)
    if n < 2 or n % 2:
        return None
    h = n // 2
    return s[:h] if s[:h] == s[h:] else None


def _is_square(s: str) -> bool:
    """True when ``s`` is itself some string repeated (``哈哈``, ``加油加油``, ``··``)."""
    n = len(s)
    return any(n % k == 0 and s[:k] * (n // k) == s for k in range(1, n // 2 + 1))


def _char_class(ch: str) -> str:
    if is_ideograph(ch):
        return "han"
    if ch.isascii() and ch.isalnum():
        return "latin"
    return ch  # each punctuation mark is a run of its own


def _runs(token: str) -> list[str]:
    out: list[str] = []
    for ch in token:
        if out and _char_class(out[-1][-1]) == _char_class(ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _undouble_phrase(token: str) -> tuple[str, str] | None:
    half = _halve(token)
    if half is not None and len(half) >= 2 and not _is_square(half):
        return half, "phrase"
    # Per font run: "精彩精彩··20232023" = 精彩精彩 | ·· | 20232023, each run printed twice.
    runs = _runs(token)
    fixed: list[str] = []
    for r in runs:
        h = _halve(r)
        if h is None:
            return None
        if _char_class(h[0]) == "han" and (len(h) < 2 or _is_square(h)):
            return None
        if _char_class(h[0]) == "latin" and _is_square(h) and len(h) > 1:
            return None
        fixed.append(h)
    if not any(_char_class(r[0]) in ("han", "latin") for r in fixed):
        return None
    return "".join(fixed), "run"


def undouble(line: str) -> tuple[str, str] | None:
    """The headline a PDF printed with every glyph doubled, or None when ``line`` is not doubled.

    Every space-separated phrase must be doubled – as a whole (``优化空间布局优化空间布局``) or
    run by run (``精彩精彩··20232023``) – and the result must keep at least two CJK characters. A
    phrase whose half is itself a repetition (``哈哈哈哈``, ``加油加油加油加油``) is ambiguous and
    left alone, which also makes repairing a repaired headline a no-op. Returns ``(headline, how)``
    with ``how`` = ``"phrase"`` or ``"run"``.
    """
    tokens = line.split()
    if not tokens:
        return None
    fixed: list[str] = []
    hows: set[str] = set()
    for tok in tokens:
        r = _undouble_phrase(tok)
        if r is None:
            return None
        fixed.append(r[0])
        hows.add(r[1])
    result = " ".join(fixed)
    if sum(1 for c in result if is_ideograph(c)) < 2:
        return None
    if CLAUSE_PUNCT_RE.search(result):
        return None  # a sentence said twice ("业业。业业。") is text, not a doubled headline
    return result, "run" if "run" in hows else "phrase"


def marker_of(text: str) -> tuple[str, int] | None:
    """``("精彩", 2023)`` for a part marker such as ``精彩·2023`` or ``回眸 · 2022``."""
    m = MARKER_RE.match(text.strip())
    if not m:
        return None
    word = m.group("w1") or m.group("w2")
    year = int(m.group("y1") or m.group("y2"))
    return word, year


def _is_headline_text(text: str) -> bool:
    """Short, no sentence punctuation: what a (non-doubled) headline looks like."""
    t = text.strip(SPACES)
    pairs = ("“”", "‘’", "（）", "《》", "「」", "【】", "()")
    return (
        0 < display_width(t) <= MAX_HEADLINE_EM
        and all(t.count(a) == t.count(b) for a, b in pairs)
        and sum(1 for c in t if is_ideograph(c)) >= 4
        and not CLAUSE_PUNCT_RE.search(t)
        and not NUMBERED_HEADING_RE.match(t)
        and not t.startswith(("——", "--", "#"))
    )


def _phrased(text: str) -> bool:
    """A line set as phrases with a break between them, standing alone: a headline ("优化空间布局
    促进城乡融合", "精彩 2023"). ``text`` has had its justification spaces removed already, so any
    space left is such a break. (The front matter of a report – "海拉尔区人民政府区长 张天喜" – looks
    the same; the reader sorts that out.)"""
    return (
        " " in text
        and sum(1 for c in text if is_ideograph(c)) >= 2
        and display_width(text) <= MAX_COLUMN_EM
        and not CLAUSE_PUNCT_RE.search(text)
    )


def _off_column(lines: Sequence[Line], i: int, cols: _Columns) -> bool:
    """A line standing alone that is not a full line of the column around it (shorter, or wider
    than the column: set across columns) – a headline rather than the last line of a column."""
    ln = lines[i]
    if ln.letter_spaced:
        return False  # stretched to the width of its column
    w = cols.width(i)
    return w is None or ln.core_em < FULL_LINE * w or ln.core_em > w + OVERHANG_EM


def _after_sentence(lines: Sequence[Line], i: int, special: dict[int, Unit]) -> bool:
    """A stand-alone line follows a finished sentence (or the start, or another heading)."""
    if i == 0:
        return True
    j = i - 1
    if j in special:
        return True
    return ends_sentence(lines[j].body)


def lost_characters(repairs: Sequence[Repair]) -> Counter[str]:
    """Non-space characters the repairs removed on purpose (the second copy of doubled glyphs)."""
    lost: Counter[str] = Counter()
    for r in repairs:
        if r.kind == "undouble_headline":
            lost.update(nonspace(r.before))
            lost.subtract(nonspace(r.after))
    return +lost
