"""Writing step, diff as HTML: side-by-side and redline views, change tables and trend chart."""

from __future__ import annotations

import io
from typing import Any

from reportgen.diff import DiffResult, PairDiff
from reportgen.diff.align import EQUAL, ParagraphChange, last_heading, with_move_origins
from reportgen.facts.english import format_change, format_number, format_percent


def render_html(result: DiffResult, *, for_print: bool = False) -> str:
    from reportgen.writers.html import render_template

    return render_template("diff.html.j2", build_context(result, for_print=for_print))


def segments(row: ParagraphChange, side: str) -> list[tuple[str, str]]:
    """(css class, text) pieces of one side of a row: ``del``/``ins`` mark changed text."""
    out: list[tuple[str, str]] = []
    for op in row.ops or ():
        text = op.old if side == "old" else op.new
        if not text:
            continue
        cls = "" if op.tag == EQUAL else ("del" if side == "old" else "ins")
        out.append((cls, text))
    if not row.ops:
        text = row.old_text if side == "old" else row.new_text
        out = [("", text)] if text else []
    return out


def redline(row: ParagraphChange) -> list[tuple[str, str]]:
    """The inline view: deleted then inserted text in place."""
    if not row.ops:
        return [("", row.new_text or row.old_text)]
    out: list[tuple[str, str]] = []
    for op in row.ops:
        if op.tag == EQUAL:
            out.append(("", op.new))
            continue
        if op.old:
            out.append(("del", op.old))
        if op.new:
            out.append(("ins", op.new))
    return out


def _groups(pair: PairDiff) -> list[dict[str, Any]]:
    """Consecutive rows of one section (the new report's, or the old one's for removed text)."""
    groups: list[dict[str, Any]] = []
    items = with_move_origins(list(pair.paragraphs))
    # Sections paired with a differently worded heading: show the old wording too.
    renamed = {
        sp.new_heading: sp.old_heading
        for sp in pair.sections
        if sp.new_heading
        and sp.old_heading
        and last_heading(sp.old_heading) != last_heading(sp.new_heading)
    }
    # Moved rows and their ghosts link to each other.
    first_n: dict[tuple[str, int], int] = {}
    for n, (kind, r) in enumerate(items):
        first_n.setdefault((kind, id(r)), n)
    for n, (kind, r) in enumerate(items):
        side = r.new[0] if r.new and kind == "row" else (r.old[0] if r.old else r.new[0])
        if side not in r.new and groups:
            heading = groups[-1]["heading"]  # removed text stays in the section it stood near
        else:
            heading = side.heading or "（开头）"
        if not groups or groups[-1]["heading"] != heading:
            was = renamed.get(side.heading) if side in r.new else None
            groups.append({"heading": heading, "was": was, "rows": [], "changed": False})
        g = groups[-1]
        row = {
            "n": n,
            "kind": kind,
            "status": r.status if kind == "row" else "moved-from",
            "similarity": round(r.similarity * 100),
            "old_ids": [p.id for p in r.old],
            "new_ids": [p.id for p in r.new],
            "old": segments(r, "old") if kind == "row" else [("", r.old_text)],
            "new": segments(r, "new") if kind == "row" else [],
            "redline": redline(r) if kind == "row" else [],
            "link": first_n.get(("ghost" if kind == "row" else "row", id(r))),
        }
        g["rows"].append(row)
        if row["status"] != EQUAL:
            g["changed"] = True
    return groups


def _fact_text(f: Any) -> str:
    return f.surface if f is not None else "—"


