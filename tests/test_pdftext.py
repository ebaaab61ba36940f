"""PDF-text reader on the seed (text copied out of a newspaper PDF) and on hard-wrapped reports."""

from __future__ import annotations

import csv
import random
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import cli
from reportgen.model import PLAN, REVIEW, Document
from reportgen.readers import read_path
from reportgen.readers import text as text_reader
from reportgen.readers.pdftext import read as read_pdftext
from reportgen.readers.repair import (
    SPACES,
    char_em,
    display_width,
    ends_sentence,
    is_cjk,
    lost_characters,
    marker_of,
    nonspace,
    remove_spaces,
    undouble,
)
from reportgen.structure import kind_score

from .conftest import CORPUS, GOLD, SEED, corpus_file

CJK_CHAR = r"[\u3400-\u9fff\uf900-\ufaff，。、；：！？（）《》“”‘’…—·]"


@pytest.fixture(scope="module")
def raw() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def doc() -> Document:
    return read_path(SEED)


def seed_lines(raw: str) -> list[str]:
    return [ln.strip(SPACES) for ln in raw.split("\n")]


def all_text(doc: Document) -> list[str]:
    """Everything the reader kept: title, byline, headings, paragraphs, unplaced headlines."""
    return [
        doc.title,
        doc.subtitle,
        doc.byline,
        *(s.heading for s in doc.iter_sections()),
        *(p.text for p in doc.paragraphs()),
        *doc.unplaced_headings,
    ]


# --- routing -----------------------------------------------------------------------------------


def test_seed_is_routed_to_the_pdf_text_reader(raw: str, doc: Document) -> None:
    assert text_reader.looks_hard_wrapped(raw)
    assert doc.format == "pdftext"


def test_plain_corpus_reports_are_not_routed_here() -> None:
    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        pytest.skip("shared corpus not available")
    routed = [
        f.name for f in files if text_reader.looks_hard_wrapped(f.read_text(encoding="utf-8"))
    ]
    assert routed == []


# --- title, byline, doubled glyphs, spaces -----------------------------------------------------


def test_title_and_byline(doc: Document) -> None:
    assert doc.title == "步履铿锵 踏浪前行 湟中区砥砺奋进开新篇"
    assert doc.byline == "本报记者 王琼"
    assert doc.year == 2024


def test_all_doubled_headlines_and_markers_are_undone(raw: str, doc: Document) -> None:
    doubled = [ln for ln in seed_lines(raw) if ln and undouble(ln)]
    assert len(doubled) == 17  # 15 headlines and the two year markers
    fixed = {r.before: r.after for r in doc.repairs if r.kind == "undouble_headline"}
    assert set(fixed) == set(doubled)
    assert fixed["优化空间布局优化空间布局 促进城乡融合促进城乡融合"] == "优化空间布局 促进城乡融合"
    assert fixed["精彩精彩··20232023"] == "精彩·2023"
    assert fixed["奋进奋进··20242024"] == "奋进·2024"
    headings = [s.heading for s in doc.iter_sections() if s.heading]
    # Every repaired headline is a heading or kept as unplaced; none is dropped or in body text.
    for after in fixed.values():
        assert (after in headings) != (after in doc.unplaced_headings), after
        assert not any(after in p.text for p in doc.paragraphs())
    assert len(headings) + len(doc.unplaced_headings) == 17
    for h in [*headings, *doc.unplaced_headings]:
        assert all(undouble(tok) is None for tok in h.split()), h


def test_real_repetitions_are_left_alone(doc: Document) -> None:
    body = "\n".join(p.text for p in doc.paragraphs())
    s1 = (
        "制定“三管三必须”职责清单，明确2.2万户市场主体安全监管责任，扎实开展自建房、燃气、道路等"
        "领域“两单四表”整治，安全事故起数、死亡人数、受伤人数实现“三下降”。"
    )
    s2 = "推动各类生产设备、服务设备更新和技术改造，鼓励汽车、家电等传统消费品以旧换新，推动耐用消费品以旧换新。"
    assert body.count(s1) == 2
    assert body.count(s2) == 2
    assert body.count("以旧换新") == 4


def test_no_justification_spaces_left(doc: Document) -> None:
    for p in doc.paragraphs():
        assert not re.search(rf"{CJK_CHAR}\s+{CJK_CHAR}", p.text), p.text
        assert not re.search(rf"{CJK_CHAR}\s+[\dA-Za-z%]|[\dA-Za-z%]\s+{CJK_CHAR}", p.text), p.text
    # Headings and the title keep only the phrase break of a two-phrase headline (one ASCII space
    # between phrases of two or more characters), as the newspaper sets them.
    for h in [
        doc.title,
        *(s.heading for s in doc.iter_sections() if s.heading),
        *doc.unplaced_headings,
    ]:
        assert not re.search(r"\s{2,}|[^\S ]", h), h
        assert all(len(tok) >= 2 for tok in h.split(" ")), h
    body = "\n".join(p.text for p in doc.paragraphs())
    for fixed in (
        "5441.5万元，义务教育巩固率达98.36%",
        "建设，争取实现建制美丽城镇覆盖率100%",
        "铺设农村污水管网47公里，启用生活污水处理站16座",
        "231户779人",
        "强化林（草）长制",
    ):
        assert fixed in body
    assert "“IPv6+”创新之城" in body
    assert "“5G新型智慧城区平台”" in body


def test_spaces_inside_latin_text_are_kept() -> None:
    assert remove_spaces("推进 Belt and Road 倡议") == "推进Belt and Road倡议"
    assert remove_spaces("建 设 ， 争 取") == "建设，争取"
    assert remove_spaces("5441.5 万 元 ，义 务") == "5441.5万元，义务"
    assert remove_spaces("2023 2024") == "2023 2024"
    assert remove_spaces("优化空间布局 促进城乡融合", phrases=True) == "优化空间布局 促进城乡融合"
    assert remove_spaces("政 府 工 作 报 告", phrases=True) == "政府工作报告"


