"""Reading step: pick a reader by file type, decode bytes, and return one Document."""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from reportgen.errors import InputError
from reportgen.model import Block, Document

log = logging.getLogger(__name__)
READERS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".json": "json",
}


def decode(data: bytes, *, source: str = "input") -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 LE/BE (with or without BOM), GB18030/GBK.

    Raises InputError when the bytes are not text in any of these encodings.
    """
    if not data.strip():
        raise InputError(f"{source}: the file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        return _check_text(_strict(data[3:], "utf-8"), source)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        enc = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
        return _check_text(_strict(data[2:], enc), source)
    if b"\x00" in data[:65536]:
        # UTF-8 and GBK text never contains NUL bytes; UTF-16 does (ASCII, newlines, U+3000).
        best = max(
            (
                (_plausible(t), t)
                for t in (_strict(data, e) for e in ("utf-16-le", "utf-16-be"))
                if t
            ),
            default=(0.0, ""),
        )
        if best[0] >= 0.9:
            return _check_text(best[1], source)
        raise InputError(f"{source}: not a text file (binary data)")
    for enc in ("utf-8", "gb18030"):
        text = _strict(data, enc)
        if text is not None and _plausible(text) >= 0.9:
            return _check_text(text, source)
    # A stray invalid byte (a cut-off copy, a bad paste) should not cost the whole report: a few
    # are replaced with U+FFFD and reported; more than that is not text in this encoding.
    allowed = max(3, len(data) // 10000)
    for enc in ("utf-8", "gb18030"):
        text = data.decode(enc, errors="replace")
        bad = text.count("\ufffd")
        if bad <= allowed and _plausible(text) >= 0.9:
            lines = sorted({text.count("\n", 0, m.start()) + 1 for m in _REPLACED.finditer(text)})
            log.warning(
                "%s: %d invalid %s byte sequence%s replaced with \ufffd (line %s)",
                source,
                bad,
                enc.upper(),
                "s" if bad > 1 else "",
                ", ".join(map(str, lines)),
            )
            return _check_text(text, source)
    raise InputError(f"{source}: not a text file (not UTF-8, UTF-16 or GB18030/GBK text)")


_REPLACED = re.compile("\ufffd")


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


# Characters a report is written in: ASCII, Latin-1, general punctuation, CJK symbols, kana,
# common CJK ideographs, full-width forms. Bytes decoded in the wrong encoding land elsewhere.
_PLAUSIBLE = re.compile(
    r"[\t\n\r\x20-\x7e\u00a0-\u024f\u2000-\u206f\u2100-\u27bf\u3000-\u30ff\u4e00-\u9fff"
    r"\uff00-\uffef\u2e80-\u2fdf\u3200-\u33ff\ufe30-\ufe4f]"
)


def _plausible(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    return len(_PLAUSIBLE.findall(sample)) / len(sample)


def _check_text(text: str | None, source: str) -> str:
    if text is None:
        raise InputError(f"{source}: not a text file (invalid bytes for its byte-order mark)")
    bad = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if "\x00" in text or bad > max(3, len(text[:20000]) // 200):
        raise InputError(f"{source}: not a text file (control characters)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_path(path: str | Path, *, format: str | None = None) -> Document:
    """Read any supported input file into a Document."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a report file")
    kind = format or READERS.get(p.suffix.lower())
    if kind is None and p.suffix:
        known = ", ".join(sorted(k for k in READERS if k))
        raise InputError(f"{p}: unknown file type {p.suffix!r} (known: {known})")
    if not p.is_file():
        raise InputError(f"{p}: not a regular file")
    data = file_bytes(p)
    if not data.strip():
        raise InputError(f"{p}: the file is empty")
    doc = read_bytes(data, kind=kind or sniff(data), source=str(p))
    _require_chinese(doc)
    log_repairs(doc)
    return doc


# reportgen reads Chinese reports: an English translation, or a PDF whose text layer is missing
# or garbled, has (almost) no Han characters and would give an empty briefing, no facts, no diff.
MIN_HAN_SHARE = 0.05
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _require_chinese(doc: Document) -> None:
    text = "".join([doc.title, doc.subtitle, *(p.text for p in doc.paragraphs())])
    chars = len("".join(text.split()))
    if not chars:
        raise InputError(f"{doc.source}: no text found in it")
    if len(_HAN.findall(text)) < MIN_HAN_SHARE * chars:
        raise InputError(
            f"{doc.source}: no Chinese text (reportgen reads Chinese reports; an official "
            "English translation goes into the translation memory: `reportgen tm import`)"
        )


def file_bytes(path: Path) -> bytes:
    """A file's bytes; a failure to read it is one line (every reader module uses this)."""
    try:
        return path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None


