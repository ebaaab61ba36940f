"""Markdown reader: ``#`` / setext headings become sections, paragraphs and list items paragraphs."""

from __future__ import annotations

import re

from reportgen.model import Block, Document
from reportgen.readers import outline_levels, table_row
from reportgen.structure import build_document

ATX_RE = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
SETEXT_RE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
RULE_RE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
ITEM_RE = re.compile(r"^ {0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+")
QUOTE_RE = re.compile(r"^ {0,3}>[ \t]?")
FENCE_RE = re.compile(r"^ {0,3}(```|~~~)")
COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
EMPHASIS_RE = re.compile(r"(\*\*|__|\*|_|`|~~)(?=\S)(.+?)(?<=\S)\1")
HTML_TAG_RE = re.compile(r"</?[A-Za-z][^>]*>")
# GFM pipe tables: a row starts with "|"; the delimiter row under the header is only markup.
TABLE_ROW_RE = re.compile(r"^ {0,3}\|(.*?)\|?[ \t]*$")
TABLE_DELIMITER_RE = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$")
CELL_SPLIT_RE = re.compile(r"(?<!\\)\|")
CJK_END_RE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]$")
CJK_START_RE = re.compile(r"^[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def inline_text(text: str) -> str:
    """Markdown inline markup to plain text: links, emphasis, code spans, stray HTML tags."""
    text = IMAGE_RE.sub(r"\1", text)
    text = LINK_RE.sub(r"\1", text)
    for _ in range(3):  # nested emphasis: ***x***
        text = EMPHASIS_RE.sub(r"\2", text)
    return HTML_TAG_RE.sub("", text).strip()


def join_lines(lines: list[str]) -> str:
    """Soft-wrapped lines of one paragraph: CJK joins without a space, Latin with one."""
    out = ""
    for ln in lines:
        ln = ln.strip()
        if not ln:
            continue
        if out and not (CJK_END_RE.search(out) or CJK_START_RE.match(ln)):
            out += " "
        out += ln
    return out


def read(text: str, *, source: str) -> Document:
    """Read a Markdown report; heading depth gives the outline level (a lone ``#`` is the title)."""
    # Comments (our own outline writer tags parts with <!-- review 2023 -->) are not content;
    # blank them out with spaces so offsets still point into ``text``.
    clean = COMMENT_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    blocks: list[Block] = []
    para: list[str] = []
    para_start = para_end = -1
    in_fence = False

    def flush() -> None:
        nonlocal para, para_start
        if para:
            body = inline_text(join_lines(para))
            if body:
                blocks.append(Block(body, para_start, para_end))
        para, para_start = [], -1

    pos = 0
    lines = clean.split("\n")
    # YAML front matter is metadata, not text.
    skip_to = 0
    if lines and lines[0].strip() == "---":
        for j in range(1, len(lines)):
            if lines[j].strip() in ("---", "..."):
                skip_to = j + 1
                break
    for n, line in enumerate(lines):
        start, pos = pos, pos + len(line) + 1
        if n < skip_to:
            continue
        if FENCE_RE.match(line):
            in_fence = not in_fence
            flush()
            continue
        if in_fence:
            continue
        stripped = line.strip()
        m = ATX_RE.match(line)
        if m:
            flush()
            heading = inline_text(m.group(2))
            if heading:
                blocks.append(
                    Block(heading, start, start + len(line), heading_level=len(m.group(1)))
                )
            continue
        s = SETEXT_RE.match(line)
        if s and para and len(para) == 1:
            # "Title\n=====" (level 1) or "Title\n-----" (level 2).
            heading = inline_text(para[0])
            para, para_start = [], -1
            if heading:
                blocks.append(
                    Block(
                        heading,
                        start - len(lines[n - 1]) - 1,
                        start + len(line),
                        heading_level=1 if s.group(1)[0] == "=" else 2,
                    )
                )
            continue
        if not stripped or RULE_RE.match(line) or TABLE_DELIMITER_RE.match(line):
            flush()
            continue
        row = TABLE_ROW_RE.match(line)
        if row and "|" in row.group(1):
            flush()
            cells = [inline_text(c.replace("\\|", "|")) for c in CELL_SPLIT_RE.split(row.group(1))]
            text = table_row([[c] for c in cells])
            for body in [text] if text else [c for c in cells if c]:
                blocks.append(Block(body, start, start + len(line)))
            continue
        q = QUOTE_RE.match(line)
        if q:
            line = line[q.end() :]
        item = ITEM_RE.match(line)
        if item:
            # Each list item is its own paragraph ("——经济保持恢复发展。" bullets, numbered lists).
            flush()
            line = line[item.end() :]
        if not para:
            para_start = start
        para.append(line)
        para_end = start + len(line)
    flush()
    title, blocks = outline_levels(blocks)
    return build_document(blocks, source=source, text=text, format="markdown", title=title)
