"""`reader brief DIR --speaker NAME | --sector ID`: a Markdown briefing from the library.

The index is brought up to date first (only new or changed files are analysed),
the notes of the notes file copied in, then the briefing written to stdout or ``-o FILE``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reader.commands.usage import UsageError
from reader.document import DocumentError
from reader.untrusted import clean_line


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reader brief",
        description="A Markdown briefing on one speaker or one sector of a library: the "
        "quotes (title, date, a link to the file at the quote's characters), the sector "
        "counts, and your notes on those articles.",
    )
    p.add_argument("paths", nargs="+", metavar="DIR", help="a folder of articles (or files)")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--speaker", metavar="NAME", help="a speaker's name or alias")
    which.add_argument("--sector", metavar="ID", help="a sector's id (energy, trade…) or name")
    p.add_argument(
        "--since", metavar="DATE", help="only articles of this date (YYYY-MM-DD) or later"
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write the Markdown here (default: stdout)"
    )
    p.add_argument("--index", metavar="FILE", help="the index file (default: the library's)")
    return p


def main(argv: Sequence[str], db: str | None) -> int:
    args = parser().parse_args(argv)
    since = _since(args.since)
    from reader.commands.index import _store
    from reader.library import find_documents
    from reader.library.briefing import BriefError, sector_brief, speaker_brief
    from reader.library.build import build_index, sync_notes
    from reader.library.index import LibraryIndexError, open_index

    try:
        paths = find_documents(args.paths)
    except DocumentError as exc:
        raise UsageError(str(exc)) from None
    if not paths:
        raise UsageError(f"no articles in {' '.join(args.paths)} (looked for .txt, .md, .html)")
    try:
        index = open_index(args.paths, args.index)
    except LibraryIndexError as exc:
        raise UsageError(str(exc)) from None
    with index:
        if index.notice:
            print(f"reader: {clean_line(index.notice)}", file=sys.stderr)
        report = build_index(index, [str(p) for p in paths])
        for key, reason in report.failed:
            print(f"reader: not indexed: {clean_line(key)}: {clean_line(reason)}", file=sys.stderr)
        store = _store(db)
        if store is not None:
            sync_notes(index, store)
        root = Path(args.paths[0]).resolve() if len(args.paths) == 1 else None
        if root is not None and not root.is_dir():
            root = root.parent
        try:
            if args.speaker is not None:
                text = speaker_brief(index, args.speaker, since=since, root=root)
            else:
                text = sector_brief(index, args.sector, since=since, root=root)
        except BriefError as exc:
            raise UsageError(str(exc)) from None
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    return 0


def _since(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"argument --since: expected a date YYYY-MM-DD, not {value!r}") from None
