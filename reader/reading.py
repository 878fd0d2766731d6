"""The reading model: one document as it is read, with no terminal in sight.

A ``Reading`` holds a Document, its Analysis once ready, the notes placed on
it, the named span layers drawn over it (formats, the analysis, notes, search
matches) and the cursors that walk them: the next or previous search match
from an offset, the next or previous mention of a speaker or sector. The
reading screen binds one to its widgets; everything here is testable without
a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from heapq import merge

from reader.analysis import analyze
from reader.analysis.model import Analysis
from reader.document import Document
from reader.identity import DocumentId
from reader.layers import Mark, SpanLayers, analysis_marks, format_marks
from reader.notes.anchoring import anchor, describe
from reader.notes.model import Note
from reader.notes.store import NoteStore, StoreError
from reader.search import find_all, next_index, parse_query
from reader.spans import Span, SpanArray
from reader.speaking import Entry, Speaking


def analyse(doc: Document) -> tuple[Analysis, str]:
    """The analysis of ``doc`` and what went wrong ('' when nothing did).

    The one place the reader analyses a document; a failure leaves the text
    readable with no highlights, never a crash.
    """
    try:
        return analyze(doc), ""
    except Exception as exc:  # the text stays readable whatever the analysis does
        return (
            Analysis(),
            f"the analysis failed ({type(exc).__name__}: {exc}); showing the text only",
        )


@dataclass(frozen=True, slots=True)
class PlacedNote:
    """A note with where it sits in this document's text now."""

    note: Note
    status: str
    span: Span | None
    paragraph: int | None

    @property
    def sort_key(self) -> tuple[int, int, str]:
        if self.span is None:
            return (0 if self.status != "orphan" else 2, 0, self.note.created)
        return (1, self.span.start, self.note.created)

    def matches(self, query: str) -> bool:
        """Whether ``query`` occurs (case-insensitively) in the body, the quote or a tag."""
        query = query.casefold().lstrip("#")
        note = self.note
        quote = note.target.exact if note.target else ""
        haystack = "\n".join((note.body, quote, *note.tags)).casefold()
        return all(word in haystack for word in query.split())


def place(doc: Document, note: Note) -> PlacedNote:
    """Where ``note`` sits in ``doc`` now: anchored, moved, or an orphan."""
    if note.target is None:
        return PlacedNote(note, "anchored", None, None)
    found = anchor(doc.text, note.target)
    if found.status == "orphan" or found.start is None or found.end is None:
        return PlacedNote(note, "orphan", None, None)
    span = Span(found.start, found.end)
    return PlacedNote(note, found.status, span, doc.paragraph_at(span.start))


CARRIED_CHARS = 200
"""At most this many characters from an offset are looked for in a changed text."""


def carry_offset(old: Document, new: Document, offset: int) -> int:
    """Where the words at ``offset`` of ``old``'s text are in ``new``'s, the same file
    changed on disk: the same offset after an append, else found again as a note's
    words are (up to the end of their paragraph); the same offset, within the text,
    when they are gone."""
    fallback = min(offset, len(new.text))
    if new.text.startswith(old.text) or not old.paragraphs:
        return fallback
    paragraph = old.paragraphs[old.paragraph_at(offset)]
    end = min(max(paragraph.end, offset + 1), offset + CARRIED_CHARS, len(old.text))
    if end <= offset:
        return fallback
    found = anchor(new.text, describe(old.text, offset, end))
    return found.start if found.start is not None else fallback


@dataclass(frozen=True, slots=True)
class NoteTarget:
    """What a new note is about: a label for the editor, the words, tags to suggest."""

    label: str
    span: Span
    tags: tuple[str, ...] = ()


class Search:
    """A query, its matches in text order and the one the reader is on (None: none yet).

    ``error`` says why a query finds nothing at all (an invalid pattern), else is ''.
    """

    def __init__(self, query: str = "", matches: SpanArray | None = None, error: str = "") -> None:
        self.query = query
        self.matches = matches if matches is not None else SpanArray()
        self.error = error
        self.index: int | None = None

    @property
    def current(self) -> Span | None:
        return self.matches[self.index] if self.index is not None else None

    def first_from(self, offset: int) -> Span | None:
        """Go to the first match starting at or after ``offset`` (else the first of all)."""
        if not self.matches:
            return None
        found = next_index(self.matches, offset - 1, 1)
        self.index = 0 if found is None else found
        return self.matches[self.index]

    def step(self, direction: int, offset: int) -> tuple[Span, bool] | None:
        """The next (1) or previous (-1) match and whether it wrapped past the end (or the
        start); from ``offset`` when on none yet. None: there are no matches."""
        count = len(self.matches)
        if not count:
            return None
        if self.index is None:
            found = next_index(self.matches, offset, direction)
            wrapped = found is None
            self.index = found if found is not None else (0 if direction > 0 else count - 1)
        else:
            moved = self.index + direction
            wrapped = not 0 <= moved < count
            self.index = moved % count
        return self.matches[self.index], wrapped


