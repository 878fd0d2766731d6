"""The reading model without a terminal: layers, notes placed, search and mention cursors."""

from __future__ import annotations

import re
import subprocess
import sys

from reader import reading as reading_module
from reader.analysis.model import Analysis, SectorHit, Speaker
from reader.document import document_from_text
from reader.notes.anchoring import describe
from reader.notes.model import Note, Target
from reader.notes.store import NoteStore
from reader.reading import DocumentNotes, Reading, analyse
from reader.spans import Span
from tests.conftest import REPO

TEXT = (
    "Trade talks\n\n"
    "Ada Byron spoke of oil. Oil prices rose.\n\n"
    "Nobody here.\n\n"
    "Later Ada Byron said the oil deal was done, and Grace Hopper agreed."
)
DOC = document_from_text(TEXT, path="talks.txt")


def spans(pattern: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in re.finditer(pattern, DOC.text)]


ANALYSIS = Analysis(
    speakers=[
        Speaker("ada", "Ada Byron", "person", mentions=spans("Ada Byron")),
        Speaker("grace", "Grace Hopper", "person", mentions=spans("Grace Hopper")),
    ],
    sectors=[SectorHit("energy", "Energy", spans(r"(?i)\boil\b"))],
)


def test_layers_hold_the_analysis_and_the_search_and_notes_replace_theirs():
    reading = Reading(DOC, ANALYSIS)
    layers = reading.layers
    assert [(m.start, m.key) for m in layers.layer("speaker")] == [
        (s.start, "ada" if DOC.text[s.start] == "A" else "grace")
        for s in sorted(spans("Ada Byron") + spans("Grace Hopper"))
    ]
    reading.search_for("oil")
    assert len(layers.layer("search")) == 3
    reading.search_for("ada")
    assert [m.start for m in layers.layer("search")] == [s.start for s in spans("Ada")]
    reading.clear_search()
    assert layers.layer("search") == [] and reading.search.query == ""
    assert Reading(DOC).layers.layer("speaker") == []  # no analysis yet: no highlights


def test_search_goes_from_an_offset_steps_both_ways_and_wraps():
    reading = Reading(DOC)
    search = reading.search_for("oil")  # any case, literal
    oils = [s.start for s in spans(r"(?i)oil")]
    third = DOC.paragraphs[3].start
    assert search.first_from(third).start == oils[2]
    assert search.step(1, 0) == (Span(oils[0], oils[0] + 3), True)  # wraps past the last
    assert search.step(-1, 0) == (Span(oils[2], oils[2] + 3), True)  # and back past the first
    assert search.step(-1, 0) == (Span(oils[1], oils[1] + 3), False)
    fresh = reading.search_for("oil")
    assert fresh.index is None
    assert fresh.step(-1, third - 1)[0].start == oils[1]  # the last one before the offset
    assert reading.search_for("a.b").matches == []  # a query is text, not a pattern


def test_mentions_walk_from_the_cursor_paragraph_and_wrap():
    reading = Reading(DOC, ANALYSIS)
    ada = spans("Ada Byron")
    first, wrapped = reading.next_mention("speaker:ada", 1, 0)
    assert (first, wrapped) == (ada[0], False)
    second, _ = reading.next_mention("speaker:ada", 1, 1)  # goes on from the last one
    assert second == ada[1]
    again, wrapped = reading.next_mention("speaker:ada", 1, 3)
    assert (again, wrapped) == (ada[0], True)
    back, _ = reading.next_mention("speaker:ada", -1, 2)  # from another paragraph: from there
    assert back == ada[0]
    assert reading.next_mention("sector:energy", 1, 3)[0] == spans(r"(?i)\boil\b")[2]
    every = reading.mentions(None)
    assert list(every) == sorted(set(ada + spans("Grace Hopper") + spans(r"(?i)\boil\b")))
    assert Reading(DOC).next_mention("speaker:ada", 1, 0) is None


