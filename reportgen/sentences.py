"""Shared text step: cutting Chinese report text into sentences (diff, translation, briefing)."""

from __future__ import annotations

import re

# A sentence ends at 。！？； (or ASCII !?;) together with any closing quote or bracket after it.
SENTENCE_RE = re.compile(r"[^。！？；!?;]*(?:[。！？；!?;]+[”’」』）)]*|$)")


def split_sentences(text: str) -> list[str]:
    """Sentences with their end punctuation, spaces kept: ``"".join(result) == text``."""
    return [m.group() for m in SENTENCE_RE.finditer(text) if m.group()]
