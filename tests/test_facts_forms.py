"""Facts step, numbers written without a unit word: 百分之X, fractions, ratios, 倍/翻番 and counts
whose noun is the unit, on real sentences of the shared corpus (each cited by its file), with
sentences of the same reports that must give no such fact.

The corpus has no 百分之X or 千分之X (the reports write 5% and ‰); those forms are tested on a whole
real report with its percentages written out in words, which must give the same facts.
"""

from __future__ import annotations

import math
import re

import pytest

from reportgen.facts import Fact, extract_facts, extract_from_text
from reportgen.facts.english import fraction_en, render_en
from reportgen.readers import read_path
from tests.conftest import corpus_file

THIRD = 100 / 3

# (corpus file, sentence as the file has it); every sentence below is taken from its file.
SC = "state-council_{}_zh.txt".format
HAILAR = "hailar-district_{}_zh.txt".format


def facts(text: str) -> list[tuple[str, float, str, str, str]]:
    """(surface, value, unit, measure, en) of the facts of ``text``."""
    return [(f.surface, f.value, f.unit, f.measure, f.en) for f in extract_from_text(text, kind="")]


def only(text: str, surface: str) -> Fact:
    """The one fact of ``text`` with ``surface``."""
    found = [f for f in extract_from_text(text, kind="") if f.surface == surface]
    assert len(found) == 1, [(f.surface, f.value, f.unit) for f in extract_from_text(text)]
    return found[0]


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9)


# --- fractions ----------------------------------------------------------------------------------

FRACTIONS = [
    # file, sentence, surface, value (% of the whole, signed), qualifier, en
    (
        SC(2014),
        "提高一般性转移支付比例，专项转移支付项目要减少三分之一，今后还要进一步减少。",
        "三分之一",
        -THIRD,
        "",
        "down one third",
    ),
    (
        SC(2015),
        "专项转移支付项目比上年减少1/3以上，一般性转移支付比重增加，",
        "1/3以上",
        -THIRD,
        "以上",
        "down over one third",
    ),
    (
        SC(2018),
        "高速铁路运营里程从9000多公里增加到2万5千公里、占世界三分之二，",
        "三分之二",
        200 / 3,
        "",
        "two thirds",
    ),
    (
        SC(2018),
        "外商投资由审批制转向负面清单管理，限制性措施削减三分之二。",
        "三分之二",
        -200 / 3,
        "",
        "down two thirds",
    ),
    (
        SC(2018),
        "全面改革工商登记、注册资本等商事制度，企业开办时间缩短三分之一以上。",
        "三分之一以上",
        -THIRD,
        "以上",
        "down over one third",
    ),
    (
        SC(2019),
        "出台稳外贸政策，货物通关时间压缩一半以上。",
        "一半以上",
        -50,
        "以上",
        "down over one half",
    ),
    (
        SC(2018),
        "单位国内生产总值能耗、水耗均下降20％以上，主要污染物排放量持续下降，重点城市重污染天数减少"
        "一半，森林面积增加1.63亿亩，沙化土地面积年均缩减近2000平方公里，绿色发展呈现可喜局面。",
        "一半",
        -50,
        "",
        "down one half",
    ),
]


@pytest.mark.parametrize(("name", "text", "surface", "value", "qualifier", "en"), FRACTIONS)
def test_fractions_are_shares_in_percent(
    name: str, text: str, surface: str, value: float, qualifier: str, en: str
) -> None:
    f = only(text, surface)
    assert f.unit == "%" and close(f.value, value)
    assert (f.qualifier, f.en) == (qualifier, en)
    assert f.measure == ("change" if value < 0 else "level")
    assert text[f.start : f.end].endswith(surface)


def test_fraction_indicators() -> None:
    text = FRACTIONS[4][1]
    assert only(text, "三分之一以上").indicator == "企业开办时间"
    text = FRACTIONS[0][1]
    assert only(text, "三分之一").indicator == "专项转移支付项目"


@pytest.mark.parametrize(
    ("num", "den", "en"),
    [(1, 3, "one third"), (2, 3, "two thirds"), (3, 4, "three quarters"), (1, 2, "one half"),
     (1, 10, "one tenth"), (3, 10_000, "3/10,000"), (11, 12, "11/12")],
)  # fmt: skip
def test_fraction_english(num: float, den: float, en: str) -> None:
    assert fraction_en(num, den) == en


