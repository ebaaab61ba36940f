"""PDF reader: pdfplumber characters to blocks, in column reading order, headings by font size/weight."""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from reportgen.errors import InputError
from reportgen.model import Block, Document, Repair
from reportgen.readers import outline_levels
from reportgen.readers.text import clean_line
from reportgen.structure import build_document, numbered_heading_level, split_run_in_heading

log = logging.getLogger(__name__)

BOLD_FONT_RE = re.compile(r"bold|black|heavy|semibold|demi|extrab|ultrab|W[6-9](?![0-9])", re.I)
PAGE_NUMBER_RE = re.compile(
    r"^(?:[-—–·\s]*\d{1,4}[-—–·\s]*|第\s*\d+\s*页.*|\d+\s*/\s*\d+|page\s*\d+.*)$", re.I
)
SENTENCE_END = ("。", "！", "？", "：", "；", "”", "」", "』", ".", "!", "?", ":", ";", "…")
# Labels that Word and WPS list numbering put before a heading or item, then a tab.
LABEL_RE = re.compile(
    r"[（(]?[一二三四五六七八九十]{1,3}[）)、]|第[一二三四五六七八九十]{1,3}[、，章节部分条]?"
    r"|[（(]?\d{1,2}[）)、.．]|[①-⑳]"
)
# What opens a footnote: its number or mark (Word sets "1", WeasyPrint "1.", books "①" or "*").
# A bare number must not be a quantity ("2013年", "5.2%") in small print under the text.
NOTE_MARK_RE = re.compile(
    r"[\[［(（]\d{1,3}[\]］)）]|\d{1,3}[.．、](?!\d)|\d{1,3}(?![\d.．%年月日万亿千百个])"
    r"|[①-⑳*＊※†]|注[释解]?[:：\d①]"
)
# Footnote calls: a number (¹, 1, [1], ①) or mark set smaller than its line and raised above
# its baseline (Word and Writer set them at about 58-67 % size, raised a third of an em).
CALL_RE = re.compile(r"[\[［(（]?\d{1,3}[\]］)）]?|[*＊†‡]{1,3}|[①-⑳]")
CALL_SIZE = 0.85  # at most this share of the line's size
CALL_RISE = 0.2  # ems (of the line) its bottom stands above the line's: a smaller glyph on the
# same baseline rises by its font's descent times the size difference, under 0.15 em
MARK_CHAR_RE = re.compile(r"[\d\[\]［］()（）*＊†‡①-⑳⁰¹²³⁴⁵⁶⁷⁸⁹.]")
SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# Table rows are paragraphs of their cells separated by a tab, as Word and LibreOffice copy a
# table row to plain text (and the facts step reads a tab as a space between indicator and value).
TABLE_CELL_SEP = "\t"
MAX_CELL_CHARS = 24  # a table's cells are names and figures; longer runs are lines of prose
TABLE_CELL_MEDIAN = 30  # a "table" whose cells are longer is a frame round text (boxed article)
# A cell that is a figure: 126万亿元, 5.2%, 1.3万亿斤以上, 2023年, or a dash for none.
FIGURE_CELL_RE = re.compile(
    r"[约近超逾]?[-+−±]?\d[\d,，.．]*\s*(?:[%％‰]|[万亿千百]?[\u4e00-\u9fff]{1,3}|[A-Za-z/]{1,6})?"
    r"(?:左右|以上|以下|以内)?|[-—–－]{1,2}"
)
PROSE_END = ("。", "；", "，", "：", "！", "？")
LABEL_TAB = 4.0  # ems: the farthest a default tab stop puts the text after its label
LETTER_SPACING = 6.0  # ems: the widest even spacing read as a spaced-out line, not columns
HANGING_PUNCT = frozenset("，。、；：！？”’）》」』,.;:!?")
CJK_RE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
# Heading thresholds relative to the body font size.
HEADING_SIZE = 1.3  # this much larger is a heading whatever the weight
BOLD_MIN_SIZE = 0.95  # a whole bold line at body size or larger is a heading
MAX_HEADING_CHARS = 80
MAX_PAGES = 2000
EDGE_ROWS = 3  # rows at the top and at the bottom of a page that may hold running heads and feet
FURNITURE_Y_TOL = 3.0  # points: a running head or foot sits at the same height on every page


Box = tuple[float, float, float, float]  # x0, top, x1, bottom
# A ruled table as pdfplumber finds it: rows of cell boxes, None where a merged cell covers the
# grid position.
Grid = tuple[tuple[Box | None, ...], ...]


@dataclass(frozen=True)
class _Page:
    """One page: its size in points, its characters and the ruled tables pdfplumber found on it."""

    width: float
    height: float
    chars: list[dict]
    grids: tuple[Grid, ...] = ()


