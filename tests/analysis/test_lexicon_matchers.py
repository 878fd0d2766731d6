"""The sector matcher finds the same phrases read by words as with its compiled regex."""

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
def test_a_text_read_by_its_words_gives_what_the_compiled_regex_gives(text):
    window = text.lower()
    by_words = [m.span() for m in small_lexicon().lower_matcher_for(window).finditer(window)]
    compiled = small_lexicon().lower_matcher.regex
    assert by_words == [m.span() for m in compiled.finditer(window)]
    assert by_words == [m.span() for m in small_lexicon().matcher.finditer(text)]  # case-blind


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
def test_real_lexicon_read_by_words_agrees_with_its_regex_on_articles(path, compiled_lexicon):
    lex = lexicon_module.lexicon.__wrapped__()  # a fresh lexicon: nothing compiled yet
    window = path.read_text(encoding="utf-8").lower()
    by_words = [m.span() for m in lex.lower_matcher_for(window).finditer(window)]
    assert by_words == [m.span() for m in compiled_lexicon.finditer(window)]
    assert by_words  # every article names some sector


@pytest.fixture(scope="module")
def compiled_lexicon():
    """The real lexicon's compiled regex, built once for the module (it takes a second)."""
    return lexicon_module.lexicon.__wrapped__().lower_matcher.regex


def test_a_matcher_gives_the_same_once_it_has_read_enough_to_compile():
    lex = small_lexicon()
    text = " ".join(TEXTS).lower()
    matcher = lex.lower_matcher
    runs = [[m.span() for m in matcher.finditer(text)] for _ in range(200)]
    assert matcher.pattern  # the source is there whether compiled or not
    assert all(run == runs[0] for run in runs) and runs[0]


def test_sectors_found_alike_with_and_without_the_whole_matcher_built():
    text = " ".join(TEXTS)
    fresh, warmed = small_lexicon(), small_lexicon()
    warmed.lower_matcher.regex  # noqa: B018 - compiled before the first text
    spans = [(h.id, [m.text(text) for m in h.mentions]) for h in find_sectors(text, fresh)]
    assert spans == [(h.id, [m.text(text) for m in h.mentions]) for h in find_sectors(text, warmed)]
    assert spans
