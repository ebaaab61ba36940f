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

    Forms without a unit word (``en`` keeps how they were written):

    - 百分之五 is 5 %, 千分之七 7 ‰, 三成 30 %; a fraction (三分之一, 1/3, 减少一半) is a share in %
      (33.33…, en "one third"), so it compares with the same indicator written as a percentage.
    - 增长1.5倍 is a change of 1.5 倍 (en "up 150% (to 2.5 times)", 增长一倍 "up 100% (doubled)");
      是2010年的2.2倍 a level of 2.2 倍 ("2.2 times"); 翻番 and 翻一番 a level of 2 倍 ("doubled")
      and 翻两番 of 4 倍 ("quadrupled"): the new level as a multiple of the old.
    - A ratio (三次产业结构 3.6 : 48 : 48.4) is one fact, unit 比: its terms only mean something
      together and have no names of their own. ``value`` is the first term (like a range's low
      end, a number the text states) and ``en`` the whole ratio "3.6:48:48.4".
    - A 万/亿 count whose noun is its unit (1700多万困难群众, 贫困人口减少1240万) is in 人 or 户,
      named by that noun.
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
