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
    """Deterministic JSON text of the contract (same input, same bytes)."""
    return json.dumps(to_contract(doc, analysis), ensure_ascii=False, indent=2)


def dumps_line(doc: Document, analysis: Analysis) -> str:
    """The contract's object on one line (JSON Lines), as deterministic as :func:`dumps`."""
    return json.dumps(to_contract(doc, analysis), ensure_ascii=False, separators=(",", ":"))
