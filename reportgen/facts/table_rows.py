"""Facts step, table rows: facts of a tab-separated table row, read with its table's header."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reportgen.facts import tables as T
from reportgen.facts.fact import ACHIEVEMENT, TARGET, Fact
from reportgen.facts.kinds import cue_kind, named_year, sentence_kind
from reportgen.facts.naming import clean
from reportgen.facts.numbers import normalise_digits, parse_arabic, scale_of, scaled
from reportgen.facts.prose import fact_of, prose_facts
from reportgen.facts.scan import (
    APPROX,
    CLAUSE_DELIMS,
    FULLWIDTH_RE,
    LEVEL_QUALIFIERS,
    OWN_FORM,
    SCALE,
    UNIT,
    WS,
    Hit,
    alternation,
    scan,
)

# A reader gives a table row as one paragraph, its cells joined by a tab (国内生产总值\t亿元\t
# 1260582\t5.2): a tab is a cell boundary, so a number is read within its cell and named by the
# row's name cell; a header row (指标 | 单位 | 2023年 | 比上年增长%) says what each column holds.
ROW_SENTENCE_END_RE = re.compile(r"[。！？!?]\s*$")
LATIN_WORD_RE = re.compile(r"[A-Za-z]+")
HAN_RE = re.compile(r"[\u4e00-\u9fff]")
WORD_RE = re.compile(r"[\u4e00-\u9fffA-Za-z]")
# A serial number before a row's name: 1, 1., (1), （一）, 一、
SERIAL_CELL_RE = re.compile(r"[（(]?(?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）.．、]?")
# A unit a cell notes at its end: 国内生产总值（亿元）, 增长(%), 比上年增长%.
UNIT_NOTE_RE = re.compile(
    rf"[（(]{WS}(?:单位{WS}[:：]{WS})?(?P<u>[^（()）]{{1,8}}){WS}[)）]$|(?P<sym>[%％‰])$"
)
UNIT_CELL_RE = re.compile(rf"(?:(?P<scale>{SCALE}){WS})?(?P<unit>{UNIT})")
# A figure written alone in its cell, its unit in a unit column or the header (1260582, 5.2,
# -0.3, 1.3万, 5左右, 超过126).
BARE_CELL_RE = re.compile(
    rf"(?P<verb>{alternation(T.CHANGE_VERBS)})?{WS}"
    rf"(?P<q>{alternation(T.PREFIX_QUALIFIERS)})?{WS}(?P<sign>[-+−－])?{WS}"
    rf"(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?){WS}(?P<ap1>{APPROX})?{WS}(?P<scale>{SCALE})?{WS}"
    rf"(?P<ap2>{APPROX})?{WS}(?P<sq>{alternation(T.SUFFIX_QUALIFIERS)})?"
)
# A header cell: the year (or the years of a period: 2006—2010年) its figures are of, words of
# result or goal (完成, 目标, 预计完成), a change (比上年增长, 年均增长, ±), a unit note.
YEAR_SPAN_RE = re.compile(r"((?:19|20)\d{2})年?(?:[-－—–~～至到]((?:19|20)?\d{2})年?)?")
CHANGE_VERB_RE = re.compile(alternation([*T.CHANGE_VERBS, "增减", "±"]))
HEADER_REST_RE = re.compile(
    "(?P<kind>"
    + alternation([*T.RESULT_HEADER_WORDS, *T.TARGET_HEADER_WORDS, "预计", "情况", "数", "值"])
    + "*)(?P<change>(?:年均|平均)?(?:(?:比上年同期|比上年|较上年|同比)(?:"
    + CHANGE_VERB_RE.pattern
    + ")?|"
    + CHANGE_VERB_RE.pattern
    + ")(?:率|幅度|速度)?)?"
)


@dataclass(frozen=True)
class _Unit:
    """A unit a table states apart from its figures: in a unit column (亿元), a header (增长%)
    or a name cell (国内生产总值（亿元）); ``factor`` takes a figure to ``base``."""

    base: str
    factor: float
    category: str
    written: str


PERCENT = _Unit("%", 1.0, "percent", "%")


@dataclass(frozen=True)
class Column:
    """What a table's header says of a column: its role (the row's name, unit or serial number;
    "" for figures), the year and kind of its figures, whether they are changes (``sign``), and
    their unit (``rate``: a growth rate, in % unless the header says otherwise)."""

    role: str = ""
    year: int | None = None
    kind: str = ""
    sign: int = 0
    unit: _Unit | None = None
    rate: bool = False


NO_COLUMN = Column()


def row_cells(text: str) -> list[tuple[int, str]] | None:
    """The cells of a table row as (offset, text), or None when ``text`` is no row: a tab line
    with a long cell, a sentence or a translation in it (SC zh-en: 中文句子。\tEnglish sentence.)."""
    if "\t" not in text:
        return None
    cells: list[tuple[int, str]] = []
    at = 0
    for part in text.split("\t"):
        cells.append((at, part))
        at += len(part) + 1
    filled = [c.strip() for _, c in cells if c.strip()]
    if len(filled) < 2 or any(len(c) > T.ROW_CELL_MAX for c in filled):
        return None
    for c in filled:
        words = LATIN_WORD_RE.findall(c)
        if ROW_SENTENCE_END_RE.search(c) or (
            len(words) >= 3 and sum(map(len, words)) > len(HAN_RE.findall(c))
        ):
            return None
    return cells


def _cell_unit(cell: str) -> _Unit | None:
    """The unit a cell is (亿元, 万人, %, 个百分点), None when it is something else."""
    m = UNIT_CELL_RE.fullmatch(cell)
    if m is None:
        return None
    base, factor, category = T.UNITS[m.group("unit")]
    return _Unit(base, scaled(factor, scale_of(m.group("scale") or "")), category, cell)


def _unit_note(cell: str) -> tuple[str, _Unit | None]:
    """A cell without the unit noted at its end, and that unit (增长（%） -> 增长, %)."""
    m = UNIT_NOTE_RE.search(cell)
    if m is None:
        return cell, None
    unit = _cell_unit(re.sub(r"\s+", "", m.group("u") or m.group("sym")))
    return (cell[: m.start()], unit) if unit else (cell, None)


def _header_cell(cell: str) -> Column | None:
    """What a header cell says of its column; None when the cell is no header word."""
    c, unit = _unit_note(re.sub(r"\s+", "", cell))
    if c in T.LABEL_HEADERS:
        return Column(role="label", unit=unit)
    if c in T.UNIT_HEADERS:
        return Column(role="unit")
    if c in T.SERIAL_HEADERS:
        return Column(role="serial")
    year = None
    y = YEAR_SPAN_RE.match(c)
    if y:
        last = y.group(2)
        year = int(y.group(1)[:2] + last[-2:] if last else y.group(1))
        c = c[y.end() :]
    r = HEADER_REST_RE.fullmatch(c)
    if r is None:
        return None
    words, change = r.group("kind"), r.group("change") or ""
    kind = (
        TARGET
        if any(w in words for w in T.TARGET_HEADER_WORDS)
        else ACHIEVEMENT
        if any(w in words for w in T.RESULT_HEADER_WORDS)
        else ""
    )
    sign = 0
    if change:
        v = CHANGE_VERB_RE.search(change)
        sign = T.CHANGE_VERBS.get(v.group(), 1) if v else 1
    col = Column(
        year=year,
        kind=kind,
        sign=sign,
        unit=unit,
        rate=any(w in change for w in T.RATE_HEADER_WORDS),
    )
    return None if col == NO_COLUMN else col


def header_columns(cells: list[tuple[int, str]]) -> tuple[Column, ...] | None:
    """The columns a header row describes, or None when the row is no header: a header holds no
    figure, its first filled cell may be any label (经济指标) and every other cell is a header
    word; at least one says a year, a kind, a change, a unit or where the units are."""
    cols: list[Column] = []
    first = True
    for _, cell in cells:
        c = cell.strip()
        if not c:
            cols.append(NO_COLUMN)
            continue
        col = _header_cell(c)
        if col is None:
            if not first or scan(c) or BARE_CELL_RE.fullmatch(c):
                return None
            col = Column(role="label")
        cols.append(col)
        first = False
    if not any(c.year or c.kind or c.sign or c.unit or c.role == "unit" for c in cols):
        return None
    # A change column with no year or kind of its own is the growth of the figure column before
    # it (2013年完成 | 比上年增长% | 2014年目标 | 增长%), as statistical tables print them.
    for i, c in enumerate(cols):
        if c.sign and c.year is None and not c.kind:
            lead = next((p for p in reversed(cols[:i]) if not p.role and not p.sign), None)
            if lead is not None and (lead.year or lead.kind):
                cols[i] = replace(c, year=lead.year, kind=lead.kind)
    return tuple(cols)


def merge_header(a: tuple[Column, ...], b: tuple[Column, ...]) -> tuple[Column, ...]:
    """Two header rows of one table (2023年 | 2024年 over 完成 | 目标) as one; the shorter lost
    its empty corner cells (see :func:`_aligned`)."""
    a, b = _aligned(a, len(b)), _aligned(b, len(a))
    out = []
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else NO_COLUMN
        y = b[i] if i < len(b) else NO_COLUMN
        out.append(
            Column(
                role=y.role or x.role,
                year=y.year or x.year,
                kind=y.kind or x.kind,
                sign=y.sign or x.sign,
                unit=y.unit or x.unit,
                rate=y.rate or x.rate,
            )
        )
    return tuple(out)


def _aligned(cols: tuple[Column, ...], width: int) -> tuple[Column, ...]:
    """Header columns for a row of ``width`` cells: a header with fewer cells lost its empty
    corner cells at the left (a paragraph's text is stripped: \t2023年\t2024年 comes as
    2023年\t2024年), while a row's empty cells at the right are dropped by the readers."""
    return (NO_COLUMN,) * (width - len(cols)) + cols if len(cols) < width else cols


