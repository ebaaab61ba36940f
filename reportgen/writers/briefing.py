"""Briefing writer (driver): read a report, extract facts, English it, render and write the briefing."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportgen.errors import RenderError
from reportgen.writers import output_format, write_output

FORMATS = ("pdf", "docx", "html")
DEFAULT_DIR = Path("output")


def output_target(input: str | Path, output: str | None, fmt: str | None) -> tuple[str, str]:
    """The file to write and its format: ``--format`` wins, else ``-o``'s extension, else PDF;
    with no ``-o`` the file is ``output/<input stem>.<format>``."""
    fmt = output_format(output or None, fmt, FORMATS, default="pdf")
    if not output:
        output = str(DEFAULT_DIR / f"{Path(input).stem}.{fmt}")
    return output, fmt


def generated_date() -> str:
    """Today, or ``$SOURCE_DATE_EPOCH``'s date for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    return dt.date.today().isoformat()


def render_briefing(briefing: Any, fmt: str, *, template_dir: str | Path | None = None) -> bytes:
    """Bytes of the briefing in ``fmt`` (pdf, docx, html)."""
    if fmt == "pdf":
        from reportgen.writers.brief_pdf import render_pdf

        return render_pdf(briefing, template_dir=template_dir)
    if fmt == "docx":
        from reportgen.writers.brief_docx import render_docx

        return render_docx(briefing, template_dir=template_dir)
    from reportgen.writers.brief_html import render_html

    return render_html(briefing, template_dir=template_dir).encode("utf-8")


def write_briefing(
    input: str | Path,
    *,
    output: str | None = None,
    fmt: str | None = None,
    layout: str = "side-by-side",
    lang: str = "zh-en",
    template_dir: str | Path | None = None,
    termbase: str | Path | None = None,
    tm: str | Path | None = None,
    translator: str = "none",
    full: bool = False,
    mt_options: dict[str, Any] | None = None,
    progress: Callable[[str], None] | None = None,
) -> str:
    """The ``reportgen brief`` pipeline; returns where the briefing went. The file is written
    atomically: a failure at any step leaves no file behind (and an old one untouched)."""
    from reportgen.brief import build_briefing
    from reportgen.facts import extract_facts
    from reportgen.readers import read_path
    from reportgen.translate import build_englisher

    say = progress or (lambda _msg: None)
    target, fmt = output_target(input, output, fmt)
    if template_dir is not None and not Path(template_dir).is_dir():
        raise RenderError(f"{template_dir}: template folder not found")
    say(f"reading {input}")
    doc = read_path(input)
    facts = extract_facts(doc)
    englisher = build_englisher(
        termbase_file=termbase, tm_path=tm, translator=translator, **(mt_options or {})
    )
    say(f"translating ({translator if translator != 'none' else 'TM and termbase only'})")
    briefing = build_briefing(
        doc,
        facts=facts,
        englisher=englisher,
        generated=generated_date(),
        lang=lang,
        layout=layout,
        full=full,
        translator=translator,
    )
    say(f"rendering {fmt.upper()}")
    data = render_briefing(briefing, fmt, template_dir=template_dir)
    write_output(target, data)
    if target != "-":
        say(f"wrote {target} ({len(data) // 1024} KB)")
    return target