def build_context(result: DiffResult, *, for_print: bool = False) -> dict[str, Any]:
    pair = result.latest
    facts = [
        {
            "indicator": c.indicator,
            "kind": c.kind,
            "measure": c.measure,
            "old": _fact_text(c.old),
            "new": _fact_text(c.new),
            "change": c.change,
            "delta": _delta(c.delta, c.unit),
            "relative": format_percent(c.relative) if c.relative is not None else "",
        }
        # Both plans state the indicator first; then new and dropped indicators.
        for c in sorted(result.facts, key=lambda c: c.change in ("added", "removed"))
    ]
    targets = [
        {
            "indicator": t.indicator,
            "year": t.year,
            "target": _fact_text(t.target),
            "actual": _fact_text(t.actual),
            "verdict": t.verdict,
            "rule": t.rule,
        }
        for t in result.targets
    ]
    known = [t for t in targets if t["verdict"] != "unknown"]
    labels = short_labels(result)
    return {
        "title": _title(result),
        "result": result,
        "mode": result.mode,
        "for_print": for_print,
        "docs": [labels[d.source] for d in result.docs],
        "counts": pair.counts() if pair else {},
        "groups": _groups(pair) if pair else [],
        "old_label": labels[pair.old.source] if pair else "",
        "new_label": labels[pair.new.source] if pair else "",
        "changed_targets": [f for f in facts if f["kind"] == "target" and f["change"] != "same"],
        "changed_results": [
            f for f in facts if f["kind"] == "achievement" and f["change"] != "same"
        ],
        "single_facts": facts if result.mode == "single" else [],
        "targets": known,
        "unknown_targets": [t for t in targets if t["verdict"] == "unknown"],
        "series": [
            {
                "indicator": s.indicator,
                "unit": s.unit,
                "cells": [
                    tuple("—" if v is None else format_number(v, scale="zh") for v in pair_)
                    for pair_ in zip(s.targets, s.actuals, strict=True)
                ],
            }
            for s in result.series
        ],
        "series_years": list(result.series[0].years) if result.series else [],
        "chart_svg": _chart(result) if result.series else "",
    }


def short_labels(result: DiffResult) -> dict[str, str]:
    """``2014 海拉尔区`` when every report has its own year, else the file names."""
    years = [d.year for d in result.docs]
    if None not in years and len(set(years)) == len(years):
        return {d.source: f"{d.year} {d.place}".strip() for d in result.docs}
    return {d.source: d.source.rsplit("/", 1)[-1] for d in result.docs}


def _title(result: DiffResult) -> str:
    labels = short_labels(result)
    first, last = labels[result.docs[0].source], labels[result.docs[-1].source]
    if result.mode == "single":
        return f"{first}: last year's results against this year's targets"
    return f"Report comparison {first} → {last}"


def _delta(delta: float | None, unit: str) -> str:
    """The difference column: points for rates, the unit's own amount for levels (the relative
    change has a column of its own)."""
    return "" if delta is None else format_change(delta, unit=unit)


def _chart(result: DiffResult, *, limit: int = 6) -> Any:
    """Small multiples, one per indicator: targets dashed, results solid (inline SVG, text as
    text so it stays searchable)."""
    from markupsafe import Markup
    from matplotlib.ticker import FuncFormatter

    from reportgen.writers.chart import chart_figure, chart_rc, inline_svg

    rows = sorted(result.series, key=lambda s: -sum(v is not None for v in s.actuals))[:limit]
    if not rows:
        return ""
    cols = min(3, len(rows))
    lines = (len(rows) + cols - 1) // cols
    size = (2.4 * cols, 1.9 * lines)
    with chart_figure(chart_rc(7), figsize=size, nrows=lines, ncols=cols) as (fig, axes):
        for ax in axes.flat[len(rows) :]:
            ax.set_visible(False)
        for ax, s in zip(axes.flat, rows, strict=False):
            years = list(s.years)
            for values, style, label in (
                (s.actuals, "-o", "result"),
                (s.targets, "--s", "target"),
            ):
                pts = [(y, v) for y, v in zip(years, values, strict=True) if v is not None]
                if pts:
                    ax.plot(
                        [p[0] for p in pts], [p[1] for p in pts], style, ms=3, lw=1, label=label
                    )
            ax.set_title(f"{s.indicator} ({s.unit})", fontsize=7)
            ax.set_xticks(years)
            ax.yaxis.set_major_formatter(
                FuncFormatter(lambda v, _pos: format_number(v, scale="zh"))
            )
            ax.tick_params(labelsize=6)
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)
        axes.flat[0].legend(fontsize=6, frameon=False)
        fig.tight_layout(pad=0.4)
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
    svg = inline_svg(buf.getvalue().decode("utf-8"))
    # matplotlib escapes the text it writes; the SVG is ours, not report text.
    return Markup(svg)
