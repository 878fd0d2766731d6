"""A folder of articles becomes a library of documents."""

from __future__ import annotations

import pytest

from reader.analysis.model import Analysis, Quote, SectorHit, Speaker
from reader.document import DocumentError, document_from_text
from reader.library import find_documents, summarise
from reader.spans import Span


def test_find_documents_in_folders_and_files(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.md", "sub/c.html", "skip.png", ".hidden.txt"):
        (tmp_path / name).write_text("x")
    extra = tmp_path / "notes.log"
    extra.write_text("y")
    found = find_documents([tmp_path, extra])
    assert [p.name for p in found] == ["a.md", "b.txt", "c.html", "notes.log"]


def test_missing_path_is_reported():
    with pytest.raises(DocumentError, match="no such file"):
        find_documents(["/nonexistent/article.txt"])


def test_summary_ranks_speakers_by_quotes_and_sectors_by_mentions():
    doc = document_from_text("Title\n\nbody text here")
    span = Span(0, 1)
    analysis = Analysis(
        speakers=[
            Speaker("a", "Ann", "person"),
            Speaker("b", "Bob", "person"),
            Speaker("c", "Cy", "person"),
            Speaker("d", "Di", "person"),
        ],
        quotes=[Quote(s, "direct", span, None, None) for s in ("b", "b", "c", "d", "d", "d")],
        sectors=[
            SectorHit("trade", "Trade", [span]),
            SectorHit("energy", "Energy", [span, span]),
        ],
    )
    entry = summarise(doc, analysis)
    assert entry.speakers == ("Di", "Bob", "Cy")
    assert entry.sectors == ("Energy", "Trade")
    assert entry.quotes == 6 and entry.title == "Title"