def test_fraction_forms_beyond_the_corpus() -> None:
    # The same sentence shape as SC 2018's 占世界三分之二 with the other common denominators.
    assert facts("占世界四分之三，") == [("四分之三", 75.0, "%", "level", "three quarters")]
    assert facts("压减五分之一。") == [("五分之一", -20.0, "%", "change", "down one fifth")]
    # 万分之三: a rate; kept exact as a share, written n/d in English.
    f = only("发生率控制在万分之三以内。", "控制在万分之三以内")
    assert close(f.value, 0.03) and f.en == "no more than 3/10,000"


# --- 百分之X and 千分之X ----------------------------------------------------------------------------

PERCENT_RE = re.compile(r"(\d+(?:\.\d+)?)[%％]")


@pytest.mark.parametrize("year", [2012, 2013, 2014, 2015])
def test_percent_in_words_gives_the_same_facts(year: int) -> None:
    # A Hailar report with every "9.1%" written "百分之九点一", as spoken-style texts write it
    # (cn2an, a development dependency, writes the words).
    an2cn = pytest.importorskip("cn2an").an2cn

    def _written_out(m: re.Match[str]) -> str:
        return "百分之" + an2cn(m.group(1))

    doc = read_path(corpus_file(HAILAR(year)))
    spelled = 0
    for p in doc.paragraphs():
        words, k = PERCENT_RE.subn(_written_out, p.text)
        if not k:
            continue
        spelled += k
        a = extract_from_text(p.text, kind="")
        b = extract_from_text(words, kind="")
        assert [(f.value, f.unit, f.qualifier, f.measure, f.kind, f.en) for f in a] == [
            (f.value, f.unit, f.qualifier, f.measure, f.kind, f.en) for f in b
        ], p.text[:60]
        assert [f.surface for f in b if f.unit == "%"] == [
            PERCENT_RE.sub(_written_out, f.surface) for f in a if f.unit == "%"
        ]
    assert spelled >= 15  # every report has 15–25 percentages


@pytest.mark.parametrize(
    ("text", "value", "unit", "en"),
    [
        ("地区生产总值增长百分之三十五点五。", 35.5, "%", "up 35.5%"),
        ("城镇登记失业率控制在百分之四以内。", 4, "%", "no more than 4%"),
        ("行政村通硬化路率达到百分之百。", 100, "%", "100%"),
        ("人口自然增长率控制在千分之七以内。", 7, "‰", "no more than 7‰"),
        ("人口自然增长率控制在7‰以内。", 7, "‰", "no more than 7‰"),
    ],
)
def test_percent_and_permille_in_words(text: str, value: float, unit: str, en: str) -> None:
    [(surface, v, u, _, e)] = facts(text)
    assert (v, u, e) == (value, unit, en)


# --- ratios -------------------------------------------------------------------------------------


def test_ratio_is_one_fact_with_its_terms_in_english() -> None:
    text = "三次产业结构演进为3.6 : 48 : 48.4。"  # Hailar 2012
    [f] = extract_from_text(text, kind="")
    assert (f.surface, f.value, f.unit, f.measure) == ("3.6 : 48 : 48.4", 3.6, "比", "level")
    assert f.en == "3.6:48:48.4"
    assert f.indicator == "三次产业结构"


def test_ratio_in_a_whole_report() -> None:
    found = [f for f in extract_facts(read_path(corpus_file(HAILAR(2012)))) if f.unit == "比"]
    assert [(f.surface, f.en) for f in found] == [("3.6 : 48 : 48.4", "3.6:48:48.4")]


