"""Text repair, characters: CJK or Latin, widths in em, marks that end sentences or start items."""

from __future__ import annotations

import functools
import re
import unicodedata

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
# Punctuation that marks running text: a headline has none of it.
CLAUSE_PUNCT_RE = re.compile(r"[，、。！？；：,;:!?]")


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


def _ends_clause(text: str) -> bool:
    """Ends with punctuation (a sentence or a clause): how a paragraph's last line ends."""
    t = text.rstrip(SPACES).rstrip(CLOSERS)
    return bool(t) and (t[-1] in SENTENCE_END or t[-1] in "，、；：,;:")


def nonspace(text: str) -> str:
    return "".join(c for c in text if not is_space(c))
