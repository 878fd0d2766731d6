"""Notes in and out of the store: what an import file holds, checked, and where it points.

An import file is one of: a W3C Web Annotation, a JSON array of them, an
``AnnotationPage``, an ``AnnotationCollection`` (its pages embedded, or given
as further objects of the same file that ``first``/``next`` name by id, as
:func:`reader.notes.w3c.dumps` writes them), a Hypothesis API export
(``{"rows": [...]}``) or one row of it, or our JSON (notes as stored).

Every annotation is checked (:mod:`.validation`) and converted before anything
is written: :func:`read_import` returns the notes and the annotations refused,
and the caller writes all of them in one store write, or nothing.

A target's ``source`` is found as a document of the library (:class:`Library`):
a ``file:`` IRI by its path, our ``reader:document`` by its name, a URL by the
URL a note or a web page of the library gives, else by the quote, when exactly
one document holds it. Positions are read as code points of that file
(:mod:`.sourcetext`) and stored as offsets of its canonical text. A URL that no
document answers to stays the note's ``source``, the note an orphan until its
document is added.

Each target makes one note. The foreign id is kept: as the note's id (its last
path segment, when that is one clean word and no other note has it) and as
``via``. Tags pass through :func:`import_tags`, the one tag rule.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

import orjson

from reader.document import Document, DocumentError, load_document
from reader.notes import w3c
from reader.notes.anchoring import anchor, describe
from reader.notes.model import PLAIN, Note, Target, agent, imported_id
from reader.notes.sourcetext import SourceText, source_text
from reader.notes.tags import normalise_tags
from reader.notes.validation import (
    SELECTORS_USED,
    Checker,
    Invalid,
    Problem,
    is_count,
    label,
    shown,
)
from reader.untrusted import clean_line

if TYPE_CHECKING:
    from reader.notes.store import NoteStore

EPOCH = "1970-01-01T00:00:00Z"
"""The creation time of an imported note that gives none (so a re-import matches)."""

HYPOTHESIS_NAMES = {"modified": "updated", "body": "text", "target": "target"}


def import_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Imported tags as the store keeps them: the one tag rule (:mod:`reader.notes.tags`)."""
    return normalise_tags(tags)


# -- documents -------------------------------------------------------------------


@dataclass
class Found:
    """A document of the library: how the store names it, the document, its file's text."""

    name: str
    doc: Document
    path: Path
    _file: SourceText | None = field(default=None, init=False)
    _mapped: bool = field(default=False, init=False)

    @property
    def file(self) -> SourceText | None:
        """The file's decoded text and its map to the canonical text (None: unmappable)."""
        if not self._mapped:
            self._file, self._mapped = source_text(self.path, self.doc), True
        return self._file


class Library:
    """The documents an import can point at: those of the store's notes, and ``files``."""

    def __init__(self, store: NoteStore, files: Iterable[str | Path] = ()) -> None:
        self.store = store
        self.files = [Path(f).absolute() for f in files]
        self._loaded: dict[Path, Found | None] = {}
        self._all: list[Found] | None = None

    def at(self, path: str | Path) -> Found | None:
        """The document at ``path`` (absolute), if it loads."""
        key = Path(path)
        if key not in self._loaded:
            try:
                doc = load_document(key)
            except DocumentError:
                self._loaded[key] = None
            else:
                self._loaded[key] = Found(self.store.name_of(key), doc, key)
        return self._loaded[key]

    def named(self, name: str) -> Found | None:
        """The document a notes-file name points at."""
        return None if "://" in name else self.at(self.store.path_of(name))

    def everything(self) -> list[Found]:
        """Every document of the library, loaded once."""
        if self._all is None:
            found: dict[Path, Found] = {}
            for note in self.store.all():
                doc = self.named(note.document)
                if doc is not None:
                    found.setdefault(doc.path, doc)
            for path in self.files:
                doc = self.at(path)
                if doc is not None:
                    found.setdefault(doc.path, doc)
            self._all = list(found.values())
        return self._all

    def by_url(self, url: str, exact: str) -> Found | None:
        """The document a URL names: the one a note or its page gives that URL, else the one
        document whose text holds the quote ``exact``."""
        for note in self.store.all():
            if note.source == url and (doc := self.named(note.document)) is not None:
                return doc
        docs = self.everything()
        for doc in docs:
            if doc.doc.url == url:
                return doc
        if len(exact.strip()) < 8:
            return None  # a word or two is in many documents
        holding = [d for d in docs if exact in d.doc.text or (d.file and exact in d.file.text)]
        return holding[0] if len(holding) == 1 else None


