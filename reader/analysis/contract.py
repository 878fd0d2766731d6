"""The `reader analyze --json` contract (schema ``reader.analysis/1``)."""

from __future__ import annotations

import json
from typing import Any

from reader.analysis.model import Analysis
from reader.document import Document
from reader.spans import Span

SCHEMA = "reader.analysis/1"


def _span(text: str, span: Span | None) -> dict[str, Any] | None:
    return None if span is None else span.to_json(text)


def to_contract(doc: Document, analysis: Analysis) -> dict[str, Any]:
    """The JSON object of the contract: document, text, speakers, quotes, sectors."""
    text = doc.text
    return {
        "schema": SCHEMA,
        "document": {
            "path": doc.path,
            "title": doc.title,
            "date": doc.date,
            "sha256": doc.sha256,
            "chars": len(text),
        },
        "text": text,
        "speakers": [
            {
                "id": s.id,
                "name": s.name,
                "kind": s.kind,
                "role": s.role,
                "aliases": list(s.aliases),
                "mentions": [m.to_json(text) for m in s.mentions],
            }
            for s in analysis.speakers
        ],
        "quotes": [
            {
                "speaker": q.speaker,
                "kind": q.kind,
                "content": _span(text, q.content),
                "cue": _span(text, q.cue),
                "source": _span(text, q.source),
            }
            for q in analysis.quotes
        ],
        "sectors": [
            {"id": s.id, "name": s.name, "mentions": [m.to_json(text) for m in s.mentions]}
            for s in analysis.sectors
            if s.mentions
        ],
    }


def dumps(doc: Document, analysis: Analysis) -> str:
    """Deterministic JSON text of the contract (same input, same bytes), indented by two."""
    return _json(to_contract(doc, analysis), indented=True)


def dumps_line(doc: Document, analysis: Analysis) -> str:
    """The contract's object on one line (JSON Lines), as deterministic as :func:`dumps`."""
    return _json(to_contract(doc, analysis), indented=False)


_LONG = 100_000
"""From this length of text on, the contract is written by orjson."""


def _json(obj: dict[str, Any], indented: bool) -> str:
    """``json.dumps(obj, ensure_ascii=False)``, indented by two or on one line; for a long
    text written by orjson (its import costs more than a short text's writing)."""
    if len(obj.get("text", "")) < _LONG:
        return _by_json(obj, indented)
    return by_orjson(obj, indented)


def _by_json(obj: object, indented: bool) -> str:
    if indented:
        return json.dumps(obj, ensure_ascii=False, indent=2)
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def by_orjson(obj: object, indented: bool) -> str:
    """The text of ``_by_json``, written by orjson.

    The same text (the same escapes and layout), three times faster on one
    line and ten times indented, where ``json`` writes indents in Python: a
    long text's analysis has a million spans. ``json`` writes what orjson
    refuses (a lone surrogate, an integer of over 64 bits).
    """
    import orjson

    try:
        return orjson.dumps(obj, option=orjson.OPT_INDENT_2 if indented else 0).decode("utf-8")
    except TypeError:  # orjson.JSONEncodeError
        return _by_json(obj, indented)
