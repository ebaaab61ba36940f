"""Text repair, line widths: the copy's lines, their widths in em, the column each was set in."""

from __future__ import annotations

import bisect
import functools
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from reportgen.readers.repair.chars import (
    CLOSING_MARKS,
    NUMBERED_HEADING_RE,
    OPENING_MARKS,
    SPACES,
    _ends_clause,
    display_width,
    is_cjk,
    is_space,
    nonspace,
)
from reportgen.readers.repair.spaces import space_spans

if TYPE_CHECKING:
    from reportgen.readers.repair.fullstops import _FullStops


MAX_COLUMN_EM = 60.0  # wider than any newspaper column: such a line is a whole paragraph
FULL_LINE = 0.8  # a column-break line fills at least this share of its column
OVERHANG_EM = 2.0  # a column line is never wider than its column but for a hanging mark
# A line leaving this much room beyond the next line's first word was not wrapped: justified
# copies fall up to 2 em short of their column (CJK punctuation set half-width, narrow digits).
ROOM_EM = 2.5
INDENT_EM = 2.0  # a paragraph's first line is indented two characters
# The room rule measures a line against this many lines broken off mid-word nearest it in its
# run on either side (a side with fewer does not count): enough for their upper median to be the
# column's width, few enough to stay in one column where a run goes on into the next.
SETTLED_WINDOW = 5


@dataclass(frozen=True)
class Line:
    """One non-blank input line: its text without the newline, and where it sits in the raw text."""

    text: str
    start: int
    end: int
    blank_before: bool  # a blank line (or the start of the text) precedes it
    blank_after: bool = False
    indented: bool = False
    # Widths and the body are cached on first use (cached_property writes the instance's
    # __dict__, which a frozen dataclass allows): the column rules measure every line often.

    @functools.cached_property
    def body(self) -> str:
        return self.text.strip(SPACES)

    @property
    def body_start(self) -> int:
        return self.start + len(self.text) - len(self.text.lstrip(SPACES))

    @property
    def body_end(self) -> int:
        return self.start + len(self.text.rstrip(SPACES))

    @functools.cached_property
    def justified(self) -> bool:
        """Spaces next to CJK characters inside the line: the copy shows the gaps of a line
        stretched to its column's width – a full line (a paragraph's last line is never
        stretched)."""
        body = self.body
        return any(s > 0 and e < len(body) for s, e in space_spans(body))

    @functools.cached_property
    def stretched(self) -> bool:
        """Spaces between two CJK characters inside the line: the gaps of a line stretched to
        its column. (A space between Chinese and a number or Latin word may only show a change
        of font, as in "技能培训 140期".)"""
        body = self.body
        return any(
            s > 0 and e < len(body) and is_cjk(body[s - 1]) and is_cjk(body[e])
            for s, e in space_spans(body)
        )

    @functools.cached_property
    def word_spaces(self) -> str:
        """The spaces that are content (between two Latin words or numbers, "3.6 : 48"): set in
        the line, they took room, unlike justification spaces."""
        body = self.body
        gaps = {k for s, e in space_spans(body) for k in range(s, e)}
        return "".join(c for k, c in enumerate(body) if is_space(c) and k not in gaps)

    @property
    def letter_spaced(self) -> bool:
        """Stretched, and not set as phrases of two or more characters the way a headline is."""
        body = self.body
        return any(s > 0 and e < len(body) for s, e in space_spans(body, phrases=True))

    @functools.cached_property
    def core_em(self) -> float:
        """Printed width without a closing mark at its end, which may hang past the column."""
        body = nonspace(self.body)
        return display_width(body[:-1] if body.endswith(tuple(CLOSING_MARKS)) else body)

    @functools.cached_property
    def core_chars(self) -> int:
        """Characters, as :attr:`core_em` counts them (a copy may come from text set with every
        character one wide, digits too)."""
        body = nonspace(self.body)
        return len(body) - (1 if body.endswith(tuple(CLOSING_MARKS)) else 0)

    @functools.cached_property
    def em(self) -> float:
        """Printed width of the line's glyphs. Spaces do not count: justification spaces only
        fill a line out to its column, and stray ones should not make a line look full."""
        return display_width(nonspace(self.body))


