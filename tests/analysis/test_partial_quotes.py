"""A quotation opening inside its sentence: the whole clause is what was said."""

from __future__ import annotations

import pytest

from reader.analysis import analyze

# (text, content)
PARTIAL = [
    (
        'With two ferries out of service, the timetable "cannot hold," Ortega said.',
        'With two ferries out of service, the timetable "cannot hold,',
    ),
    (
        "Raising the fares ''is the wrong answer,'' Ortega said.",
        "Raising the fares ''is the wrong answer,",
    ),
    # A quotation that opens its sentence stays as it is.
    ('"The timetable cannot hold," Ortega said.', "The timetable cannot hold,"),
]


@pytest.mark.parametrize(("text", "content"), PARTIAL)
def test_partial_quotation_takes_its_clause(text: str, content: str) -> None:
    result = analyze(text)
    assert [(q.source.text(text), q.content.text(text)) for q in result.quotes] == [
        ("Ortega", content)
    ]
