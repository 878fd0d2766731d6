"""Hard-wrapped text is analysed as if it flowed, with offsets into the file's own text."""

from __future__ import annotations

import textwrap
from collections import OrderedDict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import analyze
from reader.analysis.flow import Flow
from reader.document import Document, document_from_text
from reader.paragraphs import split_paragraphs
from reader.spans import Span


def wire(doc: Document) -> str:
    """The document's paragraphs hard-wrapped at 60 columns, wire style."""
    return "\n".join(
        textwrap.fill(
            " ".join(doc.text[p.start : p.end].split()),
            60,
            initial_indent="      ",
            subsequent_indent="  ",
            break_on_hyphens=False,
        )
        for p in doc.paragraphs
    )


def words(text: str, span: Span | None) -> str | None:
    return None if span is None else " ".join(text[span.start : span.end].split())


def summary(doc: Document) -> tuple:
    result = analyze(doc)
    return (
        [(s.name, s.kind, s.role, len(s.mentions)) for s in result.speakers],
        [
            (q.speaker, q.kind, words(doc.text, q.content), words(doc.text, q.cue))
            for q in result.quotes
        ],
        [(h.id, [words(doc.text, m) for m in h.mentions]) for h in result.sectors],
    )


def test_the_seed_wrapped_as_wire_copy_gives_the_same_analysis(seed_doc: Document) -> None:
    wrapped = document_from_text(wire(seed_doc))
    assert len(wrapped.paragraphs) == len(seed_doc.paragraphs)
    assert "\n  " in wrapped.text  # the line breaks are really there
    assert summary(wrapped) == summary(seed_doc)


def test_a_name_broken_over_two_lines_is_one_name() -> None:
    text = (
        "      The plan would cost jobs in the steel mills, said Tom\n"
        "  Murtha, a spokesman for the union. The company said\n"
        "  nothing.\n"
    )
    result = analyze(document_from_text(text))
    names = [s.name for s in result.speakers]
    assert "Tom Murtha" in names
    quote = next(q for q in result.quotes if q.speaker == result.speakers[0].id)
    assert quote.source is not None
    assert text[quote.source.start : quote.source.end] == "Tom\n  Murtha"


def test_text_without_breaks_inside_paragraphs_is_read_as_it_is(seed_doc: Document) -> None:
    flow = Flow(seed_doc.text, seed_doc.paragraphs)
    assert flow.identity and flow.text is seed_doc.text


_chunk = st.from_regex(r"[A-Za-z]{1,8}( [A-Za-z]{1,8}){0,3}", fullmatch=True)
_gap = st.sampled_from(["\n", "\n  ", " \n ", "  \n\t"])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(_chunk, _gap), min_size=1, max_size=12), st.data())
def test_offsets_map_back_to_the_same_characters(parts, data) -> None:
    text = "".join(c + g for c, g in parts).rstrip() + "."
    paragraphs = split_paragraphs(text)
    flow = Flow(text, paragraphs)
    assert "\n" not in "".join(flow.text[p.start : p.end] for p in flow.paragraphs)
    for pos in range(len(flow.text)):
        ch = flow.text[pos]
        source = flow.to_source(pos)
        if ch != " ":
            assert text[source] == ch
            assert flow.from_source(source) == pos
    start = data.draw(st.integers(0, len(flow.text) - 1))
    end = data.draw(st.integers(start + 1, len(flow.text)))
    src_start, src_end = flow.to_source(start), flow.to_source(end - 1) + 1
    assert " ".join(text[src_start:src_end].split()) == " ".join(flow.text[start:end].split())


def test_a_very_long_text_is_read_in_place(
    seed_doc: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the size limit no flowed copy is made; the spans still cover the same words."""
    wrapped = document_from_text(wire(seed_doc))
    monkeypatch.setattr("reader.analysis.flow.FLOWED_UP_TO", 100)
    monkeypatch.setattr("reader.analysis._cache", OrderedDict())  # analysed afresh
    assert Flow(wrapped.text, wrapped.paragraphs).identity
    in_place = summary(wrapped)
    assert [s[0] for s in in_place[0]] == [s[0] for s in summary(seed_doc)[0]]
    assert in_place[2] == summary(seed_doc)[2]


def test_a_name_never_runs_across_paragraphs() -> None:
    """A headline ending in a capitalised word does not lend it to the next name."""
    text = (
        "STANDARD OIL SEES BOOST IN 1987 CASH FLOW\n"
        "  Standard Oil Co expects asset sales to add one billion dlrs to\n"
        "  its cash flow, it said.\n"
        "      Standard said its oil and gas production rose last year.\n"
    )
    result = analyze(document_from_text(text))
    assert [s.name for s in result.speakers] == ["Standard"]
    assert all("\n" not in text[m.start : m.end] for m in result.speakers[0].mentions)
