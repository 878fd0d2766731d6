"""SpanArray holds spans as offsets and reads back exactly the spans it was given."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.spans import Span, SpanArray

span_lists = st.lists(
    st.tuples(st.integers(0, 10**9), st.integers(0, 10**6)).map(lambda t: Span(t[0], t[0] + t[1])),
    max_size=50,
)


@given(span_lists)
def test_reads_back_like_the_list_it_was_made_from(spans):
    array = SpanArray(spans)
    assert len(array) == len(spans)
    assert list(array) == spans
    assert array == spans and array == SpanArray(spans)
    assert bool(array) == bool(spans)
    for i in (0, len(spans) // 2, -1):
        if spans:
            assert array[i] == spans[i]
    assert list(array[1:3]) == spans[1:3]
    if spans:
        assert min(array) == min(spans) and sorted(array) == sorted(spans)


def test_offsets_and_errors():
    array = SpanArray.from_offsets([3, 10], [5, 10])
    assert list(array) == [Span(3, 5), Span(10, 10)]
    assert array != [Span(3, 5)]
    with pytest.raises(IndexError):
        array[2]
    with pytest.raises(ValueError):
        SpanArray.from_offsets([1, 2], [3])
    with pytest.raises(TypeError):
        hash(array)
