"""`reader [FILE ...]`: open the terminal reader."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.commands.usage import UsageError
from reader.document import Document, DocumentError, load_document, seed_path

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp


def run_app(files: Sequence[str], db: Path, *, create: bool = False) -> int:
    """Load the document (the seed when none is given) and run the app.

    Start-up makes many objects and frees almost none: the cyclic collector is
    paused until the first screen is drawn (``ReaderApp.on_ready`` resumes it).
    """
    import gc

    from reader.ui.settings import config_dir

    gc.disable()
    try:
        app = build_app(files, db, settings_dir=config_dir(), create=create)
    except BaseException:
        gc.enable()
        raise
    app.run()
    return 0


def build_app(
    files: Sequence[str], db: Path, *, settings_dir: Path | None, create: bool = False
) -> ReaderApp:
    """The app on ``files``, as ``reader FILE...`` opens them; raises UsageError.

    A folder, or several files, open the library screen instead. A long file
    opens as a preview (its whole text follows); the analysis always follows.

    A notes file that does not parse is never overwritten: it is backed up and
    the app opens it read-only, saying so and naming the backup. A notes file the
    file system does not let us write opens read-only too, saying why. A notes
    file whose folder does not exist is an error unless ``create``.
    """
    library: list[Path] = []
    doc: Document | None = None
    pending: Path | None = None
    try:
        if len(files) > 1 or any(Path(f).is_dir() for f in files):
            from reader.library import find_documents

            library = find_documents(files)
            if not library:
                where = (
                    f"{files[0]} is a directory with no articles in it"
                    if len(files) == 1
                    else f"no articles in {' '.join(files)}"
                )
                raise DocumentError(f"{where} (looked for .txt, .md and .html files)")
        else:
            path = Path(files[0]) if files else seed_path()
            from reader.ui.preview import preview_document

            preview = preview_document(path)
            if preview is not None:
                doc = preview
                pending = path
            else:
                doc = load_document(path)
    except DocumentError as exc:
        raise UsageError(str(exc)) from None
    from reader.commands.usage import open_store
    from reader.notes.errors import StoreCorruptError
    from reader.notes.store import NoteStore, StoreError

    notice = None
    try:
        store = open_store(db, create)
        if store.read_only:
            notice = f"{store.read_only_reason} — notes are read-only this session"
    except StoreCorruptError as exc:
        notice = f"{exc} — notes are read-only this session"
        store = NoteStore(db, read_only=True)
    except StoreError as exc:
        raise UsageError(str(exc)) from None
    from reader.ui.app import ReaderApp

    title = files[0] if len(files) == 1 else f"{len(files)} paths"
    return ReaderApp(
        doc,
        store,
        library=library,
        library_title=title,
        library_roots=[Path(f) for f in files] if library else [],
        notice=notice,
        settings_dir=settings_dir,
        pending=pending,
    )
