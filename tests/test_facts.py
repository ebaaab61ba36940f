"""Facts step: numbers, units, scales, qualifiers, ranges, lists, changes, kinds and non-facts."""

from __future__ import annotations

import functools
import math
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.facts import ACHIEVEMENT, TARGET, Fact, extract_facts, extract_from_text
from reportgen.facts import tables as T
from reportgen.facts.english import render_en
from reportgen.facts.numbers import parse_number
from reportgen.facts.scan import starting_level
from reportgen.readers import read_bytes, read_path
from tests.conftest import FACT_KEYS, corpus_file


def one(text: str, **kw: object) -> Fact:
    facts = extract_from_text(text, **kw)  # type: ignore[arg-type]
    assert len(facts) == 1, [(f.surface, f.value, f.unit) for f in facts]
    return facts[0]


def values(text: str, **kw: object) -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in extract_from_text(text, **kw)]  # type: ignore[arg-type]


# --- numbers and scales -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2.82亿", 282_000_000),
        ("15万", 150_000),
        ("1.3万亿", 1.3e12),
        ("一千二百万", 12_000_000),
        ("两千", 2000),
        ("三点五", 3.5),
        ("1,234.5", 1234.5),
        ("５４", 54),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    got = parse_number(text)
    assert got is not None and math.isclose(got, value)


def test_parse_number_rejects_non_numbers() -> None:
    assert parse_number("十四五") is None
    assert parse_number("12abc") is None


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("科学分配衔接资金2.82亿元。", 282_000_000, "元"),
        ("农村劳动力转移就业15万人次。", 150_000, "人次"),
        ("粮食产量稳定在1.3万亿斤。", 1.3e12, "斤"),
        ("惠及群众一千二百万人。", 12_000_000, "人"),
        ("新增装机容量12万千瓦。", 120_000, "千瓦"),
        ("年发电量1.2亿千瓦时。", 1.2e8, "千瓦时"),
        ("新建绿道5千米。", 5, "公里"),
        ("资助贫困家庭学生5441.5 万 元。", 54_415_000, "元"),
        ("设立7000万元专项基金。", 70_000_000, "元"),
        ("项目储备3千万元。", 30_000_000, "元"),
        ("新增学位3,630个。", 3630, "个"),
        ("建成２个中心。", 2, "个"),
    ],
)
def test_scaled_values(text: str, value: float, unit: str) -> None:
    f = one(text)
    assert math.isclose(f.value, value) and f.unit == unit


# Every unit of the table, with its base unit and factor.
@pytest.mark.parametrize("written", sorted(T.UNITS))
def test_every_unit(written: str) -> None:
    base, factor, _ = T.UNITS[written]
    f = one(f"全年完成该指标12{written}。")
    assert f.unit == base
    assert math.isclose(f.value, 12 * factor)
    assert f.surface == f"12{written}"


@pytest.mark.parametrize(
    "text",
    [
        "涉及3方面工作。",
        "12个人所得税事项。",
        "建成5家庭农场。",
        "选派3名单位干部。",
        "居全市第2位。",
    ],
)
def test_unit_blockers(text: str) -> None:
    # A unit character that starts a longer word (方面, 个人, 家庭, 名单) is not a unit.
    assert extract_from_text(text) == []


# --- qualifiers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("q", sorted(T.PREFIX_QUALIFIERS))
def test_every_prefix_qualifier(q: str) -> None:
    f = one(f"该项指标{q}12万元。")
    assert f.qualifier == q
    assert f.qualifier_meaning == T.PREFIX_QUALIFIERS[q]
    assert f.value == 120_000
    assert f.surface == f"{q}12万元"
    # A qualifier that names the new level (提高到, 降至, 达到) never makes a change.
    assert f.measure == "level"


@pytest.mark.parametrize("q", sorted(T.SUFFIX_QUALIFIERS))
def test_every_suffix_qualifier(q: str) -> None:
    f = one(f"该项指标12万元{q}。")
    assert (f.qualifier, f.qualifier_meaning, f.value) == (q, T.SUFFIX_QUALIFIERS[q], 120_000)
    assert f.surface.endswith(q)


@pytest.mark.parametrize(
    ("text", "value", "unit", "marker"),
    [("新建各类站点100多个。", 100, "个", "多"), ("争取资金20余万元。", 200_000, "元", "余")],
)
def test_approx_markers(text: str, value: float, unit: str, marker: str) -> None:
    f = one(text)
    assert (f.value, f.unit, f.qualifier, f.qualifier_meaning) == (value, unit, marker, "exceeds")


def test_seed_qualifiers() -> None:
    facts = extract_from_text("80%以上的村集体经济收入超10万元，覆盖率达 100%。")
    assert [(f.value, f.qualifier, f.qualifier_meaning) for f in facts] == [
        (80, "以上", "at_least"),
        (100_000, "超", "exceeds"),
        (100, "达", "reaches"),
    ]


