"""Facts step, English and numbers: a fact's value as an English phrase ("282 million yuan",
"about 5%"), and the one number formatter every output uses (values, changes, rule texts)."""

from __future__ import annotations

from reportgen.facts.numbers import scaled

# Base unit -> (singular, plural) English noun; "" for units read as a bare number.
UNIT_EN: dict[str, tuple[str, str]] = {
    "元": ("yuan", "yuan"),
    "美元": ("US dollar", "US dollars"),
    "个百分点": ("percentage point", "percentage points"),
    "倍": ("time", "times"),  # 是2010年的2.2倍: "2.2 times" (the 2010 figure)
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

# Fractions in words up to tenths (三分之一 -> "one third"); others are written n/d.
SMALL_EN = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
DENOMINATOR_EN: dict[int, tuple[str, str]] = {
    2: ("half", "halves"),
    3: ("third", "thirds"),
    4: ("quarter", "quarters"),
    5: ("fifth", "fifths"),
    6: ("sixth", "sixths"),
    7: ("seventh", "sevenths"),
    8: ("eighth", "eighths"),
    9: ("ninth", "ninths"),
    10: ("tenth", "tenths"),
}
# A new level as a multiple of the old, in the verbs the State Council's translators use (增长一倍
# "doubled", 增加两倍 "has tripled", 翻一番 "has doubled"); other multiples are "to 2.71 times".
MULTIPLE_EN: dict[float, str] = {2: "doubled", 3: "tripled", 4: "quadrupled"}
# A target is still to be reached: 到2020年…翻一番 is "to double" (the official "double the 2010 GDP").
MULTIPLE_TARGET_EN: dict[float, str] = {2: "to double", 3: "to triple", 4: "to quadruple"}
# Qualifiers before such a verb ("more than doubled", not "over doubled").
MULTIPLE_QUALIFIER_EN: dict[str, str] = {
    "at_least": "more than",
    "exceeds": "more than",
    "nearly": "nearly",
    "about": "roughly",
    "at_most": "at most",
}

QUALIFIER_EN: dict[str, str] = {
    "at_least": "over",
    "about": "about",
    "at_most": "no more than",
    "exceeds": "more than",
    "reaches": "",
    "nearly": "nearly",
}


# Large numbers in words: English readers count in millions, the reports in 万 and 亿.
SCALES: dict[str, tuple[tuple[float, str], ...]] = {
    "en": ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")),
    "zh": ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")),
    "": (),
}
# A change of a rate is a difference of percentage points, not a per cent of the old rate.
RATE_UNITS = ("%", "％", "个百分点", "百分点")
VALUE_PLACES = 4  # a stated value keeps its decimals (98.36%, 0.125)
CHANGE_PLACES = 1  # a computed change is read at a glance (+26.8 %, -40.4 pp)
_MAX_PLACES = 6


def format_number(
    v: float, *, places: int = VALUE_PLACES, signed: bool = False, scale: str = "en"
) -> str:
    """The one way numbers are written: at most ``places`` decimals without trailing zeros,
    thousands separators, large numbers in the words of ``scale`` ("en": 282 million, 1.3
    trillion; "zh": 282亿, 1.58万, as the reports write them; "": digits only) and, when
    ``signed``, a sign on every change ("+3.6", "-40.4", "±0").

    15800 -> "15,800"; 282000000 -> "282 million" ("2.82亿" in zh); 1.08 -> "1.08". A value
    that is not zero never shows as 0: it keeps decimals until a digit shows (0.04 at one
    place -> "0.04"), up to six places; below that it is float noise and shows as zero."""
    v = float(v)
    if round(v, _MAX_PLACES) == 0:  # float noise of a difference (1e-12) is no change
        return "±0" if signed else "0"
    word = ""
    for size, name in SCALES[scale]:
        if abs(v) >= size:
            v, word = v / size, name
            break
    while places < _MAX_PLACES and round(v, places) == 0:
        places += 1
    body = f"{abs(v):,.{places}f}"
    if "." in body:
        body = body.rstrip("0").rstrip(".")
    sign = "-" if v < 0 else ("+" if signed else "")
    return f"{sign}{body}{word}"


def format_change(
    delta: float,
    *,
    unit: str,
    base: float | None = None,
    places: int = CHANGE_PLACES,
    scale: str = "zh",
) -> str:
    """A difference between two values of ``unit``: in percentage points for rates ("+1.5 pp",
    "-40.4 pp"), else relative to a non-zero ``base`` ("+26.8 %"), else absolute in the unit
    ("+28.3亿元", "-130人")."""
    if unit in RATE_UNITS:
        return f"{format_number(delta, places=places, signed=True, scale='')} pp"
    if base:
        return format_percent(delta / abs(base), places=places)
    return f"{format_number(delta, places=places, signed=True, scale=scale)}{unit}"


def format_percent(fraction: float, *, places: int = CHANGE_PLACES) -> str:
    """A relative change: 0.268 -> "+26.8 %"."""
    return f"{format_number(100.0 * fraction, places=places, signed=True, scale='')} %"


def fraction_en(num: float, den: float) -> str:
    """2, 3 -> "two thirds"; 1, 2 -> "one half"; 3, 100 -> "3/100"."""
    if num == int(num) and den == int(den) and 0 < num < 10 and int(den) in DENOMINATOR_EN:
        word = DENOMINATOR_EN[int(den)][0 if num == 1 else 1]
        return f"{SMALL_EN[int(num)]} {word}"
    return f"{_plain(num)}/{_plain(den)}"


def _plain(v: float) -> str:
    return format_number(v, scale="")


# 户 counts households, and also businesses: 个体工商户, 市场主体 … (新设企业1万6千多户).
BUSINESS_WORDS = ("企业", "工商户", "商户", "市场主体", "经营主体", "纳税人")


def _with_unit(v: float, unit: str, indicator: str = "") -> str:
    if unit in ("%", "‰"):
        return f"{format_number(v)}{unit}"
    noun = UNIT_EN.get(unit)
    if unit == "户" and any(w in indicator for w in BUSINESS_WORDS):
        noun = ("business", "businesses")
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
    terms: tuple[float, ...] = (),
    indicator: str = "",
    kind: str = "",
) -> str:
    """The value as an English phrase: "15,800 mu", "up 6%", "about 5%", "6%–6.5%", "one third"
    (``terms`` = numerator, denominator), "3.6:48:48.4" (``terms`` = a ratio's terms), "up 150%
    (to 2.5 times)" (增长1.5倍: a rise by 1.5 times is to 2.5 times), "up 100% (doubled)"
    (增长一倍), "doubled" (翻一番; "to double" for a target), "2.2 times" (是2010年的2.2倍).
    ``indicator`` picks the noun where a unit counts different things (户: households, or
    businesses)."""
    size = abs(value) if measure == "change" else value
    if low is not None and high is not None:
        lo = f"{format_number(low)}{unit}" if unit in ("%", "‰") else format_number(low)
        body = f"{lo}–{_with_unit(high, unit, indicator)}"
    elif category == "fraction" and len(terms) == 2:
        body = fraction_en(*terms)
    elif category == "ratio" and terms:
        body = ":".join(_plain(t) for t in terms)
    elif category == "doubling" and value in MULTIPLE_EN:
        if kind == "target":  # 力争翻一番: "to double", 翻一番多: "to more than double"
            verb = MULTIPLE_TARGET_EN[value]
            q = MULTIPLE_QUALIFIER_EN.get(meaning, "")
            return verb.replace("to ", f"to {q} ", 1).replace("  ", " ") if q else verb
        return _multiple_en(value, meaning)  # 翻一番: "doubled", 翻一番多: "more than doubled"
    elif unit == "倍" and measure == "change":
        # 增长1.5倍 is a rise by 150 %, to 2.5 times the base
        body = f"{_plain(scaled(size, 100))}% ({_multiple_en(size + 1, meaning)})"
    else:
        body = _with_unit(size, unit, indicator)
    q = QUALIFIER_EN.get(meaning, "")
    if q:
        body = f"{q} {body}"
    if measure == "change":
        body = f"{'down' if value < 0 else 'up'} {body}"
    return body


def _multiple_en(multiple: float, meaning: str) -> str:
    """A new level as a multiple of the old: "doubled", "more than tripled", "to nearly 2.5 times"."""
    q = MULTIPLE_QUALIFIER_EN.get(meaning, "")
    if multiple in MULTIPLE_EN:
        return f"{q} {MULTIPLE_EN[multiple]}".lstrip()
    return f"to {q} {_plain(multiple)} times".replace("  ", " ")
