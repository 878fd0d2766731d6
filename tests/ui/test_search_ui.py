"""The search box: regular expressions, smart case, its history, wrapping, a bad pattern."""

from __future__ import annotations

from reader.notes.store import NoteStore
from reader.search import find_all
from reader.ui.app import ReaderApp
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.search_box import SearchBox

from .conftest import SIZE, status


def messages(app: ReaderApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_query_that_starts_with_a_slash_is_a_regular_expression(seed_doc, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *r"/\becon\w+ (problems|and)", "enter")
        await pilot.pause()
        found = app.screen.reading.search.matches
        words = [s.text(seed_doc.text) for s in found]
        assert words == ["economic problems", "economic problems", "economic and"]
        article = app.screen.query_one(ArticleView)
        assert article.cursor == seed_doc.paragraph_at(found[0].start)


async def test_smart_case_an_uppercase_letter_makes_the_search_exact(seed_doc, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"russia", "enter")
        await pilot.pause()
        any_case = len(app.screen.reading.search.matches)
        assert any_case == len(find_all(seed_doc.text.lower(), "russia"))
        await pilot.press("slash", "ctrl+u", *"RUSSIA", "enter")  # ctrl+u: clear the box
        await pilot.pause()
        assert app.screen.reading.search.query == "RUSSIA"
        assert len(app.screen.reading.search.matches) == seed_doc.text.count("RUSSIA") < any_case


async def test_up_and_down_in_the_box_bring_back_earlier_searches(seed_doc, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        for query in ("oil", "trade"):
            await pilot.press("slash", "ctrl+u", *query, "enter")
        await pilot.press("slash", "ctrl+u", *"gas")
        box = app.screen.query_one(SearchBox)
        await pilot.press("up")
        assert box.value == "trade"
        assert app.screen.reading.search.query == "trade"  # searched as it shows
        await pilot.press("up")
        assert box.value == "oil"
        await pilot.press("up")
        assert box.value == "oil"  # the oldest stays
        await pilot.press("down", "down")
        assert box.value == "gas"  # back to what was being typed
        await pilot.press("up", "enter")
        await pilot.pause()
        assert app.screen.reading.search.query == "trade" and app.search_history.entries == [
            "oil",
            "trade",
        ]


async def test_n_past_the_last_match_says_the_search_wrapped(seed_doc, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"cooperation", "enter")
        await pilot.pause()
        count = len(app.screen.reading.search.matches)
        assert f"1/{count} matches" in status(app)
        await pilot.press(*["n"] * (count - 1))
        await pilot.pause()
        assert f"{count}/{count} matches" in status(app)
        assert not any("wrapped" in m for m in messages(app))
        await pilot.press("n")
        await pilot.pause()
        assert f"1/{count} matches" in status(app)
        assert "Search wrapped: on from the top" in messages(app)
        await pilot.press("N")
        await pilot.pause()
        assert f"{count}/{count} matches" in status(app)
        assert "Search wrapped: on from the bottom" in messages(app)


async def test_an_invalid_pattern_is_a_message_not_a_traceback(seed_doc, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"/(oil")
        await pilot.pause()
        assert "not a regular expression “/(oil”" in status(app)  # said while it is typed
        assert messages(app) == []
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.reading.search.matches == []
        (message,) = messages(app)
        assert message.startswith("“/(oil” is not a regular expression: missing )")
        await pilot.press("slash", "end", ")", "enter")  # fixed: the box kept the query
        await pilot.pause()
        assert app.screen.reading.search.query == "/(oil)"
        assert len(app.screen.reading.search.matches) == seed_doc.text.lower().count("oil")
