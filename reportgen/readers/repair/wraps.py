"""Text repair, hard wraps and column breaks: does a line run on, and what goes between the two."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportgen.readers.repair.chars import (
    ITEM_START_RE,
    NUMBERED_HEADING_RE,
    _ends_clause,
    ends_sentence,
    is_cjk,
    is_ideograph,
)
from reportgen.readers.repair.fullstops import _following, full_stops
from reportgen.readers.repair.lines import (
    FULL_LINE,
    INDENT_EM,
    MAX_COLUMN_EM,
    OVERHANG_EM,
    ROOM_EM,
    Line,
    _Columns,
    _lead_em,
)

if TYPE_CHECKING:
    from reportgen.readers.repair import Unit


SHORT_LAST_LINE = 0.6  # without a blank line, a line this short ends its paragraph
# A heading or front-matter line is set on its own: it goes on to the next line only when it
# leaves less than this much room beyond the next line's first word.
FULL_HEADING_ROOM = 1.0
# A complete subtitle ("——2019年3月5日在第十三届全国人民代表大会第二次会议上") never runs on.
SUBTITLE_RE = re.compile(
    r"^(?:——|—|-{2,4})\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.*上$"
)
RUN_IN_REST = 8  # the rest of a run-in heading after a column break ends this soon …
RUN_IN_MAX = 48  # … or goes on with its clauses, the whole heading no longer than this
LATIN_TAIL_RE = re.compile(r"[A-Za-z0-9]+$")
LATIN_HEAD_RE = re.compile(r"[A-Za-z0-9]+")


def join_separator(left: str, right: str) -> str:
    """What goes between two joined line fragments: nothing in CJK text, a space between two
    Latin words or numbers (``"…the" + "report"``)."""
    if not left or not right:
        return ""
    a, b = left[-1], right[0]
    if is_cjk(a) or is_cjk(b):
        return ""
    if a == "-" and b.isalpha() and b.islower():
        return ""  # hyphenated word broken at the line end: keep the hyphen, no space
    if (a.isdigit() or a in ".,") and (b.isdigit() or b in ".,%") or a.isdigit() and b in ".,%":
        return ""  # a number broken at the line end ("235." + "2亿元")
    tail, head = LATIN_TAIL_RE.search(left), LATIN_HEAD_RE.match(right)
    if (
        tail
        and head
        and tail.start() > 0
        and is_cjk(left[tail.start() - 1])
        and head.end() < len(right)
        and is_cjk(right[head.end()])
    ):
        return ""  # an abbreviation set in Chinese text, cut by a plain-text wrap ("GD" + "P增速")
    # Between words of Latin text the line break stood for a space; around other symbols
    # ("2" + "×35万千瓦") it did not.
    if (a.isalnum() or a in ".,;:!?)]\"'") and (b.isalnum() or b in "([\"'"):
        return " "
    return ""


def _joins(
    lines: Sequence[Line],
    a: int,
    b: int,
    cols: _Columns,
    special: dict[int, Unit],
    so_far: str,
    so_far_lines: int = 1,
    text_from: int = 0,
) -> bool:
    """Does line ``b`` continue the paragraph that line ``a`` is in? (``a`` < ``b`` body lines,
    possibly with headings/markers between them, which were lifted out of the flow; lines before
    ``text_from`` have no clause punctuation.)"""
    prev, nxt = lines[a], lines[b]
    gap = nxt.blank_before or any(k in special for k in range(a + 1, b))
    p, n = prev.body, nxt.body
    if prev.em > MAX_COLUMN_EM:
        return False  # a whole paragraph on one line (already repaired text, or a plain report)
    if nxt.indented or ITEM_START_RE.match(n):
        return False
    if ends_sentence(p) and gap:
        return False
    if not gap:
        return _wraps(lines, a, b, cols, so_far, front=a < text_from, text_from=text_from)
    if (
        gap
        and NUMBERED_HEADING_RE.match(so_far)
        and len(so_far) <= 60
        and not re.search(r"[。！？!?]", so_far)
    ):
        # "（一）加快产业发展，切实做强做优县域经济" + blank line is a whole heading, even when it
        # fills its line; only a run-in heading broken by the column ("（六）……生态建设再创" +
        # blank + "佳绩。环境保护……") goes on, and then its full stop comes at once.
        # The rest of such a heading is short or goes on with its clauses (a comma), and the
        # line before the break is full to the last em.
        w = cols.width(a)
        ahead = n
        k = b + 1
        while k < len(lines) and not lines[k].blank_before and len(ahead) < 60:
            ahead += lines[k].body
            k += 1
        if not (w and prev.em >= w - 1.0):
            return False
        if nxt.blank_after and not _ends_clause(n) and nxt.em < 0.5 * w:
            return True  # the heading's own last word, carried over: "……保障和改善民" + "生"
        stop = re.search(r"[。！？!?]", ahead)
        if not stop:
            return False
        rest = ahead[: stop.start()]
        if len(so_far) + len(rest) > RUN_IN_MAX:
            return False
        return (
            len(rest) <= RUN_IN_REST
            or p.endswith(("，", ",", "、"))
            or bool(re.search(r"[，,]", rest))
            or so_far_lines >= 2  # longer than a line: not one of the short pure headings
            or len(re.split(r"[，,、]", so_far)[-1]) <= 3  # its last clause has barely begun
        )
    # A blank line after a line that stops mid-sentence: a column break if the line is full and
    # the next column goes on (a one-line run that stops mid-sentence again is a separate piece).
    if not (_ends_clause(n) or (b + 1 < len(lines) and not lines[b + 1].blank_before)):
        return False
    w = cols.width(a)
    if w is None:
        return prev.justified  # no column to measure against, but stretched to one
    if prev.core_em > w + OVERHANG_EM:
        return False  # wider than the column: a line set above the columns (a subtitle)
    # Full for its column, or stretched to it (its gaps show as spaces in the copy).
    return prev.core_em >= FULL_LINE * w or (prev.justified and prev.core_em >= 0.5 * w)


def _wraps(
    lines: Sequence[Line],
    a: int,
    b: int,
    cols: _Columns,
    so_far: str,
    *,
    front: bool,
    text_from: int = 0,
) -> bool:
    """No blank line between body lines ``a`` and ``b``: is ``a`` wrapped onto ``b``, or does its
    paragraph end there? (Copies from a PDF viewer often show no blank lines at all.) ``front``:
    no running text before ``a`` – title, subtitle and byline lines."""
    prev, nxt = lines[a], lines[b]
    p = prev.body
    if _whole_heading(so_far) or (front and any(is_ideograph(c) for c in so_far)):
        # A heading or front-matter line stands alone unless it is too long for its line and
        # carries on: then it fills the line, up to the next line's first word.
        if ends_sentence(p) and not front:
            # A numbered heading that fills its line up to its full stop: a run-in heading
            # goes on with its text, where the copy's other headings do ("（一）……。2011年，……").
            evidence = full_stops(cols, text_from)
            column = cols.settled(a)
            return (
                evidence is not None
                and evidence.run_in > evidence.stand_alone
                and column is not None
                and not prev.stretched
                and not column.room_left(prev, nxt, evidence.spare)
            )
        if ends_sentence(p) or SUBTITLE_RE.match(so_far):
            return False
        column = cols.settled(a)
        if column is not None:
            return not column.room_left(prev, nxt, FULL_HEADING_ROOM)
        w = cols.width(a)
        return w is not None and w - _set_em(prev) < _lead_em(nxt.body) + FULL_HEADING_ROOM
    column = cols.settled(a)
    if column is not None:
        # The next line's first word would have fitted on this one: it was not wrapped.
        # A stretched line (its copy shows the gaps) was full, whatever its glyphs measure.
        evidence = full_stops(cols, text_from) if ends_sentence(p) and not prev.stretched else None
        if evidence is None:
            return not column.room_left(prev, nxt, ROOM_EM)
        # After a full stop, "fitted" is measured against this copy's own wraps; a full line
        # ends its paragraph where the copy's statistics make that the likelier reading.
        if column.room_left(prev, nxt, evidence.spare):
            return False
        return not evidence.ends_paragraph(nxt.body + _following(lines, b))
    w = cols.width(a)
    if w is None:
        return True  # nothing to measure against: a wrap, as most lines are
    # A short line ends its paragraph – unless it was stretched to the column's width.
    return prev.justified or prev.core_em >= SHORT_LAST_LINE * w


def _set_em(line: Line) -> float:
    """How much of its column a line takes: its glyphs, and the indent of a paragraph's first
    line (two characters, however the copy shows it)."""
    return line.em + (INDENT_EM if line.indented else 0.0)


def _whole_heading(so_far: str) -> bool:
    """A numbered heading ("一、2013年工作回顾", "（一）……") that has not yet run into text: no
    full stop but (perhaps) its last character. A run-in heading with its text after the stop
    ("（一）经济增长进一步加快。2011年……") is a paragraph."""
    return bool(NUMBERED_HEADING_RE.match(so_far)) and not re.search(r"[。！？!?]", so_far[:-1])
