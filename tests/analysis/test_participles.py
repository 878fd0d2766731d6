"""``..., saying ...`` with no statement before it: the subject of its sentence said it."""

from __future__ import annotations

import pytest

from reader.analysis import analyze

# (text, source, content)
SAYING = [
    (
        "Port authority spokeswoman Eline Vos hit back on Tuesday, saying the ferry was safe.",
        "Eline Vos",
        "the ferry was safe",
    ),
    (
        "During a speech in Porto on Monday, Ortega attacked the union, saying it had lied.",
        "Ortega",
        "it had lied",
    ),
    (
        "Meanwhile, Ortega praised the crew, saying they had worked all night.",
        "Ortega",
        "they had worked all night",
    ),
]


@pytest.mark.parametrize(("text", "source", "content"), SAYING)
def test_participle_takes_the_sentence_subject(text: str, source: str, content: str) -> None:
    result = analyze(text)
    rows = [(q.source.text(text), q.content.text(text)) for q in result.quotes if q.source]
    assert rows == [(source, content)]
