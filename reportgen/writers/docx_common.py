"""DOCX writer helpers shared by the briefing, diff and duplicate writers (python-docx stays in writers)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportgen.errors import RenderError

CJK_FONT = "Noto Serif CJK SC"
LATIN_FONT = "Noto Serif"


def new_document(template: str | Path | None = None) -> Any:
    """A python-docx Document from a user's Word template (.docx) or the default one, with
    Chinese-aware fonts on Normal and the heading styles."""
    import docx

    try:
        d = docx.Document(str(template)) if template else docx.Document()
    except Exception as e:  # python-docx raises several types on bad packages
        raise RenderError(f"{template}: not a usable Word template ({e})") from None
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3"):
        try:
            style = d.styles[name]
        except KeyError:
            continue
        set_fonts(style.element)
    return d


def set_fonts(element: Any, *, latin: str = LATIN_FONT, east_asia: str = CJK_FONT) -> None:
    """Set Latin and East-Asian fonts and the zh-CN East-Asian language on a run or style element.

    python-docx's ``font.name`` sets only the Latin font (a known bug), so Chinese text would fall
    back to whatever Word picks; ``w:eastAsia`` and ``w:lang eastAsia`` fix that.
    """
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    lang.set(qn("w:val"), "en-GB")
    lang.set(qn("w:eastAsia"), "zh-CN")


def add_run(
    paragraph: Any,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    color: str | None = None,
) -> Any:
    """A run with CJK-aware fonts."""
    from docx.shared import Pt, RGBColor

    run = paragraph.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    if size:
        run.font.size = Pt(size)
    if color:
        run.font.color.rgb = RGBColor.from_string(color)
    set_fonts(run._element)
    return run


def add_field(paragraph: Any, instruction: str) -> None:
    """A Word field (``PAGE``, ``NUMPAGES``, ``TOC \\o "1-2"``) that Word updates when it opens."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for tag, attrs, text in (
        ("w:fldChar", {"w:fldCharType": "begin"}, None),
        ("w:instrText", {"xml:space": "preserve"}, f" {instruction} "),
        ("w:fldChar", {"w:fldCharType": "separate"}, None),
        ("w:t", {}, "1" if "PAGE" in instruction else ""),
        ("w:fldChar", {"w:fldCharType": "end"}, None),
    ):
        el = OxmlElement(tag)
        for k, v in attrs.items():
            el.set(qn(k), v)
        if text is not None:
            el.text = text
        run._r.append(el)


def page_number_footer(section: Any, *, label: str = "Page {PAGE} of {NUMPAGES}") -> None:
    """Footer ``Page X of Y`` with real PAGE/NUMPAGES fields."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = (
        section.footer.paragraphs[0]
        if section.footer.paragraphs
        else section.footer.add_paragraph()
    )
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for piece in label.replace("{", "\x00{").replace("}", "}\x00").split("\x00"):
        if piece in ("{PAGE}", "{NUMPAGES}"):
            add_field(p, piece[1:-1])
        elif piece:
            add_run(p, piece, size=8)


def repeat_header_row(row: Any) -> None:
    """Mark a table row as a header that Word repeats on every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def set_column_widths(table: Any, widths_cm: list[float]) -> None:
    """Word honours cell widths, not column widths: set each cell's width."""
    from docx.shared import Cm

    table.autofit = False
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(w)


def to_bytes(document: Any) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
