"""QuoteList keeps quotes as columns and reads back exactly the quotes it was given."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.analysis.model import Quote, QuoteList
from reader.spans import Span

spans = st.none() | st.tuples(st.integers(0, 10**8), st.integers(0, 500)).map(
    lambda t: Span(t[0], t[0] + t[1])
)
quotes = st.builds(
    Quote,
    speaker=st.sampled_from(["sergei-lavrov", "yvan-gil", "mfa-russia"]),
    kind=st.sampled_from(["direct", "indirect", "embedded"]),
    content=spans,
    cue=spans,
    source=spans,
)


@given(st.lists(quotes, max_size=40))
def test_reads_back_like_the_list_it_was_made_from(given_quotes):
    table = QuoteList(given_quotes)
    assert len(table) == len(given_quotes)
    assert list(table) == given_quotes and table == given_quotes
    if given_quotes:
        assert table[-1] == given_quotes[-1] and table[0] == given_quotes[0]
    assert table[1:3] == given_quotes[1:3]


def test_index_out_of_range():
    table = QuoteList([Quote("a", "direct", Span(0, 3), None, None)])
    with pytest.raises(IndexError):
        table[1]
    with pytest.raises(IndexError):
        table[-2]