def test_the_corpus_has_one_ratio() -> None:
    # Every report of the corpus: the one ratio is Hailar 2012's; no clock time, score or other
    # colon pair became one.
    found = []
    for name in [HAILAR(y) for y in range(2012, 2016)] + [
        SC(y) for y in (*range(2008, 2020), 2022, 2024)
    ]:
        found += [
            (name, f.surface) for f in extract_facts(read_path(corpus_file(name))) if f.unit == "比"
        ]
    assert found == [(HAILAR(2012), "3.6 : 48 : 48.4")]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "ratio"),
    [
        # Not from the corpus (its one ratio has three terms): two terms need a ratio word before
        # them in their clause; three make a structure unless they are a time of day.
        ("城乡居民收入比缩小到2.5:1。", "2.5:1"),
        ("出生人口性别比例为105:100。", "105:100"),
        ("三次产业比重调整为8.5:45.5:46。", "8.5:45.5:46"),
        ("大会于上午8:30开幕。", None),  # a time
        ("比赛于19:30开始。", None),  # 比 of 比赛 is no ratio word
        ("代表队以3:1获胜。", None),  # a score
        ("比分为2:1。", None),
        ("会议于9:30:00准时开始。", None),  # a time with seconds
        ("完成1:2000比例尺地形图测绘。", None),  # a map scale
        ("比例尺1:500。", None),
        ("中小学师生比达到1:15。", "1:15"),
        ("每天8:00比上年提前开放。", None),  # 比 that compares comes after it
    ],
)
def test_ratio_needs_a_ratio_word_or_three_terms(text: str, ratio: str | None) -> None:
    found = [f.en for f in extract_from_text(text, kind="") if f.unit == "比"]
    assert found == ([ratio] if ratio else [])


# --- 倍 and 翻番 ----------------------------------------------------------------------------------

MULTIPLES = [
    # file, sentence, surface, value, measure, en, the official English of the same line
    (SC(2008), "全国财政收入达到5.13万亿元，增长1.71倍；", "1.71倍", 1.71, "change",
     "up 171% (to 2.71 times)", "a 171% increase"),
    (SC(2008), "2007年城镇职工基本医疗保险参保人数达到1.8亿人，比2002年增加近1倍；", "近1倍", 1,
     "change", "up nearly 100% (nearly doubled)", "nearly twice the number"),
    (SC(2009), "其中粮食直补、农资综合补贴、良种补贴、农机具购置补贴资金达1030亿元，比上年增长一倍。",
     "一倍", 1, "change", "up 100% (doubled)", "twice the figure for the previous year"),
    (SC(2010), "中央财政安排保障性安居工程补助资金551亿元，比上年增长2倍。", "2倍", 2, "change",
     "up 200% (tripled)", "a two-fold increase"),
    (SC(2018), "国内有效发明专利拥有量增加两倍，技术交易额翻了一番。", "两倍", 2, "change",
     "up 200% (tripled)", "has tripled"),
    (SC(2018), "国内有效发明专利拥有量增加两倍，技术交易额翻了一番。", "翻了一番", 2, "level",
     "doubled", "has doubled"),
    (SC(2016), "实现全面建成小康社会目标，到2020年国内生产总值和城乡居民人均收入比2010年翻一番，"
     "“十三五”时期经济年均增长保持在6.5%以上。", "翻一番", 2, "level", "doubled", "double the 2010"),
    (SC(2012), "中央财政安排资金1713亿元，是2010年的2.2倍，", "2.2倍", 2.2, "level",
     "2.2 times", "an increase of 120% over 2010"),
    (SC(2018), "外商投资结构优化，高技术产业占比提高一倍。", "一倍", 1, "change",
     "up 100% (doubled)", "doubling"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "text", "surface", "value", "measure", "en", "official"), MULTIPLES
)
def test_multiples(
    name: str, text: str, surface: str, value: float, measure: str, en: str, official: str
) -> None:
    f = only(text, surface)
    assert (f.value, f.unit, f.measure, f.en) == (value, "倍", measure, en)


@pytest.mark.parametrize(
    ("name", "text", "surface", "value", "measure", "en", "official"), MULTIPLES
)
def test_multiples_read_like_the_official_english(
    name: str, text: str, surface: str, value: float, measure: str, en: str, official: str
) -> None:
    # The _zh and _en files are aligned line by line: the official English of the sentence says
    # what our rendering says (a 171% increase: up 171%; has tripled: tripled; …).
    assert official in _official_line(name, text)


def test_multiple_indicators() -> None:
    assert only(MULTIPLES[7][1], "2.2倍").indicator == "中央财政安排资金"  # not 是2010年
    assert only(MULTIPLES[8][1], "一倍").indicator == "高技术产业占比"  # 占比 keeps its 比
    assert only(MULTIPLES[5][1], "翻了一番").indicator == "技术交易额"


