"""Import: Hypothesis and foreign annotations kept whole; a bad file refused before any write."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import orjson
import pytest

from reader.cli import main
from reader.document import decode, load_document
from reader.notes.interchange import import_tags
from reader.notes.store import NoteStore
from tests.conftest import run_reader
from tests.notes.annotation_model import problems

ARTICLE = (
    "date 2024-03-01 Ministers met in Brussels.\r\n\r\n"
    "The commission said that steel safeguards would be extended for two more years.\r\n\r\n"
    "Importers objected \ufffd\ufffd strongly.\r\n"
)
URL = "https://example.org/news/steel-safeguards"
QUOTE = "steel safeguards would be extended"


def hypothesis_annotation() -> dict[str, Any]:
    """As Hypothesis's JSON-LD gives one: a URL, a quote only, Markdown, tags, a creator."""
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "id": "https://hypothes.is/a/Xy7_AbCdEf",
        "created": "2024-03-02T10:11:12.345678+00:00",
        "modified": "2024-03-02T11:00:00.000000+00:00",
        "creator": {"type": "Person", "id": "acct:ann@hypothes.is", "name": "Ann"},
        "body": [
            {"type": "TextualBody", "value": "**Two** more _years_", "format": "text/markdown"},
            {"type": "TextualBody", "purpose": "tagging", "value": "Steel"},
            {"type": "TextualBody", "purpose": "tagging", "value": "trade"},
        ],
        "target": [
            {
                "source": URL,
                "selector": [
                    {
                        "type": "TextQuoteSelector",
                        "exact": QUOTE,
                        "prefix": "commission said that ",
                        "suffix": " for two more",
                    }
                ],
            }
        ],
    }


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    article = tmp_path / "docs" / "safeguards.txt"
    article.parent.mkdir()
    article.write_bytes(ARTICLE.encode("utf-8"))
    db = tmp_path / "annotations.json"
    assert main(["notes", "add", "--doc", str(article), "--paragraph", "1", "--body", "mine",
                 "--db", str(db)]) == 0  # fmt: skip
    return {"article": article, "db": db, "dir": tmp_path}


def write(path: Path, data: Any) -> Path:
    path.write_bytes(orjson.dumps(data))
    return path


def export_all(db: Path) -> list[dict[str, Any]]:
    out = db.with_suffix(".out.jsonld")
    assert main(["notes", "export", "--format", "w3c", "--db", str(db), "-o", str(out)]) == 0
    return orjson.loads(out.read_bytes())["first"]["items"]


def test_a_hypothesis_annotation_keeps_id_creator_format_tags_and_url(files):
    anno = write(files["dir"] / "h.jsonld", hypothesis_annotation())
    db = files["db"]
    args = [
        "notes",
        "import",
        str(anno),
        "--db",
        str(db),
        "--library",
        str(files["article"].parent),
    ]
    assert main(args) == 0
    note = NoteStore(db).get("Xy7_AbCdEf")
    assert note is not None
    assert note.via == "https://hypothes.is/a/Xy7_AbCdEf"
    assert dict(note.creator) == {"type": "Person", "id": "acct:ann@hypothes.is", "name": "Ann"}
    assert note.format == "text/markdown" and note.body == "**Two** more _years_"
    assert note.tags == import_tags(["Steel", "trade"])  # the program's one tag rule
    assert len(note.tags) == 2
    assert note.source == URL
    assert note.document == "docs/safeguards.txt"  # found in the library by its quote
    assert note.created == "2024-03-02T10:11:12.345678Z"
    [_, item] = export_all(db)
    assert item["target"]["source"] == URL
    assert item["canonical"] == item["via"] == "https://hypothes.is/a/Xy7_AbCdEf"
    assert item["creator"] == {"type": "Person", "id": "acct:ann@hypothes.is", "name": "Ann"}
    assert item["body"][0]["format"] == "text/markdown"
    assert tuple(b["value"] for b in item["body"][1:]) == note.tags
    quote, where = item["target"]["selector"]
    text = decode(files["article"].read_bytes())[0]
    assert text[where["start"] : where["end"]] == quote["exact"] == QUOTE
    assert problems("annotation", {"@context": "http://www.w3.org/ns/anno.jsonld", **item}) == []
    assert main(args) == 0  # again: nothing new
    assert len(NoteStore(db).all()) == 2