def _name_cell(cell: str) -> tuple[str, int, _Unit | None]:
    """The indicator a row's name cell gives, the sign of the change verb it ends with
    (国内生产总值增长, 居民消费价格涨幅: the row's figures are changes) and the unit it notes
    (国内生产总值（亿元）)."""
    c, unit = _unit_note(re.sub(r"\s+", "", cell))
    name, verb = clean(c)
    return name or c.strip(CLAUSE_DELIMS), T.CHANGE_VERBS.get(verb, 0), unit


# A count of 万 or more without a measure word (1000万): in prose its noun is its unit.
COUNT_SCALE_RE = re.compile(r"\d[万亿]")


def _counted_name_unit(name: str) -> _Unit | None:
    """The unit of a 万/亿 count a row's name gives when it names people or households (农村贫困
    人口, 参保人数, 出境旅游人次), as a clause's subject does in prose (农村贫困人口减少1240万)."""
    for word, base in (*T.COUNTED_SUBJECTS.items(), *T.COUNTED_NOUNS.items()):
        if name.endswith(word):
            return _Unit(base, 1.0, T.UNITS[base][2], "")
    return None


def _bare_hit(cell: str, off: int, unit: _Unit) -> Hit | None:
    """A figure alone in its cell (1260582, -0.3, 5左右) with the unit its table states."""
    lead = len(cell) - len(cell.lstrip())
    m = BARE_CELL_RE.fullmatch(cell.strip())
    if m is None:
        return None
    at = off + lead
    value = scaled(parse_arabic(m.group("num")), scale_of(m.group("scale") or ""), unit.factor)
    hit = Hit(
        start=at + m.start("num"),
        end=at + m.end(),
        value=-value if m.group("sign") in ("-", "−", "－") else value,
        unit_written=unit.written,
        base=unit.base,
        factor=unit.factor,
        category=unit.category,
        scaled=True,
    )
    hit.qualifier = m.group("sq") or m.group("q") or m.group("ap1") or m.group("ap2") or ""
    if m.group("verb") and not (m.group("q") and m.group("q") in LEVEL_QUALIFIERS):
        hit.sign = T.CHANGE_VERBS[m.group("verb")]  # 减少1000万: the cell says it is a change
    if m.group("q") or m.group("sign"):
        hit.q_start = at + m.start("q") if m.group("q") else at + m.start("sign")
    return hit


