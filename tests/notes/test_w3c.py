"""W3C Web Annotation export: every MUST of the Data Model for the parts used, round trips.

The checks restate, for the properties this export uses, the requirements the
W3C annotation-model test suite expresses as JSON Schemas (Sections 3.1-3.3,
4.2.4-4.2.5 and 5 of the Web Annotation Data Model).
"""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from typing import Any

import orjson
import pytest

from reader.cli import main
from reader.notes import w3c
from reader.notes.anchoring import describe
from reader.notes.export import parse_import, to_json
from reader.notes.model import Note
from reader.notes.store import NoteStore
from tests.conftest import SEED

ANNO = "http://www.w3.org/ns/anno.jsonld"
MOTIVATIONS = {
    "assessing", "bookmarking", "classifying", "commenting", "describing", "editing",
    "highlighting", "identifying", "linking", "moderating", "questioning", "replying", "tagging",
}  # fmt: skip
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")
UTC_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")


def values(obj: dict[str, Any], key: str) -> list[Any]:
    """A JSON-LD property's values: a single value or an array count the same."""
    if key not in obj:
        return []
    value = obj[key]
    return value if isinstance(value, list) else [value]


def check_context(obj: dict[str, Any]) -> None:
    contexts = values(obj, "@context")
    assert ANNO in contexts, "MUST have http://www.w3.org/ns/anno.jsonld as a @context"
    if len(contexts) == 1:
        assert obj["@context"] == ANNO, "a single @context MUST be given as a string"


def check_iri(value: Any, what: str) -> None:
    assert isinstance(value, str) and IRI.match(value), f"{what} MUST be an IRI: {value!r}"


def check_datetime(obj: dict[str, Any], key: str) -> None:
    stamps = values(obj, key)
    assert len(stamps) <= 1, f"{key} MUST have at most one value"
    for stamp in stamps:
        assert isinstance(stamp, str) and UTC_DATETIME.match(stamp), f"{key} not UTC Z: {stamp!r}"
        datetime.fromisoformat(stamp.replace("Z", "+00:00"))  # a real date-time


def check_annotation(anno: dict[str, Any], *, embedded: bool = False) -> None:
    if not embedded:
        check_context(anno)
    ids = values(anno, "id")
    assert len(ids) == 1, "an Annotation MUST have exactly 1 id"
    check_iri(ids[0], "Annotation id")
    assert "Annotation" in values(anno, "type"), "type MUST include Annotation"
    for motivation in values(anno, "motivation"):
        assert motivation in MOTIVATIONS, f"motivation {motivation!r} is not a Motivation"
    check_datetime(anno, "created")
    check_datetime(anno, "modified")
    for body in values(anno, "body"):
        check_textual_body(body)
    targets = values(anno, "target")
    assert len(targets) >= 1, "an Annotation MUST have 1 or more targets"
    for target in targets:
        check_target(target)


def check_textual_body(body: Any) -> None:
    assert isinstance(body, dict)
    assert values(body, "type") == ["TextualBody"]
    assert isinstance(body.get("value"), str), "a TextualBody MUST have exactly 1 string value"
    for purpose in values(body, "purpose"):
        assert purpose in MOTIVATIONS, f"purpose {purpose!r} is not a Motivation"
    formats = values(body, "format")
    assert len(formats) <= 1 and all(re.match(r"^\w+/[\w.+-]+$", f) for f in formats)


def check_target(target: Any) -> None:
    if isinstance(target, str):
        check_iri(target, "target")
        return
    sources = values(target, "source")
    assert len(sources) == 1, "a SpecificResource MUST have exactly 1 source"
    check_iri(sources[0], "source")
    for selector in values(target, "selector"):
        kind = selector.get("type")
        if kind == "TextQuoteSelector":
            assert isinstance(selector.get("exact"), str), "exact MUST have exactly 1 value"
            for key in ("prefix", "suffix"):
                assert key not in selector or isinstance(selector[key], str)
        elif kind == "TextPositionSelector":
            for key in ("start", "end"):
                value = selector.get(key)
                assert isinstance(value, int) and not isinstance(value, bool) and value >= 0, (
                    f"{key} MUST be exactly 1 non-negative integer"
                )
            assert selector["start"] <= selector["end"]
        else:
            pytest.fail(f"unexpected selector {kind!r}")


