"""`reader analyze FILE [--json]`, `reader analyze DIR|FILE… --jsonl`: the analysis.

One file: as JSON (``reader.analysis/1``) or a readable report. A folder or
several files with ``--jsonl``: one ``reader.analysis/1`` object per line, in
the order of the files (sorted within a folder), analysed in worker processes
(``--jobs``). That line is a pure function of the file's text: the unit a
batch engine runs per partition over an archive larger than one machine.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.analysis import analyze
from reader.analysis.contract import dumps
from reader.commands.usage import UsageError
from reader.document import DocumentError, load_document
from reader.untrusted import clean_line


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reader analyze",
        description="Show who speaks, what they said and which economic sectors come up.",
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="the article to analyse (with --jsonl: articles or folders of them)",
    )
    out = p.add_mutually_exclusive_group()
    out.add_argument(
        "--json",
        action="store_true",
        help="print the machine-readable analysis (schema reader.analysis/1)",
    )
    out.add_argument(
        "--jsonl",
        action="store_true",
        help="one reader.analysis/1 object per line for every article given or found in "
        "the folders, in order",
    )
    p.add_argument(
        "--jobs",
        "-j",
        type=int,
        metavar="N",
        help="with --jsonl: worker processes (default: all cores)",
    )
    return p


def main(argv: Sequence[str]) -> int:
    args = parser().parse_args(argv)
    if args.jsonl:
        return _jsonl(args.files, args.jobs)
    if len(args.files) > 1:
        raise UsageError("several files: use --jsonl (one object per line)")
    if Path(args.files[0]).is_dir():
        raise UsageError(f"{args.files[0]} is a directory: use --jsonl (one object per line)")
    try:
        doc = load_document(args.files[0])
    except DocumentError as exc:
        raise UsageError(str(exc)) from None
    result = analyze(doc)
    if args.json:
        sys.stdout.write(dumps(doc, result) + "\n")
        return 0
    from reader.commands.report import print_report

    print_report(doc, result)
    return 0


def line_of(path: str) -> tuple[str, str]:
    """The JSON line of the file at ``path``, or ``("", why)`` when it cannot be analysed.

    Run in worker processes: a module-level function of a path.
    """
    from reader.analysis.contract import dumps_line

    try:
        doc = load_document(path)
        return dumps_line(doc, analyze(doc)), ""
    except DocumentError as exc:
        return "", str(exc)
    except Exception as exc:  # one file never stops the rest
        return "", f"the analysis of {path} failed ({type(exc).__name__}: {exc})"


def _jsonl(files: Sequence[str], jobs: int | None) -> int:
    """Exit 0 when every file was analysed; 1 when some were not (each named on stderr)."""
    import gc

    gc.enable()  # `reader analyze` pauses it for one file; many files make garbage to free
    from reader.library import find_documents
    from reader.library.workers import default_jobs, in_order

    if jobs is not None and jobs < 1:
        raise UsageError("argument --jobs: expected a number of processes, 1 or more")
    try:
        paths = [str(p) for p in find_documents(files)]
    except DocumentError as exc:
        raise UsageError(str(exc)) from None
    failed = 0
    out = sys.stdout
    for line, problem in in_order(line_of, paths, jobs or default_jobs(), preload=[__name__]):
        if problem:
            failed += 1
            print(f"reader: {clean_line(problem)}", file=sys.stderr)
        else:
            out.write(line + "\n")
    out.flush()
    return 1 if failed else 0