def test_undouble_rules() -> None:
    assert undouble("优化空间布局优化空间布局 促进城乡融合促进城乡融合") == (
        "优化空间布局 促进城乡融合",
        "phrase",
    )
    assert undouble("精彩精彩··20232023") == ("精彩·2023", "run")
    assert undouble("回眸回眸··20222022") == ("回眸·2022", "run")
    # Not doubled, or ambiguous (the half is itself a repetition): left alone.
    for line in (
        "优化空间布局 促进城乡融合",
        "哈哈哈哈",
        "加油加油加油加油",
        "天天",
        "谢谢谢谢！",
        "精彩·2023",
    ):
        assert undouble(line) is None, line
    assert marker_of("展望 · 2023") == ("展望", 2023)


# --- paragraphs --------------------------------------------------------------------------------


def column_breaks(raw: str) -> list[tuple[str, str]]:
    """(end of the line before, start of the line after) for every blank line that follows a line
    stopping in the middle of a word – a column break inside a paragraph."""
    lines = raw.split("\n")
    out = []
    for i, ln in enumerate(lines[:-1]):
        body = ln.strip(SPACES)
        if not body or lines[i + 1].strip(SPACES) or undouble(body) or body.startswith("本报记者"):
            continue
        if re.search(r"[。！？；：，、…”）]$", body):
            continue
        nxt = next(x.strip(SPACES) for x in lines[i + 1 :] if x.strip(SPACES))
        out.append((remove_spaces(body)[-4:], remove_spaces(nxt)[:4]))
    return out


def test_every_column_break_is_rejoined(raw: str, doc: Document) -> None:
    breaks = column_breaks(raw)
    assert len(breaks) == 21
    paras = [p.text for p in doc.paragraphs()]
    for left, right in breaks:
        assert any(left + right in p for p in paras), (left, right)
    joins = [r for r in doc.repairs if r.kind == "join_column_break"]
    assert len(joins) == 21


@pytest.mark.parametrize(
    "fragment",
    [
        "投资2.3亿元强化教育基础设施，新增学位3630个",
        "推进种业振兴，建设各类良种繁育基地1.18万亩",
        "多巴医疗综合体建成投运，第一人民医院胸痛中心",
        "湟中区坚持以习近平新时代中国特色社会主义思想为指导",
        "精准落实防返贫动态监测帮扶机制",
        "全力将鲁沙尔打造成为国际生态旅游目的地。优化“山水共和”等5条精品线路",
        "深入推进招商引资“六大行动”，落实产业链招商专班机制",
        "调解矛盾纠纷1640件，挽回经济损失9465万元",
    ],
)
def test_column_broken_paragraphs_are_one_paragraph(doc: Document, fragment: str) -> None:
    assert sum(fragment in p.text for p in doc.paragraphs()) == 1


def test_real_paragraph_breaks_are_kept(doc: Document) -> None:
    paras = [p.text for p in doc.paragraphs()]
    for start in (
        "湟中区落实“2411",
        "一件件民生实事、",
        "牢牢把握以县城为",
        "加快重点城镇建设",
        "深入实施人居环境",
        "一年砥砺奋进，一",
        "春节刚过，湟中处",
        "等不起，也慢不得",
        "铆足干劲，开好新",
        "全力以赴推动中央",
        "始终把回应群众所",
        "狠抓就业增收，突",
    ):
        assert sum(p.startswith(start) for p in paras) == 1, start


def test_sidebar_fragments_are_kept_and_joined(doc: Document) -> None:
    paras = [p.text for p in doc.paragraphs()]
    assert "历史的画卷，总在砥砺前行中铺展；" in paras
    assert "时代的华章，总在接续奋斗中书写。" in paras
    assert (
        "2023年是全面贯彻落实党的二十大精神的开局之年，也是经济高水平复苏、高质量发展的重要一年。"
        in paras
    )
    assert "风雨洗征程，回眸满眼春。" in paras


def test_no_character_lost_or_invented(raw: str, doc: Document) -> None:
    before = Counter(nonspace(raw))
    after = Counter(nonspace("".join(all_text(doc))))
    removed = lost_characters(doc.repairs)  # the second copy of every doubled glyph
    assert sum(removed.values()) > 0
    assert after - before == Counter()
    assert before - after == removed


def test_repairs_point_into_the_raw_text(raw: str, doc: Document) -> None:
    kinds = Counter(r.kind for r in doc.repairs)
    for kind in (
        "join_wrap",
        "join_column_break",
        "undouble_headline",
        "remove_space",
        "place_heading",
        "infer_part",
    ):
        assert kinds[kind] > 0, kind
    for r in doc.repairs:
        if r.start >= 0:
            assert raw[r.start : r.end] == r.before, r


def test_paragraph_offsets_span_their_raw_text(raw: str, doc: Document) -> None:
    for p in doc.paragraphs():
        assert nonspace(remove_spaces(raw[p.start : p.end])) == nonspace(p.text)


# --- headings and parts ------------------------------------------------------------------------


def section(doc: Document, heading: str):
    return next(s for s in doc.iter_sections() if s.heading == heading)


@pytest.mark.parametrize(
    ("heading", "lead"),
    [
        # Headlines the extraction left after their block.
        ("优化空间布局 促进城乡融合", "牢牢把握以县城为重要载体"),
        ("深化改革创新 完善合作机制", "把实施扩大内需战略同深化供给侧"),
        ("巩固社会稳定 护航百姓安宁", "坚定不移贯彻总体国家安全观"),
        ("回应群众所盼 增进民生福祉", "始终把回应群众所思所需所盼"),
        # Headlines gathered at the end, put back on the block whose lead shares their words.
        ("凝聚绿色共识 打造生态文明高地", "铆足干劲，开好新局"),
        ("汇聚更多力量 助力乡村全面振兴", "坚持农业农村优先发展"),
        ("立足资源禀赋 推动城郊经济发展", "依托湟中资源禀赋和区位优势"),
        # Gathered, put back by the order prior (between 汇聚更多力量… and 立足资源禀赋… in the
        # plan's run of blocks, and the block shares 特色、优势、产业 with it).
        ("聚焦特色优势 做好产业发展文章", "坚持主攻一二三产融合发展"),
    ],
)
def test_headline_lead_and_body_form_one_section(doc: Document, heading: str, lead: str) -> None:
    sec = section(doc, heading)
    assert sec.level == 2
    assert sec.paragraphs[0].text.startswith(lead)
    assert len(sec.paragraphs) >= 2  # the lead and its body


