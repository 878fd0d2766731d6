"""Quote patterns of English reporting syntax, one short sentence each."""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from reader.analysis.model import Analysis, Quote


def quotes_of(text: str) -> tuple[Analysis, list[tuple[str, str, str, str, str]]]:
    """(speaker name, kind, source, cue, content) for every quote, as text."""
    result = analyze(text)
    names = {s.id: s.name for s in result.speakers}

    def part(q: Quote, attr: str) -> str:
        span = getattr(q, attr)
        return "" if span is None else span.text(text)

    rows = [
        (names[q.speaker], q.kind, part(q, "source"), part(q, "cue"), part(q, "content"))
        for q in result.quotes
    ]
    return result, rows


# (text, speaker, kind, source, cue, start of content)
PATTERNS = [
    (
        "Maria Lopez said the budget would be cut next year.",
        "Maria Lopez",
        "indirect",
        "Maria Lopez",
        "said",
        "the budget would be cut",
    ),
    (
        "Maria Lopez said that the budget would be cut next year.",
        "Maria Lopez",
        "indirect",
        "Maria Lopez",
        "said",
        "the budget would be cut",
    ),
    (
        "The budget would be cut next year, Maria Lopez said.",
        "Maria Lopez",
        "indirect",
        "Maria Lopez",
        "said",
        "The budget would be cut",
    ),
    (
        "The budget would be cut next year, said Maria Lopez.",
        "Maria Lopez",
        "indirect",
        "Maria Lopez",
        "said",
        "The budget would be cut",
    ),
    (
        '"We will cut the budget," Maria Lopez said.',
        "Maria Lopez",
        "direct",
        "Maria Lopez",
        "said",
        "We will cut the budget",
    ),
    (
        "“We will cut the budget,” said Maria Lopez.",
        "Maria Lopez",
        "direct",
        "Maria Lopez",
        "said",
        "We will cut the budget",
    ),
    (
        'Maria Lopez said: "We will cut the budget next year."',
        "Maria Lopez",
        "direct",
        "Maria Lopez",
        "said",
        "We will cut the budget",
    ),
    (
        "Maria Lopez told reporters on Monday that the budget would be cut.",
        "Maria Lopez",
        "indirect",
        "Maria Lopez",
        "told",
        "the budget would be cut",
    ),
    (
        "According to Maria Lopez, the budget will be cut next year.",
        "Maria Lopez",
        "indirect",
        "Maria Lopez",
        "According to",
        "the budget will be cut",
    ),
    (
        "The budget will be cut next year, according to Maria Lopez.",
        "Maria Lopez",
        "indirect",
        "Maria Lopez",
        "according to",
        "The budget will be cut",
    ),
    (
        "Maria Lopez said in a statement that the budget would be cut.",
        "Maria Lopez",
        "indirect",
        "Maria Lopez",
        "said in a statement",
        "the budget would be cut",
    ),
    (
        "Warning that the budget would be cut, Maria Lopez left the room.",
        "Maria Lopez",
        "indirect",
        "Maria Lopez",
        "Warning",
        "the budget would be cut",
    ),
    (
        "Maria Lopez has warned that the budget would be cut.",
        "Maria Lopez",
        "indirect",
        "Maria Lopez",
        "has warned",
        "the budget would be cut",
    ),
    (
        "Finance Minister Maria Lopez insisted that the budget would be cut.",
        "Maria Lopez",
        "indirect",
        "Finance Minister Maria Lopez",
        "insisted",
        "the budget would be cut",
    ),
    (
        "Lopez, the finance minister, argued that the budget must be cut.",
        "Lopez",
        "indirect",
        "Lopez",
        "argued",
        "the budget must be cut",
    ),
    (
        "Senator Tom O'Brien (D-NY) said the budget was too small.",
        "Tom O'Brien",
        "indirect",
        "Senator Tom O'Brien (D-NY)",
        "said",
        "the budget was too",
    ),
    (
        "The ministry said in a statement that the budget would be cut.",
        "ministry",
        "indirect",
        "The ministry",
        "said in a statement",
        "the budget would be cut",
    ),
    (
        "Officials said the budget would be cut next year.",
        "Officials",
        "indirect",
        "Officials",
        "said",
        "the budget would be cut",
    ),
    (
        "JONES: We will cut the budget and we will do it soon.\n\nREED: Will you really?"
        "\n\nJONES: Yes, we will, and very soon indeed.",
        "Jones",
        "direct",
        "JONES",
        ":",
        "We will cut the budget",
    ),
    (
        "Maria Lopez is warning voters that the budget will be cut.",
        "Maria Lopez",
        "indirect",
        "Maria Lopez",
        "is warning",
        "the budget will be cut",
    ),
    (
        "Maria Lopez said during a rally in Ohio that the budget would be cut.",
        "Maria Lopez",
        "indirect",
        "Maria Lopez",
        "said during a rally",
        "the budget would be cut",
    ),
    (  # a second verb of the subject's, after "and" and an adjunct
        "Tom Berg called it false and in a carefully worded response said he had done nothing.",
        "Tom Berg",
        "indirect",
        "Tom Berg",
        "said",
        "he had done nothing",
    ),
    (  # a title before the name, then an adjunct between commas, then 'said, "'
        "Democratic nominee Hillary Clinton, at a later press gaggle, said, “I’ve been briefed.”",
        "Hillary Clinton",
        "direct",
        "Hillary Clinton",
        "said",
        "I’ve been briefed.",
    ),
    (
        "Toronto retiree Doug Purdy, who lost 16 lbs. “and two belt loops” by October, says"
        " the program changed his life.",
        "Doug Purdy",
        "indirect",
        "Doug Purdy",
        "says",
        "the program changed his life",
    ),
    (  # any adverb in -ly joins the cue
        "Marc Morial, the head of the League, forcefully told the crowd that the vote mattered.",
        "Marc Morial",
        "indirect",
        "Marc Morial",
        "forcefully told",
        "the vote mattered",
    ),
    (  # a noun in -ly does not
        "The Chinese daily said the vote mattered.",
        "Chinese daily",
        "indirect",
        "The Chinese daily",
        "said",
        "the vote mattered",
    ),
    (  # a few quoted words that a clause goes on from are part of what was said
        'Iowa Beef Processors Inc said "hundreds" of its employees returned to work.',
        "Iowa Beef Processors Inc",
        "indirect",
        "Iowa Beef Processors Inc",
        "said",
        '"hundreds" of its employees returned to work',
    ),
    (  # a role between dashes before the cue
        "Kall -- co-editor of Debating The Donald, a book on debates -- said the man was late.",
        "Kall",
        "indirect",
        "Kall",
        "said",
        "the man was late",
    ),
    (
        "Maria Lopez — a lawyer for the family — said the videos were clear.",
        "Maria Lopez",
        "indirect",
        "Maria Lopez",
        "said",
        "the videos were clear",
    ),
    (  # a party and state in parentheses, then a role, before the cue
        "Rep. Gregory W. Meeks (D-N.Y.), chairman of the caucus PAC, said members will help.",
        "Gregory W. Meeks",
        "indirect",
        "Rep. Gregory W. Meeks (D-N.Y.)",
        "said",
        "members will help",
    ),
    (
        "''We will cut the budget,'' Maria Lopez said.",
        "Maria Lopez",
        "direct",
        "Maria Lopez",
        "said",
        "We will cut the budget",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "kind", "source", "cue", "content"), PATTERNS)
