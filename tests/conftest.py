"""Shared test fixtures: paths to the sample, the shared corpus and gold labels."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "huangzhong-2024-newspaper.txt"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"

# The fact JSON keys, in order, as issue #3's contract lists them.
FACT_KEYS = [
    "indicator", "value", "unit", "qualifier", "qualifier_meaning", "low", "high", "measure",
    "kind", "year", "sentence", "paragraph_id", "surface", "start", "end", "en",
]  # fmt: skip
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium not installed")


def make_fact(indicator: str, value: float, unit: str, kind: str, **fields: Any) -> Any:
    """A hand-made Fact for matcher and briefing tests: neutral defaults, ``fields`` override."""
    from reportgen.facts import Fact

    base: dict[str, Any] = dict(
        qualifier="",
        qualifier_meaning="",
        low=None,
        high=None,
        measure="level",
        year=None,
        sentence="",
        paragraph_id="p1",
        surface=f"{value:g}{unit}",
        start=0,
        end=0,
        en="",
    )
    base.update(fields)
    return Fact(indicator=indicator, value=value, unit=unit, kind=kind, **base)


def corpus_file(name: str) -> Path:
    """A file of the shared corpus; the test is skipped where shared/ is not beside the checkout."""
    p = CORPUS / name
    if not p.exists():
        pytest.skip(f"shared corpus not available: {p}")
    return p


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(autouse=True, scope="session")
def _no_user_tm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A translation memory at the user's default location must not change what tests see (nor
    may a test write into it): the default points at an absent file in a temporary folder."""
    mp = pytest.MonkeyPatch()
    mp.setenv("REPORTGEN_TM", str(tmp_path_factory.mktemp("no-tm") / "absent.db"))
    yield
    mp.undo()


def chromium_probe(page: str, probe_script: str, tmp_path: Path, *, window: str) -> dict[str, Any]:
    """Open ``page`` (HTML text) with ``probe_script`` put before ``</body>`` in headless Chromium;
    the script stores its findings as JSON in ``<body data-probe>``, which is returned."""
    probe = tmp_path / "probe.html"
    probe.write_text(page.replace("</body>", probe_script), encoding="utf-8")
    cmd = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", f"--window-size={window}",
        "--virtual-time-budget=5000", "--dump-dom", probe.as_uri(),
    ]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=90)
    m = re.search(r'data-probe="([^"]*)"', done.stdout)
    assert m, done.stderr[-2000:]
    return json.loads(html.unescape(m.group(1)))
