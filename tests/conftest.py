"""Shared test fixtures: paths to the sample, the shared corpus and gold labels."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "huangzhong-2024-newspaper.txt"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"


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