# Coverage extended to a share (扩大到/扩大至, "reaches") with the whole it is a share of between
# verb and number (全国), and a bound written before a change verb (至少降低): corpus sentences.
EXTENDED = [
    ("state-council_2008_zh.txt", "城镇居民基本医疗保险试点要扩大到全国50%以上的城市；",
     "扩大到全国50%以上", 50, "level", "以上", "at_least", "城镇居民基本医疗保险试点"),
    ("state-council_2011_zh.txt", "将新型农村社会养老保险试点范围扩大到全国40%的县。",
     "扩大到全国40%", 40, "level", "扩大到", "reaches", "新型农村社会养老保险试点范围"),
    # the clause names nothing before the share and only 县 after it: the topic before names it
    ("state-council_2008_zh.txt", "新型农村合作医疗制度不断完善，已扩大到全国86%的县，",
     "扩大到全国86%", 86, "level", "扩大到", "reaches", "新型农村合作医疗制度"),
    ("state-council_2014_zh.txt", "县级公立医院综合改革试点扩大到1000个县，",
     "扩大到1000个", 1000, "level", "扩大到", "reaches", "县级公立医院综合改革试点"),
    ("state-council_2008_zh.txt", "国家规划免疫预防的疾病由7种扩大到15种，",
     "扩大到15种", 15, "level", "扩大到", "reaches", "国家规划免疫预防的疾病"),
    ("state-council_2018_zh.txt", "移动网络流量资费年内至少降低30％，",
     "至少降低30％", -30, "change", "至少", "at_least", "移动网络流量资费"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "text", "surface", "value", "measure", "q", "meaning", "indicator"), EXTENDED
)
def test_extended_to_and_at_least(
    name: str,
    text: str,
    surface: str,
    value: float,
    measure: str,
    q: str,
    meaning: str,
    indicator: str,
) -> None:
    body = re.sub(r"\s+", "", corpus_file(name).read_text(encoding="utf-8"))
    assert text in body
    f = [f for f in extract_from_text(text, kind="") if f.surface == surface]
    assert [(f.value, f.measure, f.qualifier, f.qualifier_meaning, f.indicator) for f in f] == [
        (value, measure, q, meaning, indicator)
    ]


def test_extended_to_and_at_least_beyond_the_corpus() -> None:
    # Not from the corpus: 扩大至 and 全市, and 至少 after its verb (a bound on the change).
    f = one("集中供热面积扩大至全市85%以上。")
    assert (f.indicator, f.value, f.qualifier, f.measure) == ("集中供热面积", 85, "以上", "level")
    f = one("农民人均纯收入增长至少6%。")
    assert (f.indicator, f.value, f.qualifier, f.measure) == ("农民人均纯收入", 6, "至少", "change")
    # a scope word with no qualifier before it brings none
    assert one("粮食产量占全国25%。").qualifier == ""


# --- ranges -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("国内生产总值增长6%－6.5%。", 6, 6.5, "%"),
        ("新建高标准农田3至5万亩。", 30_000, 50_000, "亩"),
        ("新建高标准农田1.2万至1.5万亩。", 12_000, 15_000, "亩"),
        # A unit with a scale in it (万千瓦) applies once: to each end, or to a bare low end only.
        ("新增装机3万千瓦至5万千瓦。", 30_000, 50_000, "千瓦"),
        ("新增装机1.2万至1.5万千瓦。", 12_000, 15_000, "千瓦"),
        ("新增装机3至5万千瓦。", 30_000, 50_000, "千瓦"),
        ("新增装机1.2万至1.5万兆瓦。", 12_000_000, 15_000_000, "千瓦"),
        ("完成投资3亿元至5亿元。", 300_000_000, 500_000_000, "元"),
        ("完成投资3至5亿元。", 300_000_000, 500_000_000, "元"),
        ("每吨收费5到7元。", 5, 7, "元"),
        ("增长6.5%-7%。", 6.5, 7, "%"),
        ("控制在8%～10%。", 8, 10, "%"),
    ],
)
def test_ranges(text: str, low: float, high: float, unit: str) -> None:
    f = one(text)
    assert (f.low, f.high, f.unit) == (low, high, unit)
    assert f.value == low  # documented choice: a range's value is its low end


def test_range_keeps_change_and_english() -> None:
    f = one("国内生产总值增长6%－6.5%。")
    assert f.measure == "change" and f.en == "up 6%–6.5%"
    assert f.surface == "6%－6.5%"


def test_from_to_is_two_levels_not_a_range() -> None:
    facts = extract_from_text("报销比例由50%提高到60%。")
    assert [(f.value, f.low, f.qualifier) for f in facts] == [(50, None, ""), (60, None, "提高到")]


# --- changes and percentage points --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("地区生产总值增长6%。", 6, "%"),
        ("单位能耗下降2.5%。", -2.5, "%"),
        ("农业总产值同比增长 4.1%。", 4.1, "%"),
        ("收入增长了12%。", 12, "%"),
        ("财政补助标准增加30元。", 30, "元"),
        ("经费压缩48.2%。", -48.2, "%"),
        ("产量增长2倍。", 2, "倍"),
        ("消费价格涨幅3%左右。", 3, "%"),
    ],
)
def test_changes(text: str, value: float, unit: str) -> None:
    f = one(text)
    assert (f.measure, f.value, f.unit) == ("change", value, unit)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("城镇化率提高1.3个百分点。", 1.3),
        ("失业率下降0.5个百分点。", -0.5),
        ("比去年预算低0.2个百分点。", -0.2),
        ("比去年预算高0.2个百分点。", 0.2),
        ("占比提升2百分点。", 2),
    ],
)
def test_percentage_points(text: str, value: float) -> None:
    f = one(text)
    assert (f.unit, f.measure, f.value) == ("个百分点", "change", value)


@pytest.mark.parametrize(
    "text", ["完成192.3亿元。", "新增学位3630个。", "科技进步贡献率提高到58.5%。", "失业率降至4%。"]
)
def test_levels(text: str) -> None:
    assert one(text).measure == "level"


# --- 分别 lists ---------------------------------------------------------------------------------


def test_fenbie_list_names_and_qualifier() -> None:
    facts = extract_from_text("森林覆盖率、草原综合植被覆盖度分别达38.17%、60.58%。")
    assert [(f.indicator, f.value, f.qualifier, f.qualifier_meaning) for f in facts] == [
        ("森林覆盖率", 38.17, "达", "reaches"),
        ("草原综合植被覆盖度", 60.58, "达", "reaches"),
    ]
    assert [f.surface for f in facts] == ["达38.17%", "60.58%"]


def test_fenbie_list_trailing_qualifier_and_change() -> None:
    facts = extract_from_text("出口和进口分别增长7%和8%左右。")
    assert [(f.indicator, f.value, f.qualifier, f.measure) for f in facts] == [
        ("出口", 7, "左右", "change"),
        ("进口", 8, "左右", "change"),
    ]


