"""Lines that link to other stories ("READ MORE: ...") are no statements of the article."""

from __future__ import annotations

import pytest

from reader.analysis import analyze

LINKS = [
    "READ MORE: Ortega says the ferry will be late again",
    "Watch: Mayor Ortega says the ferry deal is off",
    "WATCH BELOW: Harbour chief warns of strikes",
    "Read more about: the ferry strike",
    "Also on Harbour News: Ortega says sorry for the delays",
]


@pytest.mark.parametrize("line", LINKS)
def test_link_line_is_no_statement(line: str) -> None:
    text = f"Ortega said the ferry was late again.\n\n{line}\n\nThe ferry sailed at noon."
    result = analyze(text)
    rows = [(q.source.text(text), q.content.text(text)) for q in result.quotes if q.source]
    assert rows == [("Ortega", "the ferry was late again")]


def test_a_colon_in_prose_still_opens_a_quote() -> None:
    text = 'Ortega said it.\n\nWatch the harbour, Ortega told reporters: "It will flood."'
    result = analyze(text)
    assert any(q.content.text(text) == "It will flood." for q in result.quotes)
