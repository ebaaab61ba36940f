"""Text copied out of a PDF viewer without blank lines between paragraphs: every line ends with a
line break and nothing else marks a paragraph's end. Headings, title, subtitle and byline must
stand alone, paragraphs end where their last line stops short of the column, and real wraps still
join. Checked on corpus reports re-set in one column 28–40 em wide the way an office PDF sets them
(or cut every so many characters, as a plain-text wrap does), and on generated paragraphs.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reportgen.model import Document
from reportgen.readers import text as text_reader
from reportgen.readers.repair import (
    CLAUSE_PUNCT_RE,
    CLOSING_MARKS,
    PARAGRAPH,
    ROOM_EM,
    SETTLED_WINDOW,
    SPACES,
    char_em,
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
# A closing mark never starts a line (it hangs past the edge instead); a space stays at the end.
NO_LINE_START = CLOSING_MARKS + " "
LATIN_RE = re.compile(r"[A-Za-z0-9.]+$")


@dataclass(frozen=True)
class Piece:
    """One line of the original report as set: its column lines, and how much room its last line
    leaves (in em, or in characters for a plain-text wrap)."""

    text: str
    lines: tuple[str, ...]
    room: float


def set_lines(text: str, width: float) -> list[str]:
    """``text`` broken into lines of ``width`` em the way a typesetter breaks Chinese: greedily,
    closing marks never start a line, a Latin word or number is never split."""
    lines: list[str] = []
    cur, w = "", 0.0
    for ch in text:
        cw = char_em(ch)
        if cur and w + cw > width and ch not in NO_LINE_START:
            carry = ""
            if ch.isascii() and (ch.isalnum() or ch == "."):
                m = LATIN_RE.search(cur)
                carry = m.group() if m and m.group() != cur else ""
            lines.append(cur[: len(cur) - len(carry)])
            cur, w = carry, display_width(carry)
        cur += ch
        w += cw
    if cur:
        lines.append(cur)
    return lines


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


def fold_lines(text: str, width: int) -> list[str]:
    """``text`` cut every ``width`` characters, as a plain-text wrap does it (digits as wide as
    Chinese, numbers and punctuation cut anywhere)."""
    return [text[k : k + width] for k in range(0, len(text), width)]


def copy_out(
    report: str, width: int, *, seed: int, indent: bool, damage: str
) -> tuple[str, list[Piece]]:
    """The report as copied out of a one-column PDF with no blank lines: every line of the
    original (title, subtitle, byline, headings, paragraphs) set at ``width`` em; with
    ``indent`` every piece after the front matter starts with a two-em indent (many copies keep
    it). ``damage``: "clean"; "spaces" – justified lines and font changes show as spaces; "fold"
    – cut every ``width`` characters instead."""
    spaces = damage == "spaces"
    measure = len if damage == "fold" else display_width
    rnd = random.Random(seed)
    originals = [ln.strip(SPACES) for ln in report.split("\n") if ln.strip(SPACES)]
    source = [ln for ln in originals if ln.startswith("# source:")]
    texts = [ln for ln in originals if not ln.startswith("# source:")]
    front = next(k for k, t in enumerate(texts) if CLAUSE_PUNCT_RE.search(t))
    pieces: list[Piece] = []
    out: list[str] = list(source)
    for k, t in enumerate(texts):
        lead = INDENT if indent and k >= front else ""
        lines = (fold_lines if damage == "fold" else set_lines)(lead + t, width)
        copied = []
        for n, ln in enumerate(lines):
            deficit = width - display_width(ln)
            if spaces and n < len(lines) - 1 and deficit >= 1:
                ln = stretch(ln, deficit, rnd)
            if spaces:
                ln = font_gaps(ln, rnd)
            copied.append(ln)
        out.extend(copied)
        pieces.append(Piece(t, tuple(lines), width - measure(lines[-1])))
    return "\n".join(out) + "\n", pieces


def first_word(text: str) -> str:
    """What the next piece starts with that a typesetter could not have left on the line above:
    a character or a whole number/Latin word (after opening marks), with its closing marks."""
    body = nonspace(text)
    k = 0
    while body[k] in "“‘（《〈「『【〔([{":
        k += 1
    m = re.match(r"[A-Za-z0-9.]+", body[k:])
    k += m.end() if m else 1
    while k < len(body) and body[k] in CLOSING_MARKS:
        k += 1
    return body[:k]


def first_word_em(text: str) -> float:
    return display_width(first_word(text))


def cannot_tell(pieces: list[Piece], before: str, after: str, *, damage: str) -> bool:
    """A paragraph break the copy cannot show: the last line of the piece ending in ``before``
    comes within ROOM_EM of the next piece's first word fitting on it, so it looks like a wrap
    (for a plain-text wrap, counted in characters)."""
    for k in range(len(pieces) - 1):
        if remove_spaces(pieces[k].text).endswith(before) and remove_spaces(
            pieces[k + 1].text
        ).startswith(after[:6]):
            word = first_word(pieces[k + 1].text)
            if damage == "fold":
                return pieces[k].room < len(word) + ROOM_EM
            return pieces[k].room < display_width(word) + ROOM_EM
    raise AssertionError(f"no piece ends with {before[-10:]!r}")


def check_against_plain(
    doc: Document, plain: Document, pieces: list[Piece], *, exact: bool, damage: str = "clean"
) -> int:
    """Same headings, front matter and paragraph texts as the plain reading; without indents a
    paragraph may run on into the next one only where the copy cannot tell them apart."""
    assert (doc.title, doc.subtitle, doc.byline) == (plain.title, plain.subtitle, plain.byline)
    assert [s.heading for s in doc.iter_sections()] == [s.heading for s in plain.iter_sections()]
    mine = [p.text for p in doc.paragraphs()]
    theirs = [remove_spaces(p.text) for p in plain.paragraphs()]
    if exact:
        assert mine == theirs
        return 0
    # Every paragraph read is one or more whole paragraphs of the plain reading, in order.
    merged = 0
    j = 0
    for text in mine:
        assert text.startswith(theirs[j]), (text[:30], theirs[j][:30])
        got = theirs[j]
        j += 1
        while got != text:
            assert text.startswith(got + theirs[j]), (text[:30], theirs[j][:30])
            assert cannot_tell(pieces, theirs[j - 1], theirs[j], damage=damage), (
                f"glued: …{got[-20:]} | {theirs[j][:20]}…"
            )
            got += theirs[j]
            j += 1
            merged += 1
    assert j == len(theirs)
    return merged


REPORTS = ["hailar-district_2014_zh.txt", "state-council_2019_zh.txt"]


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("width", [28, 30, 34, 37, 40])
@pytest.mark.parametrize("damage", ["clean", "spaces", "fold"])
def test_report_without_blank_lines_reads_like_the_original(
    name: str, width: int, damage: str
) -> None:
    report = corpus_file(name).read_text(encoding="utf-8")
    plain = text_reader.read_plain(report, source=name)
    copied, pieces = copy_out(report, width, seed=width, indent=False, damage=damage)
    assert "\n\n" not in copied
    assert text_reader.looks_hard_wrapped(copied)
    doc = text_reader.read(copied, source=name)
    assert doc.format == "pdftext"
    merged = check_against_plain(doc, plain, pieces, exact=False, damage=damage)
    # Only a paragraph whose last line happens to end within a few em of the column's edge
    # (ROOM_EM, the next word, a hanging mark: 4–5 em of 28–40) runs on.
    assert merged <= 0.2 * len(plain.paragraphs())


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("width", [28, 40])
@pytest.mark.parametrize("damage", ["clean", "spaces", "fold"])
def test_indented_copy_gives_back_every_paragraph(name: str, width: int, damage: str) -> None:
    """A copy that keeps the two-em first-line indent marks every paragraph: all come back."""
    report = corpus_file(name).read_text(encoding="utf-8")
    plain = text_reader.read_plain(report, source=name)
    copied, pieces = copy_out(report, width, seed=width + 1, indent=True, damage=damage)
    doc = text_reader.read(copied, source=name)
    assert doc.format == "pdftext"
    check_against_plain(doc, plain, pieces, exact=True)


# --- generated paragraphs ----------------------------------------------------------------------


@st.composite
def copied_without_blank_lines(draw):
    """(raw, paragraphs, room of each paragraph's last line, width, indented): generated report
    paragraphs set in a column 12–40 em wide, justified lines showing their gaps as spaces, one
    line after another with no blank line; perhaps with a two-em first-line indent."""
    paras = draw(st.lists(paragraph, min_size=4, max_size=12))
    width = draw(st.integers(12, 40))
    indent = draw(st.booleans())
    rnd = random.Random(draw(st.integers(0, 2**32)))
    out: list[str] = []
    rooms: list[float] = []
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
        rooms.append(width - (2 if indent and len(lines) == 1 else 0) - display_width(lines[-1]))
    # Enough of them that every line has a full window of them on one side.
    assume(mid_word >= 2 * SETTLED_WINDOW)
    return "\n".join(out) + "\n", paras, rooms, width, indent


@settings(settings.get_profile("repair"), suppress_health_check=[HealthCheck.too_slow])
@given(copied_without_blank_lines())
def test_wraps_join_and_only_full_last_lines_run_on(article) -> None:
    raw, paras, rooms, width, indent = article
    check_no_loss_and_idempotent(raw)
    got = [u.text for u in repair(raw).units if u.kind == PARAGRAPH]
    if indent:
        assert got == paras
        return
    # A wrap always joins: every paragraph read is one or more whole paragraphs, in order …
    k = 0
    for text in got:
        whole = paras[k]
        k += 1
        while whole != text:
            assert text.startswith(whole + paras[k])
            # … and one runs on into the next only where its last line gave no sign of ending:
            # it came within ROOM_EM of fitting the next word (and within an em more: a column
            # measured from lines that break before long numbers comes out a little narrow).
            assert rooms[k - 1] < first_word_em(paras[k]) + ROOM_EM + 1.0
            whole += paras[k]
            k += 1
    assert k == len(paras)
