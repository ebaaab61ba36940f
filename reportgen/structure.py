"""Structure step: turn a reader's flat list of blocks into the document tree (headings, parts, kinds, ids)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportgen.model import OTHER, PLAN, REVIEW, Block, Document, Paragraph, Repair, Section

CN_NUM = "一二三四五六七八九十"
# Numbered headings as reports write them, outermost first.
HEADING_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^[{CN_NUM}]{{1,3}}、")),
    (2, re.compile(rf"^[（(][{CN_NUM}]{{1,3}}[）)]")),
)
# A run-in heading ends at the first full stop: "（一）经济增长进一步加快。2011年……"
# ASCII stops count too (some years use ASCII punctuation), except a decimal point ("5.2%").
RUN_IN_END = re.compile(r"[。！？]|[.!?](?!\d)")
MAX_HEADING_CHARS = 60

YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
REVIEW_WORDS = ("回顾", "过去一年", "过去五年", "工作总结", "成绩", "精彩", "回眸")
PLAN_WORDS = ("安排", "任务", "总体要求", "目标", "计划", "展望", "奋进", "政策取向", "工作建议")

# Sentence cues for inferring review vs plan where no heading says it.
ACHIEVED_CUES = ("完成", "实现", "达到", "建成", "过去一年", "同比", "累计", "已", "增长了", "取得")
TARGET_CUES = (
    "力争",
    "确保",
    "将",
    "预期",
    "计划",
    "争取",
    "要",
    "加快推进",
    "持续推进",
    "深入实施",
    "再建",
    "谋划",
)
# Weighted cues (positive: results, negative: targets), weights roughly the log-odds of the cue in
# the review vs plan parts of the corpus reports (Hailar 2012–2015, State Council 2022/2024).
# Time words say it most plainly; they alone decide where the layout already suggests a part.
TIME_CUES: tuple[tuple[re.Pattern[str], float], ...] = tuple(
    (re.compile(p), w)
    for p, w in (
        (r"过去[一五]年|一年来|五年来", 4.0),
        (r"去年|上一年", 2.0),
        (r"今年|明年|下一步", -3.0),
    )
)
KIND_CUES: tuple[tuple[re.Pattern[str], float], ...] = TIME_CUES + tuple(
    (re.compile(p), w)
    for p, w in (
        (r"同比", 2.0),
        (r"累计", 2.0),
        (r"(?:超额|圆满|顺利|如期)完成", 1.5),
        (r"(?<![为除])了(?![解不])", 1.5),
        (r"已(?!有)", 1.5),
        (r"成功|显著|荣获|获评|入选|获得", 1.5),
        (r"取得", 1.0),
        (r"建成|投运|竣工|投入使用", 1.0),
        (r"分别达|达到", 0.5),
        (r"全年", 1.0),
        (r"确保|力争", -3.0),
        (r"健全|打造|谋划", -2.0),
        (r"再建|再创|再新增", -2.0),
        (r"坚决|坚持|继续|预期", -1.0),
        (r"(?<![重主需必只])要(?![求素点闻害件])", -1.5),
        (r"加快|大力|积极|推动|争取", -1.0),
        (r"(?<![即必])将(?!近)", -0.5),
        (r"着力|全力|深化|强化|完善", -0.5),
    )
)
# Results and goals by the shape of a clause, not by single words. A result names its subject and
# then what became of it, at the clause's end (国务院机构改革基本完成, 社会保障体系进一步健全,
# 重点任务取得积极进展), or the figure it reached (利润增长23.5%). A goal puts the verb first
# (推进…改革: no cue), or stands under a word of intent earlier in its sentence (要…, 确保…,
# 主要预期目标是：……经济结构进一步优化); its figures are approximate (增长5%左右) or proposed (拟).
# Review parts written as deeds (加强…, 推进…) look like plans word by word; these clauses do not.
DEGREE_WORDS = (
    "基本|全面|顺利|稳步|扎实|有序|不断|进一步|明显|显著|大幅|持续|逐步|较快|快速|加快|初步|"
    "有效|继续|日益|更加|大大|迅速|普遍"
)
CHANGE_VERBS = (
    "完成|推进|推开|铺开|深化|加强|提高|提升|改善|好转|落实|实施|扩大|增强|健全|完善|加大|优化|"
    "回升|下降|增长|减少|增加|见效|突破|加快|降低|巩固|缓解|遏制"
)
RESULT_STATE_RE = re.compile(rf"[\u4e00-\u9fff]{{2}}(?:{DEGREE_WORDS})(?:{CHANGE_VERBS})$")
RESULT_GAIN_RE = re.compile(
    r"[\u4e00-\u9fff]{2}(?:取得|获得)了?(?:新|重大|重要|明显|积极|显著|阶段性|决定性)*的?"
    r"(?:进展|成效|成绩|突破|成果|胜利)$"
)
# A change to a figure; 左右/以上/以内/以下 after it make it a bound, which targets state.
RESULT_FIGURE_RE = re.compile(
    r"(?:增长|下降|增加|减少|达到|突破|超过|提高|降低|完成|实现|达)了?(?:约|近|超)?"
    r"(?>[\d.]+(?:[%％]|个百分点|倍|[万亿]*[元人个项家所座户吨亩]?))(?!左右|以上|以内|以下)"
)
TARGET_FIGURE_RE = re.compile(r"[\d.]+[%％]?左右|拟")
# Words after which the rest of the sentence says what is wanted, not what was done.
INTENT_RE = re.compile(
    r"要|将(?!近)|确保|力争|争取|使(?!用)|(?<!转)让|推动|促进|以便|为了|必须|必将|目标|预期|预计|"
    r"届时|今后|以后|保证|努力|力求|计划|今年|明年|年内|到20\d\d年"
)
CLAUSE_RE = re.compile(r"[^，。；！？：,;!?\s]+")  # a headline's phrases are clauses too
SENTENCE_RE = re.compile(r"[^。！？!?]+")  # ；and ： go on with the sentence (目标是：…；…)
# Weights: roughly the log-odds of each in the review vs plan parts of the corpus reports
# (State Council 2008–2024, Hailar 2012–2015): +3.4, +2.7 (with 取得 already counted), +2.4, −2.2.
RESULT_STATE, RESULT_GAIN, RESULT_FIGURE, TARGET_FIGURE = 3.0, 1.5, 1.5, -2.0

# A reporter's byline; ``fullmatch`` when the whole line must be one.
BYLINE_RE = re.compile(
    r"^(?:本报记者|本报通讯员|特约记者|记者|通讯员|新华社记者)[\s\u3000]*\S{1,20}"
)
SOURCE_COMMENT_RE = re.compile(r"^#\s*source:", re.I)
# Front matter: "——2019年3月5日在……上", "----2012年2月29日在……上" (ASCII dashes in older files),
# "第十二届全国人大二次会议，2014年3月5日" or a bare date line.
SUBTITLE_DASH_RE = re.compile(r"^(?:—{1,2}|-{2,4})\s*\S")
FULL_DATE_RE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
# "国务院总理 李克强", "海拉尔区人民政府区长　杜联合": an office followed by a 2–5 character name.
OFFICES = ("总理", "省长", "市长", "区长", "县长", "州长", "旗长", "镇长", "乡长", "主席", "主任")
OFFICE_BYLINE_RE = re.compile(rf"(?:{'|'.join(OFFICES)})[\s\u3000]*[\u4e00-\u9fff·]{{2,5}}$")


@dataclass
class _Node:
    heading: str
    level: int
    kind: str = OTHER
    year: int | None = None
    kind_inferred: bool = False
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)

    def freeze(self) -> Section:
        return Section(
            heading=self.heading,
            level=self.level,
            kind=self.kind,
            year=self.year,
            kind_inferred=self.kind_inferred,
            paragraphs=tuple(self.paragraphs),
            children=tuple(c.freeze() for c in self.children),
        )


def numbered_heading_level(text: str) -> int | None:
    """The outline level a numbering prefix (``一、`` = 1, ``（一）`` = 2) gives, if any. A table
    row (cells joined by a tab, see :func:`reportgen.readers.table_row`) has none: ``一、农业`` in
    its first cell names a category; a lone label before a tab (``一、\t总体要求``, as Word's
    plain-text export writes list numbers) still numbers a heading."""
    if "\t" in text:
        first, rest = text.split("\t", 1)
        if first.strip() and not any(pat.fullmatch(first.strip()) for _, pat in HEADING_PATTERNS):
            return None
        text = first.strip() + rest.strip()
    for level, pat in HEADING_PATTERNS:
        if pat.match(text):
            return level
    return None


def split_run_in_heading(text: str) -> tuple[str, str]:
    """Split ``（一）标题。正文……`` into heading and body; a short block is all heading."""
    if len(text) <= MAX_HEADING_CHARS and not RUN_IN_END.search(text[:-1]):
        return text, ""
    m = RUN_IN_END.search(text)
    if m and m.end() <= MAX_HEADING_CHARS:
        return text[: m.end()], text[m.end() :].lstrip()
    return "", text


def part_kind(heading: str, doc_year: int | None) -> tuple[str, int | None]:
    """Review or plan, and the year, as a part heading states them (``精彩·2023``, ``一、2018年工作回顾``)."""
    years = [int(y) for y in YEAR_RE.findall(heading)]
    year = years[0] if years else None
    if any(w in heading for w in REVIEW_WORDS):
        return REVIEW, year if year is not None else (doc_year - 1 if doc_year else None)
    if any(w in heading for w in PLAN_WORDS):
        return PLAN, year if year is not None else doc_year
    if year is not None and doc_year is not None:
        return (REVIEW if year < doc_year else PLAN), year
    return OTHER, year


def kind_score(
    text: str,
    *,
    review_year: int | None = None,
    plan_year: int | None = None,
    time_only: bool = False,
) -> float:
    """How much ``text`` reads like results (> 0: 过去一年/同比/已/成功…, a subject and what
    became of it, a figure reached) or targets (< 0: 确保/力争/今年/要…, 5%左右). A year the
    text names counts too when the report's years are known (``2023年`` in a 2024 paper is last
    year). ``time_only`` counts time words and years only."""
    cues = TIME_CUES if time_only else KIND_CUES
    score = sum(w * len(p.findall(text)) for p, w in cues)
    if not time_only:
        score += _clause_score(text)
    for y in YEAR_RE.findall(text):
        if review_year is not None and int(y) == review_year:
            score += 3.0
        elif plan_year is not None and int(y) == plan_year:
            score -= 3.0
    return score


def _clause_score(text: str) -> float:
    """Results and targets by the shape of their clauses (see :data:`RESULT_STATE_RE`)."""
    score = 0.0
    for sentence in SENTENCE_RE.findall(text):
        for m in CLAUSE_RE.finditer(sentence):
            if INTENT_RE.search(sentence, 0, m.end()):
                break  # the rest of the sentence says what is wanted
            clause = m.group()
            if RESULT_STATE_RE.search(clause):
                score += RESULT_STATE
            elif RESULT_GAIN_RE.search(clause):
                score += RESULT_GAIN
            score += RESULT_FIGURE * len(RESULT_FIGURE_RE.findall(clause))
    return score + TARGET_FIGURE * len(TARGET_FIGURE_RE.findall(text))


def kind_of_score(score: float, *, margin: float = 1.0) -> str:
    if score >= margin:
        return REVIEW
    if score <= -margin:
        return PLAN
    return OTHER


def infer_kind(texts: Sequence[str]) -> str:
    """Review or plan from the language of the paragraphs: 完成/实现/过去一年 vs 力争/确保/将."""
    return kind_of_score(sum(kind_score(t) for t in texts))


def document_year(blocks: Sequence[Block], title: str) -> int | None:
    """The year a report is for: the latest year named in a part heading or the title."""
    years = [int(y) for y in YEAR_RE.findall(title)]
    for b in blocks:
        level = b.heading_level or numbered_heading_level(b.text)
        if level == 1:
            years.extend(int(y) for y in YEAR_RE.findall(b.text[:MAX_HEADING_CHARS]))
    return max(years) if years else None


def _is_title(text: str) -> bool:
    return (
        len(text) <= 40
        and numbered_heading_level(text) is None
        and not RUN_IN_END.search(text)
        and not text.endswith(("：", ":"))
    )


def _is_subtitle(text: str) -> bool:
    dated = SUBTITLE_DASH_RE.match(text) or FULL_DATE_RE.search(text)
    return bool(dated) and len(text) <= 80 and not text.endswith(("。", "："))


def build_document(
    blocks: Sequence[Block],
    *,
    source: str,
    text: str,
    format: str,
    repairs: Sequence[Repair] = (),
    unplaced_headings: Sequence[str] = (),
    title: str | None = None,
    byline: str | None = None,
) -> Document:
    """Assemble the tree: title and byline from the opening blocks, headings from the format or
    from numbering, review/plan parts with their years, stable paragraph ids ``p1``, ``p2`` …"""
    repairs = list(repairs)
    blocks = [
        b
        for b in blocks
        if (b.text.strip() or b.meta.get("untitled")) and not SOURCE_COMMENT_RE.match(b.text)
    ]
    subtitle = ""
    i = 0
    if (
        title is None
        and blocks
        and blocks[0].heading_level in (None, 0)
        and _is_title(blocks[0].text)
    ):
        title, i = blocks[0].text, 1
    title = title or ""
    # Subtitle lines (——2019年3月5日在……上) and a byline follow the title.
    while i < len(blocks) and i < 4 and blocks[i].heading_level in (None, 0):
        t = blocks[i].text
        if byline is None and BYLINE_RE.match(t) and len(t) <= 40:
            byline = t
        elif _is_subtitle(t) and not subtitle:
            subtitle = t
        elif byline is None and len(t) <= 40 and OFFICE_BYLINE_RE.search(t):
            byline = t
        else:
            break
        i += 1
    byline = byline or ""
    body = blocks[i:]
    doc_year = document_year(body, f"{title} {subtitle}")

    root = _Node("", 0)
    stack: list[_Node] = [root]
    counter = 0

    def current() -> _Node:
        return stack[-1]

    def open_section(
        heading: str, level: int, start_kind: tuple[str, int | None], inferred: bool = False
    ) -> None:
        while len(stack) > 1 and stack[-1].level >= level:
            stack.pop()
        node = _Node(heading, level, kind=start_kind[0], year=start_kind[1], kind_inferred=inferred)
        current().children.append(node)
        stack.append(node)

    def add_paragraph(t: str, start: int, end: int) -> None:
        nonlocal counter
        counter += 1
        node = current()
        if node is root:
            # Text before any heading lives in an untitled preamble section.
            if not root.children or root.children[-1].heading or root.children[-1].children:
                root.children.append(_Node("", 1))
            node = root.children[-1]
        node.paragraphs.append(Paragraph(f"p{counter}", t, start, end))

    for b in body:
        t = b.text.strip()
        if b.meta.get("untitled") and b.heading_level:
            # A section whose headline the reader could not find (its paragraphs still belong
            # together, and to no other headline).
            kind = (b.meta.get("kind", OTHER), b.meta.get("year"))
            open_section("", b.heading_level, kind, bool(b.meta.get("kind_inferred")))
            continue
        level = b.heading_level if b.heading_level else numbered_heading_level(t)
        if level is None:
            add_paragraph(t, b.start, b.end)
            continue
        heading, rest = (t, "") if b.heading_level else split_run_in_heading(t)
        if not heading:
            add_paragraph(t, b.start, b.end)
            continue
        if b.meta.get("kind"):
            # The reader knows the kind (e.g. a newspaper section placed in a part by its language).
            kind = (b.meta["kind"], b.meta.get("year"))
            open_section(heading, level, kind, bool(b.meta.get("kind_inferred")))
        else:
            kind = part_kind(heading, doc_year) if level == 1 else (OTHER, None)
            open_section(heading, level, kind)
        if rest:
            offset = b.start + t.index(rest) if b.start >= 0 else -1
            add_paragraph(rest, offset, b.end)

    sections = [_infer_kinds(n, repairs, doc_year) for n in root.children]
    return Document(
        source=source,
        title=title,
        subtitle=subtitle,
        byline=byline,
        sections=tuple(s.freeze() for s in sections),
        repairs=tuple(repairs),
        unplaced_headings=tuple(unplaced_headings),
        text=text,
        format=format,
        year=doc_year,
    )


def _infer_kinds(node: _Node, repairs: list[Repair], doc_year: int | None = None) -> _Node:
    """Give a top-level section with no stated kind one inferred from its language, and record it."""
    if node.level == 1 and node.kind == OTHER:
        texts = [p.text for n in _walk(node) for p in n.paragraphs]
        kind = infer_kind(texts)
        if kind != OTHER:
            node.kind, node.kind_inferred = kind, True
            if node.year is None and doc_year is not None and node.heading:
                # A report reviews the year before it and plans the year it is given in.
                node.year = doc_year - 1 if kind == REVIEW else doc_year
            repairs.append(
                Repair(
                    "infer_part",
                    node.heading,
                    kind,
                    note="kind inferred from the paragraphs' language",
                )
            )
    return node


def _walk(node: _Node) -> list[_Node]:
    out = [node]
    for c in node.children:
        out.extend(_walk(c))
    return out
