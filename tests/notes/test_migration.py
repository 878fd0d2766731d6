"""Notes files of schema 1 named documents as typed or resolved; schema 2 names them one way."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest

from reader.document import load_document
from reader.identity import DocumentId
from reader.notes import schema
from reader.notes.anchoring import describe
from reader.notes.model import Note
from reader.notes.store import NoteStore
from tests.conftest import SEED, run_reader
from tests.notes.helpers import sample_note

OLD_DIGEST = "0" * 64  # the text has changed since: only the path can find these notes


@pytest.fixture
def layout(tmp_path: Path) -> dict[str, Path]:
    """notes/annotations.json (schema 1), notes/articles/a.txt inside, elsewhere/b.txt outside."""
    paths = {
        "db": tmp_path / "notes" / "annotations.json",
        "a": tmp_path / "notes" / "articles" / "a.txt",
        "b": tmp_path / "elsewhere" / "b.txt",
    }
    for key in ("a", "b"):
        paths[key].parent.mkdir(parents=True)
        shutil.copyfile(SEED, paths[key])
    return paths


def old_note(i: int, document: str, path: Path) -> Note:
    doc = load_document(path)
    span = doc.paragraphs[i]
    target = describe(doc.text, span.start, span.end)
    return Note(document=document, sha256=OLD_DIGEST, body=f"note {i}", target=target, id=f"old{i}")


def write_schema_1(path: Path, notes: list[Note]) -> bytes:
    tables = {
        "_meta": {"1": {"schema": 1}},
        "notes": {str(i + 1): n.to_dict() for i, n in enumerate(notes)},
        "positions": {},
    }
    raw = orjson.dumps(tables)
    path.write_bytes(raw)
    return raw


def test_old_path_forms_are_renamed_on_the_first_write_with_a_backup(layout, monkeypatch):
    db, a, b = layout["db"], layout["a"], layout["b"]
    notes = [
        old_note(1, str(a.resolve()), a),  # the app: resolved absolute
        old_note(2, "articles/a.txt", a),  # the command line, run in the notes folder
        old_note(3, "a.txt", a),  # the command line, run in notes/articles
        old_note(4, "../elsewhere/b.txt", b),  # typed in the notes folder, outside it
        old_note(5, "gone/c.txt", a),  # leads nowhere from anywhere
    ]
    raw = write_schema_1(db, notes)
    monkeypatch.chdir(a.parent)  # where note 3 was typed
    store = NoteStore(db)
    names = {n.id: n.document for n in store.all()}
    found = store.notes_for(DocumentId.at(a, "another digest"))
    assert {n.id for n in found} == {"old1", "old2", "old3"}
    assert db.read_bytes() == raw  # reading renames in memory only
    store.add(sample_note(9))
    data = orjson.loads(db.read_bytes())
    assert data["_meta"]["1"]["schema"] == schema.CURRENT == 2
    on_disk = {d["id"]: d["document"] for d in data["notes"].values()}
    assert on_disk == names | {"prep00000009": "article.txt"}
    assert on_disk["old1"] == on_disk["old2"] == on_disk["old3"] == "articles/a.txt"
    assert on_disk["old4"] == str(b.resolve())
    assert on_disk["old5"] == "gone/c.txt"
    assert (db.parent / "annotations.json.schema1.bak").read_bytes() == raw


def test_after_migration_the_command_line_sees_one_document(layout, tmp_path, monkeypatch):
    db, a = layout["db"], layout["a"]
    write_schema_1(
        db, [old_note(1, str(a.resolve()), a), old_note(2, "a.txt", a), old_note(3, "a.txt", a)]
    )
    monkeypatch.chdir(a.parent)
    NoteStore(db).set_position("x", 1)  # a write from notes/articles migrates the file
    for cwd, doc in ((tmp_path, "notes/articles/a.txt"), (a.parent, "a.txt")):
        run = run_reader("notes", "list", "--doc", doc, "--json", "--db", str(db), cwd=cwd)
        assert run.returncode == 0, run.stderr
        listed = orjson.loads(run.stdout)
        assert [n["id"] for n in listed] == ["old1", "old2", "old3"]
        assert {n["document"] for n in listed} == {"articles/a.txt"}
    md = run_reader("notes", "export", "--format", "md", "--db", str(db), cwd=tmp_path).stdout
    assert [line for line in md.splitlines() if line.startswith("## ")] == [
        "## Venezuela's current economic problems are provoked by the U.S. illegitimate "
        "restrictions, Russian FM Lavrov said. (`articles/a.txt`)"
    ]
