"""``CONTENT, SOURCE said.``: what was said stands before its source."""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from tests.analysis.statements import statements

# (text, source, cue, content)
BEFORE = [
    (
        "The bridge should have been closed at dawn, Ortega testified.",
        "Ortega",
        "testified",
        "The bridge should have been closed at dawn",
    ),
    (
        "The ferry had been overloaded twice that week, the inspector concluded.",
        "the inspector",
        "concluded",
        "The ferry had been overloaded twice that week",
    ),
    (
        "At that speed, the ferry needed a mile to stop, Ortega said.",
        "Ortega",
        "said",
        "the ferry needed a mile to stop",
    ),
    (  # a form that is as often a noun ("reports") is the verb after a name
        "Bonuses were $500 every three months, The Wall Street Journal reports.",
        "The Wall Street Journal",
        "reports",
        "Bonuses were $500 every three months",
    ),
    (
        "The count was rigged in three counties, Democrats claim.",
        "Democrats",
        "claim",
        "The count was rigged in three counties",
    ),
]


@pytest.mark.parametrize(("text", "source", "cue", "content"), BEFORE)
def test_content_before_the_source(text: str, source: str, cue: str, content: str) -> None:
    assert statements(text) == [(source, cue, content)]


# No content: an adverbial only, or a noun form of a verb that needs a clause.
NOTHING = [
    "In Lisbon, on Monday, Ortega said.",
    "After the vote in Lisbon, where the ferry docked, Ortega said.",
    "The inspectors read everything they were sent, police reports.",
    "The ferry was late again on Monday, news reports.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_content_before_the_source(text: str) -> None:
    assert list(analyze(text).quotes) == []


# A source opening its sentence, an adjunct after the cue: what was said comes after.
AFTER = [
    (
        "Ortega said after the vote he would not sell the ferry.",
        "Ortega",
        "said",
        "he would not sell the ferry",
    ),
    (
        "Ortega said on Monday that the ferry was late.",
        "Ortega",
        "said on Monday",
        "the ferry was late",
    ),
]


@pytest.mark.parametrize(("text", "source", "cue", "content"), AFTER)
def test_adjunct_after_the_cue(text: str, source: str, cue: str, content: str) -> None:
    assert statements(text) == [(source, cue, content)]


def test_a_place_and_a_clause_about_it_is_no_statement() -> None:
    assert list(analyze("Ortega said in Lisbon, where the ferry docked.").quotes) == []


def test_a_statement_reported_inside_a_closing_cue_is_part_of_its_content() -> None:
    # "CONTENT, SOURCE added." where CONTENT itself reports someone: both statements, whole.
    text = (
        "Ortega had told the harbour officials that he did not want the escort, "
        "but the port overruled him, the source added."
    )
    found = statements(text)
    assert ("the source", "added", text[: text.index(", the source")]) in found
    assert ("Ortega", "had told", "he did not want the escort, but the port overruled him") in found
