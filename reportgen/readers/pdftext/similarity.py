"""PDF-text reader, similarity step: how many of a headline's distinctive words a block shares.

Headline ↔ block scores for both placement passes: the share of the headline's words in the
block's lead, and at half weight in the whole block, a lead counting more than a plain paragraph.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportgen.readers.pdftext.spread import _Head, _Spread

LEAD_TEXT = 120  # how much of a block's first paragraph counts as its lead text
LEAD_BONUS = 1.25
BODY_WEIGHT = 0.5

HAN_RE = re.compile(r"[^\u3400-\u9fff]")


def _grams(text: str, n: int) -> set[str]:
    out: set[str] = set()
    for chunk in HAN_RE.split(text):
        out.update(chunk[i : i + n] for i in range(len(chunk) - n + 1))
    return out


class _Similarity:
    """Share of a headline's words (CJK bigrams, plus trigrams at half weight) found in a text,
    each weighted by how rare it is among the article's paragraphs (so 湟中 counts for little)."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.n = len(paragraphs)
        self.df: dict[str, int] = {}
        # A text's n-grams, computed once: every headline is scored against every block.
        self._text_grams: dict[tuple[str, int], set[str]] = {}
        for t in paragraphs:
            for g in self.grams(t, 2) | self.grams(t, 3):
                self.df[g] = self.df.get(g, 0) + 1

    def grams(self, text: str, n: int) -> set[str]:
        key = (text, n)
        got = self._text_grams.get(key)
        if got is None:
            got = self._text_grams[key] = _grams(text, n)
        return got

    def idf(self, g: str) -> float:
        return math.log((self.n + 1) / (self.df.get(g, 0) + 0.5))

    def __call__(self, headline: str, text: str, *, without: str = "") -> float:
        """The share; ``without``: another headline, whose words count as not found (what is
        left tells the two headlines apart)."""
        total = got = 0.0
        for n, w in ((2, 1.0), (3, 0.5)):
            tg = self.grams(text, n)
            other = {g for ph in without.split() for g in _grams(ph, n)}
            for phrase in headline.split():
                for g in _grams(phrase, n):
                    x = w * self.idf(g)
                    total += x
                    if g in tg and g not in other:
                        got += x
        return got / total if total else 0.0

    def shared(self, headline: str, text: str) -> list[str]:
        """The shared words, longest first, for the repair note."""
        words = sorted(
            {g for n in (4, 3, 2) for ph in headline.split() for g in _grams(ph, n) if g in text},
            key=lambda g: (-len(g), -self.idf(g), g),  # g: ties in a fixed order, not hash order
        )
        out: list[str] = []
        for g in words:
            if not any(g in o for o in out):
                out.append(g)
        return out[:5]


def _score(sp: _Spread, head: str, i: int, end: int, *, without: str = "") -> float:
    """Headline text ``head`` on the block of paragraphs ``i``..``end``: its share in the lead
    plus :data:`BODY_WEIGHT` times its share in the whole block, times :data:`LEAD_BONUS` when
    ``i`` is a lead; kept on the spread, as every headline meets every block several times."""
    key = (head, i, end, without)
    got = sp._scores.get(key)
    if got is None:
        lead = sp.texts[i][:LEAD_TEXT]
        body = " ".join(sp.texts[i:end])
        s = sp.sim(head, lead, without=without) + BODY_WEIGHT * sp.sim(head, body, without=without)
        got = sp._scores[key] = s * (LEAD_BONUS if sp.lead[i] else 1.0)
    return got


def _gathered_score(sp: _Spread, h: _Head, i: int) -> float:
    return _score(sp, h.unit.text, i, sp._block_end(i))


def _lead_score(sp: _Spread, h: _Head, i: int) -> float:
    """The share of a gathered headline's words in block ``i``'s lead alone. The headline is
    printed over the lead; the body as read may run on into the next section's text (the
    gathered headlines left no boundary between them), so its words alone prove nothing."""
    return sp.sim(h.unit.text, sp.texts[i][:LEAD_TEXT])
