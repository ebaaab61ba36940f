"""PDF reader, characters: pdfplumber's characters per page (glyph checks), grouped into lines."""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from reportgen.errors import InputError

log = logging.getLogger(__name__)

BOLD_FONT_RE = re.compile(r"bold|black|heavy|semibold|demi|extrab|ultrab|W[6-9](?![0-9])", re.I)
# Labels that Word and WPS list numbering put before a heading or item, then a tab.
LABEL_RE = re.compile(
    r"[（(]?[一二三四五六七八九十]{1,3}[）)、]|第[一二三四五六七八九十]{1,3}[、，章节部分条]?"
    r"|[（(]?\d{1,2}[）)、.．]|[①-⑳]"
)
MARK_CHAR_RE = re.compile(r"[\d\[\]［］()（）*＊†‡①-⑳⁰¹²³⁴⁵⁶⁷⁸⁹.]")
# Table rows are paragraphs of their cells separated by a tab, as Word and LibreOffice copy a
# table row to plain text (and the facts step reads a tab as a space between indicator and value).
TABLE_CELL_SEP = "\t"
LABEL_TAB = 4.0  # ems: the farthest a default tab stop puts the text after its label
LETTER_SPACING = 6.0  # ems: the widest even spacing read as a spaced-out line, not columns
HANGING_PUNCT = frozenset("，。、；：！？”’）》」』,.;:!?")
CJK_RE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
MAX_PAGES = 2000

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
# A ruled table as pdfplumber finds it: rows of cell boxes, None where a merged cell covers the
# grid position.
Grid = tuple[tuple[Box | None, ...], ...]


@dataclass(frozen=True)
class Page:
    """One page: its size in points, its characters and the ruled tables pdfplumber found on it."""

    width: float
    height: float
    chars: list[dict]
    grids: tuple[Grid, ...] = ()


@dataclass
class Line:
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

    def finish(self) -> Line:
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
        self.text = TABLE_CELL_SEP.join(self.cells).rstrip() if self.cells else line_text(cs)
        return self


def line_text(chars: Sequence[dict]) -> str:
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


def extract_pages(data: bytes, *, source: str) -> list[Page]:
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
                pages.append(Page(float(page.width), float(page.height), chars, grids))
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


def unmapped_glyphs(pages: list[Page], *, source: str) -> list[Page]:
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


def commonest_size(pages: Sequence[Sequence[dict]]) -> float | None:
    """The commonest character size (to half a point) of the pages' characters."""
    sizes: Counter[float] = Counter()
    for chars in pages:
        sizes.update(round(c["size"] * 2) / 2 for c in chars if not c["text"].isspace())
    return sizes.most_common(1)[0][0] if sizes else None


def group_lines(chars: list[dict], page: int, body: float) -> list[Line]:
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
    lines: list[Line] = []
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
                label = gap < LABEL_TAB * em and LABEL_RE.fullmatch(line_text(run)) is not None
                if gap > 1.0 * em + spacing and not label:
                    runs.append(run := [])
            run.append(c)
        lines.extend(Line(run, page) for run in runs if run)
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


def row_bands(lines: Iterable[Line]) -> list[list[Line]]:
    """Lines grouped into rows across the page (vertically overlapping), top to bottom, each row
    left to right."""
    bands: list[list[Line]] = []
    for ln in sorted(lines, key=lambda ln: ln.top):
        if bands and ln.top < max(o.bottom for o in bands[-1]):
            bands[-1].append(ln)  # overlaps the band above: the same row (left and right parts)
        else:
            bands.append([ln])
    return [sorted(band, key=lambda ln: ln.x0) for band in bands]
