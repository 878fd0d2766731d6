"""The store does what the file system says: read-only files and folders, missing
folders, symbolic links, a failed folder fsync, and lock files gone when unused."""

from __future__ import annotations

import os
import threading
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.notes.errors import StoreFolderMissingError, StoreReadOnlyError
from reader.notes.lock import WriteLock
from reader.notes.model import Note, note_from_stored
from reader.notes.store import NoteStore, StoreWriteError
from tests.notes.helpers import sample_note, stored_ids, write_store


def test_a_mode_444_file_opens_read_only_and_is_never_replaced(tmp_path):
    path = tmp_path / "notes.json"
    ids = write_store(path, 3)
    path.chmod(0o444)
    before, inode = path.read_bytes(), path.stat().st_ino
    store = NoteStore(path)
    assert store.read_only and store.read_only_reason == f"{path} is read-only (mode 444)"
    assert {n.id for n in store.all()} == ids
    with pytest.raises(StoreReadOnlyError, match=r"could not write .*mode 444"):
        store.add(sample_note(9))
    store.set_position("key", 3)  # a reading position is not worth an error: skipped
    assert path.read_bytes() == before and path.stat().st_ino == inode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.json"]


def test_a_file_made_read_only_while_open_is_refused_too(tmp_path):
    path = tmp_path / "notes.json"
    write_store(path, 1)
    store = NoteStore(path)
    assert not store.read_only and store.read_only_reason == ""
    path.chmod(0o444)
    before = path.read_bytes()
    with pytest.raises(StoreReadOnlyError, match="mode 444"):
        store.add(sample_note(9))
    assert path.read_bytes() == before


def test_a_missing_folder_is_an_error_and_nothing_is_made(tmp_path):
    with pytest.raises(StoreFolderMissingError, match="does not exist"):
        NoteStore(tmp_path / "nope" / "dir" / "notes.json")
    assert list(tmp_path.iterdir()) == []


def test_create_makes_the_folder(tmp_path):
    path = tmp_path / "new" / "dir" / "notes.json"
    store = NoteStore(path, create=True)
    assert path.parent.is_dir() and not path.exists()
    store.add(sample_note(1))
    assert stored_ids(path) == [sample_note(1).id]


def test_a_symlinked_file_is_written_through_and_stays_a_link(tmp_path):
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    target = dotfiles / "annotations.json"
    ids = write_store(target, 2)
    link = tmp_path / "annotations.json"
    link.symlink_to(target)
    note = NoteStore(link).add(sample_note(7))
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert set(stored_ids(target)) == ids | {note.id}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["annotations.json", "dotfiles"]
    assert sorted(p.name for p in dotfiles.iterdir()) == ["annotations.json"]
    assert {n.id for n in NoteStore(target).all()} == ids | {note.id}  # one store, two names


def test_no_lock_file_is_left_when_nobody_holds_the_lock(tmp_path):
    path = tmp_path / "notes.json"
    store = NoteStore(path)
    store.add(sample_note(1))
    store.update(sample_note(1).edited(body="changed"))
    store.remove(sample_note(1).id)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.json"]


def test_a_lock_timeout_says_how_long_it_waited(tmp_path):
    path = tmp_path / "notes.json"
    holder = WriteLock(f"{path}.lock")
    holder.acquire(timeout=1)
    try:
        store = NoteStore(path, lock_timeout=0.5)
        started = time.monotonic()
        with pytest.raises(StoreWriteError, match=r"waited 0\.[5-9] s for the lock"):
            store.add(sample_note(1))
        assert 0.5 <= time.monotonic() - started < 5
    finally:
        holder.release()
    assert NoteStore(path).add(sample_note(2))  # the lock given up on is free again
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.json"]


def test_the_lock_goes_to_writers_in_the_order_they_came(tmp_path):
    """Three threads queue behind a holder, one after the other: they get it in that order."""
    path = tmp_path / "notes.json.lock"
    holder = WriteLock(path)
    holder.acquire(timeout=1)
    order: list[int] = []

    def writer(i: int) -> None:
        lock = WriteLock(path)
        lock.acquire(timeout=10)
        order.append(i)
        time.sleep(0.01)
        lock.release()

    threads = []
    for i in range(3):
        threads.append(threading.Thread(target=writer, args=(i,)))
        threads[-1].start()
        time.sleep(0.2)  # queued before the next one comes
    holder.release()
    for thread in threads:
        thread.join(10)
    assert order == [0, 1, 2]
    assert list(tmp_path.iterdir()) == []


def test_a_failed_folder_fsync_fails_the_write_and_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "notes.json"
    ids = write_store(path, 2)
    before = path.read_bytes()
    store = NoteStore(path)
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if os.path.isdir(f"/proc/self/fd/{fd}"):
            raise OSError(5, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(StoreWriteError, match=r"could not write .*fsync of the folder"):
        store.add(sample_note(9))
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert path.read_bytes() == before
    assert set(stored_ids(path)) == ids


_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=12)
_value = st.one_of(_text, st.integers(-3, 3), st.none(), st.lists(_text, max_size=2))


@given(
    st.fixed_dictionaries(
        {"id": _text, "document": _text, "sha256": _text, "body": _value, "created": _text},
        optional={
            "modified": _value,
            "tags": st.one_of(st.lists(_value, max_size=3), _value),
            "target": st.one_of(
                st.none(),
                st.fixed_dictionaries(
                    {"exact": _value, "prefix": _text, "suffix": _text},
                    optional={"start": _value, "end": st.integers(0, 9), "extra": _text},
                ),
            ),
        },
    )
)
def test_a_note_loaded_fast_is_the_note_from_dict_makes(doc):
    """Control characters, wrong types, missing and extra keys: the same note or the same error."""
    try:
        expected: Note | type[Exception] = Note.from_dict(doc)
    except (KeyError, TypeError, ValueError) as exc:
        expected = type(exc)
    try:
        got: Note | type[Exception] = note_from_stored(doc)
    except (KeyError, TypeError, ValueError) as exc:
        got = type(exc)
    assert got == expected
