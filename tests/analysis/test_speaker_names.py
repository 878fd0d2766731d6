"""Who speaks: the fullest name the text gives, roles as written, pronouns to the right one."""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from reader.analysis.speakers import source_reading
from reader.spans import Span


def speaker_at(text: str, source: str) -> tuple[str, list[str]]:
    """Name and aliases of the speaker of the (last) quote whose source reads ``source``."""
    result = analyze(text)
    by_id = {s.id: s for s in result.speakers}
    hits = [q for q in result.quotes if q.source and q.source.text(text) == source]
    assert hits, f"no quote with source {source!r}"
    sp = by_id[hits[-1].speaker]
    return sp.name, sp.aliases


def names(text: str) -> list[str]:
    return [s.name for s in analyze(text).speakers]


@pytest.mark.parametrize(
    ("text", "source", "alias"),
    [
        (
            "Some farmers say the new rules came far too late for them.",
            "Some farmers",
            "some farmers",
        ),
        (
            "A company spokeswoman said the plant would reopen in May.",
            "A company spokeswoman",
            "a company spokeswoman",
        ),
        ("An official said the border would stay closed all week.", "An official", "an official"),
        (
            "The regional government said the roads were closed.",
            "The regional government",
            "the regional government",
        ),
    ],
)
def test_a_role_keeps_its_determiner_as_written(text: str, source: str, alias: str) -> None:
    assert alias in speaker_at(text, source)[1]


@pytest.mark.parametrize(
    ("text", "source", "name"),
    [
        (  # "he" never stands for the agency quoted just before
            "Tom Reyes took office in May.\n\n"
            'Portco Holdings said the cranes were old. "We need new ones," he said.',
            "he",
            "Tom Reyes",
        ),
        (  # a surname alone, with the full name earlier, is that person
            "Finance Minister Carl Dunmore met Anna Weiss in Ottawa.\n\nThe budget office said "
            "the plan cost too much, and Dunmore was wrong when he said the price was fair.",
            "he",
            "Carl Dunmore",
        ),
        (  # "it" with no organisation named before: the one in its sentence
            "The ministry is struggling with what it says is a record deficit.",
            "it",
            "ministry",
        ),
    ],
)
def test_a_pronoun_stands_for_a_fitting_speaker(text: str, source: str, name: str) -> None:
    assert speaker_at(text, source)[0] == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Greta Holm, a trade lawyer in Oslo, doubts the deal.\n\n"
            '"It will not pass," Holm said.',
            "Greta Holm",
        ),
        (
            'Ivo Marek runs the mill.\n\n"Orders are down," Marek said.',
            "Ivo Marek",
        ),
    ],
)
def test_a_full_name_opening_a_sentence_completes_a_surname(text: str, name: str) -> None:
    assert names(text) == [name]


def test_a_common_word_opening_a_sentence_is_no_first_name() -> None:
    text = '"Orders are down," Marek said.\n\nBut Marek was wrong, and but few agreed with him.'
    assert names(text) == ["Marek"]


@pytest.mark.parametrize(
    ("text", "source", "name"),
    [
        (
            "The Coast Guard statement said the crew was safe.",
            "The Coast Guard statement",
            "Coast Guard",
        ),
        (
            "Lena Ortiz resigned on Monday.\n\nHer letter said the board had misled her.",
            "Her letter",
            "Lena Ortiz",
        ),
        (
            "Dockers walked out.\n\nA letter from the union said the talks had failed.",
            "A letter from the union",
            "union",
        ),
        (
            "Harbor Freight Lines said on Monday it would appeal.\n\n"
            '"The fine is unfair," the statement said.',
            "the statement",
            "Harbor Freight Lines",
        ),
    ],
)
def test_a_document_speaks_for_its_author(text: str, source: str, name: str) -> None:
    assert speaker_at(text, source)[0] == name


@pytest.mark.parametrize(
    ("text", "source", "name"),
    [
        (
            "A recent Reuters survey of voter lists said 40 counties had purged voters.",
            "A recent Reuters survey of voter lists",
            "Reuters",
        ),
        (
            "A survey of listed clubs by CTV News suggested that few had women on their boards.",
            "CTV News",
            "CTV News",
        ),
        (
            "An Ontario Provincial Police investigation of the shooting concluded that the "
            "officer acted lawfully.",
            "An Ontario Provincial Police investigation of the shooting",
            "Ontario Provincial Police",
        ),
        (
            "Lena Ortiz resigned.\n\nHer survey suggested that most staff were unhappy.",
            "Her survey",
            "Lena Ortiz",
        ),
        (
            "Data from California ISO suggested that solar output peaked in May.",
            "Data from California ISO",
            "California ISO",
        ),
        (
            "According to the city's Street Needs Assessment, 8,700 people were homeless.",
            "the city's Street Needs Assessment",
            "city",
        ),
        (
            "Ann Lee spoke first.\n\nA private survey suggested that sales had slowed.",
            "A private survey",
            "private survey",
        ),
    ],
)
def test_a_study_speaks_for_the_author_it_names_or_as_itself(
    text: str, source: str, name: str
) -> None:
    """A study naming no author is no statement of whoever spoke last."""
    assert speaker_at(text, source)[0] == name


