"""The store loses nothing when a write is cut short, when the writer is killed, or when
several processes write at once.

Children are forked from the test process (the store is already imported), so
hundreds of trials stay fast. A child reports each note id on a pipe only after
``add`` returned: those notes must be in the file, whatever happened next.
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.notes.model import Note
from reader.notes.store import NoteStore, StoreWriteError
from tests.conftest import SEED
from tests.notes.helpers import stored_ids, temp_files, write_store

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and POSIX resource limits"),
]


def _child_note(i: int) -> Note:
    return Note(document="article.txt", sha256="0" * 64, body=f"child note {i} " + "x" * 200)


def _fork(body) -> tuple[int, int]:
    """Run ``body(write_fd)`` in a forked child; return (pid, read end of its pipe)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 3
        try:
            os.close(r)
            code = body(w)
        except BaseException as exc:
            os.write(w, f"EXC {exc!r}\n".encode())
        finally:
            os._exit(code)
    os.close(w)
    return pid, r


def _collect(pid: int, r: int, first: bytes = b"") -> tuple[int, list[str]]:
    """Wait for the child; its exit status (or -signal) and the lines it wrote.

    ``first``: what was read from the pipe already.
    """
    chunks = [first]
    while chunk := os.read(r, 65536):
        chunks.append(chunk)
    os.close(r)
    _, status = os.waitpid(pid, 0)
    code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
    return code, b"".join(chunks).decode().splitlines()


def _adder(path: Path, count: int, limit: int | None = None):
    def body(w: int) -> int:
        if limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            _, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
        store = NoteStore(path)
        for i in range(count):
            try:
                note = store.add(_child_note(i))
            except StoreWriteError as exc:
                os.write(w, f"ERR {exc}\n".encode())
                return 1
            os.write(w, f"{note.id}\n".encode())
        return 0

    return body


@pytest.mark.parametrize("size", [0, 1000, 5000])
def test_a_write_cut_short_by_the_file_size_limit_loses_nothing(tmp_path, size):
    """20 trials per store size: RLIMIT_FSIZE a little above the file's size, SIGXFSZ ignored."""
    rng = random.Random(size)
    path = tmp_path / "annotations.json"
    prepared = tmp_path / "prepared.json"
    base = write_store(prepared, size) if size else set()
    raw = prepared.read_bytes() if size else b""
    failures = successes = 0
    for _ in range(20):
        if size:
            path.write_bytes(raw)
        else:
            path.unlink(missing_ok=True)
        limit = len(raw) + rng.randint(1, 1500)
        code, lines = _collect(*_fork(_adder(path, 50, limit)))
        returned = [line for line in lines if not line.startswith(("ERR", "EXC"))]
        errors = [line for line in lines if line.startswith(("ERR", "EXC"))]
        assert code == 1, lines
        assert len(errors) == 1 and errors[0].startswith("ERR could not write"), errors
        assert "file too large" in errors[0]
        ids = stored_ids(path)  # parses, or raises
        assert base | set(returned) == set(ids)
        assert len(ids) == len(set(ids))
        assert temp_files(path) == []
        NoteStore(path)  # and the store opens it
        failures += 1
        successes += len(returned)
    assert failures == 20
    assert successes > 0, "no add ever succeeded: the limits never left room for one"


@pytest.mark.parametrize("size", [0, 1000, 5000])
def test_the_cli_says_could_not_write_in_one_line(tmp_path, size):
    path = tmp_path / "annotations.json"
    if size:
        write_store(path, size)
    before = path.read_bytes() if size else None
    limit = (len(before) if before else 0) + 64

    def limit_size() -> None:  # pragma: no cover - runs in the child
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

    argv = ["notes", "add", "--db", str(path), "--doc", str(SEED), "--paragraph", "2"]
    run = subprocess.run(
        [sys.executable, "-m", "reader", *argv, "--body", "a note that does not fit"],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limit_size,
    )
    assert run.returncode == 1
    assert run.stdout == ""
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and "could not write" in lines[0] and "Traceback" not in run.stderr
    assert (path.read_bytes() if size else None) == before
    assert temp_files(path) == []


def test_a_writer_killed_at_random_moments_loses_nothing(tmp_path):
    """200 SIGKILLs at random moments of a child adding notes as fast as it can.

    One in ten as it starts; the others within 50 ms of its first note, however
    long starting took on a busy machine.
    """
    rng = random.Random(8013)
    path = tmp_path / "annotations.json"
    expected = write_store(path, 1000)
    mid_write = 0
    for trial in range(200):
        pid, r = _fork(_adder(path, 10_000))
        first = b""
        if trial % 10:
            first = os.read(r, 65536)
            time.sleep(rng.uniform(0, 0.05))
        os.kill(pid, signal.SIGKILL)
        code, lines = _collect(pid, r, first)
        assert code == -signal.SIGKILL, lines
        assert not any(line.startswith(("ERR", "EXC")) for line in lines), lines
        expected |= set(lines)
        ids = stored_ids(path)  # the file parses after every kill
        assert expected <= set(ids) and len(ids) == len(set(ids))
        if temp_files(path):
            mid_write += 1
        NoteStore(path)  # opening sweeps what a killed writer left
        assert temp_files(path) == []
    assert mid_write > 0, "no kill landed inside a write: the test did not test it"


