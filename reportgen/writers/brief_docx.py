"""Briefing writer (DOCX): the Briefing as a Word document with real heading styles and CJK fonts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportgen.brief import Bilingual, Briefing, Figure
from reportgen.paths import templates_dir
from reportgen.writers.docx_common import (
    add_run,
    new_document,
    page_number_footer,
    repeat_header_row,
    set_column_widths,
    to_bytes,
)

TEMPLATE = "brief.docx"
ACCENT = "B3261E"
MUTED = "6B7785"
BADGE_COLOURS = {"TM": "1B7F3B", "MT": "8A5A00", "terms": "2F6F9F", "termbase": "2F6F9F"}
TEXT_WIDTH_CM = 16.0


def find_template(template_dir: str | Path | None) -> Path | None:
    """A user's ``brief.docx`` in ``template_dir``, else the shipped one, else None (python-docx's)."""
    for d in ([Path(template_dir)] if template_dir else []) + [templates_dir()]:
        f = d / TEMPLATE
        if f.is_file():
            return f
    return None


def render_docx(briefing: Briefing, *, template_dir: str | Path | None = None) -> bytes:
    """DOCX bytes: Heading 1/2 for the navigation pane, a TOC field, tables with repeating header
    rows, page X of Y fields, and East-Asian fonts and language on every run."""
    d = new_document(find_template(template_dir))
    b = briefing
    _properties(d, b)
    sec = d.sections[0]
    page_number_footer(sec)
    hp = sec.header.paragraphs[0] if sec.header.paragraphs else sec.header.add_paragraph()
    add_run(hp, b.title.zh or b.source, size=8, color=MUTED)

    _cover(d, b)
    d.add_page_break()
    _contents(d, b)

    if b.key_figures:
        d.add_page_break()
        _heading(d, "主要数据", "Key figures at a glance", level=1)
        for g in b.key_figures:
            _heading(d, *_name(g.heading, g.part), level=3, b=b)
            _figures_table(d, b, g.figures)

    if b.comparisons:
        _heading(d, "回顾与计划", "Review vs plan", level=1)
        _comparison_table(d, b)
        _chart(d, b)

    for s in b.sections:
        if s.level <= 1:
            d.add_page_break()
        if s.heading.zh or s.level <= 1:
            _heading(d, *_name(s.heading, s.part), level=1 if s.level <= 1 else 2, b=b)
        if s.figures:
            _figures_table(d, b, s.figures)
        if s.more_figures:
            n = s.more_figures
            add_run(
                d.add_paragraph(),
                f"… and {n} more figure{'s' if n > 1 else ''} in this section; "
                "`reportgen brief --full` lists every one.",
                size=8,
                color=MUTED,
            )
        _text(d, b, s.paragraphs)

    d.add_page_break()
    _appendix(d, b)
    return to_bytes(d)


def _contents(d: Any, b: Briefing) -> None:
    """A TOC field whose cached result already lists the headings, so the contents read right
    before any update; the document asks Word to update fields on opening (page numbers)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    title = d.add_paragraph()
    add_run(title, "目录  ", bold=True, size=15)
    add_run(title, "Contents", bold=True, size=15, color=MUTED)
    entries: list[tuple[int, str, str]] = []
    if b.key_figures:
        entries.append((1, "主要数据", "Key figures at a glance"))
    if b.comparisons:
        entries.append((1, "回顾与计划", "Review vs plan"))
    for s in b.sections:
        if s.heading.zh or s.level <= 1:
            entries.append((1 if s.level <= 1 else 2, *_name(s.heading, s.part)))
    entries.append((1, "编辑附录", "Appendix for editors"))

    def field_char(paragraph: Any, kind: str) -> None:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(el)

    paras = []
    for i, (level, zh, en) in enumerate(entries):
        p = d.add_paragraph()
        if i == 0:
            field_char(p, "begin")
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = ' TOC \\o "1-2" \\h \\z \\u '
            p.add_run()._r.append(instr)
            field_char(p, "separate")
        p.paragraph_format.left_indent = _cm(0.7 * (level - 1))
        add_run(p, zh if b.show_zh or not en else "", bold=level == 1, size=9.5)
        if b.show_en and en:
            add_run(p, f"  {en}", size=9, color=MUTED)
        paras.append(p)
    field_char(paras[-1], "end")
    settings = d.settings.element
    if settings.find(qn("w:updateFields")) is None:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)