def test_a_url_no_document_answers_to_stays_a_url_without_an_invented_position(files):
    """(With a note on it in the store, the article would be found by the quote.)"""
    anno = write(files["dir"] / "h.jsonld", hypothesis_annotation())
    db = files["dir"] / "empty.json"  # no note, so no document, of the library
    assert main(["notes", "import", str(anno), "--db", str(db)]) == 0
    [item] = export_all(db)
    assert item["target"]["source"] == URL
    assert [s["type"] for s in item["target"]["selector"]] == ["TextQuoteSelector"]
    note = NoteStore(db).get("Xy7_AbCdEf")
    assert note is not None and note.target is not None and not note.target.positioned


def test_a_hypothesis_api_export_imports_too(files):
    row = {
        "id": "Row1_id",
        "created": "2024-03-02T10:11:12.345678+00:00",
        "updated": "2024-03-03T10:11:12.345678+00:00",
        "user": "acct:bo@hypothes.is",
        "user_info": {"display_name": "Bo"},
        "uri": URL,
        "text": "a *markdown* note",
        "tags": ["EU", "eu", "steel"],
        "target": [{"source": URL, "selector": [
            {"type": "RangeSelector", "startContainer": "/p[1]", "endContainer": "/p[1]",
             "startOffset": 0, "endOffset": 5},
            {"type": "TextQuoteSelector", "exact": QUOTE}]}],
    }  # fmt: skip
    export = write(files["dir"] / "api.json", {"total": 1, "rows": [row]})
    assert main(["notes", "import", str(export), "--db", str(files["db"])]) == 0
    note = NoteStore(files["db"]).get("Row1_id")
    assert note is not None
    assert (note.body, note.format, note.source) == ("a *markdown* note", "text/markdown", URL)
    assert dict(note.creator) == {"id": "acct:bo@hypothes.is", "type": "Person", "name": "Bo"}
    assert note.modified == "2024-03-03T10:11:12.345678Z"
    assert note.tags == import_tags(["EU", "eu", "steel"])


def test_every_target_makes_a_note_and_a_colliding_id_is_not_taken(files):
    anno = hypothesis_annotation()
    quote = {"type": "TextQuoteSelector", "exact": "Importers objected"}
    anno["target"].append({"source": files["article"].resolve().as_uri(), "selector": quote})
    anno["target"].append({"source": URL, "selector": {"type": "FragmentSelector", "value": "p1"}})
    mine = NoteStore(files["db"]).all()[0]
    anno["id"] = f"https://elsewhere.example/annotations/{mine.id}"  # the same last segment
    path = write(files["dir"] / "multi.jsonld", anno)
    run = run_reader("notes", "import", str(path), "--db", str(files["db"]), cwd=files["dir"])
    assert run.returncode == 0, run.stderr
    assert "target[2]" in run.stderr and "skipped" in run.stderr  # said, not silent
    notes = NoteStore(files["db"]).all()
    assert len(notes) == 3 and notes[0] == mine  # the note that had the id is untouched
    imported = notes[1:]
    assert all(n.via == anno["id"] for n in imported)
    assert len({n.id for n in notes}) == 3
    second = imported[1].target
    assert second is not None and second.exact == "Importers objected" and second.positioned
    assert second.start == load_document(files["article"]).text.index("Importers objected")


def test_our_json_export_imports_to_the_same_notes(files):
    out = files["dir"] / "notes.json"
    assert (
        main(["notes", "export", "--format", "json", "--db", str(files["db"]), "-o", str(out)]) == 0
    )
    again = files["dir"] / "again.json"
    assert main(["notes", "import", str(out), "--db", str(again)]) == 0
    assert NoteStore(again).all() == NoteStore(files["db"]).all()


# -- refused -------------------------------------------------------------------


def _one(anno: dict[str, Any], **position: Any) -> dict[str, Any]:
    anno = copy.deepcopy(anno)
    anno["target"][0]["selector"].append({"type": "TextPositionSelector", **position})
    return anno


