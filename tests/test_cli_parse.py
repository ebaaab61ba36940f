"""``reportgen parse``: outputs (json, md, text; file or stdout) and one-line errors for bad input."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import cli
from reportgen.model import Document, Section
from tests.conftest import SEED, corpus_file


def encrypted_pdf() -> bytes:
    """A minimal PDF protected by a user password (standard security handler, RC4 40-bit): the
    password check fails before any content is read, so the content need not be encrypted."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <"
        + b"11" * 32
        + b"> /U <"
        + b"22" * 32
        + b"> >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>\n" % (
        len(objs) + 1,
        b"ab" * 16,
        b"ab" * 16,
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def weasyprint_pdf() -> bytes:
    import weasyprint

    html = '<html lang="zh-CN"><body style="font-family: \'Noto Serif CJK SC\'">'
    html += "<h1>政府工作报告</h1>" + "<p>过去一年，经济运行总体平稳。</p>" * 40 + "</body></html>"
    return weasyprint.HTML(string=html).write_pdf()


def docx_bytes() -> bytes:
    import docx

    d = docx.Document()
    d.add_heading("一、2023年工作回顾", level=1)
    d.add_paragraph("过去一年，地区生产总值增长5%。" * 30)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


BAD_INPUTS: dict[str, tuple[str, Callable[[], bytes] | None, str]] = {
    # name: (file name, bytes to write or None for no file, expected message fragment)
    "empty": ("empty.txt", lambda: b"", "empty"),
    "blank": ("blank.md", lambda: b"\n \n\t", "empty"),
    "binary": ("blob.txt", lambda: bytes(range(256)) * 16, "not a text file"),
    "unknown extension": ("report.xyz", lambda: "政府工作报告".encode(), "unknown file type"),
    "truncated docx": ("cut.docx", lambda: docx_bytes()[:3000], "not a readable DOCX"),
    "text named docx": ("fake.docx", lambda: b"hello", "not a readable DOCX"),
    "truncated pdf": ("cut.pdf", lambda: weasyprint_pdf()[:1500], "damaged or truncated PDF"),
    "not a pdf": ("fake.pdf", lambda: "政府工作报告".encode(), "not a PDF"),
    "encrypted pdf": ("locked.pdf", encrypted_pdf, "encrypted"),
    "bad json": ("doc.json", lambda: b'{"schema": "other"}', "not a reportgen document"),
    "missing": ("missing.txt", None, "no such file"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_exit_2_and_no_output(case: str, tmp_path: Path) -> None:
    name, make, fragment = BAD_INPUTS[case]
    src = tmp_path / name
    if make is not None:
        src.write_bytes(make())
    out = tmp_path / "out.json"
    result = CliRunner().invoke(cli, ["parse", str(src), "-o", str(out)])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reportgen: error: "), result.stderr
    assert fragment in lines[0]
    assert "Traceback" not in result.output
    assert result.stdout == ""
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.json")] == []


def test_directory_is_rejected(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["parse", str(tmp_path), "-o", str(tmp_path / "o.json")])
    assert result.exit_code == 2
    assert "is a directory" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "o.json").exists()


def test_json_output_to_file_reads_back(tmp_path: Path) -> None:
    src = corpus_file("state-council_2019_zh.txt")
    out = tmp_path / "deep" / "doc.json"
    result = CliRunner().invoke(cli, ["parse", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    doc = Document.from_dict(data)
    assert doc.format == "text" and doc.year == 2019
    assert [s.heading for s in doc.sections if s.heading][2] == "三、2019年政府工作任务"
    assert len(doc.sections[-1].children) == 10
    # The saved tree is itself an input.
    again = CliRunner().invoke(cli, ["parse", str(out), "-f", "text"])
    assert again.exit_code == 0
    assert "三、2019年政府工作任务" in again.stdout
    # With the text the offsets refer to: every paragraph is where it says it is.
    assert all(doc.text[p.start : p.end] == p.text for p in doc.paragraphs() if p.start >= 0)


def test_dupes_on_a_saved_tree_points_at_the_same_lines(tmp_path: Path) -> None:
    saved = tmp_path / "seed.json"
    assert CliRunner().invoke(cli, ["parse", str(SEED), "-o", str(saved)]).exit_code == 0

    def lines(path: Path) -> list[int]:
        res = CliRunner().invoke(cli, ["dupes", str(path), "-f", "json"])
        assert res.exit_code == 0, res.output
        return re.findall(r'"line": (\d+)', res.stdout)

    from_text = lines(SEED)
    assert from_text and "0" not in from_text
    assert lines(saved) == from_text


@pytest.mark.parametrize("fmt", ["md", "text"])
def test_md_and_text_outputs_to_stdout(fmt: str) -> None:
    src = corpus_file("hailar-district_2014_zh.txt")
    result = CliRunner().invoke(cli, ["parse", str(src), "-f", fmt, "-o", "-"])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "政府工作报告" in out.splitlines()[0]
    assert "一、2013年工作回顾" in out and "（一）经济保持较快发展" in out
    if fmt == "md":
        assert "## 一、2013年工作回顾 <!-- review 2013 -->" in out
        assert "### （一）经济保持较快发展" in out
    else:
        assert "#" not in out


@pytest.mark.parametrize("suffix", [".md", ".html", ".docx", ".pdf"])
def test_every_format_parses_through_the_cli(suffix: str, tmp_path: Path) -> None:
    src = tmp_path / f"report{suffix}"
    body = "<p>过去一年，地区生产总值增长5%。</p>"
    if suffix == ".md":
        src.write_text("# 一、2023年工作回顾\n\n过去一年，地区生产总值增长5%。\n", encoding="utf-8")
    elif suffix == ".html":
        src.write_text(f"<h1>一、2023年工作回顾</h1>{body}", encoding="gb18030")
    elif suffix == ".docx":
        src.write_bytes(docx_bytes())
    else:
        import weasyprint

        html = f'<html lang="zh-CN"><body><h1>一、2023年工作回顾</h1>{body * 3}</body></html>'
        src.write_bytes(weasyprint.HTML(string=html).write_pdf())
    result = CliRunner().invoke(cli, ["parse", str(src)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["format"] == {".md": "markdown"}.get(suffix, suffix[1:])
    part = data["sections"][0]
    assert (part["heading"], part["kind"], part["year"]) == ("一、2023年工作回顾", "review", 2023)
    assert part["paragraphs"][0]["text"].startswith("过去一年，地区生产总值增长5%。")


@pytest.mark.parametrize(
    ("content", "fmt"),
    [
        ("一、2023年工作回顾\n过去一年，地区生产总值增长5%。\n".encode("gb18030"), "text"),
        (
            "<!DOCTYPE html><h2>一、2023年工作回顾</h2><p>过去一年，地区生产总值增长5%。</p>".encode(),
            "html",
        ),
    ],
)
def test_file_without_suffix_is_sniffed(content: bytes, fmt: str, tmp_path: Path) -> None:
    src = tmp_path / "REPORT"
    src.write_bytes(content)
    result = CliRunner().invoke(cli, ["parse", str(src)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["format"] == fmt
    assert data["sections"][0]["heading"] == "一、2023年工作回顾"
    assert data["sections"][0]["paragraphs"][0]["text"] == "过去一年，地区生产总值增长5%。"


@pytest.mark.parametrize(
    ("command", "suffix", "starts"),
    [
        ("parse", ".md", "# 步履铿锵"),
        ("parse", ".txt", "步履铿锵"),
        ("parse", ".json", "{"),
        ("facts", ".csv", "indicator,"),
        ("facts", ".tsv", "indicator\t"),
        ("facts", ".md", "| "),
    ],
)
def test_output_extension_picks_the_format(
    command: str, suffix: str, starts: str, tmp_path: Path
) -> None:
    out = tmp_path / f"seed{suffix}"
    result = CliRunner().invoke(cli, [command, str(SEED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith(starts)
    # --format still wins over the extension.
    forced = tmp_path / f"forced{suffix}"
    result = CliRunner().invoke(cli, [command, str(SEED), "-o", str(forced), "-f", "json"])
    assert result.exit_code == 0 and forced.read_text(encoding="utf-8").startswith(("{", "["))


def test_warnings_always_and_repairs_with_verbose(tmp_path: Path) -> None:
    """Headings kept aside are a warning on stderr; -v also says what was repaired, by kind."""
    out = tmp_path / "seed.json"
    quiet = CliRunner().invoke(cli, ["parse", str(SEED), "-o", str(out)])
    assert quiet.exit_code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    lines = quiet.stderr.splitlines()
    if doc["unplaced_headings"]:
        assert len(lines) == 1 and lines[0].startswith("reportgen: warning: ")
        assert doc["unplaced_headings"][0] in lines[0]
    assert not any(ln.startswith("reportgen: info:") for ln in lines)
    loud = CliRunner().invoke(cli, ["-v", "parse", str(SEED), "-o", str(out)])
    info = [ln for ln in loud.stderr.splitlines() if ln.startswith("reportgen: info: ")]
    assert len(info) == 1 and f"{len(doc['repairs'])} repairs" in info[0]
    assert "join_wrap" in info[0] and "undouble_headline" in info[0]


def test_markdown_outline_reads_back_as_the_same_report(tmp_path: Path) -> None:
    """parse -f md of the seed, read back as Markdown: the same headings and paragraphs; the
    headings the reader kept aside stay in a comment, not in the text."""
    from reportgen.readers import read_path

    md = tmp_path / "seed.md"
    assert CliRunner().invoke(cli, ["parse", str(SEED), "-o", str(md)]).exit_code == 0
    doc, again = read_path(SEED), read_path(md)
    assert doc.unplaced_headings  # the seed keeps some aside: what this test is about
    assert "<!-- Headings the reader could not place" in md.read_text(encoding="utf-8")
    assert [p.text for p in again.paragraphs()] == [p.text for p in doc.paragraphs()]

    def headings(sections: Sequence[Section]) -> list[str]:
        return [h for s in sections for h in (s.heading, *headings(s.children)) if h]

    assert headings(again.sections) == headings(doc.sections)
    assert not any(h in p.text for h in doc.unplaced_headings for p in again.paragraphs())


def test_output_does_not_depend_on_the_hash_seed() -> None:
    """Same input, same bytes: repair notes list tied shared words in a fixed order, not in the
    order Python's per-process string hashing gives a set."""
    import os
    import subprocess
    import sys

    outs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-m", "reportgen", "parse", str(SEED)],
            capture_output=True,
            env=env,
            check=True,
        )
        outs.add(run.stdout)
    assert len(outs) == 1
