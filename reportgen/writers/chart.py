"""Chart writer: the review-vs-plan change chart as inline SVG (matplotlib, text kept as text)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from reportgen.brief import Briefing, Comparison

CJK_FAMILIES = ["Noto Sans CJK SC", "Noto Serif CJK SC", "DejaVu Sans"]
REVIEW_COLOUR = "#9fb3c8"
PLAN_COLOUR = "#b3261e"
INK = "#1f2933"


@contextmanager
def chart_figure(
    rc: dict[str, Any], *, figsize: tuple[float, float], nrows: int = 1, ncols: int = 1
) -> Iterator[tuple[Any, Any]]:
    """A matplotlib Figure and its grid of axes, drawn and saved under ``rc``. No pyplot: no
    global figure registry to leak into, no GUI backend, and a lighter import."""
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(rc):
        fig = Figure(figsize=figsize)
        yield fig, fig.subplots(nrows, ncols, squeeze=False)


def chart_rc(font_size: float) -> dict[str, Any]:
    """rcParams every reportgen chart shares: CJK fonts, text kept as text, reproducible SVG."""
    return {
        "svg.fonttype": "none",  # keep text as <text>, searchable and selectable in the PDF
        "svg.hashsalt": "reportgen",  # stable ids: same input, same bytes
        "font.family": CJK_FAMILIES,
        "font.size": font_size,
        "axes.linewidth": 0.6,
    }


def inline_svg(svg: str) -> str:
    """Drop the XML prolog and fixed size so the SVG scales to its container."""
    svg = svg[svg.index("<svg") :]
    return re.sub(r'(<svg[^>]*?)\swidth="[^"]*"\s+height="[^"]*"', r"\1", svg, count=1)


def briefing_chart_options(b: Briefing) -> dict[str, Any]:
    """The chart options a briefing implies (legend years, languages), the same in HTML and DOCX."""
    return {
        "review_label": f"{b.review_year or 'review'} result",
        "plan_label": f"{b.plan_year or 'plan'} target",
        "show_zh": b.show_zh,
        "show_en": b.show_en,
    }


def comparison_chart_svg(
    comparisons: Sequence[Comparison],
    *,
    review_label: str = "review",
    plan_label: str = "plan",
    show_zh: bool = True,
    show_en: bool = True,
) -> str:
    """Paired horizontal bars per indicator, the review result at 100 and the plan target scaled to
    it, labelled with both values as the report states them. Indicators in different units share one
    axis this way; rates (%) are left to the table. Returns an ``<svg>`` element (no XML prolog) to inline into HTML; "" if no data."""
    data = _render(comparisons, "svg", review_label, plan_label, show_zh, show_en)
    if not data:
        return ""
    return inline_svg(data.decode("utf-8")).replace("<svg ", '<svg class="chart" role="img" ', 1)


def comparison_chart_png(
    comparisons: Sequence[Comparison],
    *,
    review_label: str = "review",
    plan_label: str = "plan",
    show_zh: bool = True,
    show_en: bool = True,
    dpi: int = 200,
) -> bytes:
    """The same chart as PNG bytes (for Word, which cannot show SVG everywhere); b"" if no data."""
    return _render(comparisons, "png", review_label, plan_label, show_zh, show_en, dpi=dpi)


def _render(
    comparisons: Sequence[Comparison],
    fmt: str,
    review_label: str,
    plan_label: str,
    show_zh: bool,
    show_en: bool,
    *,
    dpi: int = 100,
) -> bytes:
    # Rates are compared in points in the table; as an index (8 % = 88 % of 9.1 %) they mislead.
    rows = [c for c in comparisons if c.review.value > 0 and c.unit != "%"]
    if not rows:
        return b""
    rc = {**chart_rc(8), "axes.edgecolor": "#c0c6cc"}
    lines = 1 + (show_zh and show_en)
    height = 0.55 + (0.36 + 0.14 * lines) * len(rows)
    with chart_figure(rc, figsize=(6.6, height)) as (fig, axes):
        ax = axes[0][0]
        ys = list(range(len(rows)))[::-1]
        plan_idx = [100.0 * c.plan.value / c.review.value for c in rows]
        ax.barh(
            [y + 0.18 for y in ys],
            [100.0] * len(rows),
            height=0.34,
            color=REVIEW_COLOUR,
            label=review_label,
        )
        ax.barh([y - 0.18 for y in ys], plan_idx, height=0.34, color=PLAN_COLOUR, label=plan_label)
        top = max([100.0, *plan_idx])
        for y, c, v in zip(ys, rows, plan_idx, strict=True):
            ax.text(
                101,
                y + 0.18,
                _value(c, review=True, zh=show_zh),
                va="center",
                fontsize=7,
                color=INK,
            )
            ax.text(
                v + 1,
                y - 0.18,
                f"{_value(c, review=False, zh=show_zh)}   {c.change_text}",
                va="center",
                fontsize=7,
                color=PLAN_COLOUR,
            )
        ax.set_yticks(ys)
        ax.set_yticklabels([_label(c, show_zh, show_en) for c in rows], fontsize=7.5, color=INK)
        ax.set_xlim(0, top * 1.45)
        ax.set_xticks([])
        for side in ("top", "right", "bottom"):
            ax.spines[side].set_visible(False)
        ax.tick_params(axis="y", length=0)
        ax.legend(loc="lower right", frameon=False, fontsize=7, ncol=2)
        fig.tight_layout(pad=0.3)
        buf = io.BytesIO()
        meta = {"Date": None} if fmt == "svg" else {}
        fig.savefig(buf, format=fmt, metadata=meta, dpi=dpi)
    return buf.getvalue()


def _value(c: Comparison, *, review: bool, zh: bool) -> str:
    f = c.review if review else c.plan
    return (f.value_zh if zh else f.value_en) or f.value_zh or f"{f.value:,g}"


def _label(c: Comparison, show_zh: bool, show_en: bool) -> str:
    parts = []
    if show_zh:
        parts.append(c.indicator_zh)
    if show_en and c.indicator_en:
        parts.append(c.indicator_en)
    return "\n".join(parts) or c.indicator_zh