def test_notes_are_placed_in_text_order_orphans_last_and_marked():
    doc = DOC
    later = Note(document="d", sha256=doc.sha256, body="later", target=describe(doc.text, 80, 90))
    earlier = Note(document="d", sha256=doc.sha256, body="early", target=describe(doc.text, 20, 29))
    gone = Target(exact="words no longer in the text at all", prefix="", suffix="", start=1, end=9)
    orphan = Note(document="d", sha256="0" * 64, body="orphan", target=gone)
    whole = Note(document="d", sha256=doc.sha256, body="whole", target=None)
    reading = Reading(doc)
    placed = reading.place_notes([orphan, later, whole, earlier])
    assert [p.note.body for p in placed] == ["whole", "early", "later", "orphan"]
    assert [p.status for p in placed] == ["anchored", "anchored", "anchored", "orphan"]
    assert placed[1].paragraph == 1
    assert [(m.start, m.end) for m in reading.layers.layer("note")] == [(20, 29), (80, 90)]
    assert [p.note.body for p in reading.notes_on(1)] == ["early"]


def test_a_note_target_is_the_named_mention_else_the_selection_else_the_paragraph():
    reading = Reading(DOC, ANALYSIS)
    target = reading.note_target("speaker:grace", Span(0, 5), 2)
    assert (target.label, target.span, target.tags) == (
        "speaker Grace Hopper",
        spans("Grace Hopper")[0],
        ("grace",),
    )
    assert reading.note_target(None, Span(0, 5), 2).label == "the selection"
    assert reading.note_target("speaker:nobody", None, 2).span == DOC.paragraphs[2]
    assert reading.note_target(None, None, 2).label == "¶3"


def test_a_reading_with_the_analysis_keeps_the_notes_and_search_of_the_one_before():
    before = Reading(DOC)
    before.place_notes(
        [Note(document="d", sha256=DOC.sha256, body="x", target=describe(TEXT, 20, 29))]
    )
    before.search_for("oil")
    after = Reading(DOC, ANALYSIS)
    after.keep(before)
    assert len(after.layers.layer("note")) == 1 and len(after.layers.layer("search")) == 3
    assert after.search.query == "oil" and after.layers.layer("speaker")


def test_analyse_reports_a_failure_and_leaves_no_highlights(monkeypatch):
    def broken(source):
        raise RuntimeError("lexicon missing")

    monkeypatch.setattr(reading_module, "analyze", broken)
    analysis, error = analyse(DOC)
    assert analysis.speakers == [] and "lexicon missing" in error


def test_document_notes_add_delete_undo_and_reattach(tmp_path):
    store = NoteStore(tmp_path / "notes.json")
    notes = DocumentNotes(store, DOC, "talks")
    assert notes.add("on oil", ("energy",), Span(20, 29)) is None
    assert notes.add("on the whole", (), None) is None
    loaded, error = notes.load()
    assert error is None and sorted(n.body for n in loaded) == ["on oil", "on the whole"]
    oil = next(n for n in loaded if n.body == "on oil")
    assert oil.target.exact == DOC.text[20:29] and oil.tags == ("energy",)
    assert notes.delete(oil) is None
    assert [n.body for n in notes.load()[0]] == ["on the whole"]
    back, error = notes.undo()
    assert back == oil and error is None and len(notes.load()[0]) == 2
    assert notes.undo() == (None, None)
    assert notes.reattach(oil, DOC.paragraphs[3]) is None
    assert store.get(oil.id).target.exact == DOC.paragraphs[3].text(DOC.text)
    notes.remember(DOC.paragraphs[2].start)
    assert notes.position() == DOC.paragraphs[2].start
    read_only = DocumentNotes(NoteStore(tmp_path / "notes.json", read_only=True), DOC, "talks")
    assert read_only.add("x", (), None)  # an error to show, nothing written
    assert len(notes.load()[0]) == 2


def test_the_reading_model_loads_neither_textual_nor_rich():
    code = (
        "import sys\nimport reader.reading, reader.layers\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
