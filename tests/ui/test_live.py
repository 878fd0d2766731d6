"""The app keeps up with other processes: notes added to its notes file elsewhere appear
(the highlighted note staying highlighted); the article's file changed on disk is read
again, its notes anchored again, the cursor kept on the same words."""

from __future__ import annotations

import shutil
import time

from reader.document import document_from_text, load_document
from reader.notes.store import NoteStore
from reader.reading import carry_offset
from reader.ui.app import ReaderApp
from reader.ui.background import settled
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.notes_pane import NotesPane
from tests.conftest import SEED, run_reader

from .conftest import SIZE, note_on

ARTICLE = "\n\n".join(
    [
        "Wheat prices rose sharply on Monday, traders in Chicago said.",
        "The ministry of agriculture said that exports would be cut by a tenth.",
        "Shipping lines reported longer waits at the ports of the Black Sea.",
        "Analysts expect the central bank to hold its rate at the next meeting.",
        "Fertiliser makers warned of higher gas costs through the winter months.",
        "The finance minister said the budget would include support for farmers.",
    ]
)


async def _until(pilot, condition, timeout: float = 2.0) -> float:
    """Seconds until ``condition()`` holds; AssertionError after ``timeout``."""
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < timeout, "not within the time allowed"
        await pilot.pause(0.05)
    return time.monotonic() - start


async def test_a_note_added_by_another_process_appears_and_the_highlight_stays(tmp_path):
    doc_path = tmp_path / "seed.txt"
    shutil.copy(SEED, doc_path)
    doc = load_document(doc_path)
    db = tmp_path / "notes.json"
    store = NoteStore(db)
    for paragraph, body in ((2, "first"), (5, "second")):
        store.add(note_on(doc, paragraph, body))
    app = ReaderApp(doc, store)
    async with app.run_test(size=SIZE) as pilot:
        pane = app.screen.query_one(NotesPane)
        pane.note_list.focus()
        await pilot.press("j")  # the second note is highlighted
        assert pane.current is not None and pane.current.note.body == "second"
        added = run_reader(
            "notes", "add", "--db", str(db), "--doc", str(doc_path),
            "--paragraph", "1", "--body", "from another shell",
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
        await _until(pilot, lambda: len(pane.placed) == 3)
        assert "from another shell" in {p.note.body for p in pane.placed}
        assert pane.current is not None and pane.current.note.body == "second"
        assert pane.border_title == "Notes (3)"
        # A note deleted elsewhere goes as well.
        removed = run_reader("notes", "rm", "--db", str(db), added.stdout.strip())
        assert removed.returncode == 0, removed.stderr
        await _until(pilot, lambda: len(pane.placed) == 2)
        assert pane.current is not None and pane.current.note.body == "second"


async def test_an_article_edited_on_disk_is_read_again_at_the_same_words(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(ARTICLE + "\n")
    doc = load_document(path)
    store = NoteStore(tmp_path / "notes.json")
    store.add(note_on(doc, 4, "gas costs"))
    app = ReaderApp(doc, store)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app)
        await pilot.press("j", "j", "j")  # the cursor on "Analysts expect…"
        article = app.screen.query_one(ArticleView)
        assert article.cursor == 3
        # An edit elsewhere: two paragraphs before it, a word changed in it.
        edited = "\n\n".join(
            [
                "UPDATE 1: adds the minister's comments.",
                "Markets opened lower across Europe.",
                ARTICLE.replace("Analysts expect", "Most analysts expect"),
            ]
        )
        path.write_text(edited + "\n")
        await _until(pilot, lambda: app.screen.doc.text.startswith("UPDATE 1"))
        await settled(app)
        await pilot.pause()
        new = app.screen.doc
        assert app.screen.reading.analysis is not None  # analysed again
        here = new.paragraphs[article.cursor].text(new.text)
        assert here.startswith("Most analysts expect"), here
        [placed] = app.screen.query_one(NotesPane).placed
        assert placed.paragraph == 6 and placed.span is not None
        assert placed.span.text(new.text).startswith("Fertiliser makers")


async def test_an_article_a_wire_feed_appends_to_shows_the_new_paragraph(tmp_path):
    path = tmp_path / "feed.txt"
    path.write_text(ARTICLE + "\n")
    app = ReaderApp(load_document(path), NoteStore(tmp_path / "notes.json"))
    async with app.run_test(size=SIZE) as pilot:
        await settled(app)
        await pilot.press("j")
        with path.open("a") as feed:
            feed.write("\nLATEST: the ministry confirmed the cut in a statement.\n")
        await _until(pilot, lambda: "LATEST" in app.screen.doc.text)
        article = app.screen.query_one(ArticleView)
        assert article.cursor == 1 and len(app.screen.doc.paragraphs) == 7


async def test_an_article_that_becomes_unreadable_stays_as_it_was(tmp_path):
    path = tmp_path / "gone.txt"
    path.write_text(ARTICLE + "\n")
    app = ReaderApp(load_document(path), NoteStore(tmp_path / "notes.json"))
    async with app.run_test(size=SIZE) as pilot:
        await settled(app)
        path.write_bytes(b"")  # emptied: an empty file is no article
        shown = app._notifications
        await _until(pilot, lambda: any("cannot be read again" in n.message for n in shown))
        assert app.screen.doc.text.startswith("Wheat prices")


def test_the_cursor_is_carried_to_the_same_words():
    old = document_from_text(ARTICLE, "a.txt")
    offset = old.paragraphs[3].start
    appended = document_from_text(ARTICLE + "\n\nMore.", "a.txt")
    assert carry_offset(old, appended, offset) == offset
    edited = document_from_text(
        "Intro.\n\n" + ARTICLE.replace("Analysts", "Most analysts"), "a.txt"
    )
    assert edited.text[carry_offset(old, edited, offset) :].startswith("analysts expect")
    gone = document_from_text("Nothing of it is left.", "a.txt")
    assert carry_offset(old, gone, offset) == len(gone.text)
