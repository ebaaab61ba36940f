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


TM_DB_HELP = (
    "Translation memory file (SQLite). Default: $REPORTGEN_TM, else "
    "$XDG_DATA_HOME/reportgen/tm.db (~/.local/share/reportgen/tm.db)."
)


@cli.group()
def tm() -> None:
    """Translation memory of official English, reused sentence by sentence in briefings.

    \b
    Example:
      reportgen tm import corpus/state-council_*_zh-en.txt
      reportgen tm lookup 积极的财政政策要加力提效。
    """


@tm.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), help=TM_DB_HELP)
@handle_errors
def tm_import(files: tuple[Path, ...], db: Path | None) -> None:
    """Load aligned zh-en pairs into the translation memory.

    FILES: lines of Chinese<TAB>English (# comments skipped), TMX files, or *_zh.txt files
    whose line-aligned *_en.txt sibling is beside them. Re-importing a file adds nothing twice.
    """
    from reportgen.translate.tm import import_files

    report = import_files(files, db=db)
    for path, n in report.files:
        click.echo(f"{path}: {n} pairs")
    click.echo(f"{report.db}: {report.added} new units, {report.total} in total")


@tm.command("lookup")
@click.argument("text")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), help=TM_DB_HELP)
@click.option(
    "--min-score", type=click.FloatRange(0, 100), default=75, show_default=True,
    help="Lowest similarity (0-100) of a fuzzy match.",
)
@handle_errors
def tm_lookup(text: str, db: Path | None, min_score: float) -> None:
    """Show the official English the memory holds for TEXT (exact or fuzzy); exit 1 if none."""
    from reportgen.translate.tm import lookup_text

    match = lookup_text(text, db=db, min_score=min_score)
    if match is None:
        click.echo(f"no match with similarity >= {min_score:g}", err=True)
        sys.exit(1)
    click.echo(f"TM {match.score:g} %\t{match.en}")
    click.echo(f"  matched: {match.zh}  [{match.source}]")


@cli.command()
@click.argument("input", type=input_path())
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["json", "csv", "tsv", "md"]), default="json",
    show_default=True, help="Output format.",
)
@click.option(
    "--kind", type=click.Choice(["achievement", "target"]), default=None,
    help="Only results achieved (review) or only targets (plan).",
)
@click.option("-o", "--output", default="-", show_default=True, help="Output file, or - for stdout.")
@handle_errors
def facts(input: Path, fmt: str, kind: str | None, output: str) -> None:
    """Extract numeric facts: value (fully scaled), unit, qualifier, achievement or target.

    \b
    Example:
      reportgen facts seeds/huangzhong-2024-newspaper.txt --format md
      reportgen facts report.docx --kind target -o targets.csv --format csv
    """
    from reportgen.facts import extract_facts
    from reportgen.readers import read_path
    from reportgen.writers import write_output
    from reportgen.writers.facts import render_facts

    found = extract_facts(read_path(input), kind=kind)
    write_output(output, render_facts(found, format=fmt))


@cli.command()
@click.argument("input", type=input_path())
@click.option("-o", "--output", default=None, help="Output file (- for stdout) [default: output/<input-stem>.pdf].")
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["pdf", "docx", "html"]), default=None,
    help="Output format [default: from -o's extension, else pdf].",
)
@click.option(
    "--layout", type=click.Choice(["side-by-side", "interleaved", "separate"]),
    default="side-by-side", show_default=True, help="How Chinese and English text are arranged.",
)
@click.option(
    "--lang", type=click.Choice(["zh", "en", "zh-en"]), default="zh-en", show_default=True,
    help="Which language columns to show.",
)
@click.option(
    "--template", "template_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Folder with your own brief.html.j2 (HTML/PDF) and/or brief.docx (Word template).",
)
@click.option("--termbase", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Extra termbase file (TSV or YAML) on top of the shipped one.")
@click.option("--tm", "tm_db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=TM_DB_HELP)
@click.option(
    "--translator", type=click.Choice(["none", "argos", "openai"]), default="none",
    show_default=True, help="Machine translation for what the TM does not cover (none: keep it Chinese).",
)
@click.option("--openai-base-url", default=None, help="OpenAI-compatible endpoint for --translator openai.")
@click.option("--openai-model", default=None, help="Model name for --translator openai.")
@click.option("--full/--summary", default=True, show_default=True,
              help="Whole paragraphs, or each section's lead excerpt.")
@handle_errors
def brief(
    input: Path, output: str | None, fmt: str | None, layout: str, lang: str,
    template_dir: Path | None, termbase: Path | None, tm_db: Path | None, translator: str,
    openai_base_url: str | None, openai_model: str | None, full: bool,
) -> None:
    """Render the bilingual briefing of a report (PDF, DOCX or HTML).

    \b
    Example:
      reportgen brief seeds/huangzhong-2024-newspaper.txt -o output/huangzhong.pdf
      reportgen brief report.docx -o brief.docx --layout interleaved --summary
      reportgen brief report.txt -o brief.html --tm tm.db --lang en
    """
    from reportgen.writers.briefing import write_briefing

    mt_options = {k: v for k, v in (("base_url", openai_base_url), ("model", openai_model)) if v}
    write_briefing(
        input, output=output, fmt=fmt, layout=layout, lang=lang, template_dir=template_dir,
        termbase=termbase, tm=tm_db, translator=translator, full=full, mt_options=mt_options,
        progress=lambda msg: click.echo(f"reportgen: {msg}", err=True),
    )


def main() -> None:
    cli(prog_name="reportgen")


if __name__ == "__main__":
    main()
