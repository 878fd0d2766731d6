"""``"...," says the bow-tied maverick``: after a quotation, the words after the cue speak."""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from tests.analysis.statements import speakers_by_source

# (text, the quote's source)
AFTER_QUOTATION = [
    ('"The tide was late," says the grey-bearded ferryman.', "the grey-bearded ferryman"),
    ('"We sold out by noon," said the Dundee baker, smiling.', "the Dundee baker"),
    ('"Try the plums," says my eldest daughter.', "my eldest daughter"),
    ('"Nobody came," says Okafor\'s assistant, Lena Marsh.', "Lena Marsh"),
    ('"The talks went well," said her office.', "her office"),
    ("The talks went badly, said one Labour source in the room.", "one Labour source"),
    ('"We lost the toss," said Harbour Rowing head coach Anna Brekke.', "Anna Brekke"),
    ('"Costs are up," says Ports and Docks senior manager Ola Dahl, who runs it.', "Ola Dahl"),
    ('"We will sell," said a person familiar with the talks.', "a person familiar with the talks"),
    (
        "The mill will be sold, said people familiar with the matter.",
        "people familiar with the matter",
    ),
]


@pytest.mark.parametrize(("text", "source"), AFTER_QUOTATION)
def test_described_speaker_after_a_quotation(text: str, source: str) -> None:
    result = analyze(text)
    assert [q.source.text(text) for q in result.quotes if q.source] == [source]
    assert result.quotes[0].kind == ("direct" if text.startswith('"') else "indirect")


# Without a quotation before it, a lower-case phrase after "said" is what was said.
NOT_A_SPEAKER = [
    'Ortega, who called it "a relief," says the ferry changed his life.',
    "The harbour said the event brought back many visitors.",
    "Prices rose, said the report released by the ministry on Monday.",
]


@pytest.mark.parametrize("text", NOT_A_SPEAKER)
def test_no_described_speaker_without_a_quotation(text: str) -> None:
    result = analyze(text)
    sources = [q.source.text(text) for q in result.quotes if q.source]
    assert "the event brought back many visitors" not in sources
    assert not any(s.startswith("the ferry") for s in sources)
    assert all(not s.startswith("the report released") for s in sources)


# A quotation closing on "?" or "!" ends its sentence; the next one opens with its source.
QUESTIONS = [
    ('"Is the ferry running?" Okafor asked before boarding.', "Okafor", "Is the ferry running?"),
    ('"What a catch!" the skipper shouted.', "the skipper", "What a catch!"),
]


@pytest.mark.parametrize(("text", "source", "content"), QUESTIONS)
def test_question_before_its_source(text: str, source: str, content: str) -> None:
    result = analyze(text)
    rows = [(q.kind, q.source.text(text), q.content.text(text)) for q in result.quotes]
    assert rows == [("direct", source, content)]


# (text, source, speaker): a document after the cue, with the words that name its author.
DOCUMENT_WITH_AUTHOR = [
    (
        '"The talks went well," said a statement released by the Prime Minister\'s Office.',
        "a statement released by the Prime Minister's Office",
        "Prime Minister's Office",
    ),
    (
        '"The mill will close," read a letter from the union, which represents 600 workers.',
        "a letter from the union",
        "union",
    ),
    (
        '"Nobody was hurt," said a statement from the U.S. Embassy.',
        "a statement from the U.S. Embassy",
        "U.S. Embassy",
    ),
]


@pytest.mark.parametrize(("text", "source", "speaker"), DOCUMENT_WITH_AUTHOR)
def test_a_document_after_the_cue_speaks_for_the_author_it_names(
    text: str, source: str, speaker: str
) -> None:
    assert speakers_by_source(text) == [(source, speaker)]
