"""The span layers find exactly the marks overlapping a range, short and long alike."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.document import document_from_text
from reader.layers import Mark, SpanLayers

TEXT = "Title\n\n" + "word " * 4000 + "\n\n" + "more " * 1000
DOC = document_from_text(TEXT)

spans = st.tuples(
    st.integers(0, len(DOC.text) - 1), st.sampled_from([0, 1, 5, 255, 256, 257, 600, 20_000])
).map(lambda t: (t[0], min(len(DOC.text), t[0] + t[1])))


@settings(max_examples=100, deadline=None)
@given(marks=st.lists(spans, max_size=60), probe=spans)
def test_overlapping_matches_a_plain_scan(marks, probe):
    index = SpanLayers()
    half = len(marks) // 2  # added in two batches, on two layers
    index.add(Mark(s, e, "search") for s, e in marks[:half])
    index.add(Mark(s, e, "note") for s, e in marks[half:])
    start, end = probe
    found = sorted((m.start, m.end) for m in index.overlapping(start, end))
    expected = sorted((s, e) for s, e in marks if s < max(end, start + 1) and start < e)
    assert found == expected


def test_clearing_a_layer_keeps_the_others():
    index = SpanLayers()
    index.add([Mark(0, 5, "note"), Mark(1, 3, "search"), Mark(10, 900, "quote")])
    index.clear("search")
    assert {m.layer for m in index.overlapping(0, 5)} == {"note"}
    assert [m.layer for m in index.overlapping(10, 20)] == ["quote"]
    assert index.layer("search") == []


styled = st.tuples(spans, st.sampled_from(["", "red", "blue"]), st.sampled_from(["", "a", "b"]))


@settings(max_examples=60, deadline=None)
@given(first=st.lists(styled, max_size=40), second=st.lists(styled, max_size=40), probe=spans)
def test_marks_keep_their_style_when_a_layer_grows(first, second, probe):
    """Marks added to one layer in two batches come back whole: offsets, key and speaker."""
    index = SpanLayers()
    index.add(Mark(s, e, "speaker", key, speaker) for (s, e), speaker, key in first)
    index.add(Mark(s, e, "speaker", key, speaker) for (s, e), speaker, key in second)
    start, end = probe
    found = sorted((m.start, m.end, m.speaker, m.key) for m in index.overlapping(start, end))
    expected = sorted(
        (s, e, speaker, key)
        for (s, e), speaker, key in first + second
        if s < max(end, start + 1) and start < e
    )
    assert found == expected

    def order(m: Mark) -> tuple[int, int, str, str]:
        return (m.start, m.end, m.speaker, m.key)

    given = [Mark(s, e, "speaker", k, c) for (s, e), c, k in first + second]
    assert sorted(index.layer("speaker"), key=order) == sorted(given, key=order)
