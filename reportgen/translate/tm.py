"""Translation step, source 1: an SQLite translation memory of official Chinese–English pairs."""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen import store
from reportgen.errors import InputError, ReportgenError
from reportgen.readers import aligned

ENV_TM = "REPORTGEN_TM"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS units (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    zh TEXT NOT NULL,
    en TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    UNIQUE (key, en)
);
CREATE INDEX IF NOT EXISTS units_key ON units (key);
"""

# Leading bullets and trailing punctuation do not change what a segment says, so they are not part
# of the lookup key ("——发展新动能快速成长。" and "发展新动能快速成长，" are the same unit).
_EDGE_LEAD = re.compile(r"^[\s\-—–·•*]+")
_EDGE_TRAIL = re.compile(r"[\s。，、；：！？,.;:!?…]+$")
_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# Words that change what a figure means: 5.5%左右 (about) is not 5.5%以内 (within).
_QUALIFIER = re.compile(
    r"以上|以下|以内|左右|超过|不低于|不高于|不少于|不超过|低于|高于|不到|约|近|达到|突破|下降|增长|减少|提高|降低"
)


class TMError(ReportgenError):
    """The translation memory file cannot be opened or an import file is unusable."""


TM_STORE = store.Kind(
    name="translation memory",
    file="a translation memory file",
    table="units",
    schema=_SCHEMA,
    error=TMError,
    missing="no translation memory here; run `reportgen tm import` first",
    version=1,
    unversioned=1,  # memories imported before the schema was recorded have this one
)


def default_tm_path() -> Path:
    """``$REPORTGEN_TM``, else ``$XDG_DATA_HOME/reportgen/tm.db`` (``~/.local/share/...``)."""
    env = os.environ.get(ENV_TM)
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "reportgen" / "tm.db"


def tm_key(zh: str) -> str:
    """The normalised form a segment is stored and looked up under."""
    s = unicodedata.normalize("NFKC", zh)
    s = _SPACE.sub("", s)
    s = _EDGE_LEAD.sub("", s)
    return _EDGE_TRAIL.sub("", s)


def _figures(key: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The numbers of a segment and, when it has any, the qualifiers that go with them."""
    nums = tuple(_NUMBER.findall(key))
    return nums, (tuple(_QUALIFIER.findall(key)) if nums else ())


def _bigrams(key: str) -> set[str]:
    return {key[i : i + 2] for i in range(len(key) - 1)} if len(key) > 1 else {key}


@dataclass(frozen=True)
class ImportReport:
    """What ``tm import`` did: pairs read per file and units in the memory afterwards."""

    db: str
    files: tuple[tuple[str, int], ...]
    added: int
    total: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "db": self.db,
            "files": [{"path": p, "pairs": n} for p, n in self.files],
            "added": self.added,
            "total": self.total,
        }


@dataclass(frozen=True)
class TMMatch:
    """One lookup result: the stored pair and its similarity to the query (100 = exact)."""

    zh: str
    en: str
    score: float
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {"zh": self.zh, "en": self.en, "score": self.score, "source": self.source}


