"""Throughput of the analysis on a corpus built from the development articles.

Builds a corpus of at least 5 MB by repeating the dev articles (read from
``../shared/data/dev`` beside the repository at run time), analyses it in one
process, then does the same at 10 MB and prints chars/second and the cost
ratio 10 MB / 5 MB (linear work gives about 2.0), and the throughput on the
articles once each in fresh processes (no text seen twice). Then prints the start-up
cost: the median of five whole-process runs of ``reader analyze`` on a short
seed article and of ``reader --help``, side by side, and their ratio (wall
clock, and CPU time, which other work on the machine disturbs less). The
package is byte-compiled first, as installing it does, so the figures do not
depend on whether the checkout happens to hold ``__pycache__`` folders.

``--against REV`` measures another commit in the same run: a temporary
``git worktree`` of REV is made, and fresh processes of this checkout and of
REV analyse the same corpus in turn (alternating, so a busy machine slows
both alike); the medians and the ratio this / REV are printed, then REV's
start-up, and the worktree is removed.

    python benchmarks/analysis.py [--mb 5] [--profile] [--startup-only] [--source DIR]
                                  [--against REV [--rounds 3]]
"""

from __future__ import annotations

import argparse
import compileall
import cProfile
import os
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader.analysis.lexicon import lexicon
from reader.analysis.pipeline import run

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "data" / "dev"
SEED = REPO / "seeds" / "000_2eaf6975ce8d05c5.txt"
RUNS = 5


def articles(dev: Path = DEV) -> list[str]:
    """Every dev article's text, in a stable order."""
    return [p.read_text(encoding="utf-8") for p in sorted(dev.glob("*/docs/*.txt"))]


def corpus(texts: list[str], size: int) -> str:
    """Articles repeated, separated by blank lines, until ``size`` characters."""
    if not texts:
        raise ValueError("no articles to build a corpus from")
    parts: list[str] = []
    total = 0
    while total < size:
        for t in texts:
            parts.append(t)
            total += len(t) + 2
            if total >= size:
                break
    return "\n\n".join(parts)


def timed(text: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one analysis (CPU time is steadier on a busy machine)."""
    w0, c0 = time.perf_counter(), time.process_time()
    run(text)
    return time.perf_counter() - w0, time.process_time() - c0


def whole_process(args: list[str], source: Path | None = None) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of ``RUNS`` fresh ``reader`` processes with ``args``.

    The CPU time (user and system, of the process alone) is steadier than the wall
    clock on a machine that other work keeps busy.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # read the bytecode as an installed package
    if source is not None:  # another checkout's code, e.g. an older commit
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(source), env.get("PYTHONPATH")]))
    walls, cpus = [], []
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "reader", *args],
            check=True,
            stdout=subprocess.DEVNULL,
            cwd=source or REPO,  # ``-m`` puts the working directory first on the path
            env=env,
        )
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def startup(source: Path | None = None) -> None:
    """Print what a first short analysis costs a fresh process, against ``--help``."""
    compileall.compile_dir(str((source or REPO) / "reader"), quiet=1)  # as pip install does
    analyse, analyse_cpu = whole_process(["analyze", str(SEED), "--json"], source)
    usage, usage_cpu = whole_process(["--help"], source)
    print(
        f"start-up, byte-compiled as installed (median of {RUNS} fresh processes): "
        f"reader analyze {SEED.name} --json {analyse:.3f} s, reader --help {usage:.3f} s; "
        f"ratio analyze / --help {analyse / usage:.2f} (CPU time: {analyse_cpu:.3f} s, "
        f"{usage_cpu:.3f} s; ratio {analyse_cpu / usage_cpu:.2f})"
    )


CHILD = """
import sys, time
import reader
from reader.analysis.pipeline import run
run("Pat Caddell said on Monday that prices rose. \\"Yes,\\" he told reporters.")  # warm up
try:  # the sector regex made ready before timing, as the in-process figures have it
    from reader.analysis.lexicon import lexicon
    getattr(lexicon().lower_matcher, "regex", None)
except (ImportError, AttributeError):  # an older commit without that lexicon
    pass
text = open(sys.argv[1], encoding="utf-8").read()
c0 = time.process_time()
run(text)
print(time.process_time() - c0, reader.__file__)
"""
"""One analysis of a corpus file in a fresh process: its CPU seconds, past the warm-up
(a short text, and the sector regex made ready as ``main`` does before timing)."""


def child_cpu(checkout: Path, corpus_file: Path) -> float:
    """CPU seconds of ``checkout``'s analysis of ``corpus_file``, in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(corpus_file)],
        check=True,
        capture_output=True,
        text=True,
        cwd=checkout,  # ``-c`` puts the working directory first on the path
    ).stdout.split()
    if not Path(out[1]).resolve().is_relative_to(checkout.resolve()):
        raise RuntimeError(f"{checkout}: ran the code at {out[1]}")
    return float(out[0])


