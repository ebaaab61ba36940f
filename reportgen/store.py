"""Storage: the SQLite files the translation memory and the duplicate archive keep."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.errors import ReportgenError

# How long a statement waits for another program's write to finish before giving up (SQLite's
# own default in Python): a second `reportgen index add` waits instead of failing at once.
BUSY_SECONDS = 5.0

_META = "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
# SQLite result codes that mean the file is not (or no longer) an SQLite database at all.
_NOT_A_DATABASE = {"SQLITE_NOTADB"}
_BUSY = {"SQLITE_BUSY", "SQLITE_LOCKED"}


@dataclass(frozen=True)
class Kind:
    """One kind of reportgen database: what messages call it, its tables and its error class.

    ``name`` ("archive") and ``file`` ("an archive database") are how messages name it;
    ``missing`` is what to say when a database that must exist is not there. ``table`` is the
    table every database of this kind has; a file without it is refused instead of getting this
    kind's tables added next to another kind's (``--tm archive.db``).
    ``version``: kept as ``schema`` in a ``meta`` table and checked on every open (None: no meta).
    ``unversioned``: the version a file of this kind without a ``meta`` table has (one made before
    the kind was versioned); it is read as is and gets its ``meta`` row on its next write.
    ``wal``: write-ahead logging, so that readers do not wait for a writer.
    """

    name: str
    file: str
    table: str
    schema: str
    error: type[ReportgenError]
    missing: str
    version: int | None = None
    unversioned: int | None = None
    wal: bool = False


class Database:
    """An open database of one :class:`Kind`. Every SQLite failure comes out as the kind's error
    with a one-line message: not a database, busy, read-only, damaged."""

    def __init__(self, conn: sqlite3.Connection, path: str, kind: Kind) -> None:
        self._conn = conn
        self.path = path
        self.kind = kind
        self._writing = False
        self._guard = _Guard(self)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Every row a statement returns."""
        with self._guard:
            return self._conn.execute(sql, params).fetchall()

    def first(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        """The first row a query returns, or None."""
        with self._guard:
            return self._conn.execute(sql, params).fetchone()

    def value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row (COUNT, MAX …), or None."""
        row = self.first(sql, params)
        return row[0] if row else None

    def insert(self, sql: str, params: Sequence[Any]) -> int:
        """Run one INSERT; returns the new row's id."""
        with self._guard:
            return int(self._conn.execute(sql, params).lastrowid or 0)

    def insert_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> int:
        """Run one statement per row; returns how many rows changed (an ignored row does not)."""
        before = self._conn.total_changes
        with self._guard:
            self._conn.executemany(sql, rows)
        return self._conn.total_changes - before

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside is committed together, or not at all; failures say "cannot write"."""
        self._writing = True
        try:
            with self._guard, self._conn:  # the guard also catches a failing commit
                yield
        finally:
            self._writing = False

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _failed(self, e: sqlite3.Error) -> ReportgenError:
        return failure(self.kind, self.path, e, "write" if self._writing else "read")


class _Guard:
    """Turns an SQLite failure inside ``with`` into the database's one-line error. A class, not a
    generator context manager: it wraps every TM lookup, and this costs a fraction of that."""

    __slots__ = ("_db",)

    def __init__(self, db: Database) -> None:
        self._db = db

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, e: BaseException | None, tb: object) -> None:
        # Wrong SQL or a broken constraint is a bug in reportgen, not a problem with the file.
        if isinstance(e, sqlite3.DatabaseError) and not isinstance(
            e, (sqlite3.ProgrammingError, sqlite3.IntegrityError)
        ):
            raise self._db._failed(e) from None


def failure(kind: Kind, path: str, e: sqlite3.Error, action: str) -> ReportgenError:
    """The one-line error for an SQLite failure while ``action``-ing (open, read, write) a file."""
    code = getattr(e, "sqlite_errorname", "")
    if code in _NOT_A_DATABASE:
        return kind.error(f"{path}: not a reportgen {kind.name} ({e})")
    if code in _BUSY:
        return kind.error(
            f"{path}: cannot {action} the {kind.name} while another program writes to it ({e})"
        )
    return kind.error(f"{path}: cannot {action} the {kind.name} ({e})")


def connect(
    path: str | Path, kind: Kind, *, create: bool, timeout: float = BUSY_SECONDS
) -> Database:
    """Open the database at ``path`` (``:memory:`` works too), checking it is one of ``kind``.

    ``create``: make the file, its folders and its tables when missing; otherwise a missing file
    is an error that says how to make one (``kind.missing``).
    """
    where = str(path)
    if where != ":memory:":
        target = Path(where).expanduser()
        if target.is_dir():
            raise kind.error(f"{target}: is a directory, not {kind.file}")
        if not target.is_file():
            if not create:
                raise kind.error(f"{target}: {kind.missing}")
            # SQLite reports a missing or unwritable folder as "unable to open database file".
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise kind.error(f"{target}: cannot create its folder ({e.strerror})") from None
        where = str(target)
    try:
        conn = sqlite3.connect(where, timeout=timeout)
    except sqlite3.DatabaseError as e:
        raise failure(kind, where, e, "open") from None
    db = Database(conn, where, kind)
    try:
        _prepare(db, create=create)
    except BaseException:
        conn.close()
        raise
    return db


def connect_if_present(path: str | Path, kind: Kind) -> Database | None:
    """The database at ``path`` when a file is there, else None (nothing is created)."""
    target = Path(path).expanduser()
    return connect(target, kind, create=False) if target.exists() else None


def _prepare(db: Database, *, create: bool) -> None:
    kind = db.kind
    # Reading the table list is what fails first on a file that is not an SQLite database.
    tables = {name for (name,) in db.rows("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if kind.table not in tables and (tables or not create):
        raise kind.error(f"{db.path}: not a reportgen {kind.name} (no such table: {kind.table})")
    if kind.wal:
        db.rows("PRAGMA journal_mode=WAL")
        db.rows("PRAGMA synchronous=NORMAL")
    if create:
        with db.transaction():
            db._conn.executescript(kind.schema + (_META if kind.version is not None else ""))
            if kind.version is not None:
                db.insert("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(kind.version),))
    if kind.version is not None:
        has_meta = create or "meta" in tables
        found = db.value("SELECT value FROM meta WHERE key = 'schema'") if has_meta else None
        if found is None and kind.unversioned is not None:
            found = str(kind.unversioned)
        if found != str(kind.version):
            raise kind.error(
                f"{db.path}: not a reportgen {kind.name} (schema {found or 'missing'})"
            )
