"""What every command shares: the user error, the exit codes and the notes file options.

`reader.cli` imports these; nothing here imports `reader.cli`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from reader.notes.store import NoteStore

PROG = "reader"
DEFAULT_DB = "annotations.json"

EXIT_FAILED = 1
"""A change that failed (the disk is full, an fsync failed, the lock was busy): nothing changed."""
EXIT_USAGE = 2
"""Bad input, or a change refused (a read-only or missing notes file): nothing changed."""
EXIT_NOT_PRINTED = 3
"""The change was made and is on disk, but its result could not be printed."""


class UsageError(Exception):
    """A user error: printed as one line, exit code 2."""


def db_path(explicit: str | None) -> Path:
    """The notes file: --db, else $READER_DB, else ./annotations.json."""
    return Path(explicit or os.environ.get("READER_DB") or DEFAULT_DB)


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """The ``--db PATH`` and ``--create`` options naming the notes file (for ``--help``)."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=f"notes file (default: $READER_DB or ./{DEFAULT_DB})",
    )
    parser.add_argument(
        "--create",
        action="store_true",
        help="make the notes file's folder when it does not exist (else an error)",
    )


def open_store(path: Path, create: bool) -> NoteStore:
    """The notes file at ``path``; UsageError when its folder is missing (without ``create``).

    Other StoreErrors (a corrupt or unreadable file) are the caller's to handle.
    """
    from reader.notes.errors import StoreFolderMissingError
    from reader.notes.store import NoteStore

    try:
        return NoteStore(path, create=create)
    except StoreFolderMissingError as exc:
        raise UsageError(f"{exc}; nothing was created (--create makes it)") from None


def take_db_option(argv: Sequence[str]) -> tuple[str | None, bool, list[str]]:
    """``--db PATH`` (or ``--db=PATH``) and ``--create`` taken out of ``argv``, and the rest.

    ``--db`` names the notes file of the whole command line, so it may come before
    the command (``reader --db X notes list``) or after it (``reader notes list --db
    X``); so may ``--create``. Arguments after ``--`` are left alone; the last
    ``--db`` wins.
    """
    db: str | None = None
    create = False
    rest: list[str] = []
    args = iter(argv)
    for arg in args:
        if arg == "--":
            rest.append(arg)
            rest.extend(args)
            break
        if arg == "--create":
            create = True
        elif arg == "--db":
            value = next(args, None)
            if value is None or value.startswith("-"):
                raise UsageError("argument --db: expected a PATH (the notes file)")
            db = value
        elif arg.startswith("--db="):
            db = arg.removeprefix("--db=")
            if not db:
                raise UsageError("argument --db: expected a PATH (the notes file)")
        else:
            rest.append(arg)
    return db, create, rest
