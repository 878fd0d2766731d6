"""`reader notes ...`: list, add, edit, remove, search, export and import notes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import orjson

from reader.cli import UsageError, db_path
from reader.notes.errors import StoreError, StoreWriteError
from reader.notes.model import Note
from reader.notes.store import NoteStore


def _db_parent() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument(
        "--db", metavar="PATH", help="notes file (default: $READER_DB or ./annotations.json)"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    return p


def parser() -> argparse.ArgumentParser:
    common = _db_parent()
    p = argparse.ArgumentParser(prog="reader notes", description="Notes anchored to articles.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)
    ls = sub.add_parser("list", parents=[common], help="list notes")
    ls.add_argument("--doc", metavar="FILE", help="only the notes on this document")
    return p


def line(note: Note) -> str:
    quote = note.target.exact if note.target else "(whole document)"
    quote = " ".join(quote.split())
    if len(quote) > 60:
        quote = quote[:59] + "…"
    body = " ".join(note.body.split())
    tags = " ".join(f"#{t}" for t in note.tags)
    return "\t".join([note.id, note.document, f'"{quote}"', body + (f" {tags}" if tags else "")])


def main(argv: Sequence[str]) -> int:
    args = parser().parse_args(argv)
    try:
        store = NoteStore(db_path(args.db))
        notes = store.all()
        if args.doc:
            from reader.document import DocumentError, load_document

            try:
                doc = load_document(args.doc)
            except DocumentError as exc:
                raise UsageError(str(exc)) from None
            notes = store.notes_for(doc.path, doc.sha256)
        if args.json:
            sys.stdout.buffer.write(
                orjson.dumps([n.to_dict() for n in notes], option=orjson.OPT_INDENT_2) + b"\n"
            )
        else:
            for n in notes:
                print(line(n))
    except StoreWriteError as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return 1
    except StoreError as exc:
        raise UsageError(str(exc)) from None
    return 0
