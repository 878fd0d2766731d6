"""The seed article end to end: the speakers, quotes and sectors a reader expects."""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from reader.analysis.contract import to_contract
from reader.document import Document


@pytest.fixture(scope="module")
def seed_result(seed_doc: Document):
    return analyze(seed_doc.text)


def test_exactly_three_speakers(seed_result) -> None:
    names = [s.name for s in seed_result.speakers]
    assert names == ["Sergei Lavrov", "Yvan Gil", "MFA Russia"]
    kinds = [s.kind for s in seed_result.speakers]
    assert kinds == ["person", "person", "organization"]


def test_lavrov_variants_merge_with_his_role(seed_result) -> None:
    lavrov = seed_result.speakers[0]
    assert lavrov.role == "Russian Foreign Affairs Minister"
    for alias in ("Sergey Lavrov", "Lavrov", "Russian FM Lavrov", "the Russian minister"):
        assert alias in lavrov.aliases


def test_pronoun_sources_resolve_to_lavrov(seed_doc: Document, seed_result) -> None:
    text = seed_doc.text
    pronoun_quotes = [q for q in seed_result.quotes if q.source and q.source.text(text) == "he"]
    assert len(pronoun_quotes) == 2
    assert {q.speaker for q in pronoun_quotes} == {"sergei-lavrov"}


def test_embedded_post_is_a_quote_of_its_author(seed_doc: Document, seed_result) -> None:
    embedded = [q for q in seed_result.quotes if q.kind == "embedded"]
    assert len(embedded) == 1
    assert embedded[0].speaker == "mfa-russia"
    assert embedded[0].content.text(seed_doc.text).startswith("#LIVE: Russia's Foreign Minister")


def test_lost_opening_mark_still_makes_a_direct_quote(seed_doc: Document, seed_result) -> None:
    text = seed_doc.text
    hits = [
        q
        for q in seed_result.quotes
        if q.content and q.content.text(text).startswith("We agreed to step up")
    ]
    assert len(hits) == 1
    assert hits[0].kind == "direct"
    assert hits[0].speaker == "sergei-lavrov"


def test_gil_quote_and_participle_clause(seed_doc: Document, seed_result) -> None:
    text = seed_doc.text
    gil = [q for q in seed_result.quotes if q.speaker == "yvan-gil"]
    assert [q.kind for q in gil] == ["direct", "indirect"]
    assert gil[1].cue.text(text) == "confirming"
    assert gil[1].content.text(text).startswith("Russia and Venezuela will expand")


def test_exact_sectors(seed_result) -> None:
    assert {s.id for s in seed_result.sectors} == {
        "energy",
        "agriculture-food",
        "health-pharma",
        "telecom",
        "space",
        "technology",
        "trade",
        "finance",
    }


def test_every_span_matches_its_text(seed_doc: Document, seed_result) -> None:
    obj = to_contract(seed_doc, seed_result)
    text = obj["text"]
    spans = [m for s in obj["speakers"] for m in s["mentions"]]
    spans += [q[k] for q in obj["quotes"] for k in ("content", "cue", "source") if q[k]]
    spans += [m for s in obj["sectors"] for m in s["mentions"]]
    assert spans
    for sp in spans:
        assert text[sp["start"] : sp["end"]] == sp["text"]
