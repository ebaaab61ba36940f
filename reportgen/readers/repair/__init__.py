"""Pure text repairs for text copied out of a newspaper PDF (no I/O, no document tree).

What the copy damages, and what is undone here:

* **hard wraps** – every column line ends with a line break, mid-word ("基础设|施");
* **column breaks** – a blank line where a paragraph runs on into the next column
  ("强化教育基础设" + blank line + "施，新增学位"), while real paragraph breaks are blank lines too;
* **doubled headline glyphs** – a headline printed with an outline/shadow font comes out twice, per
  phrase ("优化空间布局优化空间布局 促进城乡融合促进城乡融合") or per font run ("精彩精彩··20232023");
* **justification spaces** – spaces between CJK characters and around numbers ("建 设 ， 争 取",
  "5441.5 万 元"); spaces between two Latin words or numbers are content and stay.

:func:`repair` turns raw text into :class:`Unit` s (title, byline, headings, part markers and
paragraphs) with their spans in the raw text, and records every change as a
:class:`~reportgen.model.Repair` whose ``before`` is exactly ``raw[start:end]``.
:meth:`Repaired.text` is the repaired text, one unit per line with blank lines between units, and
repairing it again changes nothing.

Paragraph boundaries (the layout is lost, so the decisions rest on the text and line widths):

* a blank line after a line that ends a sentence (。！？… optionally closed by ”）) is a paragraph
  break. A column that ends exactly on a full stop therefore splits its paragraph: the copy
  cannot tell that break from a paragraph break (no text is lost either way);
* a blank line after a line that stops mid-sentence is a column break – the paragraph runs on –
  when that line is *full* for its column (a column only breaks after its last, full line) and the
  text after the blank goes on; a short line there, or one wider than the column (a subtitle set
  above the columns), ends its block. A numbered heading ("（一）……") with no full stop followed by
  a blank line is a whole heading, unless it is a run-in heading broken by the column (its full
  stop follows soon);
* consecutive lines join unless the next one is indented or starts a numbered heading or a "——"
  item, or the first one stops short of its column: a typesetter breaks a line only where the
  next word no longer fits, so a line that leaves room for the next line's first word (with
  :data:`ROOM_EM` to spare for the slack of real copies) ended its paragraph, whether it ends in a
  full stop or not. Copies without blank lines between paragraphs rest on this. After a full
  stop the copy's own statistics decide (:class:`_FullStops`): the room its wraps leave says how
  closely it can be measured (a clean copy to the em: then a line with room for the next word
  ended), and a line that fills its column up to a full stop – a wrap as often as not in
  newspaper text – ends its paragraph only where the copy makes that likelier: how many
  paragraph ends fall into a column's last em (from the short last lines seen) against how
  many wraps fall after a full stop (from those after a comma), weighed by how the next line
  opens (a topic sentence, "各位代表", an indent) compared with the paragraphs and sentences
  of the same copy. A paragraph whose last line ends at its column's edge and whose neighbour
  opens like any sentence still runs on into it. A numbered heading ("一、……", "（一）……") or
  a front-matter line (title, subtitle, byline: before the first line with punctuation) ends
  where it does not fill its line; a numbered heading that fills its line up to its full stop
  goes on where the copy's other headings run in ("（一）……。2011年，……").
  Where the column cannot be measured that closely (too few lines), a line ends its paragraph
  when it is much shorter than its column and not stretched;
* "full" is measured in em (CJK characters 1, Latin letters and digits ½, a closing mark that may
  hang past the column not counted) against the column's width, estimated from the other wrapped
  lines of the run, else of the runs around it – for the room a line leaves, from the nearest
  lines of its run broken off mid-word (:data:`SETTLED_WINDOW`). A line whose copy shows spaces
  between CJK characters was stretched to its column: before a blank line it is full whatever
  its glyphs measure. A line wider than any newspaper column (:data:`MAX_COLUMN_EM`) is a whole
  paragraph, never a wrap.

Headlines: a line standing alone (blank lines around it) that is doubled, or set as phrases
("优化空间布局 促进城乡融合"), or – in a newspaper spread – short, unpunctuated and after a
finished sentence, and that is not simply a full line of the column around it. A repeated word or
sentence inside the text is never undoubled.
"""

from __future__ import annotations

import bisect
import functools
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportgen.model import Repair
from reportgen.structure import BYLINE_RE, SOURCE_COMMENT_RE

# --- character classes -------------------------------------------------------------------------

_IDEOGRAPH_RANGES = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2FFFF),
)
# CJK punctuation and symbols that sit in running Chinese text (full-width in print).
CJK_PUNCT = set("，。、；：！？（）《》〈〉「」『』【】〔〕“”‘’…—·・～﹏％＋－／")
SPACES = " \t\u3000\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\ufeff"
SPACE_RE = re.compile(f"[{SPACES}]+")
SENTENCE_END = "。！？!?…"
CLOSERS = "”’」』）)】》\"'"
# Marks that may hang past the end of a column line (they never start a line).
CLOSING_MARKS = "，。、；：！？”’）》」』…%％,.;:!?)"
# Opening marks never end a line: the character after one moves down with it.
OPENING_MARKS = "“‘（《〈「『【〔([{"
# Where a line may start a new item even without a blank line before it.
ITEM_START_RE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|——|\d{1,2}[．.、](?!\d))"
)
NUMBERED_HEADING_RE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])"
)
# Part markers of a newspaper spread: "精彩·2023", "回眸·2022", "展望 · 2023", "2024·奋进".
MARKER_RE = re.compile(
    r"^(?:(?P<w1>[\u4e00-\u9fff]{2,4})\s*[·•・．.]\s*(?P<y1>(?:19|20)\d{2})"
    r"|(?P<y2>(?:19|20)\d{2})\s*[·•・．.]\s*(?P<w2>[\u4e00-\u9fff]{2,4}))$"
)

