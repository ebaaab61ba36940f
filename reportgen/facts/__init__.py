"""Facts step: numeric facts (value, unit, qualifier, kind, year) extracted from a report's paragraphs.

Public API::

    extract_facts(doc, *, kind=None) -> list[Fact]        # reading order
    extract_from_text(text, *, paragraph_id="", kind="achievement", year=None,
                      report_year=None) -> list[Fact]

A paragraph of tab-joined short cells is a table row (the readers make one of each row): its
figures are read cell by cell and named by the row's first text cell; in a document, the header
row of its table (指标 | 单位 | 2023年 | 比上年增长%, 2023年完成 | 2024年目标) gives each column's
year, kind (result or target), measure (level or change) and unit, and a unit column the unit of
its row's bare figures.

Modules, in pipeline order: ``scan`` (numbers with scale, unit, qualifiers, ranges, lists),
``kinds`` (result or target, and the year), ``naming`` (the indicator a number belongs to),
``prose`` (a paragraph of running text through those steps), ``table_rows`` (rows with their
header), ``extract`` (the entry points); ``tables`` holds the word lists, ``numbers`` the Chinese
numerals, ``english`` the English of values, ``match`` which facts of two sets are one indicator.
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
