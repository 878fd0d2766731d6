"""NoteStore: the only code that opens the notes file (``annotations.json``).

The file is a TinyDB store (tables of :mod:`reader.notes.schema`) kept by
:class:`~reader.notes.storage.AtomicJSONStorage`. Every change is a
read-modify-write made while holding an inter-process lock
(:class:`~reader.notes.lock.WriteLock`: ``<file>.lock``, there only while
someone writes), re-reading the file inside the lock, so processes writing at
once never lose each other's notes. When a change method returns, the change is
on disk (fsynced, file and folder). A file that does not parse is never written
to: opening it raises :class:`StoreCorruptError` naming a backup copy, and
``NoteStore(path, read_only=True)`` opens it anyway, empty, with
:attr:`NoteStore.problem` saying why.

The store does what the file system says: a notes file nobody may write (mode
444) or in a folder that cannot be written opens read-only
(:attr:`NoteStore.read_only`, :attr:`NoteStore.read_only_reason`) and every
change raises :class:`StoreReadOnlyError`; a symbolic link is written through
(the link stays, its target gets the notes); a folder that does not exist is
:class:`StoreFolderMissingError` unless ``create=True`` makes it.

Notes name their document the one way of :mod:`reader.identity` (relative to
the file's folder, or absolute): the store writes every note so, and finds a
document's notes with :meth:`DocumentId.holds <reader.identity.DocumentId.holds>`.
"""

from __future__ import annotations

import gc
import hashlib
import os
import stat
import threading
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from tinydb import Query
from tinydb.table import Table

from reader.identity import DocumentId, document_name, named_path
from reader.notes import schema
from reader.notes.errors import (
    StoreCorruptError,
    StoreError,
    StoreFolderMissingError,
    StoreReadError,
    StoreReadOnlyError,
    StoreWriteError,
)
from reader.notes.lock import LockTimeout, WriteLock
from reader.notes.model import Note, note_from_stored
from reader.notes.storage import (
    AtomicJSONStorage,
    Tables,
    describe_os_error,
    remove_stale_temps,
    stale_temps,
    write_atomically,
)

__all__ = [
    "NoteNotFoundError",
    "NoteStore",
    "StoreCorruptError",
    "StoreError",
    "StoreFolderMissingError",
    "StoreReadError",
    "StoreReadOnlyError",
    "StoreWriteError",
]

LOCK_TIMEOUT = 30.0
"""Seconds to wait for another process's write before giving up."""


