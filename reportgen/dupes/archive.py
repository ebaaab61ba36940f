"""Duplicate finding, archive step: an SQLite store of every passage of every report indexed, with
exact/number-masked hashes and sampled character-n-gram postings, queried for reuse."""

from __future__ import annotations

import hashlib
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen import store
from reportgen.dupes.find import GramIndexOptions, gram_hashes
from reportgen.dupes.units import Unit, document_units
from reportgen.errors import ReportgenError
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


ARCHIVE_STORE = store.Kind(
    name="archive",
    file="an archive database",
    table="passages",  # not "meta": a translation memory has a meta table too
    schema=DDL,
    error=ArchiveError,
    missing="no such archive (create it with `reportgen index add`)",
    version=ARCHIVE_SCHEMA,
    # A `dupes --against` run reads while an `index add` writes.
    wal=True,
)


def _hash64(text: str) -> int:
    return int.from_bytes(
        hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big", signed=True
    )


def _signed(values: object) -> list[int]:
    import numpy as np

    return np.asarray(values, dtype=np.uint64).view(np.int64).tolist()


def document_digest(document: Document) -> str:
    """The identity of a report's text: the same text read again gives the same digest, a
    revision (one paragraph changed) a different one."""
    return hashlib.sha256(
        "\n".join(p.text for p in document.paragraphs()).encode("utf-8")
    ).hexdigest()


def add(
    documents: Sequence[Document],
    *,
    db: str | Path,
    min_chars: int,
    allow: Sequence[str],
    progress: Callable[[str, int], None] | None = None,
) -> IndexStats:
    """Store every passage of ``documents``; a report already stored (same text) is skipped."""
    added = skipped = 0
    with store.connect(db, ARCHIVE_STORE, create=True) as base, base.transaction():
        for d in documents:
            digest = document_digest(d)
            # Inside the transaction the check sees this call's own inserts: a file given twice
            # is stored once.
            if base.first("SELECT 1 FROM docs WHERE digest=?", (digest,)):
                skipped += 1
                continue
            doc_id = base.insert(
                "INSERT INTO docs (source, title, year, digest, added) VALUES (?,?,?,?,?)",
                (d.source, d.title, d.year, digest, time.time()),
            )
            _store_units(base, doc_id, document_units(d, 0, min_chars=min_chars, allow=allow))
            added += 1
            if progress:
                progress("indexed", 1)
    s = stats(db)
    return type(s)(s.db, s.documents, s.passages, added, skipped, s.years)


