"""Re-anchoring: notes follow their words through edits, or become orphans, never misplaced."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.document import load_document
from reader.notes.anchoring import CONTEXT, anchor, describe
from reader.notes.model import Target
from tests.conftest import SEED

TEXT = load_document(SEED).text
WORD_STARTS = [m.start() for m in re.finditer(r"\b\w", TEXT)]
WORD_ENDS = [m.end() for m in re.finditer(r"\w\b", TEXT)]


def test_describe_keeps_quote_context_and_position():
    target = describe("alpha beta gamma delta", 6, 10, context=5)
    assert target == Target(exact="beta", prefix="lpha ", suffix=" gamm", start=6, end=10)
    assert describe("abc", 0, 3).prefix == "" and describe("abc", 0, 3).suffix == ""
    with pytest.raises(ValueError):
        describe("abc", 2, 5)


def test_unchanged_text_anchors_in_place():
    start = TEXT.index("Both countries agreed")
    target = describe(TEXT, start, start + 40)
    found = anchor(TEXT, target)
    assert (found.status, found.start, found.end) == ("anchored", start, start + 40)


def test_a_short_quote_whose_words_are_gone_is_not_moved_to_another_occurrence():
    start = TEXT.index("Lavrov said.")
    target = describe(TEXT, start, start + len("Lavrov said"))
    edited = TEXT[:start] + TEXT[start + len("Lavrov said") :]
    assert "Lavrov said" in edited  # the words occur elsewhere, in other sentences
    assert anchor(edited, target).status == "orphan"


def test_the_nearest_of_two_equal_occurrences_wins():
    text = "intro. the same phrase here. middle part. the same phrase here. end."
    second = text.rindex("the same phrase")
    target = describe(text, second, second + 15)
    moved = "a longer new intro. " + text
    found = anchor(moved, target)
    assert (found.status, found.start) == ("moved", second + 20)


QUOTE = "taking practical measures to expand bilateral trade"


def test_a_slightly_reworded_quote_is_found_by_fuzzy_search():
    start = TEXT.index(QUOTE)
    target = describe(TEXT, start, start + len(QUOTE))
    edited = TEXT.replace("taking practical measures", "taking concrete measures", 1)
    found = anchor(edited, target)
    assert found.status == "moved"
    assert edited[found.start : found.end] == "taking concrete measures to expand bilateral trade"


def test_a_rewritten_quote_becomes_an_orphan():
    start = TEXT.index(QUOTE)
    target = describe(TEXT, start, start + len(QUOTE))
    edited = TEXT.replace(QUOTE, "doing nothing much at all", 1)
    assert anchor(edited, target).status == "orphan"


def test_the_seed_with_a_paragraph_rewritten_and_another_inserted_above_it(seed_doc):
    text = seed_doc.text
    paras = [text[p.start : p.end] for p in seed_doc.paragraphs]
    old7 = paras[6]
    new7 = (
        "The Russian minister agreed with Gil on practical steps to widen trade and investment "
        "cooperation, as well as on the immediate and long-term objectives of both governments."
    )
    inserted = "Editor's note: this story was updated with the ministers' later remarks."
    edited = text.replace(old7, new7).replace(paras[3], inserted + "\n\n" + paras[3])
    assert edited.count(new7) == 1 and old7 not in edited

    def note_on(words: str) -> Target:
        start = text.index(words)
        return describe(text, start, start + len(words))

    above = note_on("cooperation between Russia and Venezuela")
    below = note_on(paras[7])  # the whole "We have devised many projects" paragraph
    kept = note_on("The Russian minister agreed with Gil")  # unchanged words of the rewrite
    reworded = note_on("practical steps to expand trade and investment cooperation")
    dropped = note_on("promote business-to-business ties")
    whole7 = describe(text, seed_doc.paragraphs[6].start, seed_doc.paragraphs[6].end)

    found = anchor(edited, above)
    assert (found.status, found.start) == ("anchored", above.start)
    found = anchor(edited, below)
    assert found.status == "moved" and edited[found.start : found.end] == paras[7]
    found = anchor(edited, kept)
    assert found.status == "moved" and found.start == edited.index(new7)
    found = anchor(edited, reworded)
    assert found.status == "moved"
    widened = "practical steps to widen trade and investment cooperation"
    assert edited[found.start : found.end] == widened
    assert anchor(edited, dropped).status == "orphan"
    found = anchor(edited, whole7)
    assert found.status == "orphan" or edited[found.start : found.end] == new7


# -- properties ---------------------------------------------------------------


@st.composite
def note_spans(draw):
    """A span of 1 to 12 whole words of the seed."""
    start = draw(st.sampled_from(WORD_STARTS[:-1]))
    ends = [e for e in WORD_ENDS if start < e <= start + 120]
    count = draw(st.integers(min_value=1, max_value=min(12, len(ends))))
    end = ends[count - 1]
    return start, end


filler = st.text(alphabet="abcdefghij klmnopqrstuvwxyz.,\n", min_size=1, max_size=40)


@st.composite
def edits_away(draw, start, end):
    """Insertions and deletions at least CONTEXT characters from ``[start, end)``."""
    return draw(
        st.lists(
            st.tuples(
                st.sampled_from(["insert", "delete"]),
                st.integers(min_value=0, max_value=len(TEXT)),
                st.integers(min_value=1, max_value=40),
                filler,
            ),
            max_size=5,
        )
    )


def apply(text: str, start: int, end: int, edits) -> tuple[str, int, int]:
    """Apply the edits that stay clear of the note's context; track where the note goes."""
    for kind, at, size, new in edits:
        at = min(at, len(text))
        lo, hi = start - CONTEXT, end + CONTEXT
        if kind == "insert":
            if lo <= at <= hi:
                continue
            text = text[:at] + new + text[at:]
            if at < lo:
                start, end = start + len(new), end + len(new)
        else:
            stop = min(at + size, len(text))
            if stop >= lo and at <= hi:
                continue
            text = text[:at] + text[stop:]
            if stop <= lo:
                start, end = start - (stop - at), end - (stop - at)
    return text, start, end


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_edits_away_from_a_note_keep_it_on_its_words(data):
    start, end = data.draw(note_spans())
    target = describe(TEXT, start, end)
    edits = data.draw(edits_away(start, end))
    text, new_start, new_end = apply(TEXT, start, end, edits)
    found = anchor(text, target)
    assert found.status in ("anchored", "moved")
    assert (found.start, found.end) == (new_start, new_end)
    assert (found.status == "anchored") == (new_start == start)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_deleting_a_notes_words_makes_it_an_orphan_never_a_wrong_place(data):
    start, end = data.draw(note_spans())
    target = describe(TEXT, start, end)
    cut_start = data.draw(st.integers(min_value=max(0, start - 10), max_value=start))
    cut_end = data.draw(st.integers(min_value=end, max_value=min(len(TEXT), end + 10)))
    text = TEXT[:cut_start] + TEXT[cut_end:]
    found = anchor(text, target)
    if found.status == "orphan":
        return
    # Only an identical passage found elsewhere is acceptable: the same words, which the
    # original text also had at another place.
    assert text[found.start : found.end] == target.exact
    assert TEXT.count(target.exact) > 1


