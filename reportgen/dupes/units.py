"""Duplicate finding, units step: cut paragraphs into sentence/paragraph units and normalise them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reportgen.model import Document
from reportgen.sentences import sentence_spans as shared_sentence_spans

PARAGRAPH = "paragraph"
SENTENCE = "sentence"

NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
# What counts towards the minimum length: letters, digits and CJK, not punctuation.
CONTENT_RE = re.compile(r"[^\W_]")
SPACE_RE = re.compile(r"\s+")

# Phrases that repeat in every report by design; a unit that is little more than these is not a
# copy-paste mistake. Users extend this with --allow FILE.
DEFAULT_ALLOW: tuple[str, ...] = (
    "各位代表",
    "请予审议",
    "并请政协委员和其他列席人员提出意见",
    "以习近平新时代中国特色社会主义思想为指导",
    "全面贯彻党的二十大和二十届二中、三中全会精神",
    "全面贯彻党的二十大精神",
    "深入贯彻习近平总书记重要讲话精神",
    "在以习近平同志为核心的党中央坚强领导下",
    "坚持稳中求进工作总基调",
    "完整、准确、全面贯彻新发展理念",
    "加快构建新发展格局",
    "着力推动高质量发展",
)


@dataclass(frozen=True)
class Unit:
    """One passage that can repeat: a paragraph or a sentence in it.

    ``start``/``end`` are offsets into the paragraph's text; ``norm`` is the text with spaces removed
    and punctuation width unified (NFKC); ``masked`` is ``norm`` with every number replaced by ``#``.
    """

    doc: int
    paragraph_id: str
    kind: str
    start: int
    end: int
    text: str
    norm: str
    masked: str
    line: int = 0

    def overlaps(self, other: Unit) -> bool:
        return (
            self.doc == other.doc
            and self.paragraph_id == other.paragraph_id
            and self.start < other.end
            and other.start < self.end
        )


def normalise(text: str) -> str:
    """Spaces removed, full-width letters/digits/punctuation folded to one width (NFKC)."""
    return SPACE_RE.sub("", unicodedata.normalize("NFKC", text))


def mask_numbers(norm: str) -> str:
    return NUMBER_RE.sub("#", norm)


def numbers(norm: str) -> list[str]:
    return NUMBER_RE.findall(norm)


def content_length(text: str) -> int:
    return len(CONTENT_RE.findall(text))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of ``text``, spaces around them left out. ；does not
    cut: a copy-paste mistake repeats a whole sentence, and its ；-items would mostly fall under
    the minimum length or match every year's list of the same indicators."""
    return shared_sentence_spans(text, semicolon=False, strip=True)


def is_allowed(norm: str, allow: Sequence[str], *, min_chars: int) -> bool:
    """True when the unit is too short once the allowed phrases are taken out of it."""
    rest = norm
    for phrase in allow:
        if phrase:
            rest = rest.replace(phrase, "")
    return content_length(rest) < min_chars


def make_unit(
    doc: int, paragraph_id: str, kind: str, text: str, start: int, end: int, *, line: int = 0
) -> Unit:
    raw = text[start:end]
    norm = normalise(raw)
    masked = mask_numbers(norm)
    # Most texts are already normal and number-free: share one string object (memory at scale).
    norm = raw if norm == raw else norm
    masked = norm if masked == norm else masked
    return Unit(doc, paragraph_id, kind, start, end, raw, norm, masked, line)


def _raw_offsets(text: str, doc_text: str, start: int, end: int) -> Callable[[int], int]:
    """Map an offset in a paragraph's text to an offset in its raw input slice, so a sentence's
    line is right even where a reader joined wrapped lines or repaired the text."""
    if start < 0 or end <= start:
        return lambda i: 0
    raw = doc_text[start:end]
    if raw == text:
        return lambda i: i
    from rapidfuzz.distance import Indel

    blocks = [
        (op.src_start, op.dest_start, op.src_end - op.src_start)
        for op in Indel.opcodes(text, raw)
        if op.tag == "equal"
    ]

    def to_raw(i: int) -> int:
        best = 0
        for a, b, n in blocks:
            if a <= i < a + n:
                return b + (i - a)
            if a + n <= i:
                best = b + n
        return best

    return to_raw


def _line_finder(doc_text: str) -> Callable[[int], int]:
    """Offset -> 1-based line number (0 when unknown), by bisecting the newline positions."""
    import bisect

    newlines = [i for i, ch in enumerate(doc_text) if ch == "\n"]

    def line_of(offset: int) -> int:
        return bisect.bisect_left(newlines, offset) + 1 if offset >= 0 and doc_text else 0

    return line_of


def document_units(
    document: Document,
    doc_index: int,
    *,
    min_chars: int = 12,
    allow: Sequence[str] = DEFAULT_ALLOW,
    sentences: bool = True,
) -> list[Unit]:
    """Paragraph units (for paragraphs of two or more sentences) and sentence units of a document.

    A one-sentence paragraph is only a sentence unit, so one passage is never reported twice.
    Units shorter than ``min_chars`` content characters, or made only of allowed phrases, are dropped.
    """
    allow = tuple(normalise(a) for a in allow)
    units: list[Unit] = []
    line_of = _line_finder(document.text)
    for para in document.paragraphs():
        text = para.text
        to_raw = _raw_offsets(text, document.text, para.start, para.end)
        spans = sentence_spans(text) if sentences else []
        for kind, s, e in _candidate_spans(text, spans):
            line = line_of(para.start + to_raw(s)) if para.start >= 0 else 0
            unit = make_unit(doc_index, para.id, kind, text, s, e, line=line)
            if is_allowed(unit.norm, allow, min_chars=min_chars):
                continue
            units.append(unit)
    return units


def _candidate_spans(text: str, spans: list[tuple[int, int]]) -> Iterable[tuple[str, int, int]]:
    if len(spans) >= 2:
        stripped = text.strip()
        lead = len(text) - len(text.lstrip())
        yield PARAGRAPH, lead, lead + len(stripped)
    for s, e in spans:
        yield SENTENCE, s, e
