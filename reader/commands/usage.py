"""What every command shares: the user error and the notes file option.

`reader.cli` imports these; nothing here imports `reader.cli`.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

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
