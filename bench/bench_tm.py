"""Benchmark of the translation step: TM import, exact/fuzzy lookup, paragraph assembly, termbase."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from reportgen.translate import Englisher, Termbase, TranslationMemory
from reportgen.translate.tm import read_pairs

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
YEARS = [*range(2008, 2019), 2022]


def main() -> int:
    files = [CORPUS / f"state-council_{y}_zh-en.txt" for y in YEARS]
    if not all(f.exists() for f in files):
        print(f"shared corpus not found under {CORPUS}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "tm.db"
        t0 = time.perf_counter()
        with TranslationMemory.open(db) as tm:
            for f in files:
                tm.import_file(f)
            n_units = len(tm)
        t_import = time.perf_counter() - t0
        print(f"import: {len(files)} files, {n_units} units in {t_import:.2f} s")

        queries = [zh for zh, _ in read_pairs(CORPUS / "state-council_2019_zh-en.txt")]
        with TranslationMemory.open(db) as tm:
            t0 = time.perf_counter()
            tm.best("预热索引的一句话。")
            t_index = time.perf_counter() - t0
            timings = []
            found = 0
            for q in queries:
                t0 = time.perf_counter()
                m = tm.best(q, min_score=75)
                timings.append(time.perf_counter() - t0)
                found += m is not None
            mean_ms = statistics.mean(timings) * 1000
            p95_ms = sorted(timings)[int(0.95 * len(timings))] * 1000
            print(f"bigram index build (first fuzzy lookup): {t_index * 1000:.0f} ms")
            print(
                f"lookup (exact, else fuzzy >= 75) of {len(queries)} 2019 units: "
                f"mean {mean_ms:.2f} ms, p95 {p95_ms:.2f} ms, {found} matched"
            )

            # Brute force for comparison: rapidfuzz over every unit, no prefilter.
            from rapidfuzz import fuzz, process

            from reportgen.translate.tm import tm_key

            keys = [k for (k,) in tm._db.rows("SELECT key FROM units")]
            t0 = time.perf_counter()
            for q in queries[:200]:
                process.extractOne(tm_key(q), keys, scorer=fuzz.ratio, score_cutoff=75)
            brute_ms = (time.perf_counter() - t0) / 200 * 1000
            print(f"brute-force rapidfuzz over all units: {brute_ms:.2f} ms per lookup")

            eng = Englisher(termbase=Termbase.load(), tm=tm)
            text = "".join(queries)
            t0 = time.perf_counter()
            trs = [eng.paragraph(text[i : i + 300]) for i in range(0, len(text), 300)]
            t_par = time.perf_counter() - t0
            print(
                f"Englisher.paragraph on {len(trs)} 300-character chunks: "
                f"{t_par / len(trs) * 1000:.1f} ms each"
            )

        # ~15 years x 2,000 units: the corpus four times over, each copy's units marked apart
        # (near-duplicates make the bigram prefilter work harder than real distinct years would).
        big = Path(tmp) / "big.db"
        with TranslationMemory.open(big) as tm:
            t0 = time.perf_counter()
            for copy in range(4):
                for f in files:
                    pairs = read_pairs(f)
                    tm.add_pairs(((f"第{copy}版" + zh, en) for zh, en in pairs), source=f.name)
            t_big = time.perf_counter() - t0
            n_big = len(tm)
            tm.best("预热索引的一句话。")
            t0 = time.perf_counter()
            for q in queries:
                tm.best(q, min_score=75)
            big_ms = (time.perf_counter() - t0) / len(queries) * 1000
        print(f"scaled: {n_big} units imported in {t_big:.2f} s; lookup mean {big_ms:.2f} ms")

    t0 = time.perf_counter()
    tb = Termbase.load()
    t_tb = time.perf_counter() - t0
    t0 = time.perf_counter()
    for q in queries:
        tb.terms_in(q)
    t_terms = (time.perf_counter() - t0) / len(queries) * 1000
    print(
        f"termbase: load {len(tb)} entries in {t_tb * 1000:.0f} ms; terms_in {t_terms:.3f} ms/unit"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
