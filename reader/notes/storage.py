"""A TinyDB Storage that never leaves a torn file behind.

Every write goes to a temporary file in the same folder, is fsynced, then
``os.replace``-d over the old file, and the folder is fsynced: a reader of the
file sees the old content or the new one, never half of each, whatever kills
the writer. The file's mode is kept. A failed fsync of the folder fails the
write like a failed fsync of the file: the old content is put back first, so a
failed write never leaves its change behind. The path given is the file itself
(the store resolves a symbolic link first, so the link stays a link). orjson
does the (de)serialising; the last content read or written is cached, so a file
that did not change since is not parsed again and an unchanged state is not
written again.

It takes no lock itself: :class:`reader.notes.store.NoteStore` holds an
inter-process lock around each read-modify-write, and says so through
:meth:`AtomicJSONStorage.holding`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from reader.notes.errors import StoreCorruptError, StoreReadError, StoreWriteError

Tables = dict[str, dict[str, dict[str, Any]]]

TEMP_SUFFIX = ".tmp"


def temp_prefix(path: Path) -> str:
    """Temporary files of ``path`` are named ``.<name>.<random>.tmp`` beside it."""
    return f".{path.name}."


def parse(raw: bytes) -> Tables | None:
    """The tables in ``raw``, None when it is empty; StoreCorruptError when it is not a store."""
    if not raw or raw.isspace():
        return None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        reason = "it is cut short" if _looks_truncated(raw) else "it is not valid JSON"
        raise StoreCorruptError(f"{reason} ({exc})", reason) from None
    if not isinstance(data, dict):
        reason = f"it holds a JSON {type(data).__name__}, not a table of notes"
        raise StoreCorruptError(reason, reason)
    for name, table in data.items():
        if not isinstance(table, dict):
            reason = f"its table {name!r} is not an object"
            raise StoreCorruptError(reason, reason)
        for doc_id, doc in table.items():
            if not isinstance(doc, dict):
                reason = f"entry {doc_id!r} of table {name!r} is not an object"
                raise StoreCorruptError(reason, reason)
    return data


def _looks_truncated(raw: bytes) -> bool:
    """True when the text opens more brackets than it closes, as a cut-off write does."""
    text = raw.strip()
    return bool(text) and text[:1] in (b"{", b"[") and text[-1:] not in (b"}", b"]")


def serialise(data: Tables) -> bytes:
    return orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"


class FolderSyncError(OSError):
    """The file was replaced but the fsync of its folder failed: the rename may not last."""


_SYNC_UNSUPPORTED = {errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable; FolderSyncError when the fsync fails.

    Where a folder cannot be opened or synced at all (EINVAL: not supported), there
    is nothing more to do.
    """
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _SYNC_UNSUPPORTED:
            raise FolderSyncError(exc.errno, exc.strerror) from None
    finally:
        os.close(fd)


def write_atomically(path: Path, raw: bytes) -> None:
    """Replace ``path`` by ``raw`` at once, keeping its mode; no temp file is left on failure.

    FolderSyncError: ``path`` holds ``raw`` but the folder's fsync failed.
    """
    folder = path.parent
    try:
        mode: int | None = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    tmp = folder / f"{temp_prefix(path)}{secrets.token_hex(6)}{TEMP_SUFFIX}"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 if mode is None else mode)
        try:
            if mode is not None:
                os.fchmod(fd, mode)
            view = memoryview(raw)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_folder(folder)


def stale_temps(path: Path) -> list[Path]:
    """Temp files beside ``path`` (a killed writer's, or one being written right now)."""
    prefix = temp_prefix(path)
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    return [path.parent / n for n in names if n.startswith(prefix) and n.endswith(TEMP_SUFFIX)]


def remove_stale_temps(path: Path) -> list[Path]:
    """Delete temp files a killed writer left beside ``path``; call only under the lock."""
    removed = []
    for temp in stale_temps(path):
        with contextlib.suppress(OSError):
            temp.unlink()
            removed.append(temp)
    return removed


def describe_os_error(exc: OSError) -> str:
    if exc.errno == errno.EFBIG:
        return "file too large"
    if exc.errno == errno.ENOSPC:
        return "no space left on device"
    reason = exc.strerror or str(exc)
    return f"{reason} (fsync of the folder)" if isinstance(exc, FolderSyncError) else reason


def put_back(path: Path, previous: bytes | None) -> bool:
    """Make ``path`` hold ``previous`` again (None: no file); whether that worked."""
    try:
        if previous is None:
            path.unlink(missing_ok=True)
            fsync_folder(path.parent)
        else:
            write_atomically(path, previous)
    except OSError:
        return False
    return True


class AtomicJSONStorage(Storage):
    """TinyDB storage over one JSON file, written atomically with orjson.

    ``read`` returns the cached state when the file's bytes did not change, and
    does not even look at the file while :meth:`holding` says that this process
    holds the write lock (no one else can change it then). The state is shared
    with TinyDB, which may change documents in place before it writes them: a
    failed write therefore drops the cache, so the next read parses the file.
    """

    def __init__(self, path: str | os.PathLike[str], read_only: bool = False) -> None:
        super().__init__()
        self.path = Path(path)
        self.read_only = read_only
        self.generation = 0
        """Changes whenever the cached state may have changed (a new parse or a write)."""
        self._raw: bytes | None = None
        self._data: Tables | None = None
        self._held = False
        self._fresh = False

    @contextmanager
    def holding(self) -> Iterator[None]:
        """While the caller holds the inter-process lock: read the file at most once."""
        self._held, self._fresh = True, False
        try:
            yield
        finally:
            self._held = self._fresh = False

    def read_bytes(self) -> bytes | None:
        """The file's bytes, None when it does not exist yet."""
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None
        except IsADirectoryError:
            raise StoreReadError(f"cannot read {self.path}: it is a directory") from None
        except OSError as exc:
            raise StoreReadError(f"cannot read {self.path}: {describe_os_error(exc)}") from None

    def read(self) -> Tables | None:
        if not (self._held and self._fresh):
            raw = self.read_bytes()
            if raw is None:
                self._raw, self._data = None, None
            elif raw != self._raw:
                self._raw, self._data = raw, parse(raw)
                self.generation += 1
            self._fresh = self._held
        return None if self._data is None else dict(self._data)

    def write(self, data: Tables) -> None:
        if self.read_only:
            raise StoreWriteError(f"could not write {self.path}: the notes file is open read-only")
        raw = serialise(data)
        if raw == self._raw:
            return
        previous = self._raw if self._held else self.read_bytes()
        try:
            write_atomically(self.path, raw)
        except OSError as exc:
            self._raw = self._data = None
            self.generation += 1
            self._fresh = False
            message = f"could not write {self.path}: {describe_os_error(exc)}"
            if isinstance(exc, FolderSyncError) and not put_back(self.path, previous):
                message += "; the file could not be put back as it was and may hold the change"
            raise StoreWriteError(message) from None
        self._raw, self._data = raw, dict(data)
        self.generation += 1
