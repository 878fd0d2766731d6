"""Long documents: a window of paragraphs paints at once, the whole layout and the
analysis follow from worker threads; G and paging work before they finish."""

from __future__ import annotations

import threading

import pytest

from reader import reading
from reader.analysis.model import Analysis, Speaker
from reader.document import Document, document_from_text
from reader.notes.store import NoteStore
from reader.spans import Span
from reader.ui.app import ReaderApp
from reader.ui.background import settled
from reader.ui.screens import reader_jobs
from reader.ui.screens.note_editor import NoteEditor
from reader.ui.widgets import article as article_module
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.legend import Legend

from .conftest import SIZE, note_on


@pytest.fixture
def long_doc():
    body = "\n\n".join(
        f"Paragraph {i}: Minister Ada Byron spoke of trade, energy and the long road ahead."
        for i in range(1, 3001)
    )
    return document_from_text("A long article\n\n" + body, path="long.txt")


async def test_a_window_paints_first_then_the_whole_layout_replaces_it(long_doc, db_file, windowed):
    release = windowed
    app = ReaderApp(long_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        assert not article.text_layout.complete
        assert article.render_line(0).text.strip() == "A long article"
        await pilot.press("G")
        last = len(long_doc.paragraphs) - 1
        assert article.cursor == last
        assert "Paragraph 3000:" in "".join(
            article.render_line(y).text for y in range(article.size.height)
        )
        await pilot.press("g", "space", "space")
        assert article.cursor > 2
        for _ in range(25):  # page past the first window
            await pilot.press("space")
        assert article.cursor > 45
        where = article.cursor
        release.set()
        await settled(app)
        await pilot.pause()
        assert article.text_layout.complete
        assert article.cursor == where
        first = article.text_layout.first_line[where]
        assert article.scroll_y <= first + 1
        await pilot.press("G")
        assert article.cursor == last


async def test_the_analysis_of_a_long_document_runs_in_a_worker(long_doc, db_file, monkeypatch):
    release = threading.Event()

    def slow_analyze(doc: Document) -> Analysis:
        release.wait(10)
        text = doc.text
        spans = []
        start = 0
        while (found := text.find("Ada Byron", start)) >= 0:
            spans.append(Span(found, found + 9))
            start = found + 9
        return Analysis(speakers=[Speaker("ada", "Ada Byron", "person", mentions=spans)])

    monkeypatch.setattr(reading, "analyze", slow_analyze)
    app = ReaderApp(long_doc, NoteStore(db_file))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        legend = app.screen.query_one(Legend)
        assert article.border_subtitle == "analysing…"
        assert "Analysing" in str(legend.get_option_at_index(0).prompt)
        assert article.render_line(2).text.strip().startswith("Paragraph 1:")
        await pilot.press("j", "j")  # the text can be read meanwhile
        assert article.cursor == 2
        release.set()
        await settled(app)
        await pilot.pause()
        assert article.border_subtitle == ""
        assert any("Ada Byron" in str(legend.get_option_at_index(i).prompt) for i in range(3))
        assert len(app.screen.reading.layers.layer("speaker")) == 3000


async def test_a_long_file_paints_a_preview_then_the_whole_document(tmp_path, db_file, monkeypatch):
    from reader.ui import preview as preview_module
    from reader.ui.widgets.notes_pane import NotesPane

    monkeypatch.setattr(preview_module, "PREVIEW_BYTES", 10_000)
    monkeypatch.setattr(preview_module, "HEAD_BYTES", 4_000)
    monkeypatch.setattr(preview_module, "TAIL_BYTES", 2_000)
    path = tmp_path / "long.txt"
    path.write_text(
        "A long file\n\n"
        + "\n\n".join(f"Paragraph {i} about trade and oil." for i in range(1, 2001))
        + "\n"
    )
    whole = reader_jobs.load_document(path)
    NoteStore(db_file).add(note_on(whole, -1, "at the very end"))
    preview = preview_module.preview_document(path)
    assert preview is not None and whole.text.startswith(preview.text[: preview.head_end])
    assert whole.text.endswith(preview.text[preview.tail_start :])
    assert len(preview.paragraphs) < len(whole.paragraphs)

    release = threading.Event()
    real_load = reader_jobs.load_document

    def slow_load(p):
        release.wait(10)
        return real_load(p)

    monkeypatch.setattr(reader_jobs, "load_document", slow_load)
    app = ReaderApp(preview, NoteStore(db_file), pending=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        assert article.border_subtitle == "loading…"
        assert article.render_line(0).text.strip() == "A long file"
        await pilot.press("j", "j", "a")
        assert app.screen is not None and article.cursor == 2
        assert not isinstance(app.screen, NoteEditor)
        release.set()
        await settled(app)
        await pilot.pause()
        assert app.screen.doc is not preview and app.screen.doc.sha256 == whole.sha256
        assert article.cursor == 2
        assert [p.note.body for p in app.screen.query_one(NotesPane).placed] == ["at the very end"]
        await pilot.press("G")
        assert article.cursor == len(whole.paragraphs) - 1


def test_short_files_and_web_pages_load_whole(tmp_path, seed_path):
    from reader.ui.preview import preview_document

    assert preview_document(seed_path) is None
    page = tmp_path / "big.html"
    page.write_text("<html><body>" + "<p>text</p>\n" * 100_000 + "</body></html>")
    assert preview_document(page) is None


def test_a_long_markdown_file_previews_its_converted_ends(tmp_path, monkeypatch):
    from reader.document import load_document
    from reader.ui import preview as preview_module

    monkeypatch.setattr(preview_module, "PREVIEW_BYTES", 40_000)
    monkeypatch.setattr(preview_module, "HEAD_BYTES", 16_000)
    monkeypatch.setattr(preview_module, "TAIL_BYTES", 8_000)
    sections = [f"## Part {i}\n\nSome *trade* talk, number {i}." for i in range(1, 801)]
    sections[3] = "```\ncode block\n\nwith a blank line\n```"
    path = tmp_path / "big.md"
    path.write_text("---\ntitle: Big one\ndate: 2024-05-01\n---\n# Big\n\n" + "\n\n".join(sections))
    preview = preview_module.preview_document(path)
    whole = load_document(path)
    assert preview is not None and len(preview.text) < len(whole.text) / 5
    assert (preview.title, preview.date) == (whole.title, whole.date) == ("Big one", "2024-05-01")
    assert "## " not in preview.text and "*trade*" not in preview.text
    assert whole.text.startswith(preview.text[: preview.head_end])
    assert whole.text.endswith(preview.text[preview.tail_start :])
    assert preview.text.endswith("Some trade talk, number 800.")
    for word in ("Part 2\n", "Part 800\n", "trade talk, number 799"):
        at = preview.text.rindex(word)
        assert whole.text[preview.to_whole(at, whole) :].startswith(word)
    styled = {(s.kind, s.span.text(preview.text)) for s in preview.styles}
    assert {
        ("heading", "Part 800"),
        ("emphasis", "trade"),
        ("code", "code block\n\nwith a blank line"),
    } <= styled
    assert ("emphasis", preview_module.GAP) in styled


def test_a_preview_head_that_reads_otherwise_alone_maps_up_to_where_it_differs(
    tmp_path, monkeypatch
):
    from reader.document import load_document
    from reader.ui import preview as preview_module

    monkeypatch.setattr(preview_module, "PREVIEW_BYTES", 40_000)
    monkeypatch.setattr(preview_module, "HEAD_BYTES", 16_000)
    monkeypatch.setattr(preview_module, "TAIL_BYTES", 8_000)
    paragraphs = [f"Paragraph {i} on trade." for i in range(2000)]
    paragraphs[10] = "See [the source] for it."  # a link whose definition is at the end
    path = tmp_path / "links.md"
    path.write_text("\n\n".join(paragraphs) + "\n\n[the source]: https://example.org\n")
    preview = preview_module.preview_document(path)
    whole = load_document(path)
    assert preview is not None and "[the source]" in preview.text
    assert "See the source for it." in whole.text
    differs = preview.text.index("[the source]")
    assert preview.to_whole(preview.text.index("Paragraph 3 "), whole) == whole.text.index(
        "Paragraph 3 "
    )
    assert preview.to_whole(preview.text.index("Paragraph 50 "), whole) == differs


@pytest.fixture
def slow_preview(tmp_path, monkeypatch):
    """A long file opened as a preview whose whole load waits for ``release``."""
    from reader.ui import preview as preview_module

    monkeypatch.setattr(preview_module, "PREVIEW_BYTES", 10_000)
    monkeypatch.setattr(preview_module, "HEAD_BYTES", 4_000)
    monkeypatch.setattr(preview_module, "TAIL_BYTES", 2_000)
    path = tmp_path / "long.txt"
    paragraphs = [f"Paragraph {i} about trade and oil." for i in range(1, 2001)]
    paragraphs[1200] = "Paragraph 1201 names Zanzibar, once."
    path.write_text("A long file\n\n" + "\n\n".join(paragraphs) + "\n")
    release = threading.Event()
    real_load = reader_jobs.load_document

    def slow_load(p):
        release.wait(10)
        return real_load(p)

    monkeypatch.setattr(reader_jobs, "load_document", slow_load)
    return path, preview_module.preview_document(path), release


def screen_text(article: ArticleView) -> str:
    return "\n".join(article.render_line(y).text for y in range(article.size.height))


async def test_G_in_a_preview_shows_the_files_end_and_stays_there(slow_preview, db_file):
    path, preview, release = slow_preview
    app = ReaderApp(preview, NoteStore(db_file), pending=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        await pilot.press("G")
        assert "Paragraph 2000 about" in screen_text(article)  # at once, before the load
        release.set()
        await settled(app)
        await pilot.pause()
        whole = app.screen.doc
        assert not isinstance(whole, type(preview))
        assert article.cursor == len(whole.paragraphs) - 1
        assert "Paragraph 2000 about" in screen_text(article)
        assert "still being read" not in screen_text(article)
        await pilot.press("k")
        assert article.cursor == len(whole.paragraphs) - 2


async def test_a_search_during_the_preview_goes_to_its_match_once_read(slow_preview, db_file):
    path, preview, release = slow_preview
    assert "Zanzibar" not in preview.text
    app = ReaderApp(preview, NoteStore(db_file), pending=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        await pilot.press("slash", *"zanzibar", "enter")
        await pilot.pause()
        status = str(app.screen.query_one("#status").render())
        assert "searching once the file is read" in status
        assert not any("No match" in n.message for n in app._notifications)
        release.set()
        await settled(app)
        await pilot.pause()
        whole = app.screen.doc
        at = whole.text.index("Zanzibar")
        assert article.cursor == whole.paragraph_at(at)
        assert "Zanzibar" in screen_text(article)
        assert "1/1 matches" in str(app.screen.query_one("#status").render())


@pytest.fixture
def windowed(monkeypatch):
    """Long documents are shown through a window while a whole layout that never ends is built."""
    monkeypatch.setattr(article_module, "FULL_LAYOUT_CHARS", 10_000)
    monkeypatch.setattr(article_module, "WINDOW_PARAGRAPHS", 20)
    release = threading.Event()
    real_layout = article_module.Layout

    class SlowLayout(real_layout):
        def __init__(self, doc, width, start_para=0, end_para=None, **kw):
            if start_para == 0 and end_para is None:
                release.wait(10)
            super().__init__(doc, width, start_para, end_para, **kw)

    monkeypatch.setattr(article_module, "Layout", SlowLayout)
    yield release  # set it to let the whole layout finish
    release.set()


def on_screen(article: ArticleView, text: str) -> bool:
    return any(text in article.render_line(y).text for y in range(article.size.height))


async def test_mentions_and_search_reach_beyond_the_laid_out_part(long_doc, db_file, windowed):
    text = long_doc.text
    late = next(p for p in long_doc.paragraphs if p.text(text).startswith("Paragraph 2900:"))
    late_mention = Span(late.start + len("Paragraph 2900: Minister "), late.start + 34)
    assert late_mention.text(text) == "Ada Byron"
    first = Span(text.index("Ada Byron"), text.index("Ada Byron") + 9)
    analysis = Analysis(
        speakers=[Speaker("ada", "Ada Byron", "person", mentions=[first, late_mention])]
    )
    app = ReaderApp(long_doc, NoteStore(db_file), analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        assert not article.text_layout.covers(long_doc.paragraph_at(late_mention.start))
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert article.cursor == long_doc.paragraph_at(late_mention.start)
        assert article.current == late_mention and on_screen(article, "Paragraph 2900:")
        await pilot.press("g", "slash", *"paragraph 2950:", "enter")
        await pilot.pause()
        assert article.cursor == long_doc.paragraph_at(text.index("Paragraph 2950:"))
        assert on_screen(article, "Paragraph 2950:")
        await pilot.press("G")
        assert on_screen(article, "Paragraph 3000:")
        assert not article.text_layout.complete  # all of it while the whole layout is still built


def test_a_preview_holds_both_ends_and_carries_offsets_to_the_whole(tmp_path, monkeypatch):
    from reader.document import load_document
    from reader.ui import preview as preview_module

    monkeypatch.setattr(preview_module, "PREVIEW_BYTES", 10_000)
    monkeypatch.setattr(preview_module, "HEAD_BYTES", 4_000)
    monkeypatch.setattr(preview_module, "TAIL_BYTES", 2_000)
    path = tmp_path / "long.txt"
    path.write_text(
        "date 2024-05-01 Long\n\n"
        + "\n\n".join(f"Paragraph {i} on trade.\x07" for i in range(3000))
        + "\n"
    )
    preview = preview_module.preview_document(path)
    whole = load_document(path)
    assert preview is not None and preview.date == whole.date == "2024-05-01"
    assert preview_module.GAP in preview.text
    for word in ("Paragraph 3 ", "Paragraph 2999 ", "Paragraph 2990 "):
        at = preview.text.index(word)
        assert whole.text[preview.to_whole(at, whole) :].startswith(word)
    gap = preview.text.index(preview_module.GAP)
    assert preview.to_whole(gap, whole) == preview.head_end  # where the unread middle begins
    styled = [s.span.text(preview.text) for s in preview.styles if s.kind == "emphasis"]
    assert styled == [preview_module.GAP]  # in its place, the date header gone before it
    assert preview.to_whole(len(preview.text), whole) == len(whole.text)