def _name(heading: Bilingual, part: Bilingual) -> tuple[str, str]:
    """A section's name; an untitled one is named after its part, or is the opening."""
    if heading.zh:
        return heading.zh, heading.en
    if part.zh:
        return f"{part.zh}（续）", f"{part.en} (continued)" if part.en else ""
    return "导语", "Opening"


def _properties(d: Any, b: Briefing) -> None:
    cp = d.core_properties
    cp.title = b.title.zh or b.source
    cp.subject = "Bilingual briefing" + (f": {b.title.en}" if b.title.en else "")
    cp.author = b.byline.zh
    cp.language = "zh-CN"
    cp.keywords = ", ".join(x for x in (b.place.zh, b.year_span, "政府工作报告") if x)
    cp.comments = f"Generated by reportgen from {b.source}"


def _heading(d: Any, zh: str, en: str, *, level: int, b: Briefing | None = None) -> None:
    show_zh = b is None or b.show_zh or not en
    show_en = b is None or b.show_en
    p = d.add_paragraph(style=f"Heading {level}")
    if show_zh and zh:
        add_run(p, zh)
    if show_en and en:
        if show_zh and zh:
            add_run(p, "  ")
        add_run(p, en, color=MUTED, size={1: 12, 2: 10.5}.get(level, 9.5))


def _badge(p: Any, t: Bilingual) -> None:
    colour = BADGE_COLOURS.get(t.label.split(" ")[0], "9AA5B1")
    add_run(p, f" [{t.label}]", bold=True, size=6.5, color=colour)


def _cover(d: Any, b: Briefing) -> None:
    p = d.add_paragraph()
    add_run(
        p,
        "BILINGUAL BRIEFING 双语简报" + (f" · {b.year_span}" if b.year_span else ""),
        bold=True,
        size=8.5,
        color=ACCENT,
    )
    t = d.add_paragraph(style="Title")
    if b.show_zh or not b.title.en:
        add_run(t, b.title.zh or b.source)
    if b.show_en and b.title.en:
        t.add_run().add_break()
        add_run(t, b.title.en, size=14, color=MUTED)
    for line in (b.subtitle, b.byline):
        if line.zh:
            p = d.add_paragraph()
            add_run(p, line.zh, color=MUTED)
            if b.show_en and line.en:
                add_run(p, f" · {line.en}", color=MUTED)
    rows = [("Source 来源", b.source)]
    if b.place.zh:
        rows.append(("Place 地区", b.place.zh + (f" · {b.place.en}" if b.place.en else "")))
    if b.years:
        years = ", ".join(map(str, b.years))
        if b.review_year and b.plan_year:
            years += f" — review {b.review_year}, plan {b.plan_year}"
        rows.append(("Year(s) 年份", years))
    rows.append(("Generated 生成日期", b.generated))
    counts = " · ".join(f"{k} {v}" for k, v in sorted(b.label_counts().items()))
    rows.append(
        (
            "English 英文来源",
            f"{counts}. Translator: {b.translator}. English comes only "
            "from the translation memory, the termbase or the named machine translator; text "
            "none of them covers is shown in Chinese only.",
        )
    )
    table = d.add_table(rows=0, cols=2)
    for k, v in rows:
        cells = table.add_row().cells
        add_run(cells[0].paragraphs[0], k, bold=True, size=8.5, color=MUTED)
        add_run(cells[1].paragraphs[0], v, size=8.5)
    set_column_widths(table, [4.0, TEXT_WIDTH_CM - 4.0])