START = "target[0].selector[1].start"
BAD = {
    "start after end": (
        _one(hypothesis_annotation(), start=30, end=10),
        START,
    ),
    "created yesterday": (
        {**hypothesis_annotation(), "created": "yesterday"},
        "created",
    ),
    "start null": (
        _one(hypothesis_annotation(), start=None, end=10),
        "target[0].selector[1].start",
    ),
    "start abc": (
        _one(hypothesis_annotation(), start="abc", end=10),
        "target[0].selector[1].start",
    ),
    "unknown selector": (
        {**hypothesis_annotation(), "target": {"source": URL, "selector": {"type": "Magic"}}},
        "target.selector.type",
    ),
    "a first page that is a link": (
        {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": "https://ex.org/c",
            "type": "AnnotationCollection",
            "total": 3,
            "first": "https://ex.org/c/page1",
        },
        "first",
    ),
    "a page short of its total": (
        {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": "https://ex.org/c",
            "type": "AnnotationCollection",
            "total": 3,
            "first": {
                "type": "AnnotationPage",
                "id": "https://ex.org/c/1",
                "items": [hypothesis_annotation()],
            },
        },
        "total",
    ),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_file_is_one_line_exit_2_and_nothing_written(files, case):
    data, field = BAD[case]
    path = write(files["dir"] / "bad.jsonld", data)
    before = files["db"].read_bytes()
    run = run_reader("notes", "import", str(path), "--db", str(files["db"]), cwd=files["dir"])
    assert run.returncode == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert "Traceback" not in run.stderr and run.stdout == ""
    assert f"{field}: " in lines[0], lines[0]
    named = data.get("id", "")
    assert named in lines[0]
    assert files["db"].read_bytes() == before


def test_a_position_past_the_end_of_its_file_is_refused(files):
    anno = hypothesis_annotation()
    anno["target"][0]["source"] = files["article"].resolve().as_uri()
    path = write(files["dir"] / "far.jsonld", _one(anno, start=5, end=10_000))
    before = files["db"].read_bytes()
    run = run_reader("notes", "import", str(path), "--db", str(files["db"]), cwd=files["dir"])
    assert run.returncode == 2
    assert "target[0].selector[1].end: 10000 is past the end of" in run.stderr
    assert files["db"].read_bytes() == before


def test_a_partly_bad_file_imports_nothing_unless_skip_bad(files):
    good = hypothesis_annotation()
    bad = {**hypothesis_annotation(), "id": "https://hypothes.is/a/Bad1", "modified": "soon"}
    path = write(files["dir"] / "mixed.jsonld", [good, bad])
    before = files["db"].read_bytes()
    run = run_reader("notes", "import", str(path), "--db", str(files["db"]), cwd=files["dir"])
    assert run.returncode == 2 and files["db"].read_bytes() == before
    assert "annotation https://hypothes.is/a/Bad1: modified:" in run.stderr
    assert "nothing was imported" in run.stderr
    run = run_reader(
        "notes", "import", str(path), "--skip-bad", "--db", str(files["db"]), cwd=files["dir"]
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip().splitlines() == [
        "reader: skipped annotation https://hypothes.is/a/Bad1: modified: must be an ISO-8601 "
        'date-time (2024-05-01T12:00:00Z), not "soon"'
    ]
    assert "imported 1 notes" in run.stdout
    assert [n.id for n in NoteStore(files["db"]).all()][1:] == ["Xy7_AbCdEf"]


def test_a_url_source_is_matched_to_the_web_page_with_that_canonical_link(files, tmp_path):
    """Two documents hold the quote; the page whose canonical link is the URL is the one."""
    page = files["article"].parent / "page.html"
    page.write_text(
        f'<html><head><link rel="canonical" href="{URL}"><title>Safeguards</title></head>'
        "<body><p>The commission said that <b>steel safeguards would be extended</b> for two "
        "more years.</p></body></html>",
        encoding="utf-8",
    )
    db = tmp_path / "fresh.json"
    anno = write(tmp_path / "h.jsonld", hypothesis_annotation())
    folder = str(page.parent)
    assert main(["notes", "import", str(anno), "--db", str(db), "--library", folder]) == 0
    note = NoteStore(db).get("Xy7_AbCdEf")
    assert note is not None and note.document == "docs/page.html"
    [item] = export_all(db)
    assert item["target"]["source"] == URL
    quote, where = item["target"]["selector"]
    text = page.read_text(encoding="utf-8")
    assert text[where["start"] : where["end"]] == quote["exact"]
    assert quote["exact"].replace("<b>", "") == QUOTE  # the file's characters, markup and all


def test_url_must_be_a_web_address(files):
    args = ["notes", "add", "--doc", str(files["article"]), "--body", "x", "--db", str(files["db"])]
    before = files["db"].read_bytes()
    assert main([*args, "--url", "ftp://example.org/a"]) == 2
    assert main([*args, "--url", "https://example.org/a b"]) == 2
    assert files["db"].read_bytes() == before


def test_a_note_whose_file_is_gone_exports_as_stored(files):
    note = NoteStore(files["db"]).all()[0]
    files["article"].unlink()
    [item] = export_all(files["db"])
    quote, where = item["target"]["selector"]
    assert note.target is not None
    assert (where["start"], where["end"], quote["exact"]) == (
        note.target.start,
        note.target.end,
        note.target.exact,
    )
