"""Benchmark of the briefing: seed → PDF (and DOCX, HTML) wall time and file size; goal ≤ 1.5 s, ≤ 600 KB."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "huangzhong-2024-newspaper.txt"
RUNS = 5
GOAL_SECONDS = 1.5
GOAL_BYTES = 600 * 1024


def main() -> int:
    from reportgen.writers.briefing import write_briefing

    os.environ.setdefault(
        "REPORTGEN_TM", "/nonexistent/tm.db"
    )  # no user TM: measure what `make` does
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "seed.pdf"
        # Cold: a fresh process, as `make brief` runs it (imports, font loading, everything).
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "reportgen", "brief", str(SEED), "-o", str(out)],
            check=True,
            capture_output=True,
        )
        cold = time.perf_counter() - t0
        size = out.stat().st_size
        print(f"seed -> PDF, cold process: {cold:.2f} s, {size / 1024:.0f} KB")

        results = {}
        for fmt in ("pdf", "docx", "html"):
            target = Path(tmp) / f"seed.{fmt}"
            times = []
            for _ in range(RUNS + 1):  # the first run warms caches and is dropped
                t0 = time.perf_counter()
                write_briefing(SEED, output=str(target))
                times.append(time.perf_counter() - t0)
            results[fmt] = (statistics.median(times[1:]), target.stat().st_size)
            print(
                f"seed -> {fmt.upper():4}, warm median of {RUNS}: {results[fmt][0]:.2f} s, "
                f"{results[fmt][1] / 1024:.0f} KB"
            )
        target = Path(tmp) / "summary.pdf"
        times = []
        for _ in range(RUNS + 1):
            t0 = time.perf_counter()
            write_briefing(SEED, output=str(target), full=False)
            times.append(time.perf_counter() - t0)
        print(
            f"seed -> PDF --summary, warm median of {RUNS}: {statistics.median(times[1:]):.2f} s,"
            f" {target.stat().st_size / 1024:.0f} KB"
        )
        print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    warm, _ = results["pdf"]
    ok = warm <= GOAL_SECONDS and size <= GOAL_BYTES
    print(f"goal <= {GOAL_SECONDS} s and <= {GOAL_BYTES // 1024} KB: {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
