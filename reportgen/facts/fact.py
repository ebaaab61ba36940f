"""Facts step, result type: one numeric fact found in a paragraph."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

SCHEMA = "reportgen.facts/1"
ACHIEVEMENT = "achievement"
TARGET = "target"
LEVEL = "level"
CHANGE = "change"


@dataclass(frozen=True)
class Fact:
    """A number with its unit as a report states it.

    ``value`` is fully scaled to ``unit`` (2.82亿元 -> 282000000.0 元) and signed for changes
    (下降2.5% -> -2.5). For a range (6%－6.5%, 3至5万亩) ``low``/``high`` hold the ends and ``value``
    is the low end, so a range never overstates what was promised; both are None otherwise.
    """

    indicator: str
    value: float
    unit: str
    qualifier: str
    qualifier_meaning: str
    low: float | None
    high: float | None
    measure: str
    kind: str
    year: int | None
    sentence: str
    paragraph_id: str
    surface: str
    start: int
    end: int
    en: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