def test_four_processes_adding_at_once_lose_nothing(tmp_path):
    path = tmp_path / "annotations.json"
    base = write_store(path, 50)
    go_r, go_w = os.pipe()

    def body(w: int) -> int:
        os.close(go_w)
        os.read(go_r, 1)  # all four start together when the parent closes the pipe
        return _adder(path, 100)(w)

    children = [_fork(body) for _ in range(4)]
    os.close(go_r)
    os.close(go_w)
    results = [_collect(pid, r) for pid, r in children]
    returned = [line for _, lines in results for line in lines]
    assert [code for code, _ in results] == [0, 0, 0, 0], results
    assert len(returned) == 400 and len(set(returned)) == 400
    ids = stored_ids(path)
    assert len(ids) == 450 and set(ids) == base | set(returned)


def test_four_writers_on_a_5000_note_file_wait_their_turn(tmp_path):
    """Each waits for those who came before it only (at most three), never 2 s.

    The distribution of the waits is printed (``pytest -s``).
    """
    path = tmp_path / "annotations.json"
    base = write_store(path, 5000)
    go_r, go_w = os.pipe()

    def body(w: int) -> int:
        os.close(go_w)
        os.read(go_r, 1)
        store = NoteStore(path)
        for i in range(25):
            note = store.add(_child_note(i))
            queued, taken = store.lock_turn
            os.write(w, f"{note.id} {queued} {taken} {store.lock_waited}\n".encode())
        return 0

    children = [_fork(body) for _ in range(4)]
    os.close(go_r)
    os.close(go_w)
    results = [_collect(pid, r) for pid, r in children]
    assert [code for code, _ in results] == [0, 0, 0, 0], results
    rows = [line.split() for _, lines in results for line in lines]
    adds = [(float(queued), float(taken)) for _, queued, taken, _ in rows]
    assert len(adds) == 100
    assert set(stored_ids(path)) == base | {row[0] for row in rows}
    waits = sorted(float(waited) for *_, waited in rows)
    # Writers take the lock in the order they queued: between one joining the queue and
    # taking the lock, only those queued before it (three at most) take it.
    overtaken = max(sum(queued < t < taken for _, t in adds) for queued, taken in adds)
    print(
        f"\nlock waits of 4 writers x 25 adds on 5,000 notes: median {waits[50]:.3f} s, "
        f"p90 {waits[90]:.3f} s, max {waits[-1]:.3f} s; most writers ahead of one: {overtaken}"
    )
    assert overtaken <= 3, "a writer was overtaken by one that came after it"
    assert waits[-1] < 2.0
    assert list(tmp_path.iterdir()) == [path]  # no lock file left


def _strace_works() -> str:
    """Why strace cannot inject faults here ("" when it can)."""
    if shutil.which("strace") is None:
        return "strace is not installed (apt-get install strace)"
    probe = subprocess.run(["strace", "-qq", "-o", "/dev/null", "true"], capture_output=True)
    if probe.returncode != 0:
        return f"strace cannot trace here (ptrace not permitted?): {probe.stderr.decode()[:200]}"
    return ""


def _add_under_strace(path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """``reader notes add`` under ``strace -f OPTIONS`` (its trace to /dev/null unless -o)."""
    where = () if "-o" in options else ("-o", "/dev/null")
    add = ["notes", "add", "--db", str(path), "--doc", str(SEED), "--body", "an fsync may fail"]
    return subprocess.run(
        ["strace", "-f", "-qq", *where, *options, sys.executable, "-m", "reader", *add],
        capture_output=True,
        text=True,
        timeout=120,
    )


SYNCS = "fsync,fdatasync"


@pytest.mark.skipif(bool(_strace_works()), reason=_strace_works() or "strace works")
@pytest.mark.parametrize("size", [0, 200])
def test_every_failed_fsync_of_an_add_is_reported_and_nothing_is_added(tmp_path, size):
    """strace makes the Nth fsync (or fdatasync) fail with EIO, for every N of the add."""
    path = tmp_path / "annotations.json"
    base = write_store(path, size) if size else set()
    before = path.read_bytes() if size else None
    log = tmp_path / "syncs.log"
    counted = _add_under_strace(path, "-e", f"trace={SYNCS}", "-o", str(log))
    assert counted.returncode == 0, counted.stderr
    syncs = [line for line in log.read_text().splitlines() if "sync(" in line]
    assert len(syncs) >= 2, "the file and its folder are both synced"

    def as_before() -> None:
        path.unlink(missing_ok=True)
        if before is not None:
            path.write_bytes(before)

    for n in range(1, len(syncs) + 1):
        as_before()
        run = _add_under_strace(path, "-e", f"inject={SYNCS}:error=EIO:when={n}")
        lines = run.stderr.splitlines()
        assert run.returncode == 1, (n, run.stderr)
        assert len(lines) == 1 and "Traceback" not in run.stderr, (n, run.stderr)
        assert "could not write" in lines[0] and "Input/output error" in lines[0]
        assert run.stdout == ""
        assert set(stored_ids(path)) == base, n  # nothing added
        if size:
            assert path.read_bytes() == before, n
        assert temp_files(path) == []
    as_before()
    run = _add_under_strace(path, "-e", f"inject={SYNCS}:error=EIO:when={len(syncs) + 1}")
    assert run.returncode == 0, run.stderr  # one more than there are: nothing fails
    assert len(stored_ids(path)) == size + 1
