"""Speakers in wire copy and elsewhere: one speaker per person or group, titles apart."""

from __future__ import annotations

import pytest

from reader.analysis import analyze


def quoted(text: str) -> list[tuple[str, str | None]]:
    """Name and role of every speaker with a quote, in order of first mention."""
    result = analyze(text)
    used = {q.speaker for q in result.quotes}
    return [(s.name, s.role) for s in result.speakers if s.id in used]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Central Bank of Ruritania Governor Anna Kovacs said rates would stay\n"
            "  unchanged. Kovacs said inflation was slowing.\n",
            [("Anna Kovacs", "Central Bank of Ruritania Governor")],
        ),
        (
            "  National Grain Board Vice Chairman Peter\n"
            "  Lindqvist said exports would rise this year.\n"
            '      "We expect a good harvest," Lindqvist said.\n',
            [("Peter Lindqvist", "National Grain Board Vice Chairman")],
        ),
        (
            "Port Authority Administrator Maria Olsen said more berths were needed.\n"
            "      Olsen said the docks were full.\n",
            [("Maria Olsen", "Port Authority Administrator")],
        ),
    ],
)
def test_a_title_after_an_organisation_is_a_role_not_part_of_the_name(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [  # an organisation whose name holds a title word stays one name
        ("The Committee for a Responsible Federal Budget said the plan cost too much.", None),
        ("The Commission on Presidential Debates said the rules would not change.", None),
    ],
)
def test_an_organisation_named_with_a_title_word_is_not_split(text: str, name: None) -> None:
    (speaker,) = quoted(text)
    assert speaker[1] is None


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Analysts said prices would rise.\n  Later, analysts said they had fallen.\n", "analysts"),
        (
            "  The dollar fell in early trade. Dealers said the\n"
            "  central bank had sold. The bank bought later, dealers said.\n",
            "dealers",
        ),
        (
            "Officials said the port would reopen on Monday. The road stays shut,\n"
            "  officials said.\n",
            "officials",
        ),
        (  # a plural written in lower case elsewhere in the text
            "Exporters said the quota was too small. Some exporters\n"
            "  said they would ship less.\n",
            "exporters",
        ),
    ],
)
def test_a_group_capitalised_at_a_sentence_start_is_the_same_group(text: str, group: str) -> None:
    assert [name.lower() for name, _ in quoted(text)] == [group]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "  Exports rose 4 pct in March, said Maria Lind of\n  Nordbank Securities Ltd.\n",
            [("Maria Lind", "person")],
        ),
        (
            "Tomas Berg of Baltic Shipping Co said freight rates would fall.\n",
            [("Tomas Berg", "person")],
        ),
    ],
)
def test_a_person_of_a_firm_is_the_person(text: str, expected: list[tuple[str, str]]) -> None:
    result = analyze(text)
    used = {q.speaker for q in result.quotes}
    assert [(s.name, s.kind) for s in result.speakers if s.id in used] == expected


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "The deficit will narrow to 1.1 billion dlrs, economists polled by Reuters said.",
            "economists",
        ),
        (
            "Prices will rise again\n  next month, traders surveyed by the ministry said.\n",
            "traders",
        ),
        ("Rates will fall, analysts contacted by the Daily Star said.", "analysts"),
    ],
)
def test_who_only_asked_the_speakers_is_not_the_speaker(text: str, group: str) -> None:
    assert [name for name, _ in quoted(text)] == [group]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        (
            "Exports rose 3 pct in May, the Trade Ministry said. Imports\n"
            "  fell, the Ministry said.\n",
            "Trade Ministry",
        ),
        (
            "  Factory output fell 2 pct in May, the Census Bureau said. The Bureau said\n"
            "  stocks had risen.\n",
            "Census Bureau",
        ),
    ],
)
def test_an_organisation_s_head_noun_alone_is_that_organisation(text: str, org: str) -> None:
    assert [name for name, _ in quoted(text)] == [org]


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        (
            "Norvik Copper Mines Ltd said output rose 5 pct in 1986. Norvik said\n"
            "  prices would stay firm.\n",
            "Norvik Copper Mines Ltd",
        ),
        (
            "  Delmar Petroleum Corp said it found oil off Texas. Delmar\n"
            "  Petroleum said the well would flow in June.\n",
            "Delmar Petroleum Corp",
        ),
        (
            "  Bullion dealers Harlow Webb and Co Ltd said gold would rise. The\n"
            "  metal will stay firm, Webb said.\n",
            "Harlow Webb and Co Ltd",
        ),
        (
            "Ostrava Mining and Smelting Co said it cut zinc prices by two cents.\n",
            "Ostrava Mining and Smelting Co",
        ),
    ],
)
def test_a_firm_under_its_short_name_is_one_speaker(text: str, firm: str) -> None:
    assert [name for name, _ in quoted(text)] == [firm]


