"""Writing step, duplicates: the editor's HTML report (numbered, colour-coded groups, jump links)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportgen.dupes import KINDS, DupesResult, Group, Member

KIND_LABELS = {
    "exact": "Exact copy",
    "numbers": "Same except numbers",
    "near": "Near copy",
    "contained": "Contained in a longer passage",
}


def anchor(group: Group, index: int) -> str:
    return f"g{group.id}-m{index + 1}"


def location(member: Member, *, with_doc: bool = True) -> str:
    """ "report.txt · p37 · line 152" (the year is added for archived reports)."""
    parts = [Path(member.doc).name] if with_doc else []
    parts.append(member.paragraph_id)
    if member.line:
        parts.append(f"line {member.line}")
    if member.year:
        parts.append(str(member.year))
    return " · ".join(parts)


def segments(member: Member) -> list[tuple[str, bool]]:
    """The member's text cut into (text, differs) pieces, ``differs`` marking highlighted spans."""
    out: list[tuple[str, bool]] = []
    pos = member.start
    for s, e in member.diff:
        s, e = max(s, pos), min(e, member.end)
        if s > pos:
            out.append((member.text[pos - member.start : s - member.start], False))
        if e > s:
            out.append((member.text[s - member.start : e - member.start], True))
            pos = e
    if pos < member.end:
        out.append((member.text[pos - member.start :], False))
    return out


def dupes_context(result: DupesResult, *, title: str = "") -> dict[str, Any]:
    multi = len({m.doc for g in result.groups for m in g.members}) > 1 or len(result.sources) > 1
    groups = []
    for g in result.groups:
        members = []
        for k, m in enumerate(g.members):
            ref = g.members[1] if k == 0 else g.members[0]
            members.append(
                {
                    "anchor": anchor(g, k),
                    "location": location(m, with_doc=multi),
                    "unit": m.unit,
                    "segments": segments(m),
                    "note": g.note(k, ref=location(ref, with_doc=multi)),
                    "links": [
                        {
                            "href": "#" + anchor(g, j),
                            "label": f"copy {j + 1}: {location(o, with_doc=multi)}",
                        }
                        for j, o in enumerate(g.members)
                        if j != k
                    ],
                }
            )
        groups.append(
            {
                "id": g.id,
                "kind": g.kind,
                "label": KIND_LABELS[g.kind],
                "similarity": f"{g.similarity:.0%}",
                "members": members,
                "changes": [{"member": i + 1, "old": o, "new": n} for i, o, n in g.changes],
            }
        )
    inputs = [s for s in result.sources if not s.archived]
    return {
        "notes": list(result.notes),
        "title": title or "Repeated passages: " + ", ".join(Path(s.label).name for s in inputs),
        "sources": [
            {"name": Path(s.label).name, "title": s.title, "year": s.year, "archived": s.archived}
            for s in result.sources
        ],
        "kinds": [{"kind": k, "label": KIND_LABELS[k], "count": result.counts[k]} for k in KINDS],
        "groups": groups,
        "total_chars": result.total_chars,
        "repeated_chars": result.repeated_chars,
        "share": f"{result.share:.1%}",
        "options": result.options,
    }


def render_html(result: DupesResult, *, title: str = "", user_dir: str | Path | None = None) -> str:
    from reportgen.writers.html import render_template

    return render_template("dupes.html.j2", dupes_context(result, title=title), user_dir=user_dir)