# -- reading the file ------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One annotation of the file, W3C-shaped, with how messages name it and its fields."""

    data: dict[str, Any]
    label: str
    names: dict[str, str] = field(default_factory=dict)
    stored: bool = False
    """A note as stored (our JSON), not an annotation."""


def _file_problem(reason: str, name: str = "", where: str = "", kind: str = "file") -> Invalid:
    return Invalid(Problem(name, where, reason, kind if name else "file"))


def entries(raw: bytes) -> list[Entry]:
    """The annotations of an import file, in order; Invalid when its shape is not one we read."""
    try:
        data: Any = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise _file_problem(f"not JSON ({exc})") from None
    if isinstance(data, dict) and isinstance(data.get("@graph"), list):
        data = data["@graph"]
    if isinstance(data, dict):
        if isinstance(data.get("rows"), list):  # the Hypothesis API's search result
            return [_hypothesis(row, i) for i, row in enumerate(data["rows"])]
        if "type" not in data and "uri" in data and "target" in data:  # one Hypothesis row
            return [_hypothesis(data, 0)]
        return _w3c([data])
    if isinstance(data, list) and data and all(_is_stored(d) for d in data):
        return [Entry(d, label(d, i), stored=True) for i, d in enumerate(data)]
    if isinstance(data, list):
        return _w3c(data)
    raise _file_problem("neither W3C Web Annotations, a Hypothesis export nor notes as stored")


def _is_stored(data: Any) -> bool:
    return isinstance(data, dict) and "type" not in data and "document" in data


def _w3c(objects: list[Any]) -> list[Entry]:
    """Annotations of top-level W3C objects: annotations, pages, collections (pages by id)."""
    by_id: dict[str, dict[str, Any]] = {}
    for obj in objects:
        if isinstance(obj, dict) and isinstance(obj.get("id"), str):
            by_id.setdefault(obj["id"], obj)
    pages: dict[int, list[dict[str, Any]]] = {}  # of each collection, by its id()
    for i, obj in enumerate(objects):
        if not isinstance(obj, dict):
            raise _file_problem(f"item {i + 1} of the file is not an object: {shown(obj)}")
        if "AnnotationCollection" in w3c.types(obj):
            pages[id(obj)] = list(_pages(obj, by_id))
    in_collections = {id(page) for listed in pages.values() for page in listed}
    found: list[dict[str, Any]] = []
    for i, obj in enumerate(objects):
        kind = w3c.types(obj)
        if "AnnotationCollection" in kind:
            for page in pages[id(obj)]:
                found += _items(page, by_id)
        elif "AnnotationPage" in kind:
            if id(obj) not in in_collections:  # a page of a collection is read with it
                found += _items(obj, by_id)
        elif "Annotation" in kind:
            found.append(obj)
        else:
            raise _file_problem(
                f"item {i + 1} of the file is not an Annotation, AnnotationPage or "
                f"AnnotationCollection (its type is {shown(obj.get('type'))})"
            )
    if not found and not any("AnnotationCollection" in w3c.types(o) for o in objects):
        raise _file_problem("the file holds no annotations")
    return [Entry(a, label(a, i)) for i, a in enumerate(found)]


def _link(
    value: Any, by_id: dict[str, dict[str, Any]], name: str, owner: str, kind: str
) -> dict[str, Any]:
    """A page given embedded or by an id another object of the file has."""
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if isinstance(value, dict):
        return value
    if isinstance(value, str):
        if value in by_id:
            return by_id[value]
        raise _file_problem(
            f"the page {clean_line(value)} is a link to outside this file, which is not followed "
            "(export the collection with its pages in one file)",
            owner,
            name,
            kind,
        )
    raise _file_problem(f"must be a page or its IRI, not {shown(value)}", owner, name, kind)


def _pages(
    collection: dict[str, Any], by_id: dict[str, dict[str, Any]]
) -> Iterator[dict[str, Any]]:
    """The pages of a collection, ``first`` then each ``next``; checks ``total``."""
    name = label(collection, 0).replace("#1", "(no id)")
    total = collection.get("total")
    if "total" in collection and not (isinstance(total, int) and is_count(total) and total >= 0):
        raise _file_problem(
            f"must be an integer 0 or more, not {shown(total)}", name, "total", "collection"
        )
    if "first" not in collection:
        if total:
            raise _file_problem(f"is missing (total is {total})", name, "first", "collection")
        return
    page: dict[str, Any] | None = _link(collection["first"], by_id, "first", name, "collection")
    seen: set[int] = set()
    count = 0
    while page is not None and id(page) not in seen:
        seen.add(id(page))
        yield page
        items = page.get("items")
        count += len(items) if isinstance(items, list) else 0
        page_name = label(page, 0).replace("#1", "(no id)")
        page = _link(page["next"], by_id, "next", page_name, "page") if "next" in page else None
    if is_count(total) and total != count:
        raise _file_problem(
            f"says {total} annotations but its pages hold {count}", name, "total", "collection"
        )


