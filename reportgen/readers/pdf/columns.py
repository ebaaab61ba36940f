"""PDF reader, columns: a page's columns and its lines in reading order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from reportgen.readers.pdf.chars import Line


def reading_order(lines: list[Line], width: float, body: float) -> list[Line]:
    """Order a page's lines: bands separated by lines that span columns, each band read column by
    column, top to bottom."""
    cols = _columns(lines, width, body)
    tol = 0.6 * body
    for ln in lines:
        ln.col = -1
        for i, (left, right) in enumerate(cols):
            if ln.x0 >= left - tol and ln.x1 - ln.hang <= right + tol:
                ln.col = i
                break
    if len({ln.col for ln in lines if ln.col >= 0}) > 1:
        lone = _lone_column_blocks(lines, cols, body)
        for ln in lines:
            if (
                ln.col >= 0
                and id(ln) not in lone
                and not ln.cells
                and _stands_alone(ln, lines, body)
            ):
                ln.col = -1  # a headline above the columns that happens to fit in one of them
    for ln in lines:
        # A line across the columns is measured against the whole text block of the page.
        left, right = cols[ln.col] if ln.col >= 0 else (cols[0][0], cols[-1][1])
        ln.meta = {"col_left": min(left, ln.x0) if ln.col < 0 else left, "col_right": right}
    spanning = sorted((ln for ln in lines if ln.col < 0), key=lambda ln: (ln.top, ln.x0))
    in_cols = [ln for ln in lines if ln.col >= 0]
    ordered: list[Line] = []
    prev_cut = float("-inf")
    for cut in [*spanning, None]:
        y = cut.top if cut is not None else float("inf")
        band = [ln for ln in in_cols if prev_cut <= ln.top < y]
        ordered.extend(sorted(band, key=lambda ln: (ln.col, ln.top, ln.x0)))
        if cut is not None:
            ordered.append(cut)
            prev_cut = cut.top
    return ordered


def _columns(lines: Sequence[Line], width: float, body: float) -> list[tuple[float, float]]:
    """Columns of a page as (left, right) from where body lines start: justified text in a column
    starts every line at the same x (first lines one or two characters further in)."""
    body_lines = [ln for ln in lines if abs(ln.size - body) <= 0.15 * body and not ln.cells]
    if not body_lines:
        return [(0.0, width)]
    starts = Counter(round(ln.x0) for ln in body_lines)
    # Three lines starting at one x make a column (a short last column on the final page too).
    need = min(3, max(2, int(0.05 * len(body_lines))))
    candidates = sorted(float(x) for x, n in starts.items() if n >= need)
    if not candidates:
        return [(0.0, width)]
    lefts = [candidates[0]]
    for x in candidates[1:]:
        # Starts within a few characters of a column's left edge are its indented first lines.
        if x - lefts[-1] < 5 * body:
            continue
        # A new column only if the lines to its left stop before it (a gutter), not when they run
        # past it (a block-indented quotation or list inside one wide column).
        mine = [ln for ln in body_lines if lefts[-1] - body <= ln.x0 < x - body]
        crossing = sum(1 for ln in mine if ln.x1 > x - 0.5 * body)
        if mine and crossing <= 0.3 * len(mine):
            lefts.append(x)
    cols = []
    for i, left in enumerate(lefts):
        bound = lefts[i + 1] if i + 1 < len(lefts) else width + 1
        ends = [ln.x1 for ln in body_lines if left - body <= ln.x0 < bound - body and ln.x1 < bound]
        cols.append((left, _right_edge(ends, bound)))
    # Narrow "columns" (a list of numbers, a caption) are not columns of text.
    cols = [c for c in cols if c[1] - c[0] >= 6 * body] or [(0.0, width)]
    return cols


def _right_edge(ends: list[float], default: float) -> float:
    """Where full lines of a column end: the furthest line end that several lines share
    (justified text; on a short last page two paragraph ends may share an x as often as the
    full lines do), else the 90th percentile (ragged text; a hanging comma must not make every
    other line look short)."""
    if not ends:
        return default
    counts = Counter(round(e) for e in ends)
    common = [x for x, n in counts.items() if n >= max(2, 0.2 * len(ends))]
    if common:
        return float(max(common))
    x, n = counts.most_common(1)[0]
    if n >= 0.2 * len(ends):
        return float(x)
    return sorted(ends)[int(0.9 * (len(ends) - 1))]


def _lone_column_blocks(
    lines: Sequence[Line], cols: Sequence[tuple[float, float]], body: float
) -> set[int]:
    """ids of lines in runs of two or more body lines of one column, set like the column's text
    (from its left edge, or from a first-line indent to its right edge), with no line of another
    column beside any of them: a paragraph that fills only the first column before a headline
    across the page (Word balances a short section that way), not headlines over the columns."""

    def beside(ln: Line) -> bool:
        return any(
            o.col >= 0 and o.col != ln.col and o.top < ln.bottom and o.bottom > ln.top
            for o in lines
        )

    def column_text(ln: Line) -> bool:
        left, right = cols[ln.col]
        offset = ln.x0 - left
        return abs(ln.size - body) <= 0.15 * body and (
            abs(offset) < 0.5 * ln.size
            or (0 < offset < 2.5 * ln.size and right - ln.x1 < 1.0 * ln.size)
        )

    out: set[int] = set()
    for c in range(len(cols)):
        run: list[Line] = []
        for ln in [*sorted((ln for ln in lines if ln.col == c), key=lambda ln: ln.top), None]:
            fits = ln is not None and column_text(ln) and not beside(ln)
            if fits and run and ln.top - run[-1].top < 2.0 * ln.size:
                run.append(ln)
                continue
            if len(run) >= 2:
                out.update(id(r) for r in run)
            run = [ln] if fits else []
    return out


def _stands_alone(line: Line, lines: Iterable[Line], body: float) -> bool:
    """True when no line of another column sits beside ``line`` and, unless it is set larger than
    the body, none stands above it either (a title or byline over the columns)."""
    above = False
    for other in lines:
        if other is line or other.col == line.col or other.col < 0:
            continue
        if other.top < line.bottom and other.bottom > line.top:
            return False
        if other.bottom <= line.top:
            above = True
    return line.size > body * 1.1 or not above