def test_a_doubling_still_to_come_reads_to_double() -> None:
    assert render_en(2, "倍", category="doubling", kind="target") == "to double"
    assert render_en(4, "倍", category="doubling", kind="target") == "to quadruple"
    assert render_en(2, "倍", category="doubling", kind="target", meaning="at_least") == (
        "to more than double"
    )
    assert render_en(2, "倍", category="doubling", kind="achievement") == "doubled"
    # In its report the sentence stands in the 2016 plan part: a target, as the official "double".
    from reportgen.facts import extract_facts
    from reportgen.readers import read_path

    doc = read_path(corpus_file("state-council_2016_zh.txt"))
    (f,) = [f for f in extract_facts(doc) if f.surface == "翻一番"]
    assert (f.kind, f.en) == ("target", "to double")


def test_multiples_in_english() -> None:
    # 增长1.5倍 is a rise by 150%, to 2.5 times the base; 翻两番 is four times.
    assert render_en(1.5, "倍", measure="change") == "up 150% (to 2.5 times)"
    assert render_en(1.5, "倍", measure="change", meaning="at_least") == (
        "up over 150% (to more than 2.5 times)"
    )
    assert render_en(4, "倍", category="doubling") == "quadrupled"
    assert render_en(2, "倍", category="doubling", meaning="at_least") == "more than doubled"
    assert render_en(8, "倍", category="doubling") == "8 times"  # 翻三番
    # A level of one time (是上年的1倍) is "1 time", never "1 times".
    assert render_en(1, "倍") == "1 time"
    assert render_en(0.5, "倍") == "0.5 times"
    assert facts("到2020年实现人均收入翻两番。")[0][1:] == (4, "倍", "level", "quadrupled")


# --- counts whose noun is the unit --------------------------------------------------------------

COUNTS = [
    # file, sentence, surface, value, unit, measure, indicator
    (SC(2017), "提高低保、优抚、退休人员基本养老金等标准，为1700多万困难和重度残疾人发放生活或护理补贴。",
     "1700多万", 17_000_000, "人", "level", "困难和重度残疾人"),
    (SC(2012), "降低900多万个体工商户税负。", "900多万", 9_000_000, "户", "level", "个体工商户"),
    (SC(2017), "农村贫困人口减少1240万，易地扶贫搬迁人口超过240万。", "1240万", -12_400_000, "人",
     "change", "农村贫困人口"),
    (SC(2017), "农村贫困人口减少1240万，易地扶贫搬迁人口超过240万。", "超过240万", 2_400_000, "人",
     "level", "易地扶贫搬迁人口"),
    (SC(2014), "今后一个时期，着重解决好现有“三个1亿人”问题，促进约1亿农业转移人口落户城镇，"
     "改造约1亿人居住的城镇棚户区和城中村，引导约1亿人在中西部地区就近城镇化。", "约1亿", 1e8, "人",
     "level", "农业转移人口"),
    (HAILAR(2012), "投资近15亿元实施了保障性安居工程和城市棚户区改造工程，3万多居民群众直接受益，"
     "城市困难群体的居住环境和生活质量得到明显改善。", "3万多", 30_000, "人", "level", "居民群众"),
    (SC(2024), "提高“一老一小”个人所得税专项附加扣除标准，6600多万纳税人受益。", "6600多万",
     66_000_000, "人", "level", "纳税人"),
    # a measure word before such a noun (个家庭, 户…家庭): the noun is what is counted and names it
    (SC(2014), "农村免费孕前检查使600万个家庭受益。", "600万个", 6_000_000, "户", "level", "家庭"),
    (SC(2011), "大力实施保障性住房建设和棚户区改造，使1100万户困难家庭住上了新房。", "1100万户",
     11_000_000, "户", "level", "困难家庭"),
    (HAILAR(2014), "使8000户居民家庭的供热质量得到显著改善。", "8000户", 8000, "户", "level",
     "居民家庭"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "text", "surface", "value", "unit", "measure", "indicator"), COUNTS
)
def test_counts_whose_noun_is_the_unit(
    name: str, text: str, surface: str, value: float, unit: str, measure: str, indicator: str
) -> None:
    f = [f for f in extract_from_text(text, kind="") if f.surface.endswith(surface)]
    assert len(f) == 1
    assert (f[0].value, f[0].unit, f[0].measure, f[0].indicator) == (
        value,
        unit,
        measure,
        indicator,
    )