def test_fenbie_list_shares_unit_and_names_from_clause_before() -> None:
    facts = extract_from_text(
        "基本养老金、低保标准和环卫工人工资再次提高，月人均分别提高221元、90元和300元。"
    )
    assert [(f.indicator, f.value, f.unit) for f in facts] == [
        ("基本养老金", 221, "元"),
        ("低保标准", 90, "元"),
        ("环卫工人工资", 300, "元"),
    ]
    facts = extract_from_text("两项指标分别高4.2和0.7个百分点。")
    assert [(f.value, f.unit) for f in facts] == [(4.2, "个百分点"), (0.7, "个百分点")]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # SC 2015: every member of a list of points is a change, with the sign of the words
        # before the first
        ("小微企业、“三农”贷款增速比各项贷款平均增速分别高4.2和0.7个百分点。", [4.2, 0.7]),
        # not from the corpus: falls, with and without 分别
        ("城镇调查失业率和登记失业率比上年分别低0.2和0.3个百分点。", [-0.2, -0.3]),
        ("两项失业率下降0.3和0.5个百分点。", [-0.3, -0.5]),
        ("比重分别提高1.2、0.8和0.5个百分点。", [1.2, 0.8, 0.5]),
        ("一项提高0.3个百分点、另一项下降0.5个百分点。", [0.3, -0.5]),
    ],
)
def test_lists_of_points_are_changes(text: str, values: list[float]) -> None:
    facts = extract_from_text(text, kind="")
    assert [(f.value, f.unit, f.measure) for f in facts] == [
        (v, "个百分点", "change") for v in values
    ]


def test_fenbie_decline_list() -> None:
    facts = extract_from_text("政府会议和发文数量分别减少15.2%和20.3%。")
    assert [(f.indicator, f.value) for f in facts] == [("政府会议", -15.2), ("发文数量", -20.3)]


# --- non-facts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2023年是全面贯彻落实党的二十大精神的开局之年。",  # years
        "2月5日在第十四届人民代表大会第四次会议上。",  # dates, ordinals
        "第一人民医院胸痛中心通过国家认证。",  # ordinal inside a name
        "落实“2411”防返贫监测和帮扶机制。",  # quoted slogan
        "以“三清三改”为抓手，完成“十四五”规划。",  # slogans
        "依托5G新型智慧城区平台，改善PM2.5浓度，推广IPv6应用。",  # names with digits
        "一是抓好项目建设，二是优化环境。",  # enumerations
        "聚焦两个关键，锚定一个基地、三个中心，培育一批企业。",  # small Chinese numerals
        "开展安全生产治本攻坚三年行动。",  # durations in names
        "深化“十大专项行动”，上百万群众受益。",  # vague amounts
        "中俄蒙国际汽车园4S店投入运营。",
        "每100人拥有医生数量提高。",  # per-unit bases
    ],
)
def test_non_facts(text: str) -> None:
    assert extract_from_text(text) == [], text


def test_gold_keeps_village_counts_inside_names() -> None:
    # The seed's gold labels 共和镇27村 as a count of villages; we follow it.
    assert values("实施共和镇27村、甘河滩镇3村等人畜饮水提质增效工程。") == [(27, "村"), (3, "村")]


def test_chinese_numerals_that_are_statistics() -> None:
    assert values("全年接待游客十五万人次，投资三点五亿元。") == [(150_000, "人次"), (3.5e8, "元")]


# --- kinds, years, spans, indicators ------------------------------------------------------------


def test_kind_default_and_overrides() -> None:
    assert one("完成国土绿化4.1万亩。").kind == ACHIEVEMENT
    assert one("力争完成国土绿化5.2万亩。", kind=ACHIEVEMENT).kind == TARGET
    assert one("再建42个和美乡村。", kind=ACHIEVEMENT).kind == TARGET
    # Plan sections use 完成 too: still a target.
    assert one("完成国土绿化5.2万亩。", kind=TARGET).kind == TARGET
    # Without a section kind, the sentence's cues decide.
    assert one("过去一年，完成国土绿化4.1万亩。", kind="").kind == ACHIEVEMENT
    assert one("确保资源化利用率达86%以上。", kind="").kind == TARGET


# SC 2016 (到2020年, in its plan part) and SC 2013 (到2012年末, in its review), read on their own.
BY_2020 = "实现全面建成小康社会目标，到2020年国内生产总值和城乡居民人均收入比2010年翻一番。"
BY_2012 = "加强农村金融服务，涉农贷款余额从2007年末的6.12万亿元增加到2012年末的17.63万亿元。"


@pytest.mark.parametrize("kind", ["", ACHIEVEMENT])
def test_a_year_still_to_come_makes_a_target(kind: str) -> None:
    # 到2020年 in a 2016 report lies ahead: a target even outside a plan part (a review part, a
    # page without part headings); in a 2020 report it is the year itself, still a target.
    for year in (2016, 2020):
        f = one(BY_2020, kind=kind, report_year=year)
        assert (f.kind, f.en) == (TARGET, "to double")
    # Read in a 2021 report (or without the report's year) it is a result.
    assert one(BY_2020, kind=kind, report_year=2021).kind == ACHIEVEMENT
    assert one(BY_2020, kind=kind).kind == ACHIEVEMENT
    # A past year stays a result, even after a target-looking 到.
    assert [f.kind for f in extract_from_text(BY_2012, kind=kind, report_year=2013)] == [
        ACHIEVEMENT,
        ACHIEVEMENT,
    ]
    # 截至 says "as of", not "by": 截至2016年底 in a 2016 report gives no target by itself.
    assert one("截至2016年底，累计建成高标准农田4.2亿亩。", kind=kind, report_year=2016).kind == (
        ACHIEVEMENT
    )


