"""The one sentence splitter (reportgen/sentences.py) and the options its callers use: facts and
dupes keep ；-lists in one sentence, translation and diff cut at ；; closing quotes, ellipses,
English full stops and line breaks, on real report text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from reportgen.dupes import find_duplicates
from reportgen.dupes.units import sentence_spans as dupes_spans
from reportgen.facts import extract_from_text
from reportgen.readers import read_bytes, read_path
from reportgen.sentences import sentence_spans, split_sentences
from reportgen.translate.pipeline import split_sentences as translate_sentences
from tests.conftest import corpus_file

TEXT = st.text(
    alphabet=st.sampled_from(list("政府工作报告，。！？；;：“”（）…等 　\n12.3%abcAU")), max_size=80
)


@given(TEXT, st.booleans())
def test_spans_tile_the_text_or_trim_it(text: str, semicolon: bool) -> None:
    spans = sentence_spans(text, semicolon=semicolon)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(s < e for s, e in spans)
    pos = 0
    for s, e in sentence_spans(text, semicolon=semicolon, strip=True):
        assert pos <= s < e and text[pos:s].strip() == ""
        assert text[s:e] == text[s:e].strip()
        pos = e
    assert text[pos:].strip() == ""


def _paragraph(name: str, needle: str) -> str:
    doc = read_path(corpus_file(name))
    return next(p.text for p in doc.paragraphs() if needle in p.text)


def paras_of(name: str) -> list[str]:
    return [p.text for p in read_path(corpus_file(name)).paragraphs()]


def _two_sentences(name: str) -> tuple[str, str]:
    doc = read_path(corpus_file(name))
    return next(
        (ss[0], ss[1])
        for p in doc.paragraphs()
        for ss in [translate_sentences(p.text)]
        if len(ss) >= 2 and ss[0].endswith("。")
    )


def test_semicolon_cuts_only_where_the_caller_asks() -> None:
    text = _paragraph("hailar-district_2012_zh.txt", "预期目标是")
    clauses = translate_sentences(text)
    assert len(clauses) >= 5 and all(c.endswith(("；", "。")) for c in clauses)
    assert "".join(clauses) == text.strip()
    assert [text[s:e] for s, e in dupes_spans(text)] == [text.strip()]
    assert len(sentence_spans(text, semicolon=False)) == 1


def test_facts_target_cue_governs_its_whole_semicolon_list() -> None:
    """Why facts keep ；-lists whole: 预期目标是：A；B；C — every item is a target, though the cue
    stands only before the first (cut at ；, the later items read as results)."""
    text = _paragraph("hailar-district_2012_zh.txt", "预期目标是")
    facts = extract_from_text(text, kind="")
    assert len(facts) >= 10
    assert {f.kind for f in facts} == {"target"}
    assert {f.sentence for f in facts} == {text.strip()}


def test_dupes_does_not_pair_each_years_indicator_clauses() -> None:
    """Why dupes keeps ；-lists whole: each year's review repeats the list of the same indicators
    with new figures (地方财政总收入完成…亿元，同比增长…%；); as ；-clauses they would pair up
    year on year as 'copies'."""
    y14, y15 = (read_path(corpus_file(f"hailar-district_{y}_zh.txt")) for y in (2014, 2015))
    clause = "地方财政总收入完成"
    assert any(s.startswith(clause) for p in y15.paragraphs() for s in translate_sentences(p.text))
    result = find_duplicates([y14, y15])
    assert not [g for g in result.groups if any(m.text.startswith(clause) for m in g.members)]


def test_closing_quote_stays_with_its_sentence() -> None:
    first, second = _two_sentences("state-council_2024_zh.txt")
    quoted = f"大会强调：“{first}”{second}"
    for pieces in (
        split_sentences(quoted),
        [quoted[s:e] for s, e in dupes_spans(quoted)],
        [quoted[s:e] for s, e in sentence_spans(quoted, semicolon=False)],
    ):
        assert pieces[0] == f"大会强调：“{first}”"
        assert pieces[1].startswith(second[:5])


def test_ellipsis_ends_a_sentence_unless_the_sentence_goes_on(seed_path) -> None:
    doc = read_path(seed_path)
    text = next(p.text for p in doc.paragraphs() if "……过去一年" in p.text)
    parts = split_sentences(text, semicolon=False)
    assert any(p.endswith("期盼和关切……") for p in parts)
    assert any(p.startswith("过去一年") for p in parts)
    # A list cut short (……等, ……，) is inside its sentence.
    sentence = translate_sentences(_paragraph("hailar-district_2015_zh.txt", "、"))[0]
    head, tail = sentence.split("、", 1)
    for cut in (f"{head}……等{tail}", f"{head}……，{tail}"):
        assert split_sentences(cut) == [cut]


def english_paras(name: str) -> list[str]:
    """The paragraphs of an official English translation (read_path refuses a report with no
    Chinese; the splitter still has to handle English text that reaches it)."""
    path = corpus_file(name)
    return [p.text for p in read_bytes(path.read_bytes(), kind="text", source=name).paragraphs()]


def test_english_full_stop_but_not_abbreviations_decimals_or_list_labels() -> None:
    paras = english_paras("state-council_2008_en.txt")
    text = next(t for t in paras if "1.6 trillion yuan" in t)
    parts = split_sentences(text, strip=True)
    assert (
        len(parts) == 3 and parts[1].startswith("Central government") and "1.6 trillion" in parts[1]
    )
    us = next(t for t in paras if "China-U.S. relations" in t)
    assert not [p for p in split_sentences(us, strip=True) if p.endswith("U.")]
    # A line join that lost the space after a full stop.
    joined = next(t for t in english_paras("state-council_2022_en.txt") if "arose.Our" in t)
    assert any(p.endswith("arose.") for p in split_sentences(joined))
    # Chinese text: an ASCII dot is a decimal point or a list label, never a sentence end.
    zh = _paragraph("hailar-district_2015_zh.txt", "%")
    labelled = "1." + zh + "2. " + zh
    assert [p for p in split_sentences(labelled) if re.fullmatch(r"\d\.\s*", p)] == []


def test_line_break_is_a_sentence_boundary() -> None:
    a, b = _two_sentences("hailar-district_2013_zh.txt")
    # A soft return (Word) or <br> (HTML) between two lines without an end mark.
    text = a.rstrip("。") + "\n" + b
    assert split_sentences(text) == [a.rstrip("。") + "\n", b]
    assert [text[s:e] for s, e in dupes_spans(text)] == [a.rstrip("。"), b]