# A count of people written with 人 and followed by what the people do (SC 2014's “三个1亿人”, SC
# 2016 and 2017): 人 is the unit whatever verb follows (居住, though 人居 starts 人居环境), and the
# name is what they do or where they live, not the verb that brings them in (引导, 又有).
PEOPLE_BEFORE_A_VERB = [
    (SC(2014), COUNTS[4][1], [
        ("约1亿", 1e8, "农业转移人口"),
        ("约1亿人", 1e8, "改造城镇棚户区和城中村"),
        ("约1亿人", 1e8, "在中西部地区就近城镇化"),
    ]),
    (SC(2016), "要深入推进以人为核心的新型城镇化，实现1亿左右农业转移人口和其他常住人口在城镇落户，"
     "完成约1亿人居住的棚户区和城中村改造，引导约1亿人在中西部地区就近城镇化。", [
        ("1亿左右", 1e8, "农业转移人口"),
        ("约1亿人", 1e8, "棚户区和城中村改造"),
        ("约1亿人", 1e8, "在中西部地区就近城镇化"),
    ]),
    (SC(2017), "加快推进新型城镇化，深化户籍制度改革，全面推行居住证制度，又有1600万人进城落户。",
     [("1600万人", 16_000_000, "进城落户")]),
    (SC(2018), "建立困难和重度残疾人“两项补贴”制度，惠及2100多万人。",
     [("2100多万人", 21_000_000, "惠及")]),
    # a measure word, then the people and what happens to them: the people name the count
    (HAILAR(2014), "有效应对洪涝灾害，全力开展救灾工作，2411名受灾群众的基本生活得到保障。",
     [("2411名", 2411, "受灾群众")]),
    (HAILAR(2012), "企业退休人员养老金标准继续提高，年人均提高2556元，1.6万名离退休人员受益；",
     [("1.6万名", 16_000, "离退休人员")]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text", "expected"), PEOPLE_BEFORE_A_VERB)
def test_people_before_what_they_do(
    name: str, text: str, expected: list[tuple[str, float, str]]
) -> None:
    found = [f for f in extract_from_text(text, kind="") if f.unit == "人"]
    assert [(f.surface, f.value, f.indicator) for f in found] == expected


def test_count_lists_share_the_people() -> None:
    text = (  # SC 2009
        "各项社会保险覆盖面继续扩大，城镇职工基本养老保险、基本医疗保险参保人数分别增加1753万和"
        "2028万，失业、工伤、生育保险参保人数继续增加。"
    )
    assert [(f.value, f.unit, f.measure) for f in extract_from_text(text, kind="")] == [
        (17_530_000, "人", "change"),
        (20_280_000, "人", "change"),
    ]


def test_counts_with_a_measure_word_keep_it() -> None:
    # 个/名/户 after the number stay the unit (what tables.UNITS did before the counted nouns).
    assert facts("新建各类站点100多个。")[0][1:3] == (100, "个")
    # Not from the corpus: 个 before a noun that goes on into another word, or before a noun
    # of people or households only further on, counts that other thing.
    for text in ("培育300个家庭农场。", "新建5个农民专业合作社。", "在88个城市开展居民医保试点。"):
        assert facts(text)[0][2] == "个", text
    assert facts("使1.5亿学生和780万名家庭经济困难寄宿生受益。") == [  # SC 2008 (part)
        ("1.5亿", 150_000_000, "人", "level", "150 million people"),
        ("780万名", 7_800_000, "人", "level", "7.8 million people"),
    ]


# --- numbers with several scale words (2万5千) --------------------------------------------------

MIXED = [
    # file, sentence, surface, value, unit, qualifier, en, the official English of the same line
    (SC(2018), "高速铁路运营里程从9000多公里增加到2万5千公里、占世界三分之二，", "增加到2万5千公里",
     25_000, "公里", "增加到", "25,000 km", "25,000 kilometers"),
    (SC(2018), "大众创业、万众创新蓬勃发展，日均新设企业由5千多户增加到1万6千多户。",
     "增加到1万6千多户", 16_000, "户", "多", "more than 16,000 businesses", "more than 16,000"),
    (SC(2018), "出境旅游人次由8300万增加到1亿3千多万。", "增加到1亿3千多万", 130_000_000, "人次",
     "多", "more than 130 million person-times", "over 130 million"),
    (SC(2018), "出境旅游人次由8300万增加到1亿3千多万。", "8300万", 83_000_000, "人次", "",
     "83 million person-times", "from 83 million"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "text", "surface", "value", "unit", "qualifier", "en", "official"), MIXED
)
def test_numbers_with_several_scale_words(
    name: str, text: str, surface: str, value: float, unit: str, qualifier: str, en: str,
    official: str,
) -> None:  # fmt: skip
    f = only(text, surface)
    assert (f.value, f.unit, f.qualifier, f.measure, f.en) == (value, unit, qualifier, "level", en)
    assert official in _official_line(name, text)
    # the tail of the number is no fact of its own (5千公里, 6千多户 before)
    assert [g for g in extract_from_text(text, kind="") if f.start < g.start < f.end] == []


def test_numbers_with_several_scale_words_in_chinese_numerals() -> None:
    # SC 2018's sentence with its numbers in Chinese numerals: the same facts.
    text = MIXED[2][1]
    words = text.replace("8300万", "八千三百万").replace("1亿3千多万", "一亿三千多万")
    assert [(f.value, f.unit, f.qualifier) for f in extract_from_text(words, kind="")] == [
        (f.value, f.unit, f.qualifier) for f in extract_from_text(text, kind="")
    ]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # Not from the corpus (it has no such number): 3万200 is no written number (30,200 is
        # written 3万0200), so neither 200元 nor 3万 is a fact.
        ("发放补贴3万200元。", []),
        ("发放补贴1亿2000万元。", [120_000_000]),
        ("完成投资2亿、3000万元。", [200_000_000, 30_000_000]),  # a list, not 2亿3000万
    ],
)
def test_several_scale_words_look_alikes(text: str, kept: list[float]) -> None:
    assert [f[1] for f in facts(text)] == kept