class Reading:
    """One document as it is read: analysis, placed notes, span layers and cursors."""

    def __init__(self, doc: Document, analysis: Analysis | None = None) -> None:
        """Lays the format and analysis layers (pure: may run in a worker thread)."""
        self.doc = doc
        self.analysis = analysis
        self.layers = SpanLayers()
        self.layers.add(format_marks(doc))
        self.speaking = Speaking()
        if analysis is not None:
            self.layers.add(analysis_marks(analysis))
            self.speaking = Speaking(doc, analysis)
        self.notes: list[PlacedNote] = []
        self.search = Search()
        self.mention_at: int | None = None
        """Where the mention walk is (the start of the last mention gone to)."""
        self._every_mention: SpanArray | None = None

    def keep(self, earlier: Reading) -> None:
        """Take over the notes and the search of ``earlier``, a reading of the same text."""
        self.notes = earlier.notes
        self.search = earlier.search
        self.mention_at = earlier.mention_at
        for layer in ("note", "search"):
            self.layers.take(earlier.layers, layer)

    def who_speaks(self, paragraph: int) -> list[Entry]:
        """The speakers quoted in ``paragraph`` and how (empty when nobody is)."""
        return self.speaking(paragraph)

    # -- notes ------------------------------------------------------------------

    def place_notes(self, notes: Iterable[Note]) -> list[PlacedNote]:
        """Anchor ``notes`` in the text, in document order (orphans last), and mark them."""
        self.notes = sorted((place(self.doc, note) for note in notes), key=lambda p: p.sort_key)
        self.layers.replace(
            "note",
            (
                Mark(p.span.start, p.span.end, "note", key=p.note.id)
                for p in self.notes
                if p.span is not None and len(p.span)
            ),
        )
        return self.notes

    def notes_on(self, paragraph: int) -> list[PlacedNote]:
        return [p for p in self.notes if p.paragraph == paragraph]

    def note_target(self, key: str | None, selection: Span | None, paragraph: int) -> NoteTarget:
        """What ``a`` annotates: the first mention of the speaker or sector ``key`` (when
        given and found), else the selection, else the paragraph."""
        found = self.named(key)
        if found is not None:
            kind, name, ident = found
            first = self.first_mention(key)
            if first is not None:
                return NoteTarget(f"{kind} {name}", first, (ident,))
        if selection is not None:
            return NoteTarget("the selection", selection)
        return NoteTarget(f"¶{paragraph + 1}", self.doc.paragraphs[paragraph])

    # -- search -----------------------------------------------------------------

    def search_for(self, query: str) -> Search:
        """Find every match of ``query`` (``reader.search.parse_query``) and mark them."""
        read = parse_query(query)
        if read.pattern is None and not read.error:
            query = ""  # the regular-expression marker alone: nothing asked yet
        self.search = Search(query, find_all(self.doc.text, read), read.error)
        self.layers.replace("search", (Mark(m.start, m.end, "search") for m in self.search.matches))
        return self.search

    def clear_search(self) -> None:
        self.search = Search()
        self.layers.clear("search")

    # -- mentions ---------------------------------------------------------------

    def named(self, key: str | None) -> tuple[str, str, str] | None:
        """``speaker:ID`` or ``sector:ID`` as (kind, name, id), if the analysis has it."""
        if not key or self.analysis is None:
            return None
        kind, _, ident = key.partition(":")
        if kind == "speaker" and (speaker := self.analysis.speaker(ident)) is not None:
            return kind, speaker.name, ident
        sector = next((s for s in self.analysis.sectors if s.id == ident), None)
        if kind == "sector" and sector is not None:
            return kind, sector.name, ident
        return None

    def mentions(self, key: str | None) -> SpanArray:
        """Mentions of the speaker or sector ``key`` in text order (None: every one)."""
        analysis = self.analysis
        if analysis is None:
            return SpanArray()
        kind, _, ident = (key or "").partition(":")
        if kind == "speaker" and (speaker := analysis.speaker(ident)) is not None:
            return speaker.mentions
        sector = next((x for x in analysis.sectors if x.id == ident), None)
        if kind == "sector" and sector is not None:
            return sector.mentions
        if self._every_mention is None:  # made once: a long text has 100,000s of them
            lists = [s.mentions for s in analysis.speakers] + [x.mentions for x in analysis.sectors]
            every = SpanArray()
            for start, end in merge(*(zip(m.starts, m.ends, strict=True) for m in lists)):
                if not every or (every.starts[-1], every.ends[-1]) != (start, end):
                    every.add(start, end)
            self._every_mention = every
        return self._every_mention

    def first_mention(self, key: str | None) -> Span | None:
        spans = self.mentions(key)
        return min(spans) if spans else None

    def next_mention(
        self, key: str | None, direction: int, paragraph: int
    ) -> tuple[Span, bool] | None:
        """The next (1) or previous (-1) mention of ``key`` and whether the walk wrapped.

        The walk goes on from the last mention it went to while the reader is
        on that mention's paragraph, else from ``paragraph``.
        """
        spans = self.mentions(key)
        if not spans:
            return None
        here = self.mention_at
        if here is None or self.doc.paragraph_at(here) != paragraph:
            span = self.doc.paragraphs[paragraph]
            here = span.start - 1 if direction > 0 else span.end
        index = next_index(spans, here, direction)
        wrapped = index is None
        if index is None:
            index = 0 if direction > 0 else len(spans) - 1
        self.mention_at = spans[index].start
        return spans[index], wrapped


