"""The source read back from a cue: long sources are read whole, however far back they start."""

from __future__ import annotations

import pytest

from reader.analysis.phrases import source_before
from reader.spans import Span

# The walk back reads a short window first and the full one when it needs earlier words:
# each source here starts more than 30 characters before its cue.
LONG_SOURCES = [
    (
        "On Monday the state's campaign chairman, Phil Lovas, said the vote was fair.",
        "said",
        "On Monday the state's campaign chairman, Phil Lovas",
    ),
    (
        "Former Federal Reserve Chairman Alan Greenspan (who led the bank for years) said so.",
        "said",
        "Former Federal Reserve Chairman Alan Greenspan (who led the bank for years)",
    ),
    (
        "Outside the court a lawyer for the family of the victims, Maria Lopez, says it is over.",
        "says",
        "Outside the court a lawyer for the family of the victims, Maria Lopez",
    ),
    (
        "The deputy minister of foreign affairs Sergei Ryabkov has also said so.",
        "has",
        "The deputy minister of foreign affairs Sergei Ryabkov",
    ),
]


@pytest.mark.parametrize(("sentence", "cue", "source"), LONG_SOURCES)
def test_a_long_source_is_read_whole(sentence: str, cue: str, source: str) -> None:
    verb = sentence.index(" said" if cue == "has" else f" {cue}") + 1
    found, first = source_before(sentence, Span(0, len(sentence)), verb)
    assert found is not None
    assert sentence[found.start : found.end] == source
    assert sentence[first:].split()[0] == cue  # "has also said": the cue starts at "has"


def test_a_short_source_is_read_as_before() -> None:
    sentence = "A long opening clause about prices and trade, then Lavrov said so."
    verb = sentence.index(" said") + 1
    found, first = source_before(sentence, Span(0, len(sentence)), verb)
    assert found is not None and sentence[found.start : found.end] == "Lavrov"
    assert first == verb


# (sentence, cue, source): what stands before a cue that is no one, or only partly someone.
NOT_SPEAKERS = [
    # capitals before a head that names a thing, not a person or a body
    (
        "Semolina is available under the Export Enhancement Program initiative announced",
        "announced",
        None,
    ),
    ("Sixers game notes", "notes", None),
    # a verb that makes a noun the report: who made it
    ("On July 6, Sanders made the following comment", "comment", "Sanders"),
    ("Last night Tanaiste Leo Varadkar made a strong claim", "claim", "Tanaiste Leo Varadkar"),
    # a body, a group, a time or "himself" after the capitals are still the speaker
    ("The Bank of Canada said", "said", "The Bank of Canada"),
    ("Finance Ministry officials said", "said", "Finance Ministry officials"),
    ("Santos yesterday said", "said", "Santos yesterday"),
    ("Major himself said", "said", "Major himself"),
    ("The Reagan administration said", "said", "The Reagan administration"),
]


def source_words(sentence: str, cue: str) -> str | None:
    """The words of the source read back from the last ``cue`` of ``sentence``, if any."""
    found, _ = source_before(sentence, Span(0, len(sentence)), sentence.rindex(cue))
    return found.text(sentence) if found else None


@pytest.mark.parametrize(("sentence", "cue", "source"), NOT_SPEAKERS)
def test_a_thing_or_a_light_verb_before_the_cue(
    sentence: str, cue: str, source: str | None
) -> None:
    assert source_words(sentence, cue) == source


# (sentence, cue, source): a common noun for people or a body, after a word that opens a
# clause ("But", "Still,"), is the speaker: it names them as "Critics said" would.
COMMON_NOUN_SOURCES = [
    ("But critics say resources could be better spent", "say", "critics"),
    ("But officials said the talks would go on", "said", "officials"),
    ("Still, the fund warned that the exit will raise questions", "warned", "the fund"),
    ("The bureau said imports of silver totaled 144,890,000 ounces", "said", "The bureau"),
    ("The seaway authority said a walkout would hurt shipping", "said", "The seaway authority"),
    # a quantity of people: the people speak
    ("A lot of people say the plan will fail", "say", "A lot of people"),
    ("A majority of voters said the plan would fail", "said", "A majority of voters"),
    # unnamed sources with what they know of: all of it the source
    ("People familiar with the bid said the sale was near", "said", "People familiar with the bid"),
    (
        "But sources close to the company have said it will sell",
        "said",
        "sources close to the company",
    ),
    ("Those close to him say he will run", "say", "Those close to him"),
    # a name after a particle in lower case is a name
    ("In its statement, al-Shabaab said the attack was a reply", "said", "al-Shabaab"),
    # a noun ending in -ly is no adverb
    ("It was over, attorneys for the family said", "said", "attorneys for the family"),
    ("It was over, a lawyer for the family said", "said", "a lawyer for the family"),
    # a zero-width space, as web pages keep them, is no mark that ends the source
    ("As for the issues, Jeff Traeger\u200b said he expects help", "said", "Jeff Traeger"),
]


@pytest.mark.parametrize(("sentence", "cue", "source"), COMMON_NOUN_SOURCES)
def test_a_common_noun_for_people_or_a_body_is_the_speaker(
    sentence: str, cue: str, source: str
) -> None:
    assert source_words(sentence, cue) == source


# (sentence, source): "Name, role, age, says": the name and its role, not the role alone.
AGED_APPOSITIVES = [
    (
        "Ernie LeBlanc, father of Jason LeBlanc, 42, says his son battled addiction",
        "Ernie LeBlanc, father of Jason LeBlanc",
    ),
    (
        "Teresa Galati, a retired teacher, 56, says the bus was late",
        "Teresa Galati, a retired teacher",
    ),
    ("Teresa Galati, 56, says the bus was late", "Teresa Galati"),
    (
        "On Monday the father of Jason LeBlanc, 42, says he battled on",
        "the father of Jason LeBlanc",
    ),
]


@pytest.mark.parametrize(("sentence", "source"), AGED_APPOSITIVES)
def test_a_name_before_a_role_and_an_age_is_part_of_the_source(sentence: str, source: str) -> None:
    assert source_words(sentence, "says") == source


# (sentence, source): a relative clause between commas before the cue belongs to the source
# when the noun phrase before it opens the sentence; within a longer phrase whose clause it
# is is unclear, and there is no such source (None).
RELATIVE_APPOSITIVES = [
    (
        "Rucker Culpepper, who runs the campaign's effort for veterans' families, said so",
        "Rucker Culpepper, who runs the campaign's effort for veterans' families",
    ),
    (
        "Conservative economist Aparna Mathur, who studies tax policy, said so",
        "Conservative economist Aparna Mathur, who studies tax policy",
    ),
    ("For his part, Brooks, who still has the phone, said so", "Brooks, who still has the phone"),
    ("The dealer, who declined to be named, said so", "The dealer, who declined to be named"),
    ("Reuters, which first reported the deal, said so", "Reuters, which first reported the deal"),
    (
        "Angelique Brunner, a developer and spokeswoman for the coalition, which is made up "
        "of investors, said so",
        None,
    ),
    (
        "Such views are ingrained, the fault of Nakasone, who praised the report, said so",
        None,
    ),
    ("He met them, who came late, said so", None),
]


@pytest.mark.parametrize(("sentence", "source"), RELATIVE_APPOSITIVES)
def test_a_relative_clause_before_the_cue_is_part_of_a_source_opening_the_sentence(
    sentence: str, source: str | None
) -> None:
    verb = sentence.index(" said") + 1
    found, _ = source_before(sentence, Span(0, len(sentence)), verb)
    assert (sentence[found.start : found.end] if found else None) == source
