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
COLD_RUNS = 3
GOAL_SECONDS = 1.5
GOAL_BYTES = 600 * 1024


def _warm(target: Path, **options: object) -> tuple[float, int, int]:
    """Median wall time of RUNS in this process (the first run warms caches and is dropped),
    the file size and the page count."""
    from reportgen.commands import brief_file

    times = []
    for _ in range(RUNS + 1):
        t0 = time.perf_counter()
        brief_file(SEED, output=str(target), **options)  # type: ignore[arg-type]
        times.append(time.perf_counter() - t0)
    pages = 0
    if target.suffix == ".pdf":
        import pypdfium2

        pages = len(pypdfium2.PdfDocument(target.read_bytes()))
    return statistics.median(times[1:]), target.stat().st_size, pages


def _cold(out: Path) -> float:
    """Median wall time of a fresh `reportgen brief` process (imports, fonts, everything)."""
    times = []
    for _ in range(COLD_RUNS):
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "reportgen", "brief", str(SEED), "-o", str(out)],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _imports() -> float:
    """Wall time of a fresh process that only imports what a PDF briefing needs."""
    code = "import reportgen.cli, weasyprint, matplotlib.figure"
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - t0


def main() -> int:
    # No user TM: measure what `make` does.
    os.environ.setdefault("REPORTGEN_TM", "/nonexistent/tm.db")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "seed.pdf"
        cold = _cold(out)
        print(f"seed -> PDF, fresh process, median of {COLD_RUNS}: {cold:.2f} s")
        print(f"  of which imports (reportgen, WeasyPrint, matplotlib): {_imports():.2f} s")
        rows = {
            "PDF (default: summary)": _warm(Path(tmp) / "s.pdf"),
            "PDF --full": _warm(Path(tmp) / "f.pdf", full=True),
            "DOCX": _warm(Path(tmp) / "s.docx"),
            "HTML": _warm(Path(tmp) / "s.html"),
        }
        for name, (sec, size, pages) in rows.items():
            extra = f", {pages} pages" if pages else ""
            print(
                f"seed -> {name}, warm median of {RUNS}: {sec:.2f} s, {size / 1024:.0f} KB{extra}"
            )
        print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    warm, size, _ = rows["PDF (default: summary)"]
    ok = warm <= GOAL_SECONDS and size <= GOAL_BYTES
    print(
        f"goal <= {GOAL_SECONDS} s and <= {GOAL_BYTES // 1024} KB (default briefing, warm): "
        f"{'met' if ok else 'NOT met'}; fresh process: {'met' if cold <= GOAL_SECONDS else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