@dataclass
class _Line:
    """A run of characters on one baseline with no wide gap: a line of one column (or a headline)."""

    chars: list[dict]
    page: int
    x0: float = 0.0
    x1: float = 0.0
    hang: float = 0.0  # width of a closing mark hung past the column's right edge, if any
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    bold: bool = False
    text: str = ""
    col: int = -1  # column index on its page; -1 spans columns
    meta: dict = field(default_factory=dict)
    cells: tuple[str, ...] = ()  # a table row: its cells' texts, left to right
    row: int = -1  # a table row: its index in its table

    def finish(self) -> _Line:
        cs = self.chars
        self.x0 = min(c["x0"] for c in cs)
        self.x1 = max(c["x1"] for c in cs)
        last = max(cs, key=lambda c: c["x1"])
        # Word and Writer let a closing mark hang past the right margin (标点溢出边界).
        self.hang = last["x1"] - last["x0"] if last["text"] in HANGING_PUNCT else 0.0
        self.top = min(c["top"] for c in cs)
        self.bottom = max(c["bottom"] for c in cs)
        sizes = Counter(round(c["size"], 1) for c in cs if not c["text"].isspace())
        self.size = sizes.most_common(1)[0][0] if sizes else cs[0]["size"]
        visible = [c for c in cs if not c["text"].isspace()]
        self.bold = bool(visible) and all(BOLD_FONT_RE.search(c["fontname"] or "") for c in visible)
        self.text = TABLE_CELL_SEP.join(self.cells).rstrip() if self.cells else _line_text(cs)
        return self


def _line_text(chars: Sequence[dict]) -> str:
    """Characters left to right; a space only where a visible gap separates Latin words (wider
    than the even spacing of a spaced-out title, whose "2 0 0 9" is still 2009)."""
    out: list[str] = []
    prev: dict | None = None
    spacing = _letter_spacing(chars)
    for c in chars:
        t = c["text"]
        if prev is not None and not t.isspace() and out and not out[-1].isspace():
            gap = c["x0"] - prev["x1"] - spacing
            if gap > 0.25 * c["size"] and not (CJK_RE.match(t) or CJK_RE.match(prev["text"])):
                out.append(" ")
        out.append(t)
        prev = c
    return re.sub(r"\s+", " ", "".join(out)).strip()


def read(data: bytes, *, source: str) -> Document:
    """Read a PDF with a text layer. ``Document.text`` is the blocks' text, one per line."""
    pages = _unmapped_glyphs(_extract_pages(data, source=source), source=source)
    body_size = _body_size([page.chars for page in pages])
    if body_size is None:
        raise InputError(f"{source}: the PDF has no text layer (a scan?); run OCR first")
    blank = [n + 1 for n, page in enumerate(pages) if not page.chars]
    if blank:
        # Mixed documents (a scanned annex, an image-only page) lose those pages' text.
        log.warning("%s: page(s) %s have no text layer and were skipped", source, _ranges(blank))
    repairs: list[Repair] = []
    # Ruled tables first: their characters are read cell by cell, not as lines across the page.
    ruled: list[list[_Line]] = []
    rest: list[list[dict]] = []
    for n, page in enumerate(pages):
        chars, rows, found = _ruled_tables(page, n)
        rest.append(chars)
        ruled.append(rows)
        repairs.extend(found)
    per_page = [_page_lines(chars, n, body_size) for n, chars in enumerate(rest)]
    heights = [page.height for page in pages]
    running = _running_heads(per_page, heights)
    placed = _placed_furniture(per_page)
    lines: list[_Line] = []
    notes: dict[int, list[_Line]] = {}
    for n, (page_lines, page) in enumerate(zip(per_page, pages, strict=True)):
        kept = []
        for ln in page_lines:
            if (
                id(ln) in placed
                or _is_furniture(ln, page.height, body_size)
                or (_in_margin(ln, page.height) and _furniture_key(ln.text) in running)
            ):
                continue
            ln, calls = _without_note_calls(ln, body_size)
            kept.append(ln)
            repairs.extend(calls)
        kept, rows, found = _aligned_tables(kept, body_size)
        repairs.extend(found)
        ordered = _reading_order([*kept, *rows, *ruled[n]], page.width, body_size)
        text_lines, notes[n] = _footnotes(ordered, body_size)
        lines.extend(text_lines)
    bold_body = _bold_share(lines, body_size) > 0.5
    items, joins = _blocks(lines, body_size, bold_cue=not bold_body)
    items, headers = _repeated_headers(items)
    repairs.extend([*joins, *headers])
    items = _with_notes(_numbered_levels(items), notes)
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


def _extract_pages(data: bytes, *, source: str) -> list[_Page]:
    """Characters and ruled tables per page; pdfplumber objects never leave this function."""
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError(f"{source}: not a PDF file (no %PDF header)")
    try:
        import pdfplumber

        pages = []
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise InputError(f"{source}: {len(pdf.pages)} pages; more than {MAX_PAGES}")
            keep = ("text", "x0", "x1", "top", "bottom", "size", "fontname")
            for page in pdf.pages:
                chars: list[dict] = []
                seen: set[tuple[str, float, float]] = set()
                for c in page.chars:
                    # Newspapers fake bold by printing a glyph twice, slightly offset; keep one.
                    key = (c["text"], round(c["x0"]), round(c["top"]))
                    if key in seen or not c.get("upright", True):
                        continue
                    seen.add(key)
                    char = {k: c.get(k) for k in keep}
                    char["text"] = _ideograph(char["text"] or "")
                    chars.append(char)
                grids: tuple[Grid, ...] = ()
                if chars and (page.lines or page.rects):  # no rules, no ruled table
                    grids = tuple(
                        tuple(tuple(row.cells) for row in table.rows)
                        for table in page.find_tables()
                    )
                pages.append(_Page(float(page.width), float(page.height), chars, grids))
        return pages
    except InputError:
        raise
    except Exception as e:  # pdfminer raises many kinds of errors on damaged files
        # pdfplumber wraps pdfminer's error: the cause is in args / __context__.
        causes = [e, e.__cause__, e.__context__, *(a for a in e.args if isinstance(a, Exception))]
        names = " ".join(type(c).__name__ for c in causes if c is not None)
        if re.search(r"password|encrypt", names, re.I):
            raise InputError(f"{source}: the PDF is encrypted (password-protected)") from None
        inner = next((c for c in causes[1:] if c is not None), e)
        raise InputError(f"{source}: damaged or truncated PDF ({type(inner).__name__})") from None


