"""Benchmark the facts step: extract_facts over every parsed ``shared/corpus/*_zh.txt`` report.

Documents are parsed once beforehand; the timed part is fact extraction only (matching, lists,
kinds, indicators, English). Throughput is given in MB/s of UTF-8 paragraph text (the target is
5 MB/s) and in characters per second, plus the facts found per round.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportgen.facts import extract_facts  # noqa: E402
from reportgen.model import Document  # noqa: E402
from reportgen.readers import read_path  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
TARGET_BYTES = 20_000_000


def documents() -> list[Document]:
    return [read_path(f) for f in sorted(CORPUS.glob("*_zh.txt"))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--profile", action="store_true", help="print the top functions by time")
    args = ap.parse_args()
    docs = documents()
    if not docs:
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 1
    texts = [p.text for d in docs for p in d.paragraphs()]
    one_bytes = sum(len(t.encode("utf-8")) for t in texts)
    one_chars = sum(len(t) for t in texts)
    rounds = max(1, round(TARGET_BYTES / one_bytes))
    n_facts = sum(len(extract_facts(d)) for d in docs)  # warm-up: imports, regexes
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
    t0 = time.perf_counter()
    for _ in range(rounds):
        for d in docs:
            extract_facts(d)
    elapsed = time.perf_counter() - t0
    if args.profile:
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(15)
    mb = one_bytes * rounds / 1e6
    print(
        f"reports: {len(docs)}, {len(texts):,} paragraphs, {one_chars:,} characters "
        f"({one_bytes / 1e6:.2f} MB UTF-8) per round, {n_facts:,} facts per round, rounds: {rounds}"
    )
    print(
        f"extract_facts: {mb:.1f} MB in {elapsed:.2f} s = {mb / elapsed:.2f} MB/s "
        f"= {one_chars * rounds / elapsed / 1e6:.2f} M chars/s "
        f"= {n_facts * rounds / elapsed:,.0f} facts/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
