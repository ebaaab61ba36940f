"""Commands as library functions: each writes what its CLI command writes, the allow-list file is
read like any other input (GB18030 too, one-line errors), and default output names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import cli
from reportgen.commands import diff_files, dupes_files, facts_file, index_files, parse_file
from reportgen.diff import compare
from reportgen.errors import InputError, RenderError
from reportgen.readers import read_list, read_path
from reportgen.writers import json_text, render_diff, render_document
from tests.conftest import corpus_file


def _cli(*args: str) -> tuple[int, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stderr


def _report(name: str, seed: Path) -> Path:
    return seed if name == "seed" else corpus_file(name)


@pytest.mark.parametrize(
    "name", ["seed", "hailar-district_2013_zh.txt", "state-council_2015_zh.txt"]
)
@pytest.mark.parametrize(
    ("command", "suffix"), [("parse", "json"), ("parse", "md"), ("facts", "csv"), ("facts", "md")]
)
def test_library_function_writes_what_the_command_writes(
    name: str, command: str, suffix: str, seed_path: Path, tmp_path: Path
) -> None:
    report = _report(name, seed_path)
    by_lib, by_cli = tmp_path / f"lib.{suffix}", tmp_path / f"cli.{suffix}"
    fn = parse_file if command == "parse" else facts_file
    assert fn(report, output=by_lib) == str(by_lib)
    assert _cli(command, str(report), "-o", str(by_cli))[0] == 0
    assert by_lib.read_bytes() == by_cli.read_bytes()
    assert len(by_lib.read_text(encoding="utf-8")) > 1000


# --- the dupes allow-list: read like an input ---------------------------------------------------


def _dupes(reports: list[Path], out: Path, **options: object) -> dict:
    assert dupes_files(reports, output=out, **options) == str(out)  # type: ignore[arg-type]
    return json.loads(out.read_text(encoding="utf-8"))


def _texts(data: dict) -> set[str]:
    return {m["text"] for g in data["groups"] for m in g["members"]}


@pytest.mark.parametrize(
    "names",
    [["seed"], ["hailar-district_2014_zh.txt", "hailar-district_2015_zh.txt"]],
)
def test_allow_list_in_gb18030_works_like_utf8(
    names: list[str], seed_path: Path, tmp_path: Path
) -> None:
    reports = [_report(n, seed_path) for n in names]
    before = _dupes(reports, tmp_path / "before.json")
    # A sentence that really repeats in these reports (found, not written down here).
    repeated = next(
        m["text"] for g in before["groups"] for m in g["members"] if m["unit"] == "sentence"
    )
    listing = f"# phrases that may repeat\n\n  {repeated}  \n"
    utf8, gbk, bom = tmp_path / "u.txt", tmp_path / "g.txt", tmp_path / "b.txt"
    utf8.write_text(listing, encoding="utf-8")
    # As an editor's Notepad on a Chinese Windows saves it: GB18030 with CRLF line ends.
    gbk.write_bytes(listing.replace("\n", "\r\n").encode("gb18030"))
    bom.write_bytes(listing.encode("utf-8-sig"))
    for f in (utf8, gbk, bom):
        assert read_list(f) == (repeated,)
    results = [_dupes(reports, tmp_path / f"{f.stem}.json", allow=f) for f in (utf8, gbk, bom)]
    assert results[0] == results[1] == results[2]
    assert repeated in _texts(before) and repeated not in _texts(results[0])
    assert len(results[0]["groups"]) < len(before["groups"])


def test_allow_list_errors_are_one_line_and_an_empty_list_allows_nothing_more(
    seed_path: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"\n  \n")
    base = _dupes([seed_path], tmp_path / "a.json")
    assert _dupes([seed_path], tmp_path / "b.json", allow=empty) == base
    binary = tmp_path / "allow.bin"
    binary.write_bytes(bytes(range(256)) * 8)
    cases = {
        tmp_path / "missing.txt": "no such allow-list file",
        binary: "not a text file",
    }
    for allow, message in cases.items():
        code, err = _cli("dupes", str(seed_path), "--allow", str(allow))
        lines = [ln for ln in err.splitlines() if not ln.startswith("reportgen: warning:")]
        assert code == 2 and len(lines) == 1, err
        assert lines[0].startswith(f"reportgen: error: {allow}: {message}"), err
    # The CLI refuses a folder itself; the library says so in the readers' words.
    with pytest.raises(InputError, match=r": is a directory, not the allow-list file$"):
        dupes_files([seed_path], output=tmp_path / "c.json", allow=tmp_path)
    assert not (tmp_path / "c.json").exists()


# --- progress, default names, dispatch ----------------------------------------------------------


def test_index_files_ticks_each_stage_and_returns_the_stats(tmp_path: Path) -> None:
    files = [corpus_file(f"hailar-district_{y}_zh.txt") for y in (2012, 2013)]
    ticks: list[tuple[str, int]] = []
    stats = index_files(files, db=tmp_path / "a.db", progress=lambda s, n: ticks.append((s, n)))
    assert (stats.added, stats.skipped, stats.documents) == (2, 0, 2)
    assert stats.passages > 100
    assert ticks[:2] == [("reading", 1), ("reading", 1)]
    assert {s for s, _ in ticks[2:]} == {"indexed"} and sum(n for _, n in ticks[2:]) == 2
    again = index_files(files[:1], db=tmp_path / "a.db")
    assert (again.added, again.skipped, again.documents) == (0, 1, 2)


def test_diff_default_output_is_named_after_the_newest_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    old, new = (corpus_file(f"hailar-district_{y}_zh.txt") for y in (2013, 2014))
    # Given newest first: the name still follows the year the report states.
    code, err = _cli("diff", str(new), str(old))
    assert code == 0 and "reportgen: wrote output/hailar-district_2014_zh-diff.html" in err
    assert "<html" in Path("output/hailar-district_2014_zh-diff.html").read_text(encoding="utf-8")
    target = diff_files([new, old], fmt="json", with_facts=False)
    assert target == "output/hailar-district_2014_zh-diff.json"
    data = json.loads(Path(target).read_text(encoding="utf-8"))
    assert [d["year"] for d in data["reports"]] == [2013, 2014]


def test_format_dispatch_renders_and_refuses_unknown_formats(seed_path: Path) -> None:
    doc = read_path(seed_path)
    assert render_document(doc, fmt="json") == json_text(doc.to_dict(include_text=True))
    assert render_document(doc, fmt="md").startswith("# ")
    result = compare([doc], with_facts=False)
    assert render_diff(result, fmt="json") == json_text(result.to_dict())
    with pytest.raises(RenderError, match="unknown diff format 'xlsx'"):
        render_diff(result, fmt="xlsx")
    with pytest.raises(RenderError, match="unknown document format 'pdf'"):
        render_document(doc, fmt="pdf")