# Where each of the seed's 15 headlines belongs, judged by reading the spread: the opening words
# of its block. The 2023 review page (精彩·2023) has no leads: each section is one paragraph, but
# for 发挥区域优势…, whose section runs over two (等不起…: farming projects; 制定建设…: tourism
# and solar power, "区域经济高质量发展新动能"), so a headline on either is right.
SEED_HEADLINE_BLOCKS = {
    # review, in the order the copy gathered them
    "筑牢绿色发展基础 绘就湟中底色": ("一年砥砺奋进，一年春华秋实",),  # 国土绿化, 森林覆盖率
    "经济高质量发展 步伐稳健有力": ("春节刚过，湟中处处涌动",),  # 项目储备库, 高质量发展韧性
    "聚力乡村振兴 描绘和美新画卷": ("湟中区落实“2411”防返贫",),  # 防返贫, 村集体经济, 乡村治理
    "发挥区域优势 力推产业转型升级": ("等不起，也慢不得", "制定建设国际生态旅游目的地"),
    "聚力互促融合 城乡发展有活力": ("如何让城乡面貌在精治细管中",),  # 村庄规划, 老旧小区, 垃圾
    "解民忧惠民生 群众幸福再提升": ("一件件民生实事、一组组翔实",),  # 就业, 学位, 医疗
    "平安建设出成效 宜居湟中谱新篇": ("落细一张张“民生清单”",),  # 平安西宁, 扫黑除恶, 安全生产
    # plan
    "凝聚绿色共识 打造生态文明高地": ("铆足干劲，开好新局",),
    "汇聚更多力量 助力乡村全面振兴": ("坚持农业农村优先发展",),
    "聚焦特色优势 做好产业发展文章": ("坚持主攻一二三产融合发展",),
    "立足资源禀赋 推动城郊经济发展": ("依托湟中资源禀赋和区位优势",),
    "优化空间布局 促进城乡融合": ("牢牢把握以县城为重要载体",),
    "深化改革创新 完善合作机制": ("把实施扩大内需战略同深化供给侧",),
    "巩固社会稳定 护航百姓安宁": ("坚定不移贯彻总体国家安全观",),
    "回应群众所盼 增进民生福祉": ("始终把回应群众所思所需所盼",),
}


def test_every_placed_headline_is_on_its_own_block(doc: Document) -> None:
    placed = {s.heading: s for s in doc.iter_sections() if s.level == 2 and s.heading}
    assert set(placed) | set(doc.unplaced_headings) == set(SEED_HEADLINE_BLOCKS)
    for heading, sec in placed.items():
        assert sec.paragraphs[0].text.startswith(SEED_HEADLINE_BLOCKS[heading]), heading
    # 7 by their words or where they stood, 3 more by the order of the gathered headlines.
    assert len(placed) >= 10
    by_order = [r for r in doc.repairs if r.kind == "place_heading" and "(order:" in r.note]
    assert len(by_order) >= 3
    assert {r.after for r in by_order} <= set(placed)


def test_order_placements_say_why(doc: Document) -> None:
    notes = {r.after: r.note for r in doc.repairs if r.kind == "place_heading"}
    note = notes["聚焦特色优势 做好产业发展文章"]
    assert "order: 6th of 11 gathered headlines" in note
    assert "plan run of blocks after 汇聚更多力量 助力乡村全面振兴" in note
    assert "before 立足资源禀赋 推动城郊经济发展" in note
    for h in doc.unplaced_headings:
        # The order was used on this cluster and left these without a clear block.
        assert "order of the gathered headlines: used" in next(
            r.note for r in doc.repairs if r.kind == "unplaced_heading" and r.after == h
        )


def test_unclear_headlines_stay_unplaced_with_a_reason(doc: Document) -> None:
    notes = {r.after: r.note for r in doc.repairs if r.kind == "unplaced_heading"}
    assert set(notes) == set(doc.unplaced_headings)
    for h in doc.unplaced_headings:
        assert "not clear enough" in notes[h] or "no free block" in notes[h]
    placed = {r.after for r in doc.repairs if r.kind == "place_heading"}
    assert placed.isdisjoint(doc.unplaced_headings)


def test_two_parts_hold_every_paragraph(doc: Document) -> None:
    parts = [(s.heading, s.kind, s.year, s.level) for s in doc.sections]
    assert parts == [("精彩·2023", REVIEW, 2023, 1), ("奋进·2024", PLAN, 2024, 1)]
    located = list(doc.iter_located())
    assert located and all(loc.path[0] in doc.sections for loc in located)
    assert {loc.kind for loc in located} == {REVIEW, PLAN}
    assert [p.id for p in doc.paragraphs()] == [f"p{i}" for i in range(1, len(located) + 1)]


def test_parts_placed_by_language_are_recorded_as_inferred(doc: Document) -> None:
    for part in doc.sections:
        assert not part.kind_inferred  # the markers say it
        for child in part.children:
            assert child.kind == part.kind and child.year == part.year
            assert child.kind_inferred  # the paragraphs' language put it in this part
    inferred = [r for r in doc.repairs if r.kind == "infer_part"]
    assert len(inferred) >= sum(len(p.children) for p in doc.sections)
    # "今年，湟中区上下将以……" stood among the 2023 text but is the 2024 part's introduction.
    plan = doc.sections[1]
    assert plan.paragraphs[0].text.startswith("时代的进程，犹如环环相扣的乐章")
    assert any(r.after == PLAN and r.before.startswith("时代的进程") for r in inferred)