@pytest.mark.parametrize(
    ("text", "source", "name"),
    [
        (
            "Dixon Hall runs two shelters in Toronto.\n\n"
            "The city said that 8,700 people were homeless.",
            "The city",
            "city",
        ),
        (
            "Mark Devos toured the port.\n\n"
            "The governor of West Flanders province said 240 people were missing.",
            "The governor of West Flanders province",
            "Mark Devos",
        ),
    ],
)
def test_the_city_is_no_person_named_before_but_its_governor_may_be(
    text: str, source: str, name: str
) -> None:
    assert speaker_at(text, source)[0] == name


def test_a_paper_that_obtained_a_memo_is_not_its_author() -> None:
    text = "The memo obtained by The Courier said the unit would close."
    reading = source_reading(text, Span(0, text.index(" said")))
    assert reading is not None and reading.kind == "document"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            'Trade ministry spokeswoman Song Meilin spoke in Beijing.\n\n"We object," Song said.',
            "Song Meilin",
        ),
        (
            'The plan came from architect Rosa Del Monte.\n\n"It works," said Del Monte.',
            "Rosa Del Monte",
        ),
    ],
)
def test_the_fullest_name_the_text_gives(text: str, name: str) -> None:
    assert names(text) == [name]


def test_he_passes_over_a_one_word_name_nothing_shows_to_be_a_person() -> None:
    text = (
        "Mayor Dan Ruddick spoke first.\n\n"
        '"The line costs less than Metrolinx says," Metrolinx said.\n\n'
        '"We can build it faster," he said.'
    )
    assert speaker_at(text, "he")[0] == "Dan Ruddick"


def test_she_takes_no_man_named_before() -> None:
    text = (
        'Peter Hall said the mill would close. "It is over," he said.\n\n'
        "Ruth Cole runs the bakery next door.\n\n"
        '"We will stay open," she said.'
    )
    assert speaker_at(text, "she")[0] == "Ruth Cole"


@pytest.mark.parametrize(
    ("source", "name", "role"),
    [
        ("Gov. Mark Ellis of Nebraska", "Mark Ellis", "Gov."),
        ("analyst Nora Quist at Fenwick Harrow Securities Ltd", "Nora Quist", "analyst"),
        ("One rural Democrat, Idaho Sen. Lou Barrett", "Lou Barrett", None),
    ],
)
def test_the_person_in_a_source_not_the_state_or_firm(
    source: str, name: str, role: str | None
) -> None:
    reading = source_reading(source, Span(0, len(source)))
    assert reading is not None and reading.kind == "name"
    assert reading.name == name and not reading.org
    if role:
        assert reading.role == role


@pytest.mark.parametrize(
    ("source", "head"),
    [
        ("an aide to Nora Quist", "aide"),
        ("the former clerk of the House of Lords", "former clerk"),
        ("early March the company", "company"),
    ],
)
def test_a_role_that_names_someone_else_is_the_role(source: str, head: str) -> None:
    reading = source_reading(source, Span(0, len(source)))
    assert reading is not None and reading.kind == "role" and reading.name == head


def test_a_party_tag_takes_the_name_before_it() -> None:
    text = "Rep. Dora Vance, D-Ore., the ranking member of the panel, said the bill would pass."
    assert names(text) == ["Dora Vance"]


@pytest.mark.parametrize("label", ["READ MORE", "WATCH", "Watch below", "Editor's note"])
def test_page_furniture_is_no_speaker(label: str) -> None:
    text = (
        f"Kurt Wendel said the port would reopen.\n\n{label}: Port strike ends after a week\n\n"
        '"It was a hard week," Wendel said.'
    )
    assert names(text) == ["Kurt Wendel"]


def test_the_security_firm_is_the_organisation_named_before() -> None:
    text = (
        "Norvik Labs Inc said the attack came from abroad.\n\n"
        "The security firm said the same servers were used in May."
    )
    assert speaker_at(text, "The security firm")[0] == "Norvik Labs Inc"


def test_a_pronoun_passes_over_someone_merely_mentioned_after_a_preposition() -> None:
    text = (
        'Greta Lund said the board wants a new school. "It is overdue," Lund said.\n\n'
        "Nobody had answered the board's letter to Minister Anton Berg by Friday.\n\n"
        '"We will keep asking," she said.'
    )
    assert speaker_at(text, "she")[0] == "Greta Lund"


