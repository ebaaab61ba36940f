"""Facts step, numbers: parse Arabic and Chinese numerals and apply scale words (万/亿/千/百)."""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from reportgen.facts.tables import SCALES

CN_DIGITS = "零〇一二两三四五六七八九"
# An Arabic number as reports write it: 1,234.5 / 1.58 / full-width digits are normalised first.
ARABIC_RE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")


def normalise_digits(text: str) -> str:
    """Full-width digits and signs to ASCII; same length, so offsets stay valid."""
    return text.translate(FULLWIDTH)


def parse_arabic(s: str) -> float:
    """``1,234.5`` -> 1234.5."""
    return float(s.replace(",", ""))


@functools.lru_cache(maxsize=4096)
def parse_chinese(s: str) -> float | None:
    """A Chinese-numeral string (一千二百万, 两千, 三点五) as a number, or None when it is not one."""
    import cn2an  # imported lazily: it is slow to import and only Chinese numerals need it

    try:
        # strict mode rejects 两 (两千); it means 二 in a number.
        value = cn2an.cn2an(s.replace("两", "二"), "strict")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return float(value)


def scaled(value: float, *factors: float) -> float:
    """``value`` times ``factors`` in decimal arithmetic, so 274.4 × 1e8 is 27440000000, not
    27439999999.999996."""
    d = Decimal(repr(value))
    for f in factors:
        d *= Decimal(repr(f))
    return float(d)


def scale_of(word: str) -> float:
    """The factor of a scale word (``万`` -> 1e4, ``万亿`` -> 1e12); 1 for an empty word."""
    return SCALES.get(word, 1.0) if word else 1.0


def parse_number(s: str) -> float | None:
    """Any number string with optional trailing scale: ``2.82亿`` -> 2.82e8, ``一千二百万`` -> 1.2e7."""
    s = normalise_digits(s.strip())
    if not s:
        return None
    m = ARABIC_RE.match(s)
    if m:
        rest = s[m.end() :].strip()
        if rest and rest not in SCALES:
            return None
        return scaled(parse_arabic(m.group()), scale_of(rest))
    return parse_chinese(s)
