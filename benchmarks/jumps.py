"""How fast ``G`` and a search reach the end of a 20 MB file, in a real terminal, against less.

Builds a document of ``--size`` MB (default 20) the way ``open.py`` does, with
one unique word in its last tenth and a last line of its own. Then, for
``reader BIG`` and for ``less BIG``, each in its own tmux server at 120x40:

- G: sends ``G`` the moment the first line shows, and times until the file's
  last line is on screen;
- search: sends ``/WORD`` and enter the moment the first line shows, and
  times until the line holding the word is on screen (the reader searches
  the whole file, so this waits for it to be read);
- search, read: the same once the reader says the whole file is read
  ("analysing…" on its border), while its layout may still be built.

Prints each time (the median of ``--runs``), the reader's against less's,
and the ratio. Needs tmux.

Usage: python benchmarks/jumps.py [--size 20] [--runs 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from open import MB, build
from tmux import Tmux

FIRST = "The question was common"
LAST = "END OF THE BENCHMARK FILE"
WORD = "Zanzibarology"
READ = "analysing…"


def make_file(size_mb: float, folder: Path) -> Path:
    path = build(int(size_mb * MB), folder)
    text = path.read_text(encoding="utf-8")
    cut = text.rfind("\n\n", 0, int(len(text) * 0.95))
    text = f"{text[:cut]}\n\nA note on {WORD} in passing.{text[cut:].rstrip()}\n\n{LAST}\n"
    path.write_text(text, encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=float, default=20.0, help="file size in MB")
    parser.add_argument("--runs", type=int, default=3, help="runs of each, the median is shown")
    parser.add_argument("--keep", metavar="DIR", help="write the file here and keep it")
    args = parser.parse_args()
    if shutil.which("tmux") is None or shutil.which("less") is None:
        print("needs tmux and less", file=sys.stderr)
        return 2
    folder = Path(args.keep or tempfile.mkdtemp(prefix="reader-jumps-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = make_file(args.size, folder)
    env = (
        f"env READER_DB={shlex.quote(str(folder / 'notes.json'))} "
        f"XDG_CONFIG_HOME={shlex.quote(str(folder / 'config'))} TERM=xterm-256color"
    )
    quoted = shlex.quote(str(path))
    programs = {
        "reader": f"{env} {shlex.quote(sys.executable)} -m reader {quoted}",
        "less": f"{env} LESSHISTFILE=- less {quoted}",
    }
    search = [["/"], ["-l", WORD], ["Enter"]]
    cases = {
        "G": ([["G"]], LAST, FIRST),
        "/WORD": (search, f"A note on {WORD}", FIRST),
        "/WORD, read": (search, f"A note on {WORD}", READ),
    }
    print(f"{path.stat().st_size / MB:.1f} MB, 120x40, keys sent at the first line")
    print(f"{'keys':<16} {'reader s':>9} {'less s':>9} {'ratio':>7}")
    print("(less reads lazily; its times are the same in both search rows)")
    for name, (sequence, target, ready) in cases.items():
        times = {}
        for program, command in programs.items():
            when = ready if program == "reader" else FIRST
            runs = [run_keys(command, sequence, target, when) for _ in range(args.runs)]
            times[program] = statistics.median(runs)
        ratio = times["reader"] / max(times["less"], 1e-3)
        print(f"{name:<16} {times['reader']:>9.3f} {times['less']:>9.3f} {ratio:>6.1f}x")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def run_keys(command: str, sequence: list[list[str]], target: str, ready: str) -> float:
    """Seconds from the keys (sent the moment ``ready`` shows) until ``target`` shows."""
    with Tmux(command) as session:
        if session.wait_for(ready) == float("inf"):
            raise RuntimeError(f"{command!r} never showed {ready!r}")
        for keys in sequence:
            session.keys(*keys)
        return session.wait_for(target, timeout=60)


if __name__ == "__main__":
    raise SystemExit(main())