def test_a_province_speaks_as_an_organisation() -> None:
    text = (
        "Saskatchewan added the drug to its monitoring list this fall, officials said.\n\n"
        "Saskatchewan said the list would grow.\n\n"
        'Dr. Omar Reyes runs the clinic. "Patients ask for it," he says.'
    )
    assert speaker_at(text, "he")[0] == "Omar Reyes"
    assert {s.name: s.kind for s in analyze(text).speakers}["Saskatchewan"] == "organization"


def test_a_possessor_before_a_name_is_not_part_of_it() -> None:
    source = "the Herald's Ann Kowal"
    reading = source_reading(source, Span(0, len(source)))
    assert reading is not None and reading.name == "Ann Kowal"


def test_an_acronym_takes_the_name_the_text_spells_out() -> None:
    text = (
        "The Federal Audit Office published its review on Monday.\n\n"
        "The FAO said the costs had doubled since 2019."
    )
    name, aliases = speaker_at(text, "The FAO")
    assert name == "Federal Audit Office" and "the Federal Audit Office" in aliases


def test_the_automaker_is_the_one_word_firm_named_before() -> None:
    text = (
        "Voltra said it would cut 500 jobs at its plant.\n\n"
        "The automaker said demand had fallen sharply."
    )
    assert speaker_at(text, "The automaker")[0] == "Voltra"
    assert {s.name: s.kind for s in analyze(text).speakers}["Voltra"] == "organization"


def test_an_adjective_of_a_people_before_a_name_is_that_person() -> None:
    text = "Japanese trade ministry spokesman Kenta Ono said the talks would resume."
    source = Span(0, len("Japanese"))
    reading = source_reading(text, source)
    assert reading is not None and reading.name == "Kenta Ono"


def test_he_said_of_someone_tells_she_is_someone_else() -> None:
    text = (
        'Accountant Tunde Bakare says he runs daily. "I feel better," he says.\n\n'
        "Nurse Maria Okafor walks to work.\n\n"
        '"It keeps me calm," she says.'
    )
    assert speaker_at(text, "she")[0] == "Maria Okafor"


def test_a_person_introduced_in_the_paragraph_outweighs_a_speaker_named_before() -> None:
    text = (
        'Anna Pike, a nurse, says the plan works. "It helps," Pike says.\n\n'
        "More people joined in the spring, the clinic said.\n\n"
        'Retired teacher Laura Benn, 61, says the walks help. "I sleep well," she says. '
        'Benn liked the coaching. "Someone always answered," she says.'
    )
    result = analyze(text)
    by_id = {s.id: s.name for s in result.speakers}
    shes = [by_id[q.speaker] for q in result.quotes if q.source and q.source.text(text) == "she"]
    assert shes == ["Laura Benn", "Laura Benn"]


def test_a_person_opening_the_paragraph_is_the_he_in_it_but_not_one_quoted() -> None:
    text = (
        'Jorge Lima, a clerk, said the lights went out. "We hid," he said.\n\n'
        "Kwame Osei was visiting from Accra when he heard the blast, he said.\n\n"
        '"We drove past Port Hale and Ama Boateng Square," he said.'
    )
    result = analyze(text)
    by_id = {s.id: s.name for s in result.speakers}
    hes = [by_id[q.speaker] for q in result.quotes if q.source and q.source.text(text) == "he"]
    assert hes == ["Jorge Lima", "Kwame Osei", "Kwame Osei"]


def test_a_document_author_keeps_its_article_as_an_alias() -> None:
    text = "The NTSB statement said two cars collided on the bridge."
    name, aliases = speaker_at(text, "The NTSB statement")
    assert name == "NTSB" and "the NTSB" in aliases


def test_the_group_met_last_by_that_noun() -> None:
    text = (
        "Trade officials said the talks had stalled.\n\n"
        "The officials said a deal was still possible."
    )
    result = analyze(text)
    assert len({q.speaker for q in result.quotes}) == 1


def test_a_little_word_opening_a_name_is_not_part_of_it() -> None:
    source = "Unlike Halvorsen"
    reading = source_reading(source, Span(0, len(source)))
    assert reading is not None and reading.name == "Halvorsen"


def test_he_is_the_person_a_title_names_by_surname() -> None:
    text = (
        "Oslo said the fine was fair.\n\n"
        "In a statement, Chancellor Brandvold condemned the test as reckless. "
        '"We will respond," he said.'
    )
    assert speaker_at(text, "he")[0] == "Brandvold"