def _items(page: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    name = label(page, 0).replace("#1", "(no id)")
    items = page.get("items")
    if not isinstance(items, list):
        raise _file_problem(
            f"must be a list of annotations, not {shown(items)}", name, "items", "page"
        )
    out = []
    for i, item in enumerate(items):
        anno = _link(item, by_id, f"items[{i}]", name, "page")
        if not w3c.is_annotation(anno):
            raise _file_problem(f"is not an Annotation: {shown(anno)}", name, f"items[{i}]", "page")
        out.append(anno)
    return out


def _hypothesis(row: Any, index: int) -> Entry:
    """A Hypothesis API row as a W3C annotation (its own field names kept for messages)."""
    if not isinstance(row, dict):
        raise _file_problem(f"row {index + 1} is not an object: {shown(row)}")
    name = label(row, index)
    check = Checker(name)
    for key in ("id", "text", "uri", "user", "created", "updated"):
        check.string(row, key, "", required=False)
    tags = row.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise check.fail("tags", f"must be a list of strings, not {shown(tags)}")
    targets = row.get("target", [])
    if not isinstance(targets, list):
        raise check.fail("target", f"must be a list, not {shown(targets)}")
    out: dict[str, Any] = {"type": "Annotation"}
    if isinstance(row.get("id"), str):
        links = row.get("links")
        html = links.get("html") if isinstance(links, dict) else None
        out["id"] = html if isinstance(html, str) else f"https://hypothes.is/a/{row['id']}"
    for ours, theirs in (("created", "created"), ("modified", "updated")):
        if theirs in row:
            out[ours] = row[theirs]
    if isinstance(row.get("user"), str):
        info = row.get("user_info")
        display = info.get("display_name") if isinstance(info, dict) else None
        who = {"id": row["user"], "type": "Person"}
        if isinstance(display, str) and display:
            who["name"] = display
        out["creator"] = who
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "value": row.get("text", ""), "format": "text/markdown",
         "purpose": "commenting"}
    ]  # fmt: skip
    bodies += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in tags]
    out["body"] = bodies
    uri = row.get("uri")
    out["target"] = [
        {**t, "source": t.get("source", uri)} if isinstance(t, dict) else t for t in targets
    ] or ([uri] if isinstance(uri, str) else [])
    return Entry(out, name, dict(HYPOTHESIS_NAMES))


# -- converting ------------------------------------------------------------------


@dataclass
class Imported:
    """What an import file gives: the notes to add, and what was left out and why."""

    notes: list[Note] = field(default_factory=list)
    refused: list[Problem] = field(default_factory=list)
    """Annotations that cannot be imported (nothing is, unless they are skipped)."""
    skipped_targets: list[Problem] = field(default_factory=list)
    """Targets of imported annotations that make no note (no text selector here)."""


def read_import(raw: bytes, library: Library) -> Imported:
    """Every annotation of ``raw`` checked and converted; Invalid when the file is unreadable."""
    out = Imported()
    taken = {n.id: n for n in library.store.all()}
    for entry in entries(raw):
        try:
            if entry.stored:
                notes = [_stored_note(entry)]
            else:
                notes = _notes_of(entry, library, out.skipped_targets)
        except Invalid as exc:
            out.refused.append(exc.problem)
            continue
        for note in notes:
            out.notes.append(_unique(note, taken))
    return out


def _unique(note: Note, taken: dict[str, Note]) -> Note:
    """``note`` with an id no other note has: its own, else one derived from its ``via``.

    A note already in the store (same id and same origin) keeps its id: adding it
    again adds nothing.
    """
    other = taken.get(note.id)
    if other is not None and note.via and other.via != note.via:
        derived = hashlib.sha256(f"{note.via}\n{note.id}".encode()).hexdigest()[:12]
        note = replace(note, id=derived)
    taken.setdefault(note.id, note)
    return note


