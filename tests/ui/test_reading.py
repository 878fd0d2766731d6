"""Reading keys beyond moving: search, mention jumps, layer toggles, position restore."""

from __future__ import annotations

from textual.widgets import Input

from reader.document import document_from_text
from reader.notes.store import NoteStore
from reader.search import find_all, next_index
from reader.ui.app import ReaderApp
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.legend import Legend

from .conftest import SIZE, status


def test_find_all_is_literal_and_ignores_case():
    text = "Oil, oil and OIL; a.b is not aXb"
    assert [(s.start, s.end) for s in find_all(text, "oil")] == [(0, 3), (5, 8), (13, 16)]
    assert [s.text(text) for s in find_all(text, "a.b")] == ["a.b"]
    assert find_all(text, "") == []
    spans = find_all(text, "oil")
    assert next_index(spans, 0, 1) == 1
    assert next_index(spans, 13, 1) is None
    assert next_index(spans, 5, -1) == 0


async def test_slash_searches_n_and_N_walk_the_matches_escape_clears(seed_doc, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"cooperation")
        expected = find_all(seed_doc.text, "cooperation")
        assert len(expected) >= 4
        assert app.screen.reading.search.matches == expected
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is article
        paras = [seed_doc.paragraph_at(m.start) for m in expected]
        assert article.cursor == paras[0]
        assert f"1/{len(expected)} matches “cooperation”" in status(app)
        await pilot.press("n")
        assert app.screen.reading.search.index == 1 and article.cursor == paras[1]
        assert article.current == expected[1]  # drawn reversed
        y = article.text_layout.line_of(expected[1].start) - int(article.scroll_y)
        assert any(seg.style and seg.style.reverse for seg in article.render_line(y))
        await pilot.press("n", "N", "N")
        assert app.screen.reading.search.index == 0
        await pilot.press("N")  # wraps to the last
        assert app.screen.reading.search.index == len(expected) - 1 and article.cursor == paras[-1]
        # the matches are drawn with the search style
        y = article.text_layout.line_of(expected[-1].start) - int(article.scroll_y)
        strip = article.render_line(y)
        search_bg = article.get_component_rich_style("article-view--search").bgcolor
        assert any(seg.style and seg.style.bgcolor == search_bg for seg in strip)
        await pilot.press("escape")
        assert app.screen.reading.search.matches == [] and "matches" not in status(app)
        assert article.current is None


async def test_a_match_deep_in_a_long_paragraph_is_scrolled_into_view(db_file):
    words = " ".join(f"word{i}" for i in range(3000))
    doc = document_from_text(f"Long\n\nIntro.\n\n{words} the oil price {words}", path="l.txt")
    app = ReaderApp(doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        await pilot.press("slash", *"oil", "enter")
        await pilot.pause()
        line = article.text_layout.line_of(doc.text.index("oil price"))
        assert line > article.size.height  # far below the paragraph's first line
        assert article.scroll_y <= line < article.scroll_y + article.size.height
        await pilot.press("N")  # the only match: going back stays there, in view
        await pilot.pause()
        assert article.scroll_y <= line < article.scroll_y + article.size.height


async def test_search_from_the_cursor_and_a_query_with_no_match(seed_doc, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        await pilot.press("G", "g", "j", "j", "j", "j", "j", "slash", *"oil", "enter")
        await pilot.pause()
        assert article.cursor == seed_doc.paragraph_at(seed_doc.text.index("oil extraction"))
        await pilot.press("slash", *"[bold]zzz", "enter")
        await pilot.pause()
        assert app.screen.reading.search.matches == []
        assert "0 matches “[bold]zzz”" in status(app)


async def test_brackets_walk_every_mention_of_the_selected_speaker(seed_doc, db_file, analysis):
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        legend = app.screen.query_one(Legend)
        legend.focus()
        await pilot.press("down")  # Yvan Gil
        article.focus()
        mentions = sorted(analysis.speaker("yvan-gil").mentions)
        visited = []
        for _ in mentions:
            await pilot.press("right_square_bracket")
            visited.append(app.screen.query_one(ArticleView).current.start)
        assert visited == [m.start for m in mentions]
        assert article.current == mentions[-1]
        assert article.cursor == seed_doc.paragraph_at(mentions[-1].start)
        await pilot.press("left_square_bracket")
        assert article.current == mentions[-2]


async def test_brackets_with_nothing_selected_walk_every_highlight(seed_doc, db_file, analysis):
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.legend.highlighted = None
        await pilot.pause()
        assert app.screen.legend.selected_key is None
        lists = [s.mentions for s in analysis.speakers] + [x.mentions for x in analysis.sectors]
        starts = sorted({m.start for spans in lists for m in spans})
        visited = []
        for _ in range(8):
            await pilot.press("right_square_bracket")
            visited.append(app.screen.query_one(ArticleView).current.start)
        assert visited == starts[:8]


async def test_s_quote_x_toggle_speaker_quote_and_sector_highlighting(seed_doc, db_file, analysis):
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        y = article.text_layout.first_line[2]  # the first direct quote: bar in the gutter
        assert article.render_line(y).text[1] == "▌"
        await pilot.press("quotation_mark")
        assert article.hidden_layers == {"quote"}
        assert article.render_line(y).text[1] == " "
        await pilot.press("s", "x")
        assert article.hidden_layers == {"quote", "speaker", "sector"}
        assert "hidden: quote, sector, speaker" in status(app)
        await pilot.press("s", "quotation_mark", "x")
        assert article.hidden_layers == set()
        assert article.render_line(y).text[1] == "▌"


async def test_the_reading_position_is_restored_on_reopen(seed_doc, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "j", "j", "j", "j")
        await pilot.press("q")
    assert NoteStore(db_file).position(seed_doc.sha256) == seed_doc.paragraphs[6].start
    again = ReaderApp(seed_doc, NoteStore(db_file))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.screen.query_one(ArticleView).cursor == 6
        assert status(again).startswith("¶7/10")


async def test_resizing_rewraps_and_keeps_the_cursor_paragraph_on_screen(seed_doc, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        await pilot.press(*["j"] * 8)
        wide_lines = len(article.text_layout)
        await pilot.resize_terminal(110, 24)  # still three panes: a narrower article
        await pilot.pause()
        assert len(article.text_layout) > wide_lines
        assert article.cursor == 8
        first = article.text_layout.first_line[8]
        assert article.scroll_y <= first < article.scroll_y + article.size.height
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert len(article.text_layout) == wide_lines and article.cursor == 8


async def test_keys_typed_at_once_after_slash_go_into_the_search(seed_doc, db_file):
    """A burst of keys (a fast typist, a paste, a slow moment of the app) is not split."""
    from textual import events

    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for char in "/oil\r":
            key = {"/": "slash", "\r": "enter"}.get(char, char)
            app.post_message(events.Key(key, char))
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        assert app.screen.reading.search.query == "oil"
        assert article.cursor == seed_doc.paragraph_at(seed_doc.text.index("oil"))
        assert app.focused is article


async def test_a_note_typed_in_a_burst_is_on_the_paragraph_the_cursor_reached(seed_doc, db_file):
    """``j j a`` at once: the editor opens on the third paragraph, not the first."""
    from textual import events

    from reader.ui.screens.note_editor import NoteEditor

    app = ReaderApp(seed_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for char in "jja":
            app.post_message(events.Key(char, char))
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert "¶3" in app.screen.heading
