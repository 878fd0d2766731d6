"""Keymap file, remembered theme and the command palette."""

from __future__ import annotations

import io
import os

from rich.console import Console
from textual.command import CommandPalette

from reader.notes.store import NoteStore
from reader.ui.app import ReaderApp, binding_ids
from reader.ui.screens.help import HelpScreen
from reader.ui.settings import load_keymap, load_theme
from reader.ui.widgets.article import ArticleView

from .conftest import SIZE


def plain(renderable) -> str:
    console = Console(width=200, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return console.file.getvalue()


def test_keymap_file_top_level_and_table_entries_and_problems(tmp_path):
    path = tmp_path / "keymap.toml"
    path.write_text(
        '"article.cursor_down" = "v, down"\n'
        '"no.such.binding" = "z"\n'
        '"article.first" = 3\n'
        '[keys]\n"search.open" = ["ctrl+o", "slash"]\n'
    )
    keymap, problems = load_keymap(path, binding_ids())
    assert keymap == {"article.cursor_down": "v,down", "search.open": "ctrl+o,slash"}
    assert len(problems) == 2
    assert any("no.such.binding" in p for p in problems)
    assert any("article.first" in p for p in problems)


def test_a_keymap_that_does_not_parse_is_reported_and_ignored(tmp_path):
    path = tmp_path / "keymap.toml"
    path.write_text("this is = = not toml [")
    keymap, problems = load_keymap(path)
    assert keymap == {}
    assert len(problems) == 1 and "ignored" in problems[0]
    assert load_keymap(tmp_path / "absent.toml") == ({}, [])


async def test_the_keymap_file_remaps_keys_and_help_shows_them(seed_doc, db_file, tmp_path):
    settings = tmp_path / "config"
    settings.mkdir()
    (settings / "keymap.toml").write_text('"article.cursor_down" = "v"\n"bad" = [1]\n')
    app = ReaderApp(seed_doc, NoteStore(db_file), settings_dir=settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        await pilot.press("v", "v")
        assert article.cursor == 2
        await pilot.press("j")  # no longer bound
        assert article.cursor == 2
        assert any("bad" in n.message for n in app._notifications)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = plain(app.screen.table)
        line = next(line for line in text.splitlines() if "Next paragraph" in line)
        assert line.split()[0] == "v"


async def test_the_theme_is_remembered(seed_doc, db_file, tmp_path):
    settings = tmp_path / "config"
    app = ReaderApp(seed_doc, NoteStore(db_file), settings_dir=settings)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "textual-light"
        await pilot.pause()
    assert load_theme(settings) == "textual-light"
    again = ReaderApp(seed_doc, NoteStore(db_file), settings_dir=settings)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"


async def test_the_palette_offers_the_screens_actions(seed_doc, db_file, analysis, tmp_path):
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        names = [name for name, _cb, _help in app.screen.palette_commands()]
        assert "Quotes on/off" in names
        assert "Jump to speaker Yvan Gil" in names
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"jump to speaker yvan")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        article = app.screen.query_one(ArticleView)
        first = min(analysis.speaker("yvan-gil").mentions)
        assert article.cursor == seed_doc.paragraph_at(first.start)
        await pilot.press("ctrl+p", *"quotes on", "enter")  # a key's entry runs its action
        await pilot.pause(0.3)
        assert article.hidden_layers == {"quote"}


async def test_export_from_the_palette_writes_markdown(seed_doc, db_file, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"exported #x", "ctrl+s")
        await pilot.pause()
        app.screen.export_notes("md")
    out = tmp_path / "000_2eaf6975ce8d05c5-notes.md"
    text = out.read_text()
    assert "exported" in text and "Venezuela" in text
    assert os.path.getsize(out) > 0


async def test_a_remapped_key_shows_in_footer_help_palette_hints(seed_doc, db_file, tmp_path):
    from textual.widgets import Static

    from reader.ui.widgets.key_hints import KeyHints

    settings = tmp_path / "config"
    settings.mkdir()
    (settings / "keymap.toml").write_text(
        '"note.add" = "ctrl+n"\n"article.cursor_up" = "i,up"\n"search.open" = "ctrl+o"\n'
        '"notes.undo" = "U"\n"editor.save" = "ctrl+w"\n'
    )
    app = ReaderApp(seed_doc, NoteStore(db_file), settings_dir=settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer = {f"{h.display} {h.description}" for h in app.screen.query_one(KeyHints).hints()}
        assert {"^n Note", "j/i Move", "^o Search"} <= footer
        assert not footer & {"a Note", "j/k Move", "/ Search"}
        empty = str(app.screen.query_one("#notes-empty", Static).render())
        assert "press ctrl+n to add one" in empty
        palette = {name: keys for name, _run, keys in app.screen.palette_commands()}
        assert palette["Search"] == "ctrl+o"
        assert palette["Previous paragraph"] == "i / ↑"
        assert palette[next(n for n in palette if n.startswith("Add a note: on"))] == "ctrl+n"
        await pilot.press("question_mark")
        await pilot.pause()
        lines = plain(app.screen.table).splitlines()
        assert next(line for line in lines if "Add a note: on" in line).split()[0] == "ctrl+n"
        assert next(line for line in lines if "Previous paragraph" in line).split()[:3] == [
            "i",
            "/",
            "↑",
        ]
        await pilot.press("escape", "ctrl+n")
        await pilot.pause()
        subtitle = app.screen.query_one("#editor-dialog").border_subtitle
        assert subtitle.startswith("ctrl+w save · esc cancel")


async def test_keymap_clashes_and_unknown_keys_are_reported_and_the_rest_applied(
    seed_doc, db_file, tmp_path
):
    from textual.widgets import Input

    settings = tmp_path / "config"
    settings.mkdir()
    (settings / "keymap.toml").write_text(
        '"note.add" = "j"\n'  # j is the next paragraph in the article
        '"article.cursor_up" = "i,up"\n'  # free: applied
        '"search.open" = "ctrl+o,frobnicate"\n'  # no such key: the rest applied
        '"article.first" = "?"\n'  # ? is help everywhere
        '"no.such.binding" = "z"\n'
    )
    app = ReaderApp(seed_doc, NoteStore(db_file), settings_dir=settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        told = [n.message for n in app._notifications]
        assert len(told) == 4
        assert all("\n" not in line and "keymap.toml" in line for line in told)
        unknown, j, frob, help_key = told  # the unknown ids first, then the file's order
        assert '"note.add" = "j"' in j and "article.cursor_down" in j and "in the article" in j
        assert '"frobnicate"' in frob
        assert '"article.first" = "?"' in help_key and "app.help" in help_key
        assert "no.such.binding" in unknown
        article = app.screen.query_one(ArticleView)
        await pilot.press("j", "j", "j", "i")
        assert article.cursor == 2  # j still moves down; i moves up
        await pilot.press("ctrl+o")
        assert isinstance(app.focused, Input)
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)  # ? still opens the help
        lines = plain(app.screen.table).splitlines()
        assert next(line for line in lines if "First paragraph" in line).split()[:3] == [
            "g",
            "/",
            "Home",
        ]


def test_a_swap_of_keys_is_no_clash_and_the_first_of_two_claims_wins():
    from reader.ui.app import focus_chains
    from reader.ui.keymap import check_keymap

    swapped = {"article.cursor_down": "a", "note.add": "j"}
    keymap, problems = check_keymap(swapped, focus_chains(), "k.toml")
    # j moves off the article's cursor, but the side pane still moves on j.
    assert keymap == {"article.cursor_down": "a"}
    assert len(problems) == 1 and "legend.down" in problems[0] and "side pane" in problems[0]
    both = {"note.add": "v", "note.add_document": "v,V"}
    keymap, problems = check_keymap(both, focus_chains(), "k.toml")
    assert keymap == {"note.add": "v", "note.add_document": "V"}
    assert len(problems) == 1 and '"note.add_document" = "v"' in problems[0]
    typed = {"editor.save": "ctrl+s,s"}  # the editor's keys act before the text is typed
    keymap, problems = check_keymap(typed, focus_chains(), "k.toml")
    assert keymap == {"editor.save": "ctrl+s"}
    assert len(problems) == 1 and "typed in the note editor" in problems[0]
