"""Briefing: the model (key figures, review vs plan, English), HTML and DOCX read back, the CLI."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.brief import (
    KEY_FIGURES_MAX,
    SUMMARY_FIGURES,
    SUMMARY_REPAIR_EXAMPLES,
    TOP_PER_SECTION,
    Bilingual,
    Briefing,
    Figure,
    FigureGroup,
    build_briefing,
    cap_key_figures,
    fact_weight,
    lead_excerpt,
    lead_paragraph,
    match_indicators,
)
from reportgen.cli import cli
from reportgen.facts import Fact, extract_facts
from reportgen.model import Paragraph
from reportgen.readers import read_path
from reportgen.translate import build_englisher
from tests.conftest import SEED, corpus_file, make_fact

CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(scope="module")
def seed_doc():
    return read_path(SEED)


@pytest.fixture(scope="module")
def seed_briefing(seed_doc) -> Briefing:
    """The seed with the shipped termbase and no TM and no MT (what `make brief` does)."""
    englisher = build_englisher(tm_path=None, translator="none")
    assert englisher.tm is None  # conftest._no_user_tm
    return build_briefing(
        seed_doc, facts=extract_facts(seed_doc), englisher=englisher, generated="2024-03-01"
    )


@pytest.fixture(scope="module")
def seed_full_briefing(seed_doc) -> Briefing:
    """As ``seed_briefing`` with ``--full``: every figure and paragraph."""
    englisher = build_englisher(tm_path=None, translator="none")
    facts = extract_facts(seed_doc)
    return build_briefing(seed_doc, facts=facts, englisher=englisher, full=True)


def _fact(indicator: str, value: float, unit: str, kind: str, **kw) -> Fact:
    return make_fact(indicator, value, unit, kind, **kw)


# --- the model -------------------------------------------------------------------------------


def test_match_indicators_needs_same_unit_and_similar_name():
    review = [
        _fact("新建高标准农田", 15800, "亩", "achievement"),
        _fact("新增学位", 3630, "个", "achievement"),
        _fact("投资", 2.3e8, "元", "achievement"),
        _fact("国土绿化", 41000, "亩", "achievement"),
    ]
    plan = [
        _fact("再建设高标准农田", 25400, "亩", "target"),
        _fact("学位", 3760, "个", "target"),
        _fact("投资", 1.9e8, "元", "target"),  # generic: two different investments
        _fact("国土绿化", 52000, "户", "target"),  # same name, other unit
    ]
    pairs = [(r.indicator, p.indicator) for r, p, _ in match_indicators(review, plan)]
    assert pairs == [("新建高标准农田", "再建设高标准农田"), ("新增学位", "学位")]


def test_lead_excerpt_keeps_whole_sentences():
    text = "第一句话。" * 3 + "很长的第二句" * 40 + "。"
    assert lead_excerpt(text, limit=12) == "第一句话。第一句话。"
    assert lead_excerpt("只有一句很长的话" * 30) == "只有一句很长的话" * 30
    # A closing quote belongs to the sentence it ends.
    assert (
        lead_excerpt("群众说：“路修好了。”我们接着干，修更多的路。", limit=10)
        == "群众说：“路修好了。”"
    )


def test_summary_lead_skips_a_salutation():
    """State Council 2024 opens with 各位代表： on a line of its own; the summary shows the first
    paragraph that says something."""
    doc = read_path(corpus_file("state-council_2024_zh.txt"))
    opening = doc.sections[0]
    assert opening.paragraphs[0].text == "各位代表："
    b = build_briefing(doc)
    lead = b.sections[0].paragraphs
    assert len(lead) == 1 and lead[0].id != opening.paragraphs[0].id
    assert lead[0].text.zh.startswith("现在，我代表国务院")
    short = [Paragraph("p1", "各位代表："), Paragraph("p2", "短。"), Paragraph("p3", "较短一句。")]
    assert lead_paragraph(short) == (short[0],)  # nothing long enough: the longest
    assert lead_paragraph([]) == ()


def test_seed_review_vs_plan(seed_briefing: Briefing):
    got = {
        (c.indicator_zh, c.review.value, c.plan.value, c.unit) for c in seed_briefing.comparisons
    }
    wanted = {("国土绿化", 41000, 52000), ("学位", 3630, 3760), ("高标准农田", 15800, 25400)}
    for name, before, after in wanted:
        assert any(name in ind and b == before and a == after for ind, b, a, _ in got), (name, got)
    assert seed_briefing.review_year == 2023 and seed_briefing.plan_year == 2024
    forest = next(c for c in seed_briefing.comparisons if "国土绿化" in c.indicator_zh)
    assert (forest.review.value_zh, forest.plan.value_zh) == ("4.1万亩", "5.2万亩")
    assert forest.change_text == "+26.8 %"
    assert forest.indicator_en  # from the termbase


def test_every_seed_heading_has_english_from_the_termbase(seed_doc, seed_briefing: Briefing):
    headings = [s.heading for s in seed_briefing.sections if s.heading.zh]
    assert len(headings) >= len([s for s in seed_doc.iter_sections() if s.heading])
    for h in headings:
        assert h.en and not CJK.search(h.en), h
        assert h.status == "terms", h


def test_every_seed_fact_has_english(seed_full_briefing: Briefing):
    figures = [f for s in seed_full_briefing.sections for f in s.figures]
    assert len(figures) >= 60
    for f in figures:
        assert f.value_en and not CJK.search(f.value_en), f
        assert not CJK.search(f.indicator_en), f
    # Indicator names come from the termbase only; what it lacks shows as "—", never invented.
    named = [f for f in figures if f.indicator_en]
    assert len(named) >= 0.6 * len(figures)
    for c in seed_full_briefing.comparisons:
        assert c.indicator_en, c


def test_summary_shows_the_weightiest_figures_of_a_section_and_counts_the_rest(
    seed_briefing: Briefing, seed_full_briefing: Briefing
):
    full = {s.anchor: s for s in seed_full_briefing.sections}
    cut = 0
    for s in seed_briefing.sections:
        every = full[s.anchor].figures
        assert len(s.figures) <= SUMMARY_FIGURES
        assert len(s.figures) + s.more_figures == len(every)
        assert all(f in every for f in s.figures)
        # Reading order is kept, and nothing left out weighs more than what is shown.
        assert [every.index(f) for f in s.figures] == sorted(every.index(f) for f in s.figures)
        left_out = [f for f in every if f not in s.figures]
        if s.figures and left_out:
            assert max(f.weight for f in left_out) <= min(f.weight for f in s.figures)
        cut += s.more_figures
    assert cut > 0  # the seed has sections with more than SUMMARY_FIGURES figures
    assert all(s.more_figures == 0 for s in seed_full_briefing.sections)
    assert seed_briefing.figure_count == seed_full_briefing.figure_count


def test_key_figures_are_capped_round_robin_over_sections():
    def fig(name: str, weight: int) -> Figure:
        return Figure(
            name, "", "1个", "1", 1.0, "个", "achievement", "level", None, "p1", "", weight
        )

    groups = [
        FigureGroup(f"s{i}", Bilingual(""), tuple(fig(f"{i}-{j}", 9 - j - i % 2) for j in range(3)))
        for i in range(6)
    ]
    capped = cap_key_figures(groups, limit=8)
    names = [f.indicator_zh for g in capped for f in g.figures]
    assert len(names) == 8
    # Every section keeps its heaviest; the two second places go to the heavier sections.
    assert {n for n in names if n.endswith("-0")} == {f"{i}-0" for i in range(6)}
    assert sorted(n for n in names if n.endswith("-1")) == ["0-1", "2-1"]
    assert [g.anchor for g in capped] == [g.anchor for g in groups]
    assert cap_key_figures(groups, limit=100) == tuple(groups)


def test_a_named_count_outweighs_a_generic_one():
    generic, named = (_fact(n, 183, "个", "achievement") for n in ("项目", "新建学校"))
    assert fact_weight(named) == fact_weight(generic) + 1


def test_key_figures_prefer_money_and_rates(seed_briefing: Briefing):
    groups = seed_briefing.key_figures
    assert groups and all(
        1 <= len(g.figures) <= TOP_PER_SECTION == 3 for g in groups if g.heading.zh
    )
    # The seed's untitled blocks of 精彩·2023 (headlines not placed) are one group, not four.
    untitled = [g for g in groups if not g.heading.zh]
    assert [g.part.zh for g in untitled] == ["精彩·2023"] and len(untitled[0].figures) > 3
    assert sum(len(g.figures) for g in groups) <= KEY_FIGURES_MAX
    shown = [f for g in groups for f in g.figures]
    assert any(f.unit.endswith("元") for f in shown) and any(f.unit == "%" for f in shown)
    assert seed_briefing.headline and seed_briefing.headline[0].unit.endswith("元")


def test_without_a_translator_uncovered_prose_stays_chinese(seed_briefing: Briefing):
    paras = [p.text for s in seed_briefing.sections for p in s.paragraphs]
    assert paras
    for t in paras:
        if t.label in ("terms only", "untranslated"):
            assert t.en == "" and t.chinese_only
        else:  # only the TM or a whole-termbase hit may give English without MT
            assert t.status in ("tm", "terms"), t
    assert seed_briefing.label_counts()


# --- HTML ------------------------------------------------------------------------------------


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        self.tags.append(tag)


def _brief(args: list[str]) -> tuple[int, str]:
    res = CliRunner().invoke(cli, ["brief", *args])
    return res.exit_code, res.output


def test_seed_html_layouts_and_languages(tmp_path: Path):
    out = {}
    for layout in ("side-by-side", "interleaved", "separate"):
        f = tmp_path / f"{layout}.html"
        code, msg = _brief([str(SEED), "-o", str(f), "--layout", layout])
        assert code == 0, msg
        out[layout] = f.read_text(encoding="utf-8")
    assert 'class="text pairs"' in out["side-by-side"]
    assert 'class="text interleaved"' in out["interleaved"]
    assert 'class="text separate"' in out["separate"]
    html = out["side-by-side"]
    assert html.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in html
    assert "<svg" in html and "<link" not in html and "src=" not in html  # self-contained
    assert "国土绿化" in html and "4.1万亩" in html and "5.2万亩" in html and "41,000 mu" in html
    assert "Review vs plan" in html and "Appendix for editors" in html
    assert "undouble_headline" in html or "join_" in html  # the reader's repairs are listed
    # The summary (default) counts the figures a section table leaves out; --full leaves none out.
    assert re.search(r"… and \d+ more figures? in this section", html)
    f = tmp_path / "full.html"
    assert _brief([str(SEED), "-o", str(f), "--full"])[0] == 0
    assert "more figure" not in f.read_text(encoding="utf-8")

    f = tmp_path / "zh.html"
    assert _brief([str(SEED), "-o", str(f), "--lang", "zh", "--summary"])[0] == 0
    zh = f.read_text(encoding="utf-8")
    assert 'class="text single"' in zh and "Indicator</th>" not in zh and " …</p>" in zh


def test_html_escapes_report_text(tmp_path: Path):
    src = tmp_path / "evil.txt"
    src.write_text(
        "标题<script>alert(1)</script>\n\n一、工作回顾</style>&\n\n"
        "过去一年，完成投资2.3亿元<script>x()</script>，A&B项目建成。\n",
        encoding="utf-8",
    )
    out = tmp_path / "evil.html"
    code, msg = _brief([str(src), "-o", str(out)])
    assert code == 0, msg
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("</style>") == 1  # only the stylesheet's own
    assert "&lt;/style&gt;&amp;" in html and "A&amp;B" in html
    parser = _Text()
    parser.feed(html)
    assert "script" not in parser.tags


def test_user_template_folder_replaces_the_html_template(tmp_path: Path):
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "brief.html.j2").write_text(
        '<!DOCTYPE html><html lang="zh-CN"><body><h1>MY HOUSE STYLE {{ b.title.zh }}</h1>'
        "{% for s in b.sections %}<h2>{{ s.heading.zh }}</h2>{% endfor %}</body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "b.html"
    code, msg = _brief([str(SEED), "-o", str(out), "--template", str(tpl)])
    assert code == 0, msg
    assert "MY HOUSE STYLE" in out.read_text(encoding="utf-8")


def test_failed_render_leaves_no_file_and_keeps_the_old_one(tmp_path: Path):
    tpl = tmp_path / "broken"
    tpl.mkdir()
    (tpl / "brief.html.j2").write_text("{% for x in %}", encoding="utf-8")
    old = tmp_path / "old.html"
    old.write_text("previous briefing", encoding="utf-8")
    new = tmp_path / "new.html"
    for target in (old, new):
        res = CliRunner().invoke(
            cli, ["brief", str(SEED), "-o", str(target), "--template", str(tpl)]
        )
        assert res.exit_code == 2
        assert res.output.strip().splitlines()[-1].startswith("reportgen: error: template")
        assert "Traceback" not in res.output
    assert old.read_text(encoding="utf-8") == "previous briefing"
    assert not new.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken", "old.html"]


def test_cli_errors_are_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    code, msg = _brief([str(SEED), "-o", str(tmp_path / "b.odt")])
    assert code == 2 and "give --format" in msg
    code, msg = _brief([str(tmp_path / "missing.txt"), "-o", str(tmp_path / "b.html")])
    assert code == 2 and "no such file" in msg
    monkeypatch.delenv("REPORTGEN_OPENAI_BASE_URL", raising=False)
    code, msg = _brief([str(SEED), "-o", str(tmp_path / "b.html"), "--translator", "openai"])
    assert code == 2 and "base URL" in msg and "Traceback" not in msg
    code, msg = _brief([str(SEED), "-o", str(tmp_path / "b.html"), "--tm", str(tmp_path / "no.db")])
    assert code == 2 and "tm import" in msg
    assert list(tmp_path.iterdir()) == []


def test_state_council_2019_recurring_sentences_get_official_english(tmp_path: Path):
    """A TM of the other years' official English: 2019's recurring sentences reuse it, marked."""
    years = [*range(2008, 2019), 2022]
    files = [corpus_file(f"state-council_{y}_zh-en.txt") for y in years]
    db = tmp_path / "tm.db"
    res = CliRunner().invoke(cli, ["tm", "import", "--db", str(db), *map(str, files)])
    assert res.exit_code == 0, res.output
    src = corpus_file("state-council_2019_zh.txt")
    out = tmp_path / "sc2019.html"
    code, msg = _brief([str(src), "-o", str(out), "--tm", str(db), "--full"])
    assert code == 0, msg
    assert "translating" in msg and "rendering HTML" in msg  # progress on stderr
    html = out.read_text(encoding="utf-8")
    # "现在，我代表国务院，向大会报告政府工作……" opens every year's report.
    official = (
        "On behalf of the State Council, I will now report to you on the work of the government"
    )
    assert official in html
    row = html[html.index(official) - 400 : html.index(official) + 400]
    assert "TM 100 %" in row
    assert html.count(">TM 100 %<") >= 3


# --- DOCX ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory: pytest.TempPathFactory):
    import docx

    out = tmp_path_factory.mktemp("docx") / "seed.docx"
    code, msg = _brief([str(SEED), "-o", str(out)])
    assert code == 0, msg
    return docx.Document(str(out))


def test_docx_headings_for_the_navigation_pane(seed_docx, seed_briefing: Briefing):
    h1 = [p.text for p in seed_docx.paragraphs if p.style.name == "Heading 1"]
    h2 = [p.text for p in seed_docx.paragraphs if p.style.name == "Heading 2"]
    assert any("精彩·2023" in t and "2023" in t for t in h1)
    assert any("奋进·2024" in t for t in h1)
    assert any("Key figures" in t for t in h1) and any("Appendix" in t for t in h1)
    sec = next(s for s in seed_briefing.sections if s.level == 2 and s.heading.zh)
    assert any(sec.heading.zh in t and sec.heading.en in t for t in h2)
    assert seed_docx.core_properties.language == "zh-CN"
    assert any(
        re.match(r"… and \d+ more figures? in this section", p.text) for p in seed_docx.paragraphs
    )
    assert seed_docx.core_properties.title == seed_briefing.title.zh


def test_docx_chinese_runs_have_east_asian_fonts(seed_docx):
    from docx.oxml.ns import qn

    chinese = [r for p in seed_docx.paragraphs for r in p.runs if CJK.search(r.text)]
    chinese += [
        r
        for t in seed_docx.tables
        for row in t.rows
        for c in row.cells
        for p in c.paragraphs
        for r in p.runs
        if CJK.search(r.text)
    ]
    assert len(chinese) > 100
    for r in chinese:
        rpr = r._element.rPr
        assert rpr is not None and rpr.rFonts is not None, r.text
        assert rpr.rFonts.get(qn("w:eastAsia")) == "Noto Serif CJK SC", r.text
        assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"


def test_docx_tables_repeat_headers_and_set_cell_widths(seed_docx):
    from docx.oxml.ns import qn

    headed = [
        t
        for t in seed_docx.tables
        if t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    ]
    assert len(headed) >= 5
    for t in headed:
        for row in t.rows:
            for cell in row.cells:
                assert cell._tc.tcPr.find(qn("w:tcW")) is not None
    footer = seed_docx.sections[0].footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    assert len(seed_docx.inline_shapes) == 1  # the review-vs-plan chart


def test_user_word_template_is_used(tmp_path: Path):
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    tpl = tmp_path / "tpl"
    tpl.mkdir()
    house = docx.Document()
    house.styles.add_style("House Note", WD_STYLE_TYPE.PARAGRAPH)
    house.sections[0].left_margin = docx.shared.Cm(3.3)
    house.save(str(tpl / "brief.docx"))
    out = tmp_path / "b.docx"
    code, msg = _brief([str(SEED), "-o", str(out), "--template", str(tpl), "--summary"])
    assert code == 0, msg
    d = docx.Document(str(out))
    assert "House Note" in [s.name for s in d.styles]
    assert abs(d.sections[0].left_margin.cm - 3.3) < 0.01
    assert any(p.style.name == "Heading 1" for p in d.paragraphs)


def test_appendix_groups_repairs_and_lists_unplaced_headings(seed_doc, seed_briefing: Briefing):
    # The summary briefing (the default) keeps two examples of every kind and counts the rest.
    assert not seed_briefing.full
    n = SUMMARY_REPAIR_EXAMPLES
    groups = {g.kind: g for g in seed_briefing.repair_groups}
    assert sum(g.count for g in groups.values()) == len(seed_doc.repairs)
    wraps, heads = groups["join_wrap"], groups["undouble_headline"]
    assert wraps.count > 100 and len(wraps.shown) == n == 2 and wraps.hidden == wraps.count - n
    assert heads.count > n and len(heads.shown) == n
    # --full lists every judgement call and six examples of the mechanical kinds.
    full = {g.kind: g for g in dataclasses.replace(seed_briefing, full=True).repair_groups}
    assert len(full["join_wrap"].shown) == 6 and full["join_wrap"].hidden == wraps.count - 6
    assert len(full["undouble_headline"].shown) == heads.count
    # Unplaced headings are listed once, with the reader's reason, not among the repairs.
    assert groups["unplaced_heading"].shown == () and groups["unplaced_heading"].hidden == 0
    assert [h.zh for h, _ in seed_briefing.unplaced] == list(seed_doc.unplaced_headings)
    assert all(h.en and "scores" in why for h, why in seed_briefing.unplaced)
    # Sections whose headline could not be placed are named after their part, not left blank.
    untitled = [s for s in seed_briefing.sections if not s.heading.zh and s.level > 1]
    assert untitled and all(s.part.zh for s in untitled)


def test_default_output_is_output_stem_with_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    code, msg = _brief([str(SEED), "--format", "html", "--layout", "interleaved"])
    assert code == 0, msg
    out = tmp_path / "output" / "huangzhong-2024-newspaper.html"
    assert out.is_file() and "wrote output/huangzhong-2024-newspaper.html" in msg
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left


def test_review_vs_plan_on_a_district_government_report():
    """Hailar 2015: the 2014 review's results against the 2015 plan's targets."""
    doc = read_path(corpus_file("hailar-district_2015_zh.txt"))
    b = build_briefing(doc, facts=extract_facts(doc))
    assert (b.review_year, b.plan_year) == (2014, 2015)
    gdp = [c for c in b.comparisons if c.indicator_zh == "地区生产总值"]
    level = next(c for c in gdp if c.review.measure == "level")
    growth = next(c for c in gdp if c.review.measure == "change")
    assert (level.review.value_zh, level.plan.value_zh, level.change_text) == (
        "274.4亿元",
        "达到296亿元",
        "+7.9 %",
    )
    assert (growth.review.value, growth.plan.value, growth.change_text) == (9.1, 8.0, "-1.1 pp")
    assert all(c.review.kind == "achievement" and c.plan.kind == "target" for c in b.comparisons)


def test_review_vs_plan_sets_the_plan_year_beside_last_year_not_a_five_year_goal():
    """SC 2016 sets its 2016 targets and the 13th plan's goals for 2020 (城镇新增就业5000万人以上):
    last year's 1312万 new jobs stand beside this year's 1000万 target, not the five-year goal."""
    doc = read_path(corpus_file("state-council_2016_zh.txt"))
    b = build_briefing(doc, facts=extract_facts(doc))
    assert (b.review_year, b.plan_year) == (2015, 2016)
    assert b.comparisons and all(c.plan.year in (None, 2016) for c in b.comparisons)
    jobs = next(c for c in b.comparisons if c.indicator_zh == "城镇新增就业")
    assert (jobs.review.value_zh, jobs.plan.value_zh) == ("1312万人", "1000万人以上")
    # The goals for 2020 are still in their sections' tables, marked as 2020 targets.
    assert any(f.year == 2020 and f.kind == "target" for s in b.sections for f in s.figures)


def test_briefing_names_its_source_file_without_the_folders(seed_briefing: Briefing):
    assert SEED.is_absolute()  # read by its full path …
    assert seed_briefing.source == "huangzhong-2024-newspaper.txt"  # … shown by its name


def test_title_block_in_both_languages(seed_briefing: Briefing):
    b = seed_briefing
    assert b.title.zh == "步履铿锵 踏浪前行 湟中区砥砺奋进开新篇" and b.title.en
    assert (b.place.zh, b.place.en) == ("湟中区", "Huangzhong District")
    assert b.byline.zh == "本报记者 王琼"
    assert b.years == (2023, 2024) and b.generated == "2024-03-01"


def test_english_only_view_never_hides_text_it_cannot_translate(tmp_path: Path):
    out = tmp_path / "en.html"
    code, msg = _brief([str(SEED), "-o", str(out), "--lang", "en"])
    assert code == 0, msg
    html = out.read_text(encoding="utf-8")
    assert "指标</th>" not in html and "Indicator</th>" in html
    assert 'data-running="With firm strides' in html  # running header in English
    # Untranslated paragraphs stay in Chinese with their badge; indicators without a term too.
    assert 'class="zh zh-only"' in html and ">terms only<" in html
    assert '<span class="missing" lang="zh-CN">' in html


def test_unknown_lang_or_layout_is_a_reportgen_error(seed_doc) -> None:
    from reportgen.errors import ReportgenError

    englisher = build_englisher(tm_path=None, translator="none")
    for option in ({"lang": "fr"}, {"layout": "stacked"}):
        with pytest.raises(ReportgenError, match="must be one of"):
            build_briefing(seed_doc, facts=[], englisher=englisher, generated="x", **option)
