"""The library screen: rows for every document, sort, filter, open, back with o."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Input

from reader.library import find_documents
from reader.notes.store import NoteStore
from reader.ui.app import ReaderApp
from reader.ui.background import settled
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.library_table import LibraryTable

from .conftest import SIZE


@pytest.fixture
def folder(tmp_path: Path, seed_path: Path) -> Path:
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(seed_path, articles / "seed.txt")
    (articles / "alpha.txt").write_text(
        " date 2020-01-05 Alpha trade talks resume\n\n"
        'Trade ministers met. "We will expand bilateral trade," Ada Byron said.\n'
    )
    (articles / "beta.md").write_text("# Beta: oil output\n\nOil extraction rose in March.\n")
    (articles / "notes.bin").write_bytes(b"\x00\x01")  # not an article: not listed
    return articles


def titles(app) -> list[str]:
    table = app.screen.query_one(LibraryTable)
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


async def open_library(folder: Path, db_file: Path) -> ReaderApp:
    return ReaderApp(
        None, NoteStore(db_file), library=find_documents([folder]), library_title="articles"
    )


async def test_library_lists_sorts_filters_opens_and_comes_back(folder, db_file):
    app = await open_library(folder, db_file)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert screen.sort_column == "date"
        got = titles(app)
        assert len(got) == 3
        assert got[0].startswith("Alpha trade talks") and got[1].startswith("Venezuela")
        assert got[2].startswith("Beta")  # no date: last
        await pilot.press("s")  # by title
        assert screen.sort_column == "title"
        assert [t[:4] for t in titles(app)] == ["Alph", "Beta", "Vene"]
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"lavrov")
        assert [t[:4] for t in titles(app)] == ["Vene"]
        await pilot.press("enter")  # back to the table
        assert isinstance(app.focused, LibraryTable)
        await pilot.press("enter")  # open the document
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.doc.title.startswith("Venezuela")
        await pilot.press("j", "j", "a", *"from the library", "ctrl+s")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one(LibraryTable)
        assert str(table.get_row_at(0)[4]) == "1"  # the note count followed
        await pilot.press("escape")
        assert len(titles(app)) == 3


async def test_reopening_from_the_library_restores_the_position(folder, db_file):
    app = await open_library(folder, db_file)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app)
        await pilot.pause()
        while not titles(app)[app.screen.query_one(LibraryTable).cursor_row].startswith("Venez"):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("j", "j", "j", "o")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(ArticleView).cursor == 3


async def test_o_does_nothing_without_a_library(seed_doc, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, ReaderScreen)
        assert "Open the library" not in [n for n, _c, _h in app.screen.palette_commands()]


async def test_leaving_a_document_while_its_analysis_runs_is_quiet(folder, db_file, monkeypatch):
    """`o` before a long article's analysis ends: no error, and the app goes on working."""
    import threading

    from reader import reading
    from reader.analysis.model import Analysis

    (folder / "long.txt").write_text(
        "Long talks\n\n" + "\n\n".join(f"Paragraph {i} on trade and oil." for i in range(2000))
    )
    started, release = threading.Event(), threading.Event()

    def slow_analyze(source) -> Analysis:
        started.set()
        release.wait(10)
        return Analysis()

    monkeypatch.setattr(reading, "analyze", slow_analyze)
    app = await open_library(folder, db_file)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app)
        await pilot.pause()
        while not titles(app)[app.screen.query_one(LibraryTable).cursor_row].startswith("Long"):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert started.wait(5), "the analysis did not start"
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        release.set()
        await settled(app)
        await pilot.pause()
        assert [n.message for n in app._notifications if n.severity == "error"] == []
        while not titles(app)[app.screen.query_one(LibraryTable).cursor_row].startswith("Alpha"):
            await pilot.press("up")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.query_one(ArticleView).render_line(0).text.strip().startswith("Alpha")


def cursor_title(app) -> str:
    table = app.screen.query_one(LibraryTable)
    return str(table.get_row_at(table.cursor_row)[1])


def headers(app) -> list[str]:
    return [str(c.label) for c in app.screen.query_one(LibraryTable).columns.values()]


