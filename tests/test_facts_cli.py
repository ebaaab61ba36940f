"""`reportgen facts`: formats, --kind, -o, errors; document-level kinds and years."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import cli
from reportgen.facts import extract_facts
from reportgen.readers import read_path
from tests.conftest import FACT_KEYS

REPORT = """政府工作报告
一、2023年工作回顾
过去一年，全区地区生产总值完成274.4亿元，同比增长9.1%。新建高标准农田1.58万亩，城镇登记失业率3.79%。
二、2024年工作安排
主要预期目标是：地区生产总值增长6%－6.5%，城镇登记失业率控制在4.5%以内。完成国土绿化5.2万亩。
"""
KEYS = FACT_KEYS


@pytest.fixture()
def report(tmp_path: Path) -> Path:
    p = tmp_path / "report.txt"
    p.write_text(REPORT, encoding="utf-8")
    return p


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, ["facts", *args])
    return r.exit_code, r.stdout, r.stderr


def test_json(report: Path) -> None:
    code, out, _ = run(str(report))
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "reportgen.facts/1"
    facts = data["facts"]
    assert all(list(f) == KEYS for f in facts)
    got = [(f["surface"], f["value"], f["unit"], f["kind"], f["year"]) for f in facts]
    assert got == [
        ("274.4亿元", 27_440_000_000, "元", "achievement", 2023),
        ("9.1%", 9.1, "%", "achievement", 2023),
        ("1.58万亩", 15_800, "亩", "achievement", 2023),
        ("3.79%", 3.79, "%", "achievement", 2023),
        ("6%－6.5%", 6, "%", "target", 2024),
        ("控制在4.5%以内", 4.5, "%", "target", 2024),
        ("5.2万亩", 52_000, "亩", "target", 2024),
    ]
    rng = facts[4]
    assert (rng["low"], rng["high"], rng["measure"], rng["en"]) == (6, 6.5, "change", "up 6%–6.5%")
    # Offsets point into the paragraph the id names.
    doc = read_path(report)
    for f in facts:
        assert doc.paragraph(f["paragraph_id"]).text[f["start"] : f["end"]] == f["surface"]


def test_kind_filter(report: Path) -> None:
    code, out, _ = run(str(report), "--kind", "target")
    assert code == 0
    assert {f["kind"] for f in json.loads(out)["facts"]} == {"target"}
    assert len(json.loads(out)["facts"]) == 3
    assert [f.kind for f in extract_facts(read_path(report), kind="achievement")] == [
        "achievement"
    ] * 4


@pytest.mark.parametrize(("fmt", "delim"), [("csv", ","), ("tsv", "\t")])
def test_delimited(report: Path, fmt: str, delim: str) -> None:
    code, out, _ = run(str(report), "--format", fmt)
    assert code == 0
    rows = list(csv.reader(io.StringIO(out), delimiter=delim))
    assert rows[0] == KEYS
    assert len(rows) == 8
    first = dict(zip(KEYS, rows[1], strict=True))
    assert (first["value"], first["unit"], first["low"]) == ("27440000000", "元", "")


def test_markdown_to_file(report: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "facts.md"
    code, out, _ = run(str(report), "-f", "md", "-o", str(target))
    assert code == 0 and out == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith("| indicator | surface |")
    assert "| 新建高标准农田 | 1.58万亩 | 15800 | 亩 |" in text
    assert "15,800 mu" in text


def test_missing_input_is_one_line_and_no_output(tmp_path: Path) -> None:
    target = tmp_path / "facts.json"
    code, out, err = run(str(tmp_path / "nope.txt"), "-o", str(target))
    assert code == 2
    assert err.strip().count("\n") == 0 and err.startswith("reportgen: error:")
    assert "Traceback" not in err
    assert not target.exists()


def test_bad_format_is_a_usage_error(report: Path) -> None:
    code, _, err = run(str(report), "--format", "xml")
    assert code == 2 and "xml" in err
