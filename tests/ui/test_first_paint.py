"""The article's text is on screen before its analysis ends, whatever the file: the seed,
a short or a long ``.txt``, a short or a long ``.md`` — opened as ``reader FILE`` opens them."""

from __future__ import annotations

import threading

import pytest

from reader import reading
from reader.analysis.model import Analysis
from reader.commands.app import build_app
from reader.ui.background import settled
from reader.ui.screens import reader_jobs
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.legend import Legend

from .conftest import SIZE


@pytest.fixture
def held_analysis(monkeypatch):
    """The analysis waits for the returned event before it runs; the real one then runs."""
    release = threading.Event()
    real = reading.analyze

    def held(doc) -> Analysis:
        release.wait(20)
        return real(doc)

    monkeypatch.setattr(reading, "analyze", held)
    yield release
    release.set()


@pytest.fixture
def small_previews(monkeypatch):
    """Previews from files of a few kilobytes, so that long files stay small in tests."""
    from reader.ui import preview as preview_module

    monkeypatch.setattr(preview_module, "PREVIEW_BYTES", 20_000)
    monkeypatch.setattr(preview_module, "HEAD_BYTES", 8_000)
    monkeypatch.setattr(preview_module, "TAIL_BYTES", 4_000)


def screen_text(article: ArticleView) -> str:
    return " ".join(
        " ".join(article.render_line(y).text.split()) for y in range(article.size.height)
    )


def article_file(tmp_path, suffix: str, paragraphs: int):
    """An article of ``paragraphs`` paragraphs in which Ada Byron speaks of oil."""
    body = [
        f"Minister Ada Byron said on day {i} that the oil trade would grow."
        for i in range(1, paragraphs + 1)
    ]
    if suffix == ".md":
        text = "# Oil and trade\n\n*Opening* words of the article.\n\n" + "\n\n".join(body)
    else:
        text = "Oil and trade\n\nOpening words of the article.\n\n" + "\n\n".join(body)
    path = tmp_path / f"article{suffix}"
    path.write_text(text + "\n\nThe closing words.\n", encoding="utf-8")
    return path


CASES = {
    "seed": (None, 0, "On Thursday, Russian Foreign Affairs Minister"),
    "short .txt": (".txt", 20, "Opening words of the article."),
    "short .md": (".md", 20, "Opening words of the article."),
    "long .txt": (".txt", 2000, "Opening words of the article."),
    "long .md": (".md", 2000, "Opening words of the article."),
}


@pytest.mark.parametrize("case", list(CASES))
async def test_the_text_is_on_screen_before_the_analysis_ends(
    case, tmp_path, db_file, held_analysis, small_previews
):
    suffix, paragraphs, first_words = CASES[case]
    files = [] if suffix is None else [str(article_file(tmp_path, suffix, paragraphs))]
    app = build_app(files, db_file, settings_dir=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        article = screen.query_one(ArticleView)
        assert first_words in screen_text(article)
        assert "# Oil" not in screen_text(article)  # Markdown shown as text, not as its source
        assert screen.reading.analysis is None
        assert "Analysing" in str(screen.query_one(Legend).get_option_at_index(0).prompt)
        await pilot.press("j", "j")  # read meanwhile
        assert article.cursor == 2
        held_analysis.set()
        await settled(app)
        await pilot.pause()
        assert screen.reading.analysis is not None
        assert article.border_subtitle == ""
        assert article.cursor == 2
        speakers = screen.reading.analysis.speakers
        assert speakers and screen.reading.layers.layer("speaker")
        if suffix is not None:
            assert any(s.name == "Ada Byron" for s in speakers)


async def test_G_at_once_in_a_long_markdown_file_shows_its_last_line(
    tmp_path, db_file, held_analysis, small_previews, monkeypatch
):
    path = article_file(tmp_path, ".md", 2000)
    release = threading.Event()
    real_load = reader_jobs.load_document

    def slow_load(p):
        release.wait(20)
        return real_load(p)

    monkeypatch.setattr(reader_jobs, "load_document", slow_load)
    app = build_app([str(path)], db_file, settings_dir=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        assert article.border_subtitle == "loading…"
        await pilot.press("G")
        assert "The closing words." in screen_text(article)  # the preview's end, before the load
        release.set()
        held_analysis.set()
        await settled(app)
        await pilot.pause()
        whole = app.screen.doc
        assert whole.text.endswith("The closing words.") and "still being read" not in whole.text
        assert article.cursor == len(whole.paragraphs) - 1
        assert "The closing words." in screen_text(article)
