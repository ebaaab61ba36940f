"""DOCX reader: heading styles and outline levels become sections; python-docx stays in here."""

from __future__ import annotations

import io
import re
from typing import Any

from reportgen.errors import InputError
from reportgen.model import Block, Document
from reportgen.readers import outline_levels, table_row
from reportgen.readers.markdown import join_lines
from reportgen.readers.text import clean_line
from reportgen.structure import build_document

# Built-in heading styles as Word names them in English and in Chinese installations.
HEADING_STYLE_RE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
TITLE_STYLES = {"title", "标题"}
BODY_OUTLINE = 9  # w:outlineLvl 9 is "body text"


def read(data: bytes, *, source: str) -> Document:
    """Read a .docx report. ``Document.text`` is its paragraphs' text, one per line."""
    items, title = _paragraphs(data, source=source)
    blocks: list[Block] = []
    out: list[str] = []
    pos = 0
    for text, level in items:
        text = clean_line(text, front=len(blocks) < 8)
        if not text:
            continue
        blocks.append(Block(text, pos, pos + len(text), heading_level=level))
        out.append(text)
        pos += len(text) + 1
    found, blocks = outline_levels(blocks, take_title=title is None)
    return build_document(
        blocks, source=source, text="\n".join(out), format="docx", title=title or found
    )


def _paragraphs(data: bytes, *, source: str) -> tuple[list[tuple[str, int | None]], str | None]:
    """(text, outline level or None) for each body paragraph and table cell, in order, and the
    text of a Title-styled paragraph."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        doc = docx.Document(io.BytesIO(data))
        body = doc.element.body
    except Exception as e:  # python-docx raises zip, XML and package errors of many kinds
        raise InputError(f"{source}: not a readable DOCX file ({type(e).__name__})") from None

    items: list[tuple[str, int | None]] = []
    title: str | None = None

    def text_of(par: Any) -> str:
        return join_lines(par.text.replace("\t", " ").split("\n")).strip()

    def add(par: Any) -> None:
        nonlocal title
        text = text_of(par)
        if not text:
            return
        style = _style_name(par)
        if title is None and not items and style.lower() in TITLE_STYLES:
            title = text
            return
        items.append((text, _outline_level(par)))

    try:
        for child in body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                add(Paragraph(child, doc))
            elif tag == "tbl":
                # A merged cell appears once per grid position. Keep the elements themselves: the
                # id() of a freed lxml proxy is reused, which made later cells look seen.
                seen: set[Any] = set()
                for row in Table(child, doc).rows:
                    cells = []
                    for cell in row.cells:
                        if cell._tc not in seen:
                            seen.add(cell._tc)
                            cells.append(cell)
                    row_text = table_row([[text_of(p) for p in c.paragraphs] for c in cells])
                    if row_text:
                        items.append((row_text, None))
                    else:
                        for cell in cells:
                            for par in cell.paragraphs:
                                add(par)
    except Exception as e:
        raise InputError(f"{source}: damaged DOCX content ({type(e).__name__}: {e})") from None
    return items, title


def _style_name(par: Any) -> str:
    try:
        return (par.style.name or "") if par.style is not None else ""
    except (KeyError, ValueError):
        return ""


def _outline_level(par: Any) -> int | None:
    """1-based outline level from the paragraph's own w:outlineLvl, else its style chain."""
    own = par._p.xpath("./w:pPr/w:outlineLvl/@w:val")
    if own:
        return _level(own[0])
    style = par.style
    depth = 0
    while style is not None and depth < 10:
        m = HEADING_STYLE_RE.match(style.name or "")
        if m:
            return int(m.group(1))
        val = style.element.xpath("./w:pPr/w:outlineLvl/@w:val")
        if val:
            return _level(val[0])
        style, depth = style.base_style, depth + 1
    return None


def _level(val: str) -> int | None:
    try:
        n = int(val)
    except ValueError:
        return None
    return None if n >= BODY_OUTLINE or n < 0 else n + 1
