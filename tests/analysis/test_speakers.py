"""Speakers: name variants merged, roles kept, pronouns and role nouns resolved."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.analysis import analyze
from reader.analysis.sources import read_source
from reader.analysis.speakers import slug
from reader.spans import Span
from tests.analysis.statements import speakers_by_source


def speakers(text: str) -> dict[str, tuple[str, str | None, list[str]]]:
    return {s.name: (s.kind, s.role, s.aliases) for s in analyze(text).speakers}


def test_surname_and_transliteration_merge_into_one_speaker() -> None:
    text = (
        "Foreign Minister Dmitri Ivanov said the talks went well.\n\n"
        "Ivanov added that more talks were planned for spring.\n\n"
        "Dmitry Ivanov also said the ministry would publish the results."
    )
    found = speakers(text)
    assert list(found) == ["Dmitri Ivanov"]
    kind, role, aliases = found["Dmitri Ivanov"]
    assert (kind, role) == ("person", "Foreign Minister")
    assert {"Ivanov", "Dmitry Ivanov"} <= set(aliases)


def test_different_first_names_stay_different_people() -> None:
    text = (
        "Hannah Berg said the plan was sound and ready.\n\n"
        "Oskar Berg said the plan was far too expensive."
    )
    assert sorted(speakers(text)) == ["Hannah Berg", "Oskar Berg"]


def test_first_name_found_elsewhere_completes_a_surname() -> None:
    text = (
        "Talks with the visiting envoy Clara Vance lasted all day.\n\n"
        '"We made real progress on every point," Vance said.'
    )
    assert list(speakers(text)) == ["Clara Vance"]


def test_role_used_as_a_name_is_an_alias() -> None:
    text = (
        "Portuguese Finance Minister Rui Costa said the deficit was shrinking.\n\n"
        "The Portuguese minister met bankers later in the day.\n\n"
        "The minister added that taxes would not rise this year."
    )
    result = analyze(text)
    assert [s.name for s in result.speakers] == ["Rui Costa"]
    assert "the Portuguese minister" in result.speakers[0].aliases
    assert [q.speaker for q in result.quotes] == ["rui-costa", "rui-costa"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Anna Weiss said the vote was fair. Later, Paul Grant said it was not."
            "\n\nHe said the count should be repeated in every district.",
            "Paul Grant",
        ),
        (
            "Paul Grant said the vote was fair.\n\nOmar Weiss disagreed with the count."
            '\n\n"It was not fair at all, and we will appeal," he said.',
            "Paul Grant",
        ),
        (  # a full name with the family name first shows a person ("Kim" alone may not)
            "North Korean leader Kim Jong-un arrived in Beijing.\n\nHarry Kazianis, a defence "
            "analyst, said the trip was a signal to Washington.\n\nKim said in his speech he "
            "was ready to meet Trump. But he warned that he may seek another path if sanctions "
            "continued.",
            "Kim Jong-un",
        ),
        (  # a name in the possessive says whose; the one who gave no details speaks
            "Donald Trump said he would travel to Asia in the spring.\n\nForeign Ministry "
            "spokesperson Lu Kang gave no details about Trump's schedule. But he said further "
            "information would be released in due course.",
            "Lu Kang",
        ),
        (  # "the Ford government" says whose government, not who speaks
            "Justin Trudeau said the plan was wrong. Doug Ford said it was needed.\n\n"
            "Trudeau urged people to send a message to the Ford government.\n\n"
            '"It would be a bad choice to cut education budgets," he said.',
            "Justin Trudeau",
        ),
    ],
)
def test_pronoun_resolves_to_the_last_named_speaker(text: str, expected: str) -> None:
    result = analyze(text)
    names = {s.id: s.name for s in result.speakers}
    pronoun = [
        q for q in result.quotes if q.source and q.source.text(text).lower() in {"he", "she"}
    ]
    assert pronoun and names[pronoun[-1].speaker] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the plural subject of its sentence, not the person quoted before
            "Donald Trump said the talks were over.\n\nRepublican senators are eager to "
            "confirm judges, and they say they will not consider any bill unless Trump signs it.",
            "Republican senators",
        ),
        (  # a group with an article and a capital, across a semicolon
            "Andrew Scheer spoke first.\n\nThe Conservatives believe the tax is a grab; "
            "they say their research shows voters agree.",
            "the Conservatives",
        ),
        (  # "they" opening its sentence: the subject of the sentence before
            "Mitch McConnell said he would wait.\n\nMcConnell aides acknowledged a close tie "
            "with the White House. But they emphasized that the senator would not yield.",
            "McConnell aides",
        ),
        (  # a phrase between commas after the subject
            "Maria Lopez said no.\n\nProponents, including the Conference of Mayors, have "
            "urged Congress to keep the program, although they say they support some changes.",
            "Proponents",
        ),
        (  # a group quoted just before ("according to" names who speaks)
            "Donald Trump demeaned women on the show, according to show insiders. "
            "They said he rated contestants by their looks.",
            "show insiders",
        ),
        (  # a singular subject is no group: the company named before
            "Acme Corp said it would close the plant.\n\n"
            "The program has expanded beyond its intent, they say.",
            "Acme Corp",
        ),
    ],
)
def test_they_stands_for_a_group_or_an_organisation(text: str, expected: str) -> None:
    result = analyze(text)
    by_id = {s.id: s for s in result.speakers}
    they = [q for q in result.quotes if q.source and q.source.text(text).lower() == "they"]
    assert they
    speaker = by_id[they[-1].speaker]
    assert expected in [speaker.name, *speaker.aliases]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a new person opens the paragraph before the quotation: that person speaks
            'Hiram Macharia said he grabbed a fire extinguisher.\n\n"We hid," he said.\n\n'
            "Mamadou Dia was on a business trip from Paris when he ended up in a room.\n\n"
            '"They told us by text that the police knew," he said.',
            "Mamadou Dia",
        ),
        (  # another name later in that paragraph does not hide the one opening it
            "Ed Schultz said the network was fair.\n\n"
            "John Dickey, the chief executive of Ora Media, runs the show with Larry King.\n\n"
            'As for the bias, he said, "What outlet takes no sides?"',
            "John Dickey",
        ),
        (  # named inside the paragraph before, not opening it: the speaker named before
            "Kevin Vickers said he wants to carry on the legacy of his father.\n\n"
            "He said a credit union run by his father's friend, Martin Legere, helped.\n\n"
            '"They brought a lot of jobs," he said.',
            "Kevin Vickers",
        ),
        (  # the person opening the paragraph before does nothing a subject does
            "Paul Grant said the vote was fair.\n\nOmar Weiss disagreed with the count."
            '\n\n"It was fair, and we will not appeal," he said.',
            "Paul Grant",
        ),
        (  # a title before the name, a phrase between dashes after it
            "David Lametti said there was no pressure.\n\nLiberal MP Marco Mendicino — a "
            "former federal prosecutor — went on CBC later in the day.\n\n"
            '"Neither directed, nor pressured," he said.',
            "Marco Mendicino",
        ),
        (  # "For <name>, ..." opens a paragraph about that person
            'Nadia Farouk said the mosque had reopened.\n\n"We are grateful," she said.\n\n'
            "For Leila Haddad, Friday is a day she has been awaiting for months.\n\n"
            '"It is a relief to pray together again," she said.',
            "Leila Haddad",
        ),
    ],
)
def test_a_person_opening_the_paragraph_before_a_quotation_speaks_it(
    text: str, expected: str
) -> None:
    result = analyze(text)
    names = {s.id: s.name for s in result.speakers}
    last = result.quotes[-1]
    assert last.source is not None and last.source.text(text) in {"he", "she"}
    assert names[last.speaker] == expected


def test_pronoun_takes_the_person_named_just_before() -> None:
    text = (
        "Maria Lopez walked to the podium in silence.\n\n"
        '"We will cut the budget this year," she said.'
    )
    result = analyze(text)
    assert [s.name for s in result.speakers] == ["Maria Lopez"]
    assert result.quotes[0].source.text(text) == "she"


def test_a_pronoun_alone_never_makes_a_speaker() -> None:
    text = "He said the vote was fair and the count was right."
    result = analyze(text)
    assert result.speakers == [] and result.quotes == []


def test_organisation_kind() -> None:
    text = (
        "The Finance Ministry said revenue rose in May. Reuters reported that exports fell sharply."
    )
    found = speakers(text)
    assert found["Finance Ministry"][0] == "organization"
    assert found["Reuters"][0] == "organization"


@pytest.mark.parametrize(
    ("source", "name", "role"),
    [
        ("Russian Foreign Minister Sergei Lavrov", "Sergei Lavrov", "Russian Foreign Minister"),
        ("longtime Democratic pollster Pat Caddell", "Pat Caddell", "longtime Democratic pollster"),
        ("Jean-Claude de la Fontaine", "Jean-Claude de la Fontaine", None),
        ("Sheikh Hamad bin Jassim", "Hamad bin Jassim", "Sheikh"),
        ("Lavrov, Russia's foreign minister", "Lavrov", "Russia's foreign minister"),
        ("George W. Bush", "George W. Bush", None),
        ("the Washington Post Trump", "Trump", None),
        (
            "the D.C. Court of Appeals’ Board on Professional Responsibility",
            "D.C. Court of Appeals’ Board on Professional Responsibility",
            None,
        ),
        (
            "Rep. Jim Jordan (R-Ohio), an oversight panel member",
            "Jim Jordan",
            "an oversight panel member",
        ),
    ],
)
def test_name_and_role_from_a_source(source: str, name: str, role: str | None) -> None:
    reading = read_source(source, Span(0, len(source)))
    assert reading is not None
    assert (reading.name, reading.role) == (name, role)


@pytest.mark.parametrize(
    ("source", "kind", "name"),
    [
        ("the White House", "name", "White House"),
        ("Global Affairs", "name", "Global Affairs"),
        ("the Security Council", "name", "Security Council"),
        ("Senate Finance Committee", "name", "Senate Finance Committee"),
        ("the Foreign Minister", "role", "Foreign Minister"),
        ("the House Speaker", "role", "House Speaker"),
    ],
)
def test_capitalised_body_is_a_named_organisation_not_a_role(
    source: str, kind: str, name: str
) -> None:
    reading = read_source(source, Span(0, len(source)))
    assert reading is not None
    assert (reading.kind, reading.name, reading.org) == (kind, name, kind == "name")


@pytest.mark.parametrize(
    "text",
    [
        "Global Affairs says travellers should avoid the border region.\n\n"
        "The department's advisory was first posted in March, but it now explains "
        "that the roads are closed.",
        "The White House said the talks would resume in May.\n\n"
        "It also said the president would not attend.",
    ],
)
def test_it_after_a_named_body_is_that_body(text: str) -> None:
    found = speakers_by_source(text)
    assert len(found) == 2
    assert found[1][0].lower() == "it" and found[1][1] == found[0][1]


def test_role_without_a_record_falls_back_to_the_person_named_last() -> None:
    text = (
        "Nina Park said the race was close and the count would take days.\n\n"
        "The Democratic nominee added that every vote would be counted."
    )
    result = analyze(text)
    assert [s.name for s in result.speakers] == ["Nina Park"]
    assert len(result.quotes) == 2


# A definite role after an unnamed speaker of that noun, met since the person named last,
# is that unnamed speaker: (text, the role's source, the speaker it is given to).
UNNAMED_AGAIN = [
    (
        "John McCallum, the ambassador, said the case was strong.\n\n"
        '"It is up to the minister," a justice official said at the briefing.\n\n'
        "The justice official told reporters that most requests go through.",
        "The justice official",
        "justice official",
    ),
    (
        "Karl Otto Poehl said rates would not change.\n\n"
        "A Reagan administration official said the accord stood.\n\n"
        '"If there is such a provision it is private," the official said.',
        "the official",
        "Reagan administration official",
    ),
    (  # "the official" stays with the justice officials, not the officials met first
        "Unlike McCallum, the officials were careful, emphasizing instead due process.\n\n"
        "At the briefing, justice officials said the decisions were not political.\n\n"
        "The justice official told reporters that most requests go through.\n\n"
        '"Most of those go through," the official said.',
        "the official",
        "justice officials",
    ),
    (  # no one unnamed met since: the person named last, as before
        "A Reagan administration official said the accord stood.\n\n"
        "Karl Otto Poehl said rates would not change.\n\n"
        '"If there is such a provision it is private," the official said.',
        "the official",
        "Karl Otto Poehl",
    ),
]


@pytest.mark.parametrize(("text", "source", "speaker"), UNNAMED_AGAIN)
def test_a_role_after_an_unnamed_speaker_of_that_noun_is_that_speaker(
    text: str, source: str, speaker: str
) -> None:
    assert dict(speakers_by_source(text))[source] == speaker


def test_those_close_to_him_are_the_speaker() -> None:
    text = "Those close to him say he will run.\n\nPeople close to the mayor say she will not."
    assert [s.name for s in analyze(text).speakers] == [
        "Those close to him",
        "People close to the mayor",
    ]


def test_slug() -> None:
    assert slug("Sergei Lavrov") == "sergei-lavrov"
    assert slug("José Núñez") == "jose-nunez"
    assert slug("!!!") == "speaker"


def test_cli_json_is_byte_identical_twice(seed_path: Path) -> None:
    cmd = [sys.executable, "-m", "reader", "analyze", str(seed_path), "--json"]
    first = subprocess.run(cmd, capture_output=True, check=True, timeout=60).stdout
    second = subprocess.run(cmd, capture_output=True, check=True, timeout=60).stdout
    assert first and first == second


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("China said on Monday it would retaliate against the new tariffs on steel.", "China"),
        ("The United States said the sanctions would stay in place for now.", "United States"),
        ("Beijing warned that the measures were unfair to its farmers.", "Beijing"),
        ("The European Union said it would respond to the new steel tariffs.", "European Union"),
        ("Germany and France said they would back the plan to cap prices.", "Germany and France"),
    ],
)
def test_a_state_capital_or_bloc_speaks_as_an_organisation(text: str, name: str) -> None:
    assert speakers(text)[name][0] == "organization"


def test_a_pronoun_is_never_given_to_a_place_named_before_it() -> None:
    text = (
        "Trade through Hong Kong fell sharply in the third quarter of the year.\n\n"
        '"We expect a recovery soon," he said.'
    )
    assert "Hong Kong" not in speakers(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Finance Ministry said inflation would ease. The ministry added it would fall.",
            "Finance Ministry",
        ),
        (
            "Toyota Motor Corp said sales fell in March. The company said demand would recover.",
            "Toyota Motor Corp",
        ),
        ("OPEC said output would be cut sharply this year. The group said it was needed.", "OPEC"),
    ],
)
def test_the_company_or_the_ministry_is_the_organisation_named_before(text: str, name: str) -> None:
    assert list(speakers(text)) == [name]


def test_a_specific_noun_needs_a_name_that_has_it() -> None:
    text = "The Finance Ministry said inflation would ease. The bank said rates would stay high."
    assert sorted(speakers(text)) == ["Finance Ministry", "bank"]


def test_a_name_joined_by_and_is_not_a_role() -> None:
    role = speakers("Mr. King and Mr. Schultz said the talks were going well.")["Schultz"][1]
    assert role is None
    found = speakers("Minister of Trade and Industry Anna Berg said exports would rise.")
    assert found["Anna Berg"][1] == "Minister of Trade and Industry"


def test_a_quotation_continues_its_speaker_after_an_earlier_statement_is_dropped() -> None:
    # "According to preliminary findings" loses its content to the cue after it and is
    # dropped; the paragraph quoted after Jamil's is still hers, not the next speaker's.
    text = (
        "Homeless in the city\n\n"
        "Dennis Brooks says there are no warm places when you're homeless.\n\n"
        "Nadia Jamil says the research project was launched to learn more.\n\n"
        "According to preliminary findings, program users report they prefer the shelters.\n\n"
        '"A lot of the guests had difficulty around theft, around losing them," she said.\n\n'
        '"This was also part of the research, testing whether technology can help us."\n\n'
        "For his part, Brooks said he obtained housing with the help of the agency."
    )
    result = analyze(text)
    names = {s.id: s.name for s in result.speakers}
    orphan = [q for q in result.quotes if q.content.text(text).startswith("This was also")]
    assert [names[q.speaker] for q in orphan] == ["Nadia Jamil"]


@pytest.mark.parametrize(
    ("text", "source", "speaker", "content"),
    [
        (
            "Ted Cruz endorses Donald Trump, who says he is honored.",
            "who",
            "Donald Trump",
            "he is honored",
        ),
        (  # the relative clause ends at its closing comma
            "The Norvik union, which said last year it would cut jobs, hired 200 people.",
            "which",
            "Norvik union",
            "it would cut jobs",
        ),
        (
            'He disclosed them to the police, which reported "2,521 shooting incidents".',
            "which",
            "police",
            "2,521 shooting incidents",
        ),
    ],
)
def test_a_relative_pronoun_speaks_for_the_noun_phrase_before_it(
    text: str, source: str, speaker: str, content: str
) -> None:
    result = analyze(text)
    names = {s.id: s.name for s in result.speakers}
    rows = [(q.source.text(text), names[q.speaker], q.content.text(text)) for q in result.quotes]
    assert rows == [(source, speaker, content)]


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose after the storm, which confirmed what farmers knew.",  # no one speaks
        "He met others who only specified the date.",
        "Bankers, who asked not to be identified, met on Monday.",
        "Anna Berg writes extensively about the Kremlin.",
        "Anna Berg wrote about the Kremlin for years.",
        "The woman who said and did the same things was there.",
    ],
)
def test_no_statement_after_a_cue_that_reports_nothing(text: str) -> None:
    assert list(analyze(text).quotes) == []


def test_asked_about_reports_the_question() -> None:
    text = "Anna Berg asked Ortega about the ferry timetable."
    assert [q.content.text(text) for q in analyze(text).quotes] == ["about the ferry timetable"]


def test_a_relative_clause_inside_a_statement_leaves_it_whole() -> None:
    text = (
        "Striking seamen, who say they have idled 158 ships, will meet owners on Monday, "
        "union officials said."
    )
    contents = {q.source.text(text): q.content.text(text) for q in analyze(text).quotes}
    assert contents["union officials"].startswith("Striking seamen, who say they have idled")
    assert contents["who"] == "they have idled 158 ships"
