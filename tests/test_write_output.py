"""``write_output``: atomic writes with ordinary file permissions, stdout for ``-``."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from reportgen.errors import RenderError
from reportgen.writers import output_format, write_output


def test_file_gets_the_umask_mode_not_the_temp_files_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_output(tmp_path / "out.txt", "报告\n")
    finally:
        os.umask(old)
    out = tmp_path / "out.txt"
    assert out.read_text(encoding="utf-8") == "报告\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_failed_write_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        write_output(tmp_path / "out.bin", 12)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_directory_target_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="is a directory"):
        write_output(tmp_path, b"x")


def test_dash_writes_to_stdout(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    write_output("-", b"\x00\x01")
    write_output(None, "文")
    assert capsysbinary.readouterr().out == b"\x00\x01" + "文".encode()


@pytest.mark.parametrize(
    ("output", "fmt", "expected"),
    [
        ("a.PDF", None, "pdf"),
        ("a.htm", None, "html"),
        ("a.pdf", "docx", "docx"),
        ("-", None, "json"),
    ],
)
def test_output_format_from_option_extension_or_default(
    output: str, fmt: str | None, expected: str
) -> None:
    assert output_format(output, fmt, ("pdf", "docx", "html", "json"), default="json") == expected


@pytest.mark.parametrize("output", ["a.x", "noext"])
def test_output_format_unknown_extension_is_an_error(output: str) -> None:
    with pytest.raises(RenderError, match="give --format"):
        output_format(output, None, ("pdf", "html"), default="pdf")