def _stored_note(entry: Entry) -> Note:
    """A note of our JSON export, checked field by field."""
    data = entry.data
    check = Checker(entry.label)
    for key in ("id", "document", "sha256", "created"):
        check.string(data, key, "", required=True)
    check.string(data, "body", "", required=False)
    check.timestamp(data, "created")
    check.timestamp(data, "modified")
    tags = data.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise check.fail("tags", f"must be a list of strings, not {shown(tags)}")
    target = data.get("target")
    if target is not None:
        if not isinstance(target, dict):
            raise check.fail("target", f"must be an object or null, not {shown(target)}")
        for key in ("exact", "prefix", "suffix"):
            check.string(target, key, "target.", required=True)
        check.selector({**target, "type": "TextPositionSelector"}, "target")
    try:
        note = Note.from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise check.fail("", f"has the wrong shape ({type(exc).__name__}: {exc})") from None
    return replace(note, id=imported_id(note.id), tags=import_tags(note.tags))


def _notes_of(entry: Entry, library: Library, skipped: list[Problem]) -> list[Note]:
    """The notes of one W3C annotation: one per target that has a source."""
    data = entry.data
    check = Checker(entry.label, entry.names)
    check.annotation_fields(data)
    targets = data.get("target")
    if targets is None or targets == []:
        raise check.fail("target", "is missing (an annotation needs 1 or more targets)")
    listed = targets if isinstance(targets, list) else [targets]
    for i, target in enumerate(listed):
        check.target(target, f"target[{i}]" if isinstance(targets, list) else "target")
    base, via = _ids(data)
    body, fmt, tags = _body(data)
    created = w3c.utc_z(str(data.get("created") or EPOCH).strip())
    modified = w3c.utc_z(str(data.get("modified") or created).strip())
    creators = data.get("creator")
    creator = agent(creators[0] if isinstance(creators, list) and creators else creators)
    notes: list[Note] = []
    for i, target in enumerate(listed):
        where = f"target[{i}]" if isinstance(targets, list) else "target"
        given = target if isinstance(target, dict) else {"source": target}
        placed = _place(given, where, check, library)
        if placed is None:
            skipped.append(Problem(entry.label, where, "skipped: no text selector"))
            continue
        document, sha256, source, note_target = placed
        notes.append(
            Note(
                id=base if not notes else f"{base}-{i + 1}",
                document=document,
                sha256=sha256,
                body=body,
                target=note_target,
                tags=tags,
                created=created,
                modified=modified,
                format=fmt,
                source=source,
                creator=creator,
                via=via,
            )
        )
    return notes


def _ids(data: dict[str, Any]) -> tuple[str, str]:
    """The note id an annotation asks for and the foreign id it came with (its ``via``)."""
    ident = data.get("id")
    origin = next((data[k] for k in ("canonical", "via") if isinstance(data.get(k), str)), "")
    if isinstance(ident, str) and ident.startswith(w3c.ID_PREFIX):
        return imported_id(ident[len(w3c.ID_PREFIX) :]), origin
    if isinstance(ident, str) and ident:
        tail = ident.rstrip("/").replace("#", "/").replace(":", "/").rsplit("/", 1)[-1]
        return imported_id(tail or ident), origin or ident
    seed = orjson.dumps(data, option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(seed).hexdigest()[:12], origin


def _body(data: dict[str, Any]) -> tuple[str, str, tuple[str, ...]]:
    """The note's text, its format and its tags, from the bodies."""
    raw = data.get("body", [])
    bodies = [b for b in (raw if isinstance(raw, list) else [raw]) if isinstance(b, dict)]
    if isinstance(data.get("bodyValue"), str):
        bodies.insert(0, {"value": data["bodyValue"], "purpose": "commenting"})
    text: str | None = None
    fmt = PLAIN
    tags: list[str] = []
    for body in bodies:
        value = body.get("value")
        if not isinstance(value, str):
            continue
        if body.get("purpose") == "tagging":
            tags.append(value)
        elif text is None:
            text = value
            fmt = body["format"] if isinstance(body.get("format"), str) else PLAIN
    return text or "", fmt, import_tags(tags)


Placed = tuple[str, str, str, Target | None]


def _place(target: dict[str, Any], where: str, check: Checker, library: Library) -> Placed | None:
    """The document, digest, URL and note target of one W3C target (None: no text selector)."""
    source = str(target["source"])
    raw = target.get("selector", [])
    selectors = [s for s in (raw if isinstance(raw, list) else [raw]) if isinstance(s, dict)]
    quote = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), None)
    position = next((s for s in selectors if s.get("type") == "TextPositionSelector"), None)
    if selectors and not any(s.get("type") in SELECTORS_USED for s in selectors):
        return None
    exact = str(quote["exact"]) if quote else ""
    found = _document(target, source, exact, library)
    url = source if urlparse(source).scheme in ("http", "https") else ""
    if found is None:
        name = target.get("reader:document")
        document = name if isinstance(name, str) and name else _path_of(source)
        digest = target.get("reader:sha256")
        return document, digest if isinstance(digest, str) else "", url, _as_given(quote, position)
    digest = target.get("reader:sha256")
    sha256 = digest if isinstance(digest, str) and digest else found.doc.sha256
    if not selectors:
        return found.name, sha256, url, None
    pos_where = f"{where}.selector[{selectors.index(position)}]" if position else ""
    return found.name, sha256, url, _in_document(found, quote, position, pos_where, check)


