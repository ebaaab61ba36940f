"""Briefing writer (PDF): the briefing's HTML printed by WeasyPrint with the print stylesheet."""

from __future__ import annotations

from pathlib import Path

from reportgen.brief import Briefing
from reportgen.writers.brief_html import render_html
from reportgen.writers.pdf import html_to_pdf


def render_pdf(briefing: Briefing, *, template_dir: str | Path | None = None) -> bytes:
    """PDF bytes: contents with page numbers, page X of Y, running header, bookmarks, metadata."""
    return html_to_pdf(render_html(briefing, template_dir=template_dir), user_dir=template_dir)
