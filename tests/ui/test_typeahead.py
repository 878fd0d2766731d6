"""Keys typed in one burst (a fast typist, a paste, a busy moment) reach what they open.

Each test posts a whole burst to the app at once, as the terminal delivers it,
then waits (bounded) for the outcome; ``tests/test_real_terminal.py`` sends
the same bursts through tmux.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from reader.identity import DocumentId
from reader.notes.store import NoteStore
from reader.ui.app import ReaderApp
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.note_editor import NoteEditor
from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.library_table import LibraryTable
from reader.ui.widgets.notes_pane import NoteList, NotesPane

from .conftest import SIZE, note_on

NAMES = {"/": "slash", "\r": "enter", " ": "space", "#": "number_sign", "?": "question_mark"}


def burst(app: ReaderApp, *keys: str) -> None:
    """Post every key at once: a one-character string is typed, a longer one is a key name."""
    for key in keys:
        if len(key) == 1:
            app.post_message(events.Key(NAMES.get(key, key), key))
        else:
            app.post_message(events.Key(key, None))


def typed(text: str) -> list[str]:
    return list(text)


async def until(pilot: Pilot, done: Callable[[], bool], timeout: float = 5.0) -> None:
    """Wait for ``done()``; the test fails after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < deadline, "not reached in time"
        await pilot.pause(0.02)


async def test_a_note_typed_in_a_burst_after_a_is_saved_exactly(seed_doc, store, db_file):
    app = ReaderApp(seed_doc, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        burst(app, "a", *typed("jk half hj lk? / n N ]"), "ctrl+s")
        ident = DocumentId.of(seed_doc)
        await until(pilot, lambda: bool(NoteStore(db_file).notes_for(ident)))
        notes = NoteStore(db_file).notes_for(ident)
        assert [n.body for n in notes] == ["jk half hj lk? / n N ]"]  # not a key for the article
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert app.screen.query_one(ArticleView).cursor == 0  # j and k moved nothing
        assert notes[0].target is not None
        assert notes[0].target.exact == seed_doc.paragraphs[0].text(seed_doc.text)  # h/l: text


async def test_shift_tab_then_a_opens_the_editor_on_the_speaker_with_an_empty_body(
    seed_doc, store, analysis
):
    app = ReaderApp(seed_doc, store, analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        burst(app, "shift+tab", "a", *typed("on him"))
        # On the stack first, composed a moment later: wait for its body.
        await until(pilot, lambda: isinstance(app.screen, NoteEditor) and app.screen.is_mounted)
        area = app.screen.query_one(TextArea)
        await until(pilot, lambda: area.text == "on him")
        await pilot.pause(0.1)
        assert area.text == "on him"  # never the "a" that opened it
        assert "Sergei Lavrov" in app.screen.heading  # the side pane had the focus first


async def test_keys_after_A_go_into_the_document_note(seed_doc, store, db_file):
    app = ReaderApp(seed_doc, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        burst(app, "j", "A", *typed("whole thing"), "ctrl+s", "j")
        await until(pilot, lambda: bool(NoteStore(db_file).all()))
        (note,) = NoteStore(db_file).all()
        assert note.body == "whole thing" and note.target is None
        article = app.screen.query_one(ArticleView)
        await until(pilot, lambda: article.cursor == 2)  # j before and j after the editor


async def test_e_in_the_notes_pane_types_into_the_note_being_edited(seed_doc, db_file):
    NoteStore(db_file).add(note_on(seed_doc, 3, "first"))
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.set_focus(app.screen.query_one(NoteList))
        await pilot.pause()
        burst(app, "e", *typed(" and more"), "ctrl+s")
        await until(pilot, lambda: NoteStore(db_file).all()[0].body == "first and more")


async def test_the_notes_filter_and_a_search_take_every_key_of_a_burst(seed_doc, db_file):
    NoteStore(db_file).add(note_on(seed_doc, 3, "about trade"))
    NoteStore(db_file).add(note_on(seed_doc, 5, "about oil"))
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(NotesPane)
        app.screen.set_focus(pane.note_list)
        await pilot.pause()
        burst(app, "/", *typed("oil"), "enter", "tab", "/", *typed("cooperation"), "enter")
        await until(pilot, lambda: app.screen.reading.search.query == "cooperation")
        assert pane.query_one("#notes-filter", Input).value == "oil"
        assert [p.note.body for p in pane.filtered] == ["about oil"]
        await until(pilot, lambda: app.focused is app.screen.query_one(ArticleView))


async def test_a_paste_after_slash_is_the_query(seed_doc, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.post_message(events.Key("slash", "/"))
        app.post_message(events.Paste("cooperation"))
        app.post_message(events.Key("enter", None))
        await until(pilot, lambda: app.screen.reading.search.index == 0)
        assert app.screen.reading.search.query == "cooperation"


async def test_the_library_filter_takes_the_keys_typed_after_slash(tmp_path: Path, seed_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(seed_path, folder / "seed.txt")
    (folder / "beta.md").write_text("# Beta: oil output\n\nOil extraction rose in March.\n")
    app = ReaderApp(
        None, NoteStore(tmp_path / "n.json"), library=sorted(folder.iterdir()), library_title="x"
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        burst(app, "/", *typed("beta"), "enter")
        box = app.screen.query_one("#library-filter", Input)
        table = app.screen.query_one(LibraryTable)
        # enter: back to the table, with the filter applied
        await until(pilot, lambda: app.focused is table and app.screen.query_text == "beta")
        assert box.value == "beta" and app.screen.query_text == "beta"
        assert table.row_count == 1
