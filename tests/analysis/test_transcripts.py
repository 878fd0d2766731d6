"""Transcripts: ``HOST: ...`` turns, one statement each, over the paragraphs of a quoted turn."""

from __future__ import annotations

from reader.analysis import analyze

TRANSCRIPT = (
    "The harbour master spoke on the radio.\n\n"
    '"HOST: Will the ferry run tomorrow morning?\n\n'
    '"OKAFOR: Well, the ferry will run if the wind drops before dawn.\n\n'
    '"But the crew has been told to stay home until we call them.\n\n'
    '"HOST: Thank you for joining us this morning.\n\n'
    '"OKAFOR: Thank you for having me on the show.'
)


def test_quoted_turn_runs_over_its_paragraphs() -> None:
    text = TRANSCRIPT
    result = analyze(text)
    rows = [(q.source.text(text), q.content.text(text)) for q in result.quotes if q.source]
    okafor = [c for s, c in rows if s == "OKAFOR"]
    assert len(okafor) == 2
    assert okafor[0].startswith("Well, the ferry will run")
    assert okafor[0].endswith("until we call them")
    # The continuing paragraph is no statement of its own.
    assert all(not c.startswith("But the crew") for _, c in rows)
    assert [s for s, _ in rows].count("HOST") == 2
