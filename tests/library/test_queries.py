"""What the index answers: speakers across documents, quotes, words, sectors, notes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.document import load_document
from reader.library import find_documents, queries
from reader.library.build import build_index
from reader.library.index import LibraryIndex
from reader.notes.model import Note, Target
from reader.notes.store import NoteStore


@pytest.fixture
def index(library: Path, tmp_path: Path):
    with LibraryIndex(tmp_path / "index.sqlite3") as idx:
        report = build_index(idx, find_documents([library]), jobs=1)
        assert not report.failed
        yield idx


def key(library: Path, name: str) -> str:
    return str((library / name).resolve())


def test_one_speaker_across_documents_under_two_spellings(index, library):
    (lavrov,) = queries.speakers(index, "lavrov")
    assert lavrov.documents == 2 and lavrov.quotes == 2
    assert lavrov.name in {"Sergei Lavrov", "Sergey Lavrov"}
    assert {"Sergei Lavrov", "Sergey Lavrov"} <= {lavrov.name, *lavrov.aliases}


def test_two_people_of_one_surname_stay_apart(index):
    smiths = {s.name: s for s in queries.speakers(index, "smith")}
    assert set(smiths) == {"John Smith", "Jane Smith"}
    assert smiths["Jane Smith"].quotes == 2  # "Smith said" in her own article is hers


def test_speakers_are_filtered_and_ordered_by_quotes(index):
    listed = queries.speakers(index)
    assert [s.quotes for s in listed] == sorted((s.quotes for s in listed), reverse=True)
    assert queries.speakers(index, min_documents=2) == queries.speakers(index, "lavrov")
    assert queries.speakers(index, "nobody-of-that-name") == []
    assert all(s.kind == "person" for s in queries.speakers(index, kind="person"))


def test_a_speakers_quotes_newest_first_with_where_they_are(index, library):
    (lavrov,) = queries.speakers(index, "lavrov")
    quotes = queries.speaker_quotes(index, lavrov.id)
    assert [q.document.date for q in quotes] == ["2023-12-01", "2023-11-16"]
    assert quotes[0].document.title == "Lavrov on sanctions"
    for q in quotes:
        text = load_document(q.document.path).text
        assert text[q.start : q.end] == q.text
    assert quotes[0].text.startswith("The sanctions will fail")
    assert queries.speaker_quotes(index, lavrov.id, since="2023-12-01") == quotes[:1]


def test_full_text_search_words_phrases_prefixes(index, library):
    (hit,) = queries.search(index, "quixotically")
    assert hit.document.path == key(library, "sub/c.md")
    text = load_document(hit.document.path).text
    assert text[hit.start : hit.end].lower() == "quixotically"
    assert [hit.snippet[a:b] for a, b in hit.marks] == ["quixotically"]

    phrase = queries.search(index, '"bilateral trade"')
    assert [h.document.path for h in phrase] == [key(library, "a.txt")]
    assert phrase[0].kind == "quote"  # found in the quote, given once
    assert phrase[0].speaker == "Sergei Lavrov"
    assert queries.search(index, '"trade bilateral"') == []

    prefix = queries.search(index, "sanct*")
    assert {h.document.path for h in prefix} == {key(library, "b.txt")}
    assert queries.search(index, "sanct") == []  # a word, not a prefix

    both = queries.search(index, "lavrov caracas")  # both words in one paragraph: two of them
    assert [h.document.path for h in both] == [key(library, "a.txt")] * 2
    text = load_document(library / "a.txt").text
    assert {text[h.start : h.end] for h in both} == {"Lavrov"}  # the first word matched


def test_search_syntax_is_never_an_error_of_the_database(index):
    for query in ('AND OR "', "NEAR(", "-oil", "col:oil", "'oil'", "oil*"):
        queries.search(index, query)  # no sqlite3 error
    with pytest.raises(queries.SearchSyntaxError):
        queries.search(index, '" - "')


def test_sectors_share_and_months_and_what_is_behind(index, library):
    shares = {s.id: s for s in queries.sector_shares(index)}
    assert shares["energy"].documents == 2  # oil and gas; gas prices
    assert shares["energy"].share == pytest.approx(2 / 3)
    months = queries.sector_timeline(index, "energy")
    assert [(m.month, m.documents) for m in months] == [("2023-11", 1)]  # c.md has no date
    docs = queries.sector_documents(index, "energy", "2023-11")
    assert [d.document.path for d in docs] == [key(library, "a.txt")]
    text = load_document(key(library, "a.txt")).text
    assert text[docs[0].first :].startswith("oil")
    (who,) = queries.sector_speakers(index, "energy", "2023-11")
    (lavrov,) = queries.speakers(index, "lavrov")
    assert (who.id, who.mentions, who.documents) == (lavrov.id, docs[0].mentions, 1)  # all quoted


def test_the_library_notes_by_document_tag_and_date(index, library, tmp_path):
    store = NoteStore(tmp_path / "annotations.json")
    a = load_document(library / "a.txt")
    start = a.text.index("bilateral trade")
    target = Target("bilateral trade", "", "", start, start + len("bilateral trade"))
    doc_a = store.name_of(library / "a.txt")
    store.add(Note(doc_a, a.sha256, "Which goods? #follow-up", target, ("follow-up",)))
    b = load_document(library / "b.txt")
    store.add(Note(store.name_of(library / "b.txt"), b.sha256, "Sanctions count", None, ("eu",)))
    build_index(index, find_documents([library]), store=store)
    every = queries.notes(index)
    assert [n.document.path for n in every] == [key(library, "a.txt"), key(library, "b.txt")]
    assert every[0].start == start and every[0].exact == "bilateral trade"
    assert [n.body for n in queries.notes(index, tag="follow-up")] == ["Which goods? #follow-up"]
    assert queries.notes(index, document=key(library, "b.txt"))[0].body == "Sanctions count"
    assert queries.notes(index, since="2999-01-01") == []
    assert queries.note_tags(index) == [("eu", 1), ("follow-up", 1)]
    (hit,) = queries.search(index, "goods")
    assert hit.kind == "note" and hit.start == start and hit.note == every[0].id


def test_the_table_rows_come_from_the_index(index, library):
    docs = queries.documents(index)
    row = docs[key(library, "a.txt")]
    assert row.entry is not None
    assert (row.entry.title, row.entry.date) == ("Lavrov visits Caracas", "2023-11-16")
    assert row.entry.speakers == ("Sergei Lavrov",)
    assert row.sha256 == load_document(library / "a.txt").sha256


def test_an_unusable_index_file_is_replaced_with_a_notice(tmp_path):
    where = tmp_path / "index.sqlite3"
    where.write_bytes(b"\x00garbage" * 500)
    with LibraryIndex(where) as idx:
        assert idx.notice is not None and "rebuilt" in idx.notice
        assert idx.fresh
    with LibraryIndex(where) as idx:
        assert idx.notice is None
    other = sqlite3.connect(where)
    other.execute("UPDATE meta SET value = 'old' WHERE key = 'analysis'")
    other.commit()
    other.close()
    with LibraryIndex(where) as idx:
        assert idx.notice is not None and "another version of the analysis" in idx.notice