class TranslationMemory:
    """Aligned zh→en units in SQLite, with exact lookup by key and fuzzy lookup via a bigram index.

    The fuzzy index lives in memory and is built on the first fuzzy lookup: a character-bigram
    inverted index picks a few candidates that share most bigrams, and rapidfuzz scores only those.
    """

    def __init__(self, db: store.Database) -> None:
        self._db = db
        self.path = db.path
        self._index: dict[str, list[int]] | None = None
        self._keys: dict[int, str] = {}

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> TranslationMemory:
        """Open the memory at ``path``; ``:memory:`` works too. ``create``: make it (and its
        folders) when missing, else a missing memory is a :class:`TMError`."""
        return cls(store.connect(path, TM_STORE, create=create))

    @classmethod
    def find(cls, path: str | Path) -> TranslationMemory | None:
        """The memory at ``path`` if there is one, else None; nothing is created."""
        db = store.connect_if_present(path, TM_STORE)
        return cls(db) if db else None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return int(self._db.value("SELECT COUNT(*) FROM units"))

    # -- filling ---------------------------------------------------------------------------------

    def add_pairs(self, pairs: Iterable[tuple[str, str]], *, source: str = "") -> int:
        """Store (zh, en) pairs; returns how many were new. Empty sides are skipped."""
        rows = []
        for zh, en in pairs:
            zh, en = zh.strip(), en.strip()
            key = tm_key(zh)
            if key and en:
                rows.append((key, zh, en, source))
        with self._db.transaction():
            added = self._db.insert_many(
                "INSERT OR IGNORE INTO units (key, zh, en, source) VALUES (?, ?, ?, ?)", rows
            )
        self._index = None
        return added

    def import_file(self, path: str | Path) -> int:
        """Import one file of aligned pairs (the formats of :func:`read_pairs`); returns the
        number of new units."""
        p = Path(path)
        return self.add_pairs(read_pairs(p), source=p.name)

    # -- lookup ----------------------------------------------------------------------------------

    def exact(self, zh: str) -> TMMatch | None:
        key = tm_key(zh)
        if not key:
            return None
        # Several official renderings of one segment: the most recent import wins.
        row = self._db.first(
            "SELECT zh, en, source FROM units WHERE key = ? ORDER BY id DESC LIMIT 1", (key,)
        )
        return TMMatch(row[0], row[1], 100.0, row[2]) if row else None

    def lookup(self, zh: str, *, min_score: float = 75) -> tuple[str, float] | None:
        """Official English for ``zh`` and its similarity (100 exact), or None below ``min_score``."""
        m = self.best(zh, min_score=min_score)
        return (m.en, m.score) if m else None

    def best(self, zh: str, *, min_score: float = 75, candidates: int = 30) -> TMMatch | None:
        """The best match as a :class:`TMMatch`: exact first, else fuzzy over bigram candidates.

        A fuzzy match must contain the same numbers (and, around them, the same qualifiers such
        as 左右/以内) as the query: reusing "grew 6.6 %" for a sentence that says 6.9 %, or
        "within 5.5 %" for 5.5%左右, would put a false figure in the English.
        """
        hit = self.exact(zh)
        if hit or min_score >= 100:
            return hit
        key = tm_key(zh)
        if len(key) < 4:
            return None
        from rapidfuzz import fuzz

        figures = _figures(key)
        best_id, best_score = None, 0.0
        for uid in self._candidates(key, candidates):
            other = self._keys[uid]
            if _figures(other) != figures:
                continue
            score = fuzz.ratio(key, other, score_cutoff=min_score)
            if score > best_score:
                best_id, best_score = uid, score
        if best_id is None:
            return None
        row = self._db.first("SELECT zh, en, source FROM units WHERE id = ?", (best_id,))
        assert row is not None  # the id came from this memory's own index
        return TMMatch(row[0], row[1], round(best_score, 1), row[2])

    def _candidates(self, key: str, limit: int) -> list[int]:
        index = self._build_index()
        grams = _bigrams(key)
        counts: Counter[int] = Counter()
        # Very common bigrams (发展, 推进 …) say little and cost most; skip them when the query has
        # enough rarer ones.
        cap = max(50, len(self._keys) // 20)
        postings = sorted((index.get(g, []) for g in grams), key=len)
        rare = [p for p in postings if len(p) <= cap]
        for plist in rare if len(rare) >= max(2, len(postings) // 3) else postings:
            counts.update(plist)
        n = len(key)
        out = []
        for uid, _shared in counts.most_common(limit * 3):
            # ratio = 2·matches/(la+lb) cannot reach 50 when one side is 3× the other.
            if 3 * len(self._keys[uid]) >= n and len(self._keys[uid]) <= 3 * n:
                out.append(uid)
            if len(out) >= limit:
                break
        return out

    def _build_index(self) -> dict[str, list[int]]:
        if self._index is None:
            index: dict[str, list[int]] = {}
            keys: dict[int, str] = {}
            for uid, key in self._db.rows("SELECT id, key FROM units"):
                keys[uid] = key
                for g in _bigrams(key):
                    index.setdefault(g, []).append(uid)
            self._index, self._keys = index, keys
        return self._index


# -- import files ----------------------------------------------------------------------------------


def read_pairs(path: str | Path) -> list[tuple[str, str]]:
    """The (zh, en) pairs in one import file: ``zh<TAB>en`` lines, TMX, or a ``*_zh.txt`` whose
    line-aligned ``*_en.txt`` sibling exists (read by :mod:`reportgen.readers.aligned`)."""
    try:
        return aligned.read_pairs(Path(path))
    except InputError as e:
        raise TMError(str(e)) from None


def import_files(paths: Iterable[str | Path], *, db: str | Path | None = None) -> ImportReport:
    """``reportgen tm import``: load every file into the memory at ``db`` (default location)."""
    target = Path(db).expanduser() if db else default_tm_path()
    # Every file is read before the memory is opened: a bad file creates no database and leaves an
    # existing one untouched, instead of importing the files before it.
    loaded = [(p, read_pairs(p)) for p in map(Path, paths)]
    files = []
    added = 0
    with TranslationMemory.open(target) as tm:
        for p, pairs in loaded:
            added += tm.add_pairs(pairs, source=p.name)
            files.append((str(p), len(pairs)))
        total = len(tm)
    return ImportReport(db=str(target), files=tuple(files), added=added, total=total)


def lookup_text(zh: str, *, db: str | Path | None = None, min_score: float = 75) -> TMMatch | None:
    """``reportgen tm lookup``: the best match for ``zh`` in an existing memory."""
    with TranslationMemory.open(db or default_tm_path(), create=False) as tm:
        return tm.best(zh, min_score=min_score)
