"""The library index file: where it lives, opening it, rebuilding it when it is unusable.

The index is a cache that can always be rebuilt from the files: a file that is
not an SQLite database, of another schema, of another version of the analysis,
or that cannot be read is replaced by an empty index, and ``LibraryIndex.notice``
says so (one line) instead of anything crashing.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from reader.cache import cache_dir, digest
from reader.identity import document_path
from reader.library.schema import SCHEMA_VERSION, TABLES

BESIDE_NAME = ".reader-index.sqlite3"
"""An index kept beside the library, in its folder, under this name, is used first."""


class LibraryIndexError(Exception):
    """The index cannot be used (and could not be rebuilt): one clear line."""


def analysis_fingerprint() -> str:
    """What the analysis is made of: its modules and data files, and the user's lexicon.

    Sizes and times only (a few stat calls): an edited analysis or lexicon makes
    every document stale, so the index never serves results of another analysis.
    """
    import reader.analysis as analysis
    from reader.analysis.lexicon import user_lexicon_path

    here = Path(analysis.__file__).parent
    parts = [SCHEMA_VERSION]
    files = sorted([*here.glob("*.py"), *(here / "data").glob("*.toml"), user_lexicon_path()])
    for f in files:
        try:
            st = f.stat()
        except OSError:
            continue
        parts.append(f"{f.name}:{st.st_size}:{st.st_mtime_ns}")
    return digest(*parts)


def default_index_path(roots: Iterable[str | os.PathLike[str]]) -> Path:
    """Where the index of a library is: beside it when one is kept there, else in the cache.

    A library of one folder looks for ``BESIDE_NAME`` in that folder; otherwise
    (and for a list of files) the index is ``$XDG_CACHE_HOME/reader/library/<key>.sqlite3``,
    the key a digest of the library's resolved paths.
    """
    resolved = sorted(str(document_path(r)) for r in roots)
    if len(resolved) == 1 and Path(resolved[0]).is_dir():
        beside = Path(resolved[0]) / BESIDE_NAME
        if beside.exists():
            return beside
    return cache_dir() / "library" / f"{digest(*resolved)}.sqlite3"


def beside_index_path(folder: str | os.PathLike[str]) -> Path:
    """The index kept in the library's own folder."""
    return document_path(folder) / BESIDE_NAME


class LibraryIndex:
    """An open index: ``db`` is its SQLite connection (rows as ``sqlite3.Row``).

    ``notice`` is set when the file found was unusable and an empty index replaced it.
    ``fresh`` is true when the index holds no documents yet (new or rebuilt).
    """

    def __init__(self, path: str | os.PathLike[str], *, fingerprint: str | None = None) -> None:
        self.path = Path(path)
        self.notice: str | None = None
        self.fingerprint = fingerprint if fingerprint is not None else analysis_fingerprint()
        self.db = self._open()

    # -- opening -------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryIndexError(
                f"cannot make {self.path.parent}: {exc.strerror or exc}"
            ) from None
        try:
            db = self._connect()
            problem = self._problem(db)
        except sqlite3.Error as exc:
            db, problem = None, f"unreadable ({exc})"
        if problem is None:
            assert db is not None
            return db
        if db is not None:
            db.close()
        if problem != "new":
            self.notice = f"the library index {self.path} was {problem}: rebuilt"
        try:
            self._remove()
            db = self._connect()
            self._create(db)
        except (OSError, sqlite3.Error) as exc:
            raise LibraryIndexError(f"cannot write the library index {self.path}: {exc}") from None
        return db

    def _connect(self) -> sqlite3.Connection:
        # Autocommit: the builder opens its own transactions (``BEGIN IMMEDIATE``).
        db = sqlite3.connect(self.path, timeout=30, check_same_thread=False, isolation_level=None)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys = ON")
        return db

    def _problem(self, db: sqlite3.Connection) -> str | None:
        """Why this file cannot serve as the index ("new" when it is empty), or None."""
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return "new"
        if "meta" not in tables or "documents" not in tables:
            return "not a library index"
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("schema") != SCHEMA_VERSION:
            return "of another version"
        if meta.get("analysis") != self.fingerprint:
            return "made by another version of the analysis"
        db.execute("SELECT count(*) FROM words WHERE rowid = 0").fetchone()  # FTS readable
        return None

    def _create(self, db: sqlite3.Connection) -> None:
        with contextlib.suppress(sqlite3.Error):  # a shared file system may refuse WAL
            db.execute("PRAGMA journal_mode = WAL")
        db.executescript(TABLES)
        # Last: a file left half made by a crash has no meta, and is made again.
        db.execute(
            "INSERT INTO meta(key, value) VALUES ('schema', ?), ('analysis', ?)",
            (SCHEMA_VERSION, self.fingerprint),
        )

    def _remove(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{self.path}{suffix}").unlink()

    def rebuild(self, why: str) -> None:
        """Replace the index by an empty one (after ``why``, e.g. a corrupt page met later)."""
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        self.notice = f"the library index {self.path} was {why}: rebuilt"
        self._remove()
        self.db = self._connect()
        self._create(self.db)

    # -- what it holds ------------------------------------------------------------------

    @property
    def fresh(self) -> bool:
        return self.db.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> LibraryIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_index(
    roots: Iterable[str | os.PathLike[str]], path: str | os.PathLike[str] | None = None
) -> LibraryIndex:
    """The index of the library at ``roots`` (at ``path`` if given), made or rebuilt as needed."""
    return LibraryIndex(path if path is not None else default_index_path(list(roots)))
