"""NoteStore: notes and positions persist, files keep their mode, bad files are never touched."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import orjson
import pytest

from reader.notes import schema
from reader.notes.anchoring import describe
from reader.notes.model import Note
from reader.notes.store import (
    NoteNotFoundError,
    NoteStore,
    StoreCorruptError,
    StoreError,
    StoreWriteError,
)
from tests.notes.helpers import sample_note, stored_ids, temp_files, write_store


def test_file_is_created_only_by_the_first_write(tmp_path):
    path = tmp_path / "notes.json"
    store = NoteStore(path)
    assert store.all() == [] and not path.exists()
    note = store.add(sample_note(1))
    assert path.exists()
    assert stored_ids(path) == [note.id]
    assert orjson.loads(path.read_bytes())["_meta"] == {"1": {"schema": schema.CURRENT}}


def test_notes_survive_a_new_store_and_keep_every_field(tmp_path, seed_doc):
    path = tmp_path / "notes.json"
    span = seed_doc.paragraphs[2]
    note = Note(
        document=seed_doc.path,
        sha256=seed_doc.sha256,
        body="[bold]literal[/bold] \x1b[31m and ünïcode",
        target=describe(seed_doc.text, span.start, span.end),
        tags=("follow-up", "trade"),
    )
    NoteStore(path).add(note)
    again = NoteStore(path)
    assert again.all() == [note]
    assert again.get(note.id) == note
    assert again.get("nope") is None


def test_update_and_remove(tmp_path):
    store = NoteStore(tmp_path / "notes.json")
    a, b = store.add(sample_note(1)), store.add(sample_note(2))
    changed = a.edited(body="new body", tags=("x",))
    store.update(changed)
    assert NoteStore(store.path).get(a.id) == changed
    assert store.remove(b.id) == b
    assert [n.id for n in NoteStore(store.path).all()] == [a.id]
    with pytest.raises(NoteNotFoundError):
        store.remove(b.id)
    with pytest.raises(NoteNotFoundError):
        store.update(b)
    with pytest.raises(StoreError, match="already exists"):
        store.add(a)


def test_an_unchanged_update_does_not_rewrite_the_file(tmp_path):
    store = NoteStore(tmp_path / "notes.json")
    note = store.add(sample_note(1))
    before = os.stat(store.path)
    store.update(note)
    after = os.stat(store.path)
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)


def test_notes_for_matches_by_file_or_by_text_when_the_file_is_gone(tmp_path, seed_doc):
    store = NoteStore(tmp_path / "notes.json")
    moved = store.add(sample_note(1, document="elsewhere.txt", sha256=seed_doc.sha256))
    same_file = store.add(sample_note(2, document=str(Path(seed_doc.path).resolve()), sha256="1"))
    (tmp_path / "copy.txt").write_text("a copy that is still there", encoding="utf-8")
    store.add(sample_note(3, document="copy.txt", sha256=seed_doc.sha256))
    store.add(sample_note(4, document="other.txt", sha256="2"))
    found = store.notes_for(seed_doc.path, seed_doc.sha256)
    assert {n.id for n in found} == {moved.id, same_file.id}


def test_every_note_is_written_with_the_one_name_of_its_document(tmp_path, monkeypatch):
    store = NoteStore(tmp_path / "notes.json")
    (tmp_path / "news").mkdir()
    monkeypatch.chdir(tmp_path / "news")
    given = [str(tmp_path / "news" / "a.txt"), "news/./a.txt", "x/../news/a.txt"]
    added = [store.add(sample_note(i, document=d)) for i, d in enumerate(given)]
    assert {n.document for n in added} == {"news/a.txt"} == {n.document for n in store.all()}
    assert store.name_of("a.txt") == "news/a.txt"  # a path from the working folder
    assert store.name_of("/elsewhere/b.txt") == "/elsewhere/b.txt"


def test_notes_for_is_in_document_order_with_document_notes_first(tmp_path):
    store = NoteStore(tmp_path / "notes.json")
    late, early = sample_note(50), sample_note(5)
    whole = Note(document="article.txt", sha256="0" * 64, body="about it all")
    for note in (late, whole, early):
        store.add(note)
    assert [n.id for n in store.notes_for("article.txt", "0" * 64)] == [whole.id, early.id, late.id]


def test_reading_positions(tmp_path):
    store = NoteStore(tmp_path / "notes.json")
    assert store.position("abc") is None
    store.set_position("abc", 120)
    store.set_position("def", 7)
    store.set_position("abc", 300)
    again = NoteStore(store.path)
    assert (again.position("abc"), again.position("def")) == (300, 7)
    assert len(orjson.loads(store.path.read_bytes())[schema.POSITIONS]) == 2


def test_file_mode_is_kept_and_no_temp_file_is_left(tmp_path):
    path = tmp_path / "notes.json"
    store = NoteStore(path)
    store.add(sample_note(1))
    os.chmod(path, 0o640)
    store.add(sample_note(2))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert temp_files(path) == []


def test_a_stale_temp_file_is_removed_when_the_store_opens(tmp_path):
    path = tmp_path / "notes.json"
    write_store(path, 3)
    stale = tmp_path / ".notes.json.deadbeef.tmp"
    stale.write_bytes(b'{"half": ')
    NoteStore(path)
    assert not stale.exists()


def test_read_only_store_reads_but_never_writes(tmp_path):
    path = tmp_path / "notes.json"
    ids = write_store(path, 2)
    before = path.read_bytes()
    store = NoteStore(path, read_only=True)
    assert {n.id for n in store.all()} == ids
    with pytest.raises(StoreWriteError, match=r"could not write .* read-only"):
        store.add(sample_note(9))
    store.set_position("abc", 4)
    assert path.read_bytes() == before


CORRUPT = {
    "truncated": (lambda full: full[: len(full) // 2], "cut short"),
    "not JSON": (lambda full: b"this is not JSON at all\n", "not valid JSON"),
    "a list": (lambda full: b"[1, 2, 3]", "JSON list"),
    "a table that is a list": (lambda full: b'{"notes": [1, 2]}', "table 'notes'"),
    "a note without an id": (
        lambda full: b'{"notes": {"1": {"body": "x", "document": "a"}}}',
        "wrong shape",
    ),
}


@pytest.mark.parametrize("kind", sorted(CORRUPT))
def test_a_corrupt_file_is_left_byte_identical_and_backed_up(tmp_path, kind):
    path = tmp_path / "annotations.json"
    write_store(path, 5)
    damage, reason = CORRUPT[kind]
    path.write_bytes(damage(path.read_bytes()))
    before = path.read_bytes()
    with pytest.raises(StoreCorruptError) as info:
        NoteStore(path)
    message = str(info.value)
    assert "\n" not in message and reason in message and str(path) in message
    assert info.value.backup and Path(info.value.backup).read_bytes() == before
    assert info.value.backup in message
    # Read-only, the app can still open it: empty, saying why, writing nothing.
    store = NoteStore(path, read_only=True)
    assert store.all() == [] and reason in (store.problem or "")
    with pytest.raises(StoreWriteError):
        store.add(sample_note(1))
    assert path.read_bytes() == before
    backups = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert len(backups) == 1  # opening twice makes no second copy


def test_a_file_made_corrupt_between_writes_is_not_overwritten(tmp_path):
    path = tmp_path / "annotations.json"
    store = NoteStore(path)
    store.add(sample_note(1))
    path.write_bytes(b'{"notes": {"1": {"id"')
    with pytest.raises(StoreCorruptError, match="cut short"):
        store.add(sample_note(2))
    assert path.read_bytes() == b'{"notes": {"1": {"id"'


def test_a_directory_is_reported_not_overwritten(tmp_path):
    with pytest.raises(StoreError, match="directory"):
        NoteStore(tmp_path)


def test_a_folder_that_cannot_be_written_gives_could_not_write(tmp_path):
    """Even for root, whom the mode does not bind: a folder nobody may write is left alone."""
    folder = tmp_path / "ro"
    folder.mkdir()
    write_store(folder / "notes.json", 1)
    before = (folder / "notes.json").read_bytes()
    folder.chmod(0o555)
    try:
        store = NoteStore(folder / "notes.json")
        assert store.read_only and "folder" in store.read_only_reason
        with pytest.raises(StoreWriteError, match=r"could not write .* is read-only"):
            store.add(sample_note(2))
        assert sorted(p.name for p in folder.iterdir()) == ["notes.json"]
    finally:
        folder.chmod(0o755)
    assert (folder / "notes.json").read_bytes() == before


def test_schema_0_file_is_migrated_with_a_backup(tmp_path):
    path = tmp_path / "annotations.json"
    old = {"_default": {"1": sample_note(1).to_dict(), "2": {"something": "else"}}}
    raw = orjson.dumps(old)
    path.write_bytes(raw)
    store = NoteStore(path)
    assert [n.id for n in store.all()] == [sample_note(1).id]
    assert path.read_bytes() == raw  # reading migrates in memory only
    store.add(sample_note(2))
    data = orjson.loads(path.read_bytes())
    assert data["_meta"]["1"]["schema"] == schema.CURRENT
    assert [d["id"] for d in data["notes"].values()] == [sample_note(1).id, sample_note(2).id]
    assert data["_default"] == {"2": {"something": "else"}}
    assert (tmp_path / "annotations.json.schema0.bak").read_bytes() == raw


def test_a_file_from_a_newer_version_is_refused_and_kept(tmp_path):
    path = tmp_path / "annotations.json"
    raw = orjson.dumps({"_meta": {"1": {"schema": schema.CURRENT + 1}}, "notes": {}})
    path.write_bytes(raw)
    with pytest.raises(StoreError, match="newer version"):
        NoteStore(path)
    assert NoteStore(path, read_only=True).problem
    assert path.read_bytes() == raw


def test_the_repository_example_store_is_valid(seed_doc):
    from tests.conftest import REPO

    store = NoteStore(REPO / "annotations.json", read_only=True)
    assert store.problem is None
    notes = store.notes_for(seed_doc.path, seed_doc.sha256)
    assert 2 <= len(notes) <= 3
    for note in notes:
        if note.target is not None:
            assert seed_doc.text[note.target.start : note.target.end] == note.target.exact


def test_a_failed_write_changes_nothing_on_disk_or_in_memory(tmp_path, monkeypatch):
    import errno

    from reader.notes import storage

    store = NoteStore(tmp_path / "notes.json")
    note = store.add(sample_note(1))
    before = store.path.read_bytes()

    def full_disk(path, raw):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage, "write_atomically", full_disk)
    with pytest.raises(StoreWriteError, match=r"could not write .*no space left on device"):
        store.update(note.edited(body="changed"))
    with pytest.raises(StoreWriteError):
        store.add(sample_note(2))
    assert store.get(note.id) == note and len(store.all()) == 1
    assert store.path.read_bytes() == before


def test_threads_of_one_process_share_a_store_safely(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    store = NoteStore(tmp_path / "notes.json")
    with ThreadPoolExecutor(max_workers=4) as pool:
        added = list(pool.map(lambda i: store.add(sample_note(i)).id, range(40)))
        list(pool.map(lambda _: store.all(), range(40)))
    assert sorted(stored_ids(store.path)) == sorted(added)


def test_read_only_names_the_backup_made_before(tmp_path):
    path = tmp_path / "annotations.json"
    path.write_bytes(b"{broken")
    with pytest.raises(StoreCorruptError) as info:
        NoteStore(path)
    assert info.value.backup in (NoteStore(path, read_only=True).problem or "")


def test_reading_creates_no_file_at_all(tmp_path):
    write_store(tmp_path / "notes.json", 2)
    NoteStore(tmp_path / "notes.json").all()
    NoteStore(tmp_path / "missing.json").all()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.json"]