def _document(target: dict[str, Any], source: str, exact: str, library: Library) -> Found | None:
    parsed = urlparse(source)
    if parsed.scheme == "file":
        found = library.at(Path(unquote(parsed.path)))
        if found is not None:
            return found
    name = target.get("reader:document")
    if isinstance(name, str) and name and (found := library.named(name)) is not None:
        return found
    if parsed.scheme in ("http", "https"):
        return library.by_url(source, exact)
    return None


def _as_given(quote: dict[str, Any] | None, position: dict[str, Any] | None) -> Target | None:
    """The target as the annotation gives it (its document is not in the library)."""
    if quote is None and position is None:
        return None
    return Target(
        exact=str(quote["exact"]) if quote else "",
        prefix=str(quote.get("prefix", "")) if quote else "",
        suffix=str(quote.get("suffix", "")) if quote else "",
        start=int(position["start"]) if position else 0,
        end=int(position["end"]) if position else 0,
        positioned=position is not None,
    )


def _in_document(
    found: Found,
    quote: dict[str, Any] | None,
    position: dict[str, Any] | None,
    where: str,
    check: Checker,
) -> Target | None:
    """The target in the document's canonical text: the position read in its file, kept
    where the quote is there (or there is no quote), else where the quote is found."""
    text = found.doc.text
    given = _as_given(quote, position)
    if given is None:
        return None
    file = found.file
    if position is not None:
        length = len(file.text) if file is not None else len(text)
        check.within(position, where, length, found.name)
        start, end = int(position["start"]), int(position["end"])
        if file is not None:
            at_file = file.text[start:end]
            start, end = file.to_canonical(start, end)
        else:
            at_file = text[start:end]
        if quote is None or at_file == quote["exact"]:
            return describe(text, start, end)
    size = len(text)
    hint = replace(given, start=min(given.start, size), end=min(given.end, size))
    placed = anchor(text, hint)
    if placed.start is not None and placed.end is not None:
        return describe(text, placed.start, placed.end)
    at = text.find(given.exact) if given.exact.strip() else -1
    if at >= 0 and text.find(given.exact, at + 1) < 0:  # a quote without context, once there
        return describe(text, at, at + len(given.exact))
    return given  # kept as given: an orphan, never a wrong place


def _path_of(source: str) -> str:
    parsed = urlparse(source)
    return unquote(parsed.path) if parsed.scheme == "file" else source


# -- exporting -------------------------------------------------------------------


class Sources:
    """Where each note's document is, for an export: IRI, file map, canonical text."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._where: dict[str, w3c.Where | None] = {}

    def __call__(self, note: Note) -> w3c.Where | None:
        if note.document not in self._where:
            found = self.library.named(note.document)
            if found is None:
                self._where[note.document] = None
            else:
                iri = found.doc.url or found.path.resolve().as_uri()
                self._where[note.document] = w3c.Where(
                    iri, found.file, found.doc.text, found.doc.sha256
                )
        return self._where[note.document]


def export_w3c(
    notes: list[Note],
    library: Library,
    *,
    creator: tuple[tuple[str, str], ...] = (),
    page_size: int | None = None,
) -> bytes:
    """The notes as W3C JSON-LD, positions and quotes in their files' own text."""
    return w3c.dumps(
        notes,
        library.store.folder,
        where=Sources(library),
        creator=creator,
        page_size=page_size,
    )


def export_one(note: Note, library: Library, *, creator: tuple[tuple[str, str], ...] = ()) -> bytes:
    """One note as a standalone Web Annotation (with its ``@context``)."""
    where = Sources(library)(note)
    anno = w3c.to_annotation(note, folder=library.store.folder, where=where, creator=creator)
    return w3c.dumps_json(anno)
