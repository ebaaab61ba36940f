"""Facts step, English: render a fact's value as an English phrase ("282 million yuan", "about 5%")."""

from __future__ import annotations

# Base unit -> (singular, plural) English noun; "" for units read as a bare number.
UNIT_EN: dict[str, tuple[str, str]] = {
    "元": ("yuan", "yuan"),
    "美元": ("US dollar", "US dollars"),
    "个百分点": ("percentage point", "percentage points"),
    "倍": ("times", "times"),
    "亩": ("mu", "mu"),
    "公顷": ("hectare", "hectares"),
    "平方米": ("square metre", "square metres"),
    "平方公里": ("square kilometre", "square kilometres"),
    "公里": ("km", "km"),
    "米": ("metre", "metres"),
    "吨": ("tonne", "tonnes"),
    "吨标准煤": ("tonne of standard coal", "tonnes of standard coal"),
    "公斤": ("kg", "kg"),
    "斤": ("jin", "jin"),
    "蒸吨": ("steam tonne", "steam tonnes"),
    "立方米": ("cubic metre", "cubic metres"),
    "千瓦": ("kW", "kW"),
    "千瓦时": ("kWh", "kWh"),
    "微克/立方米": ("μg/m³", "μg/m³"),
    "毫克/升": ("mg/L", "mg/L"),
    "人次": ("person-time", "person-times"),
    "人": ("person", "people"),
    "户": ("household", "households"),
    "项": ("item", "items"),
    "座": ("facility", "facilities"),
    "所": ("institution", "institutions"),
    "辆": ("vehicle", "vehicles"),
    "套": ("unit", "units"),
    "件": ("case", "cases"),
    "期": ("session", "sessions"),
    "条": ("route", "routes"),
    "家": ("entity", "entities"),
    "村": ("village", "villages"),
    "天": ("day", "days"),
    "小时": ("hour", "hours"),
    "头只": ("head", "head"),
    "头": ("head", "head"),
    "只": ("animal", "animals"),
    "株": ("plant", "plants"),
    "场": ("event", "events"),
    "场次": ("event", "events"),
    "次": ("time", "times"),
}

QUALIFIER_EN: dict[str, str] = {
    "at_least": "over",
    "about": "about",
    "at_most": "no more than",
    "exceeds": "more than",
    "reaches": "",
    "nearly": "nearly",
}


def format_number(v: float) -> str:
    """15800 -> "15,800", 282000000 -> "282 million", 1.3e12 -> "1.3 trillion", 1.08 -> "1.08"."""
    a = abs(v)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if a >= size:
            return f"{_plain(v / size)} {word}"
    return _plain(v)


def _plain(v: float) -> str:
    if v == int(v):
        return f"{int(v):,}"
    return f"{v:,.4f}".rstrip("0").rstrip(".")


def _with_unit(v: float, unit: str) -> str:
    if unit == "%":
        return f"{format_number(v)}%"
    noun = UNIT_EN.get(unit)
    num = format_number(v)
    if noun is None:
        return num
    return f"{num} {noun[0] if abs(v) == 1 else noun[1]}"


def render_en(
    value: float,
    unit: str,
    *,
    category: str = "",
    meaning: str = "",
    measure: str = "level",
    low: float | None = None,
    high: float | None = None,
) -> str:
    """The value as an English phrase: "15,800 mu", "up 6%", "about 5%", "6%–6.5%"."""
    if low is not None and high is not None:
        lo = f"{format_number(low)}%" if unit == "%" else format_number(low)
        body = f"{lo}–{_with_unit(high, unit)}"
    else:
        body = _with_unit(abs(value) if measure == "change" else value, unit)
    q = QUALIFIER_EN.get(meaning, "")
    if q:
        body = f"{q} {body}"
    if measure == "change":
        body = f"{'down' if value < 0 else 'up'} {body}"
    return body