def split_lines(raw: str) -> list[Line]:
    """The non-blank lines of ``raw`` with their offsets; whitespace-only lines count as blank."""
    out: list[Line] = []
    pos = 0
    blank = True
    for text in raw.split("\n"):
        start, end = pos, pos + len(text)
        pos = end + 1
        if not text.strip(SPACES):
            blank = True
            if out:
                out[-1] = replace(out[-1], blank_after=True)
            continue
        lead = text[: len(text) - len(text.lstrip(SPACES))]
        indented = display_width(lead) >= 1.0 and len(lead) >= 2 or "\u3000" in lead
        out.append(Line(text, start, end, blank_before=blank, indented=indented))
        blank = False
    if out:
        out[-1] = replace(out[-1], blank_after=True)
    return out


def _runs_of(lines: Sequence[Line]) -> list[list[int]]:
    """Indices of lines grouped into runs (consecutive lines without a blank line between)."""
    runs: list[list[int]] = []
    for i, ln in enumerate(lines):
        if ln.blank_before or not runs:
            runs.append([i])
        else:
            runs[-1].append(i)
    return runs


@dataclass(frozen=True)
class _Column:
    """A column's width, in em – or in characters where the text was wrapped by a plain-text
    tool, which counts digits and Latin letters as wide as Chinese."""

    width: float
    by_chars: bool = False

    def lead(self, line: Line) -> float:
        """The width of ``line``'s first word (:func:`_lead`), as this column counts it."""
        lead = _lead(line.body)
        return float(len(lead)) if self.by_chars else display_width(lead)

    def room(self, line: Line, nxt: Line) -> float:
        """How much room ``line`` leaves beyond the first word of ``nxt`` (negative: the word
        did not fit, ``line`` was wrapped)."""
        indent = INDENT_EM if line.indented else 0.0
        if self.by_chars:
            used = len(nonspace(line.body)) + len(line.word_spaces)
        else:
            used = line.em + display_width(line.word_spaces)
        return self.width - used - indent - self.lead(nxt)

    def room_left(self, line: Line, nxt: Line, spare: float) -> bool:
        """``line`` leaves room for the first word of ``nxt`` and ``spare`` more: it was not
        wrapped."""
        return self.room(line, nxt) >= spare


