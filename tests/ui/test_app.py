"""The reading screen driven with Pilot: open, move, panes, jumps, notes, help."""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text
from textual.widgets import Static, TextArea

from reader.document import document_from_text
from reader.identity import DocumentId, document_path
from reader.notes.anchoring import describe
from reader.notes.model import Note
from reader.notes.store import NoteStore
from reader.ui.app import ReaderApp
from reader.ui.background import settled
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.note_editor import NoteEditor
from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.legend import Legend
from reader.ui.widgets.notes_pane import NoteList, NotesPane
from reader.ui.widgets.title_bar import TitleBar

from .conftest import SIZE, long_doc, note_on, status


def article_lines(app: ReaderApp) -> list[str]:
    article = app.screen.query_one(ArticleView)
    return [article.render_line(y).text for y in range(article.size.height)]


async def test_open_shows_the_three_panes_title_and_empty_notes(seed_doc, store, analysis):
    app = ReaderApp(seed_doc, store, analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert app.focused is screen.query_one(ArticleView)
        bar = screen.query_one(TitleBar).render().plain
        assert bar.startswith(f" reader — {seed_doc.title[:30]}")
        assert bar.rstrip().endswith("2023-11-16   000_2eaf6975ce8d05c5.txt")
        assert len(bar) == SIZE[0]
        lines = article_lines(app)
        assert lines[0].strip().startswith("Venezuela's current economic problems")
        assert any("MFA Russia (@mfa_russia)" in line for line in lines)
        legend = screen.query_one(Legend)
        prompts = [str(legend.get_option_at_index(i).prompt) for i in range(legend.option_count)]
        assert any("Sergei Lavrov" in p for p in prompts)
        assert any("Trade" in p for p in prompts)
        empty = screen.query_one("#notes-empty", Static)
        assert "No notes yet — press a to add one" in str(empty.render())
        assert empty.display
        assert status(app).startswith("¶1/10")


async def test_j_k_g_G_move_the_cursor_and_status_says_who_speaks(seed_doc, store, analysis):
    app = ReaderApp(seed_doc, store, analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        await pilot.press("j", "j")
        assert article.cursor == 2
        assert status(app) == "¶3/10 · Sergei Lavrov (direct)"
        await pilot.press("k")
        assert article.cursor == 1
        await pilot.press("down", "down", "up")
        assert article.cursor == 2
        await pilot.press("G")
        assert article.cursor == 9
        assert status(app).startswith("¶10/10 · Yvan Gil (direct)")
        await pilot.press("j")
        assert article.cursor == 9
        await pilot.press("g")
        assert article.cursor == 0
        await pilot.press("k")
        assert article.cursor == 0
        await pilot.press("end")
        assert article.cursor == 9
        await pilot.press("home")
        assert article.cursor == 0


async def test_space_and_b_page_through_a_long_article(store):
    doc = long_doc()
    app = ReaderApp(doc, store)
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        await pilot.press("space")
        await pilot.pause()
        first_page = article.cursor
        assert first_page > 3
        assert article.scroll_y > 0
        # The cursor's paragraph is on screen after paging.
        top = article.text_layout.first_line[first_page]
        assert article.scroll_y <= top < article.scroll_y + article.size.height
        await pilot.press("pagedown")
        assert article.cursor > first_page
        await pilot.press("b", "pageup")
        assert article.cursor < first_page
        assert article.scroll_y == 0
        await pilot.press("G")
        await pilot.pause()
        assert article.cursor == len(doc.paragraphs) - 1
        assert article.scroll_y == article.max_scroll_y


async def test_cursor_stays_visible_when_moving_past_the_screen(store):
    app = ReaderApp(long_doc(), store)
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one(ArticleView)
        for _ in range(25):
            await pilot.press("j")
        await pilot.pause()
        layout = article.text_layout
        assert (
            article.scroll_y
            <= layout.last_line(article.cursor)
            < article.scroll_y + article.size.height
        )
        marked = [y for y in range(article.size.height) if article.render_line(y).text.strip()]
        assert marked


async def test_tab_and_shift_tab_cycle_the_panes(seed_doc, store, analysis):
    app = ReaderApp(seed_doc, store, analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        article, legend, notes = (
            screen.query_one(ArticleView),
            screen.query_one(Legend),
            screen.query_one(NoteList),
        )
        assert app.focused is article
        await pilot.press("tab")
        assert app.focused is notes
        await pilot.press("tab")
        assert app.focused is legend
        await pilot.press("tab")
        assert app.focused is article
        await pilot.press("shift+tab")
        assert app.focused is legend


async def test_enter_on_a_speaker_or_sector_jumps_to_its_first_mention(seed_doc, store, analysis):
    app = ReaderApp(seed_doc, store, analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        article = screen.query_one(ArticleView)
        legend = screen.query_one(Legend)
        legend.focus()
        await pilot.pause()
        assert legend.selected_key == "speaker:sergei-lavrov"
        await pilot.press("down", "enter")
        await pilot.pause()
        gil = analysis.speaker("yvan-gil")
        assert article.cursor == seed_doc.paragraph_at(min(gil.mentions).start) == 3
        assert app.focused is article
        legend.focus()
        while legend.selected_key != "sector:energy":
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert article.cursor == 7
        assert status(app).startswith("¶8/10")


async def test_a_then_ctrl_s_saves_a_note_on_the_cursor_paragraph(
    seed_doc, store, analysis, db_file
):
    app = ReaderApp(seed_doc, store, analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        quote = str(editor.query_one("#editor-quote", Static).render())
        assert "We have a common opinion" in quote
        assert app.focused is editor.query_one(TextArea)
        await pilot.press(*"Check the #follow-up")
        await pilot.press("ctrl+s")
        # On disk as soon as ctrl+s returns: a second store on the same file sees it.
        on_disk = NoteStore(db_file).notes_for(DocumentId.of(seed_doc))
        assert [n.body for n in on_disk] == ["Check the #follow-up"]
        assert on_disk[0].target.exact == seed_doc.paragraphs[2].text(seed_doc.text)
        assert on_disk[0].tags == ("follow-up",)
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        pane = app.screen.query_one(NotesPane)
        assert pane.border_title == "Notes (1)"
        assert not pane.query_one("#notes-empty").display


async def test_escape_cancels_the_editor_and_saves_nothing(seed_doc, store, db_file):
    app = ReaderApp(seed_doc, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.press(*"draft")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert NoteStore(db_file).notes_for(DocumentId.of(seed_doc)) == []
        assert app.screen.query_one("#notes-empty").display


async def test_an_empty_note_is_not_saved(seed_doc, store, db_file):
    app = ReaderApp(seed_doc, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert "empty" in str(app.screen.query_one("#editor-error", Static).render())
        assert NoteStore(db_file).all() == []


async def test_reopening_shows_the_notes_in_the_pane_and_marked_in_the_text(
    seed_doc, db_file, analysis
):
    note = note_on(seed_doc, 3, "Trade and investment: which projects?")
    NoteStore(db_file).add(note)
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(NotesPane)
        assert [p.note.id for p in pane.placed] == [note.id]
        assert pane.placed[0].paragraph == 3
        article = app.screen.query_one(ArticleView)
        first = article.text_layout.first_line[3]
        assert article.render_line(first).text.startswith("•")
        assert not article.render_line(first - 2).text.startswith("•")
        list_text = str(pane.query_one(NoteList).get_option_at_index(0).prompt)
        assert "¶4" in list_text and "which projects?" in list_text
        # enter on the note jumps the article to it.
        pane.query_one(NoteList).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert article.cursor == 3


async def test_markup_in_article_and_note_shows_literally_and_does_nothing(db_file):
    doc = document_from_text(
        "Title [bold]not bold[/bold]\n\nClick [@click=app.quit]here[/] or [red]there\x1b[31m.",
        path="hostile.txt",
    )
    note = Note(
        document=str(document_path(doc.path)),
        sha256=doc.sha256,
        body="[@click=app.quit]quit[/] and [bold]x",
        target=describe(doc.text, 0, 5),
    )
    NoteStore(db_file).add(note)
    app = ReaderApp(doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = "\n".join(article_lines(app))
        assert "Title [bold]not bold[/bold]" in lines
        # ESC is dropped on load; what followed it is plain text.
        assert "Click [@click=app.quit]here[/] or [red]there[31m." in lines
        assert "\x1b" not in lines
        pane = app.screen.query_one(NotesPane)
        row = pane.query_one(NoteList).get_option_at_index(0).prompt
        assert isinstance(row, Text)
        assert "[@click=app.quit]quit[/] and [bold]x" in row.plain
        assert not any(span.style and "click" in str(span.style) for span in row.spans)
        # Clicking the text runs nothing: the app is still there.
        y = next(i for i, line in enumerate(article_lines(app)) if "@click" in line)
        x = article_lines(app)[y].index("@click") + 2
        await pilot.click(ArticleView, offset=(x + 1, y + 1))
        await pilot.click(NoteList, offset=(4, 1))
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, ReaderScreen)


async def test_question_mark_lists_every_key(seed_doc, store):
    app = ReaderApp(seed_doc, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        text = _plain(help_screen.table)
        for _title, bindings in help_screen.sections:
            for binding in bindings:
                assert (binding.tooltip or binding.description) in text
        for key in ("j / ↓", "space / PgDn", "G / End", "shift+tab", "ctrl+s", "?"):
            assert key in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("q")
    assert not app.is_running


def _plain(renderable) -> str:
    console = Console(width=200, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return console.file.getvalue()


def test_every_binding_has_an_id_and_a_description():
    from reader.ui.screens.help import HelpScreen as Help

    classes = [ReaderApp, ReaderScreen, ArticleView, Legend, NoteList, NoteEditor, Help]
    ids = []
    for cls in classes:
        for binding in cls.BINDINGS:
            assert binding.id, f"{cls.__name__} {binding.key} has no id"
            assert binding.description, f"{binding.id} has no description"
            ids.append(binding.id)
    assert len(ids) == len(set(ids))


async def test_a_failing_analysis_leaves_the_text_readable(seed_doc, store, monkeypatch):
    from reader import reading

    def broken(source):
        raise RuntimeError("lexicon missing")

    monkeypatch.setattr(reading, "analyze", broken)
    app = ReaderApp(seed_doc, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first paint: the analysis starts in its own thread then
        await settled(app)
        await pilot.pause()
        assert any("lexicon missing" in n.message for n in app._notifications)
        assert article_lines(app)[0].strip().startswith("Venezuela")
        await pilot.press("j")
        assert app.screen.query_one(ArticleView).cursor == 1


async def test_a_note_keeps_the_speaker_colour_inside_it(seed_doc, db_file, analysis):
    para = seed_doc.paragraphs[2]
    NoteStore(db_file).add(note_on(seed_doc, 2, "x"))
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        y = article.text_layout.line_of(seed_doc.text.index("Lavrov said.", para.start))
        note_bg = article.get_component_rich_style("article-view--note").bgcolor
        lavrov = [s for s in article.render_line(y) if s.text == "Lavrov"]
        assert lavrov and lavrov[0].style.bgcolor == note_bg
        assert lavrov[0].style.bold and lavrov[0].style.color.triplet.hex == "#e5a445"


async def test_a_hard_wrapped_paragraph_reads_with_single_spaces_and_true_offsets(db_file):
    from reader.document import Document
    from reader.layers import Mark
    from reader.spans import Span, SpanArray

    text = "Hard wrapped\n\n      First line of a\n  paragraph that goes on\n  over three lines."
    # One paragraph of three hard-wrapped lines, whatever the segmentation makes of them.
    spans = SpanArray([Span(0, 12), Span(text.index("First"), len(text))])
    doc = Document("wrapped.txt", text, "Hard wrapped", None, spans)
    app = ReaderApp(doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"paragraph", "enter")
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        y = article.text_layout.first_line[1]
        lines = [article.render_line(i).text[3:].rstrip() for i in range(y, y + 2)]
        assert lines == ["First line of a paragraph that goes on over three", "lines."]
        strip = article.render_line(y)
        search_bg = article.get_component_rich_style("article-view--search").bgcolor
        hits = [seg.text for seg in strip if seg.style and seg.style.bgcolor == search_bg]
        assert hits == ["paragraph"]
        # a highlight after the second line break covers its word, and only it
        over = doc.text.index("over")
        app.screen.reading.layers.add([Mark(over, over + 4, "note", key="n")])
        article.redraw()
        note_bg = article.get_component_rich_style("article-view--note").bgcolor
        strip = article.render_line(y)
        assert [seg.text for seg in strip if seg.style and seg.style.bgcolor == note_bg] == ["over"]
        # a cell of the screen maps back to the character drawn there
        x = strip.text.index("over")
        assert article.offset_at(x, y) == over
        assert article.offset_at(strip.text.index("paragraph"), y) == doc.text.index("paragraph")