def _table(d: Any, header: list[str]) -> Any:
    table = d.add_table(rows=1, cols=len(header))
    try:
        table.style = d.styles["Light List Accent 1"]
    except KeyError:
        table.style = d.styles["Table Grid"] if "Table Grid" in [s.name for s in d.styles] else None
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        add_run(cell.paragraphs[0], text, bold=True, size=8)
    repeat_header_row(table.rows[0])
    return table


def _figures_table(d: Any, b: Briefing, figs: tuple[Figure, ...]) -> None:
    header: list[str] = []
    widths: list[float] = []
    if b.show_zh:
        header += ["指标"]
        widths += [4.0]
    if b.show_en:
        header += ["Indicator"]
        widths += [4.5]
    if b.show_zh:
        header += ["数值"]
        widths += [2.6]
    if b.show_en:
        header += ["Value"]
        widths += [2.9]
    header += ["Type"]
    widths += [TEXT_WIDTH_CM - sum(widths)]
    table = _table(d, header)
    for f in figs:
        vals: list[tuple[str, str | None]] = []
        if b.show_zh:
            vals.append((f.indicator_zh, None))
        if b.show_en:
            vals.append((f.indicator_en, None) if f.indicator_en else ("—", MUTED))
        if b.show_zh:
            vals.append((f.value_zh, None))
        if b.show_en:
            vals.append((f.value_en or f.value_zh, None))
        kind = (
            ("result" if f.kind == "achievement" else f.kind)
            + (f" {f.year}" if f.year else "")
            + (" · Δ" if f.measure == "change" else "")
        )
        vals.append((kind, ACCENT if f.kind == "target" else MUTED))
        cells = table.add_row().cells
        for cell, (text, colour) in zip(cells, vals, strict=True):
            add_run(cell.paragraphs[0], text, size=8, color=colour)
    set_column_widths(table, widths)  # after all rows: Word reads each cell's width


def _comparison_table(d: Any, b: Briefing) -> None:
    header: list[str] = []
    if b.show_zh:
        header.append("指标")
    if b.show_en:
        header.append("Indicator")
    header += [f"{b.review_year or ''} result", f"{b.plan_year or ''} target", "Change"]
    fixed = 3 * 3.0
    n_ind = len(header) - 3
    widths = [(TEXT_WIDTH_CM - fixed) / max(n_ind, 1)] * n_ind + [3.0, 3.0, 3.0]
    table = _table(d, header)
    for c in b.comparisons:
        vals = []
        if b.show_zh:
            vals.append(c.indicator_zh)
        if b.show_en:
            vals.append(c.indicator_en or "—")
        for f in (c.review, c.plan):
            parts = ([f.value_zh] if b.show_zh else []) + (
                [f.value_en] if b.show_en and f.value_en else []
            )
            vals.append(" / ".join(parts) or f.value_zh)
        vals.append(c.change_text)
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, vals, strict=True)):
            add_run(cell.paragraphs[0], text, size=8, bold=i == len(vals) - 1)
    set_column_widths(table, widths)  # after all rows: Word reads each cell's width


def _chart(d: Any, b: Briefing) -> None:
    import io

    from docx.shared import Cm

    from reportgen.writers.chart import briefing_chart_options, comparison_chart_png

    png = comparison_chart_png(b.comparisons, **briefing_chart_options(b))
    if png:
        d.add_picture(io.BytesIO(png), width=Cm(TEXT_WIDTH_CM))