# Punctuation that marks running text: a headline has none of it.
CLAUSE_PUNCT_RE = re.compile(r"[，、。！？；：,;:!?]")
MAX_COLUMN_EM = 60.0  # wider than any newspaper column: such a line is a whole paragraph
FULL_LINE = 0.8  # a column-break line fills at least this share of its column
OVERHANG_EM = 2.0  # a column line is never wider than its column but for a hanging mark
SHORT_LAST_LINE = 0.6  # without a blank line, a line this short ends its paragraph
# A line leaving this much room beyond the next line's first word was not wrapped: justified
# copies fall up to 2 em short of their column (CJK punctuation set half-width, narrow digits).
ROOM_EM = 2.5
INDENT_EM = 2.0  # a paragraph's first line is indented two characters
# A heading or front-matter line is set on its own: it goes on to the next line only when it
# leaves less than this much room beyond the next line's first word.
FULL_HEADING_ROOM = 1.0
# The room rule measures a line against this many lines broken off mid-word nearest it in its
# run on either side (a side with fewer does not count): enough for their upper median to be the
# column's width, few enough to stay in one column where a run goes on into the next.
SETTLED_WINDOW = 5
# A copy's own wraps tell how closely its widths can be measured (:class:`_FullStops`), given
# this many lines broken off mid-word; a line ending a sentence that leaves SLACK_MARGIN more
# room than any of them ended its paragraph.
SLACK_SAMPLES = 20
SLACK_MARGIN = 0.5
# A topic sentence opening a paragraph: a short sentence without clauses.
TOPIC_MAX = 12
TOPIC_RE = re.compile(rf"^[^，、；：,;:。！？!?]{{2,{TOPIC_MAX}}}[。！？!?]")
ADDRESSES = ("各位代表",)
HEADING_LINES = 4  # a numbered heading's full stop, if any, comes within this many lines
# A sentence's end in running text, with the closing marks after it.
STOP_RE = re.compile(r"[。！？!?…]+[”’」』）)]*")
# A complete subtitle ("——2019年3月5日在第十三届全国人民代表大会第二次会议上") never runs on.
SUBTITLE_RE = re.compile(
    r"^(?:——|—|-{2,4})\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.*上$"
)
MAX_HEADLINE_EM = 32.0
RUN_IN_REST = 8  # the rest of a run-in heading after a column break ends this soon …
RUN_IN_MAX = 48  # … or goes on with its clauses, the whole heading no longer than this


@functools.lru_cache(maxsize=8192)
def is_ideograph(ch: str) -> bool:
    o = ord(ch)
    return any(a <= o <= b for a, b in _IDEOGRAPH_RANGES)


def is_cjk(ch: str) -> bool:
    """An ideograph or a piece of CJK/full-width punctuation."""
    if not ch:
        return False
    return (
        is_ideograph(ch)
        or ch in CJK_PUNCT
        or 0x3000 < ord(ch) <= 0x303F
        or 0xFF01 <= ord(ch) <= 0xFF60
    )


def is_space(ch: str) -> bool:
    return ch in SPACES or ch.isspace()


@functools.lru_cache(maxsize=8192)  # a report uses a few thousand distinct characters
def char_em(ch: str) -> float:
    """Printed width of one character in em: CJK 1, Latin and digits ½, a (justification) space ¼."""
    if is_space(ch):
        return 0.25
    if is_cjk(ch) or unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0
    return 0.5


