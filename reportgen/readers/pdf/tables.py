"""PDF reader, tables: ruled and unruled tables as one line per row, cells separated by a tab."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from reportgen.model import Repair
from reportgen.readers.pdf.blocks import join_texts
from reportgen.readers.pdf.chars import Box, Line, Page, group_lines, row_bands
from reportgen.readers.pdf.notes import without_note_calls

MAX_CELL_CHARS = 24  # a table's cells are names and figures; longer runs are lines of prose
TABLE_CELL_MEDIAN = 30  # a "table" whose cells are longer is a frame round text (boxed article)
# A cell that is a figure: 126万亿元, 5.2%, 1.3万亿斤以上, 2023年, or a dash for none.
FIGURE_CELL_RE = re.compile(
    r"[约近超逾]?[-+−±]?\d[\d,，.．]*\s*(?:[%％‰]|[万亿千百]?[\u4e00-\u9fff]{1,3}|[A-Za-z/]{1,6})?"
    r"(?:左右|以上|以下|以内)?|[-—–－]{1,2}"
)
PROSE_END = ("。", "；", "，", "：", "！", "？")


def ruled_tables(page: Page, n: int) -> tuple[list[dict], list[Line], list[Repair]]:
    """The page's characters outside its ruled tables, a line per table row (its cells' text in
    order: a cell's wrapped lines joined, footnote calls dropped) and a repair per table. What
    pdfplumber finds between rules is a table only with two rows and two columns of short cells:
    rules round a boxed article or between a newspaper's columns enclose paragraphs."""
    chars = page.chars
    rows_out: list[Line] = []
    repairs: list[Repair] = []
    for grid in page.grids:
        cells: list[list[list[dict]]] = []
        taken: set[int] = set()
        boxes = [box for row in grid for box in row if box is not None]
        frame = (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
        within = [c for c in chars if _inside(c, frame)]
        for row in grid:
            cells.append([])
            for box in row:
                if box is None:
                    continue  # covered by a merged cell, whose text is at its first position
                inside = [c for c in within if id(c) not in taken and _inside(c, box)]
                taken.update(id(c) for c in inside)
                cells[-1].append(inside)
        texts: list[list[str]] = []
        calls: list[Repair] = []
        for row_cells in cells:
            texts.append([])
            for cell in row_cells:
                text, dropped = _cell_text(cell, n)
                texts[-1].append(text)
                calls.extend(dropped)
        filled = sorted(len(t) for row in texts for t in row if t)
        full_rows = sum(1 for row in texts if sum(1 for t in row if t) >= 2)
        if full_rows < 2 or filled[len(filled) // 2] > TABLE_CELL_MEDIAN:
            continue
        chars = [c for c in chars if id(c) not in taken]
        lines = [
            Line([c for cell in row for c in cell], n, cells=tuple(text)).finish()
            for row, text in zip(cells, texts, strict=True)
            if any(text)
        ]
        for r, ln in enumerate(lines):
            ln.row = r
        rows_out.extend(lines)
        repairs.extend(calls)
        repairs.append(_table_repair(texts, lines, "ruled", n))
    return chars, rows_out, repairs


def _inside(c: dict, box: Box) -> bool:
    x = (c["x0"] + c["x1"]) / 2
    y = (c["top"] + c["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _cell_text(chars: list[dict], page: int) -> tuple[str, list[Repair]]:
    """A table cell's text: its lines (wrapped in the cell) joined, footnote calls left out."""
    visible = [c for c in chars if not c["text"].isspace()]
    if not visible:
        return "", []
    size = Counter(round(c["size"], 1) for c in visible).most_common(1)[0][0]
    texts: list[str] = []
    repairs: list[Repair] = []
    for ln in group_lines(chars, page, size):
        ln, calls = without_note_calls(ln, size)
        texts.append(ln.text)
        repairs.extend(calls)
    return join_texts(texts), repairs


def _table_repair(
    texts: Sequence[Sequence[str]], rows: Sequence[Line], kind: str, n: int
) -> Repair:
    cols = max(len(row) for row in texts)
    return Repair(
        "read_table",
        "\n".join(t for row in texts for t in row if t),
        "\n".join(ln.text for ln in rows),
        note=f"{kind} table on page {n + 1}: {len(rows)} rows of up to {cols} cells read as one "
        "paragraph per row, cells separated by a tab",
    )


def aligned_tables(lines: list[Line], body: float) -> tuple[list[Line], list[Line], list[Repair]]:
    """Tables without rules (a Word table with its borders off, a layout of tab stops): rows of
    two or more short cells, one under the other, whose cells stand in the same columns, two
    rows or more with a figure (126万亿元, 5.2%, —) in a cell after the first. Without rules only
    the figures tell such a table from columns of prose, whose lines are words, not amounts.
    A cell's text wrapped in its column (a long indicator name) stays in its row. Returns the
    other lines, a line per table row and a repair per table."""
    runs: list[list[list[Line]]] = []
    prev: list[Line] | None = None
    for band in row_bands(lines):
        short = all(
            len(ln.text) <= MAX_CELL_CHARS and not ln.text.endswith(PROSE_END) for ln in band
        )
        near = prev is not None and band[0].top - max(ln.bottom for ln in prev) < 2.0 * body
        if short and near and _wrapped_cells(band, prev or [], runs[-1], body):
            runs[-1][-1].extend(band)  # the rest of a cell's text, under its first line
        elif short and len(band) >= 2:
            if near:
                runs[-1].append(band)
            else:
                runs.append([band])
        else:
            prev = None
            continue
        prev = band
    table_ids: set[int] = set()
    rows_out: list[Line] = []
    repairs: list[Repair] = []
    for run in runs:
        figures = 0
        for band in run:
            first = min(ln.x0 for ln in band)
            later = [ln for ln in band if ln.x0 > first + 0.5 * body]
            figures += any(FIGURE_CELL_RE.fullmatch(ln.text) for ln in later)
        slots = _slots(run)
        if figures < 2 or slots is None:
            continue
        texts: list[list[str]] = []
        rows: list[Line] = []
        for r, band in enumerate(run):
            parts: list[list[Line]] = [[] for _ in slots]
            for ln in sorted(band, key=lambda ln: ln.top):
                parts[_slot(ln, slots)].append(ln)
            cells = [join_texts([ln.text for ln in part]) for part in parts]
            texts.append(cells)
            row = Line([c for ln in band for c in ln.chars], band[0].page, cells=tuple(cells))
            row.finish().row = r
            rows.append(row)
            table_ids.update(id(ln) for ln in band)
        rows_out.extend(rows)
        repairs.append(_table_repair(texts, rows, "unruled", run[0][0].page))
    return [ln for ln in lines if id(ln) not in table_ids], rows_out, repairs


def _wrapped_cells(
    band: Sequence[Line], above: Sequence[Line], run: Sequence[Sequence[Line]], body: float
) -> bool:
    """Is every line of ``band`` the rest of a cell of the row above that wrapped: under a line
    starting at its x that filled its column (none of the run's cells from that x reaches
    further), as a name too long for its column wraps in a table whose cells are set top-aligned
    (Word's default)?"""
    column = [ln for row in run for ln in row]
    for ln in band:
        cell = next((a for a in above if abs(a.x0 - ln.x0) < 0.5 * body), None)
        if cell is None or ln.top - cell.bottom > 0.8 * body:
            return False
        same_x = [o.x1 for o in column if abs(o.x0 - cell.x0) < 0.5 * body]
        if cell.x1 < max(same_x) - 0.5 * body:
            return False
    return True


def _slots(rows: Sequence[Sequence[Line]]) -> list[tuple[float, float]] | None:
    """The columns of rows of cells: the x ranges where cells of different rows overlap (labels
    start at one x, figures end at one x), or None unless there are two or more and the lines of
    a row in one column stand one under the other (a wrapped cell), never side by side."""
    slots: list[tuple[float, float]] = []
    for x0, x1 in sorted((ln.x0, ln.x1) for row in rows for ln in row):
        if slots and x0 < slots[-1][1]:
            slots[-1] = (slots[-1][0], max(slots[-1][1], x1))
        else:
            slots.append((x0, x1))
    if len(slots) < 2:
        return None
    for row in rows:
        for i in range(len(slots)):
            cell = sorted((ln for ln in row if _slot(ln, slots) == i), key=lambda ln: ln.top)
            if any(b.top < a.bottom for a, b in zip(cell, cell[1:], strict=False)):
                return None
    return slots


def _slot(line: Line, slots: Sequence[tuple[float, float]]) -> int:
    """The index of the column ``line`` starts in."""
    return next(i for i, (x0, x1) in enumerate(slots) if x0 <= line.x0 < x1 or line.x0 == x0)


def repeated_headers(
    items: list[tuple[str, int | None, dict]],
) -> tuple[list[tuple[str, int | None, dict]], list[Repair]]:
    """A table that runs on to the next page repeats its header row there (Word's "repeat as
    header row"): the repeat, a first row equal to the first row of the table just before it
    with nothing between them, is dropped."""
    out: list[tuple[str, int | None, dict]] = []
    repairs: list[Repair] = []
    header: str | None = None
    for text, level, meta in items:
        row = meta.get("row")
        if row is None:
            header = None
        elif row == 0 and out and out[-1][2].get("row") is not None and text == header:
            repairs.append(
                Repair(
                    "drop_repeated_header",
                    text,
                    "",
                    note=f"table header repeated on page {meta['page']} where the table runs on",
                )
            )
            continue
        elif row == 0:
            header = text
        out.append((text, level, meta))
    return out, repairs