def test_quote_pattern(
    text: str, speaker: str, kind: str, source: str, cue: str, content: str
) -> None:
    _, rows = quotes_of(text)
    assert rows, f"no quote found in {text!r}"
    name, k, src, c, body = rows[0]
    assert (name, k, src, c) == (speaker, kind, source, cue)
    assert body.startswith(content)


# A pronoun opening what a cue reports, with a cue of its own, is the same speaker's words:
# one statement, the outer one.
SAID_HE_THOUGHT = [
    (
        "Maria Lopez said she thought that the budget would be cut.",
        [("Maria Lopez", "said", "she thought that the budget would be cut")],
    ),
    (
        "Mitsotakis said he had urged Papandreou to accept the offer.",
        [("Mitsotakis", "said", "he had urged Papandreou to accept the offer")],
    ),
    (  # a name there is someone else's statement, inside hers: both stay
        "Maria Lopez said Tom Berg claimed that the budget would be cut.",
        [
            ("Maria Lopez", "said", "Tom Berg claimed that the budget would be cut"),
            ("Tom Berg", "claimed", "the budget would be cut"),
        ],
    ),
    (
        "Mr. King and Mr. Schultz say RT's management has never told them what to say.",
        [
            ("Mr. King and Mr. Schultz", "say", "RT's management has never told them what to say"),
            ("RT's management", "has never told", "what to say"),
        ],
    ),
    (  # "it" goes on for the firm
        "Regency Cruises Inc said it agreed to sell a stake in the firm.",
        [("Regency Cruises Inc", "said", "it agreed to sell a stake in the firm")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SAID_HE_THOUGHT)
def test_a_pronoun_and_its_cue_opening_a_content_stay_in_it(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    _, rows = quotes_of(text)
    assert [(src, cue, body) for _, _, src, cue, body in rows] == expected


# (text, content): a content never opens with the comma after "that", nor with white space
# of any kind (a no-break space, as web pages keep them).
CONTENT_EDGES = [
    (
        "Joe Clark said that, as a practical matter, an agreement must be reached.",
        "as a practical matter, an agreement must be reached",
    ),
    (
        "Scott joked that, among voters, Trump ranks fourth in the race.",
        "among voters, Trump ranks fourth in the race",
    ),
    (
        "The video is clear, but\xa0Shelby said\xa0he refused her commands.",
        "he refused her commands",
    ),
]


@pytest.mark.parametrize(("text", "content"), CONTENT_EDGES)
def test_a_content_starts_at_its_first_word(text: str, content: str) -> None:
    _, rows = quotes_of(text)
    assert [body for *_, body in rows] == [content]


def test_role_then_name_after_an_opening_phrase() -> None:
    text = (
        "In a statement, one of the family's attorneys, Justin Bamberg, said the videos were"
        " clear.\n\nThe family watched them, according to their attorneys."
    )
    result, rows = quotes_of(text)
    assert [row[:4] for row in rows] == [
        ("Justin Bamberg", "indirect", "Justin Bamberg", "said"),
        ("attorneys", "indirect", "their attorneys", "according to"),  # more than him
    ]
    assert result.speakers[0].role == "one of the family's attorneys"


def test_a_report_speaks_for_the_author_named_before_it() -> None:
    # "report" is also a verb: after an article it is the noun, and the source
    text = "The USDA said exports would fall. The report says rice output will rise."
    _, rows = quotes_of(text)
    assert rows[1] == ("USDA", "indirect", "The report", "says", "rice output will rise")


def test_role_then_name_in_apposition() -> None:
    text = "The party's campaign chairman, Phil Lovas, said he had not seen the letter yet."
    result, rows = quotes_of(text)
    assert rows[0][:4] == (
        "Phil Lovas",
        "indirect",
        "Phil Lovas",
        "said",
    )
    assert result.speakers[0].role == "The party's campaign chairman"


def test_interrupted_sentence_is_one_statement() -> None:
    text = "Too often, Maria Lopez said, the budget is cut far too late in the year."
    _, rows = quotes_of(text)
    assert rows == [("Maria Lopez", "indirect", "Maria Lopez", "said", text[:-1])]


def test_quote_split_by_its_cue_is_one_statement() -> None:
    text = '"We will cut the budget," Maria Lopez said, "and we will do it this year."'
    _, rows = quotes_of(text)
    assert len(rows) == 1
    assert rows[0][4].startswith("We will cut the budget")
    assert rows[0][4].endswith("and we will do it this year.")


def test_next_quotation_with_its_own_cue_is_not_joined() -> None:
    _, rows = quotes_of('"Prices will fall," said Maria Lopez. "They will not," said John Smith.')
    assert [(r[0], r[4]) for r in rows] == [
        ("Maria Lopez", "Prices will fall,"),
        ("John Smith", "They will not,"),
    ]


def test_quote_running_over_paragraphs_keeps_its_speaker() -> None:
    text = (
        '"We will cut the budget this year," Maria Lopez said. "It is hard.\n\n'
        '"And we will cut it again next year, because we have no choice at all."'
    )
    _, rows = quotes_of(text)
    assert {r[0] for r in rows} == {"Maria Lopez"}
    assert any(r[4].startswith("And we will cut it again") for r in rows)


def test_closing_mark_whose_opening_was_lost() -> None:
    text = 'Maria Lopez said the plan was ready.\n\nWe will cut the budget this year," she said.'
    _, rows = quotes_of(text)
    assert rows[1] == ("Maria Lopez", "direct", "she", "said", "We will cut the budget this year,")


def test_participle_after_another_verb_takes_the_subject() -> None:
    text = "Maria Lopez defended the plan, saying, “We will cut the budget this year.”"
    _, rows = quotes_of(text)
    assert rows == [
        ("Maria Lopez", "direct", "Maria Lopez", "saying", "We will cut the budget this year.")
    ]


def test_participle_after_the_cue_shares_the_speaker() -> None:
    text = "Maria Lopez said the budget was small, adding that it would grow next year."
    _, rows = quotes_of(text)
    assert [(r[0], r[3]) for r in rows] == [("Maria Lopez", "said"), ("Maria Lopez", "adding")]
    assert rows[1][4] == "it would grow next year"


@pytest.mark.parametrize(
    "text",
    [
        "The United States imposed new rules on Monday.",
        "The report was published on Monday.",
        "He would say nothing more about the budget.",
        "She was said to be the best candidate for the job.",
        "“Great,” is not a word that describes the plan.",
        "They agreed on a plan to cut the budget.",
        "UPDATE: The story was changed to add a new paragraph.",
        "The rule was first announced by the ministry in the spring of 1990.",
    ],
)
def test_no_false_quote(text: str) -> None:
    _, rows = quotes_of(text)
    assert rows == []


# (title line, (source, content) or None): "Says" in a title-cased headline, after a name.
HEADLINES = [
    (
        "Obama Says African-American Museum Will Tell of Suffering",
        ("Obama", "African-American Museum Will Tell of Suffering"),
    ),
    (
        "Trump Could Address Clean Energy Policy, Lindsey Graham Says",
        ("Lindsey Graham", "Trump Could Address Clean Energy Policy"),
    ),
    ("What Trump Says About the Economy and Jobs", None),  # a question
    ("JAPAN SAYS TRADE SURPLUS WILL FALL SHARPLY", None),  # capitals are never read
]


@pytest.mark.parametrize(("title", "expected"), HEADLINES)
def test_says_in_a_title_cased_headline(title: str, expected: tuple[str, str] | None) -> None:
    text = title + "\n\nThe body of the story follows here."
    _, rows = quotes_of(text)
    assert [(src, body) for _, _, src, _, body in rows] == ([expected] if expected else [])
