"""HTML reader: ``<h1>``–``<h6>`` become sections, ``<p>``/``<li>``/text blocks paragraphs (stdlib parser)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from reportgen.model import Block, Document
from reportgen.readers import outline_levels, table_row
from reportgen.readers.markdown import join_lines
from reportgen.readers.text import INDENT, clean_line
from reportgen.structure import build_document

HEADINGS = {f"h{n}": n for n in range(1, 7)}
# Elements whose text is never report content.
SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "title",
    "nav",
    "svg",
    "button",
    "select",
}
# Elements that end the running paragraph; inline tags (span, b, a, font …) do not.
BLOCK = {
    "p", "div", "li", "dd", "dt", "td", "th", "tr", "table", "ul", "ol", "dl", "section", "article",
    "main", "header", "footer", "aside", "blockquote", "pre", "figure", "figcaption", "center",
    "form", "hr", "body", "html", "address", "caption",
}  # fmt: skip
VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"}
SPACE_RE = re.compile(r"[ \t\r\f\v]+")


class _Collector(HTMLParser):
    """Collects text blocks: each heading or block-level element's own text is one block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, int | None]] = []
        self.lines: list[str] = [""]
        self.level: int | None = None
        self.skip_depth = 0
        self.stack: list[str] = []
        self.page_title = ""
        self._in_title = False
        # The open table row: each cell's paragraphs, decided on at </tr> (see table_row).
        self.row: list[list[str]] | None = None

    def flush(self) -> None:
        text = join_lines([ln for ln in self.lines])
        text = SPACE_RE.sub(" ", text).strip()
        self.lines = [""]
        if self.row is not None and self.row:
            if text:
                self.row[-1].append(text)
        elif text:
            self.blocks.append((text, self.level))

    def _start_row(self) -> None:
        if self.row is not None:  # the last row's </tr> was left out (HTML allows that)
            self._end_row()
        self.flush()
        self.row = []

    def _end_row(self) -> None:
        self.flush()
        cells, self.row = self.row or [], None
        text = table_row(cells)
        if text:
            self.blocks.append((text, None))
        else:
            self.blocks.extend((t, None) for cell in cells for t in cell)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in SKIP:
            self.skip_depth += 1
        if tag not in VOID:
            self.stack.append(tag)
        if self.skip_depth:
            return
        if tag == "br":
            # A <br> ends a paragraph in pages that put a whole report in one <div>.
            self.flush()
        elif tag in HEADINGS:
            self.flush()
            self.level = HEADINGS[tag]
        elif tag == "tr":
            self._start_row()
        elif tag in ("td", "th") and self.row is not None:
            self.flush()
            self.row.append([])
        elif tag in BLOCK:
            self.flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr") and not self.skip_depth:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.stack:
            return  # stray end tag
        while self.stack:
            open_tag = self.stack.pop()
            if open_tag == "title":
                self._in_title = False
            if open_tag in SKIP:
                self.skip_depth -= 1
            elif not self.skip_depth and open_tag == "tr" and self.row is not None:
                self._end_row()
            elif not self.skip_depth and (open_tag in HEADINGS or open_tag in BLOCK):
                self.flush()
                if open_tag in HEADINGS:
                    self.level = None
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.page_title += data
        if self.skip_depth:
            return
        # Source newlines inside a paragraph are soft wraps.
        parts = data.split("\n")
        self.lines[-1] += parts[0]
        self.lines.extend(parts[1:])

    def close(self) -> None:
        super().close()
        self.flush()


def read(text: str, *, source: str) -> Document:
    """Read an HTML report. ``Document.text`` is the page's text, one block per line."""
    parser = _Collector()
    parser.feed(text)
    parser.close()
    blocks: list[Block] = []
    out: list[str] = []
    pos = 0
    for body, level in parser.blocks:
        body = clean_line(body.replace("\u00a0", " ").strip(INDENT), front=len(blocks) < 8)
        if not body:
            continue
        blocks.append(Block(body, pos, pos + len(body), heading_level=level))
        out.append(body)
        pos += len(body) + 1
    title, blocks = outline_levels(blocks)
    return build_document(blocks, source=source, text="\n".join(out), format="html", title=title)
