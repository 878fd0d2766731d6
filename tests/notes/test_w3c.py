"""W3C export: positions in the file ``source`` names, the suite's MUSTs, round trips.

The MUSTs are web-platform-tests ``annotation-model/``'s, as JSON Schemas
(:mod:`tests.notes.annotation_model`), checked with ``jsonschema``.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import orjson
import pytest

from reader.cli import main
from reader.document import decode, load_document
from reader.notes import w3c
from reader.notes.model import Note
from reader.notes.store import NoteStore
from tests.conftest import SEED
from tests.notes.annotation_model import problems

# A plain text with everything loading changes: a date header, CRLF line endings,
# a run of U+FFFD, an ESC, a bidi override; and a Markdown file with markup.
PLAIN = (
    "date 2024-02-03 Trade talks resume in Geneva.\r\n\r\n"
    "Officials said \ufffd\ufffd\ufffd the tariffs would fall.\x1b Exports rose \u202eby\u202c"
    " four per cent.\r\n\r\n"
    "A third paragraph about steel and aluminium quotas.\r\n"
)
MARKDOWN = (
    "# Steel quotas\n\nThe ministry **said** that *quotas* on steel &amp; aluminium would stay.\n\n"
    "- imports fell\n- exports rose\n"
)


def cli(*args: str) -> int:
    return main(list(args))


@pytest.fixture
def library(tmp_path, monkeypatch) -> dict[str, Path]:
    """A store of varied notes on a plain text and a Markdown file."""
    monkeypatch.setenv("READER_USER", "Ann Lee")
    monkeypatch.chdir(tmp_path)
    plain, md, db = tmp_path / "wire.txt", tmp_path / "steel.md", tmp_path / "annotations.json"
    plain.write_bytes(PLAIN.encode("utf-8"))
    md.write_bytes(MARKDOWN.encode("utf-8"))
    doc = load_document(plain)
    across = doc.text.index("tariffs"), doc.text.index("about steel") + len("about steel")

    def add(doc: Path, *args: str) -> None:
        assert cli("notes", "add", "--doc", str(doc), *args, "--db", str(db)) == 0

    add(plain, "--quote", "tariffs would fall", "--body", "a quote", "--tag", "trade",
        "--tag", "follow-up")  # fmt: skip
    add(plain, "--start", str(across[0]), "--end", str(across[1]), "--body", "across paragraphs")
    add(plain, "--paragraph", "2", "--body", "[bold]not markup[/bold] <b>&amp;</b>\nline 2\n  # 3")
    add(plain, "--body", "on the whole wire")
    add(md, "--quote", "quotas on steel & aluminium", "--body", "markdown words")
    add(md, "--paragraph", "3", "--body", "a list item", "--url", "https://example.org/steel")
    store = NoteStore(db)
    first = store.all()[0]
    assert cli("notes", "edit", first.id, "--body", "a quote, edited", "--db", str(db)) == 0
    return {"db": db, "plain": plain, "md": md}


def stored(db: Path) -> list[Note]:
    """The notes of ``db``; who wrote them aside (an import keeps the exported creator)."""
    return [replace(n, creator=()) for n in NoteStore(db).all()]


def export(db: Path, *extra: str) -> bytes:
    out = db.with_suffix(".export.jsonld")
    assert cli("notes", "export", "--format", "w3c", "--db", str(db), "-o", str(out), *extra) == 0
    return out.read_bytes()


def file_text(source: str) -> str:
    path = Path(source.removeprefix("file://"))
    return decode(path.read_bytes())[0]


def test_every_position_points_into_the_file_source_names(library):
    collection = orjson.loads(export(library["db"]))
    items = collection["first"]["items"]
    assert len(items) == 6
    placed = 0
    for item in items:
        target = item["target"]
        source = target["source"]
        path = Path(
            library["md"] if source.startswith("https:") else source.removeprefix("file://")
        )
        text = decode(path.read_bytes())[0]
        selectors = target.get("selector", [])
        if not selectors:
            continue
        quote, where = selectors
        start, end = where["start"], where["end"]
        assert text[start:end] == quote["exact"], item["id"]
        assert text[max(0, start - 32) : start] == quote["prefix"]
        assert text[end : end + 32] == quote["suffix"]
        placed += 1
    assert placed == 5  # every note but the one on the whole document
    # What loading changed is in the exported quote: it is the file's, not the canonical text's.
    exacts = [i["target"]["selector"][0]["exact"] for i in items if "selector" in i["target"]]
    assert "\ufffd\ufffd\ufffd the tariffs would fall.\x1b" in exacts[2]
    assert "fall.\x1b Exports" in exacts[1] and "\r\n\r\nA third paragraph about steel" in exacts[1]
    assert exacts[3] == "quotas* on steel &amp; aluminium"
    assert exacts[4] == "- imports fell"


def test_the_export_passes_every_must_of_the_suite(library):
    collection = orjson.loads(export(library["db"]))
    assert problems("collection", collection) == []
    for item in collection["first"]["items"]:
        assert problems("annotation", {"@context": collection["@context"], **item}) == []
    assert problems("annotation", collection["first"]["items"][0]) != []  # the schema bites


def test_source_generator_and_creator(library):
    items = orjson.loads(export(library["db"]))["first"]["items"]
    sources = [i["target"]["source"] for i in items]
    assert sources[:4] == [library["plain"].resolve().as_uri()] * 4
    assert sources[4] == library["md"].resolve().as_uri()
    assert sources[5] == "https://example.org/steel"  # given with --url
    assert all(i["generator"]["name"].startswith("reader ") for i in items)
    assert all(i["creator"] == {"type": "Person", "name": "Ann Lee"} for i in items)
    bodies = items[0]["body"]
    assert [b.get("purpose") for b in bodies] == ["commenting", "tagging", "tagging"]
    assert [b["value"] for b in bodies] == ["a quote, edited", "trade", "follow-up"]
    assert items[0]["modified"] > items[0]["created"] or items[0]["modified"] == items[0]["created"]


def test_no_creator_without_a_name(library, monkeypatch, tmp_path):
    monkeypatch.delenv("READER_USER")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    items = orjson.loads(export(library["db"]))["first"]["items"]
    assert not any("creator" in i for i in items)
    (tmp_path / "config" / "reader").mkdir(parents=True)
    (tmp_path / "config" / "reader" / "settings.json").write_text('{"user": "Bo"}')
    items = orjson.loads(export(library["db"]))["first"]["items"]
    assert items[0]["creator"] == {"type": "Person", "name": "Bo"}


def test_one_note_exports_as_a_standalone_annotation(library, capsysbinary):
    note = NoteStore(library["db"]).all()[1]
    assert cli("notes", "export", "--format", "w3c", note.id, "--db", str(library["db"])) == 0
    anno = orjson.loads(capsysbinary.readouterr().out)
    assert anno["@context"][0] == w3c.ANNO_CONTEXT
    assert anno["id"] == w3c.ID_PREFIX + note.id
    assert problems("annotation", anno) == []


def test_export_import_export_is_byte_identical(library):
    first = export(library["db"])
    again = library["db"].with_name("empty.json")
    out = library["db"].with_suffix(".export.jsonld")
    assert cli("notes", "import", str(out), "--db", str(again)) == 0
    assert export(again) == first
    assert stored(again) == stored(library["db"])
    assert {n.creator for n in NoteStore(again).all()} == {
        (("type", "Person"), ("name", "Ann Lee"))
    }


def test_pages_export_and_import(library):
    paged = orjson.loads(export(library["db"], "--page-size", "4"))
    collection, page2 = paged
    assert problems("collection", collection) == [] and problems("page", page2) == []
    assert collection["first"]["next"] == page2["id"] == collection["last"]
    assert len(collection["first"]["items"]) == 4 and len(page2["items"]) == 2
    assert page2["startIndex"] == 4 and page2["partOf"] == collection["id"]
    out = library["db"].with_suffix(".export.jsonld")
    again = library["db"].with_name("paged.json")
    assert cli("notes", "import", str(out), "--db", str(again)) == 0
    assert stored(again) == stored(library["db"])
    assert orjson.loads(export(again, "--page-size", "4")) == paged


def test_a_page_given_by_its_id_in_the_same_file_is_followed(library, tmp_path):
    collection, page2 = orjson.loads(export(library["db"], "--page-size", "4"))
    collection["first"], page1 = collection["first"]["id"], collection["first"]
    linked = tmp_path / "linked.jsonld"
    linked.write_bytes(orjson.dumps([page2, collection, page1]))
    again = tmp_path / "linked-store.json"
    assert cli("notes", "import", str(linked), "--db", str(again)) == 0
    assert stored(again) == stored(library["db"])


def test_dates_are_given_in_utc_with_z():
    note = Note(document="a.txt", sha256="0", body="x", created="2026-01-02T03:04:05+02:00")
    anno = w3c.to_annotation(note)
    assert anno["created"] == "2026-01-02T01:04:05Z" == anno["modified"]
    assert problems("annotation", anno) == []


def test_the_source_is_the_file_the_notes_file_names(tmp_path, monkeypatch):
    """A relative name starts from the notes file's folder, wherever the export runs."""
    article = tmp_path / "news" / "a.txt"
    article.parent.mkdir()
    shutil.copyfile(SEED, article)
    db = tmp_path / "annotations.json"
    assert main(["notes", "add", "--doc", str(article), "--body", "x", "--db", str(db)]) == 0
    monkeypatch.chdir(article.parent)
    out = tmp_path / "out.jsonld"
    assert main(["notes", "export", "--format", "w3c", "--db", str(db), "-o", str(out)]) == 0
    [item] = orjson.loads(out.read_bytes())["first"]["items"]
    assert item["target"]["reader:document"] == "news/a.txt"
    assert item["target"]["source"] == article.resolve().as_uri()


def test_the_seed_positions_point_into_its_file(tmp_path, seed_doc):
    """The bundled seed: its ``date`` header and U+FFFD runs no longer shift the offsets."""
    db = tmp_path / "annotations.json"
    for quote in ("de-dollarization", "Both countries agreed"):
        assert main(["notes", "add", "--doc", str(SEED), "--quote", quote, "--body", "x",
                     "--db", str(db)]) == 0  # fmt: skip
    for p in (1, 3, 5):
        assert main(["notes", "add", "--doc", str(SEED), "--paragraph", str(p), "--body", "x",
                     "--db", str(db)]) == 0  # fmt: skip
    text = decode(SEED.read_bytes())[0]
    items = orjson.loads(export(db))["first"]["items"]
    for item in items:
        quote, where = item["target"]["selector"]
        assert text[where["start"] : where["end"]] == quote["exact"]
    assert seed_doc.text != text  # the file and the canonical text do differ
