"""`reader [FILE ...]`: open the terminal reader."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reader.cli import UsageError
from reader.document import DocumentError, load_document, seed_path


def run_app(files: Sequence[str], db: Path) -> int:
    """Load the document (the seed when none is given) and run the app."""
    try:
        path = files[0] if files else str(seed_path())
        doc = load_document(path)
    except DocumentError as exc:
        raise UsageError(str(exc)) from None
    from reader.notes.store import NoteStore, StoreError

    try:
        store = NoteStore(db)
    except StoreError as exc:
        raise UsageError(str(exc)) from None
    from reader.ui.app import ReaderApp

    ReaderApp(doc, store).run()
    return 0
