"""How soon a user sees the article: first paint and ``G`` in a real terminal.

Each case is one command launched in its own tmux server at 120x40 — the
interpreter, its imports and all — timed until its first article line is on
screen (the first paint); then ``G`` is sent at once and timed until the
article's last line is on screen. The cases, run round-robin so that a busy
machine slows all of them alike, after one warm-up launch each (bytecode
written, caches filled):

- the reader on ``.txt`` and ``.md`` articles of 100 KB, 1 MB, 5 MB and 20 MB
  (the same text: the dev articles, or the seed when absent, repeated; in the
  ``.md`` each article has a heading and an emphasised first word), between
  an opening and a closing paragraph of their own;
- the reader on the bundled seed (``reader`` with no file);
- a bare Textual app showing the seed's first screen in a Static
  (``benchmarks/bare.py``): the floor a Textual program starts from;
- with ``--frogmouth PATH``, Frogmouth on the same ``.md`` files (first paint).

Prints the median of ``--runs`` launches of each case and the ratios the
reader is held to: the seed against the bare app, the large ``.md`` against the
small one, Frogmouth against the reader. Needs tmux.

Usage: python benchmarks/open.py [--sizes 0.1,1,5,20] [--runs 5] [--keep DIR]
           [--frogmouth PATH] [--frogmouth-runs 3] [--frogmouth-sizes 0.1,1,5]
"""

from __future__ import annotations

import argparse
import re
import shlex
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tmux import Tmux

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "data" / "dev"
SEED = sorted((REPO / "seeds").glob("*.txt"))[0]
MB = 2**20

OPENING = "This is the opening paragraph of the benchmark."
CLOSING = "This is the closing paragraph of the benchmark."
FIRST = re.compile(r"opening paragraph of the\s+benchmark")
LAST = re.compile(r"closing paragraph of the\s+benchmark")
SEED_FIRST = re.compile(r"On Thursday, Russian Foreign")
TIMEOUT = 60.0
"""Seconds a first paint may take (Frogmouth: ``--frogmouth-timeout``); longer counts as this."""


def sources() -> list[Path]:
    found = sorted(DEV.glob("*/docs/*")) if DEV.is_dir() else []
    return found or sorted((REPO / "seeds").glob("*.txt"))


