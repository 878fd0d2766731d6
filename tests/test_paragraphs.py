"""The one segmentation: blank lines, wire-style indents, tables, one paragraph per line."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reader.document import document_from_text
from reader.paragraphs import soft_breaks, split_paragraphs


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_paragraphs(text)]


def flat(text: str) -> list[str]:
    return [" ".join(t.split()) for t in texts(text)]


WIRE = (
    "MOST EC STATES SAID TO BE AGAINST OILS/FATS TAX\n"
    "  A majority of European Community (EC)\n"
    "  member states are either against or have strong reservations\n"
    "  over a tax on both imported and domestically-produced oils and\n"
    "  fats proposed by the European Commission, senior diplomats\n"
    "  said.\n"
    "      They said a special committee of agricultural experts from\n"
    "  EC member states had voiced strong objections over the measure\n"
    "  during a meeting charged with preparing the ground for the\n"
    "  annual EC farm price-fixing which begins next Monday.\n"
    "     They added that only France and Italy had indicated they\n"
    "  would support the Commission proposal.\n"
    "  \n"
)


def test_wire_copy_joins_wrapped_lines_and_splits_at_deeper_indents() -> None:
    assert flat(WIRE) == [
        "MOST EC STATES SAID TO BE AGAINST OILS/FATS TAX",
        "A majority of European Community (EC) member states are either against or have "
        "strong reservations over a tax on both imported and domestically-produced oils and "
        "fats proposed by the European Commission, senior diplomats said.",
        "They said a special committee of agricultural experts from EC member states had "
        "voiced strong objections over the measure during a meeting charged with preparing "
        "the ground for the annual EC farm price-fixing which begins next Monday.",
        "They added that only France and Italy had indicated they would support the "
        "Commission proposal.",
    ]


def test_offsets_keep_the_files_characters() -> None:
    spans = split_paragraphs(WIRE)
    second = WIRE[spans[1].start : spans[1].end]
    assert second.startswith("A majority") and second.endswith("said.")
    assert "(EC)\n  member" in second  # the line break stays in the canonical text
    breaks = list(soft_breaks(WIRE, spans[1].start, spans[1].end))
    assert len(breaks) == 4
    assert all(WIRE[a:b].strip(" \t") == "\n" for a, b in breaks)


def test_a_table_of_short_lines_keeps_its_lines() -> None:
    table = (
        "ACME CORP <ACM> 1ST QTR NET\n"
        "  Shr 18 cts vs 15 cts\n"
        "  Net 1,234,000 vs 987,000\n"
        "  Revs 12.3 mln vs 11.1 mln\n"
        "  Qtly div 19 cts vs 19 cts\n"
        "  Prior pay April 10\n"
    )
    assert texts(table) == [
        "ACME CORP <ACM> 1ST QTR NET",
        "Shr 18 cts vs 15 cts",
        "Net 1,234,000 vs 987,000",
        "Revs 12.3 mln vs 11.1 mln",
        "Qtly div 19 cts vs 19 cts",
        "Prior pay April 10",
    ]


def test_column_aligned_lines_and_list_items_stand_alone() -> None:
    text = (
        "The ministry gave these figures for the year, in millions of tonnes of grain:\n"
        "Wheat        17.30     16.13\n"
        "Barley        4.10      3.90\n"
        "- exports are expected to fall;\n"
        "- imports will stay where they are.\n"
    )
    assert len(texts(text)) == 5


def test_a_dash_in_a_wrapped_sentence_is_no_list_item() -> None:
    sentence = (
        "Overall, the fund predicted that advanced economies - which include Europe, "
        "Britain, Japan and Canada - will grow 1.6 percent, down 0.2 percentage points "
        "from the IMF's last estimate."
    )
    text = textwrap.fill(sentence, width=53, initial_indent="  ", subsequent_indent="  ")
    assert "\n  - which" in text  # the dash opens a line, as a list item's would
    assert flat(text) == [sentence]


def test_one_paragraph_per_line_is_kept() -> None:
    lines = [
        "“This is a disgusting day,” said Rep. G.K. Butterfield, head of the caucus. " * 3,
        "Members of the caucus held a press conference Friday afternoon, shortly after.",
        "Sell her presidency (what she would do and how she would do it)",
        "Be the Clinton who shines in a smaller crowd",
        "Get those jokes off, adding levity.",
    ]
    assert flat("\n".join(lines)) == [" ".join(x.split()) for x in lines]


def test_blank_lines_separate_and_wrapped_prose_joins() -> None:
    prose = textwrap.fill("word " * 60, width=50)
    text = f"Headline\n\n{prose}\n\n\n{prose}\n"
    assert flat(text) == ["Headline", " ".join(["word"] * 60), " ".join(["word"] * 60)]


def test_a_lowercase_line_carries_on_even_in_a_narrow_block() -> None:
    assert flat("The minister said\nthat prices would rise.\n") == [
        "The minister said that prices would rise."
    ]


_word = st.from_regex(r"[A-Za-z][a-z]{0,11}[,.]?", fullmatch=True)
_para = st.lists(_word, min_size=1, max_size=60).map(" ".join)


@settings(max_examples=80, deadline=None)
@given(
    paragraphs=st.lists(_para, min_size=1, max_size=6),
    width=st.integers(40, 100),
    indent=st.integers(0, 3),
    deeper=st.integers(2, 5),
)
def test_any_wire_wrapping_gives_back_the_paragraphs(
    paragraphs: list[str], width: int, indent: int, deeper: int
) -> None:
    """Re-wrapped as wire copy (first line indented deeper), the paragraphs come back.

    At least one paragraph must run over a line: with one-line paragraphs only,
    no continuation indent shows which indent is the deeper one.
    """
    first = " " * (indent + deeper)
    rest = " " * indent
    filled = [
        textwrap.fill(p, width, initial_indent=first, subsequent_indent=rest) for p in paragraphs
    ]
    assume(len(paragraphs) == 1 or any("\n" in f for f in filled))
    wrapped = "\n".join(filled)
    assert flat(wrapped) == paragraphs


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        (
            "HEAD LINE\n\nMOSCOW, Nov 16 (Reuters) - Russia said it would.",
            "MOSCOW, Nov 16 (Reuters)",
        ),
        ("A title\n\nWASHINGTON (AP) — The Senate voted on Tuesday.", "WASHINGTON (AP)"),
        ("NEW YORK, March 3 - Stocks fell.", "NEW YORK, March 3"),
        ("A title\n\nU.S. officials - the ones who spoke - said no.", None),
        ("A title\n\nThe minister said prices would rise.", None),
    ],
)
def test_the_dateline_opens_the_body(text: str, dateline: str | None) -> None:
    doc = document_from_text(text)
    assert (doc.dateline.text(doc.text) if doc.dateline else None) == dateline


def test_a_wrapped_headline_is_the_whole_title() -> None:
    head = (
        "      MOST EUROPEAN COMMUNITY MEMBER STATES ARE SAID TO BE AGAINST\n"
        "  THE PROPOSED OILS AND FATS TAX\n"
    )
    doc = document_from_text(head + WIRE.split("\n", 1)[1].replace("  A maj", "      A maj", 1))
    assert doc.headline == doc.paragraphs[0]
    assert doc.title == (
        "MOST EUROPEAN COMMUNITY MEMBER STATES ARE SAID TO BE AGAINST"
        " THE PROPOSED OILS AND FATS TAX"
    )
    assert document_from_text("One paragraph only.").headline is None


def test_ragged_wire_copy_is_split_by_its_indents_only() -> None:
    """A short line before a capitalised word is no paragraph end where first lines indent."""
    text = (
        "JAPAN HEADLINE\n"
        "  The report was drawn up by a panel led by former Bank of\n"
        "  Japan head Haruo Maekawa, officials said on Tuesday in Tokyo.\n"
        "      Bank of England Governor Robin\n"
        "  Leigh-Pemberton said the accord was working.\n"
    )
    assert flat(text) == [
        "JAPAN HEADLINE",
        "The report was drawn up by a panel led by former Bank of Japan head Haruo Maekawa, "
        "officials said on Tuesday in Tokyo.",
        "Bank of England Governor Robin Leigh-Pemberton said the accord was working.",
    ]
