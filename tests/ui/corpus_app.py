"""The app on the generated library of ``tests/corpus_library.py``, its index built."""

from __future__ import annotations

from pathlib import Path

from reader.document import load_document
from reader.library import find_documents
from reader.notes.model import Note
from reader.notes.store import NoteStore
from reader.ui.app import ReaderApp
from reader.ui.background import settled
from tests.corpus_library import write_corpus

from .conftest import note_on

STAMP = "2024-01-02T03:04:05Z"


def corpus_app(folder: Path, db_file: Path) -> ReaderApp:
    write_corpus(folder)
    return ReaderApp(
        None,
        NoteStore(db_file),
        library=find_documents([folder]),
        library_title="corpus",
        library_roots=[folder],
    )


def add_notes(folder: Path, db_file: Path) -> list[Note]:
    """Three notes: on alpha's quote (#energy), on gamma's last paragraph (#follow-up
    #telecom), on delta's headline (no tag, a body with markup in it)."""
    store = NoteStore(db_file)
    made = [
        note_on(load_document(folder / "alpha.txt"), 2, "Oil and gas first", id="n1",
                tags=("energy",), created=STAMP),
        note_on(load_document(folder / "gamma.txt"), 3, "Ask who blocked it", id="n2",
                tags=("follow-up", "telecom"), created="2024-02-03T00:00:00Z"),
        note_on(load_document(folder / "delta.md"), 0, "Harvest [bold]record[/bold]", id="n3",
                created="2024-03-04T00:00:00Z"),
    ]  # fmt: skip
    for note in made:
        store.add(note)
    return made


async def ready(pilot) -> None:
    """Every background job done (the index built, a screen's index opened) and drawn."""
    await settled(pilot.app)
    await pilot.pause()
    await settled(pilot.app)
    await pilot.pause()


def cursor_span(screen) -> tuple[int, int]:
    """The reading screen's cursor paragraph as offsets."""
    para = screen.doc.paragraphs[screen.article.cursor]
    return para.start, para.end