def _unmapped_glyphs(pages: list[_Page], *, source: str) -> list[_Page]:
    """Glyphs whose font has no map back to Unicode (no ToUnicode table: some Word, WPS and
    typesetting exports) come out as "(cid:1234)". When most text is like that the PDF has no
    usable text layer; a few such glyphs (a symbol font) are dropped, with a warning."""
    total = sum(len(page.chars) for page in pages)
    unmapped = sum(c["text"].startswith("(cid:") for page in pages for c in page.chars)
    if not unmapped:
        return pages
    if unmapped >= 0.2 * total:
        raise InputError(
            f"{source}: the PDF's fonts do not map their glyphs to text ({unmapped} of {total} "
            "characters unreadable); run OCR on it"
        )
    log.warning("%s: %d glyph(s) without a text mapping were dropped", source, unmapped)
    return [
        replace(page, chars=[c for c in page.chars if not c["text"].startswith("(cid:")])
        for page in pages
    ]


def _ideograph(text: str) -> str:
    """Kangxi and supplementary radicals (⼀ U+2F00, ⾏ U+2F8F) and compatibility ideographs as
    the ideographs they stand for (一, 行): fonts that list a glyph under both code points lead
    Word and other producers to write the radical into the text layer, which looks right and
    matches nothing. Only these blocks: NFKC elsewhere would turn full-width ， into ,."""
    if any("\u2e80" <= ch <= "\u2fdf" or "\uf900" <= ch <= "\ufaff" for ch in text):
        return "".join(
            unicodedata.normalize("NFKC", ch)
            if "\u2e80" <= ch <= "\u2fdf" or "\uf900" <= ch <= "\ufaff"
            else ch
            for ch in text
        )
    return text


def _body_size(pages: Sequence[Sequence[dict]]) -> float | None:
    """The commonest character size (to half a point) of the pages' characters."""
    sizes: Counter[float] = Counter()
    for chars in pages:
        sizes.update(round(c["size"] * 2) / 2 for c in chars if not c["text"].isspace())
    return sizes.most_common(1)[0][0] if sizes else None


def _page_lines(chars: list[dict], page: int, body: float) -> list[_Line]:
    """Group characters into lines: same vertical band, split where a gap wider than ~1 em opens
    (a column gutter or the space between two headlines side by side)."""
    chars = [c for c in chars if c["text"]]
    chars.sort(key=lambda c: (c["top"] + c["bottom"]) / 2)
    rows: list[list[dict]] = []
    row_mid = 0.0
    for c in chars:
        mid = (c["top"] + c["bottom"]) / 2
        tol = 0.45 * min(c["size"], body) if c["size"] else 1.0
        if rows and abs(mid - row_mid) <= tol:
            rows[-1].append(c)
        else:
            rows.append([c])
            row_mid = mid
    lines: list[_Line] = []
    for row in _with_raised_marks(rows):
        row.sort(key=lambda c: c["x0"])
        spacing = _letter_spacing(row)
        runs: list[list[dict]] = [[]]
        for c in row:
            run = runs[-1]
            if run:
                gap = c["x0"] - run[-1]["x1"]
                em = max(body, min(c["size"], run[-1]["size"]))
                # A list label ("一、", "（一）", "1.") is followed by a tab to the text.
                label = gap < LABEL_TAB * em and LABEL_RE.fullmatch(_line_text(run)) is not None
                if gap > 1.0 * em + spacing and not label:
                    runs.append(run := [])
            run.append(c)
        lines.extend(_Line(run, page) for run in runs if run)
    out = [ln.finish() for ln in lines]
    return [ln for ln in out if ln.text]


def _with_raised_marks(rows: list[list[dict]]) -> list[list[dict]]:
    """Rows with the superscripts raised out of them put back: a superscript set at nearly full
    size (HTML's <sup>: "m²", a call "[3]") stands half an em above its line, a row of its own
    of a few digits or brackets that overlaps the line and touches one of its characters."""
    out: list[list[dict]] = []
    for row in rows:
        if len(row) <= 5 and all(MARK_CHAR_RE.fullmatch(c["text"]) for c in row):
            top = min(c["top"] for c in row)
            bottom = max(c["bottom"] for c in row)
            x0 = min(c["x0"] for c in row)
            x1 = max(c["x1"] for c in row)
            em = max(c["size"] for c in row)
            host = next(
                (
                    other
                    for other in rows
                    if len(other) > len(row)
                    and min(c["top"] for c in other) < bottom
                    and max(c["bottom"] for c in other) > top
                    and any(
                        abs(c["x1"] - x0) < 0.3 * em or abs(c["x0"] - x1) < 0.3 * em for c in other
                    )
                ),
                None,
            )
            if host is not None:
                host.extend(row)  # sorted left to right with the rest of its line
                continue
        out.append(row)
    return out


