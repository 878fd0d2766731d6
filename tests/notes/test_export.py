"""Markdown export: grouped by document, quote, note, tags, date and id; text stays text."""

from __future__ import annotations

from reader.notes.export import export, md_text, to_markdown
from reader.notes.model import Note, Target


def note(document: str, start: int, body: str, tags=(), exact="the quoted words") -> Note:
    target = Target(exact=exact, prefix="", suffix="", start=start, end=start + len(exact))
    return Note(
        document=document,
        sha256="0",
        body=body,
        target=target,
        tags=tuple(tags),
        created="2026-03-04T05:06:07Z",
    )


def test_notes_are_grouped_by_document_in_text_order():
    a2 = note("a.txt", 200, "second in a")
    b1 = note("b.txt", 5, "only in b")
    a1 = note("a.txt", 10, "first in a", tags=("trade", "follow-up"), exact="line one\n  line two")
    whole = Note(document="a.txt", sha256="0", body="whole", created="2026-03-04T05:06:07Z")
    md = to_markdown([a2, b1, a1, whole], titles={"a.txt": "Title A"})
    assert md.index("## Title A (`a.txt`)") < md.index("## `b.txt`")
    section_a = md[md.index("## Title A") : md.index("## `b.txt`")]
    assert section_a.index("whole") < section_a.index("first in a") < section_a.index("second")
    block = "> line one line two\n\nfirst in a\n\n`#trade` `#follow-up` · 2026-03-04 05:06:07 UTC"
    assert block in md
    assert f"id `{a1.id}`" in md
    assert "*On the whole document.*" in md


def test_note_text_cannot_become_markup():
    md = to_markdown([note("a.txt", 0, "# not a heading\n<script>x</script>\n- no list")])
    assert "\n\\# not a heading" in md
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert "\n\\- no list" in md
    assert md_text("a & b") == "a &amp; b"


def test_no_notes_says_so():
    assert "No notes." in export([], "md").decode()
