"""`reader notes ...`: the commands end to end, in-process (fast) and as real subprocesses."""

from __future__ import annotations

import shutil

import orjson
import pytest

from reader.cli import main
from reader.document import load_document
from tests.conftest import SEED
from tests.conftest import run_reader as reader


@pytest.fixture
def cli(db_file, capsys):
    """Run ``reader notes ARGS`` in-process: (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["notes", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def as_stored(listed: dict) -> dict:
    """A note of ``notes list --json`` without what it adds to the note as stored."""
    return {k: v for k, v in listed.items() if k not in ("status", "position")}


def test_add_on_a_paragraph_then_list(cli, seed_doc):
    code, out, _ = cli("add", "--doc", str(SEED), "--paragraph", "3", "--body", "Check this")
    note_id = out.strip()
    assert code == 0 and len(note_id) == 12
    code, out, _ = cli("list", "--json")
    [note] = orjson.loads(out)
    span = seed_doc.paragraphs[2]
    assert note["id"] == note_id and note["body"] == "Check this"
    assert note["target"]["exact"] == seed_doc.text[span.start : span.end]
    assert (note["target"]["start"], note["target"]["end"]) == (span.start, span.end)
    assert note["sha256"] == seed_doc.sha256
    code, out, _ = cli("list")
    [line] = out.splitlines()
    assert line.startswith(note_id) and "anchored" in line and "Check this" in line


def test_add_by_quote_offsets_or_whole_document(cli, seed_doc):
    code, out, _ = cli(
        "add", "--doc", str(SEED), "--quote", "step  up our\nties", "--body", "b", "--tag", "#x"
    )
    assert code == 0
    code, out, _ = cli("add", "--doc", str(SEED), "--start", "0", "--end", "9", "--body", "c")
    assert code == 0
    code, out, _ = cli("add", "--doc", str(SEED), "--body", "about it all #trade", "--json")
    assert orjson.loads(out)["target"] is None and orjson.loads(out)["tags"] == ["trade"]
    notes = orjson.loads(cli("list", "--json", "--doc", str(SEED))[1])  # in document order
    assert [n["target"]["exact"] if n["target"] else None for n in notes] == [
        None,
        seed_doc.text[0:9],
        "step up our ties",
    ]
    assert notes[2]["tags"] == ["x"]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--quote", "Lavrov said"], "occurs"),
        (["--quote", "words that are nowhere"], "does not occur"),
        (["--start", "5", "--end", "2"], "start < end"),
        (["--start", "5"], "--start needs --end"),
        (["--paragraph", "99"], "paragraphs 1 to"),
    ],
)
def test_bad_targets_are_one_line_and_exit_2(cli, args, says):
    code, out, err = cli("add", "--doc", str(SEED), *args, "--body", "b")
    assert code == 2 and out == "" and says in one_line_error(err)


def test_a_missing_document_is_one_line_and_exit_2(cli, tmp_path):
    code, _, err = cli("add", "--doc", str(tmp_path / "nope.txt"), "--body", "b")
    assert code == 2 and "no such file" in one_line_error(err)


def test_edit_rm_and_search(cli):
    first = cli("add", "--doc", str(SEED), "--paragraph", "4", "--body", "trade talk")[1].strip()
    second = cli("add", "--doc", str(SEED), "--paragraph", "8", "--body", "energy")[1].strip()
    assert cli("edit", first, "--body", "investment #money")[0] == 0
    edited = orjson.loads(cli("list", "--json", "--tag", "money")[1])
    assert [n["id"] for n in edited] == [first] and edited[0]["body"] == "investment #money"
    assert edited[0]["modified"] >= edited[0]["created"]
    assert cli("edit", second, "--tag", "oil", "--tag", "gas")[0] == 0
    hits = orjson.loads(cli("search", "GAS", "--json")[1])
    assert [n["id"] for n in hits] == [second]
    hits = orjson.loads(cli("search", "devised projects", "--json")[1])  # words of the quote
    assert [n["id"] for n in hits] == [second]
    assert cli("search", "nothing-like-this")[1] == ""
    assert cli("rm", first) == (0, first + "\n", "")
    code, _, err = cli("rm", first)
    assert code == 2 and f"no note with id {first}" in one_line_error(err)
    assert [n["id"] for n in orjson.loads(cli("list", "--json")[1])] == [second]


def test_status_follows_the_edited_document(cli, tmp_path):
    article = tmp_path / "article.txt"
    shutil.copyfile(SEED, article)
    kept = cli("add", "--doc", str(article), "--quote", "Yvan Gil in Moscow", "--body", "k")
    gone = cli("add", "--doc", str(article), "--quote", "de-dollarization", "--body", "g")
    text = article.read_text(encoding="utf-8")
    article.write_text(
        "A new first line.\n\n" + text.replace("de-dollarization", "something"), encoding="utf-8"
    )
    orphans = orjson.loads(cli("list", "--json", "--status", "orphan")[1])
    moved = orjson.loads(cli("list", "--json", "--status", "moved")[1])
    assert [n["id"] for n in orphans] == [gone[1].strip()]
    assert [n["id"] for n in moved] == [kept[1].strip()]
    assert "orphan" in cli("list", "--status", "orphan")[1]


def test_export_and_import(cli, tmp_path):
    cli("add", "--doc", str(SEED), "--paragraph", "2", "--body", "one #a")
    cli("add", "--doc", str(SEED), "--quote", "de-dollarization", "--body", "two")
    for fmt in ("md", "json", "w3c"):
        assert cli("export", "--format", fmt, "-o", str(tmp_path / f"out.{fmt}"))[0] == 0
    md = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert md.startswith("# Notes") and "> de-dollarization" in md
    assert cli("export", "--format", "md")[1] == md
    listed = orjson.loads(cli("list", "--json")[1])
    stored = [as_stored(n) for n in listed]
    assert orjson.loads((tmp_path / "out.json").read_bytes()) == stored
    other = tmp_path / "other.json"
    for source in ("out.w3c", "out.json"):
        assert cli("import", str(tmp_path / source), "--db", str(other))[0] == 0
    assert orjson.loads(cli("list", "--json", "--db", str(other))[1]) == listed
    assert "imported 0 notes, 2 already there" in cli("import", str(tmp_path / "out.w3c"))[1]
    code, _, err = cli("import", str(tmp_path / "out.md"))
    assert code == 2 and "cannot import" in one_line_error(err)


def test_export_to_a_place_that_cannot_be_written_exits_1(cli, tmp_path):
    code, _, err = cli("export", "--format", "json", "-o", str(tmp_path / "no" / "such" / "f"))
    assert code == 1 and one_line_error(err).startswith("reader: could not write")


def test_a_corrupt_store_is_reported_kept_and_backed_up(cli, db_file):
    db_file.write_bytes(b'{"notes": {"1": {"id": "abc", ')
    before = db_file.read_bytes()
    for args in (["list"], ["add", "--doc", str(SEED), "--body", "x"]):
        code, out, err = cli(*args)
        line = one_line_error(err)
        assert code == 2 and out == "" and "cut short" in line and "copy is at" in line
    assert db_file.read_bytes() == before
    backups = list(db_file.parent.glob("annotations.json.corrupt-*.bak"))
    assert len(backups) == 1 and backups[0].read_bytes() == before


def test_as_subprocesses_with_reader_db(tmp_path):
    env = {"READER_DB": str(tmp_path / "n.json"), "PATH": "/usr/bin:/bin"}
    add = reader("notes", "add", "--doc", str(SEED), "--paragraph", "1", "--body", "x", env=env)
    assert add.returncode == 0 and add.stderr == ""
    listed = reader("notes", "list", "--json", env=env)
    assert [n["id"] for n in orjson.loads(listed.stdout)] == [add.stdout.strip()]
    bad = reader("notes", "rm", "nope", env=env)
    assert bad.returncode == 2 and one_line_error(bad.stderr) == "reader: no note with id nope"
    usage = reader("notes", "frobnicate", env=env)
    assert usage.returncode == 2 and "invalid choice" in one_line_error(usage.stderr)
    missing = reader("notes", "add", "--doc", str(SEED), env=env)
    assert missing.returncode == 2 and "--body" in one_line_error(missing.stderr)


def test_control_characters_in_a_note_never_reach_the_terminal(cli):
    body = "red \x1b[31mtext\x1b[0m and [bold]markup[/bold]"
    cli("add", "--doc", str(SEED), "--paragraph", "1", "--body", body)
    for args in (["list"], ["search", "red"], ["export", "--format", "md"]):
        out = cli(*args)[1]
        assert "\x1b" not in out and "red [31mtext[0m" in out and "[bold]markup[/bold]" in out
    stored = orjson.loads(cli("list", "--json")[1])[0]["body"]
    assert stored == "red [31mtext[0m and [bold]markup[/bold]"  # stored without the ESC


def test_list_and_search_json_say_where_each_note_is_now(tmp_path, db_file):
    """As subprocesses: status and position after the file was edited, an orphan included."""
    article = tmp_path / "article.txt"
    shutil.copyfile(SEED, article)

    def add(*where: str, body: str) -> str:
        run = reader("notes", "add", "--doc", "article.txt", *where, "--body", body, cwd=tmp_path)
        assert run.returncode == 0, run.stderr
        return run.stdout.strip()

    ids = {
        "anchored": add("--paragraph", "2", body="before the edit #trade"),
        "moved": add("--quote", "Yvan Gil in Moscow", body="after the edit #trade"),
        "orphan": add("--quote", "de-dollarization", body="its words are gone #trade"),
        "whole": add(body="on it all #trade"),
    }
    text = article.read_text(encoding="utf-8")
    text = text.replace("Both countries agreed", "An added paragraph.\n\nBoth countries agreed")
    article.write_text(text.replace("de-dollarization", "something else"), encoding="utf-8")
    now = load_document(article)

    for argv in (["list", "--doc", str(article)], ["search", "trade"]):
        run = reader("notes", *argv, "--json", cwd=tmp_path)
        assert run.returncode == 0, run.stderr
        got = {n["id"]: (n["status"], n["position"]) for n in orjson.loads(run.stdout)}
        assert got[ids["orphan"]] == ("orphan", None)
        assert got[ids["whole"]] == ("anchored", None)
        status, where = got[ids["anchored"]]
        assert status == "anchored" and where["paragraph"] == 2
        assert (where["start"], where["end"]) == (now.paragraphs[1].start, now.paragraphs[1].end)
        status, where = got[ids["moved"]]
        assert status == "moved" and where["paragraph"] == 5  # one paragraph was added before
        assert now.text[where["start"] : where["end"]] == "Yvan Gil in Moscow"
    for status in ("anchored", "moved", "orphan"):
        run = reader("notes", "list", "--status", status, "--json", cwd=tmp_path)
        assert {n["status"] for n in orjson.loads(run.stdout)} == {status}
    help_text = reader("notes", "list", "--help").stdout
    assert "status" in help_text and "position" in help_text
