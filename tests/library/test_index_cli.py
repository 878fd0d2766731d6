"""`reader index DIR` and `reader analyze DIR --jsonl`, run as a user runs them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import run_reader as reader


def analysed(stdout: str) -> list[str]:
    return sorted(
        Path(line.removeprefix("analysed ")).name
        for line in stdout.splitlines()
        if line.startswith("analysed ")
    )


def index_file(stdout: str) -> Path:
    found = re.search(r"— index (.+)$", stdout, re.MULTILINE)
    assert found, stdout
    return Path(found.group(1))


def test_index_is_incremental_and_drops_deleted_files(library: Path):
    first = reader("index", str(library), "-v", "--jobs", "2")
    assert first.returncode == 0, first.stderr
    assert analysed(first.stdout) == ["a.txt", "b.txt", "c.md"]
    assert "3 documents: 3 analysed, 0 unchanged" in first.stdout

    again = reader("index", str(library), "-v")
    assert analysed(again.stdout) == []
    assert "3 documents: 0 analysed, 3 unchanged" in again.stdout

    b = library / "b.txt"
    b.write_text(b.read_text() + '\n"More sanctions," Lavrov said.\n')
    (library / "a.txt").touch()  # a new time, the same text: not analysed again
    changed = reader("index", str(library), "-v", "-j", "1")
    assert analysed(changed.stdout) == ["b.txt"]
    assert "3 documents: 1 analysed, 2 unchanged" in changed.stdout

    (library / "sub" / "c.md").unlink()
    dropped = reader("index", str(library), "-v")
    assert analysed(dropped.stdout) == []
    assert "2 documents: 0 analysed, 2 unchanged, 1 dropped" in dropped.stdout
    assert f"dropped {(library / 'sub' / 'c.md').resolve()}" in dropped.stdout


def test_a_file_that_cannot_be_read_is_listed_and_the_rest_indexed(library: Path):
    (library / "binary.txt").write_bytes(b"\x00\x01\x02")
    (library / "empty.md").write_text("\n\n")
    run = reader("index", str(library))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    problems = run.stderr.strip().splitlines()
    assert len(problems) == 2
    assert any("binary.txt" in p and "binary file" in p for p in problems)
    assert any("empty.md" in p and "empty" in p for p in problems)
    assert "5 documents: 3 analysed, 0 unchanged, 0 dropped, 2 failed" in run.stdout
    (library / "binary.txt").write_text('"Fixed," Lavrov said.\n')
    fixed = reader("index", str(library), "-v")
    assert analysed(fixed.stdout) == ["binary.txt"]  # a failed file is tried again


def test_a_corrupt_index_is_rebuilt_with_a_notice(library: Path):
    first = reader("index", str(library))
    where = index_file(first.stdout)
    where.write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        Path(f"{where}{suffix}").unlink(missing_ok=True)
    run = reader("index", str(library), "-v")
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert "rebuilt" in run.stderr and str(where) in run.stderr
    assert analysed(run.stdout) == ["a.txt", "b.txt", "c.md"]


def test_an_index_beside_the_library_is_used_by_the_next_build(library: Path):
    run = reader("index", str(library), "--beside")
    assert run.returncode == 0, run.stderr
    assert index_file(run.stdout) == (library / ".reader-index.sqlite3").resolve()
    again = reader("index", str(library))
    assert index_file(again.stdout) == (library / ".reader-index.sqlite3").resolve()
    assert "0 analysed, 3 unchanged" in again.stdout


def test_analyze_jsonl_prints_one_contract_object_a_file_in_order(library: Path):
    (library / "binary.txt").write_bytes(b"\x00\x01")
    run = reader("analyze", str(library), "--jsonl", "--jobs", "2")
    assert run.returncode == 1
    assert len(run.stderr.strip().splitlines()) == 1 and "binary.txt" in run.stderr
    lines = run.stdout.splitlines()
    objects = [json.loads(line) for line in lines]
    names = [Path(o["document"]["path"]).name for o in objects]
    assert names == ["a.txt", "b.txt", "c.md"]  # sorted, sub-folders too
    for o in objects:
        assert o["schema"] == "reader.analysis/1"
        single = reader("analyze", o["document"]["path"], "--json")
        assert json.loads(single.stdout) == o  # the same analysis, one line
    one_job = reader("analyze", str(library), "--jsonl", "-j", "1")
    assert one_job.stdout == run.stdout  # byte for byte, whatever the jobs


def test_analyze_jsonl_takes_several_files(library: Path):
    run = reader("analyze", str(library / "b.txt"), str(library / "a.txt"), "--jsonl")
    assert run.returncode == 0, run.stderr
    names = [Path(json.loads(line)["document"]["path"]).name for line in run.stdout.splitlines()]
    assert names == ["b.txt", "a.txt"]  # in the order given
    several = reader("analyze", str(library / "a.txt"), str(library / "b.txt"))
    assert several.returncode == 2 and "--jsonl" in several.stderr
