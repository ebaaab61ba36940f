"""Duplicate units: sentence spans, normalisation of spaces and punctuation width, number masking."""

from __future__ import annotations

import json

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from reportgen.cli import cli
from reportgen.dupes.units import mask_numbers, normalise, numbers, sentence_spans
from tests.conftest import corpus_file

TEXT = st.text(
    alphabet=st.sampled_from(list("政府工作报告，。！？；：“”（） 　12.3%abc")), max_size=80
)


@given(TEXT)
def test_sentence_spans_cover_the_text_in_order(text: str) -> None:
    spans = sentence_spans(text)
    pos = 0
    for s, e in spans:
        assert pos <= s < e <= len(text)
        assert text[pos:s].strip() == ""  # only spaces between sentences
        assert text[s:e] == text[s:e].strip()
        pos = e
    assert text[pos:].strip() == ""


@given(TEXT)
def test_normalise_is_idempotent_and_masking_keeps_the_rest(text: str) -> None:
    n = normalise(text)
    assert normalise(n) == n
    assert not any(c.isspace() for c in n)
    masked = mask_numbers(n)
    assert not any(c.isdigit() for c in masked)
    # Putting the numbers back into the # slots gives the text back.
    parts = masked.split("#")
    found = numbers(n)
    assert len(parts) == len(found) + 1
    assert "".join(p + f for p, f in zip(parts, [*found, ""], strict=True)) == n


def test_copy_differing_only_in_spaces_and_punctuation_width_is_exact(tmp_path) -> None:
    lines = corpus_file("hailar-district_2014_zh.txt").read_text(encoding="utf-8").split("\n")
    body = next(ln.strip() for ln in lines if len(ln) > 200 and "，" in ln and "%" in ln)
    first = body[: body.index("。") + 1]
    # Half-width comma, colon and percent, full-width digits and spaces in the copy.
    wide = str.maketrans("0123456789", "０１２３４５６７８９")
    copy = first.replace("，", ", ").replace("：", ":").translate(wide).replace("%", "％ ")
    assert copy != first and normalise(copy) == normalise(first)
    report = tmp_path / "report.txt"
    report.write_text(f"{body}\n\n　　另起一段。{copy}后面还有文字，内容不同。\n", encoding="utf-8")
    out = CliRunner().invoke(cli, ["dupes", str(report), "--format", "json"])
    assert out.exit_code == 0, out.output
    groups = json.loads(out.stdout)["groups"]
    kinds = [
        g["kind"] for g in groups if any(m["text"].startswith(first[:10]) for m in g["members"])
    ]
    assert kinds == ["exact"]
