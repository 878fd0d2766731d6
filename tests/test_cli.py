"""The command line, run as a user runs it: a subprocess."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SEED
from tests.conftest import run_reader as reader


def test_help_lists_commands():
    run = reader("--help")
    assert run.returncode == 0
    assert "analyze" in run.stdout and "notes" in run.stdout and "--db" in run.stdout


def test_analyze_json_follows_the_contract():
    run = reader("analyze", str(SEED), "--json")
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["schema"] == "reader.analysis/1"
    assert out["document"]["date"] == "2023-11-16"
    assert out["document"]["chars"] == len(out["text"])
    text = out["text"]
    spans = [m for s in out["speakers"] + out["sectors"] for m in s["mentions"]]
    spans += [q[k] for q in out["quotes"] for k in ("content", "cue", "source") if q[k]]
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"]


def test_analyze_json_is_byte_identical_twice():
    first = reader("analyze", str(SEED), "--json")
    second = reader("analyze", str(SEED), "--json")
    assert first.returncode == 0
    assert first.stdout == second.stdout


@pytest.mark.parametrize("command", [["analyze"], ["analyze", "--json"], []])
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "no such file"),
        (".", None, "directory"),
        ("binary.txt", b"\x89PNG\x00\x00data", "binary"),
        ("empty.txt", b"", "empty"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, command, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    args = [*command[:1], str(path), *command[1:]]
    run = reader(*args, cwd=tmp_path)
    assert run.returncode == 2
    assert run.stdout == ""
    assert "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert message in run.stderr


def test_unknown_option_is_a_usage_error():
    run = reader("analyze", "--frobnicate")
    assert run.returncode == 2
    assert "Traceback" not in run.stderr


def _env_without_db() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "READER_DB"}


@pytest.mark.parametrize(
    "where",
    [
        ["--db", "{db}", "notes", "list"],
        ["notes", "list", "--db", "{db}"],
        ["notes", "--db", "{db}", "list"],
        ["--db={db}", "notes", "list"],
    ],
)
def test_db_works_before_and_after_the_command(tmp_path, where):
    db = tmp_path / "mine.json"
    env = _env_without_db()
    added = reader(
        "--db", str(db), "notes", "add", "--doc", str(SEED), "--paragraph", "2", "--body", "hi",
        cwd=tmp_path, env=env,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    note_id = added.stdout.strip()
    run = reader(*(a.format(db=db) for a in where), "--json", cwd=tmp_path, env=env)
    assert run.returncode == 0, run.stderr
    assert [n["id"] for n in json.loads(run.stdout)] == [note_id]
    assert not (tmp_path / "annotations.json").exists()  # the default file is not used


@pytest.mark.parametrize("before", [True, False])
def test_db_reaches_the_app_before_or_after_the_file(tmp_path, before):
    """A notes file that cannot be a file (a folder) stops the app at once, naming it."""
    folder = tmp_path / "not-a-file"
    folder.mkdir()
    args = ["--db", str(folder), str(SEED)] if before else [str(SEED), "--db", str(folder)]
    run = reader(*args, cwd=tmp_path, env=_env_without_db())
    assert run.returncode == 2
    assert "not-a-file" in run.stderr and "directory" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_db_without_a_path_is_a_usage_error(tmp_path):
    run = reader("notes", "list", "--db", cwd=tmp_path, env=_env_without_db())
    assert run.returncode == 2
    assert run.stderr.strip() == "reader: argument --db: expected a PATH (the notes file)"