def _column_kind(col: Column, ref_year: int | None) -> str:
    """The kind a column's header gives its figures: its words (完成, 目标), else its year against
    the report's (2023年 in a 2024 report: results); "" when it says neither."""
    if col.kind:
        return col.kind
    if col.year is not None and ref_year is not None:
        return ACHIEVEMENT if col.year < ref_year else TARGET
    return ""


def row_facts(
    text: str,
    cells: list[tuple[int, str]],
    header: tuple[Column, ...] | None,
    *,
    paragraph_id: str,
    kind: str,
    years: dict[str, int | None],
    fallback: str,
    ref_year: int | None,
) -> list[Fact]:
    """Facts of a table row: each cell read alone, its figures named by the row's first text
    cell; the header's column says kind, year, change and unit where it can, a unit column or
    a unit noted in the name cell gives bare figures their unit. A row without a name cell is
    read cell by cell like prose."""
    n = normalise_digits(text) if FULLWIDTH_RE.search(text) else text
    cols = _aligned(header, len(cells)) if header else ()
    sentence = text.strip()
    name, name_sign, row_unit = "", 0, None
    figures: list[tuple[int, str, Column]] = []
    for i, (off, cell) in enumerate(cells):
        col = cols[i] if i < len(cols) else NO_COLUMN
        c = n[off : off + len(cell)]
        stripped = c.strip()
        if not stripped or col.role == "serial":
            continue
        if col.role == "unit" or (name and col.role != "label" and _cell_unit(stripped)):
            row_unit = _cell_unit(re.sub(r"\s+", "", stripped)) or row_unit
            continue
        figure = bool(scan(c)) or BARE_CELL_RE.fullmatch(stripped) is not None
        if not name and not figures and SERIAL_CELL_RE.fullmatch(stripped) and not scan(c):
            continue  # 1\t国内生产总值: a serial number, never part of the name
        if col.role == "label" or (not name and not figure and WORD_RE.search(stripped)):
            if not name:
                name, name_sign, noted = _name_cell(c)
                row_unit = row_unit or noted
            continue
        figures.append((off, c, col))
    paragraph_kind = (
        (cue_kind(text, ref_year) or fallback) if kind not in (ACHIEVEMENT, TARGET) else ""
    )
    facts: list[Fact] = []
    previous = name
    for off, c, col in figures:
        col_kind = _column_kind(col, ref_year)
        if not name:
            # no name cell: each cell is a clause of its own (国内生产总值超过126万亿元\t增长5.2%)
            for f in prose_facts(
                c, paragraph_id=paragraph_id, kind=kind, years=years, fallback=fallback,
                ref_year=ref_year,
            ):  # fmt: skip
                k = col_kind or f.kind
                facts.append(
                    replace(
                        f,
                        indicator=f.indicator or previous,
                        kind=k,
                        year=col.year or (f.year if k == f.kind else years.get(k)),
                        sentence=sentence,
                        start=f.start + off,
                        end=f.end + off,
                    )
                )
                previous = facts[-1].indicator
            continue
        hits = scan(c)
        if not hits:
            unit = col.unit or (PERCENT if col.rate else None) or row_unit
            if unit is None and COUNT_SCALE_RE.search(c):
                unit = _counted_name_unit(name)  # 农村贫困人口减少\t1000万以上
            bare = _bare_hit(c, 0, unit) if unit else None
            hits = [bare] if bare else []
        for h in hits:
            h = replace(h, start=h.start + off, end=h.end + off)
            if h.q_start >= 0:
                h.q_start += off
            sign = h.sign
            if not sign and h.category not in OWN_FORM and h.qualifier not in LEVEL_QUALIFIERS:
                # a change column, or a name cell ending in a change verb (国内生产总值增长)
                sign = col.sign or name_sign
            if sign and h.value < 0:
                h.value, sign = -h.value, -sign  # -0.3 in a 比上年± column: a fall of 0.3
            before = n[off : h.start]
            k = col_kind or sentence_kind(before, c, kind, paragraph_kind, ref_year=ref_year)
            year = col.year or years.get(k)
            if k == TARGET and col.year is None:
                year = named_year(before, ref_year) or year
            facts.append(
                fact_of(
                    text,
                    h,
                    indicator=name,
                    kind=k,
                    year=year,
                    sign=sign,
                    sentence=sentence,
                    paragraph_id=paragraph_id,
                )
            )
    return facts
