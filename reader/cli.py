"""Command line: open the reader (default), `analyze`, `index`, `brief`, `notes ...`, `serve`.

`reader analyze`, `reader index` and `reader notes` never import Textual, so they start fast
and run in scripts. Every user error is one line on stderr and exit code 2.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reader import __version__
from reader.commands.usage import PROG, UsageError, add_db_option, db_path, take_db_option
from reader.untrusted import clean_line

if TYPE_CHECKING:
    import argparse


def _app_parser() -> argparse.ArgumentParser:
    import argparse

    p = argparse.ArgumentParser(
        prog=PROG,
        description="Read news about states, economies and trade: who speaks, which "
        "sectors come up, and notes anchored to the text.",
        epilog="Other commands: 'reader analyze FILE [--json]', 'reader analyze DIR --jsonl', "
        "'reader index DIR', 'reader brief DIR --speaker NAME', 'reader notes ...'. "
        "Run 'reader COMMAND --help' for each.",
    )
    p.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="article(s) or a folder of them (default: the bundled seed article)",
    )
    add_db_option(p)
    p.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return p


def _run_app(argv: Sequence[str], db: str | None, create: bool) -> int:
    from reader.commands.app import run_app

    if not argv:  # `reader` alone, the seed: nothing to parse (argparse loads slowly)
        return run_app([], db_path(db), create=create)
    args = _app_parser().parse_args(argv)
    return run_app(args.files, db_path(db or args.db), create=create)


def _analyze(argv: Sequence[str], db: str | None, create: bool) -> int:
    """`reader analyze`: it reads no notes, so a ``--db`` or ``--create`` given changes nothing."""
    # One analysis, then the process ends: what it builds (the modules, word lists and
    # lexicon) lives until then, so the cyclic collector has nothing to free. Paused,
    # and all of it frozen at the end so the interpreter's last collections skip it.
    enabled = gc.isenabled()
    gc.disable()
    try:
        from reader.commands.analyze import main as analyze_main

        return analyze_main(argv)
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _index(argv: Sequence[str], db: str | None, create: bool) -> int:
    from reader.commands.index import main as index_main

    return index_main(argv, db)


def _brief(argv: Sequence[str], db: str | None, create: bool) -> int:
    from reader.commands.brief import main as brief_main

    return brief_main(argv, db)


def _notes(argv: Sequence[str], db: str | None, create: bool) -> int:
    from reader.commands.notes import main as notes_main

    return notes_main(argv, db, create=create)


def _serve(argv: Sequence[str], db: str | None, create: bool) -> int:
    from reader.commands.serve import main as serve_main

    return serve_main(argv, db)


COMMANDS: dict[str, Callable[[Sequence[str], str | None, bool], int]] = {
    "analyze": _analyze,
    "brief": _brief,
    "index": _index,
    "notes": _notes,
    "serve": _serve,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `reader` script and `python -m reader`."""
    try:
        # A global option may stand anywhere: before the command or among its own.
        db, create, args = take_db_option(sys.argv[1:] if argv is None else argv)
        command = COMMANDS.get(args[0]) if args else None
        if command is not None:
            return command(args[1:], db, create)
        return _run_app(args, db, create)
    except UsageError as exc:
        print(f"{PROG}: {clean_line(str(exc))}", file=sys.stderr)  # it may quote a path
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: not an error worth a traceback.
        sys.stderr.close()
        return 0
