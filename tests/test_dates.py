"""An article's date from plain text: a date line near the top or a dated dateline, else none."""

from __future__ import annotations

import os

import pytest

from reader.dates import line_date, opening_date
from reader.document import document_from_text, load_document


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("26-FEB-1987", "1987-02-26"),
        (" 7-APR-1987 16:46:14.77", "1987-04-07"),
        ("Published: March 3, 2019", "2019-03-03"),
        ("Updated Nov. 3, 2019 at 4:05 p.m. ET", "2019-11-03"),
        ("Tuesday, 3 March 2019", "2019-03-03"),
        ("Posted on Sept 9, 2021", "2021-09-09"),
        ("date: 2019-03-04", "2019-03-04"),
        ("Sept. 31, 2019", None),  # no such day
        ("Smarch 3, 2019", None),  # no such month
        ("The talks began March 3, 2019", None),  # a date in a sentence is not the article's
        ("May 2019", None),  # no day
        ("1987", None),
    ],
)
def test_a_date_line(line, expected):
    assert line_date(line) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("26-FEB-1987\n  26-FEB-1987\n\nA story.", "1987-02-26"),
        ("Trade talks stall\n\nPublished: March 3, 2019\n\nThe talks...", "2019-03-03"),
        ("WASHINGTON, March 3, 2019 (Reuters) - The U.S. said...", "2019-03-03"),
        ("Headline\n\nMOSCOW, Nov 16 (Reuters) - Russia said...", None),  # no year: no date
        ("Headline\n\nThe deal, signed on March 3, 2019, ends the dispute.", None),
        ("One\n\nTwo\n\nThree\n\nFour\n\nFive\n\nSix\n\nSeven\n\nMarch 3, 2019", None),
    ],
)
def test_the_opening_date_of_a_text(text, expected):
    assert opening_date(text) == expected


def test_a_documents_date_is_in_its_text_never_the_file_time(tmp_path):
    dated = tmp_path / "wire.txt"
    dated.write_text("13-MAR-1987\n\nOPEC OUTPUT SEEN STEADY\n  Output held...\n", encoding="utf-8")
    undated = tmp_path / "story.txt"
    undated.write_text("OPEC output seen steady\n\nOutput held in March.\n", encoding="utf-8")
    os.utime(undated, (1_600_000_000, 1_600_000_000))
    assert load_document(dated).date == "1987-03-13"
    assert load_document(undated).date is None


def test_the_date_header_still_wins_and_is_lifted():
    doc = document_from_text("date 2023-11-16 Headline\n\nPublished: March 3, 2019\n\nBody.")
    assert doc.date == "2023-11-16"
    assert not doc.text.startswith("date")