class NoteNotFoundError(StoreError):
    """No note has the given id."""


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a file is parsed (into notes) or written.

    Parsing makes tens of thousands of objects that all stay alive; the collector
    would walk them again and again for nothing (a quarter of the time of loading
    10,000 notes, half of a change's time under the lock). Left alone when it is
    paused already (the app's start-up).
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if not gc.get_freeze_count():  # (the app freezes its own objects: leave them be)
            # What was made meanwhile joins the oldest generation at once instead of
            # being walked by the next young collection: it is all alive, or freed
            # by its reference count; a cycle among it waits for a full collection.
            gc.freeze()
            gc.unfreeze()
        gc.enable()


def backup_path(path: Path, raw: bytes) -> Path:
    """Where a copy of an unreadable file goes: named by its content, so made once."""
    digest = hashlib.sha256(raw).hexdigest()[:12]
    return path.with_name(f"{path.name}.corrupt-{digest}.bak")


def make_backup(path: Path, raw: bytes) -> Path:
    """Copy ``raw`` (the bytes of ``path``) beside it, unless that copy already exists."""
    target = backup_path(path, raw)
    try:
        if target.read_bytes() == raw:
            return target
    except OSError:
        pass
    write_atomically(target, raw)
    return target


class NoteStore:
    """Notes and reading positions in one TinyDB file, safe against crashes and races."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        read_only: bool = False,
        create: bool = False,
        lock_timeout: float = LOCK_TIMEOUT,
    ) -> None:
        """Open the notes file at ``path`` (it need not exist yet; its folder must).

        ``create``: make the folder (and its parents) when it does not exist.
        ``read_only``: never write, whatever the file system allows.
        """
        self.path = Path(path)
        self.folder = self.path.absolute().parent
        """The folder that relative document names in the file start from."""
        self.file = Path(os.path.realpath(self.path))
        """The file written: ``path`` with symbolic links resolved."""
        self.lock_timeout = lock_timeout
        self._check_folder(create)
        self.read_only_reason = "" if not read_only else "it was opened read-only"
        """Why the store is read-only ("" when it is not)."""
        if not read_only and (said := self._file_system_says_read_only()):
            read_only, self.read_only_reason = True, said
        self.read_only = read_only
        self.problem: str | None = None
        """Why a read-only store shows nothing (a corrupt or unreadable file), else None."""
        self._storage = AtomicJSONStorage(self.file, read_only=read_only)
        self._lock = WriteLock(f"{self.file}.lock")
        self._cache: tuple[int, list[Note]] = (-1, [])
        self._migrated: tuple[int, Tables] | None = None  # an older file, as CURRENT
        self._paths: tuple[int, dict[str, Path]] = (-1, {})  # document names resolved
        self._thread_lock = threading.RLock()  # the cache is shared by this process's threads
        try:
            self.all()
        except StoreCorruptError as exc:
            if not read_only:
                raise self._corrupt(exc) from None
            raw = self._storage.read_bytes() or b""
            backup = backup_path(self.file, raw)
            self.problem = self._corrupt_message(exc, backup if backup.exists() else None)
            self.read_only_reason = self.problem
        except StoreError as exc:
            if not read_only:
                raise
            self.problem = self.read_only_reason = str(exc)
        if not read_only:
            self._sweep()

    # -- reading -------------------------------------------------------------

    def all(self) -> list[Note]:
        """Every note, in the order they were added."""
        if self.problem:
            return []
        with self._thread_lock, _collector_paused():
            docs = self._tables().get(schema.NOTES, {})
            generation = self._storage.generation
            if self._cache[0] != generation:
                self._cache = (generation, self._notes(docs.values()))
            return list(self._cache[1])

    def notes_for(
        self, document: DocumentId | str | os.PathLike[str], sha256: str = ""
    ) -> list[Note]:
        """Notes on this document, in document order (notes on all of it first).

        ``document`` is a :class:`DocumentId`, or a path (relative to the working
        folder) with ``sha256`` the digest of its text.
        """
        doc = document if isinstance(document, DocumentId) else DocumentId.at(document, sha256)
        notes = self.all()
        held: dict[tuple[str, str], bool] = {}
        for note in notes:
            key = (note.document, note.sha256)
            if key not in held:
                held[key] = doc.holds(self._resolved(note.document), note.sha256)
        found = [n for n in notes if held[(n.document, n.sha256)]]
        return sorted(found, key=lambda n: (n.target.start, n.target.end) if n.target else (-1, -1))

    def name_of(self, path: str | os.PathLike[str]) -> str:
        """How this file names the document at ``path`` (relative to the working folder)."""
        return document_name(path, self.folder)

    def path_of(self, name: str) -> Path:
        """The file a note's ``document`` name points at."""
        return named_path(name, self.folder)

    def get(self, note_id: str) -> Note | None:
        return next((n for n in self.all() if n.id == note_id), None)

    def position(self, sha256_or_path: str) -> int | None:
        """The saved reading position (an offset in the text) for this key, if any."""
        if self.problem:
            return None
        for doc in self._tables().get(schema.POSITIONS, {}).values():
            offset = doc.get("offset")
            if doc.get("key") == sha256_or_path and isinstance(offset, int):
                return offset
        return None

    # -- writing -------------------------------------------------------------

    def add(self, note: Note) -> Note:
        """Store a new note; it is on disk when this returns."""
        with self._locked():
            if self._find(note.id) is not None:
                raise StoreError(f"a note with id {note.id} already exists")
            note = self._named(note)
            self._table(schema.NOTES).insert(note.to_dict())
        return note

    def add_many(self, notes: Iterable[Note]) -> list[Note]:
        """Store the notes whose id is not stored yet, in one write; return those added."""
        with self._locked():
            table = self._table(schema.NOTES)
            seen = {doc.get("id") for doc in self._tables().get(schema.NOTES, {}).values()}
            added = []
            for note in notes:
                if note.id not in seen:
                    seen.add(note.id)
                    added.append(self._named(note))
            if added:
                table.insert_multiple(n.to_dict() for n in added)
        return added

    def update(self, note: Note) -> Note:
        """Replace the stored note that has ``note.id`` by ``note``."""
        with self._locked():
            found = self._find(note.id)
            if found is None:
                raise NoteNotFoundError(f"no note with id {note.id}")
            doc_id, doc = found
            note = self._named(note)
            new = note.to_dict()
            if doc != new:
                self._table(schema.NOTES).update(new, doc_ids=[doc_id])
        return note

    def remove(self, note_id: str) -> Note:
        """Delete a note and return it (so the caller can offer to undo)."""
        with self._locked():
            found = self._find(note_id)
            if found is None:
                raise NoteNotFoundError(f"no note with id {note_id}")
            doc_id, doc = found
            removed = self._note(doc)
            self._table(schema.NOTES).remove(doc_ids=[doc_id])
        return removed

    def set_position(self, key: str, offset: int) -> None:
        """Remember the reading position for ``key``; does nothing on a read-only store."""
        if self.read_only or self._file_system_says_read_only():
            return
        with self._locked():
            table = self._table(schema.POSITIONS)
            found = table.get(Query().key == key)
            if found is None:
                table.insert({"key": key, "offset": int(offset)})
            elif found.get("offset") != offset:
                table.update({"offset": int(offset)}, doc_ids=[found.doc_id])

    @property
    def lock_waited(self) -> float:
        """Seconds the last change waited for other processes' changes to end."""
        return self._lock.waited

    @property
    def lock_turn(self) -> tuple[float, float]:
        """When (``time.monotonic``) the last change queued for the lock, and took it."""
        return self._lock.queued, self._lock.taken

    # -- internals -----------------------------------------------------------

    def _check_folder(self, create: bool) -> None:
        folder = self.file.parent
        if folder.is_dir():
            return
        if folder.exists():
            raise StoreFolderMissingError(f"{self.path}: {folder} is not a folder")
        if not create:
            raise StoreFolderMissingError(
                f"the folder of the notes file {self.path} does not exist ({folder})"
            )
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreWriteError(f"could not make {folder}: {describe_os_error(exc)}") from None

    def _file_system_says_read_only(self) -> str:
        """Why the file system forbids writing the notes file ("" when it allows it).

        The mode bits count even where they do not bind (for root): a file nobody may
        write, or a folder nobody may write, means "leave it as it is".
        """
        try:
            mode = self.file.stat().st_mode
        except FileNotFoundError:
            mode = None
        except OSError:
            return ""  # reading it fails too, and says why
        if mode is not None and (not mode & 0o222 or not os.access(self.file, os.W_OK)):
            return f"{self.path} is read-only (mode {stat.S_IMODE(mode):o})"
        folder = self.file.parent
        try:
            folder_mode = folder.stat().st_mode
        except OSError:
            return ""
        if not folder_mode & 0o222 or not os.access(folder, os.W_OK | os.X_OK):
            return f"the folder {folder} of {self.path.name} is read-only"
        return ""

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise StoreReadOnlyError(
                f"could not write {self.path}: {self.read_only_reason or 'it is read-only'}"
            )
        said = self._file_system_says_read_only()  # it may have changed since it was opened
        if said:
            raise StoreReadOnlyError(f"could not write {self.path}: {said}")

    def _tables(self) -> Tables:
        """The current content, brought up to the current schema in memory."""
        with self._thread_lock:
            tables = self._storage.read()
            if tables is None:
                return schema.empty()
            if schema.version(tables) == schema.CURRENT:
                return tables
            generation = self._storage.generation
            if self._migrated is None or self._migrated[0] != generation:
                try:
                    self._migrated = (generation, schema.migrate(tables, self.folder))
                except ValueError as exc:
                    message = f"{self.path} was written by a newer version of reader: {exc}"
                    raise StoreError(message) from None
            return self._migrated[1]

    def _resolved(self, name: str) -> Path:
        """:meth:`path_of`, remembered until the file changes (a library asks once per document)."""
        with self._thread_lock:
            generation = self._storage.generation
            if self._paths[0] != generation:
                self._paths = (generation, {})
            paths = self._paths[1]
            if name not in paths:
                paths[name] = self.path_of(name)
            return paths[name]

    def _named(self, note: Note) -> Note:
        """``note`` naming its document the store's way (a relative name is from the folder)."""
        if "://" in note.document:  # a web page no file of the library is known for
            return note
        name = self.name_of(self.path_of(note.document))
        return note if name == note.document else replace(note, document=name)

    def _find(self, note_id: str) -> tuple[int, dict[str, Any]] | None:
        """The TinyDB document id and the stored document of a note."""
        for key, doc in self._tables().get(schema.NOTES, {}).items():
            if doc.get("id") == note_id:
                return int(key), doc
        return None

    def _table(self, name: str) -> Table:
        # A fresh Table per operation: TinyDB caches the next document id and
        # query results per Table, which another process may have made stale.
        return Table(self._storage, name, cache_size=0)

    def _notes(self, docs: Collection[dict[str, Any]]) -> list[Note]:
        """The notes stored as ``docs``: made fast, or one by one when one is refused."""
        try:
            return [note_from_stored(doc) for doc in docs]
        except (KeyError, TypeError, ValueError):
            return [self._note(doc, fast=True) for doc in docs]  # to name the bad one

    def _note(self, doc: dict[str, Any], fast: bool = False) -> Note:
        """The note stored as ``doc`` (``fast``: :func:`note_from_stored`, for many)."""
        try:
            return note_from_stored(doc) if fast else Note.from_dict(doc)
        except (KeyError, TypeError, ValueError) as exc:
            what = doc.get("id", "?") if isinstance(doc, dict) else "?"
            reason = f"note {what} has the wrong shape ({type(exc).__name__}: {exc})"
            raise StoreCorruptError(reason, reason) from None

    def _corrupt_message(self, exc: StoreCorruptError, backup: Path | None) -> str:
        where = f"; it was left untouched, a copy is at {backup}" if backup else ""
        return f"{self.path} is not a readable notes file: {exc.reason}{where}"

    def _corrupt(self, exc: StoreCorruptError) -> StoreCorruptError:
        raw = self._storage.read_bytes() or b""
        try:
            backup: Path | None = make_backup(self.file, raw)
        except OSError as err:
            message = (
                f"{self.path} is not a readable notes file: {exc.reason}; it was left "
                f"untouched (no backup copy could be made: {describe_os_error(err)})"
            )
            return StoreCorruptError(message, exc.reason)
        return StoreCorruptError(self._corrupt_message(exc, backup), exc.reason, str(backup))

    def _sweep(self) -> None:
        """Remove temp files left by a writer that was killed; skipped when someone writes."""
        self._lock.sweep()
        if not stale_temps(self.file):
            return  # nothing to do: do not even take the lock
        with self._thread_lock:
            try:
                self._lock.acquire(timeout=0)
            except (LockTimeout, OSError):
                return
            try:
                remove_stale_temps(self.file)
            finally:
                self._lock.release()

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the inter-process lock; make sure the file has the current schema."""
        self._refuse_if_read_only()
        with self._thread_lock:
            try:
                self._lock.acquire(self.lock_timeout)
            except LockTimeout as exc:
                raise StoreWriteError(
                    f"could not write {self.path}: waited {exc.waited:.1f} s for the lock "
                    f"{self._lock.path}, which another process held all that time"
                ) from None
            except OSError as exc:
                raise StoreWriteError(
                    f"could not write {self.path}: cannot lock it ({describe_os_error(exc)})"
                ) from None
            try:
                with self._storage.holding(), _collector_paused():
                    remove_stale_temps(self.file)
                    self._upgrade()
                    yield
            except StoreCorruptError as exc:
                raise self._corrupt(exc) from None
            finally:
                self._lock.release()

    def _upgrade(self) -> None:
        """Under the lock: give a new or older file the current schema (backing up the old)."""
        tables = self._storage.read()
        if tables is not None and schema.version(tables) == schema.CURRENT:
            return
        if tables is None:
            self._storage.write(schema.empty())
            return
        old = schema.version(tables)
        raw = self._storage.read_bytes() or b""
        if old > schema.CURRENT:
            raise StoreWriteError(
                f"could not write {self.path}: it was written by a newer version of reader"
            )
        try:
            write_atomically(self.file.with_name(f"{self.file.name}.schema{old}.bak"), raw)
        except OSError as exc:
            message = f"could not write {self.path}: {describe_os_error(exc)}"
            raise StoreWriteError(message) from None
        self._storage.write(schema.migrate(tables, self.folder))
