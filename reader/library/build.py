"""Building and refreshing the library index: in parallel, and only what changed.

A file is looked at again only when its size or time differs from what the
index holds (or it failed last time); it is analysed again only when its text
differs too (the sha256 of its canonical text). Files gone from the library
are dropped with everything hanging off them. The work runs in worker
processes (``jobs``, all cores by default, ``concurrent.futures``); the main
process writes the results as they come, in transactions of a few hundred, so
an interrupted build keeps what it did. A file that fails is recorded with its
one-line reason and never stops the rest; it is tried again at the next build.
After the documents, the speakers of the whole library are joined into
identities (``people``) and the notes of the notes file copied in.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat as stat_mode
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.identity import document_path
from reader.library.entries import _with_sep
from reader.library.extract import Extracted, Failed, Result, Stat, Unchanged, extract
from reader.library.index import LibraryIndex
from reader.library.people import SpeakerRow, identities
from reader.library.schema import FTS_BLOCK, joined
from reader.library.workers import default_jobs, in_order

if TYPE_CHECKING:
    from reader.notes.store import NoteStore

_BATCH_SECONDS = 2.0
_BATCH_DOCUMENTS = 1000
"""A transaction a few hundred documents long: each commit is a new segment of the words'
index that later ones merge (writing 5,000 documents costs a tenth less CPU than in
transactions of 75), and an interrupted build loses at most two seconds of work."""


@dataclass(frozen=True, slots=True)
class Work:
    """A file to read: where it is, its key in the index, its stat, the digest known."""

    path: str
    key: str
    stat: Stat
    known_sha256: str = ""


@dataclass(slots=True)
class Plan:
    """What a build has to do: files to read, and index rows to drop."""

    work: list[Work]
    removed: list[tuple[int, str]]
    kept: int
    """Files whose size and time are those indexed: nothing to do."""
    keys: dict[str, str]
    """Each file's path as given, and its key in the index (its resolved path)."""


@dataclass(slots=True)
class BuildReport:
    """What a build did."""

    total: int = 0
    analysed: list[str] = field(default_factory=list)
    """Keys of the files analysed (new or changed text)."""
    touched: int = 0
    """Files with a new time but the same text: not analysed again."""
    kept: int = 0
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    """Each file that could not be indexed and why (one line)."""
    notice: str | None = None
    """Set when the index file was unusable and rebuilt."""
    seconds: float = 0.0


Progress = Callable[[int, int, Result], None]
"""Called after each file is written: files done, files to do, what became of it."""


def plan(index: LibraryIndex, paths: Sequence[str | os.PathLike[str]]) -> Plan:
    """What a build of ``paths`` has to do, found from the files' sizes and times alone.

    One ``lstat`` a file, and nothing made for a file that is kept (a second
    launch of 20,000 files keeps them all).
    """
    cursor = index.db.cursor()
    cursor.row_factory = None
    cursor.execute("SELECT path, id, size, mtime_ns, sha256, error FROM documents")
    known = {r[0]: r for r in cursor}
    work: list[Work] = []
    keys: dict[str, str] = {}
    seen: set[str] = set()
    folders: dict[str, str] = {}
    kept = 0
    lstat, is_link, sep = os.lstat, stat_mode.S_ISLNK, os.sep
    for raw in paths:
        path = raw if isinstance(raw, str) else os.fspath(raw)
        folder, cut, name = path.rpartition(sep)
        head = folder + cut  # as in index_keys
        resolved = folders.get(head)
        if resolved is None:
            where = folder or (sep if cut else ".")
            resolved = folders[head] = _with_sep(str(document_path(where)))
        key = resolved + name
        try:
            st = lstat(path)
            if is_link(st.st_mode):
                key, st = str(document_path(path)), os.stat(path)
            size, mtime_ns = st.st_size, st.st_mtime_ns
        except OSError:
            size = mtime_ns = -1  # the worker says why
        keys[path] = key
        if key in seen:  # one file given twice (a folder and a file in it)
            continue
        seen.add(key)
        row = known.get(key)
        if row is not None and row[2] == size and row[3] == mtime_ns and row[5] is None:
            kept += 1
        else:
            sha = row[4] if row is not None and row[5] is None else ""
            work.append(Work(path, key, Stat(size, mtime_ns), sha))
    removed = [(row[1], key) for key, row in known.items() if key not in seen]
    return Plan(work, removed, kept, keys)


