"""Property tests of the text repair (hypothesis): realistic newspaper-PDF copies of generated
Chinese paragraphs – hard-wrapped at random column widths, with column-break blank lines, stray
justification spaces and doubled headlines – come back without losing a character, and repairing
the repaired text changes nothing."""

from __future__ import annotations

import os
import random
from collections import Counter

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reportgen.readers.repair import (
    HEADING,
    PARAGRAPH,
    char_em,
    ends_sentence,
    is_cjk,
    lost_characters,
    nonspace,
    repair,
)

# Common characters of government-report prose (no 记/者: a line starting 记者 is a byline).
HAN = (
    "全区推进建设发展经济社会城乡产业项目工程农村生态环境改革创新服务管理安全民生教育医疗就业"
    "收入增长完成实现提升加强加快深化巩固优化实施开展落实重点基础设施投资企业市场政府群众文化"
    "旅游交通水利能源绿色质量体系机制政策资金规划治理保障稳定水平能力示范园区乡村振兴美丽人才"
)
DIGITS = "0123456789"
LATIN = ("5G", "IPv6", "GDP", "PPP", "HIS")
UNITS = ("万元", "亿元", "个", "项", "万亩", "%", "公里", "万人次")

# REPAIR_EXAMPLES=2000 for a longer run; the default keeps the suite to a few seconds.
# Derandomized so that CI sees the same examples on every run; REPAIR_SEED_RANDOM=1 explores anew.
settings.register_profile(
    "repair",
    max_examples=int(os.environ.get("REPAIR_EXAMPLES", "120")),
    deadline=None,
    derandomize=not os.environ.get("REPAIR_SEED_RANDOM"),
    database=None,
)

word = st.text(alphabet=HAN, min_size=2, max_size=6)
number = st.builds(
    lambda i, f, u: f"{i}{'.' + f if f else ''}{u}",
    st.integers(1, 9999).map(str),
    st.sampled_from(["", "5", "38", "2"]),
    st.sampled_from(UNITS),
)
token = st.one_of(word, word, word, number, st.sampled_from(LATIN))


@st.composite
def clause(draw) -> str:
    parts = draw(st.lists(token, min_size=1, max_size=4))
    text = ""
    for part in parts:
        if text and not is_cjk(text[-1]) and not is_cjk(part[0]):
            text += draw(word)  # Latin words and numbers stand between Chinese words
        text += part
    if draw(st.booleans()) and draw(st.booleans()):
        text = f"“{text}”"
    return text


@st.composite
def sentence(draw) -> str:
    clauses = draw(st.lists(clause(), min_size=1, max_size=4))
    seps = draw(
        st.lists(
            st.sampled_from("，，，、；"), min_size=len(clauses) - 1, max_size=len(clauses) - 1
        )
    )
    out = clauses[0]
    for sep, c in zip(seps, clauses[1:], strict=True):
        out += sep + c
    return out + draw(st.sampled_from("。。。！？"))


paragraph = st.lists(sentence(), min_size=1, max_size=5).map("".join)


@st.composite
def headline(draw) -> str:
    phrases = draw(
        st.lists(
            st.lists(st.sampled_from(HAN), min_size=3, max_size=7, unique=True).map("".join),
            min_size=1,
            max_size=2,
        )
    )
    return " ".join(phrases)


# Kinsoku, as a typesetter applies it: closing marks never start a line (one may hang past its
# end; where a second would, the word before them moves down with them), opening marks never
# end one (they move down with what they open); a space never starts one either.
NO_LINE_START = "，。、；：！？”’）》」』…%％,.;:!?) "
NO_LINE_END = "“‘（《〈「『【〔([{"


def _latin(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == ".")


def wrap(text: str, width: float) -> list[str]:
    """Column lines of ``width`` em, broken where the next character no longer fits, but for
    the kinsoku rules above; Latin words and numbers are not broken."""
    lines: list[str] = []
    cur, w = "", 0.0
    for ch in text:
        cw = char_em(ch)
        if cur and w + cw > width and not (ch in NO_LINE_START and w <= width):
            k = len(cur)
            latin_word = _latin(ch)  # a Latin word or number is never broken
            if ch in NO_LINE_START:  # a second mark past the edge: the word before goes down
                while k and cur[k - 1] in NO_LINE_START:
                    k -= 1
                latin_word = k > 0 and _latin(cur[k - 1])
                if k and not latin_word:
                    k -= 1
            while latin_word and k and _latin(cur[k - 1]):
                k -= 1
            while k and cur[k - 1] in NO_LINE_END:
                k -= 1
            k = k or len(cur)  # a single word wider than the column stays whole
            lines.append(cur[:k])
            cur = cur[k:]
            w = sum(char_em(c) for c in cur)
        cur += ch
        w += cw
    if cur:
        lines.append(cur)
    return lines


