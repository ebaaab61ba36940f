"""PDF reader: pdfplumber characters to blocks, in column reading order, headings by font size/weight.

The steps, one module each, in the order read() first uses them: chars (pdfplumber characters
to lines), tables (ruled, then unruled), furniture (running heads, page numbers), notes (footnote
calls, footnotes), columns (reading order), blocks (paragraphs and headings). pdfplumber objects
never leave chars.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from reportgen.errors import InputError
from reportgen.model import Block, Document, Repair
from reportgen.readers import outline_levels
from reportgen.readers.pdf.blocks import bold_share, join_lines, numbered_levels
from reportgen.readers.pdf.chars import (
    Line,
    commonest_size,
    extract_pages,
    group_lines,
    unmapped_glyphs,
)
from reportgen.readers.pdf.columns import reading_order
from reportgen.readers.pdf.furniture import page_furniture
from reportgen.readers.pdf.notes import footnotes, with_notes, without_note_calls
from reportgen.readers.pdf.tables import aligned_tables, repeated_headers, ruled_tables
from reportgen.readers.text import clean_line
from reportgen.structure import build_document

log = logging.getLogger(__name__)


def read(data: bytes, *, source: str) -> Document:
    """Read a PDF with a text layer. ``Document.text`` is the blocks' text, one per line."""
    pages = unmapped_glyphs(extract_pages(data, source=source), source=source)
    body_size = commonest_size([page.chars for page in pages])
    if body_size is None:
        raise InputError(f"{source}: the PDF has no text layer (a scan?); run OCR first")
    blank = [n + 1 for n, page in enumerate(pages) if not page.chars]
    if blank:
        # Mixed documents (a scanned annex, an image-only page) lose those pages' text.
        log.warning("%s: page(s) %s have no text layer and were skipped", source, _ranges(blank))
    repairs: list[Repair] = []
    # Ruled tables first: their characters are read cell by cell, not as lines across the page.
    ruled: list[list[Line]] = []
    rest: list[list[dict]] = []
    for n, page in enumerate(pages):
        chars, rows, found = ruled_tables(page, n)
        rest.append(chars)
        ruled.append(rows)
        repairs.extend(found)
    per_page = [group_lines(chars, n, body_size) for n, chars in enumerate(rest)]
    furniture = page_furniture(per_page, [page.height for page in pages], body_size)
    lines: list[Line] = []
    notes: dict[int, list[Line]] = {}
    for n, (page_lines, page) in enumerate(zip(per_page, pages, strict=True)):
        kept = []
        for ln in page_lines:
            if id(ln) in furniture:
                continue
            ln, calls = without_note_calls(ln, body_size)
            kept.append(ln)
            repairs.extend(calls)
        kept, rows, found = aligned_tables(kept, body_size)
        repairs.extend(found)
        ordered = reading_order([*kept, *rows, *ruled[n]], page.width, body_size)
        text_lines, notes[n] = footnotes(ordered, body_size)
        lines.extend(text_lines)
    bold_body = bold_share(lines, body_size) > 0.5
    items, joins = join_lines(lines, body_size, bold_cue=not bold_body)
    items, headers = repeated_headers(items)
    repairs.extend([*joins, *headers])
    items = with_notes(numbered_levels(items), notes)
    blocks: list[Block] = []
    out: list[str] = []
    pos = 0
    for text, level, meta in items:
        text = clean_line(text, front=len(blocks) < 8)
        if not text:
            continue
        blocks.append(Block(text, pos, pos + len(text), heading_level=level, meta=meta))
        out.append(text)
        pos += len(text) + 1
    title, blocks = outline_levels(blocks)
    return build_document(
        blocks, source=source, text="\n".join(out), format="pdf", title=title, repairs=repairs
    )


def _ranges(numbers: Sequence[int]) -> str:
    """[1, 2, 3, 7] -> "1-3, 7"."""
    out: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(f"{start}-{prev}" if prev > start else str(start))
        if n is not None:
            start = prev = n
    return ", ".join(out)
