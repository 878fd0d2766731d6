"""Sources that name nobody: page labels, clause fragments, adjectives of peoples."""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from reader.analysis.nobody import names_nobody, people_of
from reader.spans import Span


def whole(text: str) -> Span:
    return Span(0, len(text))


@pytest.mark.parametrize(
    "source",
    [
        "READ MORE",
        "Watch Below",
        "Editor’s",
        "It’s a",
        "Given his",
        "Pilots heard him",
        "Lee won't",
    ],
)
def test_a_label_or_a_fragment_names_nobody(source: str) -> None:
    assert names_nobody(source, whole(source))


@pytest.mark.parametrize(
    "source", ["The minister", "He’s", "Mark Ellis", "the former secretary of"]
)
def test_a_real_source_names_someone(source: str) -> None:
    assert not names_nobody(source, whole(source))


def test_a_headline_under_a_label_has_no_speaker() -> None:
    text = (
        "Kurt Wendel said the port would reopen.\n\n"
        "READ MORE: Mayor Ilse Brandt says the strike cost millions\n\n"
        '"It was a hard week," Wendel said.'
    )
    assert [s.name for s in analyze(text).speakers] == ["Kurt Wendel"]


def test_an_adjective_of_a_people_takes_the_noun_after_it() -> None:
    text = "West German bankers said rates would stay low."
    source = Span(0, len("West German"))
    assert people_of(text, source) == Span(0, len("West German bankers"))
    assert people_of("Mark Ellis said.", Span(0, 10)) == Span(0, 10)
    lone = "The Chinese, said the envoy."
    assert people_of(lone, Span(4, 11)) is None


@pytest.mark.parametrize(
    "text",
    [
        "The Hang Seng index added 40 points to 26,010 on Tuesday.",
        "Conventional wisdom says the harbour will freeze by March.",
        "The needs of the growing town argue for a second bridge.",
    ],
)
def test_an_index_or_a_belief_is_no_speaker(text: str) -> None:
    assert analyze(text).speakers == []


@pytest.mark.parametrize(
    "text",
    [
        "In an Instagram post to her fans, Ada Vine said the tour was off.",
        "The summit drew leaders from 30 member states that share a coastline.",
    ],
)
def test_a_cue_that_is_a_noun_of_the_source_names_nobody(text: str) -> None:
    names = [s.name for s in analyze(text).speakers]
    assert "Instagram" not in names and "member" not in names


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("A union spokesman said the strike would go on.", "A union spokesman"),
        ("About 60 percent said the plan was fair.", "percent"),
        ("An analyst says the shares may fall.", "An analyst"),
    ],
)
def test_a_singular_source_with_its_verb_still_speaks(text: str, source: str) -> None:
    assert [q.source.text(text) for q in analyze(text).quotes if q.source] == [source]
