"""Text copied out of a PDF viewer without blank lines between paragraphs: every line ends with a
line break and nothing else marks a paragraph's end. Headings, title, subtitle and byline must
stand alone, paragraphs end where their last line stops short of the column (or where the copy's
own statistics say a full line ending a sentence ended its paragraph), and real wraps still join.

Measured on corpus reports re-set in one column: every piece of the original (paragraph, heading,
title …) set at a fixed width the way a typesetter breaks Chinese – or cut every so many
characters, as a plain-text wrap does – with or without the two-em first-line indent, one line
after another. Read back, the paragraph boundaries found are compared with the original's; the
expectation comes from the corpus itself, not from the reader's code.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reportgen.readers import text as text_reader
from reportgen.readers.repair import (
    CLAUSE_PUNCT_RE,
    PARAGRAPH,
    ROOM_EM,
    SETTLED_WINDOW,
    SPACES,
    display_width,
    is_cjk,
    nonspace,
    remove_spaces,
    repair,
)

from .conftest import corpus_file
from .test_repair_properties import check_no_loss_and_idempotent, justify, paragraph, wrap

REPRO = (
    "政府工作报告\n"
    "一、2013年工作回顾\n"
    "过去一年，面对复杂形势，我们坚持稳中求进，经济社会发展取得\n"
    "新成绩。全区生产总值增长8%。\n"
    "二、2014年工作安排\n"
    "今年要着力抓好以下工作，确保完成全年目标任务。\n"
)


def test_headings_are_not_glued_onto_the_next_paragraph() -> None:
    assert text_reader.looks_hard_wrapped(REPRO)
    doc = text_reader.read(REPRO, source="g.txt")
    assert doc.format == "pdftext"
    assert doc.title == "政府工作报告"
    assert [s.heading for s in doc.iter_sections() if s.heading] == [
        "一、2013年工作回顾",
        "二、2014年工作安排",
    ]
    assert [p.text for p in doc.paragraphs()] == [
        "过去一年，面对复杂形势，我们坚持稳中求进，经济社会发展取得新成绩。全区生产总值增长8%。",
        "今年要着力抓好以下工作，确保完成全年目标任务。",
    ]


def test_a_plain_report_with_a_slip_stays_plain() -> None:
    """One paragraph line without its full stop does not make a plain report a PDF copy."""
    report = corpus_file("hailar-district_2013_zh.txt").read_text(encoding="utf-8")
    lines = report.split("\n")
    k = next(i for i, ln in enumerate(lines) if ln.strip(SPACES).endswith("。") and i > 8)
    lines[k] = lines[k].rstrip(SPACES)[:-1]
    for n in (20, 30, len(lines)):
        assert not text_reader.looks_hard_wrapped("\n".join(lines[:n]))


# --- corpus reports re-set in one column -----------------------------------------------------

INDENT = "\u3000\u3000"


def pieces(name: str) -> list[str]:
    """The pieces of a corpus report, in order: every non-blank line but the source comment.
    (State Council 2008–2019 hold one aligned sentence or clause per line, so their "paragraphs"
    are mostly single sentences; 2022, 2024 and the Hailar reports one paragraph per line, the
    Hailar ones mostly with blank lines between.)"""
    report = corpus_file(name).read_text(encoding="utf-8")
    return [
        ln.strip(SPACES)
        for ln in report.split("\n")
        if ln.strip(SPACES) and not ln.startswith("# source:")
    ]


def fold_lines(text: str, width: int) -> list[str]:
    """``text`` cut every ``width`` characters, as a plain-text wrap does it (digits as wide as
    Chinese, numbers and punctuation cut anywhere)."""
    return [text[k : k + width] for k in range(0, len(text), width)]


def font_gaps(line: str, rnd: random.Random) -> str:
    """Spaces a copy shows where the font changes between Chinese and a number or Latin word
    ("技能培训 140期", as in the seed)."""
    out = ""
    for k, ch in enumerate(line):
        if k and (is_cjk(line[k - 1]) != is_cjk(ch)) and rnd.random() < 0.5:
            out += " "
        out += ch
    return out


def stretch(line: str, deficit: float, rnd: random.Random) -> str:
    """A line justified to its column: the copy shows its widened gaps as spaces."""
    gaps = [k for k in range(1, len(line)) if is_cjk(line[k - 1]) and is_cjk(line[k])]
    chosen = set(rnd.sample(gaps, min(len(gaps), max(1, int(deficit * 2)))))
    return "".join(rnd.choice(" \u3000") + ch if k in chosen else ch for k, ch in enumerate(line))


def copy_out(texts: list[str], width: int, *, indent: bool, damage: str) -> str:
    """The report as copied out of a one-column PDF with no blank lines: every piece set at
    ``width`` em; with ``indent`` every piece after the front matter (title, subtitle, byline:
    before the first piece with punctuation) starts with a two-em indent, as many copies keep
    it. ``damage``: "clean"; "spaces" – justified lines and font changes show as spaces;
    "fold" – cut every ``width`` characters instead."""
    rnd = random.Random(width)
    front = next(k for k, t in enumerate(texts) if CLAUSE_PUNCT_RE.search(t))
    out: list[str] = []
    for k, t in enumerate(texts):
        lead = INDENT if indent and k >= front else ""
        lines = (fold_lines if damage == "fold" else wrap)(lead + t, width)
        for n, ln in enumerate(lines):
            if damage == "spaces":
                deficit = width - display_width(ln)
                if n < len(lines) - 1 and deficit >= 1:
                    ln = stretch(ln, deficit, rnd)
                ln = font_gaps(ln, rnd)
            out.append(ln)
    return "\n".join(out) + "\n"


def cuts(texts: list[str]) -> set[int]:
    """Where one piece ends and the next begins, counted in non-space characters."""
    out: set[int] = set()
    pos = 0
    for t in texts[:-1]:
        pos += len(nonspace(t))
        out.add(pos)
    return out


@dataclass(frozen=True)
class Score:
    precision: float  # boundaries read that the original has
    recall: float  # boundaries of the original read

    def __str__(self) -> str:
        return f"{self.precision:.3f}/{self.recall:.3f}"


def boundary_score(texts: list[str], raw: str) -> Score:
    """Repair ``raw`` (``texts`` copied out) and score the units' boundaries against the pieces'."""
    units = [u.text for u in repair(raw).units]
    assert nonspace("".join(units)) == nonspace("".join(texts))  # nothing lost, nothing added
    truth, found = cuts(texts), cuts(units)
    hits = len(truth & found)
    return Score(hits / len(found), hits / len(truth))


# Paragraph-boundary precision/recall (see Score) as measured before → after the reader weighed
# a copy's own statistics after a full stop: before, a paragraph whose last line came within
# ROOM_EM (2.5 em) of fitting the next line's first word always ran on, and a numbered heading
# ending a full line in a full stop never did. "clean": no indent; "spaces": no indent,
# justification and font-change spaces; "fold": no indent, cut by characters; "indent": clean,
# with the two-em indent. The tests hold the "after" levels.
WIDTHS = (28, 34, 40)
LEVELS = """
# report           copy   28 em                   34 em                   40 em
hailar-district_2012 clean  1.000/0.875→1.000/0.906 0.914/1.000→1.000/1.000 0.968/0.938→1.000/0.969
hailar-district_2012 spaces 1.000/0.875→1.000/0.906 0.914/1.000→1.000/1.000 0.968/0.938→1.000/0.969
hailar-district_2012 fold   0.969/0.969→1.000/1.000 0.882/0.938→1.000/1.000 0.938/0.938→1.000/0.969
hailar-district_2012 indent 1.000/1.000→1.000/1.000 0.889/1.000→1.000/1.000 0.914/1.000→1.000/1.000
hailar-district_2013 clean  1.000/0.789→1.000/0.974 1.000/0.895→1.000/1.000 1.000/0.947→1.000/1.000
hailar-district_2013 spaces 1.000/0.789→1.000/0.974 1.000/0.895→1.000/1.000 1.000/0.947→1.000/1.000
hailar-district_2013 fold   1.000/0.868→1.000/1.000 1.000/0.895→1.000/1.000 1.000/0.974→1.000/1.000
hailar-district_2013 indent 1.000/1.000→1.000/1.000 1.000/1.000→1.000/1.000 1.000/1.000→1.000/1.000
hailar-district_2014 clean  1.000/0.885→1.000/1.000 1.000/0.885→1.000/1.000 1.000/0.934→1.000/0.984
hailar-district_2014 spaces 1.000/0.885→1.000/1.000 1.000/0.885→1.000/1.000 1.000/0.934→1.000/1.000
hailar-district_2014 fold   1.000/0.902→0.984/1.000 1.000/0.934→1.000/1.000 1.000/0.951→1.000/1.000
hailar-district_2014 indent 1.000/1.000→1.000/1.000 1.000/1.000→1.000/1.000 1.000/1.000→1.000/1.000
hailar-district_2015 clean  1.000/0.983→1.000/1.000 1.000/1.000→1.000/1.000 1.000/0.931→1.000/1.000
hailar-district_2015 spaces 1.000/0.983→1.000/1.000 1.000/1.000→1.000/1.000 1.000/0.931→1.000/1.000
hailar-district_2015 fold   1.000/0.931→1.000/0.983 1.000/0.983→1.000/1.000 1.000/0.983→1.000/1.000
hailar-district_2015 indent 1.000/1.000→1.000/1.000 1.000/1.000→1.000/1.000 1.000/1.000→1.000/1.000
state-council_2010   clean  1.000/0.862→0.998/0.987 1.000/0.887→0.997/0.987 1.000/0.912→1.000/0.997
state-council_2010   spaces 1.000/0.862→0.998/0.987 1.000/0.887→0.997/0.987 1.000/0.912→1.000/0.997
state-council_2010   fold   1.000/0.881→0.998/0.989 1.000/0.905→0.998/0.986 1.000/0.936→1.000/0.997
state-council_2010   indent 1.000/1.000→1.000/1.000 1.000/1.000→1.000/1.000 1.000/1.000→1.000/1.000
state-council_2019   clean  1.000/0.844→1.000/0.985 1.000/0.912→1.000/0.991 1.000/0.927→1.000/0.989
state-council_2019   spaces 1.000/0.844→1.000/0.985 1.000/0.912→1.000/0.991 1.000/0.927→1.000/0.989
state-council_2019   fold   1.000/0.865→1.000/0.984 1.000/0.924→1.000/0.995 1.000/0.940→1.000/0.988
state-council_2019   indent 1.000/1.000→1.000/1.000 1.000/1.000→1.000/1.000 1.000/1.000→1.000/1.000
state-council_2022   clean  0.976/0.874→1.000/0.947 1.000/0.905→1.000/0.947 1.000/0.863→1.000/0.916
state-council_2022   spaces 0.976/0.874→1.000/0.947 1.000/0.905→1.000/0.947 1.000/0.863→1.000/0.916
state-council_2022   fold   0.988/0.895→1.000/0.968 1.000/0.947→0.979/0.989 1.000/0.937→1.000/0.958
state-council_2022   indent 0.979/1.000→1.000/1.000 1.000/1.000→1.000/1.000 1.000/1.000→1.000/1.000
state-council_2024   clean  1.000/0.886→1.000/0.920 1.000/0.920→1.000/0.943 1.000/0.909→1.000/0.977
state-council_2024   spaces 1.000/0.886→1.000/0.920 1.000/0.920→1.000/0.943 1.000/0.909→1.000/0.977
state-council_2024   fold   1.000/0.943→1.000/0.977 1.000/0.909→1.000/0.977 1.000/0.943→1.000/1.000
state-council_2024   indent 0.967/1.000→1.000/1.000 1.000/1.000→1.000/1.000 1.000/1.000→1.000/1.000
"""


def levels() -> list[tuple[str, str, int, Score, Score]]:
    rows = []
    for line in LEVELS.strip().splitlines():
        if line.startswith("#"):
            continue
        name, copy, *cells = line.split()
        for width, cell in zip(WIDTHS, cells, strict=True):
            before, after = (Score(*map(float, half.split("/"))) for half in cell.split("→"))
            rows.append((f"{name}_zh.txt", copy, width, before, after))
    return rows


def read_back(name: str, copy: str, width: int) -> tuple[list[str], str]:
    texts = pieces(name)
    damage = "clean" if copy == "indent" else copy
    return texts, copy_out(texts, width, indent=copy == "indent", damage=damage)


@pytest.mark.parametrize(("name", "copy", "width", "before", "after"), levels())
def test_paragraph_boundaries_of_a_report_without_blank_lines(
    name: str, copy: str, width: int, before: Score, after: Score
) -> None:
    texts, raw = read_back(name, copy, width)
    assert "\n\n" not in raw
    assert text_reader.looks_hard_wrapped(raw)
    got = boundary_score(texts, raw)
    assert got.precision >= after.precision - 5e-4, f"{got} (was {after})"
    assert got.recall >= after.recall - 5e-4, f"{got} (was {after})"


def test_the_levels_are_an_improvement() -> None:
    """Over all the copies measured, no more paragraphs are cut in two, and of those that ran
    on into the next one without an indent to tell them apart, less than half still do."""
    rows = levels()
    assert sum(a.precision for *_, a in rows) >= sum(b.precision for *_, b, _a in rows)
    merged_before = sum(1 - b.recall for _n, copy, _w, b, _a in rows if copy != "indent")
    merged_after = sum(1 - a.recall for _n, copy, _w, _b, a in rows if copy != "indent")
    assert merged_after < 0.5 * merged_before


@pytest.mark.parametrize("name", ["hailar-district_2014_zh.txt", "state-council_2019_zh.txt"])
@pytest.mark.parametrize("damage", ["clean", "spaces", "fold"])
def test_front_matter_and_headings_read_as_in_the_plain_report(name: str, damage: str) -> None:
    """Title, subtitle, byline and numbered headings stand alone in a copy without blank lines
    or indents, as in the plain reading of the report."""
    report = corpus_file(name).read_text(encoding="utf-8")
    plain = text_reader.read_plain(report, source=name)
    for width in (28, 40):
        raw = copy_out(pieces(name), width, indent=False, damage=damage)
        doc = text_reader.read(raw, source=name)
        assert doc.format == "pdftext"
        assert (doc.title, doc.subtitle, doc.byline) == (plain.title, plain.subtitle, plain.byline)
        assert [s.heading for s in doc.iter_sections()] == [
            s.heading for s in plain.iter_sections()
        ]
        # Between them, the paragraphs keep every character, in order.
        mine = "".join(p.text for p in doc.paragraphs())
        assert mine == "".join(remove_spaces(p.text) for p in plain.paragraphs())


# --- generated paragraphs ----------------------------------------------------------------------


@st.composite
def copied_without_blank_lines(draw):
    """(raw, paragraphs, each paragraph's last line, width, indented): generated report
    paragraphs set in a column 12–40 em wide, justified lines showing their gaps as spaces, one
    line after another with no blank line; perhaps with a two-em first-line indent."""
    paras = draw(st.lists(paragraph, min_size=4, max_size=12))
    width = draw(st.integers(12, 40))
    indent = draw(st.booleans())
    rnd = random.Random(draw(st.integers(0, 2**32)))
    out: list[str] = []
    last_lines: list[str] = []
    mid_word = 0
    for para in paras:
        lines = wrap(para, width - (2 if indent else 0))
        if indent and len(lines) > 1:  # only the first line is indented: re-set the rest
            lines = [lines[0], *wrap(para[len(lines[0]) :], width)]
        for k, ln in enumerate(lines):
            last = k == len(lines) - 1
            cap = width - (2 if indent and k == 0 else 0)
            text = justify(ln, rnd, 0.0, 0.0 if last else cap - display_width(ln))
            out.append((INDENT if indent and k == 0 else "") + text)
            # A line to measure the column by: broken off mid-word, not stretched, not indented.
            if not last and text == ln and not (indent and k == 0):
                mid_word += ln.rstrip("”’）")[-1] not in "。！？，、；："
        last_lines.append(lines[-1])
    # Enough of them that every line has a full window of them on one side.
    assume(mid_word >= 2 * SETTLED_WINDOW)
    return "\n".join(out) + "\n", paras, last_lines, width, indent


def ends_with_stop(line: str) -> bool:
    return line.rstrip(SPACES).rstrip("”’）")[-1:] in ("。", "！", "？")


@settings(settings.get_profile("repair"), suppress_health_check=[HealthCheck.too_slow])
@given(copied_without_blank_lines())
def test_wraps_join_and_only_full_last_lines_run_on(article) -> None:
    raw, paras, last_lines, width, indent = article
    check_no_loss_and_idempotent(raw)
    got = [u.text for u in repair(raw).units if u.kind == PARAGRAPH]
    if indent:
        assert got == paras
        return
    truth, found = cuts(paras), cuts(got)
    # A paragraph is cut in two only where a line of the copy ends a sentence …
    stops: set[int] = set()
    pos = 0
    for line in raw.splitlines():
        pos += len(nonspace(line))
        if ends_with_stop(line):
            stops.add(pos)
    assert found - truth <= stops
    # … and runs on into the next one only where its last line gave no sign of ending: set in a
    # column ROOM_EM + 1 em narrower (a column measured from lines that break before long
    # numbers comes out a little narrow), it would have taken nothing of the next paragraph.
    for k, cut in enumerate(sorted(truth)):
        if cut not in found:
            narrower = wrap(last_lines[k] + paras[k + 1], width - ROOM_EM - 1.0)
            assert len(narrower[0]) <= len(last_lines[k])
