"""Control sequences in note bodies, tags and imported notes never leave `reader notes`.

Each command runs as a separate process and its output is checked as the
bytes a terminal would receive.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.conftest import REPO, SEED
from tests.hostile import (
    CLEAN_BODY,
    CLEAN_TAG,
    HOSTILE_BODY,
    HOSTILE_TAG,
    OSC_TITLE,
    RLO,
    SGR_RED,
    controls_in,
    make_notes_hostile,
)

OUTPUTS = [
    ("list",),
    ("list", "--json"),
    ("search", "sanctions"),
    ("export", "--format", "md"),
    ("export", "--format", "json"),
    ("export", "--format", "w3c"),
]


def reader(db: Path, *args: str) -> str:
    """``reader ARGS`` in its own process; its stdout, decoded strictly as UTF-8."""
    env = {**os.environ, "READER_DB": str(db)}
    run = subprocess.run(
        [sys.executable, "-m", "reader", *args], cwd=REPO, env=env, capture_output=True, timeout=60
    )
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
    assert controls_in(run.stderr.decode("utf-8")) == []
    return run.stdout.decode("utf-8")


def strings_in(value: Any) -> list[str]:
    """Every string of a parsed JSON value, keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *strings_in(v))]
    if isinstance(value, list):
        return [s for v in value for s in strings_in(v)]
    return []


def check_outputs(db: Path) -> None:
    for args in OUTPUTS:
        out = reader(db, "notes", *args)
        assert controls_in(out) == [], (args, out)
        assert "Sanctions [31mRED]0;PWNED" in out, (args, out)  # the words are there
        assert CLEAN_TAG in out, (args, out)
    [note] = orjson.loads(reader(db, "notes", "list", "--json"))
    assert note["body"] == CLEAN_BODY and note["tags"] == [CLEAN_TAG]
    for args in OUTPUTS[1:2] + OUTPUTS[4:]:  # the JSON ones: clean values, not only bytes
        assert not any(controls_in(s) for s in strings_in(orjson.loads(reader(db, "notes", *args))))


def test_a_hostile_body_and_tag_are_stored_and_shown_clean(tmp_path):
    db = tmp_path / "notes.json"
    note_id = reader(
        db, "notes", "add", "--doc", str(SEED), "--paragraph", "2",
        "--body", HOSTILE_BODY, "--tag", HOSTILE_TAG,
    ).strip()  # fmt: skip
    check_outputs(db)
    stored = orjson.loads(db.read_bytes())["notes"]
    assert not any(controls_in(s) for s in strings_in(stored))
    reader(db, "notes", "edit", note_id, "--body", f"{HOSTILE_BODY} #more", "--tag", HOSTILE_TAG)
    [note] = orjson.loads(reader(db, "notes", "list", "--json"))
    assert note["body"] == f"{CLEAN_BODY} #more" and note["tags"] == [CLEAN_TAG, "more"]


def test_notes_stored_with_control_characters_before_are_shown_clean(tmp_path):
    db = tmp_path / "notes.json"
    reader(db, "notes", "add", "--doc", str(SEED), "--paragraph", "2", "--body", "x")
    make_notes_hostile(db)
    assert HOSTILE_BODY in strings_in(orjson.loads(db.read_bytes()))  # really on disk
    check_outputs(db)


def hostile_annotation(ident: str) -> dict[str, Any]:
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": ident,
        "type": "Annotation",
        "created": "2024-01-02T03:04:05Z",
        "body": [
            {"type": "TextualBody", "value": HOSTILE_BODY, "purpose": "commenting"},
            {"type": "TextualBody", "value": HOSTILE_TAG, "purpose": "tagging"},
        ],
        "target": {
            "source": SEED.as_uri(),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": f"On Thursday, {SGR_RED}Russian{RLO}",
                    "prefix": "\x9b",
                    "suffix": "\x1b\\",
                }
            ],
        },
    }


