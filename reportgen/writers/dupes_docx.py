"""Writing step, duplicates: a Word copy of the report with a comment on every repeated passage."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from reportgen.dupes import DupesResult, Member
from reportgen.model import Document, Section
from reportgen.writers.dupes_html import location

AUTHOR = "reportgen dupes"
INITIALS = "RG"


def _notes(result: DupesResult, source: str) -> dict[str, list[tuple[int, int, str]]]:
    """(start, end, note) per paragraph id of ``source``, for every member that lies in it."""
    out: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for g in result.groups:
        docs = {m.doc for m in g.members}
        for k, m in enumerate(g.members):
            if m.doc != source:
                continue
            ref: Member = g.members[1] if k == 0 else g.members[0]
            if ref.doc == m.doc and ref.paragraph_id == m.paragraph_id:
                side = "next" if ref.start > m.start else "previous"
                where = f"the {side} {ref.unit} in this paragraph ({ref.paragraph_id})"
            else:
                where = location(ref, with_doc=len(docs) > 1 or ref.doc != source)
            out[m.paragraph_id].append((m.start, m.end, f"[{g.id}] {g.note(k, ref=where)}"))
    return out


def render_docx(
    result: DupesResult, document: Document, *, template: str | Path | None = None
) -> bytes:
    """``document`` rebuilt (title, headings, paragraphs) with a Word comment on each repeated
    passage ("same as p37", "same except 3630 → 3760") and the passage highlighted."""
    from docx.enum.text import WD_COLOR_INDEX

    from reportgen.writers.docx_common import add_run, new_document, to_bytes

    d = new_document(template)
    notes = _notes(result, document.source)
    if document.title:
        d.add_heading(document.title, level=0)
    for line in (document.subtitle, document.byline):
        if line:
            add_run(d.add_paragraph(), line, italic=True)
    for note in result.notes:  # how the check was run, e.g. an archived copy left out
        add_run(d.add_paragraph(), f"reportgen: {note}", italic=True, color="6B7785")

    def write_section(sec: Section) -> None:
        if sec.heading:
            d.add_heading(sec.heading, level=min(max(sec.level, 1), 3))
        for p in sec.paragraphs:
            spans = notes.get(p.id, [])
            cuts = sorted({0, len(p.text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
            para = d.add_paragraph()
            runs: list[tuple[int, int, Any]] = []
            for s, e in zip(cuts, cuts[1:], strict=False):
                if e <= s:
                    continue
                run = add_run(para, p.text[s:e])
                if any(a <= s and e <= b for a, b, _ in spans):
                    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
                runs.append((s, e, run))
            for a, b, note in spans:
                inside = [r for s, e, r in runs if a <= s and e <= b]
                if inside:
                    d.add_comment(inside, text=note, author=AUTHOR, initials=INITIALS)
        for child in sec.children:
            write_section(child)

    for sec in document.sections:
        write_section(sec)
    return to_bytes(d)
