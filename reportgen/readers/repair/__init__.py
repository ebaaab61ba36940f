"""Pure text repairs for text copied out of a newspaper PDF (no I/O, no document tree).

What the copy damages, and what is undone here:

* **hard wraps** – every column line ends with a line break, mid-word ("基础设|施");
* **column breaks** – a blank line where a paragraph runs on into the next column
  ("强化教育基础设" + blank line + "施，新增学位"), while real paragraph breaks are blank lines too;
* **doubled headline glyphs** – a headline printed with an outline/shadow font comes out twice, per
  phrase ("优化空间布局优化空间布局 促进城乡融合促进城乡融合") or per font run ("精彩精彩··20232023");
* **justification spaces** – spaces between CJK characters and around numbers ("建 设 ， 争 取",
  "5441.5 万 元"); spaces between two Latin words or numbers are content and stay.

:func:`repair` turns raw text into :class:`Unit` s (title, byline, headings, part markers and
paragraphs) with their spans in the raw text, and records every change as a
:class:`~reportgen.model.Repair` whose ``before`` is exactly ``raw[start:end]``.
:meth:`Repaired.text` is the repaired text, one unit per line with blank lines between units, and
repairing it again changes nothing.

Paragraph boundaries (the layout is lost, so the decisions rest on the text and line widths):

* a blank line after a line that ends a sentence (。！？… optionally closed by ”）) is a paragraph
  break. A column that ends exactly on a full stop therefore splits its paragraph: the copy
  cannot tell that break from a paragraph break (no text is lost either way);
* a blank line after a line that stops mid-sentence is a column break – the paragraph runs on –
  when that line is *full* for its column (a column only breaks after its last, full line) and the
  text after the blank goes on; a short line there, or one wider than the column (a subtitle set
  above the columns), ends its block. A numbered heading ("（一）……") with no full stop followed by
  a blank line is a whole heading, unless it is a run-in heading broken by the column (its full
  stop follows soon);
* consecutive lines join unless the next one is indented or starts a numbered heading or a "——"
  item, or the first one stops short of its column: a typesetter breaks a line only where the
  next word no longer fits, so a line that leaves room for the next line's first word (with
  :data:`ROOM_EM` to spare for the slack of real copies) ended its paragraph, whether it ends in a
  full stop or not. Copies without blank lines between paragraphs rest on this. After a full
  stop the copy's own statistics decide (:class:`.fullstops._FullStops`): the room its wraps leave says how
  closely it can be measured (a clean copy to the em: then a line with room for the next word
  ended), and a line that fills its column up to a full stop – a wrap as often as not in
  newspaper text – ends its paragraph only where the copy makes that likelier: how many
  paragraph ends fall into a column's last em (from the short last lines seen) against how
  many wraps fall after a full stop (from those after a comma), weighed by how the next line
  opens (a topic sentence, "各位代表", an indent) compared with the paragraphs and sentences
  of the same copy. A paragraph whose last line ends at its column's edge and whose neighbour
  opens like any sentence still runs on into it. A numbered heading ("一、……", "（一）……") or
  a front-matter line (title, subtitle, byline: before the first line with punctuation) ends
  where it does not fill its line; a numbered heading that fills its line up to its full stop
  goes on where the copy's other headings run in ("（一）……。2011年，……").
  Where the column cannot be measured that closely (too few lines), a line ends its paragraph
  when it is much shorter than its column and not stretched;
* "full" is measured in em (CJK characters 1, Latin letters and digits ½, a closing mark that may
  hang past the column not counted) against the column's width, estimated from the other wrapped
  lines of the run, else of the runs around it – for the room a line leaves, from the nearest
  lines of its run broken off mid-word (:data:`SETTLED_WINDOW`). A line whose copy shows spaces
  between CJK characters was stretched to its column: before a blank line it is full whatever
  its glyphs measure. A line wider than any newspaper column (:data:`MAX_COLUMN_EM`) is a whole
  paragraph, never a wrap.

Headlines: a line standing alone (blank lines around it) that is doubled, or set as phrases
("优化空间布局 促进城乡融合"), or – in a newspaper spread – short, unpunctuated and after a
finished sentence, and that is not simply a full line of the column around it. A repeated word or
sentence inside the text is never undoubled.

One module per kind of damage, each importing only those before it (type hints aside):
:mod:`.chars` (character classes, widths in em, the marks that end sentences or start items),
:mod:`.spaces` (justification spaces), :mod:`.lines` (the copy's lines and the column each was
set in), :mod:`.fullstops` (paragraph ends after a full stop, from the copy's own statistics),
:mod:`.headlines` (doubled glyphs, part markers, stand-alone headlines) and :mod:`.wraps` (hard
wraps and column breaks). :func:`repair` here runs the steps in order and builds the units.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.model import Repair
from reportgen.readers.repair.chars import (
    CLAUSE_PUNCT_RE,
    ITEM_START_RE,
    SPACE_RE,
    SPACES,
    char_em,
    display_width,
    ends_sentence,
    is_cjk,
    is_ideograph,
    nonspace,
)
from reportgen.readers.repair.headlines import (
    _after_sentence,
    _is_headline_text,
    _off_column,
    _phrased,
    lost_characters,
    marker_of,
    undouble,
)
from reportgen.readers.repair.lines import (
    MAX_COLUMN_EM,
    ROOM_EM,
    SETTLED_WINDOW,
    Line,
    _Columns,
    split_lines,
)
from reportgen.readers.repair.spaces import _record_spaces, remove_spaces, space_spans
from reportgen.readers.repair.wraps import _joins, join_separator
from reportgen.structure import BYLINE_RE, SOURCE_COMMENT_RE

# What the readers and tests use; each name lives in the module of its kind of damage.
__all__ = [
    "BYLINE",
    "CLAUSE_PUNCT_RE",
    "HEADING",
    "ITEM_START_RE",
    "MARKER",
    "MAX_COLUMN_EM",
    "PARAGRAPH",
    "ROOM_EM",
    "SETTLED_WINDOW",
    "SPACES",
    "TITLE",
    "Line",
    "Repaired",
    "Unit",
    "char_em",
    "display_width",
    "ends_sentence",
    "is_cjk",
    "is_ideograph",
    "join_separator",
    "lost_characters",
    "marker_of",
    "nonspace",
    "remove_spaces",
    "repair",
    "space_spans",
    "split_lines",
    "undouble",
]


TITLE, BYLINE, HEADING, MARKER, PARAGRAPH = "title", "byline", "heading", "marker", "paragraph"


@dataclass(frozen=True)
class Unit:
    """A repaired piece of the text: a title, byline, heading, part marker or paragraph.

    ``start``/``end`` span the raw text it came from; ``line_index`` is the index (in
    :func:`split_lines` order) of its first line, so readers can tell where a heading stood.
    """

    kind: str
    text: str
    start: int
    end: int
    line_index: int = 0
    raw: str = ""


@dataclass
class Repaired:
    """What :func:`repair` gives: the units in text order, the repairs, and whether the text looks
    like a newspaper spread (a byline, part markers or doubled headlines)."""

    units: list[Unit]
    repairs: list[Repair]
    newspaper: bool = False

    def text(self) -> str:
        """The repaired text: title and byline on the first lines, then one unit per line with a
        blank line between units. Repairing it again changes nothing."""
        head = [u.text for u in self.units if u.kind in (TITLE, BYLINE)]
        rest = [u.text for u in self.units if u.kind not in (TITLE, BYLINE)]
        parts = []
        if head:
            parts.append("\n".join(head))
        parts.extend(rest)
        return "\n\n".join(parts) + ("\n" if parts else "")


def repair(raw: str) -> Repaired:
    """Repair text copied out of a (newspaper) PDF: see the module docstring."""
    lines = split_lines(raw)
    repairs: list[Repair] = []
    units: list[Unit] = []
    special: dict[int, Unit] = {}

    # 1. Title and byline: a byline among the first lines makes the lines above it the title.
    first = 0
    for i, ln in enumerate(lines[:4]):
        if BYLINE_RE.fullmatch(ln.body) and display_width(ln.body) <= 30:
            if i >= 1 and all(
                _is_headline_text(x.body) or display_width(x.body) <= 40 for x in lines[:i]
            ):
                title_lines = lines[:i]
                ttext = " ".join(remove_spaces(x.body, phrases=True) for x in title_lines)
                _record_spaces(repairs, title_lines, phrases=True)
                units.append(
                    Unit(
                        TITLE,
                        ttext,
                        title_lines[0].body_start,
                        title_lines[-1].body_end,
                        0,
                        raw[title_lines[0].body_start : title_lines[-1].body_end],
                    )
                )
            units.append(
                Unit(BYLINE, _clean_byline(ln.body), ln.body_start, ln.body_end, i, ln.body)
            )
            first = i + 1
            break

    # 2. Doubled headlines, part markers and (in a newspaper) stand-alone headlines.
    doubled: dict[int, tuple[str, str]] = {}
    for i in range(first, len(lines)):
        ln = lines[i]
        if not (ln.blank_before or ln.blank_after):
            continue  # a line inside a run is body text, even if it happens to repeat itself
        d = undouble(ln.body)
        # A headline stands alone; a part marker may run into the text below it ("精彩·2023").
        if d is not None and (ln.blank_before and ln.blank_after or marker_of(d[0])):
            doubled[i] = d
    newspaper = bool(doubled) or bool(units) or any(marker_of(ln.body) for ln in lines[first:])
    cols0 = _Columns(lines, set(doubled) | set(range(first)))
    for i in range(first, len(lines)):
        ln = lines[i]
        text = ln.body
        if i in doubled:
            text, how = doubled[i]
            repairs.append(
                Repair(
                    "undouble_headline",
                    ln.body,
                    text,
                    ln.body_start,
                    ln.body_end,
                    note="every phrase printed twice"
                    if how == "phrase"
                    else "every font run printed twice",
                )
            )
        clean = remove_spaces(text, phrases=True)
        if marker_of(clean) and (ln.blank_before or ln.blank_after or i in doubled):
            special[i] = Unit(MARKER, remove_spaces(clean), ln.body_start, ln.body_end, i, ln.body)
        elif i in doubled or (
            ln.blank_before
            and ln.blank_after
            and _off_column(lines, i, cols0)
            and (
                _phrased(clean)
                or (newspaper and _is_headline_text(clean) and _after_sentence(lines, i, special))
            )
        ):
            if i not in doubled:
                _record_spaces(repairs, [ln], phrases=True)
            special[i] = Unit(HEADING, clean, ln.body_start, ln.body_end, i, ln.body)

    # 3. Body lines into paragraphs.
    body_idx = [i for i in range(first, len(lines)) if i not in special]
    cols = _Columns(lines, set(special) | set(range(first)))
    # The front matter (title, subtitle, byline) comes before the first line of running text.
    text_from = next(
        (
            i
            for i, ln in enumerate(lines)
            if CLAUSE_PUNCT_RE.search(ln.body) and not SOURCE_COMMENT_RE.match(ln.body)
        ),
        len(lines),
    )
    paras: list[list[int]] = []
    for i in body_idx:
        if paras:
            so_far = "".join(lines[k].body for k in paras[-1])
            if not (
                SOURCE_COMMENT_RE.match(so_far)
                or SOURCE_COMMENT_RE.match(lines[i].body)
                or not _joins(
                    lines, paras[-1][-1], i, cols, special, so_far, len(paras[-1]), text_from
                )
            ):
                paras[-1].append(i)
                continue
        paras.append([i])

    body_units = [_paragraph_unit(raw, lines, p, repairs) for p in paras]
    merged = sorted([*special.values(), *body_units], key=lambda u: (u.line_index, u.start))
    units.extend(merged)
    return Repaired(units, repairs, newspaper=newspaper)


def _clean_byline(text: str) -> str:
    """``本报记者 王琼``: one space between the role and the name, none inside either."""
    m = re.match(r"^(本报记者|本报通讯员|特约记者|记者|通讯员|新华社记者)[\s\u3000]*(.*)$", text)
    if not m:
        return remove_spaces(text)
    names = [remove_spaces(n) for n in m.group(2).split()]
    return f"{m.group(1)} {' '.join(names)}".strip()


def _paragraph_unit(raw: str, lines: Sequence[Line], idx: list[int], repairs: list[Repair]) -> Unit:
    """Join the lines ``idx`` into one paragraph, recording each join and space removal."""
    text = ""
    for n, i in enumerate(idx):
        ln = lines[i]
        piece = ln.body
        if n:
            pl = lines[idx[n - 1]]
            s, e = pl.body_end, ln.body_start
            sep = join_separator(text, piece)
            if (
                not sep
                and SPACE_RE.search(raw[s:e].replace("\n", ""))
                and not (is_cjk(text[-1]) or is_cjk(piece[0]))
            ):
                sep = " "  # the copy kept the space at the break ("3.6 " + ": 48")
            blank = raw[s:e].count("\n") > 1
            repairs.append(
                Repair(
                    "join_column_break" if blank else "join_wrap",
                    raw[s:e],
                    sep,
                    s,
                    e,
                    note=f"…{text[-8:]}⏎{piece[:8]}…",
                )
            )
            text += sep
        text += piece
    start, end = lines[idx[0]].body_start, lines[idx[-1]].body_end
    # Space removal, recorded line by line against the raw text.
    _record_spaces(repairs, [lines[i] for i in idx], phrases=False)
    return Unit(PARAGRAPH, remove_spaces(text), start, end, idx[0], raw[start:end])
