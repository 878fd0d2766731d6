"""The mark index finds exactly the marks overlapping a range, short and long alike."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.document import document_from_text
from reader.ui.marks import Mark, MarkIndex

TEXT = "Title\n\n" + "word " * 400 + "\n\n" + "more " * 100
DOC = document_from_text(TEXT)

spans = st.tuples(st.integers(0, len(DOC.text) - 1), st.integers(0, 600)).map(
    lambda t: (t[0], min(len(DOC.text), t[0] + t[1]))
)


@settings(max_examples=100, deadline=None)
@given(marks=st.lists(spans, max_size=60), probe=spans)
def test_overlapping_matches_a_plain_scan(marks, probe):
    index = MarkIndex(DOC)
    index.add(Mark(s, e, "search") for s, e in marks)
    start, end = probe
    for para in range(len(DOC.paragraphs)):
        found = {(m.start, m.end) for m in index.overlapping(para, start, end)}
        p = DOC.paragraphs[para]
        expected = {
            (s, e)
            for s, e in marks
            if s < max(end, start + 1)
            and start < e
            and DOC.paragraph_at(s) <= para <= DOC.paragraph_at(max(s, e - 1))
        }
        assert found == expected, (para, p)


def test_clearing_a_layer_keeps_the_others():
    index = MarkIndex(DOC)
    index.add([Mark(0, 5, "note"), Mark(1, 3, "search"), Mark(10, 900, "quote")])
    index.clear("search")
    assert {m.layer for m in index.overlapping(0, 0, 5)} == {"note"}
    assert [m.layer for m in index.overlapping(1, 10, 20)] == ["quote"]
    assert index.layer("search") == []
