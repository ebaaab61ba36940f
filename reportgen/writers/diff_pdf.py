"""Writing step, diff as PDF: the HTML view printed by WeasyPrint (redline, all sections open)."""

from __future__ import annotations

from reportgen.diff import DiffResult


def render_pdf(result: DiffResult) -> bytes:
    from reportgen.writers.diff_html import render_html
    from reportgen.writers.pdf import html_to_pdf

    return html_to_pdf(render_html(result, for_print=True))