def test_the_last_dated_clause_decides() -> None:
    # Not from the corpus: a result of last year, then the target of the plan, in one sentence.
    text = "到2015年底完成造林1.2万亩，到2020年累计完成造林5万亩。"
    facts = extract_from_text(text, kind="", report_year=2016)
    assert [(f.surface, f.kind) for f in facts] == [("1.2万亩", ACHIEVEMENT), ("5万亩", TARGET)]


def test_a_report_without_part_headings_dates_its_targets(tmp_path: Path) -> None:
    # SC 2016 copied without its part and section headings (as a newspaper page may print it):
    # the 到2020年 sentences of the 十三五 goals are targets, whatever the paragraph's other cues.
    lines = corpus_file("state-council_2016_zh.txt").read_text(encoding="utf-8").splitlines()[1:]
    heading = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
    p = tmp_path / "sc2016.txt"
    p.write_text("\n".join(x for x in lines if not heading.match(x)) + "\n", encoding="utf-8")
    doc = read_path(p)
    assert doc.year == 2016
    dated = [
        f
        for f in extract_facts(doc)
        if re.search(r"到2020年", f.sentence[: f.sentence.find(f.surface)])
    ]
    assert len(dated) == 8
    # ... and targets for the year they name, not for the year the report sets them in
    assert {(f.kind, f.year) for f in dated} == {(TARGET, 2020)}
    assert [f.en for f in dated if f.unit == "倍"] == ["to double"]


@pytest.mark.parametrize(
    ("text", "report_year", "years"),
    [
        (BY_2020, 2016, [2020]),
        # SC 2016 and SC 2011: the five years ahead, counting the report's own
        (
            "今后五年，单位国内生产总值用水量、能耗、二氧化碳排放量分别下降23%、15%、18%。",
            2016,
            [2020] * 3,
        ),
        ("今后五年，我国经济增长预期目标是在明显提高质量和效益的基础上年均增长7%。", 2011, [2015]),
        # SC 2009: three years, within three years
        ("今后三年各级政府拟投入8500亿元，其中中央财政投入3318亿元。", 2009, [2011, 2011]),
        ("城镇职工和居民基本医疗保险及新农合，三年内参保率均提高到90%以上。", 2009, [2011]),
        # SC 2016: a five-year plan's period ends with the plan (the thirteenth: 2016-2020)
        (
            "到2020年国内生产总值翻一番，“十三五”时期经济年均增长保持在6.5%以上。",
            2016,
            [2020, 2020],
        ),
        # Not from the corpus: the tenth plan is 十五 (2001-2005), a plan's first year dates nothing;
        # 今年 after a clause that named another year is the report's year again.
        ("“十五”期间粮食产量达到5亿吨。", 2001, [2005]),
        ("今年是“十三五”开局之年，粮食产量要稳定在6亿吨以上。", 2016, [2016]),
        ("到2020年建成高标准农田8亿亩，今年新增高标准农田4000万亩。", 2016, [2020, 2016]),
        # A year before the report's dates no target; nor does 今后五年 without the report's year.
        ("今后五年，森林覆盖率达到23.04%。", None, [2016]),
    ],
)
def test_a_target_is_for_the_year_its_clause_names(
    text: str, report_year: int | None, years: list[int]
) -> None:
    facts = extract_from_text(text, kind=TARGET, year=2016, report_year=report_year)
    assert [f.year for f in facts] == years
    # a result keeps the year it is stamped with, whatever year its sentence names
    assert {f.year for f in extract_from_text(BY_2012, kind=ACHIEVEMENT, year=2012)} == {2012}


@pytest.mark.parametrize(
    ("name", "period", "plan", "period_year"),
    [
        ("state-council_2016_zh.txt", "二、“十三五”时期", "三、2016年", 2020),
        ("state-council_2011_zh.txt", "二、“十二五”时期", "三、2011年", 2015),
    ],
)
def test_a_five_year_plan_part_holds_targets_for_its_last_year(
    name: str, period: str, plan: str, period_year: int
) -> None:
    # The report given in a five-year plan's first year sets out the plan's goals in a part of
    # their own (届时…, 实现城镇新增就业5000万人以上: no year in the sentence); its yearly plan
    # part and its review keep their years.
    doc = read_path(corpus_file(name))
    assert doc.year is not None
    part = {loc.paragraph.id: loc.path[0].heading for loc in doc.iter_located()}
    texts = {p.id: p.text for p in doc.paragraphs()}
    years: dict[tuple[str, str], set[int | None]] = {}
    for f in extract_facts(doc):
        if f.kind == ACHIEVEMENT and starting_level(texts[f.paragraph_id], f.start):
            continue  # 从3.16万亿元增加到…: the year a change started from (tested below)
        h = next((p for p in (period, plan) if part[f.paragraph_id].startswith(p)), "")
        years.setdefault((h, f.kind), set()).add(f.year)
    assert years[period, TARGET] == {period_year}
    assert years[plan, TARGET] == {doc.year}
    assert all(ys == {doc.year - 1} for (_, k), ys in years.items() if k == ACHIEVEMENT)


def test_multi_year_targets_are_not_checked_against_next_years_results() -> None:
    # SC 2016's targets against SC 2017's results for 2016: the 十三五 goals (约3万公里 of new
    # expressways, 5000万 new urban jobs over five years) are no 2016 targets; 2016's own
    # 城镇新增就业1000万人以上 is, met by 1314万人.
    from reportgen.diff import compare

    old, new = (read_path(corpus_file(f"state-council_{y}_zh.txt")) for y in (2016, 2017))
    checks = compare([old, new]).targets
    assert checks and {t.target.year for t in checks} == {2016}
    assert not {"约3万公里", "5000万人以上", "超过90万亿元"} & {t.target.surface for t in checks}
    jobs = [t for t in checks if t.indicator == "城镇新增就业"]
    assert [(t.target.surface, t.actual.surface, t.verdict) for t in jobs] == [
        ("1000万人以上", "1314万人", "met")
    ]


