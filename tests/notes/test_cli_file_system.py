"""`reader notes` as a user runs it, against what the file system says: read-only and
missing folders, symbolic links, and a result that cannot be printed (exit codes)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED
from tests.conftest import run_reader as reader
from tests.notes.helpers import stored_ids, write_store

ADD = ("notes", "add", "--doc", str(SEED), "--paragraph", "2", "--body", "a note")


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_add_to_a_mode_444_file_is_refused_in_one_line_and_the_file_is_untouched(tmp_path):
    db = tmp_path / "annotations.json"
    write_store(db, 3)
    db.chmod(0o444)
    before = db.read_bytes()
    run = reader(*ADD, "--db", str(db))
    assert run.returncode == 2 and run.stdout == ""
    assert "read-only (mode 444)" in one_line(run.stderr) and "not added" in run.stderr
    assert db.read_bytes() == before and db.stat().st_mode & 0o777 == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["annotations.json"]
    listed = reader("notes", "list", "--db", str(db))  # reading it is fine, and it says so
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 3
    assert "read-only" in one_line(listed.stderr)


def test_a_db_in_a_missing_folder_is_exit_2_and_nothing_is_made(tmp_path):
    db = tmp_path / "nope" / "dir" / "n.json"
    for args in (ADD, ("notes", "list")):
        run = reader(*args, "--db", str(db))
        assert run.returncode == 2 and run.stdout == ""
        line = one_line(run.stderr)
        assert "does not exist" in line and "--create" in line
    assert list(tmp_path.iterdir()) == []


def test_create_makes_the_missing_folder(tmp_path):
    db = tmp_path / "new" / "n.json"
    run = reader("--create", *ADD, "--db", str(db))
    assert run.returncode == 0, run.stderr
    assert stored_ids(db) == [run.stdout.strip()]


def test_add_through_a_symlink_keeps_the_link(tmp_path):
    target = tmp_path / "dotfiles" / "annotations.json"
    target.parent.mkdir()
    ids = write_store(target, 2)
    link = tmp_path / "annotations.json"
    link.symlink_to(target)
    run = reader(*ADD, "--db", str(link))
    assert run.returncode == 0, run.stderr
    assert link.is_symlink() and link.resolve() == target
    assert set(stored_ids(target)) == ids | {run.stdout.strip()}


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("as_json", [False, True])
def test_a_result_that_cannot_be_printed_says_the_note_was_added(tmp_path, as_json):
    """`> /dev/full`: one note stored, one line saying so, exit 3 (a failed add is 1 or 2)."""
    db = tmp_path / "annotations.json"
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "reader",
                *ADD,
                "--db",
                str(db),
                *(["--json"] if as_json else []),
            ],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            env={**os.environ},
        )
    [note_id] = stored_ids(db)
    line = one_line(run.stderr)
    assert run.returncode == 3
    assert f"note {note_id} was added" in line and "could not be printed" in line
    assert "no space left on device" in line


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_listing_that_cannot_be_printed_is_one_line_and_exit_1(tmp_path):
    db = tmp_path / "annotations.json"
    write_store(db, 2)
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "reader", "notes", "list", "--db", str(db)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert run.returncode == 1
    assert "could not print" in one_line(run.stderr)
