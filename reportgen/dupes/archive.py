"""Duplicate finding, archive step: an SQLite store of every passage of every report indexed, with
exact/number-masked hashes and sampled character-n-gram postings, queried for reuse."""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.dupes.find import GramIndexOptions, gram_hashes
from reportgen.dupes.units import Unit, document_units
from reportgen.errors import InputError, ReportgenError
from reportgen.model import Document

if TYPE_CHECKING:
    from reportgen.dupes import IndexStats, Source

ARCHIVE_SCHEMA = 1
# Archive grams: 4 characters, one in three kept. Short passages still keep a few grams; the
# postings table stays about a third of the archive's characters.
ARCHIVE_GRAMS = GramIndexOptions(n=4, sample=3, df_cap=100, min_share=0.4)
# SQLite allows 32766 host parameters; stay well below.
CHUNK = 900

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
    id INTEGER PRIMARY KEY, source TEXT NOT NULL, title TEXT, year INTEGER,
    digest TEXT NOT NULL UNIQUE, added REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES docs(id),
    paragraph_id TEXT NOT NULL, kind TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    line INTEGER NOT NULL, text TEXT NOT NULL, h_exact INTEGER NOT NULL, h_masked INTEGER NOT NULL,
    ngrams INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS passages_exact ON passages(h_exact);
CREATE INDEX IF NOT EXISTS passages_masked ON passages(h_masked);
CREATE TABLE IF NOT EXISTS grams (g INTEGER NOT NULL, pid INTEGER NOT NULL, PRIMARY KEY (g, pid))
    WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS gram_df (g INTEGER PRIMARY KEY, df INTEGER NOT NULL);
