"""Text reader: plain reports (one paragraph per line) and text copied out of PDFs (hard-wrapped)."""

from __future__ import annotations

import re

from reportgen.model import Block, Document
from reportgen.structure import build_document

INDENT = " \t\u3000\u00a0"
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Spaces between two CJK characters are justification, never content ("政 府 工 作 报 告").
CJK_SPACE_RE = re.compile(rf"(?<=[{CJK}，。、；：！？（）“”])[ \u3000\u00a0]+(?=[{CJK}，。、；：！？（）“”])")


def looks_hard_wrapped(text: str) -> bool:
    """True for text extracted from a PDF: most lines are short and end mid-sentence."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if len(lines) < 5:
        return False
    mid = sum(1 for ln in lines if not ln.endswith(("。", "！", "？", "：", "”", "；")))
    short = sum(1 for ln in lines if len(ln) <= 45)
    return mid / len(lines) > 0.5 and short / len(lines) > 0.6


def read(text: str, *, source: str) -> Document:
    if looks_hard_wrapped(text):
        from reportgen.readers import pdftext

        return pdftext.read(text, source=source)
    return read_plain(text, source=source)


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
        blocks.append(Block(CJK_SPACE_RE.sub("", stripped), start + lead, start + lead + len(stripped)))
    return build_document(blocks, source=source, text=text, format="text")
