"""What every command shares: the user error and the notes file option.

`reader.cli` imports these; nothing here imports `reader.cli`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

PROG = "reader"
DEFAULT_DB = "annotations.json"


class UsageError(Exception):
    """A user error: printed as one line, exit code 2."""


def db_path(explicit: str | None) -> Path:
    """The notes file: --db, else $READER_DB, else ./annotations.json."""
    return Path(explicit or os.environ.get("READER_DB") or DEFAULT_DB)


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """The ``--db PATH`` option naming the notes file."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=f"notes file (default: $READER_DB or ./{DEFAULT_DB})",
    )


def take_db_option(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """``--db PATH`` (or ``--db=PATH``) taken out of ``argv`` wherever it stands, and the rest.

    ``--db`` names the notes file of the whole command line, so it may come before
    the command (``reader --db X notes list``) or after it (``reader notes list --db
    X``). Arguments after ``--`` are left alone; the last ``--db`` wins.
    """
    db: str | None = None
    rest: list[str] = []
    args = iter(argv)
    for arg in args:
        if arg == "--":
            rest.append(arg)
            rest.extend(args)
            break
        if arg == "--db":
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
    return db, rest
