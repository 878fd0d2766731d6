"""Arbitrary text never breaks the analysis, and every span matches its text."""

from __future__ import annotations

import random
import string
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis.contract import to_contract
from reader.analysis.pipeline import run
from reader.document import document_from_text


def assert_spans_match(text: str) -> None:
    result = run(text)
    for s in result.speakers:
        assert s.id and s.name
        for m in s.mentions:
            assert 0 <= m.start <= m.end <= len(text)
    ids = {s.id for s in result.speakers}
    for q in result.quotes:
        assert q.speaker in ids
        for span in (q.content, q.cue, q.source):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text)
    for hit in result.sectors:
        assert hit.mentions
        for m in hit.mentions:
            assert 0 <= m.start < m.end <= len(text)


# Words that exercise every path: cues, quote marks, names, roles, sector terms.
PIECES = [
    "said",
    "says",
    "told",
    "according to",
    "stressing that",
    "added",
    "he",
    "she",
    "they",
    "the minister",
    "Sergei",
    "Lavrov",
    "Mr.",
    "Smith",
    "SMITH:",
    '"',
    "“",
    "”",
    "''",
    ",",
    ".",
    ":",
    "\n\n",
    "\n  ",
    "oil",
    "natural gas",
    "space",
    "trade",
    "that",
    "the",
    " ",
    "\ufffd",
    "—",
    "(R-IN)",
    "Reuters",
    "of",
    "Bank",
    "on Monday",
    "in a statement",
]
texty = st.lists(st.sampled_from(PIECES), max_size=80).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(texty, st.text(max_size=400)))
def test_every_span_offset_matches_its_text(text: str) -> None:
    doc = document_from_text(text or " ", path="x.txt")
    obj = to_contract(doc, run(doc.text))
    canonical = obj["text"]
    spans = [m for s in obj["speakers"] for m in s["mentions"]]
    spans += [q[k] for q in obj["quotes"] for k in ("content", "cue", "source") if q[k]]
    spans += [m for s in obj["sectors"] for m in s["mentions"]]
    for sp in spans:
        assert canonical[sp["start"] : sp["end"]] == sp["text"]
    ids = [s["id"] for s in obj["speakers"]]
    assert len(ids) == len(set(ids))
    assert {q["speaker"] for q in obj["quotes"]} <= set(ids)


def test_one_megabyte_of_random_printable_characters() -> None:
    rng = random.Random(7)
    text = "".join(rng.choices(string.printable, k=1_000_000))
    assert_spans_match(text)


def test_five_megabytes_on_a_single_line() -> None:
    line = 'Lavrov said that "oil and gas" trade rose, according to officials; '
    text = (line * (5_000_000 // len(line) + 1))[:5_000_000]
    t0 = time.perf_counter()
    assert_spans_match(text)
    assert time.perf_counter() - t0 < 60


def test_only_quotation_marks() -> None:
    assert_spans_match('"“”\'\'""' * 20_000)
    assert_spans_match('"' * 50_000)


def test_only_replacement_characters() -> None:
    assert_spans_match("\ufffd" * 100_000)


def test_degenerate_cue_runs_stay_fast() -> None:
    for text in ("said " * 40_000, "according to " * 20_000, "He said: " * 20_000):
        t0 = time.perf_counter()
        assert_spans_match(text)
        assert time.perf_counter() - t0 < 20


def test_empty_and_blank_text() -> None:
    for text in ("", " ", "\n\n\n", "\t"):
        result = run(text)
        assert result.speakers == [] and result.quotes == [] and result.sectors == []
