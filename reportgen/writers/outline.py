"""Outline writer: the repaired document as Markdown or plain text (``reportgen parse --format md|text``)."""

from __future__ import annotations

from reportgen.model import Document, Section


def to_markdown(doc: Document) -> str:
    out: list[str] = []
    if doc.title:
        out.append(f"# {doc.title}\n")
    for line in (doc.subtitle, doc.byline):
        if line:
            out.append(f"*{line}*\n")

    def walk(sec: Section) -> None:
        if sec.heading:
            tag = (
                f" <!-- {sec.kind}{' ' + str(sec.year) if sec.year else ''} -->"
                if sec.kind != "other"
                else ""
            )
            out.append(f"{'#' * min(sec.level + 1, 6)} {sec.heading}{tag}\n")
        for p in sec.paragraphs:
            out.append(f"{p.text}\n")
        for c in sec.children:
            walk(c)

    for sec in doc.sections:
        walk(sec)
    if doc.unplaced_headings:
        # In a comment: read back, the Markdown stays the same report (no extra section of
        # headings posing as text).
        out.append("<!-- Headings the reader could not place (`reportgen parse -f json` says why):")
        out.extend(f"- {h.replace('--', '- -')}" for h in doc.unplaced_headings)
        out.append("-->\n")
    return "\n".join(out)


def to_text(doc: Document) -> str:
    out: list[str] = []
    for line in (doc.title, doc.subtitle, doc.byline):
        if line:
            out.append(line)
    if out:
        out.append("")

    def walk(sec: Section) -> None:
        if sec.heading:
            out.extend([sec.heading, ""])
        for p in sec.paragraphs:
            out.extend([p.text, ""])
        for c in sec.children:
            walk(c)

    for sec in doc.sections:
        walk(sec)
    return "\n".join(out).rstrip() + "\n"
