"""Motions in the article with Pilot: pages and half pages, counts, go to ¶N, the mouse."""

from __future__ import annotations

import pytest
from textual import events

from reader.document import document_from_text
from reader.ui.app import ReaderApp
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.legend import Legend

from .conftest import SIZE, long_doc, status


def uneven_doc():
    """Paragraphs of one to twelve lines: a page ends anywhere in one."""
    sentence = "A sentence about tariffs, grain and the price of oil in the region. "
    body = "\n\n".join(f"¶{i} " + sentence * (1 + (i * 7) % 12 * 2) for i in range(1, 41))
    return document_from_text("Uneven\n\n" + body, path="uneven.txt")


def on_screen(article: ArticleView, paragraph: int) -> bool:
    layout, top, height = article.text_layout, article.scroll_y, article.size.height
    return layout.first_line[paragraph] < top + height and layout.last_line(paragraph) >= top


async def test_page_down_after_j_never_goes_back_on_the_seed(seed_doc, store, analysis):
    app = ReaderApp(seed_doc, store, analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        await pilot.press("g", *"j" * 8)
        assert article.cursor == 8
        await pilot.press("space")
        assert article.cursor >= 8
        assert on_screen(article, article.cursor)
        await pilot.press("space")  # the end of the text: the last paragraph
        assert article.cursor == 9
        await pilot.press("k", "k", "b")
        assert article.cursor <= 7


@pytest.mark.parametrize("make", [uneven_doc, long_doc])
async def test_pages_never_move_the_cursor_against_their_direction(store, make):
    doc = make()
    app = ReaderApp(doc, store)
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        keys = (("space", 1), ("b", -1), ("ctrl+d", 1), ("ctrl+u", -1))
        last = len(doc.paragraphs) - 1
        for start in (0, last // 2, last - 3, last - 1):  # near the end, pages are clamped
            for key, direction in keys:
                for scrolled in ((), ("ctrl+d",)):  # the cursor low on screen, or higher
                    await pilot.press("g", *scrolled)
                    article.move_cursor(start)
                    await pilot.press(key)
                    moved = article.cursor - start
                    assert moved * direction >= 0, (start, key, scrolled, article.cursor)
                    assert on_screen(article, article.cursor)


async def test_space_and_ctrl_f_page_alike_as_b_and_ctrl_b_do(store):
    app = ReaderApp(long_doc(), store)
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        page = article.size.height - 1
        await pilot.press("space")
        by_space = (article.cursor, article.scroll_y)
        assert article.scroll_y == page and article.cursor > 3
        await pilot.press("g", "ctrl+f")
        assert (article.cursor, article.scroll_y) == by_space
        await pilot.press("ctrl+f", "ctrl+b")
        assert (article.cursor, article.scroll_y) == by_space
        await pilot.press("b")
        assert article.scroll_y == 0 and article.cursor == 0


async def test_ctrl_d_and_ctrl_u_move_half_a_page_cursor_and_view_together(store):
    app = ReaderApp(long_doc(), store)
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        half = article.size.height // 2
        layout = article.text_layout
        await pilot.press("j", "j")
        row = layout.first_line[2] - article.scroll_y
        await pilot.press("ctrl+d")
        assert article.scroll_y == half
        assert article.cursor > 2 and on_screen(article, article.cursor)
        # the cursor keeps its place on screen, give or take the paragraph it lands in
        cursor_row = layout.first_line[article.cursor] - article.scroll_y
        assert abs(cursor_row - row) <= 4
        await pilot.press("ctrl+d")
        assert article.scroll_y == 2 * half
        await pilot.press("ctrl+u", "ctrl+u")
        assert article.scroll_y == 0 and article.cursor == 2


async def test_a_count_moves_that_many_paragraphs_and_shows_while_typed(seed_doc, store, analysis):
    app = ReaderApp(seed_doc, store, analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        await pilot.press("5")
        assert article.cursor == 0 and status(app).startswith("5 ¶1/10")
        await pilot.press("j")
        assert article.cursor == 5 and status(app).startswith("¶6/10")
        await pilot.press("3", "k")
        assert article.cursor == 2
        await pilot.press("1", "2", "j")  # two digits: twelve, as far as the text goes
        assert article.cursor == 9
        await pilot.press("g", "5", "j", "3", "k")  # a burst: each count with its motion
        assert article.cursor == 2
        assert article.hidden_layers == set()  # digits are counts, not layer toggles


async def test_escape_drops_a_count_and_another_key_uses_it_up(seed_doc, store, analysis):
    app = ReaderApp(seed_doc, store, analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        await pilot.press("slash", *"oil", "enter")
        await pilot.pause()
        where = article.cursor
        await pilot.press("4", "escape")
        assert status(app).startswith(f"¶{where + 1}/10")
        assert app.screen.reading.search.query == "oil"  # esc dropped the count, not the search
        await pilot.press("j")
        assert article.cursor == where + 1
        await pilot.press("g", "3", "s", "j")  # s toggles a layer and uses the count up
        assert article.hidden_layers == {"speaker"} and article.cursor == 1
        await pilot.press("0", "j")  # 0 starts no count
        assert article.cursor == 2


async def test_counts_before_page_keys_move_that_many_pages(store):
    app = ReaderApp(long_doc(), store)
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        height = article.size.height
        await pilot.press("2", "ctrl+d")
        assert article.scroll_y == 2 * (height // 2)
        await pilot.press("g", "3", "space")
        assert article.scroll_y == 3 * (height - 1)
        await pilot.press("2", "b")
        assert article.scroll_y == height - 1


async def test_a_number_before_G_or_g_goes_to_that_paragraph(seed_doc, store, analysis):
    app = ReaderApp(seed_doc, store, analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        await pilot.press("7", "G")
        assert article.cursor == 6 and status(app).startswith("¶7/10")
        await pilot.press("G")
        assert article.cursor == 9
        await pilot.press("3", "g")
        assert article.cursor == 2
        await pilot.press("g")
        assert article.cursor == 0
        await pilot.press("9", "9", "G")  # beyond the end: the last
        assert article.cursor == 9


async def test_12G_in_a_long_article(store):
    app = ReaderApp(long_doc(), store)
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        await pilot.press("4", "2", "G")
        assert article.cursor == 41 and on_screen(article, 41)
        assert status(app).startswith("¶42/61")


async def test_colon_a_number_and_enter_go_to_that_paragraph(store):
    app = ReaderApp(long_doc(), store)
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        await pilot.press("colon", "1", "2")
        assert status(app).startswith(":12 ¶1/61") and article.cursor == 0
        await pilot.press("enter")
        assert article.cursor == 11 and on_screen(article, 11)
        assert status(app).startswith("¶12/61")
        await pilot.press("colon", "3", "0", "backspace", "enter")
        assert article.cursor == 2
        await pilot.press("colon", "5", "escape", "j")
        assert article.cursor == 3 and status(app).startswith("¶4/61")
        await pilot.press("colon", "5", "q")  # not a number: the prompt closes, q does not quit
        assert app.is_running and article.cursor == 3
        assert any("paragraph" in n.message for n in app._notifications)


async def test_a_click_puts_the_cursor_on_the_paragraph_clicked(seed_doc, store, analysis):
    app = ReaderApp(seed_doc, store, analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        layout = article.text_layout
        y = layout.first_line[4] + 1 - int(article.scroll_y)
        await pilot.click(ArticleView, offset=(10, y))
        assert article.cursor == 4 and status(app).startswith("¶5/10")
        scroll = article.scroll_y
        await pilot.click(ArticleView, offset=(10, layout.first_line[1] - int(article.scroll_y)))
        assert article.cursor == 1 and article.scroll_y == scroll  # no jump of the view
        await pilot.press("j")
        assert article.cursor == 2


async def wheel(pilot, article: ArticleView, notches: int) -> None:
    for _ in range(notches):
        article.post_message(events.MouseScrollDown(article, 10, 5, 0, 1, 0, False, False, False))
    await pilot.pause()


async def test_after_a_wheel_scroll_j_goes_on_from_the_top_of_the_screen(store):
    app = ReaderApp(long_doc(), store)
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        await wheel(pilot, article, 30)
        top = int(article.scroll_y)
        assert top > article.size.height and article.cursor == 0  # the cursor left behind
        await pilot.press("j")
        assert on_screen(article, article.cursor)
        assert article.text_layout.first_line[article.cursor] >= top  # the screen's first
        assert article.scroll_y == top  # and the view stays where the wheel left it
        first = article.cursor
        await pilot.press("j")
        assert article.cursor == first + 1
        await wheel(pilot, article, 30)
        top = int(article.scroll_y)
        await pilot.press("k")  # the paragraph just above what is on screen
        assert article.text_layout.first_line[article.cursor + 1] >= top
        assert on_screen(article, article.cursor)


async def test_a_wrapped_mention_walk_says_so(seed_doc, store, analysis):
    app = ReaderApp(seed_doc, store, analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        legend = app.screen.query_one(Legend)
        legend.focus()
        await pilot.press("j")  # the second speaker: Yvan Gil
        await pilot.pause()
        assert app.screen.selected == "speaker:yvan-gil"
        mentions = len(analysis.speakers[1].mentions)
        await pilot.press(*["right_square_bracket"] * mentions)
        assert not any("Wrapped" in n.message for n in app._notifications)
        await pilot.press("right_square_bracket")
        assert any(
            n.message == "Wrapped to the first mention of Yvan Gil" for n in app._notifications
        )
        await pilot.press("left_square_bracket")
        assert any(
            n.message == "Wrapped to the last mention of Yvan Gil" for n in app._notifications
        )


async def test_a_count_goes_with_a_remapped_motion_and_the_palette_offers_no_count(
    seed_doc, store, analysis
):
    keymap = {"article.cursor_down": "ctrl+n"}
    app = ReaderApp(seed_doc, store, analysis=analysis, keymap=keymap)
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        await pilot.press("3", "ctrl+n")
        assert article.cursor == 3
        await pilot.press("j")  # no longer bound
        assert article.cursor == 3
        names = [name for name, _run, _keys in app.screen.palette_commands()]
        assert "Half a page down" in names and not any(n.startswith("A count") for n in names)
