"""Diff step, tokens: split text into diff units — a CJK character, a Latin word, or a whole
number with its qualifier and unit (``约5.5%左右``, ``1200万人以上``) so numbers change as one unit."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Units after a number, longest first so ``万千瓦时`` wins over ``万``. A general list: currency,
# people, area, length, weight, energy, counts, time; not tied to any one report.
_UNITS = sorted(
    {
        "个百分点",
        "百分点",
        "%",
        "％",
        "‰",
        "元",
        "美元",
        "人",
        "人次",
        "户",
        "名",
        "位",
        "万",
        "亿",
        "千",
        "百",
        "吨",
        "公斤",
        "千克",
        "克",
        "公里",
        "千米",
        "米",
        "平方米",
        "平方公里",
        "立方米",
        "亩",
        "公顷",
        "千瓦",
        "千瓦时",
        "度",
        "标准煤",
        "吨标准煤",
        "家",
        "个",
        "项",
        "所",
        "座",
        "台",
        "套",
        "辆",
        "张",
        "件",
        "条",
        "栋",
        "间",
        "处",
        "宗",
        "株",
        "棵",
        "头",
        "只",
        "头只",
        "羊单位",
        "口",
        "次",
        "年",
        "月",
        "日",
        "天",
        "小时",
        "倍",
        "成",
        "床",
        "张床",
        "册",
        "场",
        "期",
        "批",
        "轮",
        "类",
        "种",
        "支",
        "部",
        "篇",
        "首",
        "份",
        "GW",
        "MW",
        "kW",
        "km",
        "kg",
        "m",
        "t",
    },
    key=len,
    reverse=True,
)
_MAG = "[万亿千百]"
_UNIT = "(?:" + "|".join(re.escape(u) for u in _UNITS) + ")"
_PREFIX = "(?:约|近|超过|逾|不低于|不超过|不少于)?"
_SUFFIX = "(?:左右|以上|以下|以内|之内|上下|多|余)?"
_DIGITS = r"[0-9０-９]+(?:[.,．，][0-9０-９]+)*"
_CN_DIGITS = "[零〇一二两三四五六七八九十百千万亿]+"
# A number: Arabic digits (or Chinese numerals followed by a unit), optional ``多/余``, a magnitude
# and a unit, an optional range (``5%-6%``, ``3至5``) and a qualifier on either side.
NUMBER = re.compile(
    _PREFIX
    + "(?:"
    + _DIGITS
    + "(?:[多余])?(?:"
    + _MAG
    + "*"
    + _UNIT
    + "?)"
    + "(?:[-~—至到]"
    + _DIGITS
    + "(?:"
    + _MAG
    + "*"
    + _UNIT
    + "?))?"
    + "|"
    + _CN_DIGITS
    + "(?:个百分点|倍|成)"
    + ")"
    + _SUFFIX
)
_CN_COUNT = re.compile(_CN_DIGITS + "(?:个百分点|倍|成)")
_NUMBER_STARTS = frozenset("约近超逾不零〇一二两三四五六七八九十百千万亿")
_LATIN = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Token:
    """One diff unit; ``kind`` is number, word, cjk, space or punct."""

    text: str
    start: int
    end: int
    kind: str


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens that cover it exactly (``"".join(t.text) == text``)."""
    out: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isdigit() or ch in _NUMBER_STARTS:
            m = NUMBER.match(text, i)
            if m and m.end() > i and _is_number(m.group()):
                out.append(Token(m.group(), i, m.end(), "number"))
                i = m.end()
                continue
        if ch.isspace():
            m = _SPACE.match(text, i)
            assert m
            out.append(Token(m.group(), i, m.end(), "space"))
            i = m.end()
            continue
        m = _LATIN.match(text, i)
        if m:
            out.append(Token(m.group(), i, m.end(), "word"))
            i = m.end()
            continue
        kind = "punct" if not ch.isalnum() else "cjk"
        out.append(Token(ch, i, i + 1, kind))
        i += 1
    return out


def _is_number(s: str) -> bool:
    # A prefix like 约 or a lone 万 is not a number: need a digit or a Chinese numeral with a unit.
    return any(c.isdigit() for c in s) or bool(_CN_COUNT.search(s))


def token_texts(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]
