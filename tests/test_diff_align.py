"""Paragraph alignment on a real report with known edits applied programmatically."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from reportgen.cli import cli
from reportgen.diff import compare
from reportgen.diff.align import align_paragraphs, candidate_matrix, flatten
from reportgen.diff.inline import diff_text
from reportgen.diff.tokens import token_texts
from reportgen.readers import read_path
from tests.conftest import corpus_file

NEW_PARA = "　　新增一段：全面推进数字政府建设，年内建成一体化政务服务平台，网上可办率达到95%以上。"


def _paragraph_lines(lines: list[str]) -> list[int]:
    """Indices of long body paragraphs (not headings) in a one-paragraph-per-line report."""
    return [k for k, line in enumerate(lines) if len(line.strip()) > 120]


def _edited(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    src = corpus_file("hailar-district_2014_zh.txt").read_text(encoding="utf-8")
    old = tmp_path / "old.txt"
    old.write_text(src, encoding="utf-8")
    lines = [line for line in src.split("\n") if line.strip()]
    body = _paragraph_lines(lines)
    marks: dict[str, str] = {}

    moved, split, merge_a, number, reword, deleted = (body[k] for k in (4, 14, 18, 12, 22, 30))
    assert len({moved, split, merge_a, merge_a + 1, number, reword, deleted}) == 7
    assert merge_a + 1 in body
    new = list(lines)
    marks["moved"] = lines[moved].strip()[:30]
    marks["number_old"] = lines[number]
    # Only numbers change: the first percentage in the paragraph.
    m = re.search(r"\d+(?:\.\d+)?%", lines[number])
    assert m
    new[number] = lines[number][: m.start()] + "99.5%" + lines[number][m.end() :]
    marks["number_from"], marks["number_to"] = m.group(), "99.5%"
    # Split at the sentence end closest to the middle.
    text = lines[split]
    cuts = [m.end() for m in re.finditer("。", text)][:-1]
    cut = min(cuts, key=lambda c: abs(c - len(text) / 2))
    new[split] = text[:cut] + "\n　　" + text[cut:]
    marks["split"] = text.strip()[:30]
    new[merge_a] = lines[merge_a] + lines[merge_a + 1].strip()
    new[merge_a + 1] = ""
    marks["merged"] = lines[merge_a].strip()[:30]
    first = lines[reword].index("。") + 1
    new[reword] = (
        lines[reword][:first]
        + "我们将坚定不移地落实各项改革举措，确保取得实效。"
        + lines[reword][first:]
    )
    marks["reword"] = lines[reword].strip()[:30]
    marks["deleted"] = lines[deleted].strip()[:30]
    new[deleted] = ""
    new.insert(body[26], NEW_PARA)
    # Move last so the indices above stay valid: the paragraph goes far down the report.
    moved_text = lines[moved]
    new[moved] = ""
    new.insert(body[28] + 1, moved_text)
    out = tmp_path / "new.txt"
    out.write_text("\n\n".join(x for x in new if x != ""), encoding="utf-8")
    return old, out, marks


def test_known_edits_found_and_nothing_else(tmp_path: Path) -> None:
    old, new, marks = _edited(tmp_path)
    result = compare([read_path(old), read_path(new)], with_facts=False)
    rows = result.pairs[0].paragraphs
    by_status: dict[str, list] = {}
    for r in rows:
        by_status.setdefault(r.status, []).append(r)
    starts = {
        s: [(r.old_text or r.new_text).strip()[:30] for r in rs] for s, rs in by_status.items()
    }
    assert starts.get("moved") == [marks["moved"]]
    assert starts.get("split") == [marks["split"]]
    assert len(by_status["split"][0].new) == 2
    assert starts.get("merged") == [marks["merged"]]
    assert len(by_status["merged"][0].old) == 2
    assert starts.get("removed") == [marks["deleted"]]
    assert [r.new_text for r in by_status["added"]] == [NEW_PARA.strip()]
    changed = sorted(by_status["changed"], key=lambda r: r.old[0].index)
    assert len(changed) == 2, [r.old_text[:30] for r in changed]
    num = next(r for r in changed if r.old_text.strip()[:30] == marks["number_old"].strip()[:30])
    edits = [op for op in num.ops if op.tag != "equal"]
    assert [(op.tag, op.old, op.new) for op in edits] == [
        ("replace", marks["number_from"], marks["number_to"])
    ]
    reworded = next(r for r in changed if r is not num)
    assert reworded.old_text.strip()[:30] == marks["reword"]
    assert [op.tag for op in reworded.ops if op.tag != "equal"] == ["insert"]
    # No heading was edited: every section pairs with its namesake.
    sections = result.pairs[0].sections
    assert sections and all(s.status in ("equal", "changed") for s in sections)
    assert all(s.old_heading == s.new_heading for s in sections)
    # Everything else is equal: every paragraph of the old report is accounted for exactly once.
    n_old = sum(len(r.old) for r in rows)
    assert n_old == len(read_path(old).paragraphs())
    assert len(by_status["equal"]) == n_old - 1 - 1 - 2 - 1 - 2


def test_number_change_is_one_replacement() -> None:
    ops = [
        op
        for op in diff_text("地区生产总值增长5%左右。", "地区生产总值增长5.5%左右。")
        if op.tag != "equal"
    ]
    assert [(op.tag, op.old, op.new) for op in ops] == [("replace", "5%左右", "5.5%左右")]
    ops = [
        op
        for op in diff_text("城镇新增就业1200万人以上。", "城镇新增就业1100万人以上。")
        if op.tag != "equal"
    ]
    assert [(op.old, op.new) for op in ops] == [("1200万人以上", "1100万人以上")]


def test_tokens_keep_numbers_whole() -> None:
    assert token_texts("增长5.5%左右，达到1200万人以上") == [
        "增",
        "长",
        "5.5%左右",
        "，",
        "达",
        "到",
        "1200万人以上",
    ]
    assert "".join(token_texts("约3个百分点 and 6.5% growth")) == "约3个百分点 and 6.5% growth"


def test_cli_json_schema(tmp_path: Path) -> None:
    old, new, _ = _edited(tmp_path)
    res = CliRunner().invoke(
        cli, ["diff", str(old), str(new), "-o", "-", "--format", "json", "--no-facts"]
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["schema"] == "reportgen.diff/1"
    statuses = {p["status"] for p in data["paragraphs"]}
    assert statuses == {"equal", "changed", "moved", "added", "removed", "split", "merged"}
    moved = next(p for p in data["paragraphs"] if p["status"] == "moved")
    assert moved["old"]["id"] and moved["new"]["id"] and moved["similarity"] == 1.0


def test_renamed_section_pairs_with_its_old_heading(tmp_path: Path) -> None:
    src = corpus_file("hailar-district_2014_zh.txt").read_text(encoding="utf-8")
    assert "（一）经济保持较快发展" in src
    old = tmp_path / "old.txt"
    old.write_text(src, encoding="utf-8")
    new = tmp_path / "new.txt"
    new.write_text(
        src.replace("（一）经济保持较快发展", "（一）经济实现稳步增长"), encoding="utf-8"
    )
    pair = compare([read_path(old), read_path(new)], with_facts=False).pairs[0]
    renamed = [s for s in pair.sections if s.old_heading != s.new_heading]
    assert len(renamed) == 1
    assert renamed[0].old_heading.endswith("经济保持较快发展")
    assert renamed[0].new_heading.endswith("经济实现稳步增长")
    assert renamed[0].content_similarity == 1.0 and renamed[0].status == "changed"
    assert {p.status for p in pair.paragraphs} == {"equal"}  # the text under it did not change


def test_cli_errors_are_one_line_and_leave_no_file(tmp_path: Path) -> None:
    good = corpus_file("hailar-district_2014_zh.txt")
    runner = CliRunner()
    res = runner.invoke(cli, ["diff", str(tmp_path / "missing.txt"), str(good)])
    assert res.exit_code == 2 and "no such file" in res.output
    out = tmp_path / "d.xyz"
    res = runner.invoke(cli, ["diff", str(good), str(good), "-o", str(out)])
    assert res.exit_code == 2 and "--format" in res.output
    assert not out.exists()


def _rows(
    old: Path, new: Path, **options: int
) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    fa, fb = flatten(read_path(old)), flatten(read_path(new))
    rows = align_paragraphs(fa, fb, **options)
    return [(r.status, tuple(p.id for p in r.old), tuple(p.id for p in r.new)) for r in rows]


def test_candidate_filter_finds_the_same_pairs_as_scoring_all(tmp_path: Path) -> None:
    # Filter forced on (0) against every pair scored: the same rows on known edits and on two
    # real successive reports with hundreds of reworded, moved and split paragraphs.
    old, new, _ = _edited(tmp_path)
    assert _rows(old, new, prefilter_above=0) == _rows(old, new, prefilter_above=10**12)
    a, b = corpus_file("state-council_2018_zh.txt"), corpus_file("state-council_2019_zh.txt")
    filtered, full = _rows(a, b, prefilter_above=0), _rows(a, b, prefilter_above=10**12)
    assert filtered == full
    statuses = {s for s, _, _ in full}
    assert {"changed", "moved", "split", "merged"} <= statuses


def test_candidate_matrix_keeps_rewordings_and_drops_strangers() -> None:
    old = [
        "全面推进乡村振兴，粮食产量保持在1.3万亿斤以上，农村居民收入持续增长。",
        "深化国有企业改革，完善现代企业制度。",
    ]
    new = [
        "深化国有企业改革，健全现代企业制度，提高核心竞争力。",
        "全面推进乡村振兴，粮食产量稳定在1.3万亿斤以上，农民收入较快增长。",
    ]
    m = candidate_matrix(old, new)
    assert m.tolist() == [[False, True], [True, False]]