def _word_end(start: int) -> int:
    return next(e for e in WORD_ENDS if e > start)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_small_edit_inside_a_long_quote_is_followed_by_fuzzy_search(data):
    start = data.draw(st.sampled_from(WORD_STARTS[:-1]))
    ends = [e for e in WORD_ENDS if start + 60 <= e <= start + 200]
    if not ends:
        return
    end = data.draw(st.sampled_from(ends))
    target = describe(TEXT, start, end)
    # A word of at most 8 letters replaced by at most 6: under 15% of a quote of 60 or more.
    inner = [p for p in WORD_STARTS if start + 10 < p < end - 20 and _word_end(p) - p <= 8]
    if not inner:
        return
    at = data.draw(st.sampled_from(inner))
    word_end = _word_end(at)
    new_word = data.draw(st.text(alphabet="xyzqw", min_size=1, max_size=6))
    text = TEXT[:at] + new_word + TEXT[word_end:]
    new_end = end + len(new_word) - (word_end - at)
    found = anchor(text, target)
    assert found.status == "moved"
    assert abs(found.start - start) <= 3 and abs(found.end - new_end) <= 3


def test_a_one_character_note_follows_its_text_when_the_text_before_it_shifts():
    letters = range(2 * CONTEXT, len(TEXT))
    start = next(i for i in letters if TEXT[i] == TEXT[i - 3] and TEXT[i].isalpha())
    target = describe(TEXT, start, start + 1)
    edited = "aaa" + TEXT  # the old offset now holds the same letter, in a shifted context
    found = anchor(edited, target)
    assert (found.start, found.end) == (start + 3, start + 4)
    assert found.status == "moved"


def test_notes_still_in_place_anchor_without_loading_the_fuzzy_matcher():
    """The seed's notes are placed before the first paint: no fuzzy matcher to load then."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from reader.notes.anchoring import anchor, describe\n"
        "text = 'alpha beta gamma delta ' * 20\n"
        "found = anchor(text, describe(text, 30, 40))\n"
        "print(found.status, 'rapidfuzz' in sys.modules)\n"
        "moved = anchor('xx' + text, describe(text, 30, 40))\n"
        "print(moved.status, 'rapidfuzz' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["anchored False", "moved True"]
