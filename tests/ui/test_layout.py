"""Wrapping and line layout of the article: offsets survive, widths are respected."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.document import document_from_text
from reader.ui.layout import Kind, Layout, drawn, wrap

words = st.lists(
    st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzé漢"), min_size=1, max_size=25),
    min_size=1,
    max_size=60,
)
separators = st.sampled_from([" ", "  ", "\n", " \n "])


@settings(max_examples=150, deadline=None)
@given(words=words, seps=st.lists(separators, min_size=60, max_size=60), width=st.integers(4, 70))
def test_wrap_keeps_every_word_in_order_within_the_width(words, seps, width):
    text = "".join(w + s for w, s in zip(words, seps, strict=False)).rstrip()
    lines = wrap(text, 0, len(text), width)
    for start, end in lines:
        shown, columns = drawn(text, start, end)
        assert cell_len(shown) <= max(width, 2)  # as drawn: a newline and its indent are one space
        assert "\n" not in shown
        assert text[start:end] == text[start:end].strip()
        if columns is not None:
            assert len(columns) == end - start + 1 and columns[-1] == len(shown)
            assert all(a <= b for a, b in itertools.pairwise(columns))
    # Nothing lost or repeated: the non-space characters read the same, in order.
    assert "".join("".join(text[s:e].split()) for s, e in lines) == "".join(text.split())
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(lines))


def test_wrap_breaks_at_spaces_and_splits_only_overlong_words():
    text = "alpha beta gamma " + "x" * 12
    lines = [text[s:e] for s, e in wrap(text, 0, len(text), 10)]
    assert lines == ["alpha beta", "gamma", "xxxxxxxxxx", "xx"]


def test_layout_maps_offsets_to_lines_and_back(seed_doc):
    layout = Layout(seed_doc, 50)
    for index, para in enumerate(seed_doc.paragraphs):
        first = layout.first_line[index]
        assert layout.paragraph_of(first) == index
        assert layout.last_line(index) >= first
        if seed_doc.post_at(index) is None:
            assert layout[first].start == para.start
            last = layout.last_line(index)
            if layout[last].kind == Kind.DATE:
                last -= 1
            assert layout.line_of(para.end - 1) == last
    assert layout[0].kind == Kind.TITLE
    kinds = {layout[y].kind for y in range(len(layout))}
    assert {Kind.TITLE, Kind.DATE, Kind.TEXT, Kind.BLANK, Kind.POST_HEADER, Kind.POST} <= kinds


def test_narrower_layout_has_more_lines_and_same_paragraph_starts(seed_doc):
    wide, narrow = Layout(seed_doc, 90), Layout(seed_doc, 30)
    assert len(narrow) > len(wide)
    for index in range(len(seed_doc.paragraphs)):
        assert narrow[narrow.first_line[index]].start == wide[wide.first_line[index]].start


def test_plain_text_without_header_has_no_date_line():
    doc = document_from_text("A title\n\nOne paragraph here.\n\nAnother one.")
    layout = Layout(doc, 40)
    assert [layout[y].kind for y in range(len(layout))] == [
        Kind.TITLE,
        Kind.BLANK,
        Kind.TEXT,
        Kind.BLANK,
        Kind.TEXT,
    ]


HARD_WRAPPED = "      First line of a\n  paragraph that goes on\n  over three lines."


def test_a_newline_and_its_indent_inside_a_paragraph_are_drawn_as_one_space():
    start = HARD_WRAPPED.index("First")
    shown, columns = drawn(HARD_WRAPPED, start, len(HARD_WRAPPED))
    assert shown == "First line of a paragraph that goes on over three lines."
    for word in ("paragraph", "over", "lines"):  # offsets still find their words
        at = HARD_WRAPPED.index(word) - start
        assert shown[columns[at] : columns[at + len(word)]] == word
    assert drawn("no break here", 0, 13) == ("no break here", None)


def test_wrap_measures_hard_wrapped_lines_as_drawn():
    text = HARD_WRAPPED
    lines = [drawn(text, s, e)[0] for s, e in wrap(text, 0, len(text), 25)]
    assert lines == ["First line of a paragraph", "that goes on over three", "lines."]
    assert [drawn(text, s, e)[0] for s, e in wrap(text, 0, len(text), 60)] == [
        "First line of a paragraph that goes on over three lines."
    ]
