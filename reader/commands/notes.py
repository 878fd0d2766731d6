"""`reader notes ...`: list, add, edit, remove, search, export and import notes.

Every subcommand takes ``--db PATH``, ``--create`` and ``--json``. A user error,
or a change the notes file refuses (it is read-only), is one line and exit code
2; a write that failed (full disk, a failed fsync, the lock busy too long) is
one line saying "could not write …" and exit code 1, and nothing was changed. A
change's result is printed once the change is on disk; when printing it fails,
one line says what was changed, exit code 3. Nothing here imports Textual.

A document is known the one way of :mod:`reader.identity`: ``--doc`` takes any
path to it (from the working folder or absolute), notes name it as the notes
file does.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import orjson

from reader.commands.usage import (
    EXIT_FAILED,
    EXIT_NOT_PRINTED,
    UsageError,
    add_db_option,
    db_path,
    open_store,
)
from reader.document import Document, DocumentError, load_document
from reader.identity import DocumentId
from reader.notes.anchoring import Anchor, anchor, describe
from reader.notes.editor_file import EditorError, edit_body, place_label
from reader.notes.errors import StoreError, StoreReadOnlyError, StoreWriteError
from reader.notes.export import FORMATS, export
from reader.notes.ids import MIN_PREFIX, NoteIdError, resolve_id
from reader.notes.interchange import Library, export_one, export_w3c, read_import
from reader.notes.model import AnchorStatus, Note
from reader.notes.storage import describe_os_error, write_atomically
from reader.notes.store import NoteStore
from reader.notes.tags import normalise_tags, note_tags, tags_not_in_body
from reader.notes.validation import Invalid
from reader.untrusted import clean_line, escape_json
from reader.webpage import web_url

STATUSES = ("anchored", "moved", "orphan")

JSON_FIELDS = """\
with --json, each note is printed as stored (id, document, sha256, body,
target, tags, created, modified) plus where it is in the document now:
  status    anchored (its words are where they were), moved (found elsewhere,
            or edited a little), orphan (its words or its file are gone)
  position  {"start": N, "end": N, "paragraph": N}: code-point offsets in the
            text and the paragraph number (from 1) as the file is now; null for
            an orphan and for a note on the whole document"""


EDITOR_HELP = """\
with --editor, the body opens in $VISUAL (else $EDITOR, else vi) with the note's
quote below it as comment lines; saving it empty changes nothing (exit 0)."""


class _Parser(argparse.ArgumentParser):
    """argparse whose errors are one line (``reader: reader notes add: …``), exit code 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


def parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    add_db_option(common)
    common.add_argument("--json", action="store_true", help="print JSON")
    p = _Parser(prog="reader notes", description="Notes anchored to the words of articles.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    ls = sub.add_parser(
        "list",
        parents=[common],
        help="list notes, one per line",
        epilog=JSON_FIELDS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ls.add_argument("--doc", metavar="FILE", help="only the notes on this document")
    ls.add_argument("--tag", metavar="T", action="append", default=[], help="only with this tag")
    ls.add_argument("--status", choices=STATUSES, help="only notes anchored this way")

    add = sub.add_parser("add", parents=[common], help="add a note; prints its id")
    add.add_argument("--doc", metavar="FILE", required=True, help="the document")
    where = add.add_mutually_exclusive_group()
    where.add_argument("--quote", metavar="TEXT", help="the words the note is on")
    where.add_argument("--start", metavar="N", type=int, help="start offset in the text")
    where.add_argument("--paragraph", metavar="N", type=int, help="paragraph number (from 1)")
    add.add_argument("--end", metavar="N", type=int, help="end offset (with --start)")
    add.add_argument("--body", metavar="TEXT", required=True, help="the note")
    add.add_argument(
        "--url", metavar="URL", help="the document's web address (the source of a W3C export)"
    )
    add.add_argument("--tag", metavar="T", action="append", default=[], help="a tag (repeatable)")

    edit = sub.add_parser(
        "edit",
        parents=[common],
        help="change a note's body or tags",
        description="Change a note's body or tags. ID may be any unique start of the id "
        f"({MIN_PREFIX} characters or more).",
        epilog=EDITOR_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    edit.add_argument("id", metavar="ID")
    body = edit.add_mutually_exclusive_group()
    body.add_argument("--body", metavar="TEXT", help="the new body")
    body.add_argument("--editor", action="store_true", help="write the body in $VISUAL or $EDITOR")
    edit.add_argument(
        "--tag", metavar="T", action="append", default=None, help="the new tags (repeatable)"
    )

    rm = sub.add_parser("rm", parents=[common], help="delete a note")
    rm.add_argument("id", metavar="ID", help="the id, or a unique start of it")

    search = sub.add_parser(
        "search",
        parents=[common],
        help="notes whose text has every word",
        epilog=JSON_FIELDS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    search.add_argument("query", metavar="QUERY")

    exp = sub.add_parser("export", parents=[common], help="export notes")
    exp.add_argument("id", metavar="ID", nargs="?", help="only this note (w3c: one annotation)")
    exp.add_argument("--format", choices=FORMATS, default="md", help="md, json or w3c")
    exp.add_argument("--doc", metavar="FILE", help="only the notes on this document")
    exp.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    exp.add_argument(
        "--page-size",
        metavar="N",
        type=int,
        help="w3c: N annotations a page (the collection and its pages as a JSON array)",
    )

    imp = sub.add_parser(
        "import",
        parents=[common],
        help="import notes (W3C, Hypothesis or json); all or nothing",
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument(
        "--skip-bad", action="store_true", help="import the valid annotations, list the others"
    )
    imp.add_argument(
        "--library",
        metavar="DIR",
        action="append",
        default=[],
        help="documents a URL source may be (found by URL or by quote; repeatable)",
    )
    return p


CHANGES = {
    "add": "the note was not added",
    "edit": "the note was not changed",
    "rm": "the note was not deleted",
    "import": "nothing was imported",
}
"""The commands that change the notes file, and what a refusal leaves undone."""


class ResultNotPrinted(Exception):
    """The change was made (``done`` says which) but printing its result failed."""

    def __init__(self, done: str, reason: str) -> None:
        super().__init__(f"{done}, but its result could not be printed ({reason})")


def main(argv: Sequence[str], db: str | None = None, *, create: bool = False) -> int:
    """Run ``reader notes ARGV``; ``db``, ``create``: the notes file options given before it."""
    args = parser().parse_args(argv)
    try:
        store = open_store(db_path(args.db or db), create or args.create)
        if store.read_only:
            if args.command in CHANGES:
                raise UsageError(f"{store.read_only_reason}: {CHANGES[args.command]}")
            _say(f"{store.read_only_reason}: the notes can be read, not changed")
        return COMMANDS[args.command](store, args)
    except ResultNotPrinted as exc:
        _say(str(exc))
        return EXIT_NOT_PRINTED
    except StoreReadOnlyError as exc:  # made read-only since it was opened
        raise UsageError(str(exc)) from None
    except StoreWriteError as exc:
        _say(str(exc))
        return EXIT_FAILED
    except StoreError as exc:
        raise UsageError(str(exc)) from None
    except BrokenPipeError:
        raise  # the reader of a listing went away: not an error
    except OSError as exc:  # printing a listing or an export failed
        _say(f"could not print the result: {describe_os_error(exc)}")
        return EXIT_FAILED


def _say(line: str) -> None:
    """One line on stderr (it may quote a path)."""
    print(f"reader: {clean_line(line)}", file=sys.stderr)


# -- helpers -----------------------------------------------------------------


def _load(path: str) -> Document:
    try:
        return load_document(path)
    except DocumentError as exc:
        raise UsageError(str(exc)) from None


class Documents:
    """Documents of the notes by name, loaded once each (None when the file is gone)."""

    def __init__(self, store: NoteStore) -> None:
        self.store = store
        self._cache: dict[str, Document | None] = {}

    def get(self, name: str) -> Document | None:
        if name not in self._cache:
            try:
                self._cache[name] = load_document(self.store.path_of(name))
            except DocumentError:
                self._cache[name] = None
        return self._cache[name]

    def remember(self, notes: list[Note], doc: Document) -> None:
        """``doc`` is the document of ``notes`` (found by digest when their file moved)."""
        for note in notes:
            self._cache[note.document] = doc

    def place(self, note: Note) -> tuple[Anchor, int | None]:
        """How the note anchors in its document now, and in which paragraph (from 0).

        A note on the whole document is anchored without a span while its file is there.
        """
        doc = self.get(note.document)
        if doc is None:
            return Anchor("orphan"), None
        if note.target is None:
            return Anchor("anchored"), None
        found = anchor(doc.text, note.target)
        paragraph = doc.paragraph_at(found.start) if found.start is not None else None
        return found, paragraph

    def status(self, note: Note) -> AnchorStatus:
        return self.place(note)[0].status

    def as_json(self, note: Note) -> dict[str, Any]:
        """The note as stored, with its ``status`` and ``position`` now (see JSON_FIELDS)."""
        found, paragraph = self.place(note)
        position = None
        if found.start is not None and found.end is not None and paragraph is not None:
            position = {"start": found.start, "end": found.end, "paragraph": paragraph + 1}
        return {**note.to_dict(), "status": found.status, "position": position}


def _write_out(data: bytes) -> None:
    """UTF-8 bytes to stdout, whatever its encoding (or a text-only stream in tests)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        buffer.write(data)
        buffer.flush()


def _json(data: Any) -> bytes:
    return escape_json(orjson.dumps(data, option=orjson.OPT_INDENT_2)) + b"\n"


def _print_json(data: Any) -> None:
    _write_out(_json(data))


def _report(done: str, data: bytes) -> None:
    """Print the result of a change that is on disk; ResultNotPrinted when that fails.

    ``done`` says what was changed, for the message. What could not be written is
    dropped (stdout then goes to the null device), so the interpreter's last flush
    does not fail again with a traceback.
    """
    try:
        _write_out(data)
    except OSError as exc:
        _drop_stdout()
        raise ResultNotPrinted(done, describe_os_error(exc)) from None


def _drop_stdout() -> None:
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a file (tests): nothing will flush it to one
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)


def _note_result(note: Note, as_json: bool, done: str) -> None:
    """A changed note's result: its id, or the note as JSON."""
    data = _json(note.to_dict()) if as_json else f"{clean_line(note.id)}\n".encode()
    _report(f"note {clean_line(note.id)} {done}", data)


def _one_line(text: str, width: int) -> str:
    text = " ".join(clean_line(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _line(note: Note, status: str) -> str:
    quote = f"“{_one_line(note.target.exact, 50)}”" if note.target else "(whole document)"
    tags = " ".join(f"#{clean_line(t)}" for t in tags_not_in_body(note.tags, note.body))
    body = _one_line(note.body, 80) + (f" {tags}" if tags else "")
    return "  ".join([clean_line(note.id), f"{status:<8}", clean_line(note.document), quote, body])


def _print_notes(notes: list[Note], docs: Documents, as_json: bool) -> None:
    if as_json:
        _print_json([docs.as_json(n) for n in notes])
        return
    for note in notes:
        print(_line(note, docs.status(note)))


def _notes_of(store: NoteStore, docs: Documents, doc_path: str | None) -> list[Note]:
    """All notes, or those on the document at ``doc_path`` (any path to it)."""
    if not doc_path:
        return store.all()
    doc = _load(doc_path)
    notes = store.notes_for(DocumentId.of(doc))
    docs.remember(notes, doc)
    return notes


# -- commands ----------------------------------------------------------------


def cmd_list(store: NoteStore, args: argparse.Namespace) -> int:
    docs = Documents(store)
    notes = _notes_of(store, docs, args.doc)
    wanted = set(normalise_tags(args.tag))
    if wanted:
        notes = [n for n in notes if wanted <= set(n.tags)]
    if args.status:
        notes = [n for n in notes if docs.status(n) == args.status]
    _print_notes(notes, docs, args.json)
    return 0


def _quote_span(doc: Document, quote: str) -> tuple[int, int]:
    """The one place ``quote`` occurs in the text (white space may differ)."""
    words = quote.split()
    if not words:
        raise UsageError("--quote is empty")
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    found = [(m.start(), m.end()) for m in pattern.finditer(doc.text)]
    if not found:
        raise UsageError(f"the quote does not occur in {doc.path}")
    if len(found) > 1:
        where = ", ".join(f"{s}-{e}" for s, e in found[:5])
        raise UsageError(
            f"the quote occurs {len(found)} times in {doc.path} (at {where}); "
            "give a longer one or --start/--end"
        )
    return found[0]


def _body(text: str) -> str:
    """A body given on the command line; one of only white space is refused."""
    if not text.strip():
        raise UsageError("the note's body is empty: give it some text with --body")
    return text


def cmd_add(store: NoteStore, args: argparse.Namespace) -> int:
    body = _body(args.body)
    doc = _load(args.doc)
    if args.quote is not None:
        start, end = _quote_span(doc, args.quote)
    elif args.start is not None:
        if args.end is None:
            raise UsageError("--start needs --end")
        start, end = args.start, args.end
        if not 0 <= start < end <= len(doc.text):
            raise UsageError(
                f"--start/--end must satisfy 0 <= start < end <= {len(doc.text)} "
                f"(the length of {doc.path}'s text)"
            )
    elif args.paragraph is not None:
        if not 1 <= args.paragraph <= len(doc.paragraphs):
            raise UsageError(f"{doc.path} has paragraphs 1 to {len(doc.paragraphs)}")
        span = doc.paragraphs[args.paragraph - 1]
        start, end = span.start, span.end
    else:
        start = end = -1
    if args.end is not None and args.start is None:
        raise UsageError("--end needs --start")
    target = describe(doc.text, start, end) if start >= 0 else None
    url = ""
    if args.url is not None:
        url = web_url(args.url) or ""
        if not url:
            raise UsageError(f"--url must be an http:// or https:// address, not {args.url!r}")
    note = Note(
        document=store.name_of(doc.path),
        sha256=doc.sha256,
        body=body,
        target=target,
        tags=note_tags(args.tag, body),
        source=url,
    )
    note = store.add(note)
    _note_result(note, args.json, f"was added to {store.path}")
    return 0


def _existing(store: NoteStore, given: str) -> Note:
    """The note whose id is ``given``, or the one whose id starts with it (as git's)."""
    notes = store.all()
    try:
        found = resolve_id(given, (n.id for n in notes))
    except NoteIdError as exc:
        raise UsageError(str(exc)) from None
    return next(n for n in notes if n.id == found)


def _edited_body(store: NoteStore, note: Note) -> str | None:
    """The body written for ``note`` in the user's editor; None: saved empty, cancelled."""
    found, paragraph = Documents(store).place(note)
    orphan = found.status == "orphan"
    where = place_label(note.document, paragraph, whole=note.target is None, orphan=orphan)
    quote = note.target.exact if note.target else None
    try:
        return edit_body(note.body, where=where, quote=quote, tags=note.tags)
    except EditorError as exc:
        raise UsageError(str(exc)) from None


def cmd_edit(store: NoteStore, args: argparse.Namespace) -> int:
    if args.body is None and args.tag is None and not args.editor:
        raise UsageError("nothing to change: give --body, --tag or --editor")
    note = _existing(store, args.id)
    if args.editor:
        body = _edited_body(store, note)
        if body is None:
            print("reader: the note was saved empty: nothing changed", file=sys.stderr)
            return 0
    else:
        body = note.body if args.body is None else _body(args.body)
    tags = note_tags(note.tags if args.tag is None else args.tag, body)
    if body != note.body or tags != note.tags:
        note = store.update(note.edited(body=body, tags=tags))
    _note_result(note, args.json, f"was saved in {store.path}")
    return 0


def cmd_rm(store: NoteStore, args: argparse.Namespace) -> int:
    note = store.remove(_existing(store, args.id).id)
    _note_result(note, args.json, f"was deleted from {store.path}")
    return 0


def matches(note: Note, words: list[str]) -> bool:
    """True when every word occurs (case-insensitively) in the body, quote or tags."""
    hay = " ".join([note.body, note.target.exact if note.target else "", *note.tags]).casefold()
    return all(w in hay for w in words)


def cmd_search(store: NoteStore, args: argparse.Namespace) -> int:
    words = [w.casefold().lstrip("#") for w in args.query.split()]
    if not words:
        raise UsageError("the search query is empty")
    notes = [n for n in store.all() if matches(n, words)]
    _print_notes(notes, Documents(store), args.json)
    return 0


def cmd_export(store: NoteStore, args: argparse.Namespace) -> int:
    from reader.commands.creator import user_agent

    docs = Documents(store)
    if args.id is not None:
        if args.doc:
            raise UsageError("give a note ID or --doc, not both")
        notes = [_existing(store, args.id)]
    else:
        notes = _notes_of(store, docs, args.doc)
    if args.page_size is not None and (args.format != "w3c" or args.page_size < 1):
        raise UsageError("--page-size takes a number from 1, with --format w3c")
    if args.format == "w3c":
        library = Library(store)
        if args.id is not None:
            data = export_one(notes[0], library, creator=user_agent())
        else:
            data = export_w3c(notes, library, creator=user_agent(), page_size=args.page_size)
    else:
        titles = {n.document: d.title for n in notes if (d := docs.get(n.document)) is not None}
        data = export(notes, args.format, titles, store.folder)
    if not args.output:
        _write_out(data)
        return 0
    try:
        write_atomically(Path(args.output), data)
    except OSError as exc:
        raise StoreWriteError(f"could not write {args.output}: {describe_os_error(exc)}") from None
    if args.json:
        summary = {"file": args.output, "notes": len(notes), "format": args.format}
        _report(f"{len(notes)} notes were exported to {args.output}", _json(summary))
    return 0


def cmd_import(store: NoteStore, args: argparse.Namespace) -> int:
    """All of the file or nothing: every annotation is checked before the one store write."""
    shown = clean_line(args.file)
    try:
        raw = Path(args.file).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {shown}: {describe_os_error(exc)}") from None
    from reader.library import find_documents

    try:
        library = Library(store, find_documents(args.library))
    except DocumentError as exc:
        raise UsageError(f"--library: {exc}") from None
    try:
        found = read_import(raw, library)
    except Invalid as exc:
        raise UsageError(f"cannot import {shown}: {exc}") from None
    if found.refused and not args.skip_bad:
        more = len(found.refused) - 1
        tail = f" (and {more} more annotations; --skip-bad imports the others)" if more else ""
        raise UsageError(f"cannot import {shown}: {found.refused[0]}{tail}; nothing was imported")
    added = store.add_many(found.notes)
    skipped = [str(p) for p in found.refused] + [str(p) for p in found.skipped_targets]
    there = len(found.notes) - len(added)
    if args.json:
        data = _json(
            {
                "added": [n.id for n in added],
                "skipped": there,  # already there
                "refused": [str(p) for p in found.refused],
                "targets_skipped": [str(p) for p in found.skipped_targets],
            }
        )
    else:
        for line in skipped:
            print(f"reader: skipped {line}", file=sys.stderr)
        data = f"imported {len(added)} notes, {there} already there\n".encode()
    _report(f"{len(added)} notes were imported into {store.path}", data)
    return 0


COMMANDS = {
    "list": cmd_list,
    "add": cmd_add,
    "edit": cmd_edit,
    "rm": cmd_rm,
    "search": cmd_search,
    "export": cmd_export,
    "import": cmd_import,
}
