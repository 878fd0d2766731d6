"""A folder of articles becomes a library of documents."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.analysis.model import Analysis, Quote, SectorHit, Speaker
from reader.document import DocumentError, document_from_text
from reader.identity import document_path
from reader.library import SUFFIXES, find_documents, summarise
from reader.library.entries import index_keys
from reader.spans import Span


def test_find_documents_in_folders_and_files(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.md", "sub/c.html", "skip.png", ".hidden.txt"):
        (tmp_path / name).write_text("x")
    extra = tmp_path / "notes.log"
    extra.write_text("y")
    found = find_documents([tmp_path, extra])
    assert [p.name for p in found] == ["a.md", "b.txt", "c.html", "notes.log"]


def test_a_folder_is_listed_as_sorted_paths_each_one_as_pathlib_writes_it(tmp_path, monkeypatch):
    names = ("b/x.txt", "b.txt", "a/z/y.md", "a.HTM", "c/d/e.markdown", "c/.hid.txt", "c/f.log")
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "link").symlink_to(tmp_path / "a", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    for given in (tmp_path, ".", "./b/..//", "c"):
        found = find_documents([given])
        walked = [p for p in Path(given).rglob("*") if p.is_file()]
        expected = sorted(p for p in walked if p.suffix.lower() in SUFFIXES and p.name[0] != ".")
        assert found == expected
        assert [str(p) for p in found] == [str(Path(os.fspath(p))) for p in found]


def test_index_keys_are_the_resolved_paths(tmp_path, monkeypatch):
    (tmp_path / "real" / "sub").mkdir(parents=True)
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    monkeypatch.chdir(tmp_path / "real" / "sub")
    paths = ["a.txt", "./b.txt", "../c.txt", "/d.txt", f"{tmp_path}/link/e.txt", "../../link//f"]
    assert index_keys(paths) == [str(document_path(p)) for p in paths]
    assert index_keys(paths[::-1]) == [str(document_path(p)) for p in paths[::-1]]


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
