"""The saved web pages of the development set: main text, title and date (skips without them).

Scored the way ``score_html.py`` scores them: a kept snippet must appear in the
article text, a dropped one must not, after collapsing white space.
"""

from __future__ import annotations

import asyncio
import json
import re
from datetime import date
from pathlib import Path

import pytest

from reader.document import Document, load_document
from reader.notes.store import NoteStore
from reader.ui.app import ReaderApp
from reader.ui.widgets.title_bar import TitleBar


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def pages(shared_dir: Path) -> list[tuple[dict, Document]]:
    setdir = shared_dir / "data" / "dev" / "html-dev"
    if not (setdir / "snippets.json").is_file():
        pytest.skip(f"no web pages at {setdir}")
    items = json.loads((setdir / "snippets.json").read_text(encoding="utf-8"))
    return [(gold, load_document(setdir / "pages" / gold["file"])) for gold in items.values()]


def test_pages_keep_the_article_and_drop_the_boilerplate(pages):
    tp = fp = fn = 0
    for gold, doc in pages:
        text = _norm(doc.text)
        kept = sum(_norm(s) in text for s in gold["with"])
        tp += kept
        fn += len(gold["with"]) - kept
        fp += sum(_norm(s) in text for s in gold["without"])
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert 2 * precision * recall / (precision + recall) >= 0.92


def test_every_page_has_a_title_and_a_real_date_where_it_shows_one(pages):
    untitled = [gold["file"] for gold, doc in pages if not doc.title.strip()]
    assert not untitled
    dated = [(gold, doc) for gold, doc in pages if gold.get("date")]
    found = [doc.date for _, doc in dated if doc.date]
    assert len(found) >= 0.95 * len(dated)
    for value in found:
        date.fromisoformat(value)  # an ISO date, never a file time or free text
    same = sum(doc.date == gold["date"] for gold, doc in dated)
    assert same >= 0.8 * len(dated)


def test_pages_open_in_the_app_with_their_title_and_date(pages, tmp_path):
    chosen = [(g, d) for g, d in pages if g.get("date") and d.date == g["date"]][::12]
    assert len(chosen) >= 3

    async def shown(doc: Document) -> tuple[str, str]:
        app = ReaderApp(doc, NoteStore(tmp_path / "annotations.json"))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            title = where = app.screen.query_one(TitleBar).render().plain
            await app.workers.wait_for_complete()
        return title, where

    for gold, doc in chosen:
        title, where = asyncio.run(shown(doc))
        assert doc.title[:40] in title, gold["file"]
        assert gold["date"] in where, gold["file"]
