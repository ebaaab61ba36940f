"""Writing step: pick a renderer by output format, and write output files atomically, so a failed
render leaves no half file.

Renderers are imported on first use: WeasyPrint, python-docx and matplotlib are slow to load.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.errors import RenderError

if TYPE_CHECKING:
    from reportgen.brief import Briefing
    from reportgen.diff import DiffResult
    from reportgen.dupes import DupesResult
    from reportgen.model import Document

# The formats each command writes.
PARSE_FORMATS = ("json", "md", "text")
FACTS_FORMATS = ("json", "csv", "tsv", "md")
BRIEF_FORMATS = ("pdf", "docx", "html")
DUPES_FORMATS = ("html", "pdf", "docx", "json")
DIFF_FORMATS = ("html", "pdf", "docx", "json")


def json_text(data: Mapping[str, Any]) -> str:
    """A result's ``to_dict()`` as the JSON every command writes: UTF-8 text as is, indented."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# Extensions that name a format by another name.
_SUFFIX_ALIASES = {"htm": "html", "txt": "text", "markdown": "md"}


def output_format(
    output: str | Path | None, fmt: str | None, formats: Sequence[str], *, default: str
) -> str:
    """The format to write: ``--format`` wins, else ``-o``'s extension, else ``default`` (also for
    stdout). An extension that names none of ``formats`` is an error, never a silent fallback."""
    if fmt is None and output is not None and str(output) != "-":
        suffix = Path(output).suffix.lower().lstrip(".")
        suffix = _SUFFIX_ALIASES.get(suffix, suffix)
        if suffix not in formats:
            raise RenderError(
                f"{output}: cannot tell the format from {Path(output).suffix or 'no extension'!r};"
                f" give --format ({'/'.join(formats)})"
            )
        fmt = suffix
    fmt = fmt or default
    if fmt not in formats:
        raise RenderError(f"unknown format {fmt!r} (choose one of: {', '.join(formats)})")
    return fmt


def render_document(doc: Document, *, fmt: str) -> str:
    """The document tree as ``json`` (everything, with the repairs), ``md`` or ``text`` (the
    repaired document with its headings)."""
    if fmt == "json":
        # The text too: paragraph offsets (and the line numbers dupes reports) refer to it.
        return json_text(doc.to_dict(include_text=True))
    from reportgen.writers.outline import to_markdown, to_text

    if fmt == "md":
        return to_markdown(doc)
    if fmt == "text":
        return to_text(doc)
    raise _unknown("document", fmt, PARSE_FORMATS)


def render_briefing(
    briefing: Briefing, *, fmt: str, template_dir: str | Path | None = None
) -> bytes:
    """The briefing as ``pdf``, ``docx`` or ``html`` (``template_dir``: a user's own templates)."""
    if fmt == "pdf":
        from reportgen.writers.brief_pdf import render_pdf

        return render_pdf(briefing, template_dir=template_dir)
    if fmt == "docx":
        from reportgen.writers.brief_docx import render_docx

        return render_docx(briefing, template_dir=template_dir)
    if fmt == "html":
        from reportgen.writers.brief_html import render_html

        return render_html(briefing, template_dir=template_dir).encode("utf-8")
    raise _unknown("briefing", fmt, BRIEF_FORMATS)


def render_dupes(result: DupesResult, *, fmt: str, first: Document) -> str | bytes:
    """The duplicates report as ``html``, ``pdf``, ``docx`` (a copy of ``first``, the first input,
    with a comment on every repeated passage) or ``json``."""
    if fmt == "json":
        return json_text(result.to_dict())
    if fmt == "html":
        from reportgen.writers.dupes_html import render_html

        return render_html(result)
    if fmt == "pdf":
        from reportgen.writers.dupes_pdf import render_pdf

        return render_pdf(result)
    if fmt == "docx":
        from reportgen.writers.dupes_docx import render_docx

        return render_docx(result, first)
    raise _unknown("duplicates", fmt, DUPES_FORMATS)


def render_diff(result: DiffResult, *, fmt: str) -> str | bytes:
    """The comparison as ``html``, ``pdf`` (redline, every section open), ``docx`` (Word tracked
    changes) or ``json``."""
    if fmt == "json":
        return json_text(result.to_dict())
    if fmt == "html":
        from reportgen.writers.diff_html import render_html

        return render_html(result)
    if fmt == "pdf":
        from reportgen.writers.diff_pdf import render_pdf

        return render_pdf(result)
    if fmt == "docx":
        from reportgen.writers.diff_docx import render_docx

        return render_docx(result)
    raise _unknown("diff", fmt, DIFF_FORMATS)


def _unknown(what: str, fmt: str, formats: Sequence[str]) -> RenderError:
    return RenderError(f"unknown {what} format {fmt!r} (choose one of: {', '.join(formats)})")


def check_template_dir(template_dir: str | Path | None) -> None:
    """Fail at once, before the slow steps, when the user's template folder does not exist."""
    if template_dir is not None and not Path(template_dir).is_dir():
        raise RenderError(f"{template_dir}: template folder not found")


def write_output(target: str | Path | None, data: bytes | str) -> None:
    """Write ``data`` to ``target`` (``-`` or None = stdout) via a temporary file and rename."""
    if target is None or str(target) == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(data)
            sys.stdout.flush()
        return
    path = Path(target)
    if path.is_dir():
        raise RenderError(f"{path}: is a directory; give a file name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as e:
        raise RenderError(f"{path}: cannot write ({e.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as f:
            # mkstemp makes the file private (0600); an output file gets the usual umask mode.
            os.fchmod(f.fileno(), 0o666 & ~_umask())
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
