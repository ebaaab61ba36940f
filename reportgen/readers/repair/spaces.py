"""Text repair, justification spaces: the gaps a justified line shows between characters."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportgen.model import Repair
from reportgen.readers.repair.chars import SPACE_RE, is_cjk

if TYPE_CHECKING:
    from reportgen.readers.repair.lines import Line


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