def test_paragraphs_sit_in_the_part_the_gold_labels_say(doc: Document) -> None:
    """Every gold-labelled sentence (achievement = review, target = plan) is in the right part."""
    gold = GOLD / "seed_facts.tsv"
    if not gold.exists():
        pytest.skip("shared gold labels not available")
    with gold.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    want = {REVIEW: "achievement", PLAN: "target"}
    checked = 0
    for loc in doc.iter_located():
        text = nonspace(loc.paragraph.text)
        for r in rows:
            if nonspace(r["sentence"]) in text:
                assert want[loc.kind] == r["kind"], (r["sentence"][:30], loc.kind)
                checked += 1
    assert checked >= 80


@pytest.mark.parametrize(
    ("name", "text", "reads"),
    [
        # Results: a subject and what became of it at the clause's end, a result gained.
        ("state-council_2009_zh.txt", "国务院机构改革基本完成，地方机构改革稳步推进。", REVIEW),
        (
            "state-council_2018_zh.txt",
            "国资国企改革扎实推进，公司制改革基本完成，兼并重组、压减层级、提质增效取得积极进展。",
            REVIEW,
        ),
        # Review headlines of a county report, set as statements.
        ("hailar-district_2015_zh.txt", "政府自身建设进一步加强", REVIEW),
        ("hailar-district_2015_zh.txt", "城市建设全面加快", REVIEW),
        # The same shapes under a word of intent, or with approximate figures: targets.
        (
            "state-council_2011_zh.txt",
            "主要预期目标是：国内生产总值增长8%左右；经济结构进一步优化；居民消费价格总水平涨幅控制"
            "在4%左右；城镇新增就业900万人以上，城镇登记失业率控制在4.6%以内；国际收支状况继续改善。",
            PLAN,
        ),
        (
            "state-council_2013_zh.txt",
            "今年企业退休人员基本养老金继续提高10%，城乡低保和优抚对象补助标准也进一步提高。",
            PLAN,
        ),
        ("hailar-district_2015_zh.txt", "统筹推进城乡一体化 加快区域中心城市建设", PLAN),
    ],
)
def test_results_and_targets_read_by_the_shape_of_their_clauses(
    name: str, text: str, reads: str
) -> None:
    report = nonspace(re.sub(r"[，、]", "", corpus_file(name).read_text(encoding="utf-8")))
    assert nonspace(re.sub(r"[，、]", "", text)) in report  # a real sentence or headline
    score = kind_score(text)
    assert score > 0 if reads == REVIEW else score < 0, score


def corpus_part_paragraphs(name: str) -> dict[str, list[str]]:
    """The paragraphs of a report's review part (一、…回顾) and plan parts (…任务/目标/安排),
    without the sub-section headlines."""
    parts: dict[str, list[str]] = {REVIEW: [], PLAN: []}
    part: str | None = None
    for line in corpus_file(name).read_text(encoding="utf-8").split("\n")[1:]:
        line = line.strip("\u3000 ")
        if re.match(r"^[一二三四五六七八九十]、", line):
            part = REVIEW if "回顾" in line else PLAN if re.search("任务|目标|安排", line) else None
        elif line and part and not SUBSECTION_RE.match(line):
            parts[part].append(line)
    return parts


def test_review_paragraphs_written_as_deeds_read_as_results() -> None:
    """State Council reviews are written as deeds (加强…, 推进…), word for word like plans; by
    single cue words only 22 % of the corpus review paragraphs read as results. With the shape
    of their clauses, over a third do, and the paragraphs read as results stay nine in ten from
    review parts."""
    names = sorted(p.name for p in CORPUS.glob("*_zh.txt"))
    if not names:
        pytest.skip("shared corpus not available")
    read = Counter()
    for name in names:
        year = int(name.split("_")[1])
        for kind, paras in corpus_part_paragraphs(name).items():
            for t in paras:
                score = kind_score(t, review_year=year - 1, plan_year=year)
                read[kind, REVIEW if score > 0 else PLAN if score < 0 else ""] += 1
    reviews = sum(n for (kind, _), n in read.items() if kind == REVIEW)
    assert read[REVIEW, REVIEW] >= reviews / 3, read
    assert read[REVIEW, REVIEW] >= 0.9 * (read[REVIEW, REVIEW] + read[PLAN, REVIEW]), read
    assert read[PLAN, PLAN] >= read[REVIEW, PLAN] * 3, read


def test_parse_markdown_reads_like_the_article(seed_path: Path) -> None:
    result = CliRunner().invoke(cli, ["parse", str(seed_path), "--format", "md"])
    assert result.exit_code == 0, result.output
    md = result.stdout  # warnings (unplaced headings) go to stderr
    assert md.startswith("# 步履铿锵 踏浪前行 湟中区砥砺奋进开新篇\n")
    order = [
        "*本报记者 王琼*",
        "## 精彩·2023",
        "2023年，面对多重目标任务",
        "一件件民生实事",
        "## 奋进·2024",
        "时代的进程",
        "### 优化空间布局 促进城乡融合",
        "### 凝聚绿色共识 打造生态文明高地",
        "### 回应群众所盼 增进民生福祉",
        # The headlines kept aside come last (however the writer sets them out).
        f"- {read_path(seed_path).unplaced_headings[0]}",
    ]
    positions = [md.index(s) for s in order]
    assert positions == sorted(positions)
    assert "优化空间布局优化空间布局" not in md
    assert "建 设" not in md


# --- hard-wrapped plain reports ----------------------------------------------------------------

CLOSING = "，。、；：！？”’）》」』…%％,.;:!?) "  # and a space: it stays at the end of its line


