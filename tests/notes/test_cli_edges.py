"""`reader notes` edges, as subprocesses: edit with nothing to change, empty bodies, id
prefixes (unique accepted, ambiguous refused with the candidates), edit in $EDITOR."""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest

from reader.notes import schema
from reader.notes.storage import serialise
from tests.conftest import SEED
from tests.conftest import run_reader as reader
from tests.notes.helpers import editor_script, sample_note


def _env(db: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "READER_DB": str(db), **extra}


def _store(db: Path, ids: list[str]) -> None:
    """A store whose notes have ``ids`` (written directly: the test is about the CLI)."""
    from dataclasses import replace

    tables = schema.empty()
    notes = [replace(sample_note(i), id=note_id) for i, note_id in enumerate(ids)]
    tables[schema.NOTES] = {str(i + 1): n.to_dict() for i, n in enumerate(notes)}
    db.write_bytes(serialise(tables))


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def _add(db: Path, *args: str) -> str:
    done = reader("notes", "add", "--doc", str(SEED), *args, env=_env(db))
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_edit_with_nothing_to_change_is_refused(tmp_path):
    db = tmp_path / "n.json"
    note_id = _add(db, "--paragraph", "2", "--body", "first")
    before = db.read_bytes()
    done = reader("notes", "edit", note_id, env=_env(db))
    assert done.returncode == 2
    assert "nothing to change" in _one_line(done.stderr)
    assert db.read_bytes() == before


@pytest.mark.parametrize("body", ["", "   ", "\n\t \n"])
def test_an_empty_or_blank_body_is_refused_by_add_and_edit(tmp_path, body):
    db = tmp_path / "n.json"
    done = reader("notes", "add", "--doc", str(SEED), "--paragraph", "2", "--body", body,
                  env=_env(db))  # fmt: skip
    assert done.returncode == 2 and "body is empty" in _one_line(done.stderr)
    assert not db.exists() or b'"body"' not in db.read_bytes()
    note_id = _add(db, "--paragraph", "2", "--body", "kept")
    before = db.read_bytes()
    done = reader("notes", "edit", note_id, "--body", body, env=_env(db))
    assert done.returncode == 2 and "body is empty" in _one_line(done.stderr)
    assert db.read_bytes() == before


def test_a_unique_id_prefix_names_the_note_for_edit_and_rm(tmp_path):
    db = tmp_path / "n.json"
    _store(db, ["abcd1234ffff", "abce99990000", "zzzz00000000"])
    done = reader("notes", "edit", "abcd", "--body", "changed", env=_env(db))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "abcd1234ffff"  # the whole id is printed
    listed = orjson.loads(reader("notes", "list", "--json", env=_env(db)).stdout)
    assert {n["id"]: n["body"] for n in listed}["abcd1234ffff"] == "changed"
    done = reader("notes", "rm", "zzzz", env=_env(db))
    assert done.returncode == 0 and done.stdout.strip() == "zzzz00000000"


def test_an_ambiguous_or_short_prefix_is_refused_naming_the_candidates(tmp_path):
    db = tmp_path / "n.json"
    _store(db, ["abcd1234ffff", "abcd99990000", "zzzz00000000"])
    before = db.read_bytes()
    for command in (["edit", "abcd", "--body", "x"], ["rm", "abcd"]):
        done = reader("notes", *command, env=_env(db))
        assert done.returncode == 2
        line = _one_line(done.stderr)
        assert "ambiguous" in line and "abcd1234ffff" in line and "abcd99990000" in line
        assert "zzzz" not in line
    done = reader("notes", "rm", "abc", env=_env(db))  # unique, but under 4 characters
    assert done.returncode == 2 and "4 characters" in _one_line(done.stderr)
    done = reader("notes", "rm", "nope", env=_env(db))
    assert done.returncode == 2 and "no note with id nope" in _one_line(done.stderr)
    assert db.read_bytes() == before


def test_a_whole_id_wins_over_longer_ids_it_starts(tmp_path):
    db = tmp_path / "n.json"
    _store(db, ["abcd", "abcd1234ffff"])
    done = reader("notes", "rm", "abcd", env=_env(db))
    assert done.returncode == 0 and done.stdout.strip() == "abcd"


def test_edit_in_the_editor_shows_the_quote_as_comments_and_saves_the_body(tmp_path):
    db = tmp_path / "n.json"
    note_id = _add(db, "--quote", "step up our ties", "--body", "old body #trade")
    editor = editor_script(tmp_path, "new body\nwith two lines #Energy")
    done = reader("notes", "edit", note_id[:6], "--editor", env=_env(db, EDITOR=str(editor)))
    assert done.returncode == 0, done.stderr
    seen = (tmp_path / "seen.txt").read_text()
    assert seen.startswith("old body #trade\n")
    assert "# > step up our ties" in seen and "¶" in seen  # the quote, as a comment
    [note] = orjson.loads(reader("notes", "list", "--json", env=_env(db)).stdout)
    assert note["body"] == "new body\nwith two lines #Energy"  # no comment line kept
    assert note["tags"] == ["trade", "energy"]


def test_saving_the_editor_empty_cancels_the_edit(tmp_path):
    db = tmp_path / "n.json"
    note_id = _add(db, "--paragraph", "2", "--body", "keep me")
    before = db.read_bytes()
    editor = editor_script(tmp_path, "   ")
    done = reader("notes", "edit", note_id, "--editor", env=_env(db, EDITOR=str(editor)))
    assert done.returncode == 0 and done.stdout == ""
    assert "nothing changed" in _one_line(done.stderr)
    assert db.read_bytes() == before


def test_an_editor_that_fails_changes_nothing(tmp_path):
    db = tmp_path / "n.json"
    note_id = _add(db, "--paragraph", "2", "--body", "keep me")
    before = db.read_bytes()
    for editor, says in (("false", "exited with status 1"), ("/no/such/editor", "cannot run")):
        env = _env(db, EDITOR=editor, VISUAL="")
        done = reader("notes", "edit", note_id, "--editor", env=env)
        assert done.returncode == 2 and says in _one_line(done.stderr)
    assert db.read_bytes() == before
