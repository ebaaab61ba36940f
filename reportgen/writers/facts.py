"""Writing step, facts: serialise extracted facts as JSON, CSV, TSV or a Markdown table."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import fields

from reportgen.errors import RenderError
from reportgen.facts.fact import SCHEMA, Fact
from reportgen.writers import json_text

# Columns in the order of the Fact dataclass, which is the JSON contract too.
FIELDS = tuple(f.name for f in fields(Fact))
FORMATS = ("json", "csv", "tsv", "md")


def _cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e18 else repr(v)
    return str(v)


def to_json(facts: Sequence[Fact]) -> str:
    data = {"schema": SCHEMA, "facts": [f.to_dict() for f in facts]}
    return json_text(data)


def to_delimited(facts: Sequence[Fact], *, delimiter: str = ",") -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    w.writerow(FIELDS)
    for f in facts:
        d = f.to_dict()
        # TSV cells must not contain tabs or newlines; sentences never need them.
        row = [_cell(d[k]) for k in FIELDS]
        if delimiter == "\t":
            row = [c.replace("\t", " ").replace("\n", " ") for c in row]
        w.writerow(row)
    return buf.getvalue()


def to_markdown(facts: Sequence[Fact]) -> str:
    cols = ("indicator", "surface", "value", "unit", "qualifier", "measure", "kind", "year", "en")
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for f in facts:
        d = f.to_dict()
        lines.append("| " + " | ".join(_cell(d[c]).replace("|", "\\|") for c in cols) + " |")
    return "\n".join(lines) + "\n"


def render_facts(facts: Sequence[Fact], *, format: str = "json") -> str:
    """Facts in one of ``FORMATS``."""
    if format == "json":
        return to_json(facts)
    if format == "csv":
        return to_delimited(facts, delimiter=",")
    if format == "tsv":
        return to_delimited(facts, delimiter="\t")
    if format == "md":
        return to_markdown(facts)
    raise RenderError(f"unknown facts format {format!r} (choose one of: {', '.join(FORMATS)})")
