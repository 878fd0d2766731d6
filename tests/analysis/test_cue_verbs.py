"""Reporting verbs of ``vocabulary.toml``, each in a sentence of its own."""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from tests.analysis.statements import statements

# (text, source, cue)
CUES = [
    ('"She is safe, she is safe," the mother repeated into the phone.', "the mother", "repeated"),
    ('"The mill will close in May," the letter read.', "the letter", "read"),
    ('"Nobody was hurt," her statement read.', "her statement", "read"),
    ("The broker advises that the shares may fall further this year.", "The broker", "advises"),
    ("The broker advised clients that the shares may fall.", "The broker", "advised"),
    ("The minister maintained that the ferry was safe.", "The minister", "maintained"),
    ("The ferry was never overloaded, the minister maintained.", "the minister", "maintained"),
    ("The shelter residents report they want more information.", "The shelter residents", "report"),
]


@pytest.mark.parametrize(("text", "source", "cue"), CUES)
def test_cue_verb(text: str, source: str, cue: str) -> None:
    result = analyze(text)
    assert [(q.source.text(text), q.cue.text(text)) for q in result.quotes] == [(source, cue)]


# The same verbs where nothing is reported.
NO_CUE = [
    "I read the book on Monday and liked it.",
    "The choir repeated the last verse twice.",
    "The broker advised caution.",
    "The Bush Presidential Center in Dallas maintains a program for young leaders.",
    "OPEC maintains its output curbs, and demand for its oil will rise in April.",
    "The union report they released on Monday was long.",
]


@pytest.mark.parametrize("text", NO_CUE)
def test_no_cue(text: str) -> None:
    assert list(analyze(text).quotes) == []


# Forms that are as often nouns, read as nouns; a hypothetical "say".
NOT_A_REPORT = [
    "Editor’s note: the ferry timetable changed in May.",
    "The report that the ferry was late was wrong.",
    "Having said that, the ferry owners argue that fares must rise.",
    "Let's say the ferry costs ten euros a trip.",
    "Given his previously stated views, the ferry owners are hopeful.",
    "She had given her informed consent to the ferry crossing.",
    "It is a comment that the ferry owners found odd.",
    "The tariffs are in retaliation for Japan's alleged failure to honour the pact.",
    "The company’s stated goal of 1.4 mln barrels a day was not met.",
]


@pytest.mark.parametrize("text", NOT_A_REPORT)
def test_noun_or_hypothetical_is_no_cue(text: str) -> None:
    cues = [q.cue.text(text) for q in analyze(text).quotes if q.cue]
    assert cues in ([], ["argue"])


def test_a_pronoun_s_before_a_past_form_is_has() -> None:
    text = "Ann Lee said the ferry was late. She's said repeatedly that the fares would rise."
    cues = [q.cue.text(text) for q in analyze(text).quotes if q.cue]
    assert cues == ["said", "'s said"]


def test_a_possessive_claim_reports_speech() -> None:
    text = "The council rejected Ortega’s claim that the ferry was safe."
    rows = [(q.source.text(text), q.cue.text(text)) for q in analyze(text).quotes]
    assert rows and rows[0][1] == "claim" and rows[0][0].endswith("Ortega’s")


# (text, source, cue, content): the person spoken to, then what they should do or be called.
OBJECT_THEN = [
    (
        "Mayor Ortega urged all ferry users near the port to avoid the harbour.",
        "Mayor Ortega",
        "urged",
        "to avoid the harbour",
    ),
    ("Ortega called on the unions to end the strike.", "Ortega", "called", "to end the strike"),
    ('Ortega called the plan "reckless" on Monday.', "Ortega", "called", "reckless"),
]


@pytest.mark.parametrize(("text", "source", "cue", "content"), OBJECT_THEN)
def test_object_then_what_was_said(text: str, source: str, cue: str, content: str) -> None:
    assert statements(text) == [(source, cue, content)]


NO_OBJECT_REPORT = [
    "Ortega called the minister on Friday to discuss the strike.",
    'Ortega denounced what Mayor Diaz called "a clear threat" to the port.',
    "The rules called for the ferry to stop at dawn.",
]


@pytest.mark.parametrize("text", NO_OBJECT_REPORT)
def test_no_report_in_a_call(text: str) -> None:
    assert list(analyze(text).quotes) == []


def test_a_plural_without_s_takes_the_base_form() -> None:
    text = "A lot of people say the ferry is late."
    assert [(q.source.text(text), q.cue.text(text)) for q in analyze(text).quotes] == [
        ("A lot of people", "say")
    ]
