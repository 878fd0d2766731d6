"""Reporting verbs of ``vocabulary.toml``, each in a sentence of its own."""

from __future__ import annotations

import pytest

from reader.analysis import analyze

# (text, source, cue)
CUES = [
    ('"She is safe, she is safe," the mother repeated into the phone.', "the mother", "repeated"),
    ('"The mill will close in May," the letter read.', "the letter", "read"),
    ('"Nobody was hurt," her statement read.', "her statement", "read"),
    ("The broker advises that the shares may fall further this year.", "The broker", "advises"),
    ("The broker advised clients that the shares may fall.", "The broker", "advised"),
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
]


@pytest.mark.parametrize("text", NO_CUE)
def test_no_cue(text: str) -> None:
    assert list(analyze(text).quotes) == []