class DocumentNotes:
    """One document's notes in the store: read, add, edit, delete and undo, re-attach.

    Every write is on disk when it returns; it returns the error to show, or None.
    """

    def __init__(self, store: NoteStore, doc: Document, key: str) -> None:
        """``key``: how the store names the document (``NoteStore.name_of``)."""
        self.store = store
        self.doc = doc
        self.key = key
        self.deleted: list[Note] = []
        """Deleted notes, the last one first to come back."""

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    @property
    def read_only_reason(self) -> str:
        """Why notes cannot be saved ("" when they can)."""
        return self.store.read_only_reason if self.store.read_only else ""

    def load(self) -> tuple[list[Note], str | None]:
        """The document's notes, and the error when they cannot be read."""
        try:
            return self.store.notes_for(DocumentId.of(self.doc)), None
        except StoreError as exc:
            return [], str(exc)

    def add(self, body: str, tags: tuple[str, ...], span: Span | None) -> str | None:
        """A new note on ``span`` (None: on the whole document)."""
        target = describe(self.doc.text, span.start, span.end) if span is not None else None
        note = Note(document=self.key, sha256=self.doc.sha256, body=body, target=target, tags=tags)
        return _write(lambda: self.store.add(note))

    def edit(self, note: Note, body: str, tags: tuple[str, ...]) -> str | None:
        return _write(lambda: self.store.update(note.edited(body=body, tags=tags)))

    def delete(self, note: Note) -> str | None:
        return _write(lambda: self.deleted.append(self.store.remove(note.id)))

    def undo(self) -> tuple[Note | None, str | None]:
        """Bring back the last deleted note: it (None: nothing to undo) and the error."""
        if not self.deleted:
            return None, None
        note = self.deleted[-1]
        error = _write(lambda: self.store.add(note))
        if error is None:
            self.deleted.pop()
        return note, error

    def reattach(self, note: Note, span: Span) -> str | None:
        """Anchor ``note`` (an orphan) to ``span`` of this document."""
        target = describe(self.doc.text, span.start, span.end)
        edited = note.edited(document=self.key, sha256=self.doc.sha256, target=target)
        return _write(lambda: self.store.update(edited))

    def position(self) -> int | None:
        """Where the reader was in this text last time (an offset), if it fits the text."""
        offset = self.store.position(self.doc.sha256)
        return offset if offset is not None and 0 <= offset <= len(self.doc.text) else None

    def remember(self, offset: int) -> None:
        """Keep ``offset`` as where the reader is (best effort)."""
        _write(lambda: self.store.set_position(self.doc.sha256, offset))


def _write(operation: Callable[[], object]) -> str | None:
    """Run a store operation; the error to show when it fails, else None."""
    try:
        operation()
    except StoreError as exc:
        return str(exc)
    return None
