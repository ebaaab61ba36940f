"""Text repair, paragraph ends in copies without blank lines, from the copy's own statistics."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportgen.readers.repair.chars import (
    ITEM_START_RE,
    NUMBERED_HEADING_RE,
    ends_sentence,
    nonspace,
)
from reportgen.readers.repair.lines import MAX_COLUMN_EM, ROOM_EM

if TYPE_CHECKING:
    from reportgen.readers.repair.lines import Line, _Columns


# A copy's own wraps tell how closely its widths can be measured (:class:`_FullStops`), given
# this many lines broken off mid-word; a line ending a sentence that leaves SLACK_MARGIN more
# room than any of them ended its paragraph.
SLACK_SAMPLES = 20
SLACK_MARGIN = 0.5
# A topic sentence opening a paragraph: a short sentence without clauses.
TOPIC_MAX = 12
TOPIC_RE = re.compile(rf"^[^，、；：,;:。！？!?]{{2,{TOPIC_MAX}}}[。！？!?]")
ADDRESSES = ("各位代表",)
HEADING_LINES = 4  # a numbered heading's full stop, if any, comes within this many lines
# A sentence's end in running text, with the closing marks after it.
STOP_RE = re.compile(r"[。！？!?…]+[”’」』）)]*")


@dataclass(frozen=True)
class _FullStops:
    """What a copy without blank lines tells about a line that ends a sentence and fills its
    column – a paragraph end, or a wrap that happens to fall after a full stop (as often as not
    in newspaper text: a full stop is as likely as any other character to be the last of a
    line). All of it is counted in the copy itself:

    * ``spare``: the room beyond the next line's first word after which a line ending a
      sentence was not wrapped – a little more than the most that any line broken off
      mid-word leaves (0 in a clean copy, up to 2 em in a justified newspaper one);
    * ``ends``: how many paragraph ends to expect among the full lines ending a sentence. The
      last lines of paragraphs fall anywhere across the column, so the short ones seen say how
      many fell into the last few em of it, where they look full;
    * ``wraps``: how many wraps to expect among them: wraps end after a comma as often as the
      text has commas, and after a full stop as often as it has full stops inside paragraphs;
    * ``cue_odds``: how much likelier a paragraph than a sentence inside one is to open with a
      topic sentence ("积极扩大有效投资。") or an address ("各位代表"), from the lines after
      the short last lines (paragraph starts) and the sentences starting inside lines (never a
      paragraph start in such a copy); ``plain_odds``, the same for the other openings;
    * ``flush_odds``: how much likelier a paragraph start than the line after a wrap is to
      start without an indent (next to nothing where the copy kept its paragraphs' indents);
    * ``run_in``, ``stand_alone``: numbered headings ending in a full stop that go on with
      their text on the same line ("（一）经济增长进一步加快。2011年，……"), and that end
      their line short of the column, on their own.
    """

    spare: float
    ends: float
    wraps: float
    cue_odds: float
    plain_odds: float
    flush_odds: float
    run_in: int = 0
    stand_alone: int = 0

    def ends_paragraph(self, nxt: str) -> bool:
        """Is a full line ending a sentence, followed by ``nxt`` (the text from the next line
        on, not indented), more likely a paragraph end than a wrap?"""
        odds = self.cue_odds if _opens_paragraph(nxt) else self.plain_odds
        return self.ends * odds * self.flush_odds > self.wraps


def full_stops(cols: _Columns, text_from: int) -> _FullStops | None:
    """What this copy's own lines of running text (from ``text_from`` on) say about a line
    that ends a sentence and leaves no room (see :class:`_FullStops`); computed once per
    :class:`~reportgen.readers.repair.lines._Columns`."""
    if text_from not in cols._full_stops:
        cols._full_stops[text_from] = _full_stop_evidence(cols, text_from)
    return cols._full_stops[text_from]


def _full_stop_evidence(cols: _Columns, text_from: int) -> _FullStops | None:
    """:class:`_FullStops` from the running text of ``cols.lines`` (from ``text_from`` on);
    None where too few lines broken off mid-word tell how closely widths can be measured."""
    lines = cols.lines
    mid_word = {j for k in range(len(cols.runs)) for j in cols._mid_word_lines(k)}
    # Each line of running text with the line after it in its run (None at the end of a run).
    pairs: list[tuple[int, int | None]] = []
    for i in range(text_from, len(lines)):
        if i in cols.skip or lines[i].em > MAX_COLUMN_EM:
            continue
        nxt = i + 1 if i + 1 < len(lines) and not lines[i + 1].blank_before else None
        pairs.append((i, None if nxt in cols.skip else nxt))
    # Lines broken off mid-word, and the room each leaves: wraps, but for an unpunctuated
    # heading's end (more room than the room rule allows) or a line before a new item.
    wrapped: list[tuple[int, float]] = []
    for i, nxt in pairs:
        column = cols.settled(i)
        if nxt is None or column is None or i not in mid_word:
            continue
        room = column.room(lines[i], lines[nxt])
        if room < ROOM_EM and not ITEM_START_RE.match(lines[nxt].body):
            wrapped.append((nxt, room))
    if len(wrapped) < SLACK_SAMPLES:
        return None
    spare = max(0.0, min(ROOM_EM, max(r for _, r in wrapped) + SLACK_MARGIN))

    ends = 0.0  # expected paragraph ends among the full lines ending a sentence
    ended = 0  # lines seen to end a sentence and their paragraph
    comma_wraps = 0  # full lines ending with a comma: wraps
    starts = [0, 0, 0]  # paragraph starts seen: all, opening with a cue, not indented
    inside = [0, 0]  # sentences starting inside a line: all, opening with a cue
    stops = commas = 0
    for i, nxt in pairs:
        text = lines[i].body
        following = _following(lines, i)
        for m in STOP_RE.finditer(text):
            stops += 1
            if m.end() < len(text):
                inside[0] += 1
                inside[1] += _opens_paragraph(text[m.end() :] + following)
        commas += len(re.findall("[，、]", text))
        if not ends_sentence(text):
            column = cols.settled(i)
            if nxt is not None and column is not None and text.endswith(("，", "、")):
                comma_wraps += column.room(lines[i], lines[nxt]) < spare
            continue
        column = cols.settled(i)
        if nxt is None or lines[nxt].indented or ITEM_START_RE.match(lines[nxt].body):
            ended += 1
        elif column is not None and not lines[i].stretched:
            if column.room(lines[i], lines[nxt]) < spare:
                continue  # the lines in question
            ended += 1
            starts[0] += 1
            starts[1] += _opens_paragraph(following)
            starts[2] += not lines[nxt].indented
            # The last lines of paragraphs spread evenly over the column: for each one seen
            # short, this many fell into its full end (the room spared, the next word and a
            # full stop hanging past the edge, which a plain-text wrap does not do).
            full = spare + column.lead(lines[nxt]) + (0.0 if column.by_chars else 1.0)
            if column.width > 2 * full:
                ends += full / (column.width - full)
    inner_stops = max(0.0, stops - ended - ends)
    # Shares by Laplace's rule of succession: few samples say little either way.
    wraps = inner_stops * (comma_wraps + 1) / (commas + 2)
    p_cue = (starts[1] + 1) / (starts[0] + 2)
    p_cue_inside = (inside[1] + 1) / (inside[0] + 2)
    p_flush = (starts[2] + 1) / (starts[0] + 2)
    p_flush_wrapped = (sum(not lines[j].indented for j, _ in wrapped) + 1) / (len(wrapped) + 2)
    run_in, stand_alone = _heading_stops(cols, [i for i, _ in pairs], spare)
    return _FullStops(
        spare,
        ends,
        wraps,
        cue_odds=p_cue / p_cue_inside,
        plain_odds=(1 - p_cue) / (1 - p_cue_inside),
        flush_odds=p_flush / p_flush_wrapped,
        run_in=run_in,
        stand_alone=stand_alone,
    )


def _heading_stops(cols: _Columns, body: list[int], spare: float) -> tuple[int, int]:
    """How many numbered headings among the lines ``body`` go on with their text after their
    full stop on the same line, and how many stop short of the column there (see
    :class:`_FullStops`)."""
    lines = cols.lines
    run_in = stand_alone = 0
    for i in body:
        if not NUMBERED_HEADING_RE.match(lines[i].body):
            continue
        j = i  # the line with the heading's full stop, within its run
        while not STOP_RE.search(lines[j].body) and j + 1 < min(len(lines), i + HEADING_LINES):
            if lines[j + 1].blank_before:
                break
            j += 1
        stop = STOP_RE.search(lines[j].body)
        if stop is None:
            continue  # no full stop: a heading on its own, of the kind without one
        if stop.end() < len(lines[j].body):
            run_in += 1
            continue
        nxt = j + 1 if j + 1 < len(lines) and not lines[j + 1].blank_before else None
        column = cols.settled(j)
        stand_alone += (
            nxt is None
            or lines[nxt].indented
            or (column is not None and column.room_left(lines[j], lines[nxt], spare))
        )
    return run_in, stand_alone


def _following(lines: Sequence[Line], i: int) -> str:
    """The text of the lines after line ``i`` in its run, as far as a topic sentence reaches."""
    out = ""
    for j in range(i + 1, len(lines)):
        if lines[j].blank_before or len(out) > TOPIC_MAX:
            break
        out += lines[j].body
    return out


def _opens_paragraph(text: str) -> bool:
    """``text`` opens the way paragraphs of a report often do: a short topic sentence without
    clauses ("积极扩大有效投资。", "各位代表！") or an address to the deputies."""
    t = nonspace(text)
    return t.startswith(ADDRESSES) or bool(TOPIC_RE.match(t))