def hard_wrap(report: str, seed: int, lo: int = 18, hi: int = 22, column_lines=(8, 30)) -> str:
    """A plain report as a newspaper PDF copy would give it: front matter above the columns, the
    body set in columns 18–22 em wide (a closing punctuation mark never starts a line), a blank
    line between paragraphs and a blank line where a paragraph runs on into the next column.

    A column that ends on a full stop is extended by a line: a column break there looks exactly
    like a paragraph break in copied text (see ``test_column_break_at_a_full_stop_splits``)."""
    rnd = random.Random(seed)
    paras = [ln.strip(SPACES) for ln in report.split("\n") if ln.strip(SPACES)]
    out: list[str] = []
    k = 0
    if paras and paras[0].startswith("# source:"):
        out.append(paras[0])
        k = 1
    while k < len(paras) and display_width(paras[k]) < 40 and not ends_sentence(paras[k]):
        out.append(paras[k])
        k += 1
    width, left = rnd.randint(lo, hi), rnd.randint(*column_lines)
    for para in paras[k:]:
        lines: list[str | None] = []
        cur, w = "", 0.0
        for ch in para:
            cw = char_em(ch)
            if cur and w + cw > width and ch not in CLOSING:
                carry = ""
                if ch.isascii() and ch.isalnum():
                    # A Latin word or a number is never broken: it moves to the next line whole.
                    carry = re.search(r"[A-Za-z0-9.]*$", cur).group()
                    if carry == cur:
                        carry = ""
                lines.append(cur[: len(cur) - len(carry)])
                cur, w = carry, display_width(carry)
                left -= 1
                if left <= 0 and not ends_sentence(lines[-1] or ""):
                    lines.append(None)
                    width, left = rnd.randint(lo, hi), rnd.randint(*column_lines)
            cur += ch
            w += cw
        if cur:
            lines.append(cur)
            left -= 1
            if left <= 0:
                width, left = rnd.randint(lo, hi), rnd.randint(*column_lines)
        out.append("\n".join("" if x is None else x for x in lines))
    return "\n\n".join(out) + "\n"


HAILAR = [f"hailar-district_{y}_zh.txt" for y in (2012, 2013, 2014, 2015)]


@pytest.mark.parametrize("name", HAILAR)
@pytest.mark.parametrize("seed", range(6))
def test_hard_wrapped_report_comes_back_to_the_plain_paragraphs(name: str, seed: int) -> None:
    report = corpus_file(name).read_text(encoding="utf-8")
    plain = text_reader.read_plain(report, source=name)
    wrapped = hard_wrap(report, seed)
    assert "\n\n" in wrapped.split("\n", 1)[1]  # there are column breaks to mend
    assert text_reader.looks_hard_wrapped(wrapped)
    doc = text_reader.read(wrapped, source=name)
    assert doc.format == "pdftext"
    mine = [p.text for p in doc.paragraphs()]
    # The plain reader keeps a space between a CJK comma and a digit ("， 6"); this reader drops
    # every space next to CJK text. Otherwise the paragraphs are the same.
    assert mine == [remove_spaces(p.text) for p in plain.paragraphs()]
    assert [s.heading for s in doc.iter_sections()] == [s.heading for s in plain.iter_sections()]
    assert (doc.title, doc.subtitle, doc.byline) == (plain.title, plain.subtitle, plain.byline)
    assert any(r.kind == "join_column_break" for r in doc.repairs)


def test_column_break_at_a_full_stop_splits_without_losing_text() -> None:
    """The one break the text cannot tell: a column ending exactly on a full stop. The paragraph
    is split there – nothing is lost or reordered."""
    text = (
        "本报记者 张三\n\n"
        "全区经济运行稳中有进，地区生产总\n值增长百分之五。\n\n"
        "固定资产投资增长百分之八，社会消费\n品零售总额增长百分之六。\n"
    )
    doc = read_pdftext(text, source="t")
    paras = [p.text for p in doc.paragraphs()]
    assert paras == [
        "全区经济运行稳中有进，地区生产总值增长百分之五。",
        "固定资产投资增长百分之八，社会消费品零售总额增长百分之六。",
    ]


def test_latin_words_broken_at_line_ends_get_their_space_back() -> None:
    text = (
        "本报记者 张三\n\n"
        "会议指出，要推进 the Belt and\nRoad Initiative 建设，深化\n对外开放合作，扩大\n高水平开放。\n"
    )
    doc = read_pdftext(text, source="t")
    assert [p.text for p in doc.paragraphs()] == [
        "会议指出，要推进the Belt and Road Initiative建设，深化对外开放合作，扩大高水平开放。"
    ]


def test_newspaper_without_markers_infers_kinds_per_section() -> None:
    text = (
        "本报记者 张三\n\n"
        "过去一年，全区完成投资十二亿元，同比增长百分之八，新建\n学校三所，教育事业稳步发展。\n\n"
        "投资稳步增长投资稳步增长 教育事业发展教育事业发展\n\n"
        "今年，全区将力争完成投资十五亿元，确保新建学校五所，加\n快推进重点项目建设。\n\n"
        "推进重点项目推进重点项目 力争投资突破力争投资突破\n"
    )
    doc = read_pdftext(text, source="t")
    assert [s.heading for s in doc.sections] == [
        "投资稳步增长 教育事业发展",
        "推进重点项目 力争投资突破",
    ]
    assert [(s.kind, s.kind_inferred) for s in doc.sections] == [(REVIEW, True), (PLAN, True)]
    assert not doc.unplaced_headings
    assert is_cjk("，") and not is_cjk("a")