@pytest.mark.parametrize(
    ("name", "sentence", "surface", "kind", "year"),
    [
        # in the plan parts: a sentence dated 去年 with nothing to be done recalls a result
        ("state-council_2013_zh.txt", "去年居民消费价格涨幅回落到2.6%", "2.6%", ACHIEVEMENT, 2012),
        ("state-council_2008_zh.txt", "去年全国财政比年度预算超收", "7239亿元", ACHIEVEMENT, 2007),
        # 比去年 is the base of a planned change, and 今年…将 plans 去年's figure onwards
        ("state-council_2018_zh.txt", "中央预算内投资安排5376亿元", "300亿元", TARGET, 2018),
        ("state-council_2008_zh.txt", "今年中央财政用于教育的投入", "增加到1562亿元", TARGET, 2008),
    ],
)
def test_a_plan_part_recalls_last_years_results(
    name: str, sentence: str, surface: str, kind: str, year: int
) -> None:
    found = [
        f
        for f in extract_facts(read_path(corpus_file(name)))
        if f.surface == surface and f.sentence.startswith(sentence)
    ]
    assert [(f.kind, f.year) for f in found] == [(kind, year)]


def test_spans_point_into_the_paragraph() -> None:
    text = "新建高标准农田 1.58 万亩，复耕撂荒地1.85万亩。"
    facts = extract_from_text(text, paragraph_id="p7", year=2023)
    assert [f.surface for f in facts] == ["1.58 万亩", "1.85万亩"]
    for f in facts:
        assert text[f.start : f.end] == f.surface
        assert f.paragraph_id == "p7" and f.year == 2023
        assert f.sentence == text


def test_sentences_are_split() -> None:
    facts = extract_from_text("新增学位3630个。城镇登记失业率1.08%。")
    assert [f.sentence for f in facts] == ["新增学位3630个。", "城镇登记失业率1.08%。"]


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("新建高标准农田1.58万亩。", "新建高标准农田"),
        ("城镇登记失业率1.08%。", "城镇登记失业率"),
        ("过去一年，湟中区完成国土绿化4.1万亩。", "国土绿化"),
        ("全区地区生产总值完成274.4亿元。", "地区生产总值"),
        ("成功申报3个农村人居环境整治示范乡镇。", "成功申报农村人居环境整治示范乡镇"),
        ("投资2.3亿元强化教育基础设施。", "教育基础设施投资"),
        ("3座生活垃圾填埋场正常运行。", "生活垃圾填埋场"),
        ("共和、多巴2个美丽城镇加快建设。", "美丽城镇"),
        ("城镇调查失业率平均5.2%。", "城镇调查失业率"),
    ],
)
def test_indicators(text: str, indicator: str) -> None:
    assert one(text).indicator == indicator


