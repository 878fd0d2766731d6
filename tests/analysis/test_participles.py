"""``..., saying ...`` and ``was quoted as saying``: the subject of the sentence said it."""

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
    (  # a phrase of comparison opening the sentence is no subject
        "Unlike McCallum, the officials were careful, emphasizing instead due process.",
        "the officials",
        "instead due process",
    ),
    (
        "Despite the storm, Ortega praised the crew, saying they had worked all night.",
        "Ortega",
        "they had worked all night",
    ),
]


# "was quoted as saying": the subject's words, read as "said" would be.
QUOTED_AS = [
    (
        "Police Chief Joseph Boinnet was quoted as saying by local media that the ferry was safe.",
        "Police Chief Joseph Boinnet",
        "the ferry was safe",
    ),
    (
        "The mayor was widely quoted as saying the books had been cooked.",
        "The mayor",
        "the books had been cooked",
    ),
    (
        'Eline Vos spoke on Monday.\n\n"The debt is large," she was quoted as saying.',
        "she",
        "The debt is large,",
    ),
]


@pytest.mark.parametrize(("text", "source", "content"), SAYING + QUOTED_AS)
def test_participle_takes_the_sentence_subject(text: str, source: str, content: str) -> None:
    result = analyze(text)
    rows = [(q.source.text(text), q.content.text(text)) for q in result.quotes if q.source]
    assert rows == [(source, content)]