def read_list(path: str | Path, *, what: str = "list") -> tuple[str, ...]:
    """The entries of a list file, one a line, in any encoding :func:`decode` reads (an editor's
    list saved on a Chinese Windows is GB18030): lines stripped, blank lines and ``#`` comments
    skipped; an empty file is an empty list. ``what`` names the file in error messages."""
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not the {what} file")
    if not p.is_file():
        raise InputError(f"{p}: no such {what} file")
    data = file_bytes(p)
    if not data.strip():
        return ()
    lines = (line.strip() for line in decode(data, source=str(p)).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def log_repairs(doc: Document) -> None:
    """Say what the reader repaired (info: ``reportgen -v``) and warn about headings it had to
    keep aside, which a reader of the output would otherwise not notice."""
    if doc.repairs:
        counts = Counter(r.kind for r in doc.repairs).most_common()
        kinds = ", ".join(f"{n} {kind}" for kind, n in counts)
        log.info("%s: %d repairs (%s)", doc.source, len(doc.repairs), kinds)
    if doc.unplaced_headings:
        n = len(doc.unplaced_headings)
        log.warning(
            "%s: %d heading%s could not be placed on %s section%s and %s kept aside (%s); "
            "`reportgen parse -f json` says why",
            doc.source,
            n,
            "s" if n > 1 else "",
            "their" if n > 1 else "its",
            "s" if n > 1 else "",
            "are" if n > 1 else "is",
            "、".join(doc.unplaced_headings[:3]) + ("…" if n > 3 else ""),
        )


def sniff(data: bytes) -> str:
    """The reader for a file without a suffix, from its first bytes."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if re.match(rb"(?i)(?:\xef\xbb\xbf)?\s*<(?:!doctype html|html|head|body|meta)", head):
        return "html"
    if head.startswith(b"{") and b'"schema"' in data[:4096]:
        return "json"
    return "text"


def read_bytes(data: bytes, *, kind: str, source: str) -> Document:
    """Dispatch to the reader module for ``kind`` (text, markdown, html, docx, pdf, json)."""
    if kind == "text":
        from reportgen.readers import text

        return text.read(decode(data, source=source), source=source)
    if kind == "json":
        import json

        from reportgen.model import Document as Doc

        try:
            return Doc.from_dict(json.loads(decode(data, source=source)))
        except (ValueError, KeyError) as e:
            raise InputError(f"{source}: not a reportgen document JSON ({e})") from None
    if kind == "markdown":
        from reportgen.readers import markdown

        return markdown.read(decode(data, source=source), source=source)
    if kind == "html":
        from reportgen.readers import html

        return html.read(decode(data, source=source), source=source)
    if kind == "docx":
        from reportgen.readers import docx

        return docx.read(data, source=source)
    if kind == "pdf":
        from reportgen.readers import pdf

        return pdf.read(data, source=source)
    raise InputError(f"{source}: no reader for {kind!r}")


def outline_levels(
    blocks: Sequence[Block], *, take_title: bool = True
) -> tuple[str | None, list[Block]]:
    """Markup headings to outline levels: a lone top heading that opens the document is its title,
    and the remaining heading levels are renumbered 1, 2, … in the order of their depth (an HTML page
    that starts at ``<h2>`` or skips ``<h3>`` still gives parts at level 1 and sub-sections at 2)."""
    blocks = list(blocks)
    levels = sorted({b.heading_level for b in blocks if b.heading_level})
    title: str | None = None
    if levels and take_title:
        from reportgen.structure import numbered_heading_level

        top = [i for i, b in enumerate(blocks) if b.heading_level == levels[0]]
        first = top[0]
        if (
            len(top) == 1
            and first <= 2
            and all(not b.heading_level for b in blocks[:first])
            and numbered_heading_level(blocks[first].text) is None
        ):
            title = blocks[first].text
            del blocks[first]
            levels = sorted({b.heading_level for b in blocks if b.heading_level})
    rank = {lv: i + 1 for i, lv in enumerate(levels)}
    out = [
        Block(b.text, b.start, b.end, rank[b.heading_level], b.meta) if b.heading_level else b
        for b in blocks
    ]
    return title, out


# A table row is one paragraph, its cells joined by a tab (what Word and LibreOffice put between
# cells when a row is copied as text; the facts step reads a tab as a gap): "国内生产总值\t126万亿元"
# gives the fact its indicator, where cell-per-paragraph gave a bare number. Only rows of short
# one-paragraph cells: a table used for page layout holds paragraphs of prose, read as such.
ROW_CELL_MAX = 60


def table_row(cells: Sequence[Sequence[str]]) -> str | None:
    """The text of a table row given each cell's paragraphs, or None when the row holds prose
    (a cell with several paragraphs or a long one) or fewer than two filled cells."""
    texts = [" ".join(t for t in cell if t) for cell in cells]
    if sum(1 for t in texts if t) < 2:
        return None
    if any(len([t for t in cell if t]) > 1 for cell in cells):
        return None
    if any(len(t) > ROW_CELL_MAX for t in texts):
        return None
    return "\t".join(texts).rstrip("\t")
