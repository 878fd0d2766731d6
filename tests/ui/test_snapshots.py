"""SVG snapshots of the screens at 120x40, 80x24 and 60x20 (fixed analysis, fixed note,
no blinking)."""

from __future__ import annotations

from reader.identity import document_path
from reader.notes.model import Note, Target
from reader.notes.store import NoteStore
from reader.ui.app import ReaderApp
from reader.ui.background import settled

from .conftest import SIZE, note_on

STAMP = "2024-01-02T03:04:05Z"


def _note_on(doc, paragraph: int, body: str, note_id: str, tags=()) -> Note:
    return note_on(doc, paragraph, body, id=note_id, tags=tuple(tags), created=STAMP)


def test_main_screen(snap_compare, seed_doc, analysis, db_file):
    store = NoteStore(db_file)
    store.add(
        _note_on(seed_doc, 3, "Check the commission resolutions #follow-up", "a1", ["follow-up"])
    )
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)

    async def settle(pilot) -> None:
        await pilot.press("j", "j")
        await settled(pilot.app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def _orphan(doc) -> Note:
    gone = "A sentence an earlier version of the article had."
    return Note(
        id="o1",
        document=str(document_path(doc.path)),
        sha256="0" * 64,
        body="Its paragraph was rewritten",
        target=Target(exact=gone, prefix="", suffix="", start=5, end=5 + len(gone)),
        created=STAMP,
    )


def test_notes_pane_with_notes(snap_compare, seed_doc, analysis, db_file):
    store = NoteStore(db_file)
    store.add(_note_on(seed_doc, 1, "Resilience: the framing of the day", "n1", ["framing"]))
    store.add(_note_on(seed_doc, 3, "Check the commission resolutions #follow-up", "n2"))
    store.add(_note_on(seed_doc, 7, "Which oil and gas projects?", "n3", ["energy"]))
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)

    async def settle(pilot) -> None:
        await pilot.press("j", "j", "j", "tab")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_notes_pane_with_an_orphan(snap_compare, seed_doc, analysis, db_file):
    store = NoteStore(db_file)
    store.add(_note_on(seed_doc, 3, "Check the commission resolutions", "n2"))
    store.add(_orphan(seed_doc))
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)

    async def settle(pilot) -> None:
        await pilot.press("tab", "down")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_note_editor(snap_compare, seed_doc, analysis, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)

    async def settle(pilot) -> None:
        await pilot.press("j", "j", "a", *"Compare with the 2019 statement #sanctions")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_library(snap_compare, tmp_path, seed_path, db_file):
    """At 100 columns every column shows, the titles cut first; the notes sort is ▼."""
    import shutil

    from reader.document import load_document
    from reader.library import find_documents

    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(seed_path, folder / "seed.txt")
    (folder / "alpha.txt").write_text(
        " date 2020-01-05 Alpha trade talks resume\n\nTrade ministers met in Geneva.\n"
    )
    (folder / "beta.md").write_text("# Beta: oil output\n\nOil extraction rose in March.\n")
    NoteStore(db_file).add(_note_on(load_document(folder / "seed.txt"), 3, "Check", "n1"))
    app = ReaderApp(
        None, NoteStore(db_file), library=find_documents([folder]), library_title="articles"
    )

    async def settle(pilot) -> None:
        await settled(pilot.app)
        await pilot.pause()
        await pilot.press("s", "s", "s", "s")  # date, title, speakers, sectors: notes
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 30), run_before=settle)


def test_search_in_progress(snap_compare, seed_doc, analysis, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)

    async def settle(pilot) -> None:
        await pilot.press("slash", *"cooperation", "enter", "n", "slash")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_help_screen(snap_compare, seed_doc, analysis, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)
    assert snap_compare(app, terminal_size=SIZE, press=["question_mark"])


def test_light_theme(snap_compare, seed_doc, analysis, db_file):
    store = NoteStore(db_file)
    store.add(_note_on(seed_doc, 3, "Check the commission resolutions #follow-up", "a1"))
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)

    async def settle(pilot) -> None:
        pilot.app.theme = "textual-light"
        await pilot.press("j", "j")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def _main_screen(seed_doc, analysis, db_file) -> ReaderApp:
    store = NoteStore(db_file)
    store.add(
        _note_on(seed_doc, 3, "Check the commission resolutions #follow-up", "a1", ["follow-up"])
    )
    return ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)


def test_main_screen_80x24(snap_compare, seed_doc, analysis, db_file):
    """The side panes folded away: the article has the whole width."""
    app = _main_screen(seed_doc, analysis, db_file)

    async def settle(pilot) -> None:
        await pilot.press("j", "j")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_main_screen_60x20(snap_compare, seed_doc, analysis, db_file):
    app = _main_screen(seed_doc, analysis, db_file)

    async def settle(pilot) -> None:
        await pilot.press("j", "j")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(60, 20), run_before=settle)


def test_side_pane_over_the_article_at_60x20(snap_compare, seed_doc, analysis, db_file):
    """``shift+tab`` from the article: the speakers and sectors over its left edge."""
    app = _main_screen(seed_doc, analysis, db_file)

    async def settle(pilot) -> None:
        await pilot.press("shift+tab")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(60, 20), run_before=settle)


def test_light_theme_at_80x24(snap_compare, seed_doc, analysis, db_file):
    app = _main_screen(seed_doc, analysis, db_file)

    async def settle(pilot) -> None:
        pilot.app.theme = "textual-light"
        await pilot.press("j", "j", "j")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)
