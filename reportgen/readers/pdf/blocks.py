"""PDF reader, blocks: lines joined into paragraphs and headings, ranked by style and numbering."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reportgen.model import Repair
from reportgen.readers.pdf.chars import CJK_RE, Line
from reportgen.structure import numbered_heading_level, split_run_in_heading

SENTENCE_END = ("。", "！", "？", "：", "；", "”", "」", "』", ".", "!", "?", ":", ";", "…")
# Heading thresholds relative to the body font size.
HEADING_SIZE = 1.3  # this much larger is a heading whatever the weight
BOLD_MIN_SIZE = 0.95  # a whole bold line at body size or larger is a heading
MAX_HEADING_CHARS = 80


def bold_share(lines: Sequence[Line], body: float) -> float:
    """How much of the body-size text is bold; when most is, weight says nothing about headings."""
    body_lines = [ln for ln in lines if abs(ln.size - body) <= 0.15 * body and not ln.cells]
    chars = sum(len(ln.text) for ln in body_lines)
    return sum(len(ln.text) for ln in body_lines if ln.bold) / chars if chars else 0.0


def _is_heading(line: Line, body: float, *, bold_cue: bool = True) -> bool:
    if len(line.text) > MAX_HEADING_CHARS or line.cells:
        return False
    bold = bold_cue and line.bold and line.size >= body * BOLD_MIN_SIZE
    return line.size >= body * HEADING_SIZE or bold


def join_lines(
    lines: Sequence[Line], body: float, *, bold_cue: bool = True
) -> tuple[list[tuple[str, int | None, dict]], list[Repair]]:
    """Join lines into headings (same style, adjacent) and paragraphs (wrapped lines), using the
    first-line indent, short last lines, sentence ends and vertical gaps; a table row is a
    paragraph of its own."""
    rows = lines
    lines = [ln for ln in rows if not ln.cells]  # the layout is measured on the text
    styles = sorted(
        {(ln.size, ln.bold) for ln in lines if _is_heading(ln, body, bold_cue=bold_cue)},
        key=lambda s: (-s[0], not s[1]),
    )
    rank = {s: i + 1 for i, s in enumerate(styles)}
    pitch = _line_pitch(lines, body)
    # Reports that indent first lines mark paragraphs that way; a short line that stops
    # mid-sentence is then only a wrap before an unbreakable run ("同比增长|67.3%").
    indents = sum(
        1
        for ln in lines
        if ln.col >= 0 and not _is_heading(ln, body, bold_cue=bold_cue) and _indented(ln)
    )
    uses_indent = indents >= 3
    # Or by a blank line's worth of space between paragraphs.
    spaced = sum(
        1
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and a.col == b.col >= 0 and 1.3 * pitch < b.top - a.top < 4 * pitch
    )
    marked = uses_indent or spaced >= 3
    # The usual first-line indent (two characters in Chinese typesetting).
    offsets = Counter(
        round(_offset(b))
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page
        and a.col == b.col >= 0
        and _offset(b) - _offset(a) >= 0.8 * b.size
        and not _is_heading(b, body, bold_cue=bold_cue)
    )
    first_indent = float(offsets.most_common(1)[0][0]) if offsets else None
    items: list[tuple[str, int | None, dict]] = []
    repairs: list[Repair] = []
    cur: list[Line] = []
    cur_heading = False

    def flush() -> None:
        nonlocal cur
        if cur:
            text = join_texts([ln.text for ln in cur])
            level = rank[(cur[0].size, cur[0].bold)] if cur_heading else None
            if cur_heading and len(text) > MAX_HEADING_CHARS:
                level = None  # a long bold passage is emphasis, not a heading
            items.append((text, level, {"page": cur[0].page + 1}))
        cur = []

    for ln in rows:
        if ln.cells:
            flush()
            items.append((ln.text, None, {"page": ln.page + 1, "row": ln.row}))
            continue
        heading = _is_heading(ln, body, bold_cue=bold_cue)
        if cur:
            prev = cur[-1]
            same_place = prev.page == ln.page and prev.col == ln.col
            if cur_heading and not heading and _emphasis_lead(cur, ln, body):
                # The bold lines were the lead of a paragraph whose text runs on in regular
                # weight (a bold first sentence, or a run-in "（一）……。" heading): one paragraph,
                # which the structure step splits at a numbered run-in heading.
                joins = (
                    _continues(
                        prev,
                        ln,
                        pitch,
                        marked=marked,
                        first=len(cur) == 1,
                        first_indent=first_indent,
                    )
                    if same_place
                    else _continues_after_break(
                        prev, ln, uses_indent=uses_indent, first_indent=first_indent
                    )
                )
                cur_heading = not joins
            elif heading or cur_heading:
                # Wrapped headline lines share a style and follow each other closely; a full
                # line runs on into the next column or page (a long bold passage).
                joins = (
                    heading
                    and cur_heading
                    and (prev.size, prev.bold) == (ln.size, ln.bold)
                    and (
                        _heading_wraps(
                            prev,
                            ln,
                            body,
                            pitch,
                            marked=marked,
                            first=len(cur) == 1,
                            first_indent=first_indent,
                        )
                        if same_place
                        else _emphasis_lead(cur, ln, body)
                        and _continues_after_break(
                            prev, ln, uses_indent=uses_indent, first_indent=first_indent
                        )
                    )
                )
            elif same_place:
                joins = _continues(
                    prev, ln, pitch, marked=marked, first=len(cur) == 1, first_indent=first_indent
                )
            else:
                joins = _continues_after_break(
                    prev, ln, uses_indent=uses_indent, first_indent=first_indent
                )
                if joins:
                    repairs.append(
                        Repair(
                            "join_column_break",
                            f"{prev.text}|{ln.text}",
                            f"{prev.text}{ln.text}",
                            note=f"paragraph continued from page {prev.page + 1} to {ln.page + 1}",
                        )
                    )
            if not joins:
                flush()
        if not cur:
            cur_heading = heading
        cur.append(ln)
    flush()
    return items, repairs


def _heading_wraps(
    prev: Line,
    line: Line,
    body: float,
    pitch: float,
    *,
    marked: bool,
    first: bool,
    first_indent: float | None,
) -> bool:
    """Does heading ``line`` continue the heading line ``prev`` of the same style? A numbered
    line starts a heading of its own; a bold heading at body size is laid out like a paragraph
    (a bold lead sentence below it starts at the first-line indent), unless both are centred."""
    if not 0 <= line.top - prev.bottom < 1.0 * line.size:
        return False
    if numbered_heading_level(line.text) is not None:
        return False
    if line.size >= body * HEADING_SIZE or (_centred(prev) and _centred(line)):
        return True
    return _continues(prev, line, pitch, marked=marked, first=first, first_indent=first_indent)


def _emphasis_lead(cur: Sequence[Line], line: Line, body: float) -> bool:
    """Bold lines at body size whose last one fills its column, followed by a line of the same
    size: when that line continues the paragraph, the bold was a sentence set in bold inside it,
    not a heading (a heading stands on its own lines; the next paragraph starts afresh)."""
    last = cur[-1]
    return (
        cur[0].size < body * HEADING_SIZE
        and abs(line.size - cur[0].size) < 0.15 * body
        and last.col >= 0
        and line.col >= 0
        and not _short(last)
    )


def numbered_levels(
    items: Sequence[tuple[str, int | None, dict]],
) -> list[tuple[str, int | None, dict]]:
    """Outline levels from the style ranks, corrected by the report's numbering where the styles
    cannot tell: parts (一、) and sub-sections (（一）) set in one bold body style are two levels,
    and parts set apart only by typeface (黑体 at body size, which the reader cannot measure) still
    outrank the sub-sections whose weight or size it can."""
    numbered = {i: numbered_heading_level(t) for i, (t, lv, _) in enumerate(items) if lv}
    mixed = {
        lv
        for lv in {items[i][1] for i in numbered}
        if {n for i, n in numbered.items() if items[i][1] == lv} >= {1, 2}
    }
    keys: dict[int, tuple[float, int]] = {}
    for i, n in numbered.items():
        lv = items[i][1] or 0
        keys[i] = (lv, n or 1) if lv in mixed else (lv, 0)
    sub_ranks = [items[i][1] or 0 for i, n in numbered.items() if n == 2]
    if sub_ranks and 1 not in numbered.values():
        top = min(sub_ranks)
        for i, (text, level, _) in enumerate(items):
            whole = len(text) <= MAX_HEADING_CHARS and not split_run_in_heading(text)[1]
            if level is None and numbered_heading_level(text) == 1 and whole:
                keys[i] = (top - 0.5, 1)
    rank = {k: r + 1 for r, k in enumerate(sorted(set(keys.values())))}
    return [(t, rank[keys[i]] if i in keys else lv, m) for i, (t, lv, m) in enumerate(items)]


def _line_pitch(lines: Sequence[Line], body: float) -> float:
    """The usual distance between the tops of consecutive body lines of a column."""
    gaps: Counter[int] = Counter()
    for a, b in zip(lines, lines[1:], strict=False):
        if a.page == b.page and a.col == b.col and abs(a.size - body) < 0.15 * body:
            if a.cells or b.cells:
                continue
            d = b.top - a.top
            if 0 < d < 3 * body:
                gaps[round(d)] += 1
    return float(gaps.most_common(1)[0][0]) if gaps else 1.5 * body


def _indented(line: Line) -> bool:
    return line.x0 - line.meta["col_left"] >= 0.8 * line.size


def _short(line: Line) -> bool:
    return line.meta["col_right"] - line.x1 >= 1.8 * line.size


def _full(line: Line) -> bool:
    """Fills its column from edge to edge: no room for one more character (a character and a
    half where a closing mark may not start the next line). A centred line this wide wrapped."""
    slack = (line.x0 - line.meta["col_left"]) + (line.meta["col_right"] - line.x1)
    return slack < 1.5 * line.size


def _centred(line: Line) -> bool:
    """Set in the middle of its column, well clear of both edges."""
    left = line.x0 - line.meta["col_left"]
    right = line.meta["col_right"] - line.x1
    return min(left, right) >= 2 * line.size and abs(left - right) < line.size


def _offset(line: Line) -> float:
    return line.x0 - line.meta["col_left"]


def _continues(
    prev: Line,
    line: Line,
    pitch: float,
    *,
    marked: bool,
    first: bool = False,
    first_indent: float | None = None,
) -> bool:
    """Does ``line`` continue the paragraph whose last line is ``prev`` (``first``: its only one)?"""
    if line.top - prev.top > 1.3 * pitch:
        return False  # a blank line between paragraphs
    if _full(prev) and not prev.text.endswith(SENTENCE_END) and _centred(line):
        return True  # a centred line (a long subtitle) wrapped: its second line is centred too
    if first_indent is not None and abs(_offset(line) - first_indent) < 0.4 * line.size:
        return False  # indented like the document's first lines
    # Indented further than the line above: a first line. Measured against the line above, not
    # the column, so that a block-indented passage (a quotation, a list) stays one paragraph.
    if _offset(line) - _offset(prev) >= 0.8 * line.size:
        return False
    # The left edge moved out again after a block-indented passage (first lines excepted).
    if not first and _offset(prev) - _offset(line) >= 0.8 * line.size:
        return False
    if not _short(prev):
        return True
    # A short line ends its paragraph (centred subtitles and bylines are short too) unless it
    # stops mid-sentence in a layout that marks paragraphs by indents or spacing.
    room = prev.meta["col_right"] - prev.x1
    return (
        marked and prev.col >= 0 and not prev.text.endswith(SENTENCE_END) and room < 8 * prev.size
    )


def _continues_after_break(
    prev: Line, line: Line, *, uses_indent: bool, first_indent: float | None = None
) -> bool:
    """A paragraph runs on into the next column or page when the next column starts without an
    indent (in an indented layout) or the last line is full and stops mid-sentence."""
    if prev.col < 0 or line.col < 0 or _offset(line) - _offset(prev) >= 0.8 * line.size:
        return False
    if first_indent is not None and abs(_offset(line) - first_indent) < 0.4 * line.size:
        return False
    if uses_indent:
        return not _short(prev) or not prev.text.endswith(SENTENCE_END)
    room = prev.meta["col_right"] - prev.x1
    return room < 8 * prev.size and not prev.text.endswith(SENTENCE_END)


def join_texts(parts: Sequence[str]) -> str:
    out = ""
    for p in parts:
        if out and p and not (CJK_RE.match(out[-1]) or CJK_RE.match(p[0])):
            if out.endswith("-") and p[0].islower():
                out = out[:-1]  # a hyphenated word broken at the line end
            else:
                out += " "
        out += p
    return out
