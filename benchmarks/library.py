"""The library index at 500, 5,000 and 20,000 articles, measured side by side.

Builds each library in a temporary folder (never in the repository) from the
development articles of ``../shared/data/dev`` repeated under varied file
names, each with its own date (a ``date YYYY-MM-DD`` header, 2019 to 2024) and
a last line with a reference word of its own ("zq00042x": a word one article
only holds). Then, each step in a fresh process (so memory and start-up are
the step's own):

- the index built from nothing with one job, then with all cores: documents/s
  and the ratio, with the CPU times of the building process and of its workers
  (the speed-up they allow on idle cores: robust to other work on the machine);
- a second launch: the library screen (Textual, headless) from start to its
  table holding every row, and the same without the screen (the rows from the
  index, as the screen gets them); then as a user sees it, ``reader DIR`` in
  tmux until its status line counts every row, beside a bare Textual app;
- a full-text query (a word, a phrase, a prefix, the one-article word) and a
  speaker's quotes across the library (the most quoted speaker): medians of
  five;
- peak memory (maximum resident set) of the building process, of its
  workers, and of the second launch;
- one file changed, the index refreshed: which files were analysed again.

    python benchmarks/library.py [--sizes 500,5000,20000] [--jobs N] [--keep]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "data" / "dev"
ROUNDS = 5


def make_library(folder: Path, size: int, dev: Path = DEV) -> list[Path]:
    """``size`` articles in ``folder``: the dev articles repeated, each with its name and date."""
    sources = sorted(dev.glob("*/docs/*.txt"))
    if not sources:
        raise SystemExit(f"no development articles in {dev}")
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sources]
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for i in range(size):
        k = i % len(texts)
        year, month, day = 2019 + i % 6, 1 + (i // 6) % 12, 1 + (i // 72) % 28
        sub = folder / f"{year}" / f"{month:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"{i:05d}_{sources[k].stem[:40]}.txt"
        body = texts[k].strip()
        path.write_text(
            f"date {year}-{month:02d}-{day:02d} {body}\n\nArchive reference zq{i:05d}x.\n",
            encoding="utf-8",
        )
        made.append(path)
    return made


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


# -- the steps, each run in a process of its own ------------------------------------------


def _descendants_peak_mb(stop: threading.Event, peaks: dict[int, float]) -> None:
    """The highest resident set of each process below this one (the fork server's workers
    are not this process's children), read from /proc until ``stop``."""
    me = os.getpid()
    while not stop.wait(0.25):
        parents: dict[int, int] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    status = (entry / "status").read_text()
                except OSError:
                    continue
                fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
                pid = int(entry.name)
                parents[pid] = int(fields.get("PPid", "0"))
                if "VmHWM" in fields:
                    peaks.setdefault(-pid, float(fields["VmHWM"].split()[0]) / 1024)
                    peaks[-pid] = max(peaks[-pid], float(fields["VmHWM"].split()[0]) / 1024)
        for pid in parents:
            up, seen = parents.get(pid, 0), 0
            while up not in (0, 1, me) and seen < 10:
                up, seen = parents.get(up, 0), seen + 1
            if up == me and -pid in peaks:
                peaks[pid] = peaks[-pid]


def step_build(folder: str, index: str, jobs: int) -> dict[str, object]:
    from reader.library import find_documents
    from reader.library.build import build_index
    from reader.library.index import LibraryIndex

    paths = [str(p) for p in find_documents([folder])]
    stop, peaks = threading.Event(), dict[int, float]()
    watch = threading.Thread(target=_descendants_peak_mb, args=(stop, peaks), daemon=True)
    watch.start()
    started, cpu = time.perf_counter(), time.process_time()
    with LibraryIndex(index) as idx:
        report = build_index(idx, paths, jobs=jobs)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    stop.set()
    watch.join()
    workers = [mb for pid, mb in peaks.items() if pid > 0]
    return {
        "seconds": seconds,
        "analysed": len(report.analysed),
        "failed": len(report.failed),
        "rate": len(report.analysed) / seconds,
        "cpu": cpu,
        "workers_cpu": _workers_cpu(),
        "peak_mb": _peak_mb(),
        "workers_peak_mb": max(workers, default=0.0),
    }


def _workers_cpu() -> float:
    """The CPU time of the worker processes (and the fork server that made them): stopped
    and waited for, their times are this process's children's."""
    import multiprocessing.forkserver as forkserver

    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if callable(stop):  # CPython's own, used by its tests; else the server is counted at exit
        stop()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


def step_rows(folder: str, index: str) -> dict[str, object]:
    """The library table's rows from the index, as a second launch gets them (no screen),
    then what the screen looks at after its first paint (each file's size and time)."""
    started, cpu = time.perf_counter(), time.process_time()
    from reader.library import find_documents
    from reader.library.build import plan
    from reader.library.entries import index_keys
    from reader.library.index import LibraryIndex
    from reader.library.note_counts import note_counts
    from reader.library.queries import table_rows
    from reader.notes.store import NoteStore
    from reader.ui.screens.library_rows import Row, ordered

    paths = [str(p) for p in find_documents([folder])]
    with LibraryIndex(index) as idx:
        known = {t[0]: t for t in table_rows(idx)}
        keys = index_keys(paths)
        found = [(p, known[k]) for p, k in zip(paths, keys, strict=True) if k in known]
        store = NoteStore(Path(tempfile.gettempdir()) / "reader-bench-none.json", read_only=True)
        counts = note_counts(store, [(t[0], t[1]) for _, t in found])
        made = [Row(p, *t[:6], counts.get(t[0], 0), t[6]) for p, t in found]
        rows = ordered(made, "date", False)
        seconds, rows_cpu = time.perf_counter() - started, time.process_time() - cpu
        todo = plan(idx, paths)
    return {
        "seconds": seconds,
        "cpu": rows_cpu,
        "plan_cpu": time.process_time() - cpu - rows_cpu,
        "rows": len(rows),
        "stale": len(todo.work),
        "notes": sum(counts.values()),
        "peak_mb": _peak_mb(),
    }


def step_screen(folder: str) -> dict[str, object]:
    """A second launch of ``reader DIR``: the library screen until every row is in its table
    (the cyclic collector paused until the first screen is drawn, as ``reader`` does)."""
    import gc

    started, cpu = time.perf_counter(), time.process_time()
    gc.disable()
    from reader.library import find_documents
    from reader.notes.store import NoteStore
    from reader.ui.app import ReaderApp
    from reader.ui.widgets.library_table import LibraryTable

    paths = find_documents([folder])
    store = NoteStore(Path(tempfile.gettempdir()) / "reader-bench-none.json", read_only=True)
    app = ReaderApp(None, store, library=paths, library_title=folder, library_roots=[Path(folder)])
    result: dict[str, object] = {}

    async def run() -> None:
        async with app.run_test(size=(160, 50)) as pilot:
            while True:
                table = app.screen.query_one(LibraryTable)
                if table.row_count >= len(paths):
                    break
                if time.perf_counter() - started > 120:
                    break
                await pilot.pause(0.01)
            result["seconds"] = time.perf_counter() - started
            result["cpu"] = time.process_time() - cpu
            result["rows"] = table.row_count

    asyncio.run(run())
    result["peak_mb"] = _peak_mb()
    return result


def step_queries(index: str) -> dict[str, object]:
    from reader.library import queries
    from reader.library.index import LibraryIndex

    def median_ms(fn: object) -> tuple[float, int, float]:
        """Median wall time (ms), what was found, median CPU time (ms: less disturbed by
        other work on the machine)."""
        times, cpu, count = [], [], 0
        for _ in range(ROUNDS):
            t, c = time.perf_counter(), time.process_time()
            count = len(fn())  # type: ignore[operator]
            times.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        return statistics.median(times), count, statistics.median(cpu)

    out: dict[str, object] = {}
    with LibraryIndex(index) as idx:
        for name, query in (
            ("word", "sanctions"),
            ("phrase", '"trade deficit"'),
            ("prefix", "tarif*"),
            ("unique", "zq00042x"),
        ):
            out[f"search_{name}"] = median_ms(lambda q=query: queries.search(idx, q))
        top = queries.speakers(idx, limit=1)[0]
        out["speaker"] = (top.name, top.documents, top.quotes)
        out["quotes"] = median_ms(lambda: queries.speaker_quotes(idx, top.id))
        out["speakers_list"] = median_ms(lambda: queries.speakers(idx))
        out["sectors"] = median_ms(lambda: queries.sector_timeline(idx))
    return out


def step_touch(folder: str, index: str) -> dict[str, object]:
    from reader.library import find_documents
    from reader.library.build import build_index
    from reader.library.index import LibraryIndex

    paths = [str(p) for p in find_documents([folder])]
    changed = paths[len(paths) // 2]
    with open(changed, "a", encoding="utf-8") as f:
        f.write('\n"We changed this one," the editor said.\n')
    started = time.perf_counter()
    with LibraryIndex(index) as idx:
        report = build_index(idx, paths)
    return {
        "seconds": time.perf_counter() - started,
        "changed": changed,
        "analysed": report.analysed,
        "kept": report.kept,
    }


STEPS = {
    "build": lambda a: step_build(a.folder, a.index, a.jobs),
    "rows": lambda a: step_rows(a.folder, a.index),
    "screen": lambda a: step_screen(a.folder),
    "queries": lambda a: step_queries(a.index),
    "touch": lambda a: step_touch(a.folder, a.index),
}


def terminal(folder: Path, root: Path, size: int, rounds: int = 3) -> dict[str, float]:
    """A second launch as a user sees it: ``reader DIR`` in a tmux pane, from the shell
    command to the table's row count in its status line (every document shown); beside it,
    in the same rounds (alternated), a bare Textual app showing an article: the floor.
    Medians of ``rounds``, seconds."""
    import re
    import shlex

    from tmux import Tmux

    home = root / f"terminal-{size}"
    home.mkdir(exist_ok=True)
    env = {
        "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"],  # the index built here
        "XDG_CONFIG_HOME": str(home / "config"),
        "READER_DB": str(home / "notes.json"),
    }
    prefix = f"cd {shlex.quote(str(home))} && env " + " ".join(
        f"{k}={shlex.quote(v)}" for k, v in env.items()
    )
    first = min(folder.rglob("*.txt"))
    reader = shlex.join([sys.executable, "-m", "reader", str(folder)])
    bare = shlex.join([sys.executable, str(REPO / "benchmarks" / "bare.py"), str(first)])
    shown = re.compile(rf"^\s*{size} shown", re.MULTILINE)
    opening = re.compile(re.escape(first.read_text(encoding="utf-8").split()[1]))
    tables: list[float] = []
    floors: list[float] = []
    for _ in range(rounds):
        for command, pattern, times in ((reader, shown, tables), (bare, opening, floors)):
            with Tmux(f"{prefix} {command}", size=(160, 50)) as pane:
                launched = time.monotonic() - pane.started
                times.append(pane.wait_match(pattern, 60.0) + launched)
    return {"table": statistics.median(tables), "bare": statistics.median(floors)}


def run_step(step: str, **options: object) -> dict[str, object]:
    args = [sys.executable, __file__, "--step", step]
    for key, value in options.items():
        args += [f"--{key}", str(value)]
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"step {step} failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# -- the table ----------------------------------------------------------------------------


def measure(size: int, root: Path, jobs: int) -> dict[str, Any]:
    folder = root / f"library-{size}"
    print(f"· {size} articles: writing …", file=sys.stderr, flush=True)
    make_library(folder, size)
    cache = root / f"cache-{size}"
    os.environ["XDG_CACHE_HOME"] = str(cache)  # the screen's index: the one built here
    from reader.library.index import default_index_path

    index = default_index_path([folder])
    one = root / f"one-{size}.sqlite3"
    print(f"· {size}: building with 1 job …", file=sys.stderr, flush=True)
    m: dict[str, object] = {"build_1": run_step("build", folder=folder, index=one, jobs=1)}
    one.unlink(missing_ok=True)
    print(f"· {size}: building with {jobs} jobs …", file=sys.stderr, flush=True)
    m["build_n"] = run_step("build", folder=folder, index=index, jobs=jobs)
    print(f"· {size}: second launch, queries, one file changed …", file=sys.stderr, flush=True)
    m["rows"] = run_step("rows", folder=folder, index=index)
    m["screen"] = run_step("screen", folder=folder, index=index)
    if shutil.which("tmux"):
        m["terminal"] = terminal(folder, root, size)
    m["queries"] = run_step("queries", folder=folder, index=index)
    m["touch"] = run_step("touch", folder=folder, index=index)
    m["index_mb"] = index.stat().st_size / 2**20
    m["size"] = size
    print(f"· {size}: {json.dumps(m)}", file=sys.stderr, flush=True)  # kept if a later size fails
    return m


def _parent_share(m: dict[str, Any]) -> float:
    built = m["build_n"]
    return float(built["cpu"] / max(1e-9, built["cpu"] + built["workers_cpu"]))


def _cpu_bound(m: dict[str, Any], jobs: int) -> float:
    """The speed-up of the parallel build on ``jobs`` idle cores, from CPU times alone (robust
    to other work on the machine): the one-job build's CPU time over the parallel build's
    least wall time, its whole CPU time shared by the cores, and never less than the
    building process's own (it writes every result, in order)."""
    one, built = m["build_1"], m["build_n"]
    whole = built["cpu"] + built["workers_cpu"]
    return float(one["cpu"] / max(whole / jobs, built["cpu"]))


def report(results: dict[int, dict[str, Any]], jobs: int) -> None:
    sizes = sorted(results)
    first = results[sizes[0]]

    def row(label: str, show: Callable[[dict[str, Any]], str]) -> None:
        print(f"{label:<44}" + "".join(f"{show(results[s]):>16}" for s in sizes))

    row("articles", lambda m: f"{m['size']:,}")
    row("build, 1 job (documents/s)", lambda m: f"{m['build_1']['rate']:.0f}")
    row(f"build, {jobs} jobs (documents/s)", lambda m: f"{m['build_n']['rate']:.0f}")
    row(
        f"  speed-up, {jobs} jobs / 1",
        lambda m: f"{m['build_n']['rate'] / m['build_1']['rate']:.2f}×",
    )
    row("  1 job: CPU time (s)", lambda m: f"{m['build_1']['cpu']:.1f}")
    row(f"  {jobs} jobs: the building process's CPU (s)", lambda m: f"{m['build_n']['cpu']:.1f}")
    row(f"  {jobs} jobs: the workers' CPU (s)", lambda m: f"{m['build_n']['workers_cpu']:.1f}")
    row("  the building process's share", lambda m: f"{_parent_share(m):.0%}")
    row(f"  speed-up the CPU times allow, {jobs} cores", lambda m: f"{_cpu_bound(m, jobs):.2f}×")
    row("second launch: full table on screen (s)", lambda m: f"{m['screen']['seconds']:.2f}")
    row("  its CPU time (s)", lambda m: f"{m['screen']['cpu']:.2f}")
    base = first["screen"]["seconds"]
    row(f"  ratio to {sizes[0]:,}", lambda m: f"{m['screen']['seconds'] / base:.2f}×")
    if all("terminal" in results[s] for s in sizes):
        row("second launch in tmux: table shown (s)", lambda m: f"{m['terminal']['table']:.2f}")
        row("  a bare Textual app, in tmux (s)", lambda m: f"{m['terminal']['bare']:.2f}")
        tbase = first["terminal"]["table"]
        row(f"  ratio to {sizes[0]:,}", lambda m: f"{m['terminal']['table'] / tbase:.2f}×")
    row("second launch: rows from the index (s)", lambda m: f"{m['rows']['seconds']:.2f}")
    row("  its CPU time (s)", lambda m: f"{m['rows']['cpu']:.2f}")
    row("  then each file's size and time (CPU s)", lambda m: f"{m['rows']['plan_cpu']:.2f}")
    for name in ("word", "phrase", "prefix", "unique"):
        row(
            f"full-text query, {name} (ms)",
            lambda m, n=name: f"{m['queries'][f'search_{n}'][0]:.1f}",
        )
    row("  CPU time, a word (ms)", lambda m: f"{m['queries']['search_word'][2]:.1f}")
    row("a speaker's quotes (ms)", lambda m: f"{m['queries']['quotes'][0]:.1f}")
    row("  its CPU time (ms)", lambda m: f"{m['queries']['quotes'][2]:.1f}")
    row("  (quotes found)", lambda m: f"{m['queries']['quotes'][1]}")
    row("all speakers, listed (ms)", lambda m: f"{m['queries']['speakers_list'][0]:.1f}")
    row("sectors by month (ms)", lambda m: f"{m['queries']['sectors'][0]:.1f}")
    row("peak memory, parallel build (MB)", lambda m: f"{m['build_n']['peak_mb']:.0f}")
    row("peak memory, a worker (MB)", lambda m: f"{m['build_n']['workers_peak_mb']:.0f}")
    row("peak memory, 1-job build (MB)", lambda m: f"{m['build_1']['peak_mb']:.0f}")
    row("peak memory, second launch (MB)", lambda m: f"{m['screen']['peak_mb']:.0f}")
    row("index file (MB)", lambda m: f"{m['index_mb']:.0f}")
    row("one file changed: files analysed again", lambda m: f"{len(m['touch']['analysed'])}")
    row("  refresh (s)", lambda m: f"{m['touch']['seconds']:.2f}")
    for s in sizes:
        touch = results[s]["touch"]
        same = touch["analysed"] == [str(Path(touch["changed"]).resolve())]
        print(f"{s:,} articles: the one file changed is the one analysed again: {same}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--sizes", default="500,5000,20000", help="library sizes, comma-separated")
    from reader.library.workers import default_jobs

    p.add_argument("--jobs", type=int, default=default_jobs(), help="jobs of the parallel build")
    p.add_argument("--keep", action="store_true", help="keep the libraries built in /tmp")
    p.add_argument("--step", choices=sorted(STEPS), help=argparse.SUPPRESS)
    p.add_argument("--folder", help=argparse.SUPPRESS)
    p.add_argument("--index", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.step:
        print(json.dumps(STEPS[args.step](args)))
        return
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    root = Path(tempfile.mkdtemp(prefix="reader-library-bench-"))
    results: dict[int, dict[str, object]] = {}
    try:
        for size in sizes:
            results[size] = measure(size, root, args.jobs)
        report(results, args.jobs)
    finally:
        if args.keep:
            print(f"libraries kept in {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