def _letter_spacing(row: Sequence[dict]) -> float:
    """The even space a row sets between its characters when it is spaced out (a title with
    wide character spacing or distributed alignment: 政　府　工　作　报　告, 2009　年　政 …), else 0:
    only a gap wider than that by an em parts two columns. Columns of text have no such space
    between most of their characters; a row of a few scattered characters is not spaced out."""
    visible = [c for c in row if not c["text"].isspace()]
    if len(visible) < 3:
        return 0.0
    gaps = sorted(b["x0"] - a["x1"] for a, b in zip(visible, visible[1:], strict=False))
    median = gaps[len(gaps) // 2]
    size = max(c["size"] for c in visible)
    return median if 0.3 * size < median <= LETTER_SPACING * size else 0.0


def _in_margin(line: _Line, height: float) -> bool:
    return line.top > height * 0.9 or line.bottom < height * 0.1


def _is_furniture(line: _Line, height: float, body: float) -> bool:
    """Page numbers in the top or bottom margin."""
    return (
        _in_margin(line, height)
        and bool(PAGE_NUMBER_RE.match(line.text))
        and line.size <= body * 1.2
    )


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _running_heads(per_page: Sequence[Sequence[_Line]], heights: Sequence[float]) -> set[str]:
    """Texts in the top or bottom margin of at least half the pages (running heads and feet,
    "第 3 页 共 8 页"): page furniture, not report text."""
    if len(per_page) < 2:
        return set()
    seen: Counter[str] = Counter()
    for page_lines, height in zip(per_page, heights, strict=True):
        seen.update({_furniture_key(ln.text) for ln in page_lines if _in_margin(ln, height)})
    need = max(2, (len(per_page) + 1) // 2)
    return {key for key, n in seen.items() if n >= need}


def _edge_lines(lines: Sequence[_Line], *, rows: int = EDGE_ROWS) -> list[_Line]:
    """The lines of the first and last few rows of a page, where running heads and feet sit."""
    bands = _bands(lines)
    if len(bands) <= 2 * rows:
        return [ln for band in bands for ln in band]
    return [ln for band in [*bands[:rows], *bands[-rows:]] for ln in band]


def _placed_furniture(per_page: Sequence[Sequence[_Line]]) -> set[int]:
    """ids of page furniture wherever the margins are: a text (digits counting as one, so page
    numbers match) at the top or bottom of a page that recurs at the same height on a third of
    the pages or more. Word and WPS set footers well inside the page (official documents put
    "— 3 —" about 3 cm above the edge, odd pages right, even pages left), so a fixed margin
    misses them; a report's own lines never repeat at one height from page to page."""
    if len(per_page) < 2:
        return set()
    need = max(2, -(-len(per_page) // 3))
    found: dict[str, list[tuple[int, _Line]]] = {}
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


def _footnotes(lines: list[_Line], body: float) -> tuple[list[_Line], list[_Line]]:
    """A page's text lines and its footnotes: the lines under the lowest body-size line, set
    smaller, apart from the text or opening with a note mark (1, ①, [1], *, 注). Left in place
    they would cut a paragraph that runs on to the next page in two."""
    floor = max(
        (ln.bottom for ln in lines if abs(ln.size - body) <= 0.15 * body or ln.cells),
        default=None,
    )
    if floor is None:
        return lines, []
    below = sorted(
        (ln for ln in lines if ln.top >= floor and ln.size < 0.9 * body and not ln.cells),
        key=lambda ln: (ln.top, ln.x0),
    )
    # Set apart by a blank line's worth of space (under the footnote rule), or opening with a
    # note mark: small print that runs on right under the text may be the text's own.
    if not below or not (_note_mark(below[0]) or below[0].top - floor >= body):
        return lines, []
    return [ln for ln in lines if not any(ln is b for b in below)], below


def _note_mark(line: _Line) -> bool:
    """Opens with a footnote's number or mark: a superscript number (smaller than the note's
    text, so "62014年" is note 6 on 2014), or a mark as NOTE_MARK_RE knows them."""
    first = line.chars[0]
    if first["text"].isdigit() and first["size"] < 0.85 * line.size:
        return True
    return NOTE_MARK_RE.match(line.text) is not None


def _with_notes(
    items: list[tuple[str, int | None, dict]], notes: dict[int, list[_Line]]
) -> list[tuple[str, int | None, dict]]:
    """Each page's footnotes as paragraphs after the paragraph that was running at the foot of
    that page (joined across the page break without them)."""
    out = list(items)
    for page in sorted(notes, reverse=True):
        if not notes[page]:
            continue
        size = Counter(ln.size for ln in notes[page]).most_common(1)[0][0]
        note_items, _ = _blocks(notes[page], size, bold_cue=False)
        at = max((i + 1 for i, it in enumerate(out) if it[2]["page"] <= page + 1), default=0)
        out[at:at] = [(text, None, meta) for text, _, meta in note_items]
    return out


# --- footnote calls and tables ------------------------------------------------------------------


def _without_note_calls(line: _Line, body: float) -> tuple[_Line, list[Repair]]:
    """``line`` without its footnote calls (a number or mark set smaller and raised, or a Unicode
    superscript digit, after a word: "增长6.1%¹，" would read as 6.11%), each recorded. Kept: a
    mark opening a line of small print or set apart from the text after it (a footnote's own
    number, which the footnote reader needs; a call the line break carried to the start of a body
    line runs on into the next word), and a superscript after a Latin letter or a digit (an
    exponent: m², 10⁸)."""
    chars = line.chars
    normal = [c for c in chars if not c["text"].isspace() and c["size"] > CALL_SIZE * line.size]
    if len(normal) < 2:
        return line, []
    bottoms = sorted(c["bottom"] for c in normal)
    base = bottoms[len(bottoms) // 2]

    def raised(c: dict) -> bool:
        if c["text"] and c["text"] in "⁰¹²³⁴⁵⁶⁷⁸⁹":
            return True
        rise = base - c["bottom"]
        if c["size"] <= CALL_SIZE * line.size:
            return rise >= CALL_RISE * line.size
        # HTML's <sup> keeps nearly the full size and raises the mark half an em.
        return c["size"] <= line.size and rise >= 2 * CALL_RISE * line.size

    drop: set[int] = set()
    repairs: list[Repair] = []
    i = 0
    while i < len(chars):
        if not raised(chars[i]):
            i += 1
            continue
        j = i
        while j < len(chars) and raised(chars[j]):
            j += 1
        mark = "".join(c["text"] for c in chars[i:j]).translate(SUPERSCRIPT_DIGITS)
        before = [c for c in chars[:i] if not c["text"].isspace()]
        after = chars[j] if j < len(chars) else None
        if not before:
            # A call carried to the start of a body line; small print opens with its note mark.
            call = (
                line.size >= 0.9 * body
                and after is not None
                and not after["text"].isspace()
                and after["x0"] - chars[j - 1]["x1"] < 0.3 * line.size
            )
        else:
            call = not re.fullmatch(r"[A-Za-z0-9]", before[-1]["text"])
        if call and CALL_RE.fullmatch(mark):
            drop.update(range(i, j))
            context = _line_text(before[-8:])
            repairs.append(
                Repair(
                    "drop_note_call",
                    f"{context}{mark}",
                    context,
                    note=f"footnote call {mark} on page {line.page + 1} taken out of the text",
                )
            )
        i = j
    if not drop:
        return line, []
    kept = [c for k, c in enumerate(chars) if k not in drop]
    return _Line(kept, line.page).finish(), repairs


def _ruled_tables(page: _Page, n: int) -> tuple[list[dict], list[_Line], list[Repair]]:
    """The page's characters outside its ruled tables, a line per table row (its cells' text in
    order: a cell's wrapped lines joined, footnote calls dropped) and a repair per table. What
    pdfplumber finds between rules is a table only with two rows and two columns of short cells:
    rules round a boxed article or between a newspaper's columns enclose paragraphs."""
    chars = page.chars
    rows_out: list[_Line] = []
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
            _Line([c for cell in row for c in cell], n, cells=tuple(text)).finish()
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
    for ln in _page_lines(chars, page, size):
        ln, calls = _without_note_calls(ln, size)
        texts.append(ln.text)
        repairs.extend(calls)
    return _join(texts), repairs


def _table_repair(
    texts: Sequence[Sequence[str]], rows: Sequence[_Line], kind: str, n: int
) -> Repair:
    cols = max(len(row) for row in texts)
    return Repair(
        "read_table",
        "\n".join(t for row in texts for t in row if t),
        "\n".join(ln.text for ln in rows),
        note=f"{kind} table on page {n + 1}: {len(rows)} rows of up to {cols} cells read as one "
        "paragraph per row, cells separated by a tab",
    )


def _bands(lines: Iterable[_Line]) -> list[list[_Line]]:
    """Lines grouped into rows across the page (vertically overlapping), top to bottom, each row
    left to right."""
    bands: list[list[_Line]] = []
    for ln in sorted(lines, key=lambda ln: ln.top):
        if bands and ln.top < max(o.bottom for o in bands[-1]):
            bands[-1].append(ln)  # overlaps the band above: the same row (left and right parts)
        else:
            bands.append([ln])
    return [sorted(band, key=lambda ln: ln.x0) for band in bands]


def _aligned_tables(
    lines: list[_Line], body: float
) -> tuple[list[_Line], list[_Line], list[Repair]]:
    """Tables without rules (a Word table with its borders off, a layout of tab stops): rows of
    two or more short cells, one under the other, whose cells stand in the same columns, two
    rows or more with a figure (126万亿元, 5.2%, —) in a cell after the first. Without rules only
    the figures tell such a table from columns of prose, whose lines are words, not amounts.
    A cell's text wrapped in its column (a long indicator name) stays in its row. Returns the
    other lines, a line per table row and a repair per table."""
    runs: list[list[list[_Line]]] = []
    prev: list[_Line] | None = None
    for band in _bands(lines):
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
    rows_out: list[_Line] = []
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
        rows: list[_Line] = []
        for r, band in enumerate(run):
            parts: list[list[_Line]] = [[] for _ in slots]
            for ln in sorted(band, key=lambda ln: ln.top):
                parts[_slot(ln, slots)].append(ln)
            cells = [_join([ln.text for ln in part]) for part in parts]
            texts.append(cells)
            row = _Line([c for ln in band for c in ln.chars], band[0].page, cells=tuple(cells))
            row.finish().row = r
            rows.append(row)
            table_ids.update(id(ln) for ln in band)
        rows_out.extend(rows)
        repairs.append(_table_repair(texts, rows, "unruled", run[0][0].page))
    return [ln for ln in lines if id(ln) not in table_ids], rows_out, repairs


def _wrapped_cells(
    band: Sequence[_Line], above: Sequence[_Line], run: Sequence[Sequence[_Line]], body: float
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


def _slots(rows: Sequence[Sequence[_Line]]) -> list[tuple[float, float]] | None:
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


def _slot(line: _Line, slots: Sequence[tuple[float, float]]) -> int:
    """The index of the column ``line`` starts in."""
    return next(i for i, (x0, x1) in enumerate(slots) if x0 <= line.x0 < x1 or line.x0 == x0)


def _repeated_headers(
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


def _bold_share(lines: Sequence[_Line], body: float) -> float:
    """How much of the body-size text is bold; when most is, weight says nothing about headings."""
    body_lines = [ln for ln in lines if abs(ln.size - body) <= 0.15 * body and not ln.cells]
    chars = sum(len(ln.text) for ln in body_lines)
    return sum(len(ln.text) for ln in body_lines if ln.bold) / chars if chars else 0.0


def _columns(lines: Sequence[_Line], width: float, body: float) -> list[tuple[float, float]]:
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


def _reading_order(lines: list[_Line], width: float, body: float) -> list[_Line]:
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
    ordered: list[_Line] = []
    prev_cut = float("-inf")
    for cut in [*spanning, None]:
        y = cut.top if cut is not None else float("inf")
        band = [ln for ln in in_cols if prev_cut <= ln.top < y]
        ordered.extend(sorted(band, key=lambda ln: (ln.col, ln.top, ln.x0)))
        if cut is not None:
            ordered.append(cut)
            prev_cut = cut.top
    return ordered


def _lone_column_blocks(
    lines: Sequence[_Line], cols: Sequence[tuple[float, float]], body: float
) -> set[int]:
    """ids of lines in runs of two or more body lines of one column, set like the column's text
    (from its left edge, or from a first-line indent to its right edge), with no line of another
    column beside any of them: a paragraph that fills only the first column before a headline
    across the page (Word balances a short section that way), not headlines over the columns."""

    def beside(ln: _Line) -> bool:
        return any(
            o.col >= 0 and o.col != ln.col and o.top < ln.bottom and o.bottom > ln.top
            for o in lines
        )

    def column_text(ln: _Line) -> bool:
        left, right = cols[ln.col]
        offset = ln.x0 - left
        return abs(ln.size - body) <= 0.15 * body and (
            abs(offset) < 0.5 * ln.size
            or (0 < offset < 2.5 * ln.size and right - ln.x1 < 1.0 * ln.size)
        )

    out: set[int] = set()
    for c in range(len(cols)):
        run: list[_Line] = []
        for ln in [*sorted((ln for ln in lines if ln.col == c), key=lambda ln: ln.top), None]:
            fits = ln is not None and column_text(ln) and not beside(ln)
            if fits and run and ln.top - run[-1].top < 2.0 * ln.size:
                run.append(ln)
                continue
            if len(run) >= 2:
                out.update(id(r) for r in run)
            run = [ln] if fits else []
    return out


def _stands_alone(line: _Line, lines: Iterable[_Line], body: float) -> bool:
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


def _is_heading(line: _Line, body: float, *, bold_cue: bool = True) -> bool:
    if len(line.text) > MAX_HEADING_CHARS or line.cells:
        return False
    bold = bold_cue and line.bold and line.size >= body * BOLD_MIN_SIZE
    return line.size >= body * HEADING_SIZE or bold


def _blocks(
    lines: Sequence[_Line], body: float, *, bold_cue: bool = True
) -> tuple[list[tuple[str, int | None, dict]], list[Repair]]:
    """Join lines into headings (same style, adjacent) and paragraphs (wrapped lines), using the
    first-line indent, short last lines, sentence ends and vertical gaps; a table row is a
    paragraph of its own."""
    rows = lines
    lines = [ln for ln in rows if not ln.cells]  # the layout is measured on the text
    styles = sorted(
        {(ln.size, ln.bold) for ln in lines if _is_heading(ln, body, bold_cue=bold_cue)},
        key=lambda s: (-s[0], not s[1]),
    )
    rank = {s: i + 1 for i, s in enumerate(styles)}
    pitch = _line_pitch(lines, body)
    # Reports that indent first lines mark paragraphs that way; a short line that stops
    # mid-sentence is then only a wrap before an unbreakable run ("同比增长|67.3%").
    indents = sum(
        1
        for ln in lines
        if ln.col >= 0 and not _is_heading(ln, body, bold_cue=bold_cue) and _indented(ln)
    )
    uses_indent = indents >= 3
    # Or by a blank line's worth of space between paragraphs.
    spaced = sum(
        1
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and a.col == b.col >= 0 and 1.3 * pitch < b.top - a.top < 4 * pitch
    )
    marked = uses_indent or spaced >= 3
    # The usual first-line indent (two characters in Chinese typesetting).
    offsets = Counter(
        round(_offset(b))
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page
        and a.col == b.col >= 0
        and _offset(b) - _offset(a) >= 0.8 * b.size
        and not _is_heading(b, body, bold_cue=bold_cue)
    )
    first_indent = float(offsets.most_common(1)[0][0]) if offsets else None
    items: list[tuple[str, int | None, dict]] = []
    repairs: list[Repair] = []
    cur: list[_Line] = []
    cur_heading = False

    def flush() -> None:
        nonlocal cur
        if cur:
            text = _join([ln.text for ln in cur])
            level = rank[(cur[0].size, cur[0].bold)] if cur_heading else None
            if cur_heading and len(text) > MAX_HEADING_CHARS:
                level = None  # a long bold passage is emphasis, not a heading
            items.append((text, level, {"page": cur[0].page + 1}))
        cur = []

    for ln in rows:
        if ln.cells:
            flush()
            items.append((ln.text, None, {"page": ln.page + 1, "row": ln.row}))
            continue
        heading = _is_heading(ln, body, bold_cue=bold_cue)
        if cur:
            prev = cur[-1]
            same_place = prev.page == ln.page and prev.col == ln.col
            if cur_heading and not heading and _emphasis_lead(cur, ln, body):
                # The bold lines were the lead of a paragraph whose text runs on in regular
                # weight (a bold first sentence, or a run-in "（一）……。" heading): one paragraph,
                # which the structure step splits at a numbered run-in heading.
                joins = (
                    _continues(
                        prev,
                        ln,
                        pitch,
                        marked=marked,
                        first=len(cur) == 1,
                        first_indent=first_indent,
                    )
                    if same_place
                    else _continues_after_break(
                        prev, ln, uses_indent=uses_indent, first_indent=first_indent
                    )
                )
                cur_heading = not joins
            elif heading or cur_heading:
                # Wrapped headline lines share a style and follow each other closely; a full
                # line runs on into the next column or page (a long bold passage).
                joins = (
                    heading
                    and cur_heading
                    and (prev.size, prev.bold) == (ln.size, ln.bold)
                    and (
                        _heading_wraps(
                            prev,
                            ln,
                            body,
                            pitch,
                            marked=marked,
                            first=len(cur) == 1,
                            first_indent=first_indent,
                        )
                        if same_place
                        else _emphasis_lead(cur, ln, body)
                        and _continues_after_break(
                            prev, ln, uses_indent=uses_indent, first_indent=first_indent
                        )
                    )
                )
            elif same_place:
                joins = _continues(
                    prev, ln, pitch, marked=marked, first=len(cur) == 1, first_indent=first_indent
                )
            else:
                joins = _continues_after_break(
                    prev, ln, uses_indent=uses_indent, first_indent=first_indent
                )
                if joins:
                    repairs.append(
                        Repair(
                            "join_column_break",
                            f"{prev.text}|{ln.text}",
                            f"{prev.text}{ln.text}",
                            note=f"paragraph continued from page {prev.page + 1} to {ln.page + 1}",
                        )
                    )
            if not joins:
                flush()
        if not cur:
            cur_heading = heading
        cur.append(ln)
    flush()
    return items, repairs


def _heading_wraps(
    prev: _Line,
    line: _Line,
    body: float,
    pitch: float,
    *,
    marked: bool,
    first: bool,
    first_indent: float | None,
) -> bool:
    """Does heading ``line`` continue the heading line ``prev`` of the same style? A numbered
    line starts a heading of its own; a bold heading at body size is laid out like a paragraph
    (a bold lead sentence below it starts at the first-line indent), unless both are centred."""
    if not 0 <= line.top - prev.bottom < 1.0 * line.size:
        return False
    if numbered_heading_level(line.text) is not None:
        return False
    if line.size >= body * HEADING_SIZE or (_centred(prev) and _centred(line)):
        return True
    return _continues(prev, line, pitch, marked=marked, first=first, first_indent=first_indent)


def _emphasis_lead(cur: Sequence[_Line], line: _Line, body: float) -> bool:
    """Bold lines at body size whose last one fills its column, followed by a line of the same
    size: when that line continues the paragraph, the bold was a sentence set in bold inside it,
    not a heading (a heading stands on its own lines; the next paragraph starts afresh)."""
    last = cur[-1]
    return (
        cur[0].size < body * HEADING_SIZE
        and abs(line.size - cur[0].size) < 0.15 * body
        and last.col >= 0
        and line.col >= 0
        and not _short(last)
    )


def _numbered_levels(
    items: Sequence[tuple[str, int | None, dict]],
) -> list[tuple[str, int | None, dict]]:
    """Outline levels from the style ranks, corrected by the report's numbering where the styles
    cannot tell: parts (一、) and sub-sections (（一）) set in one bold body style are two levels,
    and parts set apart only by typeface (黑体 at body size, which the reader cannot measure) still
    outrank the sub-sections whose weight or size it can."""
    numbered = {i: numbered_heading_level(t) for i, (t, lv, _) in enumerate(items) if lv}
    mixed = {
        lv
        for lv in {items[i][1] for i in numbered}
        if {n for i, n in numbered.items() if items[i][1] == lv} >= {1, 2}
    }
    keys: dict[int, tuple[float, int]] = {}
    for i, n in numbered.items():
        lv = items[i][1] or 0
        keys[i] = (lv, n or 1) if lv in mixed else (lv, 0)
    sub_ranks = [items[i][1] or 0 for i, n in numbered.items() if n == 2]
    if sub_ranks and 1 not in numbered.values():
        top = min(sub_ranks)
        for i, (text, level, _) in enumerate(items):
            whole = len(text) <= MAX_HEADING_CHARS and not split_run_in_heading(text)[1]
            if level is None and numbered_heading_level(text) == 1 and whole:
                keys[i] = (top - 0.5, 1)
    rank = {k: r + 1 for r, k in enumerate(sorted(set(keys.values())))}
    return [(t, rank[keys[i]] if i in keys else lv, m) for i, (t, lv, m) in enumerate(items)]


def _line_pitch(lines: Sequence[_Line], body: float) -> float:
    """The usual distance between the tops of consecutive body lines of a column."""
    gaps: Counter[int] = Counter()
    for a, b in zip(lines, lines[1:], strict=False):
        if a.page == b.page and a.col == b.col and abs(a.size - body) < 0.15 * body:
            if a.cells or b.cells:
                continue
            d = b.top - a.top
            if 0 < d < 3 * body:
                gaps[round(d)] += 1
    return float(gaps.most_common(1)[0][0]) if gaps else 1.5 * body


def _indented(line: _Line) -> bool:
    return line.x0 - line.meta["col_left"] >= 0.8 * line.size


def _short(line: _Line) -> bool:
    return line.meta["col_right"] - line.x1 >= 1.8 * line.size


def _full(line: _Line) -> bool:
    """Fills its column from edge to edge: no room for one more character (a character and a
    half where a closing mark may not start the next line). A centred line this wide wrapped."""
    slack = (line.x0 - line.meta["col_left"]) + (line.meta["col_right"] - line.x1)
    return slack < 1.5 * line.size


def _centred(line: _Line) -> bool:
    """Set in the middle of its column, well clear of both edges."""
    left = line.x0 - line.meta["col_left"]
    right = line.meta["col_right"] - line.x1
    return min(left, right) >= 2 * line.size and abs(left - right) < line.size


def _offset(line: _Line) -> float:
    return line.x0 - line.meta["col_left"]


def _continues(
    prev: _Line,
    line: _Line,
    pitch: float,
    *,
    marked: bool,
    first: bool = False,
    first_indent: float | None = None,
) -> bool:
    """Does ``line`` continue the paragraph whose last line is ``prev`` (``first``: its only one)?"""
    if line.top - prev.top > 1.3 * pitch:
        return False  # a blank line between paragraphs
    if _full(prev) and not prev.text.endswith(SENTENCE_END) and _centred(line):
        return True  # a centred line (a long subtitle) wrapped: its second line is centred too
    if first_indent is not None and abs(_offset(line) - first_indent) < 0.4 * line.size:
        return False  # indented like the document's first lines
    # Indented further than the line above: a first line. Measured against the line above, not
    # the column, so that a block-indented passage (a quotation, a list) stays one paragraph.
    if _offset(line) - _offset(prev) >= 0.8 * line.size:
        return False
    # The left edge moved out again after a block-indented passage (first lines excepted).
    if not first and _offset(prev) - _offset(line) >= 0.8 * line.size:
        return False
    if not _short(prev):
        return True
    # A short line ends its paragraph (centred subtitles and bylines are short too) unless it
    # stops mid-sentence in a layout that marks paragraphs by indents or spacing.
    room = prev.meta["col_right"] - prev.x1
    return (
        marked and prev.col >= 0 and not prev.text.endswith(SENTENCE_END) and room < 8 * prev.size
    )


def _continues_after_break(
    prev: _Line, line: _Line, *, uses_indent: bool, first_indent: float | None = None
) -> bool:
    """A paragraph runs on into the next column or page when the next column starts without an
    indent (in an indented layout) or the last line is full and stops mid-sentence."""
    if prev.col < 0 or line.col < 0 or _offset(line) - _offset(prev) >= 0.8 * line.size:
        return False
    if first_indent is not None and abs(_offset(line) - first_indent) < 0.4 * line.size:
        return False
    if uses_indent:
        return not _short(prev) or not prev.text.endswith(SENTENCE_END)
    room = prev.meta["col_right"] - prev.x1
    return room < 8 * prev.size and not prev.text.endswith(SENTENCE_END)


def _join(parts: Sequence[str]) -> str:
    out = ""
    for p in parts:
        if out and p and not (CJK_RE.match(out[-1]) or CJK_RE.match(p[0])):
            if out.endswith("-") and p[0].islower():
                out = out[:-1]  # a hyphenated word broken at the line end
            else:
                out += " "
        out += p
    return out