"""


class ArchiveError(ReportgenError):
    """The archive database cannot be used."""


def _hash64(text: str) -> int:
    return int.from_bytes(
        hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big", signed=True
    )


def _signed(values: object) -> list[int]:
    import numpy as np

    return np.asarray(values, dtype=np.uint64).view(np.int64).tolist()


def _connect(db: str | Path, *, create: bool) -> sqlite3.Connection:
    path = Path(db)
    if not create and not path.is_file():
        raise InputError(f"{path}: no such archive (create it with `reportgen index add`)")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not an archive database")
    if create:
        # SQLite reports a missing or unwritable folder as "unable to open database file".
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise ArchiveError(f"{path}: cannot create its folder ({e.strerror})") from None
    try:
        con = sqlite3.connect(str(path))
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=NORMAL")
        if create:
            con.executescript(DDL)
            con.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(ARCHIVE_SCHEMA),))
        row = con.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
    except sqlite3.DatabaseError as e:
        raise ArchiveError(f"{path}: not a reportgen archive ({e})") from None
    if row is None or row[0] != str(ARCHIVE_SCHEMA):
        con.close()
        raise ArchiveError(
            f"{path}: not a reportgen archive (schema {row[0] if row else 'missing'})"
        )
    return con


def add(
    documents: Sequence[Document],
    *,
    db: str | Path,
    min_chars: int,
    allow: Sequence[str],
    progress: Callable[[str, int], None] | None = None,
) -> IndexStats:
    """Store every passage of ``documents``; a report already stored (same text) is skipped."""
    con = _connect(db, create=True)
    added = skipped = 0
    try:
        with con:
            for d in documents:
                digest = hashlib.sha256(
                    "\n".join(p.text for p in d.paragraphs()).encode("utf-8")
                ).hexdigest()
                if con.execute("SELECT 1 FROM docs WHERE digest=?", (digest,)).fetchone():
                    skipped += 1
                    continue
                cur = con.execute(
                    "INSERT INTO docs (source, title, year, digest, added) VALUES (?,?,?,?,?)",
                    (d.source, d.title, d.year, digest, time.time()),
                )
                _store_units(
                    con,
                    int(cur.lastrowid or 0),
                    document_units(d, 0, min_chars=min_chars, allow=allow),
                )
                added += 1
                if progress:
                    progress("indexed", 1)
    except sqlite3.DatabaseError as e:
        raise ArchiveError(f"{db}: cannot write the archive ({e})") from None
    finally:
        con.close()
    s = stats(db)
    return type(s)(s.db, s.documents, s.passages, added, skipped, s.years)


def _store_units(con: sqlite3.Connection, doc_id: int, units: Sequence[Unit]) -> None:
    if not units:
        return
    uid, h = gram_hashes([u.norm for u in units], n=ARCHIVE_GRAMS.n, sample=ARCHIVE_GRAMS.sample)
    sizes = Counter(uid.tolist())
    first = con.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM passages").fetchone()[0]
    con.executemany(
        "INSERT INTO passages VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            (
                first + k,
                doc_id,
                u.paragraph_id,
                u.kind,
                u.start,
                u.end,
                u.line,
                u.text,
                _hash64(u.norm),
                _hash64(u.masked),
                sizes.get(k, 0),
            )
            for k, u in enumerate(units)
        ),
    )
    grams = _signed(h)
    con.executemany(
        "INSERT OR IGNORE INTO grams VALUES (?, ?)",
        zip(grams, (first + k for k in uid.tolist()), strict=True),
    )
    # Document frequency per gram, so a query skips boilerplate grams without reading postings.
    con.executemany(
        "INSERT INTO gram_df VALUES (?, ?) ON CONFLICT(g) DO UPDATE SET df = df + excluded.df",
        Counter(grams).items(),
    )


def stats(db: str | Path) -> IndexStats:
    from reportgen.dupes import IndexStats

    con = _connect(db, create=False)
    try:
        docs = con.execute("SELECT COUNT(*) FROM docs").fetchone()[0]
        passages = con.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
        years = tuple(
            r[0]
            for r in con.execute(
                "SELECT DISTINCT year FROM docs WHERE year IS NOT NULL ORDER BY year"
            )
        )
    finally:
        con.close()
    return IndexStats(str(db), docs, passages, years=years)


def lookup(
    db: str | Path, units: Sequence[Unit], *, first_doc: int
) -> tuple[list[Unit], list[Source]]:
    """Archived passages that may repeat one of ``units``: same text, same text but numbers, or
    enough rare shared grams. Returns them as units (doc indices from ``first_doc``) with their
    sources; the caller verifies every candidate."""
    from reportgen.dupes import Source
    from reportgen.dupes.units import mask_numbers

    con = _connect(db, create=False)
    try:
        pids: set[int] = set()
        for col, key in (("h_exact", lambda u: u.norm), ("h_masked", lambda u: u.masked)):
            hashes = sorted({_hash64(key(u)) for u in units})
            for i in range(0, len(hashes), CHUNK):
                part = hashes[i : i + CHUNK]
                q = f"SELECT id FROM passages WHERE {col} IN ({','.join('?' * len(part))})"
                pids.update(r[0] for r in con.execute(q, part))
        pids |= _gram_candidates(con, units)
        rows = []
        plist = sorted(pids)
        for i in range(0, len(plist), CHUNK):
            part = plist[i : i + CHUNK]
            rows.extend(
                con.execute(
                    'SELECT p.doc_id, p.paragraph_id, p.kind, p.start, p."end", p.line, p.text, '
                    "d.source, d.title, d.year FROM passages p JOIN docs d ON d.id = p.doc_id "
                    f"WHERE p.id IN ({','.join('?' * len(part))})",
                    part,
                )
            )
    except sqlite3.DatabaseError as e:
        raise ArchiveError(f"{db}: cannot read the archive ({e})") from None
    finally:
        con.close()
    doc_index: dict[int, int] = {}
    sources: list[Source] = []
    found: list[Unit] = []
    from reportgen.dupes.units import normalise

    for doc_id, pid_, kind, start, end, line, text, source, title, year in sorted(rows):
        if doc_id not in doc_index:
            doc_index[doc_id] = first_doc + len(sources)
            sources.append(Source(source, title or "", year, archived=True))
        norm = normalise(text)
        found.append(
            Unit(doc_index[doc_id], pid_, kind, start, end, text, norm, mask_numbers(norm), line)
        )
    return found, sources


def _gram_candidates(con: sqlite3.Connection, units: Sequence[Unit]) -> set[int]:
    uid, h = gram_hashes([u.norm for u in units], n=ARCHIVE_GRAMS.n, sample=ARCHIVE_GRAMS.sample)
    if len(h) == 0:
        return set()
    grams_of: dict[int, list[int]] = defaultdict(list)
    for u, g in zip(uid.tolist(), _signed(h), strict=True):
        grams_of[g].append(u)
    sizes = Counter(uid.tolist())
    shared: Counter[tuple[int, int]] = Counter()
    keys = sorted(grams_of)
    rare: list[int] = []
    for i in range(0, len(keys), CHUNK):
        part = keys[i : i + CHUNK]
        rare.extend(
            r[0]
            for r in con.execute(
                f"SELECT g FROM gram_df WHERE g IN ({','.join('?' * len(part))}) AND df <= ?",
                (*part, ARCHIVE_GRAMS.df_cap),
            )
        )
    # Only grams within the cap (boilerplate grams are no evidence of a copy) are looked up.
    for i in range(0, len(rare), CHUNK):
        part = rare[i : i + CHUNK]
        for g, pid in con.execute(
            f"SELECT g, pid FROM grams WHERE g IN ({','.join('?' * len(part))})", part
        ):
            for u in grams_of[g]:
                shared[(u, pid)] += 1
    if not shared:
        return set()
    wanted = sorted({pid for _, pid in shared})
    psize: dict[int, int] = {}
    for i in range(0, len(wanted), CHUNK):
        part = wanted[i : i + CHUNK]
        psize.update(
            con.execute(
                f"SELECT id, ngrams FROM passages WHERE id IN ({','.join('?' * len(part))})", part
            )
        )
    out = set()
    for (u, pid), n in shared.items():
        if n >= max(1, int(ARCHIVE_GRAMS.min_share * min(sizes[u], psize.get(pid, 0) or 1))):
            out.add(pid)
    return out
