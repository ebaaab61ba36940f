"""Termbase and pipeline: seed headlines in English, fact vocabulary, honest statuses."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from reportgen.facts import extract_facts
from reportgen.readers import read_path
from reportgen.translate import Englisher, Termbase, TermbaseError, Translation
from reportgen.translate.termbase import SHIPPED, parse_tsv, read_file
from tests.conftest import corpus_file


def seed_headlines(seed: Path) -> list[str]:
    """The seed's headlines: lines where every space-separated part is a doubled string."""
    out = []
    for line in seed.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and all(
            len(p) % 2 == 0 and len(p) >= 4 and p[: len(p) // 2] == p[len(p) // 2 :] for p in parts
        ):
            out.append(" ".join(p[: len(p) // 2] for p in parts))
    return out


@pytest.fixture(scope="module")
def termbase() -> Termbase:
    return Termbase.load()


def test_shipped_termbase_size_keys_and_variants(termbase: Termbase) -> None:
    assert len(termbase) >= 400
    raw = parse_tsv(SHIPPED.read_text(encoding="utf-8"))
    keys = [t.zh for t in raw]
    assert len(keys) == len(set(keys)), "duplicate zh keys in the shipped termbase"
    assert len(raw) == len(termbase)
    for t in raw:
        assert t.en or t.kind == "unit", t
        assert t.en not in t.variants
    # Official English varies across years: one preferred form, the others kept as variants.
    farmland = termbase.get("高标准农田")
    assert farmland is not None
    assert farmland.en == "high-standard cropland"
    assert "high-quality farmland" in farmland.variants
    assert sum(1 for t in raw if t.variants) >= 100


def test_required_vocabulary(termbase: Termbase) -> None:
    expected = {
        "乡村振兴": "rural revitalization",
        "城镇登记失业率": "registered urban unemployment rate",
        "亩": "mu",
        "人次": "person-times",
        "元": "yuan",
        "万元": "10,000 yuan",
        "以上": "over",
        "左右": "about",
    }
    for zh, en in expected.items():
        assert termbase.lookup(zh) == en
    for zh in ("以工代赈", "衔接资金", "新增学位", "国土绿化", "森林覆盖率", "资助贫困家庭学生"):
        assert termbase.lookup(zh), zh
    assert termbase.lookup("个") == ""  # a counter word: known, no English word needed
    assert termbase.lookup("不在库中的词") is None


def test_every_seed_headline_gets_english(seed_path: Path, termbase: Termbase) -> None:
    heads = seed_headlines(seed_path)
    assert len(heads) >= 12
    assert "优化空间布局 促进城乡融合" in heads
    eng = Englisher(termbase=termbase)
    for h in heads:
        tr = eng.heading(h)
        assert tr.text, h
        assert tr.status == "terms" and tr.label == "termbase"
        assert tr.text[0].isupper() and not any("\u4e00" <= ch <= "\u9fff" for ch in tr.text)
    assert (
        eng.heading("优化空间布局 促进城乡融合").text
        == "Optimize spatial layout, promote urban–rural integration"
    )


def test_heading_needs_every_phrase_covered(termbase: Termbase) -> None:
    # 步骤无人知晓 is not report vocabulary: no partial English, only the term hits.
    assert termbase.heading("优化空间布局 步骤无人知晓") is None
    eng = Englisher(termbase=termbase)
    tr = eng.heading("优化空间布局 步骤无人知晓")
    assert tr.text is None and tr.status == "terms" and tr.label == "terms only"
    assert ("优化空间布局", "optimize spatial layout") in tr.terms
    none = eng.heading("无人知晓")
    assert (none.text, none.status, none.label) == (None, "none", "untranslated")
    # List numbers and years are carried over, not translated.
    assert termbase.heading("一、2023年工作回顾") == "1. Review of our work in 2023"
    assert termbase.heading("（二）深化改革创新") == "(2) Deepen reform and innovation"
    # Composition from parts: 深化 + 改革开放; 的 reorders; a time word moves to the end.
    assert termbase.heading("深化改革开放") == "Deepen reform and opening up"
    assert termbase.heading("（一）深入推进供给侧结构性改革。") == (
        "(1) Further advance supply-side structural reform"
    )
    assert termbase.heading("今年经济社会发展的总体要求") == (
        "Overall requirements of economic and social development this year"
    )
    # Subject + predicate, or too many parts: word-by-word English would be garbled, so none.
    assert termbase.heading("城市建设全面加快") is None
    assert termbase.heading("民生社会事业建设取得新进步") is None


def test_fact_indicators_units_and_qualifiers_from_gold(termbase: Path) -> None:
    from tests.conftest import GOLD

    gold = GOLD / "seed_facts.tsv"
    if not gold.exists():
        pytest.skip("shared gold not available")
    eng = Englisher(termbase=termbase)  # type: ignore[arg-type]
    with gold.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert len(rows) >= 80
    for r in rows:
        assert eng.indicator(r["indicator"]), r["indicator"]
        assert eng.unit(r["unit"]) is not None, r["unit"]
        if r["qualifier"]:
            assert eng.unit(r["qualifier"]), r["qualifier"]
    assert eng.indicator("人畜饮水提质增效工程(共和镇)") == (
        "projects to improve drinking water for people and livestock (Gonghe Town)"
    )


def test_results_over_a_stretch_of_years_say_so_in_english(termbase: Termbase) -> None:
    """The facts step names a result over several years for its stretch (SC 2011's review of the
    11th plan, SC 2018's of five years): the English names the indicator and the stretch."""
    doc = read_path(corpus_file("state-council_2011_zh.txt"))
    names = {f.indicator for f in extract_facts(doc)}
    assert "十一五时期城镇新增就业" in names
    assert (
        termbase.indicator("十一五时期城镇新增就业")
        == "new urban jobs (11th Five-Year Plan period)"
    )
    assert termbase.indicator("过去五年城镇新增就业") == "new urban jobs (past five years)"
    assert termbase.indicator("五年单位国内生产总值能耗") == (
        "energy consumption per unit of GDP (over five years)"
    )
    assert termbase.indicator("十一五前四年城镇新增就业") == (
        "new urban jobs (first four years of the 11th Five-Year Plan)"
    )
    assert (
        termbase.indicator("十五时期国内生产总值")
        == "gross domestic product (10th Five-Year Plan period)"
    )
    # A stretch before something the termbase does not know: no English, nothing half-made.
    assert termbase.indicator("过去五年红星美凯龙") is None
    assert [termbase.indicator(f"{s}国内生产总值") for s in ("过去两年", "十年来", "九五期间")] == [
        "gross domestic product (past two years)",
        "gross domestic product (past ten years)",
        "gross domestic product (9th Five-Year Plan period)",
    ]


def test_every_corpus_indicator_goes_through_the_termbase(termbase: Termbase) -> None:
    """English or None for every indicator the facts step names in the corpus: never an error (a
    stretch label with 两 or 十 once raised KeyError and stopped the briefing)."""
    names = {
        f.indicator
        for path in sorted(corpus_file("state-council_2008_zh.txt").parent.glob("*_zh.txt"))
        for f in extract_facts(read_path(path))
    }
    assert len(names) > 1000
    covered = [n for n in names if termbase.indicator(n)]
    assert len(covered) > 0.2 * len(names)  # distinct names; by fact it is about half


def test_paragraph_without_tm_or_mt_stays_chinese(seed_path: Path, termbase: Termbase) -> None:
    text = seed_path.read_text(encoding="utf-8")
    para = (
        "出台务工补贴、以工代赈、易地搬迁后续扶持等增收措施。科学分配衔接资金2.82亿元实施项目52项。"
    )
    assert "以工代赈" in text
    tr = Englisher(termbase=termbase).paragraph(para)
    assert tr.text is None and tr.status == "terms" and tr.label == "terms only"
    zh_terms = [z for z, _ in tr.terms]
    assert {"以工代赈", "务工补贴"} <= set(zh_terms)
    assert any("衔接资金" in z for z in zh_terms)  # longest match: 分配衔接资金
    # Units and glue words are not reported as terms.
    assert "元" not in zh_terms and "和" not in zh_terms
    d = tr.to_dict()
    assert d["status"] == "terms" and ["以工代赈", "work-relief programs"] in d["terms"]
    assert Englisher(termbase=termbase).paragraph("   ") == Translation(
        None, "none", None, "untranslated"
    )


def test_user_termbase_extends_and_overrides(tmp_path: Path) -> None:
    user = tmp_path / "mine.tsv"
    user.write_text(
        "# my terms\nzh\ten\tnote\tvariants\n"
        "高标准农田\thigh-quality farmland\tour house style\thigh-standard cropland\n"
        "拦隆口镇\tLanlongkou Town\tplace\t\n",
        encoding="utf-8",
    )
    tb = Termbase.load(user)
    assert tb.lookup("高标准农田") == "high-quality farmland"
    assert tb.get("高标准农田").variants == ("high-standard cropland",)  # type: ignore[union-attr]
    assert tb.lookup("拦隆口镇") == "Lanlongkou Town"
    assert len(tb) == len(Termbase.load()) + 1


def test_bad_user_termbase_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("只有中文没有英文\n", encoding="utf-8")
    with pytest.raises(TermbaseError, match=r"bad.tsv:1: need at least zh<TAB>en"):
        Termbase.load(bad)
    kind = tmp_path / "kind.tsv"
    kind.write_text("乡村\tvillage\t\tverb\n", encoding="utf-8")
    with pytest.raises(TermbaseError, match="unknown kind"):
        Termbase.load(kind)
    with pytest.raises(TermbaseError, match="no such termbase file"):
        Termbase.load(tmp_path / "missing.tsv")


def test_yaml_termbase(tmp_path: Path) -> None:
    y = tmp_path / "terms.yaml"
    y.write_text("拦隆口镇: Lanlongkou Town\n", encoding="utf-8")
    try:
        import yaml  # noqa: F401
    except ImportError:
        with pytest.raises(TermbaseError, match="PyYAML"):
            Termbase.load(y)
    else:
        assert Termbase.load(y).lookup("拦隆口镇") == "Lanlongkou Town"


def test_user_termbase_in_the_encodings_spreadsheets_save(tmp_path: Path) -> None:
    """A termbase kept in Excel comes out as GB18030 ("Unicode text" is UTF-16): same entries."""
    text = (
        "zh\ten\tnote\n高标准农田\thigh-quality farmland\tour house style\n"
        "拦隆口镇\tLanlongkou Town\tplace\n"
    )
    expected = parse_tsv(text, source="mine.tsv")
    for encoding in ("utf-8", "utf-8-sig", "gb18030", "utf-16"):
        user = tmp_path / f"mine-{encoding}.tsv"
        user.write_bytes(text.replace("\n", "\r\n").encode(encoding))
        assert read_file(user) == expected, encoding
        assert Termbase.load(user).lookup("拦隆口镇") == "Lanlongkou Town"
    binary = tmp_path / "terms.tsv"
    binary.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(TermbaseError, match=r"terms.tsv: not a text file"):
        Termbase.load(binary)
    empty = tmp_path / "empty.tsv"
    empty.write_bytes(b"")
    assert len(Termbase.load(empty)) == len(Termbase.load())  # an empty file adds nothing
    with pytest.raises(TermbaseError, match="no such termbase file"):
        Termbase.load(tmp_path)  # a folder is not a termbase file
