"""Text reader: plain reports (one paragraph per line) and text copied out of PDFs (hard-wrapped)."""

from __future__ import annotations

import re

from reportgen.model import Block, Document
from reportgen.structure import build_document, numbered_heading_level

INDENT = " \t\u3000\u00a0\u2002\u2003\ufeff"
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Spaces between two CJK characters are justification, never content ("政 府 工 作 报 告").
CJK_SPACE_RE = re.compile(
    rf"(?<=[{CJK}，。、；：！？（）“”])[ \u3000\u00a0\u2000-\u200b]+(?=[{CJK}，。、；：！？（）“”])"
)


def looks_hard_wrapped(text: str) -> bool:
    """True for text copied out of a PDF: most lines are column-wide (at most
    ``repair.MAX_COLUMN_EM``) and most of them break off in the middle of a word – the line ends
    with a character, not a punctuation mark, and the text goes on. Plain reports (a paragraph,
    or an aligned sentence or clause, per line) end their lines at punctuation or are longer."""
    from reportgen.readers.repair import MAX_COLUMN_EM, display_width, is_ideograph

    lines = [ln.strip(INDENT) for ln in text.split("\n")]
    lines = [ln for ln in lines if ln and not ln.startswith("# source:")]
    if len(lines) < 5:
        return False
    narrow = sum(1 for ln in lines if display_width(ln) <= MAX_COLUMN_EM)
    # A wrap inside a word: a character (ideograph, digit, letter) at the end of the line. The
    # title and numbered headings (一、… （一）…) end in a character too without being wraps.
    mid_word = sum(
        1
        for ln in lines[1:]
        if (is_ideograph(ln[-1]) or ln[-1].isalnum()) and not numbered_heading_level(ln)
    )
    return narrow / len(lines) > 0.6 and mid_word / len(lines) > 0.4


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
OFFICE_RE = re.compile(r"(?:总理|省长|市长|区长|县长|州长|旗长|主席)$")
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
    """Drop justification spaces; in the front matter keep one space between an office and a name."""
    if front:
        runs = line.split()  # str.split knows every Unicode space (U+3000, U+2002 …)
        if len(runs) == 2 and _is_office_byline(line):
            return f"{runs[0]} {runs[1]}"
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