def build_index(
    index: LibraryIndex,
    paths: Sequence[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
    store: NoteStore | None = None,
    planned: Plan | None = None,
) -> BuildReport:
    """Bring the index up to date with ``paths`` (the library's files); see the module.

    ``planned``: the :func:`plan` of these paths just made on this index (not
    made again). An index found corrupt while it is written is rebuilt from
    scratch, once, and the report's ``notice`` says so.
    """
    started = time.perf_counter()
    try:
        report = _build(index, paths, jobs, progress, store, planned)
    except sqlite3.DatabaseError as exc:
        index.rebuild(f"unreadable ({exc})")
        report = _build(index, paths, jobs, progress, store, None)
    report.notice = index.notice
    report.seconds = time.perf_counter() - started
    return report


def _build(
    index: LibraryIndex,
    paths: Sequence[str | os.PathLike[str]],
    jobs: int | None,
    progress: Progress | None,
    store: NoteStore | None,
    planned: Plan | None,
) -> BuildReport:
    todo = planned if planned is not None else plan(index, paths)
    db = index.db
    report = BuildReport(total=len(todo.keys), kept=todo.kept)
    changed = bool(todo.removed)
    db.execute("BEGIN IMMEDIATE")
    try:
        for doc_id, key in todo.removed:
            _drop(db, doc_id)
            report.removed.append(key)
        ids = {r[0]: r[1] for r in db.execute("SELECT path, id FROM documents")}
        last = time.monotonic()
        pending = 0
        for done, result in enumerate(
            in_order(_item, todo.work, jobs or default_jobs(), preload=[__name__]), 1
        ):
            _write(db, result, ids.get(result.key))
            if isinstance(result, Extracted):
                report.analysed.append(result.key)
                changed = True
            elif isinstance(result, Unchanged):
                report.touched += 1
            else:
                report.failed.append((result.key, result.reason))
                changed = True
            pending += 1
            if pending >= _BATCH_DOCUMENTS or time.monotonic() - last > _BATCH_SECONDS:
                db.execute("COMMIT")
                db.execute("BEGIN IMMEDIATE")
                pending, last = 0, time.monotonic()
            if progress is not None:
                progress(done, len(todo.work), result)
        if changed or _never_joined(db):
            _join_speakers(db)
        if store is not None:
            sync_notes(index, store, within=True)
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return report


def _never_joined(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT 1 FROM meta WHERE key = 'joined'").fetchone() is None


def _item(work: Work) -> Result:
    return extract(work.path, work.key, work.stat, work.known_sha256)


def _drop(db: sqlite3.Connection, doc_id: int) -> None:
    db.execute(
        "DELETE FROM words WHERE rowid BETWEEN ? AND ?",
        (doc_id * FTS_BLOCK, (doc_id + 1) * FTS_BLOCK - 1),
    )
    db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))


def _clear(db: sqlite3.Connection, doc_id: int) -> None:
    """Everything the analysis of a document put in the index, but the document's row."""
    db.execute(
        "DELETE FROM words WHERE rowid BETWEEN ? AND ?",
        (doc_id * FTS_BLOCK, (doc_id + 1) * FTS_BLOCK - 1),
    )
    for table in ("speakers", "quotes", "sector_mentions"):
        db.execute(f"DELETE FROM {table} WHERE doc = ?", (doc_id,))


def _write(db: sqlite3.Connection, result: Result, doc_id: int | None) -> None:
    st = result.stat
    if isinstance(result, Unchanged):
        db.execute(
            "UPDATE documents SET size = ?, mtime_ns = ? WHERE path = ?",
            (st.size, st.mtime_ns, result.key),
        )
        return
    if doc_id is not None:
        _clear(db, doc_id)
    if isinstance(result, Failed):
        row = (result.key, "", st.size, st.mtime_ns, Path(result.key).name, result.reason)
        db.execute(
            "INSERT INTO documents(path, sha256, size, mtime_ns, title, error) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, "
            "size = excluded.size, mtime_ns = excluded.mtime_ns, title = excluded.title, "
            "date = NULL, quotes = 0, top_speakers = '', sectors = '', error = excluded.error",
            row,
        )
        return
    r = result
    values = (
        r.key,
        r.sha256,
        st.size,
        st.mtime_ns,
        r.format,
        r.title,
        r.date,
        r.chars,
        r.quotes_count,
        joined(r.top_speakers),
        joined(r.sectors_shown),
    )
    cur = db.execute(
        "INSERT INTO documents(path, sha256, size, mtime_ns, format, title, date, chars, quotes, "
        "top_speakers, sectors, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) "
        "ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size, "
        "mtime_ns = excluded.mtime_ns, format = excluded.format, title = excluded.title, "
        "date = excluded.date, chars = excluded.chars, quotes = excluded.quotes, "
        "top_speakers = excluded.top_speakers, sectors = excluded.sectors, error = NULL "
        "RETURNING id",
        values,
    )
    did = int(cur.fetchone()[0])
    db.executemany(
        "INSERT INTO speakers(doc, local, name, kind, role, aliases, mentions, quotes) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(did, *s) for s in r.speakers],
    )
    db.executemany("INSERT OR IGNORE INTO sectors(id, name) VALUES (?, ?)", r.sector_names)
    db.executemany(
        'INSERT INTO sector_mentions(doc, sector, start, "end") VALUES (?, ?, ?, ?)',
        [(did, *m) for m in r.sector_mentions],
    )
    base = did * FTS_BLOCK
    db.executemany(
        "INSERT INTO words(rowid, body, kind, start, ref) VALUES (?, ?, 'text', ?, NULL)",
        [(base + k, text, start) for k, (start, text) in enumerate(r.paragraphs)],
    )
    base += len(r.paragraphs)
    # A quote's id is the rowid of its words: unique, and in its document's block.
    db.executemany(
        'INSERT INTO quotes(id, doc, speaker, kind, start, "end", text, cue_start, cue_end, '
        "source_start, source_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(base + k, did, *q) for k, q in enumerate(r.quotes)],
    )
    db.executemany(
        "INSERT INTO words(rowid, body, kind, start, ref) VALUES (?, ?, 'quote', ?, ?)",
        [(base + k, q[4], q[2], base + k) for k, q in enumerate(r.quotes)],
    )