@pytest.mark.parametrize("ident", ["urn:x-reader:note:\x1b[31mmine\x07", "https://x.org/a/1"])
def test_an_imported_w3c_file_with_control_characters_is_stored_clean(tmp_path, ident):
    db = tmp_path / "notes.json"
    source = tmp_path / "annotations.jsonld"
    source.write_bytes(orjson.dumps(hostile_annotation(ident)))
    assert reader(db, "notes", "import", str(source)).startswith("imported 1 ")
    stored = orjson.loads(db.read_bytes())["notes"]
    assert not any(controls_in(s) for s in strings_in(stored))
    [note] = stored.values()
    assert note["body"] == CLEAN_BODY and note["tags"] == [CLEAN_TAG]
    assert note["target"]["exact"] == "On Thursday, [31mRussian"
    check_outputs(db)
    assert reader(db, "notes", "import", str(source)).startswith("imported 0 ")  # same id again


def test_a_hostile_date_is_refused_in_one_clean_line(tmp_path):
    db = tmp_path / "notes.json"
    source = tmp_path / "annotations.jsonld"
    source.write_bytes(orjson.dumps({**hostile_annotation("x"), "created": OSC_TITLE}))
    env = {**os.environ, "READER_DB": str(db)}
    run = subprocess.run(
        [sys.executable, "-m", "reader", "notes", "import", str(source)],
        cwd=REPO, env=env, capture_output=True, timeout=60,
    )  # fmt: skip
    err = run.stderr.decode("utf-8")
    assert run.returncode == 2 and controls_in(err) == [] and len(err.splitlines()) == 1
    assert "created: must be an ISO-8601 date-time" in err and not db.exists()


def test_an_imported_json_file_with_control_characters_is_stored_clean(tmp_path):
    db = tmp_path / "notes.json"
    reader(db, "notes", "add", "--doc", str(SEED), "--paragraph", "2", "--body", "x")
    make_notes_hostile(db)
    exported = orjson.loads(db.read_bytes())["notes"]["1"]
    exported["id"] = f"id{SGR_RED}{RLO}"
    source = tmp_path / "notes-export.json"
    source.write_bytes(orjson.dumps([exported]))
    other = tmp_path / "other.json"
    assert reader(other, "notes", "import", str(source)).startswith("imported 1 ")
    assert not any(controls_in(s) for s in strings_in(orjson.loads(other.read_bytes())))
    check_outputs(other)


def test_an_error_quoting_hostile_input_is_one_clean_line(tmp_path):
    env = {**os.environ, "READER_DB": str(tmp_path / "notes.json")}
    run = subprocess.run(
        [sys.executable, "-m", "reader", "notes", "rm", f"no{OSC_TITLE}{RLO}"],
        cwd=REPO, env=env, capture_output=True, timeout=60,
    )  # fmt: skip
    err = run.stderr.decode("utf-8")
    assert run.returncode == 2 and controls_in(err) == [] and "no]0;PWNED" in err


def test_a_note_from_an_older_file_reads_clean_and_keeps_its_keys():
    """Words are cleaned; id and document say which note and file, so they stay exact."""
    from reader.notes.export import to_json
    from reader.notes.model import Note

    stored = {
        "id": f"old{SGR_RED}",
        "document": f"/articles/a{RLO}b.txt",
        "sha256": "0" * 64,
        "body": HOSTILE_BODY,
        "tags": [HOSTILE_TAG, 7],  # a hand edit: not even text
        "created": f"2020-01-01T00:00:00Z{OSC_TITLE}",
    }
    note = Note.from_dict(stored)
    assert note.body == CLEAN_BODY and note.tags == (CLEAN_TAG, "7")
    assert note.created == note.modified == "2020-01-01T00:00:00Z]0;PWNED"
    assert note.id == stored["id"] and note.document == stored["document"]
    exported = to_json([note])
    assert controls_in(exported.decode("utf-8")) == []  # escaped, not raw
    assert orjson.loads(exported)[0]["document"] == stored["document"]