@pytest.mark.parametrize(
    ("text", "source", "name"),
    [
        (
            "Nadia Ferrante opened the bakery in 1998.\n\n"
            '"We bake every night," says the cheerful baker.',
            "the cheerful baker",
            "Nadia Ferrante",
        ),
        (
            "Omar Haddad teaches physics.\n\n"
            "“Nobody builds these for profit,” the tall, grey-haired teacher said.",
            "grey-haired teacher",
            "Omar Haddad",
        ),
        (  # the person is named before, but not as a speaker
            "Lena Okafor, who led the rescue, is thinking of retiring.\n\n"
            "The former sergeant-at-arms of the House of Lords said Monday she's "
            "considering a run.",
            "The former sergeant-at-arms of the House of Lords",
            "Lena Okafor",
        ),
    ],
)
def test_a_definite_description_is_the_person_named_last(text: str, source: str, name: str) -> None:
    assert speaker_at(text, source)[0] == name


def test_the_agency_is_the_one_word_body_named_before() -> None:
    text = (
        "Metrolinx said the trains would run late.\n\n"
        '"We are sorry for the delay," the agency said in a statement.'
    )
    assert names(text) == ["Metrolinx"]


def test_a_description_of_a_group_is_not_the_person_named_last() -> None:
    text = "Ravi Menon chairs the board.\n\nThe striking teachers say the offer is too low."
    assert speaker_at(text, "The striking teachers")[0] != "Ravi Menon"


@pytest.mark.parametrize(
    ("text", "source", "name"),
    [
        (
            "Shares of soap and razor maker Brandt & Hale rose 4 per cent on Tuesday.\n\n"
            "The company said its sales had grown in every region.",
            "The company",
            "Brandt & Hale",
        ),
        (
            "Cooks at both diners voted to join the BCGEU, according to the union.",
            "the union",
            "BCGEU",
        ),
        (
            "A fine for Vantor’s late filing came last spring.\n\n"
            "In early May the company announced a new chief executive.",
            "the company",
            "Vantor",
        ),
        (
            "Hillcrest Watch, the group that organized the march, said it wants a vote.\n\n"
            "The group says more than 900 residents signed its petition.",
            "The group",
            "Hillcrest Watch",
        ),
    ],
)
def test_the_company_is_the_firm_the_text_names_before(text: str, source: str, name: str) -> None:
    assert speaker_at(text, source)[0] == name


def test_the_company_is_no_person_named_with_a_possessive() -> None:
    text = "Ortega’s plan was turned down in May.\n\nThe company said it would try again next year."
    assert speaker_at(text, "The company")[0] != "Ortega"


def test_the_firm_is_the_body_a_role_named_with_capitals() -> None:
    text = (
        "Norvik Labs’ Sentinel research unit said on Friday that the attacks were old.\n\n"
        "“The claims are false,” the security firm wrote in its report."
    )
    assert names(text) == ["Norvik Labs’ Sentinel research unit"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "On May 3, Hana Ruiz, the head of the port authority, gave a talk warning that "
            "tolls could rise, according to CNBC.",
            "Hana Ruiz",
        ),
        (  # nobody else named in the words: the medium is the source
            "Port tolls could rise by a third next year, according to CNBC.",
            "CNBC",
        ),
    ],
)
def test_a_medium_only_carries_the_words_of_the_person_they_name(text: str, name: str) -> None:
    assert names(text) == [name]


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("Lee’s partner, Dana Whitlock.", "Dana Whitlock"),
        ("Acme Corp.", "Acme Corp."),
        ("Ben Ortiz Jr.", "Ben Ortiz Jr."),
    ],
)
def test_a_full_stop_that_ends_the_sentence_is_no_part_of_the_name(source: str, name: str) -> None:
    reading = source_reading(source, Span(0, len(source)))
    assert reading is not None and reading.name == name


@pytest.mark.parametrize(
    ("text", "source", "name"),
    [  # a title-cased headline capitalises the word before a surname: it is no first name
        (
            "Washington Post Hit Piece Exploits Trump Supporter\n\n"
            "Donald J. Trump spoke in Ohio. Later Trump said the system was rigged.",
            "Trump",
            "Donald J. Trump",
        ),
        (
            "Railing Against Trump, Sanders Vows To End Tax Breaks\n\n"
            "Bernie Sanders spoke in Ohio. Sanders said the tax laws were unfair.",
            "Sanders",
            "Bernie Sanders",
        ),
        # "he’s", "they’ve": the pronoun speaks, its auxiliary goes with the cue
        (
            "Donald Trump said the vote was late. He’s claiming that fraud is a big problem.",
            "He",
            "Donald Trump",
        ),
    ],
)
def test_headline_words_and_contractions_are_no_names(text: str, source: str, name: str) -> None:
    assert speaker_at(text, source)[0] == name
