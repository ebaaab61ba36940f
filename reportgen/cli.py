"""Command line: a thin click layer; each command calls one function of ``reportgen/commands.py``.

Here are only click options, help texts, progress display and error handling. Heavy libraries
(WeasyPrint, python-docx, PDF readers, matplotlib) are imported inside commands only, so
``reportgen --help`` stays fast.
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
from reportgen.writers import (
    BRIEF_FORMATS,
    DIFF_FORMATS,
    DUPES_FORMATS,
    FACTS_FORMATS,
    PARSE_FORMATS,
)

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


# The same option for the same thing in every command: -o/--output, -f/--format, --min-chars,
# --progress, --db.
def output_option(*, default: str | None, help: str) -> Callable[[Any], Any]:
    return click.option(
        "-o", "--output", default=default, show_default=default is not None, help=help
    )


STDOUT_OUTPUT = output_option(default="-", help="Output file, or - for stdout.")


def format_option(
    formats: tuple[str, ...], *, default: str | None = None, help: str
) -> Callable[[Any], Any]:
    return click.option(
        "-f", "--format", "fmt", type=click.Choice(formats), default=default,
        show_default=default is not None, help=help,
    )  # fmt: skip


MIN_CHARS_OPTION = click.option(
    "--min-chars", type=click.IntRange(1), default=12, show_default=True,
    help="Ignore passages with fewer letters/digits/CJK characters.",
)  # fmt: skip
PROGRESS_OPTION = click.option(
    "--progress", is_flag=True, help="Show progress bars even when stderr is not a terminal."
)


def db_option(*, help: str, default: Path | None = None) -> Callable[[Any], Any]:
    return click.option(
        "--db", type=click.Path(dir_okay=False, path_type=Path), default=default,
        show_default=default is not None, help=help,
    )  # fmt: skip


class _LogHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """``reportgen: warning: …`` on stderr, like the error line: reportgen's own messages, and
    only errors from the libraries underneath (WeasyPrint and fontTools chatter otherwise)."""

    def __init__(self) -> None:
        super().__init__()  # sys.stderr as it is now (click's test runner swaps it)

    def filter(self, record: logging.LogRecord) -> bool:
        return record.name.startswith("reportgen") or record.levelno >= logging.ERROR

    def format(self, record: logging.LogRecord) -> str:
        return f"reportgen: {record.levelname.lower()}: {record.getMessage()}"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportgen")
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Also say what the reader repaired (warnings always show).",
)
def cli(verbose: bool) -> None:
    """reportgen: read Chinese government work reports and publish what is in them.

    \b
    Commands take a report as .txt (plain or copied out of a PDF), .md, .html, .docx or .pdf.
    Start with:  reportgen brief seeds/huangzhong-2024-newspaper.txt
    """
    root = logging.getLogger()
    root.handlers[:] = [h for h in root.handlers if not isinstance(h, _LogHandler)]
    root.addHandler(_LogHandler())
    # Warnings (a heading kept aside, a page without text) always; what was repaired with -v.
    logging.getLogger("reportgen").setLevel(logging.INFO if verbose else logging.WARNING)


@cli.command()
@click.argument("input", type=input_path())
@format_option(
    PARSE_FORMATS,
    help="json: the full tree; md/text: the repaired document with headings "
    "[default: from -o's extension (.json, .md, .txt), else json].",
)
@STDOUT_OUTPUT
@handle_errors
def parse(input: Path, fmt: str | None, output: str) -> None:
    """Read a report into the document tree, repairing PDF damage.

    \b
    Example:
      reportgen parse seeds/huangzhong-2024-newspaper.txt --format md
      reportgen parse report.docx -o report.json
    """
    from reportgen.commands import parse_file

    parse_file(input, output=output, fmt=fmt)


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
@db_option(help=TM_DB_HELP)
@handle_errors
def tm_import(files: tuple[Path, ...], db: Path | None) -> None:
    """Load aligned zh-en pairs into the translation memory.

    FILES: lines of Chinese<TAB>English (# comments skipped), TMX files, or *_zh.txt files
    whose line-aligned *_en.txt sibling is beside them. Re-importing a file adds nothing twice.

    \b
    Example:
      reportgen tm import corpus/state-council_2019_zh.txt --db tm.db
    """
    from reportgen.translate.tm import import_files

    report = import_files(files, db=db)
    for path, n in report.files:
        click.echo(f"{path}: {n} pairs")
    click.echo(f"{report.db}: {report.added} new units, {report.total} in total")


@tm.command("lookup")
@click.argument("text")
@db_option(help=TM_DB_HELP)
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=75,
    show_default=True,
    help="Lowest similarity (0-100) of a fuzzy match.",
)
@handle_errors
def tm_lookup(text: str, db: Path | None, min_score: float) -> None:
    """Show the official English the memory holds for TEXT (exact or fuzzy); exit 1 if none.

    \b
    Example:
      reportgen tm lookup 积极的财政政策要加力提效。 --min-score 85
    """
    from reportgen.translate.tm import lookup_text

    match = lookup_text(text, db=db, min_score=min_score)
    if match is None:
        click.echo(f"no match with similarity >= {min_score:g}", err=True)
        sys.exit(1)
    click.echo(f"TM {match.score:g} %\t{match.en}")
    click.echo(f"  matched: {match.zh}  [{match.source}]")


@cli.command()
@click.argument("input", type=input_path())
@format_option(FACTS_FORMATS, help="Output format [default: from -o's extension, else json].")
@click.option(
    "--kind",
    type=click.Choice(["achievement", "target"]),
    default=None,
    help="Only results achieved (review) or only targets (plan).",
)
@STDOUT_OUTPUT
@handle_errors
def facts(input: Path, fmt: str | None, kind: str | None, output: str) -> None:
    """Extract numeric facts: value (fully scaled), unit, qualifier, achievement or target.

    \b
    Example:
      reportgen facts seeds/huangzhong-2024-newspaper.txt --format md
      reportgen facts report.docx --kind target -o targets.csv
    """
    from reportgen.commands import facts_file

    facts_file(input, output=output, fmt=fmt, kind=kind)


@cli.command()
@click.argument("input", type=input_path())
@output_option(
    default=None, help="Output file, or - for stdout [default: output/<input-stem>.pdf]."
)
@format_option(BRIEF_FORMATS, help="Output format [default: from -o's extension, else pdf].")
@click.option(
    "--layout",
    type=click.Choice(["side-by-side", "interleaved", "separate"]),
    default="side-by-side",
    show_default=True,
    help="How Chinese and English text are arranged.",
)
@click.option(
    "--lang",
    type=click.Choice(["zh", "en", "zh-en"]),
    default="zh-en",
    show_default=True,
    help="Which language columns to show.",
)
@click.option(
    "--template",
    "template_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder with your own brief.html.j2 (HTML/PDF) and/or brief.docx (Word template).",
)
@click.option(
    "--termbase",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Extra termbase file (TSV or YAML) on top of the shipped one.",
)
@click.option(
    "--tm", "tm_db", type=click.Path(dir_okay=False, path_type=Path), default=None, help=TM_DB_HELP
)
@click.option(
    "--translator",
    type=click.Choice(["none", "argos", "openai"]),
    default="none",
    show_default=True,
    help="Machine translation for what the TM does not cover (none: keep it Chinese).",
)
@click.option(
    "--openai-base-url", default=None, help="OpenAI-compatible endpoint for --translator openai."
)
@click.option("--openai-model", default=None, help="Model name for --translator openai.")
@click.option(
    "--full/--summary",
    default=False,
    show_default=True,
    help="--summary (default): each section's lead excerpt and weightiest figures, and a few "
    "examples of each repair; --full: every paragraph, every figure and every judgement-call repair.",
)
@handle_errors
def brief(
    input: Path,
    output: str | None,
    fmt: str | None,
    layout: str,
    lang: str,
    template_dir: Path | None,
    termbase: Path | None,
    tm_db: Path | None,
    translator: str,
    openai_base_url: str | None,
    openai_model: str | None,
    full: bool,
) -> None:
    """Render the bilingual briefing of a report (PDF, DOCX or HTML).

    \b
    Example:
      reportgen brief seeds/huangzhong-2024-newspaper.txt -o output/huangzhong.pdf
      reportgen brief report.docx -o brief.docx --layout interleaved --full
      reportgen brief report.txt -o brief.html --tm tm.db --lang en
    """
    from reportgen.commands import brief_file

    mt_options = {k: v for k, v in (("base_url", openai_base_url), ("model", openai_model)) if v}
    brief_file(
        input,
        output=output,
        fmt=fmt,
        layout=layout,
        lang=lang,
        template_dir=template_dir,
        termbase=termbase,
        tm=tm_db,
        translator=translator,
        full=full,
        mt_options=mt_options,
        progress=lambda msg: click.echo(f"reportgen: {msg}", err=True),
    )


def _progress_bar(enabled: bool) -> Callable[[str, int], None] | None:
    """A progress callback drawing tqdm bars on stderr (when it is a terminal or asked for): one
    bar per stage (reading, hashed, candidates, indexed); a new stage clears the finished one."""
    if not (enabled or sys.stderr.isatty()):
        return None
    from tqdm import tqdm

    bars: dict[str, Any] = {}

    def tick(stage: str, n: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            for done in bars.values():
                done.close()
            unit = "file" if stage == "reading" else ""
            bar = bars[stage] = tqdm(desc=stage, unit=unit, file=sys.stderr, leave=False)
        bar.update(n)

    return tick


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=input_path())
@click.option(
    "--against",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Archive database (from `reportgen index add`) to check for reuse.",
)
@STDOUT_OUTPUT
@format_option(DUPES_FORMATS, help="Output format [default: from -o's extension, else json].")
@MIN_CHARS_OPTION
@click.option(
    "--threshold",
    type=click.FloatRange(0.5, 1.0),
    default=0.8,
    show_default=True,
    help="Lowest similarity (0.5-1) of a near copy.",
)
@click.option(
    "--allow",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File of phrases that may repeat (one a line), added to the built-in list.",
)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(["exact", "numbers", "near", "contained"]),
    help="Only these kinds (repeatable) [default: all].",
)
@PROGRESS_OPTION
@handle_errors
def dupes(
    inputs: tuple[Path, ...],
    against: Path | None,
    output: str,
    fmt: str | None,
    min_chars: int,
    threshold: float,
    allow: Path | None,
    kinds: tuple[str, ...],
    progress: bool,
) -> None:
    """Find passages that repeat: within a report, across reports, or against an archive.

    \b
    Kinds are kept apart: exact copies, copies that differ only in numbers (a stale figure),
    near copies (differences highlighted) and passages contained in longer ones. The DOCX is a
    copy of the first input with a Word comment on every repeated passage.
    Example:
      reportgen dupes seeds/huangzhong-2024-newspaper.txt -o dupes.html
      reportgen dupes 2015.txt 2014.txt -o dupes.docx
      reportgen dupes new.txt --against archive.db --format json
    """
    from reportgen.commands import dupes_files

    dupes_files(
        inputs,
        output=output,
        fmt=fmt,
        against=against,
        min_chars=min_chars,
        threshold=threshold,
        allow=allow,
        kinds=kinds,
        progress=_progress_bar(progress),
    )


ARCHIVE_HELP = "Archive database."


@cli.group()
def index() -> None:
    """The archive of earlier reports that `reportgen dupes --against` checks for reuse.

    \b
    Example:
      reportgen index add corpus/*_zh.txt --db archive.db
      reportgen index stats --db archive.db
    """


@index.command("add")
@click.argument("files", nargs=-1, required=True, type=input_path())
@db_option(default=Path("archive.db"), help=ARCHIVE_HELP)
@MIN_CHARS_OPTION
@PROGRESS_OPTION
@handle_errors
def index_add(files: tuple[Path, ...], db: Path, min_chars: int, progress: bool) -> None:
    """Store every passage of FILES in the archive (a report already stored is skipped).

    \b
    Example:
      reportgen index add hailar_2013.txt hailar_2014.txt --db archive.db
    """
    from reportgen.commands import index_files

    stats = index_files(files, db=db, min_chars=min_chars, progress=_progress_bar(progress))
    click.echo(
        f"{stats.db}: {stats.added} reports added, {stats.skipped} already there; "
        f"{stats.documents} reports, {stats.passages} passages in total"
    )


@index.command("stats")
@db_option(default=Path("archive.db"), help=ARCHIVE_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@handle_errors
def index_stats(db: Path, as_json: bool) -> None:
    """What the archive holds: reports, passages, years.

    \b
    Example:
      reportgen index stats --db archive.db --json
    """
    from reportgen.dupes import index_stats as stats_of

    s = stats_of(db)
    if as_json:
        click.echo(json.dumps(s.to_dict(), ensure_ascii=False))
    else:
        years = f", years {s.years[0]}-{s.years[-1]}" if s.years else ""
        click.echo(f"{s.db}: {s.documents} reports, {s.passages} passages{years}")


@cli.command()
@click.argument("reports", nargs=-1, required=True, type=input_path())
@output_option(
    default=None,
    help="Output file, or - for stdout [default: output/<newest-report>-diff.<format>].",
)
@format_option(
    DIFF_FORMATS,
    help="Output format [default: from -o's extension; json when -o is -; otherwise html].",
)
@click.option("--no-facts", is_flag=True, help="Compare the text only, skip fact extraction.")
@handle_errors
def diff(reports: tuple[Path, ...], output: str | None, fmt: str | None, no_facts: bool) -> None:
    """Compare reports year over year: changed paragraphs, facts, targets against results.

    \b
    One report: its review (last year's results) against its plan (this year's targets).
    Two: old → new, side by side and as a redline; targets of year N against the results
    report N+1 states. More: every consecutive pair plus an indicator × year table and chart.
    Reports are put in order of the years they state, not the order given.
    \b
    Examples:
      reportgen diff hailar_2013.txt hailar_2014.txt            # output/hailar_2014-diff.html
      reportgen diff 2012.txt 2013.txt 2014.txt 2015.txt -o trend.pdf
      reportgen diff old.txt new.txt -o tracked.docx            # Word tracked changes
      reportgen diff old.txt new.txt -o -                       # JSON on stdout
    """
    from reportgen.commands import diff_files

    target = diff_files(
        reports, output=output, fmt=fmt, with_facts=not no_facts, progress=_progress_bar(False)
    )
    if target != "-":
        click.echo(f"reportgen: wrote {target}", err=True)


def main() -> None:
    cli(prog_name="reportgen")


if __name__ == "__main__":
    main()