# (corpus file, sentence, [(surface, indicator)]): names that were dates or fragments before.
NAMED_FROM_CONTEXT = [
    # the date a number is of is no part of its name
    ("state-council_2008_zh.txt", "2007年进出口总额达到2.17万亿美元，从世界第六位上升到第三位。",
     [("达到2.17万亿美元", "进出口总额")]),
    ("state-council_2013_zh.txt",
     "加强农村金融服务，涉农贷款余额从2007年末的6.12万亿元增加到2012年末的17.63万亿元。",
     [("6.12万亿元", "涉农贷款余额"), ("17.63万亿元", "涉农贷款余额")]),
    # a topic clause without a number names the numbers of the next clause
    ("state-council_2008_zh.txt",
     "全社会研究与实验发展经费，从2002年1288亿元增加到2007年的3664亿元，占国内生产总值比重从"
     "1.07%提高到1.49%。",
     [("1288亿元", "全社会研究与实验发展经费"), ("3664亿元", "全社会研究与实验发展经费"),
      ("1.07%", "占国内生产总值比重"), ("提高到1.49%", "占国内生产总值比重")]),
    ("state-council_2008_zh.txt", "今年中央财政用于教育的投入，将由去年的1076亿元增加到1562亿元；",
     [("1076亿元", "中央财政用于教育的投入"), ("增加到1562亿元", "中央财政用于教育的投入")]),
    ("hailar-district_2012_zh.txt",
     "企业退休人员养老金标准继续提高，年人均提高2556元，1.6万名离退休人员受益；",
     [("2556元", "企业退休人员养老金标准"), ("1.6万名", "离退休人员")]),
    ("hailar-district_2012_zh.txt", "新农合参合率再创新高，达到98.5%。", [("达到98.5%", "新农合参合率")]),
    # ... but a cell alone (城镇, 农村) names nothing: its per-head words stay
    ("hailar-district_2012_zh.txt",
     "城乡最低生活保障标准逐年提高，城镇年人均提高600元，农村年人均提高200元，均高于自治区标准；",
     [("600元", "城镇年人均"), ("200元", "农村年人均")]),
    ("state-council_2011_zh.txt", "贸易顺差连续两年下降，2010年比上年减少6.4%。", [("6.4%", "贸易顺差")]),
    # 累计 cuts off what comes before it only when a name follows it
    ("state-council_2013_zh.txt", "实行粮食最低收购价政策，小麦、稻谷最低收购价累计提高41.7%到86.7%。",
     [("41.7%到86.7%", "小麦、稻谷最低收购价")]),
    # the names a 分别 list pairs with its numbers end where the predicate they run into starts
    ("state-council_2008_zh.txt", "2007年单位国内生产总值能耗比上年下降3.27%，化学需氧量、二氧化硫"
     "排放总量近年来首次出现双下降，比上年分别下降3.14％和4.66％。",
     [("3.27%", "单位国内生产总值能耗"), ("3.14％", "化学需氧量"), ("4.66％", "二氧化硫排放总量")]),
    # 一是…二是…三是 mark list items: no part of a name
    ("state-council_2016_zh.txt", "三是将18项行政事业性收费的免征范围，从小微企业扩大到所有企业和个人。",
     [("18项", "行政事业性收费的免征范围")]),
    ("state-council_2017_zh.txt", "二是取消或停征中央涉企行政事业性收费35项，收费项目再减少一半以上，"
     "保留的项目要尽可能降低收费标准。",
     [("35项", "取消或停征中央涉企行政事业性收费"), ("一半以上", "收费项目")]),
    # a number earlier in the clause names the one after it, not the clause before
    ("state-council_2011_zh.txt", "积极稳妥推进城镇化，城镇化率从47.5％提高到51.5%，完善城市化布局和形态，"
     "不断提升城镇化的质量和水平。", [("47.5％", "城镇化率"), ("提高到51.5%", "城镇化率")]),
    # a topic clause with an ordinal (第7年) holds no figure: what it raised names the next
    # clause's per-head rise; who benefits is named with it, not by the verb alone
    ("state-council_2012_zh.txt", "连续第7年提高企业退休人员基本养老金，全年人均增加1680元，"
     "5700多万人受益；", [("1680元", "企业退休人员基本养老金"),
                          ("5700多万人", "企业退休人员基本养老金受益")]),
    ("state-council_2018_zh.txt", "加大对各类学校家庭困难学生资助力度，4.3亿人次受益。",
     [("4.3亿人次", "各类学校家庭困难学生资助受益")]),
    # a payer before the number names no figure: the purpose after it does
    ("state-council_2010_zh.txt", "中央财政拟投入433亿元用于促进就业。", [("433亿元", "促进就业投入")]),
    # a payer with no purpose stated after the amount keeps its name
    ("state-council_2009_zh.txt", "实施更加积极的就业政策，中央财政拟投入420亿元资金。",
     [("420亿元", "中央财政拟投入")]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text", "named"), NAMED_FROM_CONTEXT)
def test_names_from_the_context(name: str, text: str, named: list[tuple[str, str]]) -> None:
    assert [(f.surface, f.indicator) for f in extract_from_text(text, kind="")] == named
    body = re.sub(r"\s+", "", corpus_file(name).read_text(encoding="utf-8"))
    assert re.sub(r"\s+", "", text) in body


def test_points_with_more_between_measure_word_and_unit() -> None:
    # SC 2013: 多 after 个 still counts percentage points (提高2个多百分点: over 2 points)
    [f] = extract_from_text("其中出口额跃居世界第一位，占国际市场份额比2007年提高2个多百分点，")
    assert (f.surface, f.value, f.unit, f.qualifier, f.measure) == (
        "2个多百分点",
        2,
        "个百分点",
        "多",
        "change",
    )
    assert f.en == "up more than 2 percentage points"
    assert "占国际市场份额比2007年提高2个多百分点" in corpus_file(
        "state-council_2013_zh.txt"
    ).read_text(encoding="utf-8")


def test_indicators_of_a_list_of_counts() -> None:
    facts = extract_from_text("8个景区、4条旅游精品线路提档升级，改造老旧小区15个、棚户区1650套。")
    assert [f.indicator for f in facts] == ["景区", "旅游精品线路", "改造老旧小区", "棚户区"]


def test_to_dict_has_the_contract_keys() -> None:
    d = one("投资2.3亿元。").to_dict()
    assert list(d) == FACT_KEYS


# --- years and ages as units --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("state-council_2016_zh.txt", "劳动年龄人口平均受教育年限从10.23年提高到10.8年。",
         [("10.23年", 10.23, "年", ""), ("提高到10.8年", 10.8, "年", "提高到")]),
        ("state-council_2018_zh.txt", "劳动年龄人口平均受教育年限提高到10.5年。",
         [("提高到10.5年", 10.5, "年", "提高到")]),
        # the age group (15岁以上人口) is part of the name, no figure
        ("state-council_2013_zh.txt", "国民受教育程度大幅提升，15岁以上人口平均受教育年限达到9年以上。",
         [("达到9年以上", 9, "年", "以上")]),
        ("state-council_2016_zh.txt", "推进健康中国建设，人均预期寿命提高1岁。", [("1岁", 1, "岁", "")]),
        ("state-council_2018_zh.txt", "人均预期寿命达到76.7岁。", [("达到76.7岁", 76.7, "岁", "达到")]),
    ],
)  # fmt: skip
def test_years_and_ages_after_a_noun_measured_in_them(
    name: str, text: str, expected: list[tuple[str, float, str, str]]
) -> None:
    body = re.sub(r"\s+", "", corpus_file(name).read_text(encoding="utf-8"))
    assert text in body
    got = [(f.surface, f.value, f.unit, f.qualifier) for f in extract_from_text(text, kind="")]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "粮食连续五年增产，总产量10570亿斤。",  # SC 2009: how many years, not a measure
        "连续7年提高企业退休人员基本养老金水平。",  # SC 2011
        "劳动年龄人口连续5年减少。",  # a noun measured in years, but 连续 counts the years
        "15岁以上人口比重上升。",  # an age group
        "2023年受教育年限统计。",  # a year
    ],
)
def test_years_that_are_no_durations(text: str) -> None:
    assert [f.unit for f in extract_from_text(text, kind="")] in ([], ["斤"])


# --- a stretch of years and the year under review ----------------------------------------------


@functools.cache
def _report_facts(name: str) -> tuple[Fact, ...]:
    return tuple(extract_facts(read_path(corpus_file(name))))


