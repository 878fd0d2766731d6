"""``according to SOURCE``: who the source is, without the clause that follows it."""

from __future__ import annotations

import pytest

from reader.analysis import analyze

# (text, source)
ACCORDING = [
    (
        "The ferry will be sold, according to port officials unauthorized to speak publicly.",
        "port officials",
    ),
    (
        "The ferry will be sold, according to a person familiar with the talks but not named.",
        "a person familiar with the talks",
    ),
    (
        "The ferry will be sold, according to a speech Mayor Ortega delivered at the port.",
        "Mayor Ortega",
    ),
    (
        "The ferry will be sold, according to the Institute for Port Studies.",
        "the Institute for Port Studies",
    ),
]


@pytest.mark.parametrize(("text", "source"), ACCORDING)
def test_according_to_source(text: str, source: str) -> None:
    result = analyze(text)
    sources = [q.source.text(text) for q in result.quotes if q.source]
    assert sources == [source]


# (text, content): what "according to" reports, without the comma after its source.
CONTENTS = [
    (
        "Later, according to their attorneys, the family watched the videos.",
        "the family watched the videos",
    ),
    ("The family, according to their attorneys, watched the videos.", "watched the videos"),
    (
        "According to their attorneys, the family watched the videos.",
        "the family watched the videos",
    ),
]


@pytest.mark.parametrize(("text", "content"), CONTENTS)
def test_according_to_content_starts_after_the_source_and_its_comma(
    text: str, content: str
) -> None:
    result = analyze(text)
    assert [q.content.text(text) for q in result.quotes if q.content] == [content]