# --- tenths (三成) and bare 翻番 -------------------------------------------------------------------

TENS_RE = re.compile(r"(?<![\d.])([1-9])0[%％]")
CN_ONE_TO_NINE = "一二三四五六七八九"


def _tenths(m: re.Match[str]) -> str:
    return CN_ONE_TO_NINE[int(m.group(1)) - 1] + "成"


def _facts_of(text: str) -> list[tuple[object, ...]]:
    return [(f.value, f.unit, f.qualifier, f.measure, f.kind, f.en, f.indicator)
            for f in extract_from_text(text, kind="")]  # fmt: skip


@pytest.mark.parametrize("year", [*range(2008, 2020), 2022, 2024])
def test_tenths_give_the_same_facts_as_percentages(year: int) -> None:
    # The corpus writes shares as 30% (never 三成, 近三成): a State Council report with every whole
    # tens percentage written in tenths (下降30％以上 -> 下降三成以上, 增长近70% -> 增长近七成, and
    # SC 2010's 在60％政府举办的基层医疗卫生机构 -> 在六成政府举办的…, a share before its noun)
    # must give the same facts.
    doc = read_path(corpus_file(SC(year)))
    rewritten = 0
    for p in doc.paragraphs():
        words, k = TENS_RE.subn(_tenths, p.text)
        if k:
            rewritten += k
            assert _facts_of(words) == _facts_of(p.text), p.text[:60]
    assert rewritten >= 1


# X0%的 + noun: a share of a whole, which in tenths is written before its noun without 的
# (80%的社区 -> 八成社区, 50%以上的城市 -> 五成以上城市). 10% is left out: 一成 before a noun is read
# only after a qualifier (统一成立, 唯一成果 hold 一成 too).
SHARE_OF_RE = re.compile(r"(?<![\d.])([2-9])0[%％](以上|左右)?的")


def _tenths_before_noun(m: re.Match[str]) -> str:
    return CN_ONE_TO_NINE[int(m.group(1)) - 1] + "成" + (m.group(2) or "")