def _text(d: Any, b: Briefing, paragraphs: tuple[Any, ...]) -> None:
    if not paragraphs:
        return
    if b.lang != "zh-en":
        for p in paragraphs:
            para = d.add_paragraph()
            if b.lang == "en" and p.text.en:
                add_run(para, p.text.en)
            else:
                add_run(para, p.text.zh + (" …" if p.excerpt else ""))
            if b.lang == "en":
                _badge(para, p.text)
        return
    if b.layout == "side-by-side":
        table = d.add_table(rows=0, cols=2)
        for p in paragraphs:
            cells = table.add_row().cells
            add_run(cells[0].paragraphs[0], p.text.zh + (" …" if p.excerpt else ""), size=9.5)
            _english(cells[1].paragraphs[0], p.text)
        set_column_widths(table, [8.3, TEXT_WIDTH_CM - 8.3])
    elif b.layout == "interleaved":
        for p in paragraphs:
            add_run(d.add_paragraph(), p.text.zh + (" …" if p.excerpt else ""))
            en = d.add_paragraph()
            en.paragraph_format.left_indent = _cm(0.8)
            _english(en, p.text)
    else:
        for p in paragraphs:
            add_run(d.add_paragraph(), p.text.zh + (" …" if p.excerpt else ""))
        for p in paragraphs:
            _english(d.add_paragraph(), p.text)


def _cm(v: float) -> Any:
    from docx.shared import Cm

    return Cm(v)


def _english(para: Any, t: Bilingual) -> None:
    if t.en:
        add_run(para, t.en, size=8.5)
        _badge(para, t)
        return
    add_run(para, "Chinese only", size=8, color=MUTED)
    _badge(para, t)
    if t.terms:
        para.add_run().add_break()
        glossary = "; ".join(f"{zh} {en}" for zh, en in t.terms)
        add_run(para, f"Terms: {glossary}", size=7.5, color=MUTED)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _appendix(d: Any, b: Briefing) -> None:
    _heading(d, "编辑附录", "Appendix for editors", level=1)
    _heading(d, "修复记录", f"What the reader repaired ({len(b.repairs)})", level=2)
    if b.repairs:
        groups = b.repair_groups
        kinds = _table(d, ["Repair", "Count", "What it means"])
        for g in groups:
            cells = kinds.add_row().cells
            for cell, text in zip(cells, (g.kind, str(g.count), g.description), strict=True):
                add_run(cell.paragraphs[0], text, size=8)
        set_column_widths(kinds, [3.6, 1.6, TEXT_WIDTH_CM - 5.2])
        d.add_paragraph()
        widths = [3.2, 6.8, TEXT_WIDTH_CM - 10.0]
        table = _table(d, ["Repair", "Before 原文 → after 修复后", "Where (offsets) · note"])
        for g in groups:
            for r in g.shown:
                cells = table.add_row().cells
                add_run(cells[0].paragraphs[0], r.kind, size=8)
                add_run(
                    cells[1].paragraphs[0],
                    _short(r.before.replace("\n", "⏎"), 70),
                    size=8,
                    color=MUTED,
                )
                if r.after:
                    add_run(cells[1].paragraphs[0], f" → {_short(r.after, 70)}", size=8)
                where = f"{r.start}–{r.end} " if r.start >= 0 else ""
                add_run(cells[2].paragraphs[0], where + _short(r.note, 140), size=7.5)
            if g.hidden:
                cells = table.add_row().cells
                add_run(cells[0].paragraphs[0], g.kind, size=8)
                add_run(
                    cells[1].paragraphs[0],
                    f"… and {g.hidden} more of this kind; "
                    "`reportgen parse --format json` lists every repair.",
                    size=8,
                    color=MUTED,
                )
        set_column_widths(table, widths)  # after all rows: Word reads each cell's width
    else:
        add_run(d.add_paragraph(), "No repairs were needed.", color=MUTED)
    _heading(
        d,
        "未能定位的标题",
        f"Headings the reader could not place ({len(b.unplaced_headings)})",
        level=2,
    )
    if b.unplaced_headings:
        for h, why in b.unplaced:
            p = d.add_paragraph(style="List Bullet")
            add_run(p, h.zh)
            if b.show_en and h.en:
                add_run(p, f" — {h.en}", color=MUTED)
            if why:
                add_run(p, f"\n{why}", size=7.5, color=MUTED)
    else:
        add_run(d.add_paragraph(), "Every heading was placed.", color=MUTED)
