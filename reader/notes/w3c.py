"""Notes as W3C Web Annotations (JSON-LD): written here, read back by :mod:`.interchange`.

Each note becomes an ``Annotation`` whose target is its document (``source``)
with a ``TextQuoteSelector`` and a ``TextPositionSelector``, whose body is a
``TextualBody`` with purpose ``commenting`` (the note, in its own ``format``)
plus one with purpose ``tagging`` per tag.

The selectors point into the file ``source`` names, as decoded: positions are
its code points and the quote, prefix and suffix are its own characters
(:mod:`.sourcetext` maps them from the canonical text). ``source`` is the
document's URL when it has one (given with ``--url``, imported, or a web page's
canonical link), else the ``file:`` IRI of its absolute path.

``generator`` names this program; ``creator`` is the note's (an imported one's)
or the user's, when a name is set. What the model has no property for (the
document's name in the notes file and the sha256 of its canonical text) travels
as ``reader:`` extension properties, so an export re-imports to identical notes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from reader import __version__
from reader.identity import named_path
from reader.notes.anchoring import CONTEXT as QUOTE_CONTEXT
from reader.notes.anchoring import anchor
from reader.notes.model import Note
from reader.notes.sourcetext import SourceText
from reader.untrusted import escape_json

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
READER_NS = "urn:x-reader:"
CONTEXT: list[Any] = [ANNO_CONTEXT, {"reader": READER_NS}]
ID_PREFIX = "urn:x-reader:note:"
GENERATOR: dict[str, str] = {
    "id": "urn:x-reader:software",
    "type": "Software",
    "name": f"reader {__version__}",
}

Agent = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Where:
    """What the export knows of a note's document: its IRI, and its file when readable."""

    iri: str
    file: SourceText | None = None
    text: str = ""
    """The document's canonical text now (to anchor a note made on an older text)."""
    sha256: str = ""


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


def agent_json(agent: Agent) -> str | dict[str, str]:
    """A creator as the model writes it: an IRI alone as a string, else an Agent object."""
    data = dict(agent)
    return data["id"] if list(data) == ["id"] else data


def _selectors(note: Note, where: Where | None) -> list[dict[str, Any]]:
    """The note's selectors, in the file's characters when the file is known."""
    t = note.target
    if t is None:
        return []
    span: tuple[int, int] | None = (t.start, t.end) if t.positioned else None
    exact, prefix, suffix = t.exact, t.prefix, t.suffix
    if where is not None and where.file is not None and span is not None:
        if where.sha256 != note.sha256:  # made on an older text: where its words are now
            found = anchor(where.text, t)
            span = None if found.start is None or found.end is None else (found.start, found.end)
        if span is not None:
            start, end = where.file.to_file(*span)
            text = where.file.text
            exact = text[start:end]
            prefix = text[max(0, start - QUOTE_CONTEXT) : start]
            suffix = text[end : end + QUOTE_CONTEXT]
            span = (start, end)
    quote = {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix}
    if span is None:
        return [quote]
    return [quote, {"type": "TextPositionSelector", "start": span[0], "end": span[1]}]


def to_annotation(
    note: Note,
    *,
    context: bool = True,
    folder: str | Path | None = None,
    where: Where | None = None,
    creator: Agent = (),
) -> dict[str, Any]:
    """One note as a Web Annotation (without ``@context`` when embedded in a collection).

    ``where``: its document as the export found it (else the note's URL or file IRI,
    positions as stored); ``creator``: the user, for a note that names nobody.
    """
    iri = note.source or (where.iri if where is not None else source_iri(note.document, folder))
    target: dict[str, Any] = {
        "source": iri,
        "reader:document": note.document,
        "reader:sha256": note.sha256,
    }
    selectors = _selectors(note, where)
    if selectors:
        target["selector"] = selectors
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "value": note.body, "format": note.format, "purpose": "commenting"}
    ]
    bodies += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in note.tags]
    head: dict[str, Any] = {"@context": CONTEXT} if context else {}
    anno: dict[str, Any] = {
        **head,
        "id": ID_PREFIX + note.id,
        "type": "Annotation",
        "motivation": "commenting",
        "created": utc_z(note.created),
        "modified": utc_z(note.modified),
    }
    who = note.creator or creator
    if who:
        anno["creator"] = agent_json(who)
    anno["generator"] = GENERATOR
    if note.via:
        anno["canonical"] = note.via
        anno["via"] = note.via
    anno["body"] = bodies
    anno["target"] = target
    return anno


def to_collection(
    notes: list[Note],
    label: str = "reader notes",
    folder: str | Path | None = None,
    *,
    where: Callable[[Note], Where | None] | None = None,
    creator: Agent = (),
    page_size: int | None = None,
) -> list[dict[str, Any]]:
    """All notes as an AnnotationCollection and its pages, in order.

    The first page is embedded in the collection; with ``page_size`` smaller than
    the number of notes, the others follow as their own objects, each page's
    ``next`` naming the next one's id (the model's links are IRIs).
    """
    digest = hashlib.sha256(" ".join(n.id for n in notes).encode()).hexdigest()[:16]
    ident = f"urn:x-reader:collection:{digest}"
    size = page_size if page_size and page_size > 0 else max(len(notes), 1)
    chunks = [notes[i : i + size] for i in range(0, len(notes), size)] or [[]]
    pages: list[dict[str, Any]] = []
    for number, chunk in enumerate(chunks, start=1):
        page: dict[str, Any] = {
            "id": f"{ident}:page:{number}",
            "type": "AnnotationPage",
            "partOf": ident,
            "startIndex": (number - 1) * size,
        }
        if number < len(chunks):
            page["next"] = f"{ident}:page:{number + 1}"
        if number > 1:
            page["prev"] = f"{ident}:page:{number - 1}"
        page["items"] = [
            to_annotation(
                n,
                context=False,
                folder=folder,
                where=where(n) if where is not None else None,
                creator=creator,
            )
            for n in chunk
        ]
        pages.append(page)
    collection: dict[str, Any] = {
        "@context": CONTEXT,
        "id": ident,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(notes),
        "first": pages[0],
    }
    if len(pages) > 1:
        collection["last"] = pages[-1]["id"]
    return [collection] + [{"@context": CONTEXT, **page} for page in pages[1:]]


def dumps_json(data: Any) -> bytes:
    """UTF-8 JSON, indented, with no raw control character."""
    return escape_json(orjson.dumps(data, option=orjson.OPT_INDENT_2)) + b"\n"


def dumps(
    notes: list[Note],
    folder: str | Path | None = None,
    *,
    where: Callable[[Note], Where | None] | None = None,
    creator: Agent = (),
    page_size: int | None = None,
) -> bytes:
    """One AnnotationCollection (a JSON array of it and its pages when there are several).

    ``folder``: where the notes file is, that relative document names start from.
    """
    parts = to_collection(notes, folder=folder, where=where, creator=creator, page_size=page_size)
    return dumps_json(parts[0] if len(parts) == 1 else parts)


def types(data: Mapping[str, Any]) -> set[str]:
    """The ``type`` values of a JSON-LD object."""
    kind = data.get("type", [])
    if isinstance(kind, str):
        return {kind}
    return {k for k in kind if isinstance(k, str)} if isinstance(kind, list) else set()


def is_annotation(data: Any) -> bool:
    return isinstance(data, dict) and "Annotation" in types(data)