def test_a_place_is_not_the_short_name_of_a_firm() -> None:
    text = (
        "Texas Instruments Inc said sales of chips rose.\n"
        "Texas said the new tax was unfair to its farmers.\n"
    )
    assert [name for name, _ in quoted(text)] == ["Texas Instruments Inc", "Texas"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "  World wheat stocks will fall, the International Grain\n"
            "  Council (IGC) said in its monthly report. The IGC said maize\n"
            "  stocks would rise. Trade will grow by 3 pct, the\n"
            "  International Grain Council said.\n",
            "International Grain Council",
        ),
        (
            "Premier Li Peng said the plan would work.\n"
            "  Premier Li said prices would stay stable this year.\n",
            "Li Peng",
        ),
    ],
)
def test_two_speakers_of_one_name_are_one(text: str, name: str) -> None:
    assert [n for n, _ in quoted(text)] == [name]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "      K.L. Dvorak, deputy minister of trade, said the plan was ready.\n"
            '      "We will sign soon," Dvorak said.\n',
            [("K.L. Dvorak", "person")],
        ),
        (
            "  Rosario Toledo, the plant manager, said the mine would reopen\n"
            "  in May. Toledo said the company had orders for two years.\n",
            [("Rosario Toledo", "person")],
        ),
        ("U.S. Steel said it would close two mills in Ohio.\n", [("U.S. Steel", "organization")]),
    ],
)
def test_initials_and_a_surname_that_is_a_place_name_a_person(
    text: str, expected: list[tuple[str, str]]
) -> None:
    result = analyze(text)
    used = {q.speaker for q in result.quotes}
    assert [(s.name, s.kind) for s in result.speakers if s.id in used] == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("      Norvik yesterday announced a bid for Baltic Oil, saying it was cheap.\n", "Norvik"),
        (
            "  Exports will rise. Grain officials last week said the\n  harvest was good.\n",
            "Grain officials",
        ),
        ("Portugal today called on Spain to open its fish markets to all.\n", "Portugal"),
        ("Theresa May said the talks would go on.\n", "Theresa May"),
        ("The Norvik union late Friday said a majority of workers had voted.\n", "Norvik union"),
        ("In early November the company announced a new chair for its board.\n", "company"),
    ],
)
def test_a_time_after_the_source_is_no_part_of_its_name(text: str, name: str) -> None:
    assert [n for n, _ in quoted(text)] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Theresa May said the talks with the union would resume in June.\n", "Theresa May"),
        ("  Home Secretary Amber Will said the new\n  rules would start in May.\n", "Amber Will"),
        ("Fox host Megyn Kelly said the debate was fair to both of them.\n", "Megyn Kelly"),
    ],
)
def test_a_surname_that_is_also_a_modal_or_an_adverb_is_a_name(text: str, name: str) -> None:
    assert [n for n, _ in quoted(text)] == [name]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ZAMBIA RESUMES COPPER EXPORTS\n"
            "  Copper exports through the southern ports resumed on Monday, Minister of\n"
            "  Mines Patrick Chitambala said. Chitambala said the mines were safe and\n"
            "  that output would reach last year's level by the end of June.\n",
            ("Patrick Chitambala", "Minister of Mines"),
        ),
        (
            "OIL OUTPUT TO RISE\n"
            "  The Minister of Energy and Mines Maria Lopez said oil output would\n"
            "  rise by four pct this year as two new fields in the east came on stream.\n",
            ("Maria Lopez", "Minister of Energy and Mines"),
        ),
    ],
)
def test_the_word_after_of_in_a_role_is_no_part_of_the_name(
    text: str, expected: tuple[str, str]
) -> None:
    assert quoted(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "OPEC OUTPUT WITHIN QUOTAS, MINISTER SAYS\n"
            "  Qatari Energy Minister Sheikh Hamad al-Thani said no member of the\n"
            "  group was exceeding its output quota in March.\n"
            "      Sheikh Hamad told the daily al-Watan that prices would stay firm\n"
            "  through the summer months of this year.\n",
            ("Hamad al-Thani", "Qatari Energy Minister Sheikh"),
        ),
        (
            "JORDAN SEEKS AID\n"
            "  Prime Minister Omar al-Badri said the country needed more aid from\n"
            "  its neighbours to build new roads and schools in the south.\n"
            "      Badri said the debt would be repaid over twenty years.\n",
            ("Omar al-Badri", "Prime Minister"),
        ),
    ],
)
def test_a_name_joined_to_its_particle_and_its_parts_are_one_person(
    text: str, expected: tuple[str, str]
) -> None:
    assert quoted(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "TRADE TALKS\n"
        "      Speaking at a lunch of exporters in Lyon, the minister's aide noted the\n"
        "  long history of quarrels over steel and wine, and warned of more to come.\n",
        "RATES\n"
        "      Asked if the banks had agreed on a common rate, the minister declined\n"
        "  to give figures and said any number would unsettle the markets.\n",
    ],
)
def test_a_participle_opening_the_sentence_is_no_speaker(text: str) -> None:
    assert all(name not in {"Speaking", "Asked"} for name, _ in quoted(text))