def test_another_spread_layout_headlines_before_their_text() -> None:
    """Other spreads: markers 回眸·2022 / 展望·2023, headlines printed once and standing before
    their text, a comma pushed to the start of a line."""
    text = (
        "某某县奋力谱写高质量发展新篇章\n本报记者 李明\n\n回眸·2022\n\n"
        "过去一年，某某县坚持稳中求进工作总基调，经济社会发展取得\n"
        "显著成效，全县地区生产总值同比增长6.5%，圆满完成全年目标\n任务。\n\n"
        "产业发展 提质增效\n\n"
        "过去一年，全县新建标准化厂房12万平方米，引进工业项目28个\n"
        "，规模以上工业增加值同比增长8.2%，特色产业集群已初具规模，\n成功创建省级工业园区。\n\n"
        "展望·2023\n\n"
        "今年，某某县将锚定目标不放松，力争地区生产总值增长7%以上，\n确保各项民生实事落地见效。\n\n"
        "产业升级 再上台阶\n\n"
        "力争新引进工业项目30个以上，确保规模以上工业增加值增长10%\n"
        "，加快推进园区扩容提质，再建标准化厂房15万平方米。\n"
    )
    doc = read_pdftext(text, source="t")
    assert (doc.title, doc.byline) == ("某某县奋力谱写高质量发展新篇章", "本报记者 李明")
    outline = [(s.level, s.heading, s.kind, s.year) for s in doc.iter_sections()]
    assert outline == [
        (1, "回眸·2022", REVIEW, 2022),
        (2, "产业发展 提质增效", REVIEW, 2022),
        (1, "展望·2023", PLAN, 2023),
        (2, "产业升级 再上台阶", PLAN, 2023),
    ]
    assert doc.sections[0].paragraphs[0].text.startswith("过去一年，某某县")
    assert doc.sections[0].children[0].paragraphs[0].text.endswith("成功创建省级工业园区。")
    assert "28个，规模以上" in doc.sections[0].children[0].paragraphs[0].text
    assert not doc.unplaced_headings


def test_a_missing_marker_gives_an_inferred_part(raw: str) -> None:
    text = "\n".join(ln for ln in raw.split("\n") if "精彩精彩" not in ln)
    doc = read_pdftext(text, source="t")
    parts = [(s.heading, s.kind, s.year, s.kind_inferred) for s in doc.sections]
    assert parts == [("", REVIEW, 2023, True), ("奋进·2024", PLAN, 2024, False)]
    assert len(doc.paragraphs()) == len(read_path(SEED).paragraphs())


# --- gathered headlines put back by their order: spreads built from corpus reports -------------

SUBSECTION_RE = re.compile(r"^（[一二三四五六七八九十]+）([^。]+)。?(.*)$")
Sections = list[tuple[str, list[str]]]


def report_sections(
    name: str, *, paragraphs: int = 2
) -> tuple[dict[str, Sections], dict[str, str]]:
    """The numbered sub-sections （一）… of a report's review and plan parts as (headline, first
    paragraphs) – the headline's clauses set as phrases, as a newspaper sets them – and the first
    paragraph of each part as its introduction. "各位代表……" addresses the deputies: it closes a
    part, it is no section's text."""
    parts: dict[str, Sections] = {REVIEW: [], PLAN: []}
    intro: dict[str, str] = {}
    part: str | None = None
    cur: list[str] | None = None
    for line in corpus_file(name).read_text(encoding="utf-8").split("\n")[1:]:
        line = line.strip("\u3000 ")
        if not line:
            continue
        m = SUBSECTION_RE.match(line)
        if re.match(r"^[一二三四五六七八九十]、", line):
            part = REVIEW if "回顾" in line else PLAN if re.search("任务|目标|安排", line) else None
            cur = None
        elif part and m:
            cur = [m.group(2)] if m.group(2) else []
            parts[part].append((re.sub(r"[，、]", " ", m.group(1)), cur))
        elif line.startswith("各位代表"):
            cur = None
        elif part and cur is not None and len(cur) < paragraphs:
            cur.append(line)
        elif part and cur is None and part not in intro:
            intro[part] = line
    return {k: [(h, ps) for h, ps in v if ps] for k, v in parts.items()}, intro


def reading_order(review: Sections, plan: Sections) -> list[str]:
    """The order a copy gathers the headlines of two facing pages in: top to bottom across the
    spread, the k-th of a page's n headlines at height (k + ½)/n."""
    keyed = [
        ((k + 0.5) / len(page), side, h)
        for side, page in enumerate((review, plan))
        for k, (h, _) in enumerate(page)
    ]
    return [h for *_, h in sorted(keyed)]


def spread(
    review: Sections,
    plan: Sections,
    cluster: list[str],
    intro: dict[str, str],
    years: tuple[int, int],
) -> str:
    """The sections as copied out of a newspaper PDF, laid out as in the seed: the blocks in text
    order, the part markers with their introductions, then every headline printed doubled
    (outline font) and gathered in ``cluster`` order."""
    out = ["海拉尔区政府工作报告解读", "本报记者 张三"]
    out += [p for _, paras in review + plan for p in paras]
    for kind, word, year in ((REVIEW, "回眸", years[0]), (PLAN, "展望", years[1])):
        out += [f"{word}{word}··{year}{year}", intro[kind]]
    out += [" ".join(t + t for t in h.split()) for h in cluster]
    return "\n\n".join(out) + "\n"


def placed_by_order(
    review: Sections,
    plan: Sections,
    cluster: list[str],
    intro: dict[str, str],
    years: tuple[int, int],
) -> tuple[dict[str, bool], set[str], Document]:
    """Heading -> whether it sits on its own section's first paragraph; the headings the order
    prior placed; the document."""
    truth = {h: nonspace(paras[0])[:30] for h, paras in review + plan}
    doc = read_pdftext(spread(review, plan, cluster, intro, years), source="spread")
    right = {
        s.heading: nonspace(s.paragraphs[0].text).startswith(truth[s.heading])
        for s in doc.iter_sections()
        if s.level == 2 and s.heading
    }
    by_order = {r.after for r in doc.repairs if r.kind == "place_heading" and "(order:" in r.note}
    return right, by_order, doc


def order_notes(doc: Document) -> set[str]:
    return {
        r.note.split("order of the gathered headlines: ")[1]
        for r in doc.repairs
        if r.kind == "unplaced_heading"
    }


HAILAR_2012 = ("hailar-district_2012_zh.txt", (2011, 2012))