def justify(line: str, rnd, p_space: float, deficit: float) -> str:
    """The spaces a copy shows in a line: the gaps of a line stretched to its column (when a Latin
    word or a number had to move to the next line) and a few stray ones."""
    gaps = [k for k in range(1, len(line)) if is_cjk(line[k - 1]) or is_cjk(line[k])]
    stretch = set(rnd.sample(gaps, min(len(gaps), int(deficit * 2)))) if deficit >= 1 else set()
    out = ""
    for k, ch in enumerate(line):
        if k in stretch or (k in gaps and rnd.random() < p_space):
            out += rnd.choice([" ", " ", "  ", "\u3000"])
        out += ch
    return out


@st.composite
def copied_article(draw, *, any_column_break: bool, stray=(0.0, 0.01)):
    """(raw text, paragraphs, headlines): paragraphs set in columns of a random width with
    column-break blank lines, blank lines between paragraphs, stray spaces, and headlines printed
    with doubled glyphs between the paragraphs.

    ``stray`` are the chances of a stray space between two characters (real copies have few: their
    spaces are mostly the gaps of stretched lines). With ``any_column_break`` a column may end
    anywhere – also right after a full stop, where the
    copy cannot tell a column break from a paragraph break; otherwise columns end mid-sentence
    (the case the reader must always mend)."""
    paras = draw(st.lists(paragraph, min_size=1, max_size=5))
    width = draw(st.integers(12, 30))
    p_space = draw(st.sampled_from(stray))
    column = draw(st.integers(3, 12))
    # A seeded generator, not st.randoms(): hypothesis would shrink each of its draws towards 0,
    # and every gap would get a "stray" space.
    rnd = random.Random(draw(st.integers(0, 2**32)))
    heads: list[str] = []
    chunks: list[str] = []
    left = column
    samples = 0
    for para in paras:
        if draw(st.booleans()) and draw(st.booleans()):
            h = draw(headline())
            heads.append(h)
            doubled = " ".join(t + t for t in h.split())
            chunks.append(doubled)
        lines = wrap(para, width)
        out: list[str] = []
        for k, ln in enumerate(lines):
            last = k == len(lines) - 1
            deficit = 0.0 if last else width - sum(char_em(c) for c in ln)
            out.append(justify(ln, rnd, p_space, deficit))
            left -= 1
            if left <= 0 and not last and (any_column_break or not ends_sentence(ln)):
                out.append("")  # column break
                left = column
            elif not last and deficit < 1 and out[-1] == ln:
                samples += 1  # a full line the copy shows as it is (no spaces in it)
        chunks.append("\n".join(out))
    # A column at all: a few lines that fill it, each followed by the next line of its column
    # (with none there is no telling how wide the column is, so no telling a full line from a
    # short one).
    assume(samples >= 2)
    raw = "\n\n".join(chunks) + draw(st.sampled_from(["", "\n", " \n"]))
    return raw, paras, heads


def check_no_loss_and_idempotent(raw: str) -> None:
    first = repair(raw)
    text = first.text()
    # Nothing invented, nothing lost but the recorded second copies of doubled glyphs.
    before, after = Counter(nonspace(raw)), Counter(nonspace(text))
    assert after - before == Counter()
    assert before - after == lost_characters(first.repairs)
    # Repairing the repaired text changes nothing and finds nothing to repair.
    second = repair(text)
    assert second.text() == text
    assert second.repairs == []
    # Every repair locates its "before" in the raw input.
    for r in first.repairs:
        if r.start >= 0:
            assert raw[r.start : r.end] == r.before


@settings(settings.get_profile("repair"), suppress_health_check=[HealthCheck.too_slow])
@given(copied_article(any_column_break=True, stray=(0.0, 0.02, 0.1)))
def test_repair_loses_nothing_and_is_idempotent(article) -> None:
    raw, _, _ = article
    check_no_loss_and_idempotent(raw)


@settings(settings.get_profile("repair"), suppress_health_check=[HealthCheck.too_slow])
@given(copied_article(any_column_break=False))
def test_mid_sentence_column_breaks_give_back_the_paragraphs(article) -> None:
    raw, paras, heads = article
    check_no_loss_and_idempotent(raw)
    rep = repair(raw)
    assert [u.text for u in rep.units if u.kind == PARAGRAPH] == paras
    assert [u.text for u in rep.units if u.kind == HEADING] == heads


@settings(settings.get_profile("repair"))
@given(st.text(alphabet=HAN + "，。、 \n" + DIGITS, max_size=200))
def test_any_text_loses_nothing_and_is_idempotent(raw: str) -> None:
    check_no_loss_and_idempotent(raw)
