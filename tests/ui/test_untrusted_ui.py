"""Control sequences in notes, keymaps, titles and file names never reach the app's screen."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from textual import events
from textual.widget import Widget

from reader.document import Document, load_document
from reader.library import find_documents
from reader.notes.store import NoteStore
from reader.ui.app import ReaderApp
from reader.ui.background import settled
from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.library_table import LibraryTable
from reader.ui.widgets.notes_pane import NotesPane
from reader.ui.widgets.title_bar import TitleBar
from tests.hostile import (
    CLEAN_BODY,
    CLEAN_TAG,
    HOSTILE_BODY,
    HOSTILE_TAG,
    OSC_TITLE,
    RLO,
    SGR_RED,
    controls_in,
)
from tests.hostile import make_notes_hostile as make_hostile

from .conftest import SIZE, note_on


def rendered(widget: Widget) -> str:
    """What ``widget`` and its visible children put on the screen, line by line."""
    lines = []
    for each in (widget, *widget.query("*")):
        if each.display and each.size.height:
            lines += [each.render_line(y).text for y in range(each.size.height)]
    return "\n".join(lines)


async def test_the_notes_pane_shows_a_hostile_note_without_control_characters(
    seed_doc: Document, db_file: Path, analysis
):
    NoteStore(db_file).add(note_on(seed_doc, 1, "placeholder"))
    make_hostile(db_file)  # as an older reader could have stored it
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")  # the cursor on the note's paragraph: its preview shows
        await pilot.pause()
        pane = app.screen.query_one(NotesPane)
        assert pane.has_class("-preview")
        shown = rendered(pane)
        assert controls_in(shown) == []
        flat = " ".join(shown.split())
        assert "Sanctions [31mRED]0;PWNED" in flat and f"#{CLEAN_TAG}" in flat
        assert f"Here: {CLEAN_BODY}" in flat


async def test_the_help_shows_a_hostile_keymap_entry_cleaned(seed_doc, db_file, analysis, tmp_path):
    settings = tmp_path / "config"
    settings.mkdir()
    (settings / "keymap.toml").write_text(
        '"article.cursor_down" = "j,\\u001b[31mx\\u001b]0;PWNED\\u0007\\u202e"\n'
    )
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis, settings_dir=settings)
    async with app.run_test(size=SIZE) as pilot:
        # No terminal sends such a key: it is told, cleaned, and left out; j stays.
        told = [n.message for n in app._notifications]
        assert len(told) == 1 and controls_in(told[0]) == []
        assert "[31mx]0;PWNED" in told[0] and "left out" in told[0]
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = rendered(app.screen)
        assert controls_in(shown) == []
        assert "PWNED" not in shown
        assert re.search(r"(?m)^\s*j\s+article\.cursor_down\s+Next paragraph", shown)


async def test_the_library_and_title_bar_show_hostile_names_cleaned(seed_path, db_file, tmp_path):
    folder = tmp_path / f"folder{RLO}"
    folder.mkdir()
    article = folder / f"seed{SGR_RED}{RLO}.txt"
    shutil.copy(seed_path, article)
    (folder / f"empty{OSC_TITLE}.txt").write_text("  \n")
    app = ReaderApp(
        None, NoteStore(db_file), library=find_documents([folder]), library_title=folder.name
    )
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settled(app)
        await pilot.pause()
        table = app.screen.query_one(LibraryTable)
        assert table.row_count == 2
        shown = rendered(app.screen)
        assert controls_in(shown) == []
        assert "library — folder" in shown and "empty]0;PWNED.txt" in shown
        assert "Venezuela's current economic problems" in shown
        names = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        table.move_cursor(row=next(i for i, n in enumerate(names) if n.startswith("empty")))
        await pilot.press("enter")  # the empty file cannot open: a notification names it
        await pilot.pause()
        toasts = rendered(app.screen.query_one("ToastRack"))
        assert "is empty" in toasts and controls_in(toasts) == []
    app = ReaderApp(load_document(article), NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = rendered(app.screen.query_one(TitleBar))
        assert controls_in(bar) == [] and "seed[31m.txt" in bar


async def test_a_note_pasted_with_control_characters_is_saved_clean(seed_doc, db_file, analysis):
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "a")
        app.post_message(events.Paste(HOSTILE_BODY))  # as a terminal sends a paste
        await pilot.pause()
        app.screen.query_one("#editor-tags").focus()
        app.post_message(events.Paste(HOSTILE_TAG))
        await pilot.pause()
        shown = rendered(app.screen)  # the editor, while the note is written
        assert controls_in(shown) == [] and "Sanctions [31mRED" in shown and CLEAN_TAG in shown
        await pilot.press("ctrl+s")
        await pilot.pause()
    [note] = NoteStore(db_file).all()
    assert note.body == CLEAN_BODY and note.tags == (CLEAN_TAG,)
    stored = db_file.read_text(encoding="utf-8")
    assert "\\u001b" not in stored and controls_in(stored) == []


async def test_a_paste_into_the_search_box_shows_clean(seed_doc, db_file, analysis):
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        app.post_message(events.Paste(f"Lavrov{SGR_RED}{RLO}{OSC_TITLE}"))
        await pilot.pause()
        shown = rendered(app.screen)
        assert controls_in(shown) == [] and "Lavrov[31m]0;PWNED" in shown
