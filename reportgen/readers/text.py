"""Text reader: plain reports (one paragraph per line) and text copied out of PDFs (hard-wrapped)."""

from __future__ import annotations

import re

from reportgen.model import Block, Document
from reportgen.structure import OFFICES, build_document, numbered_heading_level

INDENT = " \t\u3000\u00a0\u2002\u2003\ufeff"
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Spaces between two CJK characters are justification, never content ("政 府 工 作 报 告").
CJK_SPACE_RE = re.compile(
    rf"(?<=[{CJK}，。、；：！？（）“”])[ \u3000\u00a0\u2000-\u200b]+(?=[{CJK}，。、；：！？（）“”])"
)

# Running-text lines broken off mid-word (see looks_hard_wrapped): a plain report has at most one
# such slip in 80 lines (corpus), a hard-wrapped copy one in every paragraph longer than a line.
BROKEN_SHARE = 0.25  # this share alone says hard-wrapped (a slip in a short text stays below it)
BROKEN_SHARE_AT_WIDTH = 0.1  # … or this share of lines broken at one width, the column's
BROKEN_AT_WIDTH = 3
COLUMN_SPREAD_EM = 2.0  # wrapped lines fill their column to within this much

# Spaces between Chinese and a number in a title, subtitle or byline ("——2019 年 3 月 5 日"): a PDF
# copy shows where the font changes; Chinese typesetting puts no space there.
FRONT_DIGIT_SPACE_RE = re.compile(
    rf"(?<=[{CJK}，。、；：（）“”—])[ \u3000\u00a0\u2000-\u200b]+(?=\d)"
    rf"|(?<=\d)[ \u3000\u00a0\u2000-\u200b]+(?=[{CJK}，。、；：（）“”])"
)


def looks_hard_wrapped(text: str) -> bool:
    """True for text copied out of a PDF: most lines are column-wide (at most
    ``repair.MAX_COLUMN_EM``) and many of them break off in the middle of a word – the line ends
    with a character, not a punctuation mark, and the text goes on. Either most lines do, or a
    good share of the lines of running text (clause punctuation before their end) – also where
    paragraphs are barely longer than a line and most lines end them. Plain reports (a paragraph,
    or an aligned sentence or clause, per line) end their lines at punctuation or are longer, but
    for a slip, and slips do not share the width of a column."""
    from reportgen.readers.repair import (
        CLAUSE_PUNCT_RE,
        ITEM_START_RE,
        MAX_COLUMN_EM,
        display_width,
        is_ideograph,
        nonspace,
    )

    lines = [ln.strip(INDENT) for ln in text.split("\n")]
    lines = [ln for ln in lines if ln and not ln.startswith("# source:")]
    if len(lines) < 5:
        return False
    narrow = sum(1 for ln in lines if display_width(ln) <= MAX_COLUMN_EM)
    if narrow / len(lines) <= 0.6:
        return False
    # A wrap inside a word: a character (ideograph, digit, letter) at the end of the line. The
    # title and numbered headings (一、… （一）…) end in a character too without being wraps.
    mid_word = [
        (is_ideograph(ln[-1]) or ln[-1].isalnum()) and not numbered_heading_level(ln)
        for ln in lines
    ]
    if sum(mid_word[1:]) / len(lines) > 0.4:
        return True
    running = [k for k, ln in enumerate(lines[:-1]) if CLAUSE_PUNCT_RE.search(ln[:-1])]
    # A wrap goes on into text, never into a heading or a new item.
    broken = [k for k in running if mid_word[k] and not ITEM_START_RE.match(lines[k + 1])]
    if not broken:
        return False
    share = len(broken) / len(running)
    if share >= BROKEN_SHARE:
        return True
    # Measured in em, or in characters for a plain-text wrap (digits as wide as Chinese).
    at_column = max(
        _near_median([display_width(nonspace(lines[k])) for k in broken]),
        _near_median([float(len(nonspace(lines[k]))) for k in broken]),
    )
    return (
        share >= BROKEN_SHARE_AT_WIDTH
        and at_column >= BROKEN_AT_WIDTH
        and at_column >= 2 / 3 * len(broken)
    )


def _near_median(widths: list[float]) -> int:
    """How many of ``widths`` lie within COLUMN_SPREAD_EM of their median."""
    column = sorted(widths)[len(widths) // 2]
    return sum(1 for w in widths if abs(w - column) <= COLUMN_SPREAD_EM)


def read(text: str, *, source: str) -> Document:
    if looks_hard_wrapped(text):
        from reportgen.readers import pdftext

        return pdftext.read(text, source=source)
    return read_plain(text, source=source)


# Front matter run together on one line (2024): title, "——date在……上", then "国务院总理 李强".
FRONT_LINE_RE = re.compile(
    r"^(?P<title>[^—\-\s]{2,40}?)"
    r"(?P<sub>(?:——|—|-{2,4})\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.{0,60}?上)"
    r"(?P<by>\S.{1,30})?$"
)
OFFICE_RE = re.compile(rf"(?:{'|'.join(OFFICES)})$")
# Only the opening lines can be front matter (title, subtitle, byline).
FRONT_LINES = 8


def read_plain(text: str, *, source: str) -> Document:
    """One paragraph per line; indents and justification spaces between CJK characters dropped."""
    blocks: list[Block] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        stripped = line.strip(INDENT)
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip(INDENT))
        begin = start + lead
        if len(blocks) < FRONT_LINES and not stripped.startswith("#"):
            front = _split_front_line(stripped, begin)
            if front:
                blocks.extend(front)
                continue
        blocks.append(
            Block(
                clean_line(stripped, front=len(blocks) < FRONT_LINES), begin, begin + len(stripped)
            )
        )
    return build_document(blocks, source=source, text=text, format="text")


def clean_line(line: str, *, front: bool = False) -> str:
    """Drop justification spaces; in the front matter (where a PDF copy also spaces out numbers)
    keep one space between an office and a name."""
    if front:
        runs = line.split()  # str.split knows every Unicode space (U+3000, U+2002 …)
        if len(runs) == 2 and _is_office_byline(line):
            return f"{runs[0]} {runs[1]}"
        line = FRONT_DIGIT_SPACE_RE.sub("", line)
    return CJK_SPACE_RE.sub("", line)


def _is_office_byline(text: str) -> bool:
    runs = text.split()
    if len(runs) == 2:
        return bool(OFFICE_RE.search(runs[0])) and 2 <= len(runs[1]) <= 5
    return len(runs) == 1 and any(OFFICE_RE.search(text[:-n]) for n in (2, 3, 4))


def _split_front_line(line: str, begin: int) -> list[Block]:
    """Title, subtitle and byline that a copy ran together into one line, as separate blocks."""
    m = FRONT_LINE_RE.match(line)
    if not m:
        return []
    by = m.group("by")
    if by and not _is_office_byline(by):
        return []
    out = []
    for name in ("title", "sub", "by"):
        if m.group(name):
            s, e = m.span(name)
            out.append(Block(clean_line(m.group(name).strip(), front=True), begin + s, begin + e))
    return out
