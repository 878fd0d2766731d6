"""Adding a note to a store of 0, 1,000 and 10,000 notes: our store vs TinyDB's default.

Run: ``python benchmarks/notes.py [--repeat N] [--loads N] [--writers N]``. Prints,
side by side, the median time of one ``add`` for :class:`reader.notes.store.NoteStore`
(atomic write, fsync, inter-process lock, orjson) and for TinyDB's default
``JSONStorage`` (in-place write with fsync), their ratio, the time to load 10,000
notes (both, alternating) and their ratio, and the distribution of the lock waits
of 4 processes adding 25 notes each at once to a file of 5,000. Both stores are
timed open, as the app holds one; each add writes the whole file, as both must.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tinydb import TinyDB

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.notes import schema
from reader.notes.model import Note, Target
from reader.notes.storage import serialise
from reader.notes.store import NoteStore

SIZES = (0, 1_000, 10_000)


def make_note(i: int) -> Note:
    exact = f"the words under note {i}, a sentence of an article about trade and energy"
    return Note(
        document="seeds/000_2eaf6975ce8d05c5.txt",
        sha256="950f5f067f31bc4dc0f6996de65ee0f9d3a33ecb61c555c0f5ab07e7eaf2fb70",
        body=f"Note {i}: check the figures against the customs statistics #follow-up",
        target=Target(
            exact=exact,
            prefix="text before the quote, 32 chars ",
            suffix=" and text after it, 32 chars lon",
            start=100 * i,
            end=100 * i + len(exact),
        ),
        tags=("follow-up",),
    )


def prepare(folder: Path, size: int) -> tuple[Path, Path]:
    """The same notes as our store file and as a default TinyDB file."""
    notes = {str(i + 1): make_note(i).to_dict() for i in range(size)}
    ours, theirs = folder / f"ours-{size}.json", folder / f"tinydb-{size}.json"
    if size:
        tables = schema.empty()
        tables[schema.NOTES] = notes
        ours.write_bytes(serialise(tables))
        theirs.write_text(json.dumps({"notes": notes}), encoding="utf-8")
    return ours, theirs


def median_ms(action, repeat: int) -> float:
    times = []
    for i in range(repeat):
        started = time.perf_counter()
        action(i)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def alternating_ms(ours, theirs, repeat: int) -> tuple[float, float]:
    """Median ms of ``ours()`` and of ``theirs()``, run in turn (the machine's load hits both).

    What each returns is freed after its time is taken: loading is timed, not freeing.
    """
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for action, kept in ((ours, times[0]), (theirs, times[1])):
            started = time.perf_counter()
            loaded = action()
            kept.append(time.perf_counter() - started)
            del loaded
    return statistics.median(times[0]) * 1000, statistics.median(times[1]) * 1000


def lock_waits(folder: Path, writers: int, adds: int) -> list[float]:
    """Seconds each add of ``writers`` forked processes waited for the lock, on 5,000 notes."""
    ours, _ = prepare(folder, 5_000)
    go_r, go_w = os.pipe()
    children = []
    for k in range(writers):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: wait for the start, add, report each wait
            os.close(go_w)
            os.read(go_r, 1)
            store = NoteStore(ours)
            waits = []
            for i in range(adds):
                store.add(make_note(10**7 * (k + 1) + i))
                waits.append(store.lock_waited)
            os.write(w, " ".join(map(str, waits)).encode())
            os._exit(0)
        os.close(w)
        children.append((pid, r))
    os.close(go_r)
    os.close(go_w)  # all start together
    waits = []
    for pid, r in children:
        chunks = []
        while chunk := os.read(r, 65536):
            chunks.append(chunk)
        os.close(r)
        os.waitpid(pid, 0)
        waits += [float(x) for x in b"".join(chunks).split()]
    return sorted(waits)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="adds timed per size")
    parser.add_argument("--loads", type=int, default=9, help="loads of 10,000 notes timed")
    parser.add_argument("--writers", type=int, default=4, help="processes adding at once")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        folder = Path(tmp)
        for size in SIZES:
            ours_path, theirs_path = prepare(folder, size)
            store = NoteStore(ours_path)
            store.all()  # opened and read, as the app has it
            ours = median_ms(lambda i, store=store: store.add(make_note(10**6 + i)), args.repeat)
            db = TinyDB(theirs_path)
            table = db.table("notes")
            table.all()
            theirs = median_ms(
                lambda i, t=table: t.insert(make_note(10**6 + i).to_dict()), args.repeat
            )
            db.close()
            rows.append((size, ours, theirs))
        ours_path, theirs_path = prepare(folder, 10_000)
        load_ours, load_theirs = alternating_ms(
            lambda: NoteStore(ours_path).all(),
            lambda: TinyDB(theirs_path).table("notes").all(),
            args.loads,
        )
        waits = lock_waits(folder, args.writers, 25) if hasattr(os, "fork") else []
    print(f"median time to add one note ({args.repeat} adds per size, fsync on both)")
    print(f"{'notes stored':>12}  {'ours (ms)':>10}  {'TinyDB default (ms)':>19}  {'ratio':>6}")
    for size, ours, theirs in rows:
        print(f"{size:>12,}  {ours:>10.2f}  {theirs:>19.2f}  {ours / theirs:>6.2f}")
    print(
        f"load 10,000 notes (NoteStore(path).all() / TinyDB(path).table('notes').all(), "
        f"alternating, median of {args.loads}): ours {load_ours:.1f} ms, "
        f"TinyDB default {load_theirs:.1f} ms, ratio {load_ours / load_theirs:.2f}"
    )
    if waits:
        q = statistics.quantiles(waits, n=100)
        print(
            f"lock waits, {args.writers} processes x 25 adds at once on 5,000 notes: "
            f"median {statistics.median(waits) * 1000:.0f} ms, p90 {q[89] * 1000:.0f} ms, "
            f"p99 {q[98] * 1000:.0f} ms, max {waits[-1] * 1000:.0f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
