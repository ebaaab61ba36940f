"""Writing step, duplicates: the editor's report printed to PDF (the HTML view through WeasyPrint)."""

from __future__ import annotations

from pathlib import Path

from reportgen.dupes import DupesResult


def render_pdf(
    result: DupesResult, *, title: str = "", user_dir: str | Path | None = None
) -> bytes:
    from reportgen.writers.dupes_html import render_html
    from reportgen.writers.pdf import html_to_pdf

    return html_to_pdf(render_html(result, title=title, user_dir=user_dir), user_dir=user_dir)
