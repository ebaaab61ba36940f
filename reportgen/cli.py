"""Command line: a thin click layer; each command calls one library function.

Heavy libraries (WeasyPrint, python-docx, PDF readers, matplotlib) are imported inside commands only,
so ``reportgen --help`` stays fast.
"""

from __future__ import annotations

import functools
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from reportgen import __version__
from reportgen.errors import ReportgenError

EXIT_USAGE = 2


def handle_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a ReportgenError into one line on stderr and exit code 2, never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ReportgenError as e:
            click.echo(f"reportgen: error: {e}", err=True)
            sys.exit(EXIT_USAGE)
        except KeyboardInterrupt:
            click.echo("reportgen: interrupted", err=True)
            sys.exit(130)

    return wrapper


def input_path() -> click.Path:
    # Existence is checked by the readers so that every bad input gets the same one-line error.
    return click.Path(dir_okay=True, path_type=Path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportgen")
@click.option("-v", "--verbose", is_flag=True, help="Log warnings and repairs to stderr.")
def cli(verbose: bool) -> None:
    """reportgen: read Chinese government work reports and publish what is in them.

    \b
    Commands take a report as .txt (plain or copied out of a PDF), .md, .html, .docx or .pdf.
    Start with:  reportgen brief seeds/huangzhong-2024-newspaper.txt
    """
    logging.basicConfig(
        level=logging.INFO if verbose else logging.ERROR,
        format="reportgen: %(levelname)s: %(message)s",
    )


@cli.command()
@click.argument("input", type=input_path())
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["json", "md", "text"]), default="json",
    show_default=True, help="json: the full tree; md/text: the repaired document with headings.",
)
@click.option("-o", "--output", default="-", show_default=True, help="Output file, or - for stdout.")
@handle_errors
def parse(input: Path, fmt: str, output: str) -> None:
    """Read a report into the document tree, repairing PDF damage.

    \b
    Example:
      reportgen parse seeds/huangzhong-2024-newspaper.txt --format md
      reportgen parse report.docx -o report.json
    """
    from reportgen.readers import read_path
    from reportgen.writers import write_output
    from reportgen.writers.outline import to_markdown, to_text

    doc = read_path(input)
    if fmt == "json":
        data = json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "md":
        data = to_markdown(doc)
    else:
        data = to_text(doc)
    write_output(output, data)


def main() -> None:
    cli(prog_name="reportgen")


if __name__ == "__main__":
    main()
