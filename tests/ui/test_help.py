"""The help (`?`): every key with the id a keymap remaps it by; it scrolls like a pager."""

from __future__ import annotations

from textual.containers import VerticalScroll

from reader.notes.store import NoteStore
from reader.ui.app import ReaderApp, all_bindings
from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.key_hints import KeyHints

from .conftest import SIZE
from .test_settings import plain


async def test_help_shows_each_bindings_id_beside_its_keys(seed_doc, db_file, tmp_path):
    settings = tmp_path / "config"
    settings.mkdir()
    (settings / "keymap.toml").write_text('"article.cursor_down" = "v,down"\n')
    app = ReaderApp(seed_doc, NoteStore(db_file), settings_dir=settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        lines = plain(app.screen.table).splitlines()
        row = next(line for line in lines if "Next paragraph" in line).split()
        assert row[:4] == ["v", "/", "↓", "article.cursor_down"]
        shown = {word for line in lines for word in line.split()}
        for binding_id in ("note.add", "search.open", "notes.edit", "editor.save", "help.close"):
            assert binding_id in shown and binding_id in all_bindings()
        hint = str(app.screen.query_one("#help-hint").render())
        assert str(settings / "keymap.toml") in hint


async def test_help_scrolls_with_pager_keys_and_shows_its_own_footer(seed_doc, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        dialog = app.screen.query_one("#help-dialog", VerticalScroll)
        assert dialog.max_scroll_y > 20  # more keys than lines
        footer = {f"{h.display} {h.description}" for h in app.screen.query_one(KeyHints).hints()}
        assert {"j/k Scroll", "space Page", "esc Close"} <= footer
        assert "a Note" not in footer  # the reading screen's keys do not act here
        await pilot.press("j", "j", "j")
        assert dialog.scroll_y == 3
        await pilot.press("k")
        assert dialog.scroll_y == 2
        await pilot.press("space")
        page = dialog.scroll_y
        assert page > 10
        await pilot.press("b")
        assert dialog.scroll_y == 2
        await pilot.press("G")
        assert dialog.scroll_y == dialog.max_scroll_y
        await pilot.press("g")
        assert dialog.scroll_y == 0
        await pilot.press("q")  # closes the help, does not quit
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen) and app.is_running


async def test_help_in_the_library_lists_its_keys_and_ids(tmp_path, seed_path, db_file):
    from reader.library import find_documents

    app = ReaderApp(None, NoteStore(db_file), library=find_documents([seed_path]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        lines = plain(app.screen.table).splitlines()
        for keys, binding_id in (("j / ↓", "library.cursor_down"), ("S", "library.reverse")):
            assert any(line.startswith(keys) and binding_id in line for line in lines)