async def test_vim_keys_move_in_the_table_and_type_in_the_filter(folder, db_file, tmp_path):
    for i in range(30):
        (folder / f"more{i:02}.txt").write_text(f"Talks number {i}\n\nMinisters met again.\n")
    app = await open_library(folder, db_file)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app)
        await pilot.pause()
        await pilot.press("s")  # by title: Alpha, Beta, Talks number 0 … 29, Venezuela…
        table = app.screen.query_one(LibraryTable)
        assert table.cursor_row == 0
        await pilot.press("j", "j")
        assert cursor_title(app).startswith("Talks number 0")
        await pilot.press("k")
        assert cursor_title(app).startswith("Beta")
        await pilot.press("G")
        assert cursor_title(app).startswith("Venezuela")
        await pilot.press("g")
        assert cursor_title(app).startswith("Alpha")
        await pilot.press("ctrl+d")
        half = table.cursor_row
        assert 10 <= half <= 20  # half of the rows on screen (40 lines, less the bars)
        await pilot.press("ctrl+u")
        assert table.cursor_row == 0
        await pilot.press("G", "ctrl+u")
        assert table.cursor_row == table.row_count - 1 - half
        await pilot.press("slash", *"jkgGsS talks 7")
        assert app.screen.query_one(Input).value == "jkgGsS talks 7"
        assert app.screen.sort_column == "title" and not app.screen.sort_reverse


async def test_every_column_shows_at_100_columns_titles_cut_first(folder, db_file):
    app = await open_library(folder, db_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(app)
        await pilot.pause()
        table = app.screen.query_one(LibraryTable)
        assert table.virtual_size.width <= table.size.width  # nothing off-screen
        assert [h.split()[0] for h in headers(app)] == [
            "Date", "Title", "Speakers", "Sectors", "Notes",
        ]  # fmt: skip
        narrow = next(t for t in titles(app) if t.startswith("Venezuela"))
        assert narrow.endswith("…") and len(narrow) < 40
        speakers = [str(table.get_row_at(i)[2]) for i in range(table.row_count)]
        assert "Sergei Lavrov, Yvan Gil…" in speakers  # shortened, not dropped
        await pilot.resize_terminal(160, 30)
        await pilot.pause()
        wide = next(t for t in titles(app) if t.startswith("Venezuela"))
        assert len(wide) > len(narrow) + 40  # wider: the title takes the room


async def test_the_sort_shows_reverses_and_is_remembered(folder, db_file, tmp_path):
    settings = tmp_path / "config"
    library = find_documents([folder])
    app = ReaderApp(None, NoteStore(db_file), library=library, settings_dir=settings)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app)
        await pilot.pause()
        assert headers(app)[0] == "Date ▲" and headers(app)[1] == "Title"
        await pilot.press("s")
        assert headers(app)[:2] == ["Date", "Title ▲"]
        assert [t[:4] for t in titles(app)] == ["Alph", "Beta", "Vene"]
        await pilot.press("S")
        assert headers(app)[1] == "Title ▼"
        assert [t[:4] for t in titles(app)] == ["Vene", "Beta", "Alph"]
        assert "sorted by title ▼" in str(app.screen.query_one("#library-status").render())
        await pilot.click(LibraryTable, offset=(1, 0))  # the Date header: by date, oldest first
        await pilot.pause()
        assert headers(app)[0] == "Date ▲"
        assert [t[:4] for t in titles(app)] == ["Alph", "Vene", "Beta"]  # undated last
        await pilot.click(LibraryTable, offset=(1, 0))  # again: reversed, undated still last
        await pilot.pause()
        assert headers(app)[0] == "Date ▼"
        assert [t[:4] for t in titles(app)] == ["Vene", "Alph", "Beta"]
        await pilot.press("s", "s", "S")  # title, speakers, reversed: fewest first
        assert headers(app)[2] == "Speakers ▲"
    keymap = settings / "keymap.toml"
    assert not keymap.exists()  # the sort is kept with the app's state, not the keymap
    again = ReaderApp(None, NoteStore(db_file), library=library, settings_dir=settings)
    async with again.run_test(size=SIZE) as pilot:
        await settled(again)
        await pilot.pause()
        assert again.screen.sort_column == "speakers" and again.screen.sort_reverse
        assert headers(again)[2] == "Speakers ▲"
        assert titles(again)[-1].startswith("Venezuela")  # three speakers: last


async def test_a_damaged_sort_setting_is_ignored(folder, db_file, tmp_path):
    settings = tmp_path / "config"
    settings.mkdir()
    (settings / "settings.json").write_text('{"library_sort": {"column": "[bold]x", "reverse": 1}}')
    library = find_documents([folder])
    app = ReaderApp(None, NoteStore(db_file), library=library, settings_dir=settings)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app)
        await pilot.pause()
        assert app.screen.sort_column == "date" and not app.screen.sort_reverse
