"""PDF reader, page furniture: running heads and feet, page numbers and footers, wherever set."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from reportgen.readers.pdf.chars import Line, row_bands

PAGE_NUMBER_RE = re.compile(
    r"^(?:[-—–·\s]*\d{1,4}[-—–·\s]*|第\s*\d+\s*页.*|\d+\s*/\s*\d+|page\s*\d+.*)$", re.I
)
EDGE_ROWS = 3  # rows at the top and at the bottom of a page that may hold running heads and feet
FURNITURE_Y_TOL = 3.0  # points: a running head or foot sits at the same height on every page


def page_furniture(
    per_page: Sequence[Sequence[Line]], heights: Sequence[float], body: float
) -> set[int]:
    """ids of the lines that are page furniture, not report text: page numbers and running heads
    in the margins, and heads and feet that recur at one height wherever they are set."""
    running = _running_heads(per_page, heights)
    out = _placed_furniture(per_page)
    for page_lines, height in zip(per_page, heights, strict=True):
        out.update(
            id(ln)
            for ln in page_lines
            if _is_furniture(ln, height, body)
            or (_in_margin(ln, height) and _furniture_key(ln.text) in running)
        )
    return out


def _in_margin(line: Line, height: float) -> bool:
    return line.top > height * 0.9 or line.bottom < height * 0.1


def _is_furniture(line: Line, height: float, body: float) -> bool:
    """Page numbers in the top or bottom margin."""
    return (
        _in_margin(line, height)
        and bool(PAGE_NUMBER_RE.match(line.text))
        and line.size <= body * 1.2
    )


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _running_heads(per_page: Sequence[Sequence[Line]], heights: Sequence[float]) -> set[str]:
    """Texts in the top or bottom margin of at least half the pages (running heads and feet,
    "第 3 页 共 8 页"): page furniture, not report text."""
    if len(per_page) < 2:
        return set()
    seen: Counter[str] = Counter()
    for page_lines, height in zip(per_page, heights, strict=True):
        seen.update({_furniture_key(ln.text) for ln in page_lines if _in_margin(ln, height)})
    need = max(2, (len(per_page) + 1) // 2)
    return {key for key, n in seen.items() if n >= need}


def _edge_lines(lines: Sequence[Line], *, rows: int = EDGE_ROWS) -> list[Line]:
    """The lines of the first and last few rows of a page, where running heads and feet sit."""
    bands = row_bands(lines)
    if len(bands) <= 2 * rows:
        return [ln for band in bands for ln in band]
    return [ln for band in [*bands[:rows], *bands[-rows:]] for ln in band]


def _placed_furniture(per_page: Sequence[Sequence[Line]]) -> set[int]:
    """ids of page furniture wherever the margins are: a text (digits counting as one, so page
    numbers match) at the top or bottom of a page that recurs at the same height on a third of
    the pages or more. Word and WPS set footers well inside the page (official documents put
    "— 3 —" about 3 cm above the edge, odd pages right, even pages left), so a fixed margin
    misses them; a report's own lines never repeat at one height from page to page."""
    if len(per_page) < 2:
        return set()
    need = max(2, -(-len(per_page) // 3))
    found: dict[str, list[tuple[int, Line]]] = {}
    for n, page_lines in enumerate(per_page):
        for ln in _edge_lines(page_lines):
            # Running heads are names and numbers; a line ending a sentence or a salutation
            # ("各位代表：" opening two pages at one height) is the report's own.
            if not ln.text.endswith(("。", "：", "；", "，", "！", "？")):
                found.setdefault(_furniture_key(ln.text), []).append((n, ln))
    out: set[int] = set()
    for seen in found.values():
        for _, ln in seen:
            pages = {n for n, other in seen if abs(other.top - ln.top) <= FURNITURE_Y_TOL}
            if len(pages) >= need:
                out.add(id(ln))
    return out
