"""Where a reported clause ends, and a second verb of the same speaker."""

from __future__ import annotations

import pytest

from tests.analysis.statements import statements

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
    (  # "add" with a thing and what it joins: no statement
        "This fall, Nova Scotia added the drug group to its monitoring program, which tracks"
        " prescriptions.",
        [],
    ),
    ("The index added 0.4 per cent to 5,865.", []),
    (  # a verb joined by "and" with an auxiliary: the subject of the sentence, a possessive
        # with the noun it owns (the lawyers speak, not Norman)
        "Norman’s lawyers are preparing a motion, and have alleged in court documents that "
        "the prosecution was politically motivated.",
        [("Norman’s lawyers", "have alleged", "the prosecution was politically motivated")],
    ),
    (  # the owned noun ends before the next verb
        "Donald Trump's campaign manager went on television and said the polls were wrong.",
        [("Donald Trump's campaign manager", "said", "the polls were wrong")],
    ),
    (  # a connective between commas after the verb belongs to the cue
        "Ortega said, however, that the ferry would run.",
        [("Ortega", "said", "the ferry would run")],
    ),
    (
        "Ortega warned on Monday though, that the ferry would not run.",
        [("Ortega", "warned on Monday", "the ferry would not run")],
    ),
    (  # "in his turn (to answer ...)" before a quotation
        "Rival candidate Ana Ortega joked in her turn to answer the question, “It was a dream.”",
        [("Ana Ortega", "joked", "It was a dream.")],
    ),
    (  # a verb before "to": a clause, reported
        "Ortega added the agreement was important to the health of the port.",
        [("Ortega", "added", "the agreement was important to the health of the port")],
    ),
    (  # a colon after: what was added is said
        "Ortega added a warning to the crew: the ferry would not run.",
        [("Ortega", "added", "a warning to the crew: the ferry would not run")],
    ),
]


@pytest.mark.parametrize(("text", "rows"), CLAUSES)
def test_reported_clause(text: str, rows: list[tuple[str, str, str]]) -> None:
    assert statements(text) == rows
