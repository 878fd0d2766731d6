"""Where a reported clause ends, and a second verb of the same speaker."""

from __future__ import annotations

import pytest

from reader.analysis import analyze

# (text, [(source, cue, content)])
CLAUSES = [
    (
        "Ortega said the ferry would run and warned against a strike.",
        [("Ortega", "said", "the ferry would run"), ("Ortega", "warned", "against a strike")],
    ),
    (
        "Ortega said the ferry would run; the union disagreed.",
        [("Ortega", "said", "the ferry would run")],
    ),
    (
        "Ortega said the ferry would run and the crew would be paid.",
        [("Ortega", "said", "the ferry would run and the crew would be paid")],
    ),
    (
        "Mayor Ortega praised the crew for its work and said the ferry would run.",
        [("Mayor Ortega", "said", "the ferry would run")],
    ),
]


@pytest.mark.parametrize(("text", "rows"), CLAUSES)
def test_reported_clause(text: str, rows: list[tuple[str, str, str]]) -> None:
    result = analyze(text)
    got = [(q.source.text(text), q.cue.text(text), q.content.text(text)) for q in result.quotes]
    assert got == rows
