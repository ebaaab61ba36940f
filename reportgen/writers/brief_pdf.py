"""Briefing writer (PDF): the briefing's HTML printed by WeasyPrint with the print stylesheet."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path

from reportgen.brief import Briefing
from reportgen.writers.brief_html import render_html
from reportgen.writers.pdf import html_to_pdf

log = logging.getLogger(__name__)


def render_pdf(briefing: Briefing, *, template_dir: str | Path | None = None) -> bytes:
    """PDF bytes: contents with page numbers, page X of Y, running header, bookmarks, metadata."""
    html = render_html(briefing, template_dir=template_dir, chart_svg=chart_while_loading(briefing))
    return html_to_pdf(html, user_dir=template_dir)


def chart_while_loading(briefing: Briefing) -> str:
    """The review-vs-plan chart's SVG. In a fresh process importing matplotlib and importing
    WeasyPrint take 0.3–0.45 s each, one after the other: a forked worker draws the chart while
    this process imports WeasyPrint (a cold `reportgen brief` 0.4 s faster). With either already
    imported (a long-lived process), or no fork, the chart is drawn here."""
    from reportgen.writers.chart import briefing_chart_options, comparison_chart_svg

    options = briefing_chart_options(briefing)
    cold = "matplotlib" not in sys.modules and "weasyprint" not in sys.modules
    if not (briefing.comparisons and cold and hasattr(os, "fork")):
        return comparison_chart_svg(briefing.comparisons, **options)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    try:
        fork = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=1, mp_context=fork) as pool:
            future = pool.submit(comparison_chart_svg, briefing.comparisons, **options)
            # What the worker's time is overlapped with; without Pango, html_to_pdf says so.
            with contextlib.suppress(OSError):
                import weasyprint  # noqa: F401
            return future.result()
    except Exception:  # no worker to be had (process limits, a broken pool): draw it here
        log.debug("chart worker failed; drawing in this process", exc_info=True)
        return comparison_chart_svg(briefing.comparisons, **options)
