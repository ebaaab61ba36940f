"""Facts step: numeric facts (value, unit, qualifier, kind, year) extracted from a report's paragraphs.

Public API::

    extract_facts(doc, *, kind=None) -> list[Fact]        # reading order
    extract_from_text(text, *, paragraph_id="", kind="achievement", year=None,
                      report_year=None) -> list[Fact]
"""

from __future__ import annotations

from reportgen.facts.extract import extract_facts, extract_from_text
from reportgen.facts.fact import ACHIEVEMENT, CHANGE, LEVEL, SCHEMA, TARGET, Fact

__all__ = [
    "ACHIEVEMENT",
    "CHANGE",
    "LEVEL",
    "SCHEMA",
    "TARGET",
    "Fact",
    "extract_facts",
    "extract_from_text",
]