def _at(name: str, sentence: str, surface: str) -> tuple[str, str, int | None]:
    found = [
        (f.indicator, f.kind, f.year)
        for f in _report_facts(name)
        if f.surface == surface and f.sentence.startswith(sentence)
    ]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("name", "sentence", "surface", "expected"),
    [
        # SC 2011's plan part: 过去一年，我们的各项工作取得了很大成绩。 leads in 2010's results
        ("state-council_2011_zh.txt", "国内生产总值增长10.3%", "10.3%",
         ("国内生产总值", ACHIEVEMENT, 2010)),
        ("state-council_2011_zh.txt", "城镇新增就业1168万人", "1168万人",
         ("城镇新增就业", ACHIEVEMENT, 2010)),
        ("state-council_2011_zh.txt", "居民消费价格涨幅控制在3.3%", "控制在3.3%",
         ("居民消费价格", ACHIEVEMENT, 2010)),
        # SC 2018: 刚刚过去的2017年，…全面完成并好于预期。 in the part on the past five years
        ("state-council_2018_zh.txt", "国内生产总值增长6.9％", "6.9％",
         ("国内生产总值", ACHIEVEMENT, 2017)),
        ("state-council_2018_zh.txt", "城镇新增就业1351万人", "1351万人",
         ("城镇新增就业", ACHIEVEMENT, 2017)),
        # the next sentence after a lead has a target cue of its own: still a target
        ("state-council_2011_zh.txt", "今年国民经济和社会发展的主要预期目标是", "8%左右",
         ("国内生产总值", TARGET, 2011)),
    ],
)  # fmt: skip
def test_a_lead_dates_the_results_the_next_sentence_lists(
    name: str, sentence: str, surface: str, expected: tuple[str, str, int]
) -> None:
    assert _at(name, sentence, surface) == expected


@pytest.mark.parametrize(
    ("name", "sentence", "surface", "indicator"),
    [
        # a part reviewing a stretch as a whole (一、“十一五”时期…的回顾; 一、过去五年工作回顾):
        # its sums and yearly averages are the stretch's, named for it, of its last year
        ("state-council_2011_zh.txt", "国内生产总值达到39.8万亿元，年均增长11.2%", "11.2%",
         "十一五时期国内生产总值"),
        ("state-council_2011_zh.txt", "城镇新增就业5771万人", "5771万人", "十一五时期城镇新增就业"),
        ("state-council_2018_zh.txt", "城镇新增就业6600万人以上", "6600万人以上", "过去五年城镇新增就业"),
        ("state-council_2018_zh.txt", "居民消费价格年均上涨1.9％", "1.9％", "过去五年居民消费价格"),
        # dated to the year under review by a year, but a change against a base year five
        # years back or a yearly average is the stretch's (SC 2008)
        ("state-council_2008_zh.txt", "2007年，国内生产总值达到24.66万亿元", "65.5%", "过去五年国内生产总值"),
        ("state-council_2008_zh.txt", "2007年，国内生产总值达到24.66万亿元", "10.6%", "过去五年国内生产总值"),
        ("state-council_2013_zh.txt", "国内生产总值年均增长9.3%", "9.3%", "过去五年国内生产总值"),
        # a level reached, a level started from and a stock are the stretch's end and start
        ("state-council_2011_zh.txt", "国内生产总值达到39.8万亿元", "达到39.8万亿元", "国内生产总值"),
        ("state-council_2018_zh.txt", "城镇化率从52.6％提高到58.5％", "提高到58.5％", "城镇化率"),
        ("state-council_2008_zh.txt", "外汇储备超过1.52万亿美元", "超过1.52万亿美元", "外汇储备"),
        # the one year the sentence dates (SC 2013: 2012年，…) is no stretch
        ("state-council_2013_zh.txt", "2012年，在世界各大经济体增长全面减速", "7.8%", "国内生产总值"),
        # the sentence names the stretch itself: its own words, outside such a part too
        ("state-council_2008_zh.txt", "五年全国新增城镇就业5100万人", "5100万人", "五年全国新增城镇就业"),
        ("state-council_2009_zh.txt", "近三年累计，单位国内生产总值能耗下降10.08%", "10.08%",
         "近三年单位国内生产总值能耗"),
        ("state-council_2010_zh.txt", "“十一五”前四年累计单位国内生产总值能耗下降14.38%", "14.38%",
         "十一五前四年单位国内生产总值能耗"),
    ],
)  # fmt: skip
def test_results_over_a_stretch_of_years_are_named_for_it(
    name: str, sentence: str, surface: str, indicator: str
) -> None:
    got, kind, year = _at(name, sentence, surface)
    assert (got, kind) == (indicator, ACHIEVEMENT)
    assert year == int(name[14:18]) - 1  # the stretch's last year, the year under review


@pytest.mark.parametrize(
    ("name", "sentence", "surface", "indicator", "year"),
    [
        # SC 2011 reviews 2006–2010: 财政收入从3.16万亿元增加到8.31万亿元 started from 2005's.
        ("state-council_2011_zh.txt", "国内生产总值达到39.8万亿元", "3.16万亿元", "财政收入", 2005),
        # SC 2018 reviews 2013–2017: 国内生产总值从54万亿元增加到82.7万亿元, 2012's to 2017's.
        ("state-council_2018_zh.txt", "国内生产总值从54万亿元", "54万亿元", "国内生产总值", 2012),
        ("state-council_2018_zh.txt", "国内生产总值从54万亿元", "增加到82.7万亿元", "国内生产总值", 2017),
    ],
)  # fmt: skip
def test_a_starting_level_carries_the_year_the_change_started(
    name: str, sentence: str, surface: str, indicator: str, year: int
) -> None:
    assert _at(name, sentence, surface) == (indicator, ACHIEVEMENT, year)
    # A review of one year: the level it started from is the year before's.
    text = "消费贡献率由54.9％提高到58.8％。"
    got = {f.surface: f.year for f in extract_from_text(text, kind=ACHIEVEMENT, year=2017)}
    assert got == {"54.9％": 2016, "提高到58.8％": 2017}
    # 由 as "by": no change, no earlier year.
    got = extract_from_text("新增投资由中央财政承担30%。", kind=ACHIEVEMENT, year=2017)
    assert [f.year for f in got] == [2017]


