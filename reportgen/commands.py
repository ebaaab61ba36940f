"""Commands: each CLI command's pipeline as one library function: read → analyse → render → write.

Every function takes its options as keywords, writes through the writers (atomically: a failure at
any step leaves no file behind, and an old one untouched) and returns where it wrote or a small
result. ``reportgen/cli.py`` adds only click options, help, progress display and error handling.
Heavy libraries are imported inside the functions, so importing this module stays cheap.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.writers import (
    BRIEF_FORMATS,
    DIFF_FORMATS,
    DUPES_FORMATS,
    FACTS_FORMATS,
    PARSE_FORMATS,
    output_format,
    write_output,
)

if TYPE_CHECKING:
    from reportgen.dupes import IndexStats
    from reportgen.model import Document

# Where brief and diff write when no -o is given.
DEFAULT_DIR = Path("output")

Say = Callable[[str], None]
"""A progress message (``reading report.txt``) for the user."""
Tick = Callable[[str, int], None]
"""Progress of a stage: ``tick("reading", 1)`` after each file, as the dupes step ticks its own."""


def read_all(paths: Iterable[str | Path], *, progress: Tick | None = None) -> list[Document]:
    """Read several inputs in order, ticking the ``reading`` stage after each."""
    from reportgen.readers import read_path

    docs = []
    for p in paths:
        docs.append(read_path(p))
        if progress:
            progress("reading", 1)
    return docs


def parse_file(input: str | Path, *, output: str | Path = "-", fmt: str | None = None) -> str:
    """``reportgen parse``: the repaired document tree as JSON, or the cleaned text as Markdown or
    plain text (``fmt``, else from ``output``'s extension, else JSON); returns where it went."""
    from reportgen.readers import read_path
    from reportgen.writers import render_document

    fmt = output_format(output, fmt, PARSE_FORMATS, default="json")
    write_output(output, render_document(read_path(input), fmt=fmt))
    return str(output)


def facts_file(
    input: str | Path, *, output: str | Path = "-", fmt: str | None = None, kind: str | None = None
) -> str:
    """``reportgen facts``: every numeric fact (only ``kind``'s, achievement or target, if given) as
    JSON, CSV, TSV or a Markdown table; returns where it went."""
    from reportgen.facts import extract_facts
    from reportgen.readers import read_path
    from reportgen.writers.facts import render_facts

    fmt = output_format(output, fmt, FACTS_FORMATS, default="json")
    found = extract_facts(read_path(input), kind=kind)
    write_output(output, render_facts(found, format=fmt))
    return str(output)


def brief_target(input: str | Path, output: str | None, fmt: str | None) -> tuple[str, str]:
    """The file to write and its format: ``fmt`` wins, else ``output``'s extension, else PDF; with
    no ``output`` the file is ``output/<input stem>.<format>``."""
    fmt = output_format(output or None, fmt, BRIEF_FORMATS, default="pdf")
    if not output:
        output = str(DEFAULT_DIR / f"{Path(input).stem}.{fmt}")
    return output, fmt


def generated_date() -> str:
    """Today, or ``$SOURCE_DATE_EPOCH``'s date for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    return dt.date.today().isoformat()


def brief_file(
    input: str | Path,
    *,
    output: str | None = None,
    fmt: str | None = None,
    layout: str = "side-by-side",
    lang: str = "zh-en",
    template_dir: str | Path | None = None,
    termbase: str | Path | None = None,
    tm: str | Path | None = None,
    translator: str = "none",
    full: bool = False,
    mt_options: dict[str, Any] | None = None,
    progress: Say | None = None,
) -> str:
    """``reportgen brief``: read a report, extract its facts, English it (translation memory,
    termbase, the machine translator named) and render the bilingual briefing; returns where it
    went (``output/<input stem>.pdf`` by default)."""
    from reportgen.brief import build_briefing
    from reportgen.facts import extract_facts
    from reportgen.readers import read_path
    from reportgen.translate import build_englisher
    from reportgen.writers import check_template_dir, render_briefing

    say = progress or (lambda _msg: None)
    target, fmt = brief_target(input, output, fmt)
    check_template_dir(template_dir)
    say(f"reading {input}")
    doc = read_path(input)
    facts = extract_facts(doc)
    englisher = build_englisher(
        termbase_file=termbase, tm_path=tm, translator=translator, **(mt_options or {})
    )
    say(f"translating ({translator if translator != 'none' else 'TM and termbase only'})")
    briefing = build_briefing(
        doc,
        facts=facts,
        englisher=englisher,
        generated=generated_date(),
        lang=lang,
        layout=layout,
        full=full,
        translator=translator,
    )
    say(f"rendering {fmt.upper()}")
    data = render_briefing(briefing, fmt=fmt, template_dir=template_dir)
    write_output(target, data)
    if target != "-":
        say(f"wrote {target} ({len(data) // 1024} KB)")
    return target


def dupes_files(
    inputs: Iterable[str | Path],
    *,
    output: str | Path = "-",
    fmt: str | None = None,
    against: str | Path | None = None,
    min_chars: int = 12,
    threshold: float = 0.8,
    allow: str | Path | None = None,
    kinds: Iterable[str] = (),
    progress: Tick | None = None,
) -> str:
    """``reportgen dupes``: passages that repeat within and across ``inputs`` (and against the
    ``against`` archive), phrases in the ``allow`` file (one a line) allowed on top of the built-in
    ones, only ``kinds`` if given; JSON, HTML, PDF or DOCX (a copy of the first input with a Word
    comment on every repeated passage). Returns where it went."""
    from reportgen.dupes import DEFAULT_ALLOW, KINDS, find_duplicates
    from reportgen.readers import read_list
    from reportgen.writers import render_dupes

    fmt = output_format(output, fmt, DUPES_FORMATS, default="json")
    docs = read_all(inputs, progress=progress)
    extra = read_list(allow, what="allow-list") if allow is not None else ()
    result = find_duplicates(
        docs,
        against=against,
        min_chars=min_chars,
        threshold=threshold,
        allow=DEFAULT_ALLOW + extra,
        kinds=tuple(kinds) or KINDS,
        progress=progress,
    )
    write_output(output, render_dupes(result, fmt=fmt, first=docs[0]))
    return str(output)


def index_files(
    files: Iterable[str | Path],
    *,
    db: str | Path,
    min_chars: int = 12,
    progress: Tick | None = None,
) -> IndexStats:
    """``reportgen index add``: store every passage of ``files`` in the archive ``db`` (a report
    already stored is skipped); returns what was added and what the archive holds."""
    from reportgen.dupes import index_add

    docs = read_all(files, progress=progress)
    return index_add(docs, db=db, min_chars=min_chars, progress=progress)


def diff_target(docs: list[Document], fmt: str) -> str:
    """``output/<newest report's stem>-diff.<fmt>``: the newest by the year it states, else the last
    given."""
    newest = max(docs, key=lambda d: d.year or 0) if all(d.year for d in docs) else docs[-1]
    return str(DEFAULT_DIR / f"{Path(newest.source).stem}-diff.{fmt}")


def diff_files(
    reports: Iterable[str | Path],
    *,
    output: str | None = None,
    fmt: str | None = None,
    with_facts: bool = True,
    progress: Tick | None = None,
) -> str:
    """``reportgen diff``: one report's review against its plan, two reports old → new, or more as
    a series; HTML (JSON when ``output`` is ``-``), PDF, DOCX (tracked changes) or JSON. Returns
    where it went (``output/<newest>-diff.<fmt>`` by default)."""
    from reportgen.diff import compare
    from reportgen.writers import render_diff

    fmt = output_format(output, fmt, DIFF_FORMATS, default="json" if output == "-" else "html")
    docs = read_all(reports, progress=progress)
    result = compare(docs, with_facts=with_facts)
    target = output if output is not None else diff_target(docs, fmt)
    write_output(target, render_diff(result, fmt=fmt))
    return target
