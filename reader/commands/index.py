"""`reader index DIR`: build or refresh the library's index without opening the app."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from reader.commands.usage import UsageError, db_path
from reader.document import DocumentError
from reader.untrusted import clean_line

if TYPE_CHECKING:
    from reader.library.build import Progress
    from reader.notes.store import NoteStore


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reader index",
        description="Build or refresh the index of a library: every document's analysis, "
        "its speakers across documents, full-text search. Only new or changed files are "
        "analysed again; files gone are dropped.",
    )
    p.add_argument("paths", nargs="+", metavar="DIR", help="a folder of articles (or files)")
    p.add_argument(
        "--jobs",
        "-j",
        type=int,
        metavar="N",
        help="worker processes (default: all cores)",
    )
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "--beside",
        action="store_true",
        help="keep the index in the folder itself (.reader-index.sqlite3) rather than in "
        "the user's cache directory; the app then uses it",
    )
    where.add_argument("--index", metavar="FILE", help="the index file to build")
    p.add_argument(
        "--verbose", "-v", action="store_true", help="name each file analysed and dropped"
    )
    return p


def main(argv: Sequence[str], db: str | None) -> int:
    """Exit 0 when every file is indexed, 1 when some could not be (each is named)."""
    args = parser().parse_args(argv)
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("argument --jobs: expected a number of processes, 1 or more")
    from reader.library import find_documents
    from reader.library.build import build_index
    from reader.library.index import LibraryIndexError, beside_index_path, open_index

    try:
        paths = find_documents(args.paths)
    except DocumentError as exc:
        raise UsageError(str(exc)) from None
    if not paths:
        raise UsageError(f"no articles in {' '.join(args.paths)} (looked for .txt, .md, .html)")
    where = args.index
    if args.beside:
        if len(args.paths) != 1 or not Path(args.paths[0]).is_dir():
            raise UsageError("--beside: give one folder")
        where = beside_index_path(args.paths[0])
    try:
        index = open_index(args.paths, where)
    except LibraryIndexError as exc:
        raise UsageError(str(exc)) from None
    err = sys.stderr
    if index.notice:
        print(f"reader: {clean_line(index.notice)}", file=err)
    with index, _progress_bar(len(paths)) as progress:
        report = build_index(
            index, [str(p) for p in paths], jobs=args.jobs, progress=progress, store=_store(db)
        )
    if report.notice and report.notice != index.notice:
        print(f"reader: {clean_line(report.notice)}", file=err)
    if args.verbose:
        for key in report.analysed:
            print(f"analysed {clean_line(key)}")
        for key in report.removed:
            print(f"dropped {clean_line(key)}")
    for key, reason in report.failed:  # the reason names the file, as it was given, or not
        said = reason if Path(key).name in reason else f"{key}: {reason}"
        print(f"reader: not indexed: {clean_line(said)}", file=err)
    done = len(report.analysed)
    rate = f", {done / report.seconds:.0f} documents/s" if done and report.seconds else ""
    print(
        f"{report.total} documents: {done} analysed, {report.kept + report.touched} unchanged, "
        f"{len(report.removed)} dropped, {len(report.failed)} failed "
        f"({report.seconds:.1f} s{rate}) — index {clean_line(str(index.path))}"
    )
    return 1 if report.failed else 0


def _store(db: str | None) -> NoteStore | None:
    """The notes file, read only, when there is one: its notes are copied into the index."""
    path = db_path(db)
    if not path.exists():
        return None
    from reader.notes.store import NoteStore

    store = NoteStore(path, read_only=True)
    if store.problem:
        print(f"reader: notes not indexed: {clean_line(store.problem)}", file=sys.stderr)
        return None
    return store


def _progress_bar(total: int) -> AbstractContextManager[Progress | None]:
    """A Rich progress bar on stderr when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        return nullcontext(None)
    return _RichProgress(total)


class _RichProgress(AbstractContextManager["Progress | None"]):
    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(
            TextColumn("indexing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.task = self.bar.add_task("indexing", total=None)

    def __enter__(self) -> Callable[[int, int, object], None]:
        self.bar.start()

        def advance(done: int, todo: int, _result: object) -> None:
            self.bar.update(self.task, completed=done, total=todo)

        return advance

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()
