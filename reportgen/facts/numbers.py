"""Facts step, numbers: parse Arabic and Chinese numerals and apply scale words (万/亿/千/百)."""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from reportgen.facts.tables import SCALES

# An Arabic number as reports write it: 1,234.5 / 1.58 / full-width digits are normalised first.
ARABIC_RE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")


def normalise_digits(text: str) -> str:
    """Full-width digits and signs to ASCII; same length, so offsets stay valid."""
    return text.translate(FULLWIDTH)


def parse_arabic(s: str) -> float:
    """``1,234.5`` -> 1234.5."""
    return float(s.replace(",", ""))


# Chinese numerals as reports write them (一千二百万, 两千, 三点五, 一亿零三百万); 〇 is 零 (years).
CN_DIGIT_VALUES: dict[str, int] = {c: i for i, c in enumerate("零一二三四五六七八九")} | {
    "〇": 0,
    "两": 2,  # 两千, 两万: 二 in a number
}
CN_PLACES: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
CN_GROUPS: tuple[tuple[str, int], ...] = (("亿", 10**8), ("万", 10**4))
# A section's tokens: an Arabic integer (the 2 and 5 of 2万5千) or one character.
CN_TOKEN_RE = re.compile(r"\d+|.")


@functools.lru_cache(maxsize=4096)
def parse_chinese(s: str) -> float | None:
    """A Chinese numeral (一千二百万, 两千, 三点五, 一亿零三百万), also with Arabic digits before
    its place words (2万5千, 1亿3千万), as a number; None when it is none (一二三, 二〇一五, 三千零,
    点五). Strict like the written standard: 零 marks each skipped place (一千零五; 一千五十 and
    一亿五千 are no numbers) and a place word needs its digit (十 alone at the start excepted)."""
    whole, dot, frac = s.partition("点")
    if dot and not (frac and all(c in CN_DIGIT_VALUES for c in frac)):
        return None  # 三点五, 一点零五; not 点五, 十点
    n = 0 if whole in ("零", "〇") else _cn_integer(whole, 0)
    if n is None:
        return None
    if not dot:
        return float(n)
    return float(f"{n}." + "".join(str(CN_DIGIT_VALUES[c]) for c in frac))


def _cn_integer(s: str, level: int) -> int | None:
    """A positive integer; ``level`` 0 may hold 亿 and 万, 1 only 万, 2 neither (below 10,000)."""
    for char, size in CN_GROUPS[level:]:
        head, sep, tail = s.rpartition(char)
        if not sep:
            continue
        # 一万亿: the head of 亿 may hold 万, as may what follows 亿 (一亿三千万)
        below = 1 if char == "亿" else 2
        high = _cn_integer(head, 2 if "亿" in head else below)
        if high is None or not tail:
            return None if high is None else high * size
        if tail[0] in "零〇":  # 一万零五十: the 零 says the thousands are skipped
            low = _cn_integer(tail[1:], below)
            ok = low is not None and low < size // 10
        else:  # 一亿五千 would need its 零; 一亿一百万 is clear by its 万
            low = _cn_integer(tail, below)
            ok = low is not None and (low >= size // 10 or "万" in tail)
        return high * size + low if ok and low is not None else None
    return _cn_section(CN_TOKEN_RE.findall(s))


def _cn_section(tokens: list[str]) -> int | None:
    """A positive integer below 10,000 from its tokens (三千零五, 十五, 二百一十, 5千, 2000)."""
    total, digit, last, zero = 0, None, 10_000, False
    for i, t in enumerate(tokens):
        if t in CN_PLACES:
            place = CN_PLACES[t]
            if digit is None and not ((i == 0 or zero) and t == "十"):
                return None  # 十五 is 一十五 (一千零十: 零一十); 百, 千 need their digit
            if place >= last or (digit or 1) > 9 or zero != (place * 10 < last < 10_000):
                return None  # places fall, 零 for each gap and only there
            total, digit, last, zero = total + (digit or 1) * place, None, place, False
        elif t in ("零", "〇"):
            if digit is not None or zero or last == 10_000:
                return None
            zero = True
        elif digit is None and (t in CN_DIGIT_VALUES or t.isdecimal()):
            digit = CN_DIGIT_VALUES[t] if t in CN_DIGIT_VALUES else int(t)
        else:
            return None  # 三五, 一二三: digits, not a number
    if digit is None:
        return None if zero else total or None
    if last == 10_000:
        return digit if digit < 10_000 else None  # 五, or the 2000 of 1亿2000万
    if digit > 9 or zero == (last == 10):
        return None  # 二十五 and 一千零五 end in a digit; 一千五 is spoken, not written
    return total + digit


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