def display_width(text: str) -> float:
    return sum(char_em(c) for c in text)


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends a sentence: 。！？… optionally followed by closing quotes/brackets."""
    t = text.rstrip(SPACES).rstrip(CLOSERS)
    return bool(t) and t[-1] in SENTENCE_END


def nonspace(text: str) -> str:
    return "".join(c for c in text if not is_space(c))


# --- spaces ------------------------------------------------------------------------------------


def space_spans(text: str, *, phrases: bool = False) -> list[tuple[int, int]]:
    """Spans of whitespace runs in ``text`` that are justification, not content.

    A run goes when a CJK character or CJK punctuation stands on either side of it ("建 设",
    "5441.5 万", "5G 新型"); it stays between two Latin words or numbers ("Belt and Road", "2023
    2024"). Leading and trailing runs always go. With ``phrases`` (titles and headlines), the runs
    of a line set as phrases of two or more characters each are its phrase breaks and stay
    ("优化空间布局 促进城乡融合"); a line with any single character between spaces is
    letter-spaced or justified, and its runs go ("政 府 工 作", "精彩 · 2023").
    """
    keep_phrases = phrases and all(len(tok) >= 2 for tok in text.split())
    spans: list[tuple[int, int]] = []
    for m in SPACE_RE.finditer(text):
        s, e = m.span()
        if s == 0 or e == len(text):
            spans.append((s, e))
            continue
        left, right = text[s - 1], text[e]
        if not (is_cjk(left) or is_cjk(right)) or keep_phrases:
            continue
        spans.append((s, e))
    return spans


def remove_spaces(text: str, *, phrases: bool = False) -> str:
    """``text`` without its justification spaces; kept phrase breaks become one ASCII space."""
    spans = space_spans(text, phrases=phrases)
    out: list[str] = []
    pos = 0
    for s, e in spans:
        out.append(text[pos:s])
        pos = e
    out.append(text[pos:])
    joined = "".join(out)
    # Whatever whitespace remains (between Latin words, or a headline's phrase break) is one space.
    return SPACE_RE.sub(" ", joined)


# --- doubled headline glyphs -------------------------------------------------------------------


def _halve(s: str) -> str | None:
    """``t`` when ``s`` is ``t + t``, else None."""
    n = len(s)
    if n < 2 or n % 2:
        return None
    h = n // 2
    return s[:h] if s[:h] == s[h:] else None


def _is_square(s: str) -> bool:
    """True when ``s`` is itself some string repeated (``哈哈``, ``加油加油``, ``··``)."""
    n = len(s)
    return any(n % k == 0 and s[:k] * (n // k) == s for k in range(1, n // 2 + 1))


def _char_class(ch: str) -> str:
    if is_ideograph(ch):
        return "han"
    if ch.isascii() and ch.isalnum():
        return "latin"
    return ch  # each punctuation mark is a run of its own


def _runs(token: str) -> list[str]:
    out: list[str] = []
    for ch in token:
        if out and _char_class(out[-1][-1]) == _char_class(ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _undouble_phrase(token: str) -> tuple[str, str] | None:
    half = _halve(token)
    if half is not None and len(half) >= 2 and not _is_square(half):
        return half, "phrase"
    # Per font run: "精彩精彩··20232023" = 精彩精彩 | ·· | 20232023, each run printed twice.
    runs = _runs(token)
    fixed: list[str] = []
    for r in runs:
        h = _halve(r)
        if h is None:
            return None
        if _char_class(h[0]) == "han" and (len(h) < 2 or _is_square(h)):
            return None
        if _char_class(h[0]) == "latin" and _is_square(h) and len(h) > 1:
            return None
        fixed.append(h)
    if not any(_char_class(r[0]) in ("han", "latin") for r in fixed):
        return None
    return "".join(fixed), "run"


def undouble(line: str) -> tuple[str, str] | None:
    """The headline a PDF printed with every glyph doubled, or None when ``line`` is not doubled.

    Every space-separated phrase must be doubled – as a whole (``优化空间布局优化空间布局``) or
    run by run (``精彩精彩··20232023``) – and the result must keep at least two CJK characters. A
    phrase whose half is itself a repetition (``哈哈哈哈``, ``加油加油加油加油``) is ambiguous and
    left alone, which also makes repairing a repaired headline a no-op. Returns ``(headline, how)``
    with ``how`` = ``"phrase"`` or ``"run"``.
    """
    tokens = line.split()
    if not tokens:
        return None
    fixed: list[str] = []
    hows: set[str] = set()
    for tok in tokens:
        r = _undouble_phrase(tok)
        if r is None:
            return None
        fixed.append(r[0])
        hows.add(r[1])
    result = " ".join(fixed)
    if sum(1 for c in result if is_ideograph(c)) < 2:
        return None
    if CLAUSE_PUNCT_RE.search(result):
        return None  # a sentence said twice ("业业。业业。") is text, not a doubled headline
    return result, "run" if "run" in hows else "phrase"


def marker_of(text: str) -> tuple[str, int] | None:
    """``("精彩", 2023)`` for a part marker such as ``精彩·2023`` or ``回眸 · 2022``."""
    m = MARKER_RE.match(text.strip())
    if not m:
        return None
    word = m.group("w1") or m.group("w2")
    year = int(m.group("y1") or m.group("y2"))
    return word, year


# --- lines and units ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One non-blank input line: its text without the newline, and where it sits in the raw text."""

    text: str
    start: int
    end: int
    blank_before: bool  # a blank line (or the start of the text) precedes it
    blank_after: bool = False
    indented: bool = False
    # Widths and the body are cached on first use (cached_property writes the instance's
    # __dict__, which a frozen dataclass allows): the column rules measure every line often.

    @functools.cached_property
    def body(self) -> str:
        return self.text.strip(SPACES)

    @property
    def body_start(self) -> int:
        return self.start + len(self.text) - len(self.text.lstrip(SPACES))

    @property
    def body_end(self) -> int:
        return self.start + len(self.text.rstrip(SPACES))

    @functools.cached_property
    def justified(self) -> bool:
        """Spaces next to CJK characters inside the line: the copy shows the gaps of a line
        stretched to its column's width – a full line (a paragraph's last line is never
        stretched)."""
        body = self.body
        return any(s > 0 and e < len(body) for s, e in space_spans(body))

    @functools.cached_property
    def stretched(self) -> bool:
        """Spaces between two CJK characters inside the line: the gaps of a line stretched to
        its column. (A space between Chinese and a number or Latin word may only show a change
        of font, as in "技能培训 140期".)"""
        body = self.body
        return any(
            s > 0 and e < len(body) and is_cjk(body[s - 1]) and is_cjk(body[e])
            for s, e in space_spans(body)
        )

    @functools.cached_property
    def word_spaces(self) -> str:
        """The spaces that are content (between two Latin words or numbers, "3.6 : 48"): set in
        the line, they took room, unlike justification spaces."""
        body = self.body
        gaps = {k for s, e in space_spans(body) for k in range(s, e)}
        return "".join(c for k, c in enumerate(body) if is_space(c) and k not in gaps)

    @property
    def letter_spaced(self) -> bool:
        """Stretched, and not set as phrases of two or more characters the way a headline is."""
        body = self.body
        return any(s > 0 and e < len(body) for s, e in space_spans(body, phrases=True))

    @functools.cached_property
    def core_em(self) -> float:
        """Printed width without a closing mark at its end, which may hang past the column."""
        body = nonspace(self.body)
        return display_width(body[:-1] if body.endswith(tuple(CLOSING_MARKS)) else body)

    @functools.cached_property
    def core_chars(self) -> int:
        """Characters, as :attr:`core_em` counts them (a copy may come from text set with every
        character one wide, digits too)."""
        body = nonspace(self.body)
        return len(body) - (1 if body.endswith(tuple(CLOSING_MARKS)) else 0)

    @functools.cached_property
    def em(self) -> float:
        """Printed width of the line's glyphs. Spaces do not count: justification spaces only
        fill a line out to its column, and stray ones should not make a line look full."""
        return display_width(nonspace(self.body))


def split_lines(raw: str) -> list[Line]:
    """The non-blank lines of ``raw`` with their offsets; whitespace-only lines count as blank."""
    out: list[Line] = []
    pos = 0
    blank = True
    for text in raw.split("\n"):
        start, end = pos, pos + len(text)
        pos = end + 1
        if not text.strip(SPACES):
            blank = True
            if out:
                out[-1] = replace(out[-1], blank_after=True)
            continue
        lead = text[: len(text) - len(text.lstrip(SPACES))]
        indented = display_width(lead) >= 1.0 and len(lead) >= 2 or "\u3000" in lead
        out.append(Line(text, start, end, blank_before=blank, indented=indented))
        blank = False
    if out:
        out[-1] = replace(out[-1], blank_after=True)
    return out


TITLE, BYLINE, HEADING, MARKER, PARAGRAPH = "title", "byline", "heading", "marker", "paragraph"


@dataclass(frozen=True)
class Unit:
    """A repaired piece of the text: a title, byline, heading, part marker or paragraph.

    ``start``/``end`` span the raw text it came from; ``line_index`` is the index (in
    :func:`split_lines` order) of its first line, so readers can tell where a heading stood.
    """

    kind: str
    text: str
    start: int
    end: int
    line_index: int = 0
    raw: str = ""


@dataclass
class Repaired:
    """What :func:`repair` gives: the units in text order, the repairs, and whether the text looks
    like a newspaper spread (a byline, part markers or doubled headlines)."""

    units: list[Unit]
    repairs: list[Repair]
    newspaper: bool = False

    def text(self) -> str:
        """The repaired text: title and byline on the first lines, then one unit per line with a
        blank line between units. Repairing it again changes nothing."""
        head = [u.text for u in self.units if u.kind in (TITLE, BYLINE)]
        rest = [u.text for u in self.units if u.kind not in (TITLE, BYLINE)]
        parts = []
        if head:
            parts.append("\n".join(head))
        parts.extend(rest)
        return "\n\n".join(parts) + ("\n" if parts else "")


def _is_headline_text(text: str) -> bool:
    """Short, no sentence punctuation: what a (non-doubled) headline looks like."""
    t = text.strip(SPACES)
    pairs = ("“”", "‘’", "（）", "《》", "「」", "【】", "()")
    return (
        0 < display_width(t) <= MAX_HEADLINE_EM
        and all(t.count(a) == t.count(b) for a, b in pairs)
        and sum(1 for c in t if is_ideograph(c)) >= 4
        and not CLAUSE_PUNCT_RE.search(t)
        and not NUMBERED_HEADING_RE.match(t)
        and not t.startswith(("——", "--", "#"))
    )


# --- column widths -----------------------------------------------------------------------------


def _runs_of(lines: Sequence[Line]) -> list[list[int]]:
    """Indices of lines grouped into runs (consecutive lines without a blank line between)."""
    runs: list[list[int]] = []
    for i, ln in enumerate(lines):
        if ln.blank_before or not runs:
            runs.append([i])
        else:
            runs[-1].append(i)
    return runs


@dataclass(frozen=True)
class _Column:
    """A column's width, in em – or in characters where the text was wrapped by a plain-text
    tool, which counts digits and Latin letters as wide as Chinese."""

    width: float
    by_chars: bool = False

    def lead(self, line: Line) -> float:
        """The width of ``line``'s first word (:func:`_lead`), as this column counts it."""
        lead = _lead(line.body)
        return float(len(lead)) if self.by_chars else display_width(lead)

    def room(self, line: Line, nxt: Line) -> float:
        """How much room ``line`` leaves beyond the first word of ``nxt`` (negative: the word
        did not fit, ``line`` was wrapped)."""
        indent = INDENT_EM if line.indented else 0.0
        if self.by_chars:
            used = len(nonspace(line.body)) + len(line.word_spaces)
        else:
            used = line.em + display_width(line.word_spaces)
        return self.width - used - indent - self.lead(nxt)

    def room_left(self, line: Line, nxt: Line, spare: float) -> bool:
        """``line`` leaves room for the first word of ``nxt`` and ``spare`` more: it was not
        wrapped."""
        return self.room(line, nxt) >= spare


class _Columns:
    """Estimates the column width a line was wrapped at, from the wrapped runs around it."""

    def __init__(self, lines: Sequence[Line], skip: set[int]) -> None:
        self.lines = lines
        self.run_of: dict[int, int] = {}
        self.runs = _runs_of(lines)
        for k, r in enumerate(self.runs):
            for i in r:
                self.run_of[i] = k
        self.skip = skip
        self._cache: dict[int, list[float]] = {}
        self._mid_word: dict[int, list[int]] = {}
        self._chars_runs: dict[int, bool] = {}
        self._full_stops: dict[int, _FullStops | None] = {}
        self._settled: dict[int, _Column | None] = {}
        everything = [w for k in range(len(self.runs)) for w in self._samples(k)]
        self.overall = _upper_median(everything) if everything else None

    def _samples(self, k: int) -> list[float]:
        """Widths of the wrapped (non-last) lines of run ``k``; not of a stretched line, whose
        glyphs fill less than its column."""
        got = self._cache.get(k)
        if got is None:
            got = self._cache[k] = [self.lines[i].core_em for i in self._wrapped(k)]
        return got

    def _wrapped(self, k: int) -> list[int]:
        r = [i for i in self.runs[k] if i not in self.skip]
        return [
            i
            for i in r[:-1]
            if self.lines[i].em <= MAX_COLUMN_EM
            and not self.lines[i].indented
            and not self.lines[i].justified
        ]

    def width(self, i: int) -> float | None:
        """The width of the column line ``i`` was set in: its own run's wrapped lines, else the
        runs around it, else the whole text's."""
        own = self._own(i)
        if own is not None:
            return own
        # A short run: the columns before and after it may differ (the break may come right after
        # this line, a lead may be set wider, a wide introduction may follow a narrow column); the
        # line belongs to the one whose width is nearest its own.
        em = self.lines[i].core_em
        estimates = self._around(i)
        if not estimates:
            return self.overall
        return min(estimates, key=lambda w: abs(w - em))

    def _own(self, i: int) -> float | None:
        own = self._samples(self.run_of[i])
        return _upper_median(own) if len(own) >= 2 else None

    def settled(self, i: int) -> _Column | None:
        """The width of line ``i``'s column, from the lines broken off mid-word nearest it in its
        own run: where no blank line parts the paragraphs, a run's other lines are mostly
        paragraph ends of any width, and a run may go on from one column into another without a
        blank line. Measured on either side of the line, the narrower wins (at a change of
        column, the column the line may belong to); None without enough such lines."""
        if i not in self._settled:
            self._settled[i] = self._settle(i)
        return self._settled[i]

    def _settle(self, i: int) -> _Column | None:
        idx = self._mid_word_lines(self.run_of[i])
        p = bisect.bisect_left(idx, i)
        q = p + 1 if p < len(idx) and idx[p] == i else p
        sides = [
            [self.lines[j] for j in side]
            for side in (idx[max(0, p - SETTLED_WINDOW) : p], idx[q : q + SETTLED_WINDOW])
            if len(side) == SETTLED_WINDOW
        ]
        if not sides:
            return None
        by_chars = self._by_chars(self.run_of[i])
        return _Column(
            min(
                _upper_median([float(ln.core_chars) if by_chars else ln.core_em for ln in side])
                for side in sides
            ),
            by_chars,
        )

    def full_stops(self, text_from: int) -> _FullStops | None:
        """What this copy's own lines of running text (from ``text_from`` on) say about a line
        that ends a sentence and leaves no room (see :class:`_FullStops`); computed once."""
        if text_from not in self._full_stops:
            self._full_stops[text_from] = _full_stop_evidence(self, text_from)
        return self._full_stops[text_from]

    def _by_chars(self, k: int) -> bool:
        """Were run ``k``'s lines wrapped at a number of characters rather than a width? Then
        its lines broken off mid-word agree on their number of characters more closely than on
        their width (they differ where they hold digits or Latin letters)."""
        got = self._chars_runs.get(k)
        if got is None:
            lines = [self.lines[j] for j in self._mid_word_lines(k)]
            ems = [ln.core_em for ln in lines]
            chars = [float(ln.core_chars) for ln in lines]
            got = self._chars_runs[k] = bool(lines) and _spread(chars) < _spread(ems)
        return got

    def _mid_word_lines(self, k: int) -> list[int]:
        """Wrapped lines of run ``k`` that break off mid-word (no clause mark at the end, no
        numbered heading)."""
        got = self._mid_word.get(k)
        if got is None:
            got = self._mid_word[k] = [
                j
                for j in self._wrapped(k)
                if not _ends_clause(self.lines[j].body)
                and not NUMBERED_HEADING_RE.match(self.lines[j].body)
            ]
        return got

    def _around(self, i: int) -> list[float]:
        k = self.run_of[i]
        own = self._samples(k)
        estimates = []
        for side in ((k - 1, k - 2, k - 3), (k + 1, k + 2, k + 3)):
            pool = list(own)
            for kk in side:
                if 0 <= kk < len(self.runs) and len(pool) < 3:
                    pool.extend(self._samples(kk))
            if pool:
                estimates.append(_upper_median(pool))
        return estimates


@dataclass(frozen=True)
class _FullStops:
    """What a copy without blank lines tells about a line that ends a sentence and fills its
    column – a paragraph end, or a wrap that happens to fall after a full stop (as often as not
    in newspaper text: a full stop is as likely as any other character to be the last of a
    line). All of it is counted in the copy itself:

    * ``spare``: the room beyond the next line's first word after which a line ending a
      sentence was not wrapped – a little more than the most that any line broken off
      mid-word leaves (0 in a clean copy, up to 2 em in a justified newspaper one);
    * ``ends``: how many paragraph ends to expect among the full lines ending a sentence. The
      last lines of paragraphs fall anywhere across the column, so the short ones seen say how
      many fell into the last few em of it, where they look full;
    * ``wraps``: how many wraps to expect among them: wraps end after a comma as often as the
      text has commas, and after a full stop as often as it has full stops inside paragraphs;
    * ``cue_odds``: how much likelier a paragraph than a sentence inside one is to open with a
      topic sentence ("积极扩大有效投资。") or an address ("各位代表"), from the lines after
      the short last lines (paragraph starts) and the sentences starting inside lines (never a
      paragraph start in such a copy); ``plain_odds``, the same for the other openings;
    * ``flush_odds``: how much likelier a paragraph start than the line after a wrap is to
      start without an indent (next to nothing where the copy kept its paragraphs' indents);
    * ``run_in``, ``stand_alone``: numbered headings ending in a full stop that go on with
      their text on the same line ("（一）经济增长进一步加快。2011年，……"), and that end
      their line short of the column, on their own.
    """

    spare: float
    ends: float
    wraps: float
    cue_odds: float
    plain_odds: float
    flush_odds: float
    run_in: int = 0
    stand_alone: int = 0

    def ends_paragraph(self, nxt: str) -> bool:
        """Is a full line ending a sentence, followed by ``nxt`` (the text from the next line
        on, not indented), more likely a paragraph end than a wrap?"""
        odds = self.cue_odds if _opens_paragraph(nxt) else self.plain_odds
        return self.ends * odds * self.flush_odds > self.wraps


def _full_stop_evidence(cols: _Columns, text_from: int) -> _FullStops | None:
    """:class:`_FullStops` from the running text of ``cols.lines`` (from ``text_from`` on);
    None where too few lines broken off mid-word tell how closely widths can be measured."""
    lines = cols.lines
    mid_word = {j for k in range(len(cols.runs)) for j in cols._mid_word_lines(k)}
    # Each line of running text with the line after it in its run (None at the end of a run).
    pairs: list[tuple[int, int | None]] = []
    for i in range(text_from, len(lines)):
        if i in cols.skip or lines[i].em > MAX_COLUMN_EM:
            continue
        nxt = i + 1 if i + 1 < len(lines) and not lines[i + 1].blank_before else None
        pairs.append((i, None if nxt in cols.skip else nxt))
    # Lines broken off mid-word, and the room each leaves: wraps, but for an unpunctuated
    # heading's end (more room than the room rule allows) or a line before a new item.
    wrapped: list[tuple[int, float]] = []
    for i, nxt in pairs:
        column = cols.settled(i)
        if nxt is None or column is None or i not in mid_word:
            continue
        room = column.room(lines[i], lines[nxt])
        if room < ROOM_EM and not ITEM_START_RE.match(lines[nxt].body):
            wrapped.append((nxt, room))
    if len(wrapped) < SLACK_SAMPLES:
        return None
    spare = max(0.0, min(ROOM_EM, max(r for _, r in wrapped) + SLACK_MARGIN))

    ends = 0.0  # expected paragraph ends among the full lines ending a sentence
    ended = 0  # lines seen to end a sentence and their paragraph
    comma_wraps = 0  # full lines ending with a comma: wraps
    starts = [0, 0, 0]  # paragraph starts seen: all, opening with a cue, not indented
    inside = [0, 0]  # sentences starting inside a line: all, opening with a cue
    stops = commas = 0
    for i, nxt in pairs:
        text = lines[i].body
        following = _following(lines, i)
        for m in STOP_RE.finditer(text):
            stops += 1
            if m.end() < len(text):
                inside[0] += 1
                inside[1] += _opens_paragraph(text[m.end() :] + following)
        commas += len(re.findall("[，、]", text))
        if not ends_sentence(text):
            column = cols.settled(i)
            if nxt is not None and column is not None and text.endswith(("，", "、")):
                comma_wraps += column.room(lines[i], lines[nxt]) < spare
            continue
        column = cols.settled(i)
        if nxt is None or lines[nxt].indented or ITEM_START_RE.match(lines[nxt].body):
            ended += 1
        elif column is not None and not lines[i].stretched:
            if column.room(lines[i], lines[nxt]) < spare:
                continue  # the lines in question
            ended += 1
            starts[0] += 1
            starts[1] += _opens_paragraph(following)
            starts[2] += not lines[nxt].indented
            # The last lines of paragraphs spread evenly over the column: for each one seen
            # short, this many fell into its full end (the room spared, the next word and a
            # full stop hanging past the edge, which a plain-text wrap does not do).
            full = spare + column.lead(lines[nxt]) + (0.0 if column.by_chars else 1.0)
            if column.width > 2 * full:
                ends += full / (column.width - full)
    inner_stops = max(0.0, stops - ended - ends)
    # Shares by Laplace's rule of succession: few samples say little either way.
    wraps = inner_stops * (comma_wraps + 1) / (commas + 2)
    p_cue = (starts[1] + 1) / (starts[0] + 2)
    p_cue_inside = (inside[1] + 1) / (inside[0] + 2)
    p_flush = (starts[2] + 1) / (starts[0] + 2)
    p_flush_wrapped = (sum(not lines[j].indented for j, _ in wrapped) + 1) / (len(wrapped) + 2)
    run_in, stand_alone = _heading_stops(cols, [i for i, _ in pairs], spare)
    return _FullStops(
        spare,
        ends,
        wraps,
        cue_odds=p_cue / p_cue_inside,
        plain_odds=(1 - p_cue) / (1 - p_cue_inside),
        flush_odds=p_flush / p_flush_wrapped,
        run_in=run_in,
        stand_alone=stand_alone,
    )


def _heading_stops(cols: _Columns, body: list[int], spare: float) -> tuple[int, int]:
    """How many numbered headings among the lines ``body`` go on with their text after their
    full stop on the same line, and how many stop short of the column there (see
    :class:`_FullStops`)."""
    lines = cols.lines
    run_in = stand_alone = 0
    for i in body:
        if not NUMBERED_HEADING_RE.match(lines[i].body):
            continue
        j = i  # the line with the heading's full stop, within its run
        while not STOP_RE.search(lines[j].body) and j + 1 < min(len(lines), i + HEADING_LINES):
            if lines[j + 1].blank_before:
                break
            j += 1
        stop = STOP_RE.search(lines[j].body)
        if stop is None:
            continue  # no full stop: a heading on its own, of the kind without one
        if stop.end() < len(lines[j].body):
            run_in += 1
            continue
        nxt = j + 1 if j + 1 < len(lines) and not lines[j + 1].blank_before else None
        column = cols.settled(j)
        stand_alone += (
            nxt is None
            or lines[nxt].indented
            or (column is not None and column.room_left(lines[j], lines[nxt], spare))
        )
    return run_in, stand_alone


def _following(lines: Sequence[Line], i: int) -> str:
    """The text of the lines after line ``i`` in its run, as far as a topic sentence reaches."""
    out = ""
    for j in range(i + 1, len(lines)):
        if lines[j].blank_before or len(out) > TOPIC_MAX:
            break
        out += lines[j].body
    return out


def _opens_paragraph(text: str) -> bool:
    """``text`` opens the way paragraphs of a report often do: a short topic sentence without
    clauses ("积极扩大有效投资。", "各位代表！") or an address to the deputies."""
    t = nonspace(text)
    return t.startswith(ADDRESSES) or bool(TOPIC_RE.match(t))


def _spread(xs: list[float]) -> float:
    """How far values fall below their upper median, on average."""
    top = _upper_median(xs)
    return sum(abs(top - x) for x in xs) / len(xs)


def _upper_median(xs: list[float]) -> float:
    xs = sorted(xs)
    return statistics.median(xs[len(xs) // 2 :]) if len(xs) > 2 else max(xs)


# --- joining -----------------------------------------------------------------------------------


LATIN_TAIL_RE = re.compile(r"[A-Za-z0-9]+$")
LATIN_HEAD_RE = re.compile(r"[A-Za-z0-9]+")


def join_separator(left: str, right: str) -> str:
    """What goes between two joined line fragments: nothing in CJK text, a space between two
    Latin words or numbers (``"…the" + "report"``)."""
    if not left or not right:
        return ""
    a, b = left[-1], right[0]
    if is_cjk(a) or is_cjk(b):
        return ""
    if a == "-" and b.isalpha() and b.islower():
        return ""  # hyphenated word broken at the line end: keep the hyphen, no space
    if (a.isdigit() or a in ".,") and (b.isdigit() or b in ".,%") or a.isdigit() and b in ".,%":
        return ""  # a number broken at the line end ("235." + "2亿元")
    tail, head = LATIN_TAIL_RE.search(left), LATIN_HEAD_RE.match(right)
    if (
        tail
        and head
        and tail.start() > 0
        and is_cjk(left[tail.start() - 1])
        and head.end() < len(right)
        and is_cjk(right[head.end()])
    ):
        return ""  # an abbreviation set in Chinese text, cut by a plain-text wrap ("GD" + "P增速")
    # Between words of Latin text the line break stood for a space; around other symbols
    # ("2" + "×35万千瓦") it did not.
    if (a.isalnum() or a in ".,;:!?)]\"'") and (b.isalnum() or b in "([\"'"):
        return " "
    return ""


def repair(raw: str) -> Repaired:
    """Repair text copied out of a (newspaper) PDF: see the module docstring."""
    lines = split_lines(raw)
    repairs: list[Repair] = []
    units: list[Unit] = []
    special: dict[int, Unit] = {}

    # 1. Title and byline: a byline among the first lines makes the lines above it the title.
    first = 0
    for i, ln in enumerate(lines[:4]):
        if BYLINE_RE.fullmatch(ln.body) and display_width(ln.body) <= 30:
            if i >= 1 and all(
                _is_headline_text(x.body) or display_width(x.body) <= 40 for x in lines[:i]
            ):
                title_lines = lines[:i]
                ttext = " ".join(remove_spaces(x.body, phrases=True) for x in title_lines)
                _record_spaces(repairs, title_lines, phrases=True)
                units.append(
                    Unit(
                        TITLE,
                        ttext,
                        title_lines[0].body_start,
                        title_lines[-1].body_end,
                        0,
                        raw[title_lines[0].body_start : title_lines[-1].body_end],
                    )
                )
            units.append(
                Unit(BYLINE, _clean_byline(ln.body), ln.body_start, ln.body_end, i, ln.body)
            )
            first = i + 1
            break

    # 2. Doubled headlines, part markers and (in a newspaper) stand-alone headlines.
    doubled: dict[int, tuple[str, str]] = {}
    for i in range(first, len(lines)):
        ln = lines[i]
        if not (ln.blank_before or ln.blank_after):
            continue  # a line inside a run is body text, even if it happens to repeat itself
        d = undouble(ln.body)
        # A headline stands alone; a part marker may run into the text below it ("精彩·2023").
        if d is not None and (ln.blank_before and ln.blank_after or marker_of(d[0])):
            doubled[i] = d
    newspaper = bool(doubled) or bool(units) or any(marker_of(ln.body) for ln in lines[first:])
    cols0 = _Columns(lines, set(doubled) | set(range(first)))
    for i in range(first, len(lines)):
        ln = lines[i]
        text = ln.body
        if i in doubled:
            text, how = doubled[i]
            repairs.append(
                Repair(
                    "undouble_headline",
                    ln.body,
                    text,
                    ln.body_start,
                    ln.body_end,
                    note="every phrase printed twice"
                    if how == "phrase"
                    else "every font run printed twice",
                )
            )
        clean = remove_spaces(text, phrases=True)
        if marker_of(clean) and (ln.blank_before or ln.blank_after or i in doubled):
            special[i] = Unit(MARKER, remove_spaces(clean), ln.body_start, ln.body_end, i, ln.body)
        elif i in doubled or (
            ln.blank_before
            and ln.blank_after
            and _off_column(lines, i, cols0)
            and (
                _phrased(clean)
                or (newspaper and _is_headline_text(clean) and _after_sentence(lines, i, special))
            )
        ):
            if i not in doubled:
                _record_spaces(repairs, [ln], phrases=True)
            special[i] = Unit(HEADING, clean, ln.body_start, ln.body_end, i, ln.body)

    # 3. Body lines into paragraphs.
    body_idx = [i for i in range(first, len(lines)) if i not in special]
    cols = _Columns(lines, set(special) | set(range(first)))
    # The front matter (title, subtitle, byline) comes before the first line of running text.
    text_from = next(
        (
            i
            for i, ln in enumerate(lines)
            if CLAUSE_PUNCT_RE.search(ln.body) and not SOURCE_COMMENT_RE.match(ln.body)
        ),
        len(lines),
    )
    paras: list[list[int]] = []
    for i in body_idx:
        if paras:
            so_far = "".join(lines[k].body for k in paras[-1])
            if not (
                SOURCE_COMMENT_RE.match(so_far)
                or SOURCE_COMMENT_RE.match(lines[i].body)
                or not _joins(
                    lines, paras[-1][-1], i, cols, special, so_far, len(paras[-1]), text_from
                )
            ):
                paras[-1].append(i)
                continue
        paras.append([i])

    body_units = [_paragraph_unit(raw, lines, p, repairs) for p in paras]
    merged = sorted([*special.values(), *body_units], key=lambda u: (u.line_index, u.start))
    units.extend(merged)
    return Repaired(units, repairs, newspaper=newspaper)


def _clean_byline(text: str) -> str:
    """``本报记者 王琼``: one space between the role and the name, none inside either."""
    m = re.match(r"^(本报记者|本报通讯员|特约记者|记者|通讯员|新华社记者)[\s\u3000]*(.*)$", text)
    if not m:
        return remove_spaces(text)
    names = [remove_spaces(n) for n in m.group(2).split()]
    return f"{m.group(1)} {' '.join(names)}".strip()


def _phrased(text: str) -> bool:
    """A line set as phrases with a break between them, standing alone: a headline ("优化空间布局
    促进城乡融合", "精彩 2023"). ``text`` has had its justification spaces removed already, so any
    space left is such a break. (The front matter of a report – "海拉尔区人民政府区长 张天喜" – looks
    the same; the reader sorts that out.)"""
    return (
        " " in text
        and sum(1 for c in text if is_ideograph(c)) >= 2
        and display_width(text) <= MAX_COLUMN_EM
        and not CLAUSE_PUNCT_RE.search(text)
    )


def _off_column(lines: Sequence[Line], i: int, cols: _Columns) -> bool:
    """A line standing alone that is not a full line of the column around it (shorter, or wider
    than the column: set across columns) – a headline rather than the last line of a column."""
    ln = lines[i]
    if ln.letter_spaced:
        return False  # stretched to the width of its column
    w = cols.width(i)
    return w is None or ln.core_em < FULL_LINE * w or ln.core_em > w + OVERHANG_EM


def _after_sentence(lines: Sequence[Line], i: int, special: dict[int, Unit]) -> bool:
    """A stand-alone line follows a finished sentence (or the start, or another heading)."""
    if i == 0:
        return True
    j = i - 1
    if j in special:
        return True
    return ends_sentence(lines[j].body)


def _joins(
    lines: Sequence[Line],
    a: int,
    b: int,
    cols: _Columns,
    special: dict[int, Unit],
    so_far: str,
    so_far_lines: int = 1,
    text_from: int = 0,
) -> bool:
    """Does line ``b`` continue the paragraph that line ``a`` is in? (``a`` < ``b`` body lines,
    possibly with headings/markers between them, which were lifted out of the flow; lines before
    ``text_from`` have no clause punctuation.)"""
    prev, nxt = lines[a], lines[b]
    gap = nxt.blank_before or any(k in special for k in range(a + 1, b))
    p, n = prev.body, nxt.body
    if prev.em > MAX_COLUMN_EM:
        return False  # a whole paragraph on one line (already repaired text, or a plain report)
    if nxt.indented or ITEM_START_RE.match(n):
        return False
    if ends_sentence(p) and gap:
        return False
    if not gap:
        return _wraps(lines, a, b, cols, so_far, front=a < text_from, text_from=text_from)
    if (
        gap
        and NUMBERED_HEADING_RE.match(so_far)
        and len(so_far) <= 60
        and not re.search(r"[。！？!?]", so_far)
    ):
        # "（一）加快产业发展，切实做强做优县域经济" + blank line is a whole heading, even when it
        # fills its line; only a run-in heading broken by the column ("（六）……生态建设再创" +
        # blank + "佳绩。环境保护……") goes on, and then its full stop comes at once.
        # The rest of such a heading is short or goes on with its clauses (a comma), and the
        # line before the break is full to the last em.
        w = cols.width(a)
        ahead = n
        k = b + 1
        while k < len(lines) and not lines[k].blank_before and len(ahead) < 60:
            ahead += lines[k].body
            k += 1
        if not (w and prev.em >= w - 1.0):
            return False
        if nxt.blank_after and not _ends_clause(n) and nxt.em < 0.5 * w:
            return True  # the heading's own last word, carried over: "……保障和改善民" + "生"
        stop = re.search(r"[。！？!?]", ahead)
        if not stop:
            return False
        rest = ahead[: stop.start()]
        if len(so_far) + len(rest) > RUN_IN_MAX:
            return False
        return (
            len(rest) <= RUN_IN_REST
            or p.endswith(("，", ",", "、"))
            or bool(re.search(r"[，,]", rest))
            or so_far_lines >= 2  # longer than a line: not one of the short pure headings
            or len(re.split(r"[，,、]", so_far)[-1]) <= 3  # its last clause has barely begun
        )
    # A blank line after a line that stops mid-sentence: a column break if the line is full and
    # the next column goes on (a one-line run that stops mid-sentence again is a separate piece).
    if not (_ends_clause(n) or (b + 1 < len(lines) and not lines[b + 1].blank_before)):
        return False
    w = cols.width(a)
    if w is None:
        return prev.justified  # no column to measure against, but stretched to one
    if prev.core_em > w + OVERHANG_EM:
        return False  # wider than the column: a line set above the columns (a subtitle)
    # Full for its column, or stretched to it (its gaps show as spaces in the copy).
    return prev.core_em >= FULL_LINE * w or (prev.justified and prev.core_em >= 0.5 * w)


def _wraps(
    lines: Sequence[Line],
    a: int,
    b: int,
    cols: _Columns,
    so_far: str,
    *,
    front: bool,
    text_from: int = 0,
) -> bool:
    """No blank line between body lines ``a`` and ``b``: is ``a`` wrapped onto ``b``, or does its
    paragraph end there? (Copies from a PDF viewer often show no blank lines at all.) ``front``:
    no running text before ``a`` – title, subtitle and byline lines."""
    prev, nxt = lines[a], lines[b]
    p = prev.body
    if _whole_heading(so_far) or (front and any(is_ideograph(c) for c in so_far)):
        # A heading or front-matter line stands alone unless it is too long for its line and
        # carries on: then it fills the line, up to the next line's first word.
        if ends_sentence(p) and not front:
            # A numbered heading that fills its line up to its full stop: a run-in heading
            # goes on with its text, where the copy's other headings do ("（一）……。2011年，……").
            evidence = cols.full_stops(text_from)
            column = cols.settled(a)
            return (
                evidence is not None
                and evidence.run_in > evidence.stand_alone
                and column is not None
                and not prev.stretched
                and not column.room_left(prev, nxt, evidence.spare)
            )
        if ends_sentence(p) or SUBTITLE_RE.match(so_far):
            return False
        column = cols.settled(a)
        if column is not None:
            return not column.room_left(prev, nxt, FULL_HEADING_ROOM)
        w = cols.width(a)
        return w is not None and w - _set_em(prev) < _lead_em(nxt.body) + FULL_HEADING_ROOM
    column = cols.settled(a)
    if column is not None:
        # The next line's first word would have fitted on this one: it was not wrapped.
        # A stretched line (its copy shows the gaps) was full, whatever its glyphs measure.
        evidence = cols.full_stops(text_from) if ends_sentence(p) and not prev.stretched else None
        if evidence is None:
            return not column.room_left(prev, nxt, ROOM_EM)
        # After a full stop, "fitted" is measured against this copy's own wraps; a full line
        # ends its paragraph where the copy's statistics make that the likelier reading.
        if column.room_left(prev, nxt, evidence.spare):
            return False
        return not evidence.ends_paragraph(nxt.body + _following(lines, b))
    w = cols.width(a)
    if w is None:
        return True  # nothing to measure against: a wrap, as most lines are
    # A short line ends its paragraph – unless it was stretched to the column's width.
    return prev.justified or prev.core_em >= SHORT_LAST_LINE * w


def _set_em(line: Line) -> float:
    """How much of its column a line takes: its glyphs, and the indent of a paragraph's first
    line (two characters, however the copy shows it)."""
    return line.em + (INDENT_EM if line.indented else 0.0)


def _whole_heading(so_far: str) -> bool:
    """A numbered heading ("一、2013年工作回顾", "（一）……") that has not yet run into text: no
    full stop but (perhaps) its last character. A run-in heading with its text after the stop
    ("（一）经济增长进一步加快。2011年……") is a paragraph."""
    return bool(NUMBERED_HEADING_RE.match(so_far)) and not re.search(r"[。！？!?]", so_far[:-1])


def _lead(text: str) -> str:
    """What a line starts with that could not have ended the line above on its own: a character
    (after any opening marks) or a whole Latin word or number, with the closing marks after it,
    which never start a line."""
    body = nonspace(text)
    k = 0
    while k < len(body) and body[k] in OPENING_MARKS:
        k += 1
    m = re.match(r"[A-Za-z0-9.]+", body[k:])
    k += m.end() if m else 1
    while k < len(body) and body[k] in CLOSING_MARKS:
        k += 1
    return body[:k]


def _lead_em(text: str) -> float:
    return display_width(_lead(text))


def _ends_clause(text: str) -> bool:
    """Ends with punctuation (a sentence or a clause): how a paragraph's last line ends."""
    t = text.rstrip(SPACES).rstrip(CLOSERS)
    return bool(t) and (t[-1] in SENTENCE_END or t[-1] in "，、；：,;:")


def _paragraph_unit(raw: str, lines: Sequence[Line], idx: list[int], repairs: list[Repair]) -> Unit:
    """Join the lines ``idx`` into one paragraph, recording each join and space removal."""
    text = ""
    for n, i in enumerate(idx):
        ln = lines[i]
        piece = ln.body
        if n:
            pl = lines[idx[n - 1]]
            s, e = pl.body_end, ln.body_start
            sep = join_separator(text, piece)
            if (
                not sep
                and SPACE_RE.search(raw[s:e].replace("\n", ""))
                and not (is_cjk(text[-1]) or is_cjk(piece[0]))
            ):
                sep = " "  # the copy kept the space at the break ("3.6 " + ": 48")
            blank = raw[s:e].count("\n") > 1
            repairs.append(
                Repair(
                    "join_column_break" if blank else "join_wrap",
                    raw[s:e],
                    sep,
                    s,
                    e,
                    note=f"…{text[-8:]}⏎{piece[:8]}…",
                )
            )
            text += sep
        text += piece
    start, end = lines[idx[0]].body_start, lines[idx[-1]].body_end
    # Space removal, recorded line by line against the raw text.
    _record_spaces(repairs, [lines[i] for i in idx], phrases=False)
    return Unit(PARAGRAPH, remove_spaces(text), start, end, idx[0], raw[start:end])


def _record_spaces(repairs: list[Repair], lines: Sequence[Line], *, phrases: bool) -> None:
    """One ``remove_space`` repair per line, spanning the first to the last space removed."""
    for ln in lines:
        body = ln.body
        spans = space_spans(body, phrases=phrases)
        spans = [(s, e) for s, e in spans if s > 0 and e < len(body)]
        if not spans:
            continue
        s0, e0 = spans[0][0] - 1, spans[-1][1] + 1
        before = body[s0:e0]
        repairs.append(
            Repair(
                "remove_space",
                before,
                remove_spaces(before, phrases=phrases),
                ln.body_start + s0,
                ln.body_start + e0,
                note=f"{len(spans)} justification space run(s) removed",
            )
        )


def lost_characters(repairs: Sequence[Repair]) -> Counter[str]:
    """Non-space characters the repairs removed on purpose (the second copy of doubled glyphs)."""
    lost: Counter[str] = Counter()
    for r in repairs:
        if r.kind == "undouble_headline":
            lost.update(nonspace(r.before))
            lost.subtract(nonspace(r.after))
    return +lost