def test_a_possessive_is_no_part_of_a_name() -> None:
    text = (
        "COFFEE\n"
        "      Brazil said it would sell more coffee this year than last, and\n"
        "  Colombia's said its own exports would grow by three pct in 1987.\n"
    )
    assert [n for n, _ in quoted(text)] == ["Brazil", "Colombia"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            'DOLLAR\n      The dollar fell in Tokyo. "The Fed will not step in yet," said\n'
            '  Tom Parry of Westland Securities Inc. "It is too early," said Parry of\n'
            "  Westland.\n",
            "Tom Parry",
        ),
        (
            "TRADE\n      Exports will keep growing this year, traders from around the world\n"
            "  said at the fair in Hanover.\n",
            "traders from around the world",
        ),
    ],
)
def test_the_person_before_of_and_a_phrase_after_around(text: str, name: str) -> None:
    assert [n for n, _ in quoted(text)] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("TALKS\n      Harding said the plan would cut costs by a third next year.\n", "Harding"),
        (
            "TARIFFS\n      Beijing warned that the measures were unfair to its farmers.\n",
            "Beijing",
        ),
    ],
)
def test_a_name_that_ends_like_a_participle_still_speaks(text: str, name: str) -> None:
    assert [n for n, _ in quoted(text)] == [name]


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # wire copy marks a firm's ticker, or the firm itself, with angle brackets
        (
            "B AND C REORGANISES COMMERCIAL OPERATIONS\n"
            "  British and Commonwealth Shipping Co Plc\n"
            "  &lt;BCOM.L> said that it would reorganise its commercial\n"
            "  and service operations into a single public grouping.\n"
            "      The group has grown fast in the past year through two\n"
            "  acquisitions.\n",
            "British and Commonwealth Shipping Co Plc",
        ),
        ("Shell Canada <SHC> said it would cut its prices by two cents.", "Shell Canada"),
        ("  &lt;Noranda Inc> said it would sell its stake in the mine.\n", "Noranda Inc"),
        ("State-owned <China Steel Corp> said exports would rise in May.", "China Steel Corp"),
    ],
)
def test_a_firm_marked_with_angle_brackets_is_the_speaker(text: str, expected: str) -> None:
    result = analyze(text)
    (quote,) = result.quotes
    speaker = next(s for s in result.speakers if s.id == quote.speaker)
    assert speaker.name == expected
    assert quote.content is not None and text[quote.content.start :].startswith(
        ("it would", "exports")
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # a firm's or an institution's name that goes on with "of" and a place is one name
        ("The Bank of Canada said the money supply fell.", "Bank of Canada"),
        ("French money supply rose, the Bank of France said.", "Bank of France"),
        (
            "Miners returned to work, mine owner Anglo American Corp of South Africa Ltd said.",
            "Anglo American Corp of South Africa Ltd",
        ),
        (
            "General Motors Corp of Canada Ltd said it would cut output.",
            "General Motors Corp of Canada Ltd",
        ),
        ("Analyst Nick Edwards of Jardine Fleming said prices would fall.", "Nick Edwards"),
        ("Sen. Richard Shelby of Alabama said the bill would pass.", "Richard Shelby"),
        ("B and C also said its chairman planned to retire in June.", "B and C"),  # initials
    ],
)
def test_a_name_going_on_with_of_and_a_place_is_one_speaker(text: str, expected: str) -> None:
    result = analyze(text)
    (quote,) = result.quotes
    speaker = next(s for s in result.speakers if s.id == quote.speaker)
    assert speaker.name == expected
