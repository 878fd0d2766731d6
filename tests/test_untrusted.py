"""One cleaning of untrusted text: which characters go, which stay, and JSON that keeps data."""

from __future__ import annotations

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.document import document_from_text, sanitise
from reader.untrusted import clean_line, clean_text, escape_json
from tests.hostile import controls_in

C0 = [chr(c) for c in range(0x20) if chr(c) not in "\n\t\r"]
C1 = [chr(c) for c in range(0x80, 0xA0)]
BIDI = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]


@pytest.mark.parametrize("char", [*C0, "\x7f", *C1, *BIDI], ids=lambda c: f"U+{ord(c):04X}")
def test_each_control_character_is_removed(char):
    assert clean_text(f"a{char}b") == "ab"
    assert clean_line(f"a{char}b") == "ab"


def test_escape_sequences_lose_their_control_characters_and_show_the_rest():
    text = "A \x1b[31mRED\x1b]0;PWNED\x07 \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ \x9b2J"
    assert clean_text(text) == "A [31mRED]0;PWNED ]8;;http://x\\link]8;;\\ 2J"


def test_line_breaks_and_tabs_stay_in_text_and_become_spaces_in_a_line():
    text = "one\ttwo\nthree\r\nfour\rfive"
    assert clean_text(text) == "one\ttwo\nthree\nfour\nfive"
    assert clean_line(text) == "one two three four five"
    assert clean_line("a tag\n") == "a tag "


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII, quotes \"'` and [bold]markup[/bold] stay as they are.",
        "Москва и Каракас · 北京 · ünïcödé · naïve café",
        "العربية שלום עולם",  # right-to-left letters
        "left \u200f right-to-left mark \u200e left-to-right mark \u061c arabic letter mark",
        "emoji 🛢️ 🇻🇪 👩🏽‍🌾 and a lost character \ufffd",
        "zero width\u200bspace, no-break\u00a0space, soft\u00adhyphen",
    ],
)
def test_ordinary_unicode_is_kept(text):
    assert clean_text(text) == text
    assert clean_line(text) == text


def test_clean_text_is_returned_as_is():
    text = "nothing to do here\n"
    assert clean_text(text) is text


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_nothing_a_terminal_acts_on_survives_and_nothing_else_is_lost(text):
    cleaned = clean_text(text)
    assert controls_in(cleaned) == []
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    assert cleaned == "".join(c for c in normalised if not controls_in(c))
    line = clean_line(text)
    assert controls_in(line) == [] and "\n" not in line and "\t" not in line


def test_articles_are_cleaned_by_the_same_rule():
    raw = "Title\n\nA \x1b[31mred\x9b2J \u202ebidi\u2069 word\tand tab\n"
    assert sanitise(raw) == clean_text(raw)
    html = "<p>Entity &#x1b;[31m and &#x202e;override, long enough paragraph of text.</p>"
    doc = document_from_text(html, path="page.html", fmt="html")
    assert controls_in(doc.text) == [] and "[31m and override" in doc.text


def test_json_escapes_keep_the_value_and_emit_no_raw_control_character():
    value = {"path": "a\x7f\x85b\u202ec\u2066d\x1b", "ok": "ünï 🛢️ \u200f"}
    data = escape_json(orjson.dumps(value))
    assert controls_in(data.decode("utf-8")) == []
    assert b"\\u0085" in data and b"\\u202e" in data and b"\\u2066" in data
    assert orjson.loads(data) == value