def _join_speakers(db: sqlite3.Connection) -> None:
    """Join the speakers of every document into the library's identities (``people``)."""
    rows = [
        SpeakerRow(r[0], r[1], r[2], r[3], tuple(json.loads(r[4])), r[5])
        for r in db.execute("SELECT doc, local, name, kind, aliases, quotes FROM speakers")
    ]
    people = identities(rows)
    db.execute("DELETE FROM persons")
    db.executemany(
        "INSERT INTO persons(id, name, kind, aliases, documents, quotes) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (p.id, p.name, p.kind, json.dumps(p.aliases, ensure_ascii=False), p.documents, p.quotes)
            for p in people
        ],
    )
    db.execute(
        "CREATE TEMP TABLE IF NOT EXISTS owners(doc INTEGER, local TEXT, person TEXT, "
        "PRIMARY KEY (doc, local)) WITHOUT ROWID"
    )
    db.execute("DELETE FROM owners")
    db.executemany(
        "INSERT INTO owners(doc, local, person) VALUES (?, ?, ?)",
        [(rows[i].doc, rows[i].local, p.id) for p in people for i in p.rows],
    )
    db.execute(
        "UPDATE speakers SET person = owners.person FROM owners "
        "WHERE speakers.doc = owners.doc AND speakers.local = owners.local"
    )
    db.execute("DELETE FROM owners")
    db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('joined', '1')")


def sync_notes(index: LibraryIndex, store: NoteStore, *, within: bool = False) -> int:
    """Copy the notes of ``store`` on the library's documents into the index; how many.

    A note is on a document as the store decides it (``DocumentId.holds``):
    its file, or, when that file is gone, the document with its text's digest.
    Skipped when the notes are those copied last time. ``within``: the caller
    holds a transaction.
    """
    db = index.db
    all_notes = store.all()
    signature = json.dumps(sorted((n.id, n.modified, n.document, n.sha256) for n in all_notes))
    from reader.cache import digest

    mark = digest(signature)
    old = db.execute("SELECT value FROM meta WHERE key = 'notes'").fetchone()
    if old is not None and old[0] == mark:
        return int(db.execute("SELECT count(*) FROM notes").fetchone()[0])
    by_path = {r[0]: r[1] for r in db.execute("SELECT path, id FROM documents WHERE error IS NULL")}
    by_sha: dict[str, int] = {}
    for r in db.execute("SELECT sha256, id FROM documents WHERE error IS NULL"):
        by_sha.setdefault(r[0], r[1])
    rows = []
    for note in all_notes:
        where = store.path_of(note.document)
        doc = by_path.get(str(where))
        if doc is None and note.sha256 and not where.exists():
            doc = by_sha.get(note.sha256)
        if doc is not None:
            rows.append((note, doc))
    if not within:
        db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("DELETE FROM notes")
        db.execute("DELETE FROM note_words")
        for note, doc in rows:
            target = note.target
            db.execute(
                'INSERT INTO notes(id, doc, body, tags, created, modified, start, "end", exact) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    note.id,
                    doc,
                    note.body,
                    json.dumps(list(note.tags), ensure_ascii=False),
                    note.created,
                    note.modified,
                    target.start if target else None,
                    target.end if target else None,
                    target.exact if target else None,
                ),
            )
            db.executemany(
                "INSERT INTO note_tags(note, tag) VALUES (?, ?)",
                [(note.id, tag) for tag in note.tags],
            )
            tags = (f"#{tag}" for tag in note.tags)
            words = " ".join((note.body, *tags, target.exact if target else ""))
            db.execute("INSERT INTO note_words(body, note) VALUES (?, ?)", (words, note.id))
        db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('notes', ?)", (mark,))
        if not within:
            db.execute("COMMIT")
    except BaseException:
        if not within and db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return len(rows)
