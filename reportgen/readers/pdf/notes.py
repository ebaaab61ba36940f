"""PDF reader, notes: footnote calls taken out of the text, footnotes put after their paragraph."""

from __future__ import annotations

import re
from collections import Counter

from reportgen.model import Repair
from reportgen.readers.pdf.blocks import join_lines
from reportgen.readers.pdf.chars import Line, line_text

# What opens a footnote: its number or mark (Word sets "1", WeasyPrint "1.", books "①" or "*").
# A bare number must not be a quantity ("2013年", "5.2%") in small print under the text.
NOTE_MARK_RE = re.compile(
    r"[\[［(（]\d{1,3}[\]］)）]|\d{1,3}[.．、](?!\d)|\d{1,3}(?![\d.．%年月日万亿千百个])"
    r"|[①-⑳*＊※†]|注[释解]?[:：\d①]"
)
# Footnote calls: a number (¹, 1, [1], ①) or mark set smaller than its line and raised above
# its baseline (Word and Writer set them at about 58-67 % size, raised a third of an em).
CALL_RE = re.compile(r"[\[［(（]?\d{1,3}[\]］)）]?|[*＊†‡]{1,3}|[①-⑳]")
CALL_SIZE = 0.85  # at most this share of the line's size
CALL_RISE = 0.2  # ems (of the line) its bottom stands above the line's: a smaller glyph on the
# same baseline rises by its font's descent times the size difference, under 0.15 em
SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def without_note_calls(line: Line, body: float) -> tuple[Line, list[Repair]]:
    """``line`` without its footnote calls (a number or mark set smaller and raised, or a Unicode
    superscript digit, after a word: "增长6.1%¹，" would read as 6.11%), each recorded. Kept: a
    mark opening a line of small print or set apart from the text after it (a footnote's own
    number, which the footnote reader needs; a call the line break carried to the start of a body
    line runs on into the next word), and a superscript after a Latin letter or a digit (an
    exponent: m², 10⁸)."""
    chars = line.chars
    normal = [c for c in chars if not c["text"].isspace() and c["size"] > CALL_SIZE * line.size]
    if len(normal) < 2:
        return line, []
    bottoms = sorted(c["bottom"] for c in normal)
    base = bottoms[len(bottoms) // 2]

    def raised(c: dict) -> bool:
        if c["text"] and c["text"] in "⁰¹²³⁴⁵⁶⁷⁸⁹":
            return True
        rise = base - c["bottom"]
        if c["size"] <= CALL_SIZE * line.size:
            return rise >= CALL_RISE * line.size
        # HTML's <sup> keeps nearly the full size and raises the mark half an em.
        return c["size"] <= line.size and rise >= 2 * CALL_RISE * line.size

    drop: set[int] = set()
    repairs: list[Repair] = []
    i = 0
    while i < len(chars):
        if not raised(chars[i]):
            i += 1
            continue
        j = i
        while j < len(chars) and raised(chars[j]):
            j += 1
        mark = "".join(c["text"] for c in chars[i:j]).translate(SUPERSCRIPT_DIGITS)
        before = [c for c in chars[:i] if not c["text"].isspace()]
        after = chars[j] if j < len(chars) else None
        if not before:
            # A call carried to the start of a body line; small print opens with its note mark.
            call = (
                line.size >= 0.9 * body
                and after is not None
                and not after["text"].isspace()
                and after["x0"] - chars[j - 1]["x1"] < 0.3 * line.size
            )
        else:
            call = not re.fullmatch(r"[A-Za-z0-9]", before[-1]["text"])
        if call and CALL_RE.fullmatch(mark):
            drop.update(range(i, j))
            context = line_text(before[-8:])
            repairs.append(
                Repair(
                    "drop_note_call",
                    f"{context}{mark}",
                    context,
                    note=f"footnote call {mark} on page {line.page + 1} taken out of the text",
                )
            )
        i = j
    if not drop:
        return line, []
    kept = [c for k, c in enumerate(chars) if k not in drop]
    return Line(kept, line.page).finish(), repairs


def footnotes(lines: list[Line], body: float) -> tuple[list[Line], list[Line]]:
    """A page's text lines and its footnotes: the lines under the lowest body-size line, set
    smaller, apart from the text or opening with a note mark (1, ①, [1], *, 注). Left in place
    they would cut a paragraph that runs on to the next page in two."""
    floor = max(
        (ln.bottom for ln in lines if abs(ln.size - body) <= 0.15 * body or ln.cells),
        default=None,
    )
    if floor is None:
        return lines, []
    below = sorted(
        (ln for ln in lines if ln.top >= floor and ln.size < 0.9 * body and not ln.cells),
        key=lambda ln: (ln.top, ln.x0),
    )
    # Set apart by a blank line's worth of space (under the footnote rule), or opening with a
    # note mark: small print that runs on right under the text may be the text's own.
    if not below or not (_note_mark(below[0]) or below[0].top - floor >= body):
        return lines, []
    return [ln for ln in lines if not any(ln is b for b in below)], below


def _note_mark(line: Line) -> bool:
    """Opens with a footnote's number or mark: a superscript number (smaller than the note's
    text, so "62014年" is note 6 on 2014), or a mark as NOTE_MARK_RE knows them."""
    first = line.chars[0]
    if first["text"].isdigit() and first["size"] < 0.85 * line.size:
        return True
    return NOTE_MARK_RE.match(line.text) is not None


def with_notes(
    items: list[tuple[str, int | None, dict]], notes: dict[int, list[Line]]
) -> list[tuple[str, int | None, dict]]:
    """Each page's footnotes as paragraphs after the paragraph that was running at the foot of
    that page (joined across the page break without them)."""
    out = list(items)
    for page in sorted(notes, reverse=True):
        if not notes[page]:
            continue
        size = Counter(ln.size for ln in notes[page]).most_common(1)[0][0]
        note_items, _ = join_lines(notes[page], size, bold_cue=False)
        at = max((i + 1 for i, it in enumerate(out) if it[2]["page"] <= page + 1), default=0)
        out[at:at] = [(text, None, meta) for text, _, meta in note_items]
    return out
