"""The contract's JSON text is ``json.dumps``'s, byte for byte, whoever writes it."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import analyze, contract
from reader.document import document_from_text, load_document, seed_path

SCALARS = st.none() | st.booleans() | st.integers() | st.text()
TREES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@pytest.fixture(autouse=True)
def _always_orjson(monkeypatch: pytest.MonkeyPatch) -> None:
    """Short texts too are written by orjson here: its text is the one under test."""
    monkeypatch.setattr(contract, "_LONG", 0)


def as_json(doc):
    obj = contract.to_contract(doc, analyze(doc))
    return (
        json.dumps(obj, ensure_ascii=False, indent=2),
        json.dumps(obj, ensure_ascii=False, separators=(",", ":")),
    )


def test_the_seed_is_written_as_json_writes_it():
    doc = load_document(seed_path())
    indented, line = as_json(doc)
    assert contract.dumps(doc, analyze(doc)) == indented
    assert contract.dumps_line(doc, analyze(doc)) == line
    assert "\n" not in line and indented.count("\n") > 100


def test_escapes_and_a_lone_surrogate_are_written_as_json_writes_them():
    text = 'Pat Caddell said "tariffs \\ rose\x1b[31m" \u2028 on\ud800 Monday. \U0001f600'
    doc = document_from_text(text)
    indented, line = as_json(doc)
    assert contract.dumps(doc, analyze(doc)) == indented
    assert contract.dumps_line(doc, analyze(doc)) == line


@settings(max_examples=200, deadline=None)
@given(tree=st.dictionaries(st.text(), TREES, max_size=5))
def test_any_tree_of_json_values_is_written_as_json_writes_it(tree):
    assert contract.by_orjson(tree, True) == json.dumps(tree, ensure_ascii=False, indent=2)
    assert contract.by_orjson(tree, False) == json.dumps(
        tree, ensure_ascii=False, separators=(",", ":")
    )


def test_a_short_text_is_written_alike_without_orjson(monkeypatch):
    monkeypatch.setattr(contract, "_LONG", 100_000)
    doc = load_document(seed_path())
    indented, line = as_json(doc)
    assert contract.dumps(doc, analyze(doc)) == indented
    assert contract.dumps_line(doc, analyze(doc)) == line
