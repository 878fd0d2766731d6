"""Phrases found as whole words: read by words, a text gives what the compiled regex gives."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import trie
from reader.analysis.trie import compile_words

PHRASES = ["oil", "crude oil", "oil-rich", "u.s.", "u.s. trade", "a", "$", "$ bill", "said"]


def spans(matcher, text, pos=0, endpos=None):
    found = matcher.finditer(text, pos) if endpos is None else matcher.finditer(text, pos, endpos)
    return [(m.span(), m.group()) for m in found]


def by_leading_words(phrases, text, pos=0, endpos=None):
    """What a matcher finds by words once it has read enough to find the leading words
    with their own regex."""
    saved = trie.KEYS_AFTER
    trie.KEYS_AFTER = -1
    try:
        matcher = compile_words(phrases)
    finally:
        trie.KEYS_AFTER = saved
    return spans(matcher, text, pos, endpos)


def both(phrases, text, pos=0, endpos=None):
    """What a fresh matcher finds by words, and what its compiled regex finds.

    Read by words, the leading words found one by one or by their own regex
    give the same matches.
    """
    by_words = spans(compile_words(phrases), text, pos, endpos)
    assert by_leading_words(phrases, text, pos, endpos) == by_words
    return by_words, spans(compile_words(phrases).regex, text, pos, endpos)


CASES = [
    ("Crude  oil,\ncrude\n oil; oil-rich, oil-richer, soil, oil_x, oil2", 0, None),
    ("the u.s. trade deficit; u.s.trade; u.s.a.; U.S. trade", 0, None),
    ("a $ bill, a$ bill, $$ bill, ($) bill; a", 0, None),
    ("he said; unsaid; said-so; saidx said", 3, None),
    ("crude oil", 0, 7),  # the text ends at endpos: "crude o" holds no phrase
    ("crude oil", 6, None),  # "oil" from pos 6, whatever stands before it
    ("xoil oil", 1, None),  # the lookbehind still sees the "x" before pos
    ("crude oils, crude oil1, crude oil_, crude oil-rich, u.s.a, u.s.1", 0, None),  # words go on
]


def test_the_cases_agree_and_find_what_a_reader_expects():
    for text, pos, endpos in CASES:
        by_words, compiled = both(PHRASES, text, pos, endpos)
        assert by_words == compiled, text
    found, _ = both(PHRASES, CASES[0][0])
    assert [g for _, g in found] == ["oil", "crude\n oil", "oil-rich", "oil"]
    assert [g for _, g in both(PHRASES, "crude oil", 0, 7)[0]] == []
    assert [g for _, g in both(PHRASES, CASES[-1][0])[0]] == ["crude oil", "a"]


def test_a_word_that_only_leads_longer_phrases_still_lets_the_next_word_match():
    """ "the" leads only "the fed": read by the leading words' regex, a "the" before
    another word is passed over, and a phrase starting at that word is still found."""
    phrases = ["the fed", "fed", "oil", "oil price"]
    text = "the oil, the  fed, the\nfed-led, oil price; the fedx"
    found = by_leading_words(phrases, text)
    assert [g for _, g in found] == ["oil", "the  fed", "the\nfed", "oil price"]
    assert found == spans(compile_words(phrases).regex, text)


def test_search_finds_the_first_match_either_way():
    text = "nothing, then oil-rich states and crude oil"
    assert compile_words(PHRASES).search(text).span() == (14, 22)
    assert compile_words(PHRASES).regex.search(text).span() == (14, 22)
    assert compile_words(PHRASES).search(text, 23).span() == (34, 43)
    assert compile_words(PHRASES).search("no such words") is None


def test_phrases_written_otherwise_than_with_single_spaces_are_read_by_the_regex():
    odd = ["oil  price", " gas", "tab\tbed"]
    text = "oil  price, oil price, gas, tab\tbed"
    assert spans(compile_words(odd), text) == spans(re.compile(compile_words(odd).pattern), text)


PIECES = st.sampled_from([*"ao- .$\n\t_1É", "oil", "u.s."])
"""Letters, white space, punctuation, a digit and a capital; a few words whole."""


def texts(max_pieces: int, min_pieces: int = 0) -> st.SearchStrategy[str]:
    return st.lists(PIECES, min_size=min_pieces, max_size=max_pieces).map("".join)


@settings(max_examples=300, deadline=None)
@given(
    phrases=st.lists(texts(6, min_pieces=1), min_size=1, max_size=8),
    text=texts(40),
    pos=st.integers(0, 5),
    cut=st.integers(0, 5),
)
def test_any_phrases_and_text_read_by_words_as_by_the_regex(phrases, text, pos, cut):
    phrases = [" ".join(p.split()) for p in phrases]  # as the lexicon writes them
    endpos = max(pos, len(text) - cut)
    by_words, compiled = both(phrases, text, pos, endpos)
    assert by_words == compiled


CAPITALS = ["IT", "IT sector", "AI", "$ bill", "U.S."]
"""No phrase starts with a lower-case letter: the regex opens with their first characters."""


def test_phrases_led_by_capitals_read_as_by_words():
    text = "xIT IT sector, AI-led; the IT\n sector, $ bill, a$ bill, U.S.A, U.S., ITs"
    for pos in (0, 1, 4, 5):
        by_words, compiled = both(CAPITALS, text, pos)
        assert by_words == compiled, pos
    found = [g for _, g in both(CAPITALS, text)[0]]
    assert found == ["IT sector", "AI", "IT\n sector", "$ bill", "U.S."]
    assert [g for _, g in both(CAPITALS, text, 1)[1]][:1] == ["IT sector"]  # "x" still seen


@settings(max_examples=200, deadline=None)
@given(
    phrases=st.lists(texts(6, min_pieces=1), min_size=1, max_size=8),
    text=texts(40),
    pos=st.integers(0, 5),
)
def test_upper_case_phrases_read_by_words_as_by_the_regex(phrases, text, pos):
    phrases = [" ".join(p.upper().split()) for p in phrases]
    by_words, compiled = both(phrases, text.upper(), pos)
    assert by_words == compiled


NAMES = ["Sabah", "Ali", "Ali al-Sabah", "Alcan", "Bush", "Hua", "Ko", "Lee", "May", "al-Sabah"]
"""Names: one in ten starts in lower case, and the regex still opens with first characters."""


def test_names_with_the_odd_lower_case_one_read_as_by_words():
    assert not compile_words(NAMES).pattern.startswith(r"(?<!\w)")
    text = "Ali al-Sabah, xal-Sabah, al-Sabahs; Theresa May, Mayor, Sabah_ Alcan-Lee KoHua"
    for pos in (0, 1, 4, 15, 16):
        by_words, compiled = both(NAMES, text, pos)
        assert by_words == compiled, pos
    found = [g for _, g in both(NAMES, text)[0]]
    assert found == ["Ali al-Sabah", "Sabah", "May", "Alcan", "Lee"]  # "-Sabah" of "xal-Sabah"


def test_a_long_matchers_regex_is_stored_and_a_later_one_loads_it(tmp_path, monkeypatch):
    """What a later process finds: the regex an earlier one compiled, loaded, never rebuilt."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(trie, "KEPT_FROM", 1)
    monkeypatch.setattr(trie, "KEPT_AFTER", 10)
    text = "crude oil and u.s. trade, said the oil-rich state " * 3
    first = compile_words(PHRASES)
    expected = spans(first.regex, text)  # compiled, and stored
    assert list(tmp_path.glob("reader/long-regex-*"))

    def not_again(*args, **kwargs):
        raise AssertionError("the stored regex is loaded, not built again")

    later = compile_words(PHRASES)
    monkeypatch.setattr(trie, "words_pattern", not_again)
    assert spans(later, text) == expected  # read by words, then with the loaded regex
    assert later._regex is not None
    assert spans(later.regex, text) == expected
    assert spans(compile_words(PHRASES[:-1]), text) == [m for m in expected if m[1] != "said"]


def test_a_short_matchers_regex_is_not_stored(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    matcher = compile_words(PHRASES)
    assert sum(map(len, PHRASES)) < trie.KEPT_FROM
    assert matcher.regex.search("crude oil")
    assert not list(tmp_path.glob("reader/long-regex-*"))
