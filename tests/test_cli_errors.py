"""Every command treats bad input the same way: one line on stderr, exit 2, no output file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import cli
from tests.conftest import corpus_file

# Commands that read reports and write one output file with -o.
COMMANDS = [["parse"], ["facts"], ["brief"], ["dupes"], ["diff"]]


def run(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(cli, args)
    return result.exit_code, result.stderr


@pytest.fixture()
def inputs(tmp_path: Path) -> dict[str, Path]:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(os.urandom(2048) + b"\x00")
    folder = tmp_path / "folder"
    folder.mkdir()
    # The official English of a report (a real one: the corpus's State Council 2019 translation).
    english = tmp_path / "english.txt"
    english.write_text(corpus_file("state-council_2019_en.txt").read_text(encoding="utf-8"))
    blank = tmp_path / "blank.html"
    blank.write_text("<html><body><p> </p><img src='x.png'></body></html>", encoding="utf-8")
    return {
        "missing": tmp_path / "missing.txt",
        "directory": folder,
        "binary": binary,
        "english": english,
        "blank": blank,
    }


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("missing", "no such file"),
        ("directory", "is a directory"),
        ("binary", "not a text file"),
        ("english", "no Chinese text (reportgen reads Chinese reports"),
        ("blank", "no text found"),
    ],
)
def test_bad_input(
    command: list[str], case: str, message: str, inputs: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / ("out.json" if command[0] in ("parse", "facts") else "out.html")
    code, err = run([*command, str(inputs[case]), "-o", str(out)])
    assert code == 2
    # brief reports its progress first ("reportgen: reading …"); the error is the one last line.
    errors = [ln for ln in err.splitlines() if not ln.startswith("reportgen: reading ")]
    assert len(errors) == 1 and errors[0].startswith("reportgen: error: ")
    assert message in errors[0]
    assert not out.exists()


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_unknown_output_extension_is_refused_before_any_work(
    command: list[str], inputs: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "out.xyz"
    # The input does not exist either: the format is checked first, so that is what is reported.
    code, err = run([*command, str(inputs["missing"]), "-o", str(out)])
    assert code == 2
    assert "cannot tell the format from '.xyz'" in err and "give --format" in err
    assert not out.exists()


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_unwritable_output_path(command: list[str], tmp_path: Path) -> None:
    src = tmp_path / "r.txt"
    src.write_text("政府工作报告\n一、2023年工作回顾\n地区生产总值增长5%。\n", encoding="utf-8")
    # /proc refuses new folders, even to root.
    code, err = run(
        [*command, str(src), "-o", "/proc/no-such-dir/out.html", "-f", "html"]
        if command[0] in ("brief", "dupes", "diff")
        else [*command, str(src), "-o", "/proc/no-such-dir/out.json"]
    )
    assert code == 2
    assert err.strip().splitlines()[-1].startswith("reportgen: error: /proc/no-such-dir/out.")
    assert "Traceback" not in err


def test_index_add_into_a_new_folder_and_into_an_unwritable_one(tmp_path: Path) -> None:
    src = tmp_path / "r.txt"
    src.write_text("政府工作报告\n一、2023年工作回顾\n全年地区生产总值增长百分之五，城乡居民收入稳步增长。\n",
                   encoding="utf-8")  # fmt: skip
    db = tmp_path / "new" / "archive.db"
    code, _ = run(["index", "add", str(src), "--db", str(db)])
    assert code == 0 and db.is_file()
    code, err = run(["index", "add", str(src), "--db", "/proc/no-such-dir/archive.db"])
    assert code == 2
    assert err == "reportgen: error: /proc/no-such-dir/archive.db: cannot create its folder (No such file or directory)\n"  # fmt: skip