def test_order_prior_puts_back_the_gathered_headlines_of_a_corpus_spread() -> None:
    """Hailar 2012: 8 review and 10 plan sections. Their words place only a few headlines; the
    order of the gathered headlines, borne out by those, places most of the rest – each on its
    own section. (The review blocks must read as review for their run to be one frame: 11 by
    order while review clauses were read by single cue words, 14 with their shape.)"""
    parts, intro = report_sections(HAILAR_2012[0])
    review, plan = parts[REVIEW], parts[PLAN]
    assert (len(review), len(plan)) == (8, 10)
    right, by_order, doc = placed_by_order(
        review, plan, reading_order(review, plan), intro, HAILAR_2012[1]
    )
    assert all(right.values()), [h for h, ok in right.items() if not ok]
    assert len(by_order) >= 13
    assert len(right) >= len(by_order) + 3
    # A pledge (确保……) is a target: those headlines all sit in the plan part.
    plan_part = next(s for s in doc.sections if s.kind == PLAN)
    pledges = {h for h in right if "确保" in h}
    assert pledges and pledges <= {s.heading for s in plan_part.children}


@pytest.mark.parametrize("shuffle", range(4))
def test_order_prior_keeps_out_of_a_cluster_out_of_order(shuffle: int) -> None:
    parts, intro = report_sections(HAILAR_2012[0])
    review, plan = parts[REVIEW], parts[PLAN]
    cluster = reading_order(review, plan)
    random.Random(shuffle).shuffle(cluster)
    right, by_order, doc = placed_by_order(review, plan, cluster, intro, HAILAR_2012[1])
    assert by_order == set()
    assert all(right.values())
    assert all(n.startswith("not used") for n in order_notes(doc))


@pytest.mark.parametrize(("kind", "k"), [(PLAN, 0), (PLAN, 5), (PLAN, 9), (REVIEW, 0), (REVIEW, 6)])
def test_order_prior_refuses_when_a_block_is_missing(kind: str, k: int) -> None:
    """A section's text lost from the copy, its headline still gathered: the counts no longer
    match, and no headline is put anywhere by the order."""
    parts, intro = report_sections(HAILAR_2012[0])
    cluster = reading_order(parts[REVIEW], parts[PLAN])
    del parts[kind][k]
    right, by_order, doc = placed_by_order(
        parts[REVIEW], parts[PLAN], cluster, intro, HAILAR_2012[1]
    )
    assert by_order == set()
    assert all(right.values())
    assert "not used: the open headlines cannot all have a block of their own in that order" in (
        order_notes(doc)
    )


@pytest.mark.parametrize("k", [0, 9, 12])
def test_order_prior_with_a_headline_missing(k: int) -> None:
    """A headline lost (its section stays untitled): the order still holds for the others. (Not
    one of the few the words place: without those nothing bears the order out.)"""
    parts, intro = report_sections(HAILAR_2012[0])
    review, plan = parts[REVIEW], parts[PLAN]
    cluster = reading_order(review, plan)
    del cluster[k]
    right, by_order, _ = placed_by_order(review, plan, cluster, intro, HAILAR_2012[1])
    assert all(right.values())
    assert by_order


def test_order_prior_keeps_the_order_per_frame() -> None:
    """Like the seed's first review blocks: part of the review set in another frame, which the
    copy puts after the plan's blocks. Each frame keeps its own order; the cluster interleaves
    them."""
    parts, intro = report_sections(HAILAR_2012[0])
    review, plan = parts[REVIEW], parts[PLAN]
    cluster = reading_order(review, plan)
    right, by_order, _ = placed_by_order(
        review[:3], plan + review[3:], cluster, intro, HAILAR_2012[1]
    )
    assert all(right.values())
    assert len(by_order) >= 8


SC_2024 = ("state-council_2024_zh.txt", (2023, 2024))


def test_the_order_of_all_best_blocks_undoes_a_placement_it_rules_out() -> None:
    """SC 2024: ten plan sections and nothing else, one run of blocks. By its words 更好统筹发展和
    安全 有效防范化解重点领域风险 goes on (四)'s lead (推进重点领域和关键环节改革攻坚…, 更好发挥政府
    作用); no other headline is placed by its words, so no pair of placements bears the order
    out. But the best blocks of all ten, each proving little, keep the cluster's order, and the
    placement leaves the five headlines gathered before it three blocks: undone. Shuffled, the
    best blocks keep no order, and nothing says the placement is wrong."""
    parts, intro = report_sections(SC_2024[0])
    intro.setdefault(REVIEW, intro[PLAN])
    plan = parts[PLAN]
    head = "更好统筹发展和安全 有效防范化解重点领域风险"
    cluster = reading_order([], plan)
    right, _, doc = placed_by_order([], plan, cluster, intro, SC_2024[1])
    assert head not in right and all(right.values())
    note = next(r.note for r in doc.repairs if r.kind == "unplaced_heading" and r.after == head)
    assert "would not all find a block in order (undone)" in note
    assert "the best blocks of the gathered headlines by their words keep their order" in note
    random.Random(0).shuffle(cluster)
    right, _, doc = placed_by_order([], plan, cluster, intro, SC_2024[1])
    assert right == {head: False}  # the words alone still mislead
    assert not any("keep their order" in r.note for r in doc.repairs)


