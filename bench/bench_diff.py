"""Benchmark the diff step: paragraph alignment + inline ops on State Council reports, against
difflib character-level SequenceMatcher (autojunk off) on the same pair.

Usage: python bench/bench_diff.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path

from reportgen.diff import compare
from reportgen.diff.align import align_paragraphs, flatten
from reportgen.model import Document
from reportgen.readers import read_path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def _read(names: list[str]) -> Document:
    """One report, or several concatenated into one long document (for a ~60k-character pair)."""
    if len(names) == 1:
        return read_path(CORPUS / names[0])
    import tempfile

    text = "\n".join((CORPUS / n).read_text(encoding="utf-8").split("\n", 1)[1] for n in names)
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "joined.txt"
        p.write_text(text, encoding="utf-8")
        doc = read_path(p)
    return doc


def _best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times) if repeat < 3 else statistics.median(times)


def run(label: str, old: list[str], new: list[str], repeat: int) -> None:
    a, b = _read(old), _read(new)
    ta = "".join(p.text for p in a.paragraphs())
    tb = "".join(p.text for p in b.paragraphs())
    ours = _best(lambda: compare([a, b], with_facts=False), repeat)
    with_facts = _best(lambda: compare([a, b]), 1)
    t = time.perf_counter()
    ratio = SequenceMatcher(None, ta, tb, autojunk=False).ratio()
    base = time.perf_counter() - t
    t = time.perf_counter()
    ratio_junk = SequenceMatcher(None, ta, tb).ratio()
    junk = time.perf_counter() - t
    res = compare([a, b], with_facts=False).pairs[0]
    print(
        f"{label}: {len(ta):,} vs {len(tb):,} chars, {len(a.paragraphs())} vs "
        f"{len(b.paragraphs())} paragraphs"
    )
    print(f"  reportgen diff (text)       {ours:7.3f} s   rows {res.counts()}")
    print(f"  reportgen diff (with facts) {with_facts:7.3f} s")
    print(
        f"  difflib chars autojunk=False {base:7.3f} s   ratio {ratio:.3f}   "
        f"(x{base / ours:.0f} slower than reportgen)"
    )
    print(f"  difflib chars autojunk=True  {junk:7.3f} s   ratio {ratio_junk:.3f}")
    # Recall of the candidate filter: rows that differ from scoring every unmatched pair.
    fa, fb = flatten(a), flatten(b)

    def key(rows: list) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:  # type: ignore[type-arg]
        return {(r.status, tuple(p.id for p in r.old), tuple(p.id for p in r.new)) for r in rows}

    t = time.perf_counter()
    full = key(align_paragraphs(fa, fb, prefilter_above=10**12))
    t_full = time.perf_counter() - t
    filt = key(align_paragraphs(fa, fb, prefilter_above=0))
    print(
        f"  candidate filter forced on: {len(full - filt)} of {len(full)} rows differ from "
        f"scoring every pair (that alignment alone: {t_full:.3f} s)"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 1
    run(
        "State Council 2018 vs 2019 (zh)",
        ["state-council_2018_zh.txt"],
        ["state-council_2019_zh.txt"],
        args.repeat,
    )
    run(
        "~60k: SC 2015+2016+2017 vs 2016+2017+2018 (zh, joined)",
        ["state-council_2015_zh.txt", "state-council_2016_zh.txt", "state-council_2017_zh.txt"],
        ["state-council_2016_zh.txt", "state-council_2017_zh.txt", "state-council_2018_zh.txt"],
        args.repeat,
    )
    run(
        "~60k, little shared text: SC 2010+2011+2012 vs 2013+2014+2015 (zh, joined)",
        ["state-council_2010_zh.txt", "state-council_2011_zh.txt", "state-council_2012_zh.txt"],
        ["state-council_2013_zh.txt", "state-council_2014_zh.txt", "state-council_2015_zh.txt"],
        args.repeat,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