def test_a_share_in_tenths_before_its_noun() -> None:
    # Every such share in the corpus (SC 2009-2019, Hailar), written in tenths before its noun.
    rewritten = 0
    for name in [HAILAR(y) for y in range(2012, 2016)] + [
        SC(y) for y in (*range(2008, 2020), 2022, 2024)
    ]:
        for p in read_path(corpus_file(name)).paragraphs():
            words, k = SHARE_OF_RE.subn(_tenths_before_noun, p.text)
            if k:
                rewritten += k
                assert _facts_of(words) == _facts_of(p.text), p.text[:60]
    assert rewritten >= 8


@pytest.mark.parametrize(
    ("text", "surface", "value", "qualifier", "measure", "en"),
    [
        # SC 2019 (增长近70%) and SC 2018 (下降30％以上) in tenths
        ("新设外资企业增长近七成。", "近七成", 70, "近", "change", "up nearly 70%"),
        (
            "细颗粒物（PM2.5）平均浓度下降三成以上。",
            "三成以上",
            -30,
            "以上",
            "change",
            "down over 30%",
        ),
        ("小微企业贷款占比达到两成多。", "达到两成多", 20, "多", "level", "more than 20%"),
        # Not from the corpus: tenths and a digit (九成五 is 95 %), and a qualifier before the
        # share that reads it even where 成 could start a word (成员)
        ("农村自来水普及率达到九成五以上。", "达到九成五以上", 95, "以上", "level", "over 95%"),
        ("近三成员工参加了技能培训。", "近三成", 30, "近", "level", "nearly 30%"),
    ],
)
def test_tenths(
    text: str, surface: str, value: float, qualifier: str, measure: str, en: str
) -> None:
    f = only(text, surface)
    assert (f.value, f.unit, f.qualifier, f.measure, f.en) == (value, "%", qualifier, measure, en)


@pytest.mark.parametrize(
    "text",
    [
        (SC(2008), "旅游人数成倍增长。")[1],  # 成 after no numeral
        # Not from the corpus (no numeral stands before 成 in it): an idiom, a vague 七八成, verbs
        "坚持一成不变的做法。",
        "七八成的企业已复工。",
        "统一成立工作专班。",
        "三成员国共同发起。",
        "唯一成果就是这个。",  # 一 ends 唯一, 统一, 合一 before a 成-word
        "多规合一成果丰硕。",
    ],
)
def test_tenths_look_alikes(text: str) -> None:
    assert facts(text) == []


@pytest.mark.parametrize(
    ("name", "text", "official"),
    [
        (SC(2016), MULTIPLES[6][1], "double the 2010"),
        (SC(2018), MULTIPLES[5][1], "has doubled"),
    ],
)
def test_bare_fanfan_is_a_doubling(name: str, text: str, official: str) -> None:
    # The corpus writes 翻一番 / 翻了一番; reports also write 翻番 alone for the same doubling.
    bare = text.replace("翻了一番", "翻番").replace("翻一番", "翻番")
    f = only(bare, "翻番")
    g = [x for x in extract_from_text(text, kind="") if "翻" in x.surface][0]
    assert (f.value, f.unit, f.measure, f.en, f.indicator) == (2, "倍", "level", g.en, g.indicator)
    assert f.en == ("to double" if f.kind == "target" else "doubled")
    assert official in _official_line(name, text)


def _official_line(name: str, text: str) -> str:
    """The official English of ``text``: the line of the aligned _en file with its number."""
    zh = corpus_file(name).read_text(encoding="utf-8").splitlines()
    en = corpus_file(name.replace("_zh", "_en")).read_text(encoding="utf-8").splitlines()
    return en[next(i for i, z in enumerate(zh) if text[:20] in z)]


# --- what must stay no fact ---------------------------------------------------------------------

