"""The search core: literal or regular-expression queries, smart case, the history."""

from __future__ import annotations

from reader.search import SearchHistory, find_all, has_uppercase, parse_query

TEXT = "Oil and oil. OIL prices; the oilfield. U.S. trade, US trade, a.b and axb."


def found(query: str) -> list[str]:
    return [s.text(TEXT) for s in find_all(TEXT, query)]


def test_a_lowercase_query_ignores_case_and_an_uppercase_letter_makes_it_exact():
    assert found("oil") == ["Oil", "oil", "OIL", "oil"]
    assert found("Oil") == ["Oil"]
    assert found("OIL") == ["OIL"]
    assert not parse_query("oil").case_sensitive and parse_query("Oil").case_sensitive


def test_a_literal_query_is_text_and_a_marked_one_a_pattern():
    assert found("a.b") == ["a.b"]
    assert found("U.S.") == ["U.S."]
    assert found(r"/a.b") == ["a.b", "axb"]
    assert found(r"/\boil\b") == ["Oil", "oil", "OIL"]  # not "oilfield"
    assert found(r"/U\.?S\.? trade") == ["U.S. trade", "US trade"]
    assert parse_query("/x").regex and not parse_query("x").regex


def test_escapes_in_a_pattern_are_not_uppercase_letters():
    assert not has_uppercase(r"\Soil\W", regex=True)
    assert found(r"/\boil\B") == ["oil"]  # "oilfield": still any case
    assert has_uppercase(r"\Soil", regex=False)  # literal text: the S is a letter
    assert found(r"/\bOil") == ["Oil"]


def test_an_invalid_pattern_finds_nothing_and_says_why():
    query = parse_query("/(oil")
    assert query.pattern is None and query.error.startswith("not a regular expression:")
    assert "\n" not in query.error
    assert found("/(oil") == [] and found("/[") == []
    assert parse_query("(oil").error == "" and found("(oil") == []  # literal: no error
    assert found("/") == [] and parse_query("/").error == ""  # the marker alone: nothing yet


def test_empty_matches_of_a_pattern_are_not_matches():
    assert found("/x*") == ["x"]
    assert found(r"/^") == []


def test_the_history_walks_back_and_forth_and_keeps_what_was_being_typed():
    history = SearchHistory(limit=3)
    assert history.older("draft") is None  # nothing searched yet
    for query in ("oil", "gas", "oil", "trade", "  "):
        history.add(query)
    assert history.entries == ["gas", "oil", "trade"]  # once each, newest last, blanks left out
    assert history.older("trad") == "trade"
    assert history.older("ignored") == "oil"
    assert history.older("ignored") == "gas"
    assert history.older("ignored") is None  # the oldest: stays
    assert history.newer() == "oil"
    assert history.newer() == "trade"
    assert history.newer() == "trad"  # past the newest: what was being typed
    assert history.newer() is None
    history.add("wheat")
    assert history.entries == ["oil", "trade", "wheat"]  # the limit forgets the oldest