@pytest.mark.parametrize(
    ("name", "years"),
    [
        HAILAR_2012,
        ("hailar-district_2014_zh.txt", (2013, 2014)),
        ("hailar-district_2015_zh.txt", (2014, 2015)),
        ("state-council_2024_zh.txt", (2023, 2024)),
    ],
)
def test_order_prior_never_places_a_headline_wrong(name: str, years: tuple[int, int]) -> None:
    """Whatever the words alone do, the order prior puts no headline on another section's block:
    the cluster in reading order, page by page, with two neighbours swapped, or a section lost."""
    parts, intro = report_sections(name)
    intro.setdefault(REVIEW, intro.get(PLAN, ""))
    review, plan = parts[REVIEW], parts[PLAN]
    cluster = reading_order(review, plan)
    rnd = random.Random(len(name))
    swapped = cluster[:]
    k = rnd.randrange(len(swapped) - 1)
    swapped[k], swapped[k + 1] = swapped[k + 1], swapped[k]
    lost = rnd.randrange(len(plan))
    variants = [
        (review, plan, cluster),
        (review, plan, [h for h, _ in review + plan]),
        (review, plan, swapped),
        (review, plan[:lost] + plan[lost + 1 :], [h for h in cluster if h != plan[lost][0]]),
    ]
    for r, p, c in variants:
        right, by_order, _ = placed_by_order(r, p, c, intro, years)
        assert all(right[h] for h in by_order), [h for h in by_order if not right[h]]


# --- the first pass (placements by words alone): precision on spreads of several reports -------

PRECISION_SOURCES = [
    *((f"hailar-district_{y}_zh.txt", (y - 1, y)) for y in (2012, 2013, 2014, 2015)),
    *((f"state-council_{y}_zh.txt", (y - 1, y)) for y in (2008, 2009, 2010, 2012, 2022, 2024)),
]


def spread_variants(name: str) -> list[tuple[str, Sections, Sections, list[str], dict[str, str]]]:
    """A report's spread as the copy may give it: the headlines in reading order or page by
    page (in order), shuffled, two neighbours swapped, a section lost, a review frame moved."""
    parts, intro = report_sections(name)
    intro.setdefault(REVIEW, intro.get(PLAN, ""))
    intro.setdefault(PLAN, intro[REVIEW])
    review, plan = parts[REVIEW], parts[PLAN]
    cluster = reading_order(review, plan)
    out = [
        ("in order", review, plan, cluster),
        ("in order", review, plan, [h for h, _ in review + plan]),
    ]
    for k in range(3):
        shuffled = cluster[:]
        random.Random(k).shuffle(shuffled)
        out.append(("shuffled", review, plan, shuffled))
    swapped = cluster[:]
    k = random.Random(len(name)).randrange(len(swapped) - 1)
    swapped[k], swapped[k + 1] = swapped[k + 1], swapped[k]
    out.append(("swapped", review, plan, swapped))
    for page, kind in ((plan, PLAN), (review, REVIEW)):
        for k in sorted({0, len(page) // 2, len(page) - 1}) if page else []:
            lost = page[:k] + page[k + 1 :]
            rest = [h for h in cluster if h != page[k][0]]
            out.append(("lost", *((review, lost) if kind == PLAN else (lost, plan)), rest))
    if len(review) > 3:
        out.append(("frames", review[:3], plan + review[3:], cluster))
    return [(v, r, p, c, intro) for v, r, p, c in out]


def first_pass_tally() -> dict[str, Counter]:
    """Per source: headlines placed by their words alone (not by the order prior), and how many
    of them sit on another section's block – over every spread variant."""
    out: dict[str, Counter] = {}
    for name, years in PRECISION_SOURCES:
        corpus_file(name)
        tally = out[name] = Counter()
        for variant, review, plan, cluster, intro in spread_variants(name):
            truth = {h: nonspace(paras[0])[:30] for h, paras in review + plan}
            doc = read_pdftext(spread(review, plan, cluster, intro, years), source=name)
            notes = {r.after: r.note for r in doc.repairs if r.kind == "place_heading"}
            for s in doc.iter_sections():
                if s.level == 2 and s.heading in truth and "(order:" not in notes[s.heading]:
                    wrong = not nonspace(s.paragraphs[0].text).startswith(truth[s.heading])
                    tally["placed"] += 1
                    tally["wrong"] += wrong
                    tally[f"wrong {variant}"] += wrong
    return out


@pytest.fixture(scope="module")
def first_pass() -> dict[str, Counter]:
    return first_pass_tally()


def test_first_pass_is_mostly_right_on_corpus_spreads(first_pass: dict[str, Counter]) -> None:
    """Review and plan sections on one topic, bodies that run on into the next section, twin
    headlines: the words alone mislead often (before the lead, twin and order checks, 73 of the
    192 placements on these spreads were wrong, 12 on clusters in order). Now about one in ten
    is (14 of 132, 2 on clusters in order), and the right ones are nearly as many as before
    (118; the order undoes one right placement whose neighbour in the cluster was swapped)."""
    placed = sum(t["placed"] for t in first_pass.values())
    wrong = sum(t["wrong"] for t in first_pass.values())
    assert wrong <= placed / 8, {n: dict(t) for n, t in first_pass.items()}
    assert sum(t["wrong in order"] for t in first_pass.values()) <= 2
    assert placed - wrong >= 110
    # The Hailar reports (another layout: short county headlines) come out with none wrong: a
    # review headline set as a statement (政府自身建设进一步加强) no longer goes on a plan block.
    hailar = [t for n, t in first_pass.items() if n.startswith("hailar")]
    assert sum(t["wrong"] for t in hailar) == 0
    assert sum(t["placed"] for t in hailar) >= 60


@pytest.mark.xfail(
    strict=True,
    reason="words mislead and nothing else tells: SC 2009's review headline 积极推进改革开放 "
    "为经济社会发展… shares 经济社会发展、动力 with the plan's lead 改革开放是经济社会发展的不竭"
    "动力 (its own block lies in another lead's body; the headline reads as a deed, not a "
    "review, and with blocks missing the order proves nothing); SC 2024's 更好统筹发展和安全… "
    "shares 重点领域、更好 with (四)'s lead, undone by the order only where the cluster keeps it",
)
def test_first_pass_goal_few_wrong_and_none_on_in_order_clusters(
    first_pass: dict[str, Counter],
) -> None:
    placed = sum(t["placed"] for t in first_pass.values())
    assert sum(t["wrong"] for t in first_pass.values()) <= 0.02 * placed
    assert sum(t["wrong in order"] for t in first_pass.values()) == 0