class _Columns:
    """Estimates the column width a line was wrapped at, from the wrapped runs around it."""

    def __init__(self, lines: Sequence[Line], skip: set[int]) -> None:
        self.lines = lines
        self.run_of: dict[int, int] = {}
        self.runs = _runs_of(lines)
        for k, r in enumerate(self.runs):
            for i in r:
                self.run_of[i] = k
        self.skip = skip
        self._cache: dict[int, list[float]] = {}
        self._mid_word: dict[int, list[int]] = {}
        self._chars_runs: dict[int, bool] = {}
        self._full_stops: dict[int, _FullStops | None] = {}
        self._settled: dict[int, _Column | None] = {}
        everything = [w for k in range(len(self.runs)) for w in self._samples(k)]
        self.overall = _upper_median(everything) if everything else None

    def _samples(self, k: int) -> list[float]:
        """Widths of the wrapped (non-last) lines of run ``k``; not of a stretched line, whose
        glyphs fill less than its column."""
        got = self._cache.get(k)
        if got is None:
            got = self._cache[k] = [self.lines[i].core_em for i in self._wrapped(k)]
        return got

    def _wrapped(self, k: int) -> list[int]:
        r = [i for i in self.runs[k] if i not in self.skip]
        return [
            i
            for i in r[:-1]
            if self.lines[i].em <= MAX_COLUMN_EM
            and not self.lines[i].indented
            and not self.lines[i].justified
        ]

    def width(self, i: int) -> float | None:
        """The width of the column line ``i`` was set in: its own run's wrapped lines, else the
        runs around it, else the whole text's."""
        own = self._own(i)
        if own is not None:
            return own
        # A short run: the columns before and after it may differ (the break may come right after
        # this line, a lead may be set wider, a wide introduction may follow a narrow column); the
        # line belongs to the one whose width is nearest its own.
        em = self.lines[i].core_em
        estimates = self._around(i)
        if not estimates:
            return self.overall
        return min(estimates, key=lambda w: abs(w - em))

    def _own(self, i: int) -> float | None:
        own = self._samples(self.run_of[i])
        return _upper_median(own) if len(own) >= 2 else None

    def settled(self, i: int) -> _Column | None:
        """The width of line ``i``'s column, from the lines broken off mid-word nearest it in its
        own run: where no blank line parts the paragraphs, a run's other lines are mostly
        paragraph ends of any width, and a run may go on from one column into another without a
        blank line. Measured on either side of the line, the narrower wins (at a change of
        column, the column the line may belong to); None without enough such lines."""
        if i not in self._settled:
            self._settled[i] = self._settle(i)
        return self._settled[i]

    def _settle(self, i: int) -> _Column | None:
        idx = self._mid_word_lines(self.run_of[i])
        p = bisect.bisect_left(idx, i)
        q = p + 1 if p < len(idx) and idx[p] == i else p
        sides = [
            [self.lines[j] for j in side]
            for side in (idx[max(0, p - SETTLED_WINDOW) : p], idx[q : q + SETTLED_WINDOW])
            if len(side) == SETTLED_WINDOW
        ]
        if not sides:
            return None
        by_chars = self._by_chars(self.run_of[i])
        return _Column(
            min(
                _upper_median([float(ln.core_chars) if by_chars else ln.core_em for ln in side])
                for side in sides
            ),
            by_chars,
        )

    def _by_chars(self, k: int) -> bool:
        """Were run ``k``'s lines wrapped at a number of characters rather than a width? Then
        its lines broken off mid-word agree on their number of characters more closely than on
        their width (they differ where they hold digits or Latin letters)."""
        got = self._chars_runs.get(k)
        if got is None:
            lines = [self.lines[j] for j in self._mid_word_lines(k)]
            ems = [ln.core_em for ln in lines]
            chars = [float(ln.core_chars) for ln in lines]
            got = self._chars_runs[k] = bool(lines) and _spread(chars) < _spread(ems)
        return got

    def _mid_word_lines(self, k: int) -> list[int]:
        """Wrapped lines of run ``k`` that break off mid-word (no clause mark at the end, no
        numbered heading)."""
        got = self._mid_word.get(k)
        if got is None:
            got = self._mid_word[k] = [
                j
                for j in self._wrapped(k)
                if not _ends_clause(self.lines[j].body)
                and not NUMBERED_HEADING_RE.match(self.lines[j].body)
            ]
        return got

    def _around(self, i: int) -> list[float]:
        k = self.run_of[i]
        own = self._samples(k)
        estimates = []
        for side in ((k - 1, k - 2, k - 3), (k + 1, k + 2, k + 3)):
            pool = list(own)
            for kk in side:
                if 0 <= kk < len(self.runs) and len(pool) < 3:
                    pool.extend(self._samples(kk))
            if pool:
                estimates.append(_upper_median(pool))
        return estimates


def _lead(text: str) -> str:
    """What a line starts with that could not have ended the line above on its own: a character
    (after any opening marks) or a whole Latin word or number, with the closing marks after it,
    which never start a line."""
    body = nonspace(text)
    k = 0
    while k < len(body) and body[k] in OPENING_MARKS:
        k += 1
    m = re.match(r"[A-Za-z0-9.]+", body[k:])
    k += m.end() if m else 1
    while k < len(body) and body[k] in CLOSING_MARKS:
        k += 1
    return body[:k]


def _lead_em(text: str) -> float:
    return display_width(_lead(text))


def _spread(xs: list[float]) -> float:
    """How far values fall below their upper median, on average."""
    top = _upper_median(xs)
    return sum(abs(top - x) for x in xs) / len(xs)


def _upper_median(xs: list[float]) -> float:
    xs = sorted(xs)
    return statistics.median(xs[len(xs) // 2 :]) if len(xs) > 2 else max(xs)