def _store_units(base: store.Database, doc_id: int, units: Sequence[Unit]) -> None:
    if not units:
        return
    uid, h = gram_hashes([u.norm for u in units], n=ARCHIVE_GRAMS.n, sample=ARCHIVE_GRAMS.sample)
    sizes = Counter(uid.tolist())
    first = base.value("SELECT COALESCE(MAX(id), 0) + 1 FROM passages")
    base.insert_many(
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
    base.insert_many(
        "INSERT OR IGNORE INTO grams VALUES (?, ?)",
        zip(grams, (first + k for k in uid.tolist()), strict=True),
    )
    # Document frequency per gram, so a query skips boilerplate grams without reading postings.
    base.insert_many(
        "INSERT INTO gram_df VALUES (?, ?) ON CONFLICT(g) DO UPDATE SET df = df + excluded.df",
        Counter(grams).items(),
    )


def stats(db: str | Path) -> IndexStats:
    from reportgen.dupes import IndexStats

    with store.connect(db, ARCHIVE_STORE, create=False) as base:
        docs = base.value("SELECT COUNT(*) FROM docs")
        passages = base.value("SELECT COUNT(*) FROM passages")
        years = tuple(
            r[0]
            for r in base.rows(
                "SELECT DISTINCT year FROM docs WHERE year IS NOT NULL ORDER BY year"
            )
        )
    return IndexStats(str(db), docs, passages, years=years)


@dataclass(frozen=True)
class Lookup:
    """What the archive holds for a query: candidate passages as units (doc indices from the
    caller's ``first_doc``), their reports, and the archived reports left out because they are
    one of the inputs itself (same digest)."""

    units: tuple[Unit, ...]
    sources: tuple[Source, ...]
    same: tuple[Archived, ...] = ()


@dataclass(frozen=True)
class Archived:
    """An archived report that has the same text as input ``input``."""

    input: int
    source: str
    title: str
    year: int | None
    added: float


def lookup(
    db: str | Path, units: Sequence[Unit], *, first_doc: int, inputs: Sequence[Document] = ()
) -> Lookup:
    """Archived passages that may repeat one of ``units``: same text, same text but numbers, or
    enough rare shared grams; the caller verifies every candidate. An archived report with the
    same text as one of ``inputs`` is no evidence of reuse (it is that report indexed earlier):
    its passages are left out and it is returned in ``same``."""
    from reportgen.dupes import Source
    from reportgen.dupes.units import mask_numbers, normalise

    digests = {document_digest(d): i for i, d in enumerate(inputs)}
    with store.connect(db, ARCHIVE_STORE, create=False) as base:
        same = _same_documents(base, digests)
        skip = sorted({doc_id for doc_id, _ in same})
        # Passages of the left-out reports never become candidates.
        not_same = _not_in_docs(skip)
        pids: set[int] = set()
        for col, key in (("h_exact", lambda u: u.norm), ("h_masked", lambda u: u.masked)):
            hashes = sorted({_hash64(key(u)) for u in units})
            for i in range(0, len(hashes), CHUNK):
                part = hashes[i : i + CHUNK]
                q = f"SELECT id FROM passages WHERE {col} IN ({','.join('?' * len(part))})"
                pids.update(r[0] for r in base.rows(q + not_same, (*part, *skip)))
        pids |= _gram_candidates(base, units, skip=skip)
        rows = []
        plist = sorted(pids)
        for i in range(0, len(plist), CHUNK):
            part = plist[i : i + CHUNK]
            rows.extend(
                base.rows(
                    'SELECT p.doc_id, p.paragraph_id, p.kind, p.start, p."end", p.line, p.text, '
                    "d.source, d.title, d.year FROM passages p JOIN docs d ON d.id = p.doc_id "
                    f"WHERE p.id IN ({','.join('?' * len(part))})",
                    part,
                )
            )
    doc_index: dict[int, int] = {}
    sources: list[Source] = []
    found: list[Unit] = []
    for doc_id, pid_, kind, start, end, line, text, source, title, year in sorted(rows):
        if doc_id not in doc_index:
            doc_index[doc_id] = first_doc + len(sources)
            sources.append(Source(source, title or "", year, archived=True))
        norm = normalise(text)
        found.append(
            Unit(doc_index[doc_id], pid_, kind, start, end, text, norm, mask_numbers(norm), line)
        )
    return Lookup(tuple(found), tuple(sources), tuple(a for _, a in same))


def _not_in_docs(doc_ids: Sequence[int]) -> str:
    """SQL condition (with one ``?`` per id) leaving out the passages of ``doc_ids``."""
    return f" AND doc_id NOT IN ({','.join('?' * len(doc_ids))})" if doc_ids else ""


def _same_documents(base: store.Database, digests: dict[str, int]) -> list[tuple[int, Archived]]:
    """(doc id, what it is) of the archived reports whose digest is one of ``digests``."""
    keys = sorted(digests)
    out = []
    for i in range(0, len(keys), CHUNK):
        part = keys[i : i + CHUNK]
        for doc_id, digest, source, title, year, added in base.rows(
            "SELECT id, digest, source, title, year, added FROM docs "
            f"WHERE digest IN ({','.join('?' * len(part))})",
            part,
        ):
            out.append((doc_id, Archived(digests[digest], source, title or "", year, added)))
    return sorted(out, key=lambda x: (x[1].input, x[0]))


def _gram_candidates(
    base: store.Database, units: Sequence[Unit], *, skip: Sequence[int] = ()
) -> set[int]:
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
            for r in base.rows(
                f"SELECT g FROM gram_df WHERE g IN ({','.join('?' * len(part))}) AND df <= ?",
                (*part, ARCHIVE_GRAMS.df_cap),
            )
        )
    # Only grams within the cap (boilerplate grams are no evidence of a copy) are looked up.
    for i in range(0, len(rare), CHUNK):
        part = rare[i : i + CHUNK]
        for g, pid in base.rows(
            f"SELECT g, pid FROM grams WHERE g IN ({','.join('?' * len(part))})", part
        ):
            for u in grams_of[g]:
                shared[(u, pid)] += 1
    if not shared:
        return set()
    wanted = sorted({pid for _, pid in shared})
    not_same = _not_in_docs(skip)
    psize: dict[int, int] = {}
    for i in range(0, len(wanted), CHUNK):
        part = wanted[i : i + CHUNK]
        psize.update(
            base.rows(
                f"SELECT id, ngrams FROM passages WHERE id IN ({','.join('?' * len(part))})"
                + not_same,
                (*part, *skip),
            )
        )
    out = set()
    for (u, pid), n in shared.items():
        # A passage of a left-out report has no size here and is no candidate.
        if pid in psize and n >= max(
            1, int(ARCHIVE_GRAMS.min_share * min(sizes[u], psize[pid] or 1))
        ):
            out.add(pid)
    return out
