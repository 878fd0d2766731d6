"""`reader [FILE ...]`: open the terminal reader."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reader.cli import UsageError
from reader.document import DocumentError, load_document, seed_path


def run_app(files: Sequence[str], db: Path) -> int:
    """Load the document (the seed when none is given) and run the app.

    A notes file that does not parse is never overwritten: it is backed up and
    the app opens it read-only, saying so and naming the backup.
    """
    try:
        path = files[0] if files else str(seed_path())
        doc = load_document(path)
    except DocumentError as exc:
        raise UsageError(str(exc)) from None
    from reader.notes.errors import StoreCorruptError
    from reader.notes.store import NoteStore, StoreError

    notice = None
    try:
        store = NoteStore(db)
    except StoreCorruptError as exc:
        notice = f"{exc} — notes are read-only this session"
        store = NoteStore(db, read_only=True)
    except StoreError as exc:
        raise UsageError(str(exc)) from None
    from reader.ui.app import ReaderApp
    from reader.ui.settings import config_dir

    ReaderApp(doc, store, notice=notice, settings_dir=config_dir()).run()
    return 0
