"""A quote's source is the words that name its speaker; the role around them is the speaker's."""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from reader.analysis.name_in_source import name_within
from reader.spans import Span

# (source as the sentence reads it, the words that name the speaker)
NAMES = [
    ("Harbour Rowing Club head coach Anna Brekke", "Anna Brekke"),
    ("Anna Brekke, the club's head coach", "Anna Brekke"),
    ("the club's head coach, Anna Brekke", "Anna Brekke"),
    ("geology professor Ravi Menon at the University of Leeds", "Ravi Menon"),
    ("Dutch port authority spokeswoman Eline Vos", "Eline Vos"),
    ("Finance Minister Karl Ostrom", "Finance Minister Karl Ostrom"),
    ("Sen. Maria Ruiz of Nevada", "Sen. Maria Ruiz of Nevada"),
    ("the Ministry of Fisheries", "the Ministry of Fisheries"),
    ("the harbour master", "the harbour master"),
    ("a report published by The Tribune", "a report published by The Tribune"),
    ("she", "she"),
]


@pytest.mark.parametrize(("source", "name"), NAMES)
def test_name_within_source(source: str, name: str) -> None:
    span = name_within(source, Span(0, len(source)))
    assert span.text(source) == name


# (sentence, the quote's source, the speaker's name, the speaker's role)
QUOTED = [
    (
        '"We lost the final," Harbour Rowing Club head coach Anna Brekke said.',
        "Anna Brekke",
        "Anna Brekke",
        "Harbour Rowing Club head coach",
    ),
    (
        "Retired welder Ivo Petrov, 71, says the yard was never busier.",
        "Ivo Petrov",
        "Ivo Petrov",
        "Retired welder",
    ),
    (
        "Anna Brekke, the club's head coach, said the boats were too old.",
        "Anna Brekke",
        "Anna Brekke",
        "the club's head coach",
    ),
]


@pytest.mark.parametrize(("text", "source", "name", "role"), QUOTED)
def test_quote_source_is_the_name_and_the_role_stays(
    text: str, source: str, name: str, role: str
) -> None:
    result = analyze(text)
    assert [q.source.text(text) for q in result.quotes if q.source] == [source]
    assert [(s.name, s.role) for s in result.speakers] == [(name, role)]
