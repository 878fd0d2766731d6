"""A short text's sector matcher, built from its words only, finds what the whole one finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import lexicon as lexicon_module
from reader.analysis.lexicon import Lexicon, build
from reader.analysis.sectors import find_sectors

REPO = Path(__file__).resolve().parents[2]

TABLES = {
    "energy": {
        "name": "Energy",
        "terms": ["oil", "crude oil", "oil price", "oil and gas", "gas", "natural gas", "oil-rich"],
        "exclude": ["oil painting"],
    },
    "agriculture-food": {"name": "Food", "terms": ["wheat", "soil", "palm oil"]},
    "compounds": {"sectors": ["agriculture-food"], "heads": ["exports", "export"]},
}

TEXTS = [
    "Crude Oil and OIL PRICES rose; oil-rich states, an oil painting, oilfield and soil.",
    "Natural  gas,\tnatural\ngas and gasoline; Wheat exports, wheat export-led growth.",
    "Palm oil prices. Oil and gas. oil and gasoline. The price of oil, priced in oil",
    "oil",
    "nothing of the kind here",
]


def small_lexicon() -> Lexicon:
    return build([("test", TABLES)], {"energy": "Energy", "agriculture-food": "Food"})


@pytest.mark.parametrize("text", TEXTS)
def test_matcher_from_the_texts_words_finds_what_the_whole_lexicon_finds(text):
    lex = small_lexicon()
    window = text.lower()
    expected = [m.span() for m in lex.lower_matcher.finditer(window)]
    assert [m.span() for m in small_lexicon().lower_matcher_for(window).finditer(window)] == (
        expected
    )
    assert [m.span() for m in lex.matcher.finditer(text)] == expected  # case-blind agrees


def test_overlapping_phrases_take_the_longest_that_ends_a_word():
    text = "Crude oil; oil prices; oil-rich oil painting; oilfield oil and gasoline"
    lex = small_lexicon()
    found = [m.group() for m in lex.lower_matcher_for(text.lower()).finditer(text.lower())]
    assert found == ["crude oil", "oil prices", "oil-rich", "oil painting", "oil"]


def seed_and_dev_texts() -> list[Path]:
    paths = sorted((REPO / "seeds").glob("*.txt"))
    dev = REPO.parent / "shared" / "data" / "dev"
    return paths + sorted(dev.glob("seed/docs/*.txt"))[:20]


@pytest.mark.parametrize("path", seed_and_dev_texts(), ids=lambda p: p.name)
def test_real_lexicon_partial_matcher_agrees_on_articles(path):
    lex = lexicon_module.lexicon.__wrapped__()  # a fresh lexicon: nothing compiled yet
    window = path.read_text(encoding="utf-8").lower()
    partial = lex.lower_matcher_for(window)
    full = lex.lower_matcher
    assert len(partial.pattern) < len(full.pattern)  # a short text needs a part only
    assert [m.span() for m in partial.finditer(window)] == [m.span() for m in full.finditer(window)]


def test_partial_matchers_give_way_to_the_whole_one_once_they_cost_as_much():
    lex = lexicon_module.lexicon.__wrapped__()
    text = (REPO / "seeds" / "000_2eaf6975ce8d05c5.txt").read_text(encoding="utf-8").lower()
    matchers = [lex.lower_matcher_for(text) for _ in range(2000)]
    assert matchers[0] is not lex.lower_matcher
    assert matchers[-1] is lex.lower_matcher


def test_sectors_found_alike_with_and_without_the_whole_matcher_built():
    text = " ".join(TEXTS)
    fresh, warmed = small_lexicon(), small_lexicon()
    warmed.lower_matcher  # noqa: B018 - built before the first text
    spans = [(h.id, [m.text(text) for m in h.mentions]) for h in find_sectors(text, fresh)]
    assert spans == [(h.id, [m.text(text) for m in h.mentions]) for h in find_sectors(text, warmed)]
    assert spans