NON_FACTS = [
    (SC(2016), "超过一半人口居住在城镇。"),  # a part, not a measured change
    (SC(2024), "可再生能源发电装机规模历史性超过火电，全年新增装机超过全球一半。"),
    (SC(2008), "旅游人数成倍增长。"),
    (SC(2008), "我们要用百倍的努力，把这项关系民生之本的大事做好。"),
    (SC(2015), "森林草原、江河湿地是大自然赐予人类的绿色财富，必须倍加珍惜。"),
    (SC(2008), "四要把握好政府调价的时机和力度，必须调整的资源性产品价格和公共服务收费也要从严控制，"
     "防止出现轮番涨价。"),
    (SC(2024), "实现今年预期目标并非易事，需要政策聚焦发力、工作加倍努力、各方面齐心协力。"),
    (SC(2010), "教育寄托着亿万家庭对美好生活的期盼，关系着民族素质和国家未来。"),
    (SC(2024), "加强城镇老旧小区改造和保障性住房供给，惠及上千万家庭。"),
    (SC(2015), "要坚持以人为核心，以解决三个1亿人问题为着力点，发挥好城镇化对现代化的支撑作用。"),
    (HAILAR(2013), "做强三产。"),
    # 九届十三次全委会: the session of a term is an ordinal, as are 三届六次 and 十四届八次
    (HAILAR(2015), "今年政府工作的总体要求是：全面贯彻党的十八届三中、四中全会和中央经济工作会议、自治区"
     "党委九届十三次全委会暨经济工作会议、市委三届六次全委会暨经济工作会议精神，深入落实“8337”发展"
     "思路和“美丽发展、科学崛起、共享繁荣”总体要求，按照区委十四届八次全委会的安排部署，坚持稳中求进"
     "工作总基调，准确把握和主动适应经济发展新常态，以承办科学发展现场观摩会为契机，狠抓投资、融资和"
     "项目建设，积极调整产业结构，加大城市建设力度，加强生态文明建设，深化改革开放，更加注重改善民生，"
     "大力发展社会事业，加强社会管理创新，全力打造“两个中心”，推动全区经济社会持续发展、转型发展、"
     "协调发展、和谐发展。"),
    (HAILAR(2012), "（四）以园区建设和“菜篮子”工程为引领，做精第一产业，确保现代农牧业实现新进展。"),
    (HAILAR(2014), "--2014年2月19日在海拉尔区第十四届人民代表大会第三次会议上"),
    (SC(2018), "今年是全面贯彻党的十九大精神的开局之年，是改革开放40周年，是决胜全面建成小康社会、"
     "实施“十三五”规划承上启下的关键一年。"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text"), NON_FACTS)
def test_non_facts(name: str, text: str) -> None:
    assert facts(text) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # SC 2014: the quoted slogan “三个1亿人” is no count; the three 约1亿 are.
        (COUNTS[4][1], ["约1亿", "约1亿人", "约1亿人"]),
        # SC 2018: 一半 that is no change is a part (一半用于大病保险), not a fact.
        ("居民基本医保人均财政补助标准再增加40元，一半用于大病保险。", ["40元"]),
        # Hailar 2012: the quoted “做精一产” is a slogan, 27个 and 1.75亿元 are facts.
        ("按照“做精一产”的发展思路，全年共实施现代化农牧业项目27个，完成投资1.75亿元。",
         ["27个", "1.75亿元"]),
    ],
)  # fmt: skip
def test_slogans_beside_facts(text: str, kept: list[str]) -> None:
    assert [f[0] for f in facts(text)] == kept


@pytest.mark.parametrize(
    "text",
    [
        "孕产妇死亡率降到22/10万。",  # a rate per 100,000, not 22/10
        "截至2015/12/31。",  # a date
        "启用G1:2线路。",  # a code
        "培养5000万人民币规模的基金。",  # 人民 in 人民币 counts no people
        "发展3万家庭农场。",  # nor 家庭 in 家庭农场
    ],
)
def test_look_alikes_are_no_facts(text: str) -> None:
    # Not from the corpus (it has none of these): shapes the new patterns must not take.
    assert [f for f in facts(text) if f[2] in ("%", "比", "人", "户")] == []


# --- the cited sentences are the corpus's -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [(r[0], r[1]) for r in FRACTIONS + MULTIPLES + COUNTS + PEOPLE_BEFORE_A_VERB] + NON_FACTS,
)
def test_cited_sentence_is_in_its_file(name: str, text: str) -> None:
    body = re.sub(r"\s+", "", corpus_file(name).read_text(encoding="utf-8"))
    assert re.sub(r"\s+", "", text) in body
