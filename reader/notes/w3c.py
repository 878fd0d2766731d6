"""Notes as W3C Web Annotations (JSON-LD), and back.

Each note becomes an ``Annotation`` whose target is the document with a
``TextQuoteSelector`` and a ``TextPositionSelector``, whose body is a
``TextualBody`` with purpose ``commenting`` (the note) plus one with purpose
``tagging`` per tag. What the model has no property for (the document's name
in the notes file and the sha256 of its text) travels as ``reader:``
extension properties, so an export re-imports to identical notes.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import orjson

from reader.identity import named_path
from reader.notes.model import Note, Target, imported_id, merge_tags
from reader.untrusted import escape_json

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
READER_NS = "urn:x-reader:"
CONTEXT: list[Any] = [ANNO_CONTEXT, {"reader": READER_NS}]
ID_PREFIX = "urn:x-reader:note:"


def source_iri(document: str, folder: str | Path | None = None) -> str:
    """The document as an IRI: a ``file:`` URI of its absolute path.

    ``document`` is a note's name of it, relative to ``folder`` (the notes file's
    folder; else the working folder) or absolute.
    """
    return named_path(document, folder if folder is not None else Path.cwd()).as_uri()


def utc_z(stamp: str) -> str:
    """An ISO-8601 date-time as UTC with a ``Z`` (naive ones are taken as UTC)."""
    try:
        when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat().replace("+00:00", "Z")


def to_annotation(
    note: Note, *, context: bool = True, folder: str | Path | None = None
) -> dict[str, Any]:
    """One note as a Web Annotation (without ``@context`` when embedded in a collection)."""
    target: dict[str, Any] = {
        "source": source_iri(note.document, folder),
        "reader:document": note.document,
        "reader:sha256": note.sha256,
    }
    if note.target is not None:
        t = note.target
        target["selector"] = [
            {"type": "TextQuoteSelector", "exact": t.exact, "prefix": t.prefix, "suffix": t.suffix},
            {"type": "TextPositionSelector", "start": t.start, "end": t.end},
        ]
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "value": note.body, "format": "text/plain", "purpose": "commenting"}
    ]
    bodies += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in note.tags]
    head: dict[str, Any] = {"@context": CONTEXT} if context else {}
    return {
        **head,
        "id": ID_PREFIX + note.id,
        "type": "Annotation",
        "motivation": "commenting",
        "created": utc_z(note.created),
        "modified": utc_z(note.modified),
        "body": bodies,
        "target": target,
    }


def to_collection(
    notes: list[Note], label: str = "reader notes", folder: str | Path | None = None
) -> dict[str, Any]:
    """All notes as one AnnotationCollection with a single embedded page."""
    digest = hashlib.sha256(" ".join(n.id for n in notes).encode()).hexdigest()[:16]
    ident = f"urn:x-reader:collection:{digest}"
    return {
        "@context": CONTEXT,
        "id": ident,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(notes),
        "first": {
            "id": f"{ident}:page:1",
            "type": "AnnotationPage",
            "partOf": ident,
            "startIndex": 0,
            "items": [to_annotation(n, context=False, folder=folder) for n in notes],
        },
    }


def dumps(notes: list[Note], folder: str | Path | None = None) -> bytes:
    """One AnnotationCollection, UTF-8 JSON with no raw control character.

    ``folder``: where the notes file is, that relative document names start from.
    """
    data = orjson.dumps(to_collection(notes, folder=folder), option=orjson.OPT_INDENT_2)
    return escape_json(data) + b"\n"


def annotations_in(data: Any) -> list[dict[str, Any]] | None:
    """The annotations of a W3C document (one, a list, a page or a collection), else None."""
    if isinstance(data, list):
        items = [a for a in data if _is_annotation(a)]
        return items if items and len(items) == len(data) else None
    if not isinstance(data, dict):
        return None
    kind = _types(data)
    if "Annotation" in kind:
        return [data]
    if "AnnotationPage" in kind:
        return [a for a in data.get("items", []) if _is_annotation(a)]
    if "AnnotationCollection" in kind:
        first = data.get("first")
        return annotations_in(first) if isinstance(first, dict) else []
    return None


def _types(data: dict[str, Any]) -> set[str]:
    kind = data.get("type", [])
    return {kind} if isinstance(kind, str) else {k for k in kind if isinstance(k, str)}


def _is_annotation(data: Any) -> bool:
    return isinstance(data, dict) and "Annotation" in _types(data)


def from_annotation(data: dict[str, Any]) -> Note:
    """A Note from a Web Annotation (ours round-trips exactly; others are read as well as can be).

    Raises ValueError when the annotation has no usable target.
    """
    target = data.get("target")
    if isinstance(target, list):
        target = target[0] if target else None
    if isinstance(target, str):
        target = {"source": target}
    if not isinstance(target, dict) or not isinstance(target.get("source"), str):
        raise ValueError("the annotation has no target source")
    document = target.get("reader:document") or _path_of(target["source"])
    sha256 = target.get("reader:sha256") or ""
    comment = ""
    tags: list[str] = []
    for body in _bodies(data):
        purpose = body.get("purpose")
        value = body.get("value")
        if not isinstance(value, str):
            continue
        if purpose == "tagging":
            tags.append(value)
        elif not comment:
            comment = value
    created = utc_z(str(data.get("created") or "1970-01-01T00:00:00Z"))
    return Note(
        id=_note_id(data),
        document=str(document),
        sha256=str(sha256),
        body=comment,
        target=_target(target),
        tags=merge_tags(tags),
        created=created,
        modified=utc_z(str(data.get("modified") or created)),
    )


def _bodies(data: dict[str, Any]) -> list[dict[str, Any]]:
    body = data.get("body", [])
    bodies = body if isinstance(body, list) else [body]
    out = [b for b in bodies if isinstance(b, dict)]
    if isinstance(data.get("bodyValue"), str):
        out.insert(0, {"value": data["bodyValue"], "purpose": "commenting"})
    return out


def _target(target: dict[str, Any]) -> Target | None:
    selectors = target.get("selector", [])
    selectors = selectors if isinstance(selectors, list) else [selectors]
    quote = next((s for s in selectors if _sel(s, "TextQuoteSelector")), None)
    where = next((s for s in selectors if _sel(s, "TextPositionSelector")), None)
    if quote is None and where is None:
        return None
    exact = str(quote.get("exact", "")) if quote else ""
    # Without a position the quote alone anchors the note; 0-0 says "search for it".
    start = max(0, int(where["start"])) if where and "start" in where else 0
    end = max(start, int(where["end"])) if where and "end" in where else start
    return Target(
        exact=exact,
        prefix=str(quote.get("prefix", "")) if quote else "",
        suffix=str(quote.get("suffix", "")) if quote else "",
        start=start,
        end=end,
    )


def _sel(selector: Any, kind: str) -> bool:
    return isinstance(selector, dict) and selector.get("type") == kind


def _path_of(source: str) -> str:
    parsed = urlparse(source)
    return unquote(parsed.path) if parsed.scheme == "file" else source


def _note_id(data: dict[str, Any]) -> str:
    """Our own id back; for a foreign annotation, one derived from it (so re-imports match)."""
    ident = data.get("id")
    if isinstance(ident, str) and ident.startswith(ID_PREFIX):
        return imported_id(ident[len(ID_PREFIX) :])
    seed = ident if isinstance(ident, str) else orjson.dumps(data, option=orjson.OPT_SORT_KEYS)
    if isinstance(seed, str):
        seed = seed.encode("utf-8")
    return hashlib.sha256(seed).hexdigest()[:12]
