"""SVG snapshots of the screens at 120x40 (fixed analysis, fixed note, no blinking)."""

from __future__ import annotations

from reader.notes.anchoring import describe
from reader.notes.model import Note
from reader.notes.store import NoteStore
from reader.ui.app import ReaderApp
from reader.ui.screens.reader import document_key

from .conftest import SIZE


def _note_on(doc, paragraph: int, body: str, note_id: str, tags=()) -> Note:
    para = doc.paragraphs[paragraph]
    return Note(
        id=note_id,
        document=document_key(doc),
        sha256=doc.sha256,
        body=body,
        tags=tuple(tags),
        target=describe(doc.text, para.start, para.end),
        created="2024-01-02T03:04:05Z",
    )


def test_main_screen(snap_compare, seed_doc, analysis, db_file):
    store = NoteStore(db_file)
    store.add(
        _note_on(seed_doc, 3, "Check the commission resolutions #follow-up", "a1", ["follow-up"])
    )
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)

    async def settle(pilot) -> None:
        await pilot.press("j", "j")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=settle)
