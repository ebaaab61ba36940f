"""Writing step, diff as DOCX: the new report with real Word tracked changes (w:ins / w:del), so
the Review pane can accept or reject each edit. Moves are written as delete + insert."""

from __future__ import annotations

import datetime as _dt
import itertools
from typing import Any

from reportgen.diff import DiffResult
from reportgen.diff.align import (
    ADDED,
    EQUAL,
    HEADING_SEP,
    MERGED,
    MOVED,
    REMOVED,
    SPLIT,
    with_move_origins,
)
from reportgen.diff.inline import DELETE, INSERT, Op, cut_ops
from reportgen.writers.docx_common import (
    add_run,
    new_document,
    repeat_header_row,
    set_fonts,
    to_bytes,
)


class _Revisions:
    """Author, date and the running w:id every revision mark needs."""

    def __init__(self, author: str, date: str) -> None:
        self.author = author
        self.date = date
        self._ids = itertools.count(1)

    def mark(self, tag: str) -> Any:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        el = OxmlElement(tag)
        el.set(qn("w:id"), str(next(self._ids)))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.date)
        return el


def render_docx(
    result: DiffResult,
    *,
    author: str = "reportgen",
    date: _dt.datetime | None = None,
    template: str | None = None,
) -> bytes:
    """The newest report of the latest pair as a DOCX with tracked changes against the older one.
    For a single report (no text to compare) the document holds the facts table only."""
    doc = new_document(template)
    when = (date or _dt.datetime.now(_dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    rev = _Revisions(author, when)
    pair = result.latest
    title = doc.add_paragraph(style="Title")
    add_run(title, pair.new.title or pair.new.label if pair else result.docs[0].label)
    note = doc.add_paragraph()
    if pair is None:
        add_run(
            note,
            "One report: last year's results against this year's targets.",
            italic=True,
            size=9,
        )
        _table(
            doc,
            ["Indicator", "Result", "Target", "Change"],
            [[c.indicator, _surface(c.old), _surface(c.new), c.change] for c in result.facts],
        )
        return to_bytes(doc)
    add_run(
        note,
        f"Tracked changes: {pair.old.label} → {pair.new.label}. Use Review › "
        "Accept/Reject; moved paragraphs are a deletion and an insertion.",
        italic=True,
        size=9,
    )
    known = [t for t in result.targets if t.verdict != "unknown"]
    if known:
        doc.add_heading("Targets against results", level=1)
        _table(
            doc,
            ["Year", "Indicator", "Target", "Result", "Verdict", "Rule"],
            [
                [
                    str(t.year or ""),
                    t.indicator,
                    _surface(t.target),
                    _surface(t.actual),
                    t.verdict,
                    t.rule,
                ]
                for t in known
            ],
        )
    heading = None
    for kind, row in with_move_origins(list(pair.paragraphs)):
        if kind == "row" and row.new and row.new[0].heading != heading:
            heading = row.new[0].heading
            if heading:
                parts = heading.split(HEADING_SEP)
                doc.add_heading(parts[-1], level=min(len(parts), 3))
        if kind == "ghost":  # the old place of a moved paragraph: deleted there
            _whole(doc, rev, row.old_text, deleted=True)
        elif row.status == EQUAL:
            p = doc.add_paragraph()
            add_run(p, row.new_text)
        elif row.status in (MOVED, ADDED):
            _whole(doc, rev, row.new_text, deleted=False)
        elif row.status == REMOVED:
            _whole(doc, rev, row.old_text, deleted=True)
        elif row.status == SPLIT:
            pieces = cut_ops(row.ops, side="new", lengths=[len(p.text) for p in row.new])
            for k, ops in enumerate(pieces):
                # Splitting a paragraph = inserting a paragraph mark inside it.
                _with_ops(doc, rev, ops, mark="ins" if k < len(pieces) - 1 else None)
        elif row.status == MERGED:
            pieces = cut_ops(row.ops, side="old", lengths=[len(p.text) for p in row.old])
            for k, ops in enumerate(pieces):
                # Merging = deleting the paragraph marks between the old paragraphs.
                _with_ops(doc, rev, ops, mark="del" if k < len(pieces) - 1 else None)
        else:
            _with_ops(doc, rev, list(row.ops), mark=None)
    return to_bytes(doc)


def _surface(fact: Any) -> str:
    return "—" if fact is None else fact.surface


def _table(doc: Any, header: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    if "Table Grid" in [st.name for st in doc.styles]:
        table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        add_run(cell.paragraphs[0], text, bold=True, size=9)
    repeat_header_row(table.rows[0])
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            add_run(cell.paragraphs[0], text, size=9)


def _run(text: str, *, deleted: bool) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    r = OxmlElement("w:r")
    set_fonts(r)
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def _append(p: Any, rev: _Revisions, op_text: str, kind: str | None) -> None:
    if not op_text:
        return
    if kind is None:
        p._p.append(_run(op_text, deleted=False))
        return
    wrapper = rev.mark("w:del" if kind == "del" else "w:ins")
    wrapper.append(_run(op_text, deleted=kind == "del"))
    p._p.append(wrapper)


def _mark_paragraph(p: Any, rev: _Revisions, kind: str) -> None:
    """Track the paragraph mark itself, so accepting also adds or removes the paragraph break."""
    from docx.oxml.ns import qn

    ppr = p._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = ppr.makeelement(qn("w:rPr"), {})
        ppr.append(rpr)
    rpr.append(rev.mark("w:ins" if kind == "ins" else "w:del"))


def _whole(doc: Any, rev: _Revisions, text: str, *, deleted: bool) -> None:
    p = doc.add_paragraph()
    _append(p, rev, text, "del" if deleted else "ins")
    _mark_paragraph(p, rev, "del" if deleted else "ins")


def _with_ops(doc: Any, rev: _Revisions, ops: list[Op], *, mark: str | None) -> None:
    p = doc.add_paragraph()
    for op in ops:
        if op.tag == EQUAL:
            _append(p, rev, op.new, None)
            continue
        if op.tag != INSERT:
            _append(p, rev, op.old, "del")
        if op.tag != DELETE:
            _append(p, rev, op.new, "ins")
    if mark:
        _mark_paragraph(p, rev, mark)
