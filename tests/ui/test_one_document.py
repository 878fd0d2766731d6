"""A note from the command line and one from the app are notes on ONE document."""

from __future__ import annotations

import shutil

import orjson

from reader.document import load_document, seed_path
from reader.notes.store import NoteStore
from reader.ui.app import ReaderApp
from reader.ui.widgets.notes_pane import NotesPane
from tests.conftest import REPO, SEED, run_reader

from .conftest import SIZE


async def test_cli_and_app_notes_share_one_document(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    article = news / "a.txt"
    shutil.copyfile(SEED, article)
    db = tmp_path / "annotations.json"
    # The command line, run in news/, with the path as typed there.
    run = run_reader(
        "notes", "add", "--doc", "a.txt", "--quote", "de-dollarization", "--body", "from the shell",
        "--db", str(db), cwd=news,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    # The app, given the absolute path.
    app = ReaderApp(load_document(article.resolve()), NoteStore(db))
    async with app.run_test(size=SIZE) as pilot:
        pane = app.screen.query_one(NotesPane)
        assert [p.note.body for p in pane.placed] == ["from the shell"]
        await pilot.press("j", "a")
        await pilot.press(*"from the app")
        await pilot.press("ctrl+s")
        await pilot.pause()
        pane = app.screen.query_one(NotesPane)
        assert sorted(p.note.body for p in pane.placed) == ["from the app", "from the shell"]
        assert pane.border_title == "Notes (2)"

    for cwd, doc in ((news, "a.txt"), (tmp_path, str(article)), (tmp_path, "news/./a.txt")):
        run = run_reader("notes", "list", "--doc", doc, "--json", "--db", str(db), cwd=cwd)
        assert run.returncode == 0, run.stderr
        listed = orjson.loads(run.stdout)
        assert sorted(n["body"] for n in listed) == ["from the app", "from the shell"]
        assert {n["document"] for n in listed} == {"news/a.txt"}
    md = run_reader("notes", "export", "--format", "md", "--db", str(db), cwd=news).stdout
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert len(headings) == 1 and headings[0].endswith("(`news/a.txt`)")
    assert "> de-dollarization" in md and "from the app" in md


async def test_the_seed_opens_with_the_three_example_notes():
    """`reader` with no file in a clean clone: the seed and the notes of annotations.json."""
    store = NoteStore(REPO / "annotations.json", read_only=True)  # nothing written to the repo
    app = ReaderApp(load_document(seed_path()), store)
    async with app.run_test(size=SIZE):
        pane = app.screen.query_one(NotesPane)
        assert pane.border_title.startswith("Notes (3)")
        assert [p.status for p in pane.placed] == ["anchored"] * 3