@pytest.mark.parametrize(
    ("text", "surface", "indicator"),
    [
        # a plan's name (三年行动) or a schooling system (九年免费义务教育) names no stretch
        ("制定建设国际生态旅游目的地中心城市三年行动工作方案，围绕核心景区，推动河湟文化（国家级）"
         "旅游度假区建设，8个景区、4条旅游精品线路提档升级。", "8个", "景区"),
        ("全面实现城乡九年免费义务教育，惠及1.6亿学生。", "1.6亿", "学生"),
        ("实施三年行动计划，新建学校5所。", "5所", "新建学校"),
        # …while a clause the stretch opens is the stretch's (SC 2011)
        ("基础设施建设明显加快，五年建成铁路新线1.6万公里。", "1.6万公里", "五年建成铁路新线"),
    ],
)  # fmt: skip
def test_names_of_plans_and_systems_are_no_stretch(text: str, surface: str, indicator: str) -> None:
    (f,) = [f for f in extract_from_text(text, kind=ACHIEVEMENT) if f.surface == surface]
    assert f.indicator == indicator


def test_a_stretch_is_not_paired_with_a_years_target_in_the_briefing() -> None:
    """SC 2011 and SC 2018 close a five-year term: the briefing sets last year's results beside
    this year's targets, not the term's totals and averages (5771万 new jobs in 2006–2010)."""
    from reportgen.brief import build_briefing

    for year, pairs in [
        (2011, {("国内生产总值", "10.3%", "8%左右"), ("城镇新增就业", "1168万人", "900万人以上")}),
        (
            2018,
            {("国内生产总值", "6.9％", "6.5％左右"), ("城镇新增就业", "1351万人", "1100万人以上")},
        ),
    ]:
        doc = read_path(corpus_file(f"state-council_{year}_zh.txt"))
        b = build_briefing(doc, facts=extract_facts(doc))
        made = {(c.indicator_zh, c.review.value_zh, c.plan.value_zh) for c in b.comparisons}
        assert pairs <= made, made
        assert not {c.indicator_zh for c in b.comparisons} & {"十一五时期国内生产总值"}


def test_a_lead_in_a_whole_paragraph_of_a_plan_part() -> None:
    """A report written in whole paragraphs: the sentence after the lead lists last year's
    results, the one after that (今年…) is the plan again."""
    md = (
        "# 2011年政府工作报告\n\n## 三、2011年的工作\n\n"
        "过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%，城镇新增就业1168万人。"
        "今年国内生产总值增长8%左右，城镇新增就业900万人以上。\n"
    )
    doc = read_bytes(md.encode(), kind="markdown", source="t.md")
    assert [(f.surface, f.kind, f.year) for f in extract_facts(doc)] == [
        ("10.3%", ACHIEVEMENT, 2010),
        ("1168万人", ACHIEVEMENT, 2010),
        ("8%左右", TARGET, 2011),
        ("900万人以上", TARGET, 2011),
    ]


# --- English ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "en"),
    [
        ("新建高标准农田1.58万亩。", "15,800 mu"),
        ("分配衔接资金2.82亿元。", "282 million yuan"),
        ("调查失业率5%左右。", "about 5%"),
        ("城镇新增就业1200万人以上。", "over 12 million people"),
        ("下降2.5%。", "down 2.5%"),
        ("提高1.3个百分点。", "up 1.3 percentage points"),
        ("转移就业15万人次。", "150,000 person-times"),
        ("粮食产量1.3万亿斤。", "1.3 trillion jin"),
        ("旅游接待人数突破600万人次。", "more than 6 million person-times"),
    ],
)
def test_english(text: str, en: str) -> None:
    assert one(text).en == en


def test_render_en_singular_and_range() -> None:
    assert render_en(1, "条") == "1 route"
    assert render_en(30_000, "亩", low=30_000, high=50_000) == "30,000–50,000 mu"


# --- document level: kinds without headings -----------------------------------------------------


def test_document_without_part_headings_uses_cues(tmp_path: Path) -> None:
    # A newspaper page: no 回顾/安排 headings, review and plan paragraphs mixed.
    p = tmp_path / "page.txt"
    p.write_text(
        "过去一年，湟中区完成国土绿化4.1万亩，打造省级森林乡村2个。\n"
        "农业总产值同比增长4.1%，新建高标准农田1.58万亩。\n"
        "力争完成国土绿化5.2万亩，再创建省级森林乡村3个。\n"
        "推进有害生物防治16.5万亩，加快建设高标准农田2.54万亩。\n",
        encoding="utf-8",
    )
    facts = extract_facts(read_path(p))
    assert [(f.surface, f.kind) for f in facts] == [
        ("4.1万亩", ACHIEVEMENT),
        ("2个", ACHIEVEMENT),
        ("4.1%", ACHIEVEMENT),
        ("1.58万亩", ACHIEVEMENT),
        ("5.2万亩", TARGET),
        ("3个", TARGET),
        ("16.5万亩", TARGET),
        ("2.54万亩", TARGET),
    ]
    assert [f.kind for f in extract_facts(read_path(p), kind=TARGET)] == [TARGET] * 4


# --- robustness ---------------------------------------------------------------------------------

PIECES = [
    *"0123456789.,%－-~至到、和，。；“”（）分别达超近约以上左右以内余多第年月一二两三十百千万亿 ",
    *list(T.UNITS)[:40],
    "增长",
    "下降",
    "个百分点",
    "地区生产总值",
    "１２",
    # forms without a unit word: fractions, ratios, multiples, counted nouns
    "分之",
    "百分之",
    "/",
    ":",
    "：",
    "倍",
    "翻",
    "番",
    "一半",
    "群众",
    "人口",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_any_text_gives_consistent_facts(parts: list[str]) -> None:
    text = "".join(parts)
    for f in extract_from_text(text, paragraph_id="p1", kind=""):
        assert text[f.start : f.end] == f.surface
        assert f.unit and math.isfinite(f.value)
        assert f.kind in (ACHIEVEMENT, TARGET)
        assert f.measure in ("level", "change")
        assert (f.low is None) == (f.high is None)
        assert f.qualifier_meaning in ("", *set(T.PREFIX_QUALIFIERS.values()))