def against(rev: str, text: str, rounds: int) -> None:
    """This checkout's throughput against ``rev``'s, on ``text``, alternating fresh processes."""
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        tree = Path(tmp) / "rev"
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "add", "--detach", "--quiet", str(tree), rev],
            check=True,
        )
        try:
            corpus_file = Path(tmp) / "corpus.txt"
            corpus_file.write_text(text, encoding="utf-8")
            mine: list[float] = []
            theirs: list[float] = []
            for _ in range(rounds):
                mine.append(child_cpu(REPO, corpus_file))
                theirs.append(child_cpu(tree, corpus_file))
            this, that = statistics.median(mine), statistics.median(theirs)
            print(
                f"against {rev} ({len(text) / 1e6:.1f} MB, median of {rounds} alternating "
                f"processes, CPU): this {len(text) / this:,.0f} chars/s ({this:.2f} s), "
                f"{rev} {len(text) / that:,.0f} chars/s ({that:.2f} s); "
                f"throughput ratio this / {rev} {that / this:.2f}"
            )
            print(f"{rev}: ", end="")
            startup(tree)
        finally:
            subprocess.run(
                ["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], check=True
            )


def distinct(texts: list[str], rounds: int = 3) -> None:
    """Print the throughput on the dev articles once each, in fresh processes.

    The corpora above repeat the articles, so what the analysis keeps from the
    first copy of a text (readings of source words, say) helps the later ones;
    here no text comes twice.
    """
    text = "\n\n".join(texts)
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        corpus_file = Path(tmp) / "distinct.txt"
        corpus_file.write_text(text, encoding="utf-8")
        cpu = statistics.median(child_cpu(REPO, corpus_file) for _ in range(rounds))
    print(
        f"distinct: the {len(texts)} articles once each ({len(text) / 1e6:.2f} MB), fresh "
        f"process, median of {rounds}: {len(text) / cpu:,.0f} chars/s CPU ({cpu:.2f} s)"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="size of the smaller corpus (5)")
    ap.add_argument("--profile", action="store_true", help="print the top of a cProfile run")
    ap.add_argument("--startup-only", action="store_true", help="measure only the start-up")
    ap.add_argument("--source", type=Path, help="run the start-up on the code of this checkout")
    ap.add_argument("--against", metavar="REV", help="also measure commit REV, side by side")
    ap.add_argument("--rounds", type=int, default=3, help="processes of each with --against (3)")
    args = ap.parse_args(argv)
    if args.startup_only:
        startup(args.source)
        return 0
    if not DEV.is_dir():
        print(f"benchmark skipped: development articles not found at {DEV}")
        return 0
    texts = articles()
    # The sector regex made ready before timing, as any run after the first finds it:
    # loaded as an earlier run stored it (compiled and stored, the first time).
    lexicon().lower_matcher.regex  # noqa: B018
    small = corpus(texts, int(args.mb * 1_000_000))
    big = corpus(texts, int(2 * args.mb * 1_000_000))
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        run(small)
        prof.disable()
        pstats.Stats(prof, stream=sys.stdout).sort_stats("cumulative").print_stats(25)
        return 0
    (w_small, c_small), (w_big, c_big) = timed(small), timed(big)
    print(f"corpus: {len(texts)} articles, {len(small):,} chars and {len(big):,} chars")
    for size, wall, cpu in ((len(small), w_small, c_small), (len(big), w_big, c_big)):
        print(
            f"{size / 1e6:.1f} MB: {size / wall:,.0f} chars/s wall ({wall:.2f} s), "
            f"{size / cpu:,.0f} chars/s CPU ({cpu:.2f} s)"
        )
    print(
        f"cost ratio {2 * args.mb:g} MB / {args.mb:g} MB: {w_big / w_small:.2f} wall, "
        f"{c_big / c_small:.2f} CPU"
    )
    distinct(texts)
    startup(args.source)
    if args.against:
        against(args.against, small, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