def check_collection(coll: dict[str, Any]) -> list[dict[str, Any]]:
    check_context(coll)
    ids = values(coll, "id")
    assert len(ids) == 1, "a Collection MUST have exactly 1 IRI"
    check_iri(ids[0], "Collection id")
    assert "AnnotationCollection" in values(coll, "type")
    assert all(isinstance(label, str) for label in values(coll, "label"))
    total = coll.get("total")
    assert isinstance(total, int) and total >= 0
    page = coll.get("first")
    if total > 0:
        assert isinstance(page, dict), "a Collection with annotations MUST have a first page"
    assert "AnnotationPage" in values(page, "type")
    check_iri(page.get("id"), "Page id")
    assert page.get("partOf") == ids[0]
    assert isinstance(page.get("startIndex"), int) and page["startIndex"] >= 0
    items = page.get("items")
    assert isinstance(items, list) and len(items) == total
    for item in items:
        check_annotation(item, embedded=True)
    return items


@pytest.fixture
def notes(seed_doc) -> list[Note]:
    span = seed_doc.paragraphs[3]
    quote_at = seed_doc.text.index("de-dollarization")
    return [
        Note(
            document=seed_doc.path,
            sha256=seed_doc.sha256,
            body="On the paragraph.\nSecond line with [bold]markup[/bold] & <html>.",
            target=describe(seed_doc.text, span.start, span.end),
            tags=("follow-up", "trade"),
        ),
        Note(
            document=seed_doc.path,
            sha256=seed_doc.sha256,
            body="",
            target=describe(seed_doc.text, quote_at, quote_at + len("de-dollarization")),
        ),
        Note(document=seed_doc.path, sha256=seed_doc.sha256, body="About the whole article."),
    ]


def test_every_must_of_the_data_model_holds(notes, seed_doc):
    collection = orjson.loads(w3c.dumps(notes))
    items = check_collection(collection)
    for note, item in zip(notes, items, strict=True):
        bodies = values(item, "body")
        assert [b["purpose"] for b in bodies] == ["commenting"] + ["tagging"] * len(note.tags)
        assert [b["value"] for b in bodies[1:]] == list(note.tags)
        selectors = values(item["target"], "selector")
        if note.target is None:
            assert selectors == []
            continue
        quote, where = selectors
        assert quote["type"] == "TextQuoteSelector" and where["type"] == "TextPositionSelector"
        assert seed_doc.text[where["start"] : where["end"]] == quote["exact"] == note.target.exact


def test_a_single_annotation_stands_alone(notes):
    check_annotation(w3c.to_annotation(notes[0]))


def test_dates_are_given_in_utc_with_z():
    note = Note(document="a.txt", sha256="0", body="x", created="2026-01-02T03:04:05+02:00")
    anno = w3c.to_annotation(note)
    assert anno["created"] == "2026-01-02T01:04:05Z" == anno["modified"]
    check_annotation(anno)


def test_w3c_and_json_exports_reimport_to_identical_notes(notes):
    assert parse_import(w3c.dumps(notes)) == notes
    assert parse_import(to_json(notes)) == notes


def test_importing_the_same_file_twice_adds_nothing(notes, tmp_path):
    store = NoteStore(tmp_path / "notes.json")
    assert store.add_many(parse_import(w3c.dumps(notes))) == notes
    assert store.add_many(parse_import(w3c.dumps(notes))) == []
    assert store.add_many(parse_import(to_json(notes))) == []
    assert store.all() == notes


def test_a_foreign_annotation_imports_once():
    foreign = {
        "@context": ANNO,
        "id": "http://example.org/anno/7",
        "type": "Annotation",
        "bodyValue": "A comment from another tool",
        "target": {
            "source": "file:///tmp/article.txt",
            "selector": {"type": "TextQuoteSelector", "exact": "the words"},
        },
    }
    first, again = parse_import(orjson.dumps(foreign)), parse_import(orjson.dumps([foreign]))
    assert first == again and len(first) == 1
    note = first[0]
    check_annotation(w3c.to_annotation(note))
    assert (note.document, note.body, note.target.exact) == (
        "/tmp/article.txt",
        "A comment from another tool",
        "the words",
    )


@pytest.mark.parametrize(
    "raw", [b"not json", b'{"type": "Something"}', b'[{"id": 1}]', b'{"items": 3}']
)
def test_what_is_not_notes_is_refused(raw):
    with pytest.raises(ValueError):
        parse_import(raw)


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
