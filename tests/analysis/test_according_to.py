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
