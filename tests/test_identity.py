"""One identity per document: however a path is typed, and after the file moves."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reader.identity import DocumentId, document_name, document_path, named_path
from tests.conftest import SEED


@pytest.fixture
def article(tmp_path: Path) -> Path:
    (tmp_path / "news").mkdir()
    path = tmp_path / "news" / "a.txt"
    shutil.copyfile(SEED, path)
    return path


def test_every_way_of_typing_a_path_names_one_file(article, tmp_path, monkeypatch):
    (tmp_path / "link").symlink_to(tmp_path / "news")
    monkeypatch.chdir(tmp_path / "news")
    forms = ["a.txt", "./a.txt", "../news/a.txt", str(article), str(tmp_path / "link" / "a.txt")]
    assert {document_path(f) for f in forms} == {article.resolve()}
    assert document_path("a.txt", base=tmp_path) == (tmp_path / "a.txt").resolve()


def test_a_name_is_relative_inside_the_notes_folder_and_absolute_outside(article, tmp_path):
    assert document_name(article, tmp_path) == "news/a.txt"
    assert document_name(article, tmp_path / "news") == "a.txt"
    elsewhere = tmp_path / "db"
    elsewhere.mkdir()
    assert document_name(article, elsewhere) == str(article.resolve())
    for folder in (tmp_path, tmp_path / "news", elsewhere):
        assert named_path(document_name(article, folder), folder) == article.resolve()


def test_a_note_is_on_its_file_even_when_the_text_changed(article, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path / "news")
    doc = DocumentId.at("a.txt", "new digest")
    assert doc.holds(named_path("news/a.txt", tmp_path), "old digest")
    assert doc.holds(named_path(str(article), tmp_path / "elsewhere"), "old digest")
    assert not doc.holds(named_path("news/b.txt", tmp_path), "old digest")


def test_a_moved_file_keeps_its_notes_but_a_copy_is_another_document(article, tmp_path):
    digest = "d" * 64
    moved = tmp_path / "moved.txt"
    os.rename(article, moved)
    was = named_path("news/a.txt", tmp_path)
    assert DocumentId.at(moved, digest).holds(was, digest)
    assert not DocumentId.at(moved, digest).holds(was, "e" * 64)
    shutil.copyfile(moved, article)  # the original is back: the other file is a copy
    assert not DocumentId.at(moved, digest).holds(was, digest)
