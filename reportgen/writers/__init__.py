"""Writing step: output files are written atomically, so a failed render leaves no half file."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from reportgen.errors import RenderError


def json_text(data: Mapping[str, Any]) -> str:
    """A result's ``to_dict()`` as the JSON every command writes: UTF-8 text as is, indented."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# Extensions that name a format by another name.
_SUFFIX_ALIASES = {"htm": "html", "txt": "text", "markdown": "md"}


def output_format(
    output: str | Path | None, fmt: str | None, formats: Sequence[str], *, default: str
) -> str:
    """The format to write: ``--format`` wins, else ``-o``'s extension, else ``default`` (also for
    stdout). An extension that names none of ``formats`` is an error, never a silent fallback."""
    if fmt is None and output is not None and str(output) != "-":
        suffix = Path(output).suffix.lower().lstrip(".")
        suffix = _SUFFIX_ALIASES.get(suffix, suffix)
        if suffix not in formats:
            raise RenderError(
                f"{output}: cannot tell the format from {Path(output).suffix or 'no extension'!r};"
                f" give --format ({'/'.join(formats)})"
            )
        fmt = suffix
    fmt = fmt or default
    if fmt not in formats:
        raise RenderError(f"unknown format {fmt!r} (choose one of: {', '.join(formats)})")
    return fmt


def write_output(target: str | Path | None, data: bytes | str) -> None:
    """Write ``data`` to ``target`` (``-`` or None = stdout) via a temporary file and rename."""
    if target is None or str(target) == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(data)
            sys.stdout.flush()
        return
    path = Path(target)
    if path.is_dir():
        raise RenderError(f"{path}: is a directory; give a file name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as e:
        raise RenderError(f"{path}: cannot write ({e.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as f:
            # mkstemp makes the file private (0600); an output file gets the usual umask mode.
            os.fchmod(f.fileno(), 0o666 & ~_umask())
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