def build(size: int, folder: Path) -> Path:
    """A document of about ``size`` bytes: the dev articles, repeated, blank-line separated."""
    chunks = [p.read_text(encoding="utf-8", errors="replace").strip() for p in sources()]
    blob = "\n\n".join(c for c in chunks if c)
    text = (blob + "\n\n") * (size // max(1, len(blob.encode())) + 1)
    data = text.encode("utf-8")[:size]
    data = data[: data.rfind(b"\n\n")] if b"\n\n" in data else data
    path = folder / f"bench-{size // 1024}k.txt"
    path.write_bytes(data + b"\n")
    return path


def as_markdown(article: str) -> str:
    """An article as Markdown: its first line a heading, its first word emphasised."""
    first, _, rest = article.partition("\n")
    words = rest.strip().split(" ", 1)
    body = f"*{words[0]}* {words[1]}" if len(words) == 2 and words[0].isalpha() else rest
    return f"## {' '.join(first.split())}\n\n{body.strip()}"


def build_article(size: int, folder: Path, suffix: str) -> Path:
    """A ``.txt`` or ``.md`` article of about ``size`` bytes between OPENING and CLOSING."""
    chunks = [p.read_text(encoding="utf-8", errors="replace").strip() for p in sources()]
    chunks = [as_markdown(c) if suffix == ".md" else c for c in chunks if c]
    blob = "\n\n".join(chunks) + "\n\n"
    head = ("# " if suffix == ".md" else "") + f"Benchmark article\n\n{OPENING}\n\n"
    text = head + blob * (size // max(1, len(blob.encode())) + 1)
    data = text.encode("utf-8")[:size]
    data = data[: data.rfind(b"\n\n")].decode("utf-8", errors="ignore")
    path = folder / f"bench-{size // 1024}k{suffix}"
    path.write_text(f"{data}\n\n{CLOSING}\n", encoding="utf-8")
    return path


@dataclass
class Case:
    """One command to launch, what its first paint shows, and whether ``G`` is tried."""

    name: str
    command: str
    first: re.Pattern[str]
    last: re.Pattern[str] | None = None
    runs: int = 0
    timeout: float = TIMEOUT
    paints: list[float] = field(default_factory=list)
    g_times: list[float] = field(default_factory=list)

    def median(self) -> float:
        return statistics.median(self.paints) if self.paints else float("nan")

    def g_median(self) -> float:
        return statistics.median(self.g_times) if self.g_times else float("nan")


def launch(case: Case) -> tuple[float, float | None]:
    """Seconds from launch to the first paint, and from ``G`` then to the last line."""
    with Tmux(case.command) as session:
        launched = time.monotonic() - session.started
        paint = session.wait_match(case.first, case.timeout) + launched
        if paint == float("inf"):  # counted as the timeout: a ratio to it is a lower bound
            return case.timeout, None
        if case.last is None:
            return paint, None
        session.keys("G")
        return paint, session.wait_match(case.last, 60.0)


def reader_command(folder: Path) -> Callable[[str], str]:
    """The shell command that runs the installed ``reader`` on a file, as a user would."""
    exe = shutil.which("reader", path=str(Path(sys.executable).parent))
    program = [exe] if exe else [sys.executable, "-m", "reader"]
    env = [
        "env",
        "-u",
        "PYTHONDONTWRITEBYTECODE",  # a user's interpreter keeps its bytecode
        f"READER_DB={folder / 'notes.json'}",
        f"XDG_CONFIG_HOME={folder / 'config'}",
        "TERM=xterm-256color",
    ]
    return lambda file: shlex.join([*env, *program, *([file] if file else [])])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.1,1,5,20", help="sizes in MB, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="launches of each case")
    parser.add_argument("--frogmouth", metavar="PATH", help="Frogmouth's executable")
    parser.add_argument("--frogmouth-runs", type=int, default=3, help="launches of Frogmouth")
    parser.add_argument(
        "--frogmouth-sizes", default="0.1,1,5", help="sizes Frogmouth opens (MB, comma-separated)"
    )
    parser.add_argument(
        "--frogmouth-timeout", type=float, default=300.0, help="seconds before giving up"
    )
    parser.add_argument("--keep", metavar="DIR", help="write the documents here and keep them")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("needs tmux", file=sys.stderr)
        return 2
    folder = Path(args.keep or tempfile.mkdtemp(prefix="reader-open-"))
    folder.mkdir(parents=True, exist_ok=True)
    reader = reader_command(folder)
    bare = shlex.join(
        [
            "env",
            "-u",
            "PYTHONDONTWRITEBYTECODE",
            sys.executable,
            str(REPO / "benchmarks" / "bare.py"),
        ]
    )
    cases = [
        Case("bare Textual app, seed", f"{bare} {shlex.quote(str(SEED))}", SEED_FIRST),
        Case("reader, seed", reader(""), SEED_FIRST),
    ]
    sizes = [float(s) for s in args.sizes.split(",")]
    frog_sizes = {float(s) for s in args.frogmouth_sizes.split(",")} if args.frogmouth else set()
    md_files: dict[float, Path] = {}
    for size_mb in sizes:
        for suffix in (".txt", ".md"):
            path = build_article(int(size_mb * MB), folder, suffix)
            cases.append(Case(f"reader, {suffix} {label(size_mb)}", reader(str(path)), FIRST, LAST))
            if suffix == ".md":
                md_files[size_mb] = path
    frog_env = f"env XDG_DATA_HOME={folder / 'fm-data'} XDG_CONFIG_HOME={folder / 'fm-config'}"
    for size_mb in sizes:
        if size_mb in frog_sizes:
            command = (
                f"{frog_env} {shlex.quote(args.frogmouth)} {shlex.quote(str(md_files[size_mb]))}"
            )
            cases.append(
                Case(
                    f"frogmouth, .md {label(size_mb)}",
                    command,
                    FIRST,
                    runs=args.frogmouth_runs,
                    timeout=args.frogmouth_timeout,
                )
            )
    for case in cases:
        case.runs = case.runs or args.runs
    frogs = [c for c in cases if c.name.startswith("frogmouth")]
    warm_up = [cases[0], cases[1], *frogs[:1]]
    for case in warm_up:
        launch(case)
    for round_ in range(max(c.runs for c in cases)):
        for case in cases:
            if round_ < case.runs:
                paint, g_time = launch(case)
                case.paints.append(paint)
                if g_time is not None:
                    case.g_times.append(g_time)
    report(cases, args)
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def label(size_mb: float) -> str:
    return f"{size_mb * 1024:.0f} KB" if size_mb < 1 else f"{size_mb:g} MB"


def report(cases: list[Case], args: argparse.Namespace) -> None:
    by_name = {c.name: c for c in cases}
    print(
        f"tmux 120x40, median of {args.runs} launches (Frogmouth: {args.frogmouth_runs}); "
        "first paint: launch to the first article line on screen, imports included; "
        "G: sent at the first paint, to the last line on screen"
    )
    print(f"{'case':<28} {'first paint s':>13} {'G s':>7} {'G at end':>9}")
    for case in cases:
        g = f"{case.g_median():>7.2f}" if case.g_times else f"{'':>7}"
        ended = ""
        if case.last is not None:
            ended = "yes" if all(t != float("inf") for t in case.g_times) else "NO"
        paint = f"{case.median():.2f}" if case.median() < case.timeout else f">{case.timeout:.0f}"
        print(f"{case.name:<28} {paint:>13} {g} {ended:>9}")

    def ratio(top: str, bottom: str, target: str) -> None:
        if top in by_name and bottom in by_name:
            case = by_name[top]
            value = case.median() / by_name[bottom].median()
            at_least = ">= " if case.median() >= case.timeout else ""  # it timed out
            shown = f"{at_least}{value:.2f}x"
            print(f"{top} / {bottom}: {shown}{f'  (target {target})' if target else ''}")

    ratio("reader, seed", "bare Textual app, seed", "<= 1.3x")
    sizes = [s for s in (float(x) for x in args.sizes.split(","))]
    small = label(min(sizes))
    for suffix in (".txt", ".md"):
        for size_mb in sizes:
            if label(size_mb) != small:
                target = "<= 1.5x" if suffix == ".md" and size_mb == 5 else ""
                ratio(f"reader, {suffix} {label(size_mb)}", f"reader, {suffix} {small}", target)
    for size_mb in sizes:
        target = {1.0: ">= 10x", 5.0: ">= 40x"}.get(size_mb, "")
        ratio(f"frogmouth, .md {label(size_mb)}", f"reader, .md {label(size_mb)}", target)
    tried = [c for c in cases if c.last is not None]
    missed = [c.name for c in tried if any(t == float("inf") for t in c.g_times)]
    print(f"G reached the last line: {len(tried) - len(missed)} of {len(tried)} cases")
    for name in missed:
        print(f"  not reached in 60 s: {name}")


if __name__ == "__main__":
    raise SystemExit(main())
