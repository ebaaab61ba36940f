"""Briefing writer (HTML): the Briefing through the Jinja template into one self-contained file."""

from __future__ import annotations

from pathlib import Path

from reportgen.brief import Briefing
from reportgen.writers.html import render_template

TEMPLATE = "brief.html.j2"


def render_html(
    briefing: Briefing, *, template_dir: str | Path | None = None, chart_svg: str | None = None
) -> str:
    """The briefing as HTML with inline CSS and an inline SVG chart; all report text autoescaped.

    ``template_dir`` may hold a user's own ``brief.html.j2`` (and ``static/*.css``); ``chart_svg``
    is the chart already drawn (by :func:`reportgen.writers.chart.comparison_chart_svg`).
    """
    from markupsafe import Markup

    from reportgen.writers.chart import briefing_chart_options, comparison_chart_svg

    svg = chart_svg
    if svg is None:
        svg = comparison_chart_svg(briefing.comparisons, **briefing_chart_options(briefing))
    # The SVG is ours (matplotlib escapes the text it draws), so it goes in unescaped.
    context = {"b": briefing, "chart_svg": Markup(svg) if svg else ""}
    return render_template(TEMPLATE, context, user_dir=template_dir)
