"""Shared text step: cutting report text into sentences (facts, dupes, diff, translation, briefing)."""

from __future__ import annotations

import re
from functools import cache

# Closing quotes and brackets after an end mark belong to the sentence they close (。” ！） ."),
# ASCII quotes included: right after an end mark a quote can only be a closing one.
_CLOSERS = "”’」』）)】〕\"'"
_CLOSE = f"[{re.escape(_CLOSERS)}]*"
# Marks that always end a sentence; a line break kept inside a text is a hard break
# (a soft return in Word, <br> in HTML), so no sentence runs across it.
_ALWAYS = "。！？!?\n"
_SEMICOLONS = "；;"
# An ellipsis ends a sentence (……过去一年，…) unless the sentence goes on after it: a comma or
# 等 after it means only a list was cut short (开展了……等活动).
_ELLIPSIS = r"…+(?![…，,、：:；;等])"
# An ASCII full stop ends a sentence only before a space and a capital or a dash bullet, or
# between a word and a capital where a join lost the space (arose.Our), or at the end of the text
# (English prose; U.S. stays whole). Chinese text uses 。 and its ASCII dots are decimals (3.5, even
# when a PDF spaced it out) and list labels (1.).
_PERIOD = rf"\.(?={_CLOSE}(?:\s+[A-Z“‘\"'(\[\-–—]|\s*$))|(?<=[a-z])\.(?=[A-Z])"


@cache
def _end_re(semicolon: bool) -> re.Pattern[str]:
    marks = _ALWAYS + (_SEMICOLONS if semicolon else "")
    return re.compile(rf"(?:[{re.escape(marks)}]|{_ELLIPSIS}|{_PERIOD})+{_CLOSE}")


def sentence_spans(
    text: str, *, semicolon: bool = True, strip: bool = False
) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``, each with its end marks and the closing
    quotes/brackets after them.

    ``semicolon``: ；/; end a sentence too (the unit of official translations and of an inline
    diff); off where a sentence must keep its list items together (a target cue before a ；-list
    governs every item of it; a copied passage is a whole sentence).
    ``strip``: spaces around each sentence are left out and blank ones dropped; otherwise the
    spans tile the text (spaces go with the sentence they precede, a blank tail is its own span).
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _end_re(semicolon).finditer(text):
        spans.append((pos, m.end()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    if not strip:
        return spans
    out = []
    for s, e in spans:
        seg = text[s:e]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if e - trail > s + lead:
            out.append((s + lead, e - trail))
    return out


def split_sentences(text: str, *, semicolon: bool = True, strip: bool = False) -> list[str]:
    """The sentences of ``text`` (see :func:`sentence_spans`); ``"".join(result) == text`` unless
    ``strip``."""
    return [text[s:e] for s, e in sentence_spans(text, semicolon=semicolon, strip=strip)]
