"""What the library index answers: speakers, their quotes, words, sectors over time, notes.

Pure functions of an open :class:`~reader.library.index.LibraryIndex` (no terminal,
no writes), each returning plain frozen records that screens show as they are.
Offsets are code-point offsets into the document's canonical text (the ``text``
of ``reader analyze --json``), so ``reader.open_document(path)`` then going to
``start`` puts the reader on the thing found. Dates are ISO ``YYYY-MM-DD``
(``None``: the article has none); months ``YYYY-MM``.

Every text in these records comes from files or notes: untrusted, to be shown
as text, never as markup.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Literal

from reader.library.entries import LibraryEntry
from reader.library.index import LibraryIndex
from reader.library.schema import FTS_BLOCK, split

HitKind = Literal["text", "quote", "note"]
HIT_KINDS: tuple[HitKind, ...] = ("text", "quote", "note")

_MARK_OPEN, _MARK_CLOSE = "\x01", "\x02"  # never in a canonical text: controls are removed
_ELLIPSIS = "…"
_SNIPPET_TOKENS = 14


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """Which document: its path (resolved, absolute), title and date."""

    path: str
    title: str
    date: str | None


@dataclass(frozen=True, slots=True)
class IndexedDocument:
    """One document as the index holds it: the library's row, or why it could not be read."""

    path: str
    sha256: str
    entry: LibraryEntry | None
    error: str | None


@dataclass(frozen=True, slots=True)
class SpeakerSummary:
    """One person or organisation across the library (an identity, see ``people``)."""

    id: str
    """Stable while the library's speakers do not change; give it to :func:`speaker_quotes`."""
    name: str
    kind: str
    aliases: tuple[str, ...]
    documents: int
    quotes: int


@dataclass(frozen=True, slots=True)
class LibraryQuote:
    """A quote of a speaker in one document, with where it is."""

    document: DocumentRef
    speaker: str
    """The speaker's name as that document gives it."""
    kind: str
    start: int
    end: int
    text: str
    cue: tuple[int, int] | None
    source: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One place the words were found: in the text, a quote or a note.

    ``start``/``end`` are the first match in the document's text (for a note,
    the words it is attached to; both None for a note on the whole document).
    ``snippet`` is a short excerpt and ``marks`` the matched words within it.
    """

    document: DocumentRef
    kind: HitKind
    start: int | None
    end: int | None
    snippet: str
    marks: tuple[tuple[int, int], ...]
    speaker: str | None = None
    note: str | None = None
    """The note's id, for a hit in a note."""


@dataclass(frozen=True, slots=True)
class SectorShare:
    """A sector across the library: how many documents mention it, and how often."""

    id: str
    name: str
    documents: int
    mentions: int
    share: float
    """``documents`` over the documents of the library that were analysed (0 to 1)."""


@dataclass(frozen=True, slots=True)
class SectorMonth:
    """A sector's mentions in the documents dated in one month."""

    sector: str
    month: str
    documents: int
    mentions: int


@dataclass(frozen=True, slots=True)
class SectorDocument:
    """A document behind a sector's figure, with its mentions of the sector."""

    document: DocumentRef
    mentions: int
    first: int
    """The offset of its first mention."""


@dataclass(frozen=True, slots=True)
class SectorSpeaker:
    """A speaker who mentions a sector in their quotes."""

    id: str
    name: str
    mentions: int
    documents: int


@dataclass(frozen=True, slots=True)
class LibraryNote:
    """A note of the library, on the document it is attached to."""

    id: str
    document: DocumentRef
    body: str
    tags: tuple[str, ...]
    created: str
    modified: str
    start: int | None
    end: int | None
    exact: str | None


class SearchSyntaxError(ValueError):
    """A search with nothing to look for."""


# -- the library's table ------------------------------------------------------------


def documents(index: LibraryIndex) -> dict[str, IndexedDocument]:
    """Every document of the index by path: the library table's rows, in one query."""
    found: dict[str, IndexedDocument] = {}
    cursor = index.db.cursor()
    cursor.row_factory = None  # plain tuples: 20,000 rows
    cursor.execute(
        "SELECT path, sha256, title, date, chars, quotes, top_speakers, sectors, error "
        "FROM documents"
    )
    for path, sha, title, date, chars, quotes, top, sectors, error in cursor:
        entry = None
        if error is None:
            entry = LibraryEntry(path, title, date, split(top), split(sectors), quotes, chars)
        found[path] = IndexedDocument(path, sha, entry, error)
    return found


TableRowData = tuple[str, str, str, str | None, str, str, str | None]
"""path, sha256, title, date, top speakers and sectors (``split`` them), error."""


def table_rows(index: LibraryIndex) -> list[TableRowData]:
    """What the library table shows of every document, as plain tuples: one query.

    The columns of :func:`documents` that the table reads, without an object a
    row (a second launch of a library of 20,000 documents reads them all).
    """
    cursor = index.db.cursor()
    cursor.row_factory = None
    cursor.execute("SELECT path, sha256, title, date, top_speakers, sectors, error FROM documents")
    return cursor.fetchall()


def failures(index: LibraryIndex) -> list[tuple[str, str]]:
    """The files that could not be indexed, and why (one line each), by path."""
    rows = index.db.execute(
        "SELECT path, error FROM documents WHERE error IS NOT NULL ORDER BY path"
    ).fetchall()
    return [(r["path"], r["error"]) for r in rows]


# -- speakers -------------------------------------------------------------------------


def speakers(
    index: LibraryIndex,
    query: str = "",
    *,
    kind: str | None = None,
    min_documents: int = 1,
    limit: int | None = None,
) -> list[SpeakerSummary]:
    """Every speaker of the library, most quoted first (then in most documents, then by name).

    ``query`` keeps those whose name or an alias holds every word of it (any
    case); ``kind`` is ``person`` or ``organization``; ``min_documents`` keeps
    those quoted in at least that many documents.
    """
    sql = "SELECT id, name, kind, aliases, documents, quotes FROM persons WHERE documents >= ?"
    args: list[object] = [min_documents]
    if kind is not None:
        sql += " AND kind = ?"
        args.append(kind)
    for word in query.split():
        sql += " AND (name || ' ' || aliases) LIKE ? ESCAPE '\\'"
        args.append(f"%{_like(word)}%")
    sql += " ORDER BY quotes DESC, documents DESC, name COLLATE NOCASE, id"
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    return [
        SpeakerSummary(
            r["id"],
            r["name"],
            r["kind"],
            tuple(json.loads(r["aliases"])),
            r["documents"],
            r["quotes"],
        )
        for r in index.db.execute(sql, args)
    ]


def speaker(index: LibraryIndex, speaker_id: str) -> SpeakerSummary | None:
    """One speaker of the library by id."""
    r = index.db.execute(
        "SELECT id, name, kind, aliases, documents, quotes FROM persons WHERE id = ?",
        (speaker_id,),
    ).fetchone()
    if r is None:
        return None
    return SpeakerSummary(
        r["id"], r["name"], r["kind"], tuple(json.loads(r["aliases"])), r["documents"], r["quotes"]
    )


def speaker_quotes(
    index: LibraryIndex,
    speaker_id: str,
    *,
    since: str | None = None,
    limit: int | None = None,
) -> list[LibraryQuote]:
    """Every quote of a speaker (an id of :func:`speakers`) across the library.

    Newest document first; documents without a date last; within a document,
    in the order of the text. ``since`` (``YYYY-MM-DD``) keeps the documents of
    that date or later.
    """
    sql = (
        'SELECT d.path, d.title, d.date, s.name, q.kind, q.start, q."end", q.text, '
        "q.cue_start, q.cue_end, q.source_start, q.source_end "
        "FROM speakers s JOIN quotes q ON q.doc = s.doc AND q.speaker = s.local "
        "JOIN documents d ON d.id = s.doc WHERE s.person = ?"
    )
    args: list[object] = [speaker_id]
    sql += since_clause(since, args)
    sql += " ORDER BY d.date IS NULL, d.date DESC, d.path, q.start"
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    return [
        LibraryQuote(
            DocumentRef(r[0], r[1], r[2]),
            r[3],
            r[4],
            r[5],
            r[6],
            r[7],
            (r[8], r[9]) if r[8] is not None else None,
            (r[10], r[11]) if r[10] is not None else None,
        )
        for r in index.db.execute(sql, args)
    ]


def since_clause(since: str | None, args: list[object]) -> str:
    """`` AND d.date >= ?`` (its value added to ``args``) when ``since`` is given, else ''."""
    if since is None:
        return ""
    args.append(since)
    return " AND d.date >= ?"


# -- words ----------------------------------------------------------------------------

_TERM = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")


def fts_query(query: str) -> str:
    """The FTS5 query of what a user typed: words (all of them), ``"a phrase"``, ``prefix*``.

    Nothing typed is FTS5 syntax: each word or phrase is quoted, so ``AND``,
    ``NEAR(``, ``-`` or a stray quote are words like any other. Raises
    SearchSyntaxError when no word is left.
    """
    parts: list[str] = []
    for m in _TERM.finditer(query):
        phrase, word = m.group(1), m.group(2)
        if phrase is not None:
            words = _WORD.findall(phrase)
            if words:
                parts.append('"' + " ".join(words) + '"')
            continue
        prefix = word.endswith("*")
        words = _WORD.findall(word)
        if not words:
            continue
        term = '"' + " ".join(words) + '"'
        parts.append(term + "*" if prefix else term)
    if not parts:
        raise SearchSyntaxError("nothing to search for: type a word")
    return " ".join(parts)


def search(
    index: LibraryIndex,
    query: str,
    *,
    kinds: tuple[HitKind, ...] = HIT_KINDS,
    limit: int = 50,
) -> list[SearchHit]:
    """Full-text search of the library: its texts, quotes and notes, best matches first.

    ``query`` as :func:`fts_query` reads it: ``lavrov sanctions`` (both words,
    anywhere in one paragraph, quote or note), ``"national currencies"`` (the
    phrase), ``dollar*`` (a prefix). Case and accents are ignored. A text hit
    inside a quote that is also found is given once, as the quote. Raises
    SearchSyntaxError when the query holds no word.
    """
    match = fts_query(query)
    hits: list[tuple[float, SearchHit]] = []
    doc_kinds = [k for k in kinds if k != "note"]
    if doc_kinds:
        marks = ",".join("?" * len(doc_kinds))
        rows = index.db.execute(
            f"SELECT rowid, kind, start, ref, bm25(words) AS score, "
            f"highlight(words, 0, ?, ?) AS marked, "
            f"snippet(words, 0, ?, ?, ?, ?) AS snip FROM words "
            f"WHERE words MATCH ? AND kind IN ({marks}) ORDER BY rank LIMIT ?",
            (
                _MARK_OPEN,
                _MARK_CLOSE,
                _MARK_OPEN,
                _MARK_CLOSE,
                _ELLIPSIS,
                _SNIPPET_TOKENS,
                match,
                *doc_kinds,
                limit * 2,
            ),
        ).fetchall()
        docs = _refs(index, {r["rowid"] // FTS_BLOCK for r in rows})
        speakers_of = _quote_speakers(index, [r["ref"] for r in rows if r["kind"] == "quote"])
        seen: set[tuple[str, int]] = set()
        for r in sorted(rows, key=lambda r: r["kind"] != "quote"):  # quotes before texts
            first = r["marked"].find(_MARK_OPEN)
            close = r["marked"].find(_MARK_CLOSE, first)
            start = r["start"] + max(first, 0)
            end = r["start"] + max(close - 1, first)
            doc = docs.get(r["rowid"] // FTS_BLOCK)
            if doc is None or (doc.path, start) in seen:
                continue
            seen.add((doc.path, start))
            snippet, spans = _unmark(r["snip"])
            hit = SearchHit(doc, r["kind"], start, end, snippet, spans, speakers_of.get(r["ref"]))
            hits.append((r["score"], hit))
    if "note" in kinds:
        rows = index.db.execute(
            'SELECT n.id, n.start, n."end", d.path, d.title, d.date, bm25(note_words) AS score, '
            "snippet(note_words, 0, ?, ?, ?, ?) AS snip FROM note_words "
            "JOIN notes n ON n.id = note_words.note JOIN documents d ON d.id = n.doc "
            "WHERE note_words MATCH ? ORDER BY rank LIMIT ?",
            (_MARK_OPEN, _MARK_CLOSE, _ELLIPSIS, _SNIPPET_TOKENS, match, limit),
        ).fetchall()
        for r in rows:
            snippet, spans = _unmark(r["snip"])
            doc = DocumentRef(r["path"], r["title"], r["date"])
            hits.append(
                (r["score"], SearchHit(doc, "note", r[1], r[2], snippet, spans, note=r["id"]))
            )
    hits.sort(key=lambda sh: sh[0])  # bm25: the lower, the better
    return [h for _, h in hits[:limit]]


def _unmark(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A snippet without its match markers, and where the matches are in it."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start = 0
    for piece in re.split(f"([{_MARK_OPEN}{_MARK_CLOSE}])", marked):
        if piece == _MARK_OPEN:
            start = length
        elif piece == _MARK_CLOSE:
            spans.append((start, length))
        else:
            out.append(piece)
            length += len(piece)
    return "".join(out), tuple(spans)


def _refs(index: LibraryIndex, ids: set[int]) -> dict[int, DocumentRef]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = index.db.execute(
        f"SELECT id, path, title, date FROM documents WHERE id IN ({marks})", tuple(ids)
    )
    return {r[0]: DocumentRef(r[1], r[2], r[3]) for r in rows}


def _quote_speakers(index: LibraryIndex, quote_ids: list[int]) -> dict[int, str]:
    if not quote_ids:
        return {}
    marks = ",".join("?" * len(quote_ids))
    rows = index.db.execute(
        f"SELECT q.id, s.name FROM quotes q JOIN speakers s ON s.doc = q.doc "
        f"AND s.local = q.speaker WHERE q.id IN ({marks})",
        tuple(quote_ids),
    )
    return {r[0]: r[1] for r in rows}


# -- sectors --------------------------------------------------------------------------


def sector_shares(index: LibraryIndex) -> list[SectorShare]:
    """Each sector mentioned in the library: its documents, mentions and share, largest first."""
    analysed = index.db.execute("SELECT count(*) FROM documents WHERE error IS NULL").fetchone()[0]
    rows = index.db.execute(
        "SELECT m.sector, s.name, count(DISTINCT m.doc), count(*) FROM sector_mentions m "
        "JOIN sectors s ON s.id = m.sector GROUP BY m.sector "
        "ORDER BY count(DISTINCT m.doc) DESC, count(*) DESC, m.sector"
    )
    return [SectorShare(r[0], r[1], r[2], r[3], r[2] / analysed if analysed else 0.0) for r in rows]


def sector_timeline(index: LibraryIndex, sector: str | None = None) -> list[SectorMonth]:
    """Mentions of each sector (or of ``sector``) by month of the documents' dates, in order.

    Documents without a date have no month and are left out (they count in
    :func:`sector_shares`). Months with no mention are not listed.
    """
    sql = (
        "SELECT m.sector, substr(d.date, 1, 7) AS month, count(DISTINCT m.doc), count(*) "
        "FROM sector_mentions m JOIN documents d ON d.id = m.doc WHERE d.date IS NOT NULL"
    )
    args: list[object] = []
    if sector is not None:
        sql += " AND m.sector = ?"
        args.append(sector)
    sql += " GROUP BY m.sector, month ORDER BY month, m.sector"
    return [SectorMonth(r[0], r[1], r[2], r[3]) for r in index.db.execute(sql, args)]


def _month_filter(month: str | None) -> tuple[str, list[object]]:
    if month is None:
        return "", []
    return " AND substr(d.date, 1, 7) = ?", [month]


def sector_documents(
    index: LibraryIndex, sector: str, month: str | None = None
) -> list[SectorDocument]:
    """The documents behind a sector's figure (of ``month``, ``YYYY-MM``, if given):
    most mentions first, then newest."""
    where, args = _month_filter(month)
    rows = index.db.execute(
        "SELECT d.path, d.title, d.date, count(*), min(m.start) FROM sector_mentions m "
        f"JOIN documents d ON d.id = m.doc WHERE m.sector = ?{where} GROUP BY m.doc "
        "ORDER BY count(*) DESC, d.date IS NULL, d.date DESC, d.path",
        [sector, *args],
    )
    return [SectorDocument(DocumentRef(r[0], r[1], r[2]), r[3], r[4]) for r in rows]


def sector_speakers(
    index: LibraryIndex, sector: str, month: str | None = None
) -> list[SectorSpeaker]:
    """The speakers behind a sector's figure: whose quotes mention it, most mentions first."""
    where, args = _month_filter(month)
    rows = index.db.execute(
        "SELECT p.id, p.name, count(*), count(DISTINCT m.doc) FROM sector_mentions m "
        "JOIN documents d ON d.id = m.doc "
        'JOIN quotes q ON q.doc = m.doc AND m.start >= q.start AND m."end" <= q."end" '
        "JOIN speakers s ON s.doc = q.doc AND s.local = q.speaker "
        f"JOIN persons p ON p.id = s.person WHERE m.sector = ?{where} "
        "GROUP BY p.id ORDER BY count(*) DESC, p.name",
        [sector, *args],
    )
    return [SectorSpeaker(r[0], r[1], r[2], r[3]) for r in rows]


# -- notes ----------------------------------------------------------------------------


def notes(
    index: LibraryIndex,
    *,
    document: str | None = None,
    tag: str | None = None,
    since: str | None = None,
    until: str | None = None,
    query: str = "",
    order: Literal["document", "date"] = "document",
) -> list[LibraryNote]:
    """Every note of the library (as last synchronised from the notes file), filtered.

    ``document`` is a document's path as the index holds it; ``tag`` a tag
    without ``#``; ``since``/``until`` bound the day the note was made
    (``YYYY-MM-DD``, both included); ``query`` keeps notes whose body, tags or
    quoted words hold every word of it. ``order``: by document then place in
    it, or newest first.
    """
    sql = (
        "SELECT n.id, d.path, d.title, d.date, n.body, n.tags, n.created, n.modified, "
        'n.start, n."end", n.exact FROM notes n JOIN documents d ON d.id = n.doc WHERE 1'
    )
    args: list[object] = []
    if document is not None:
        sql += " AND d.path = ?"
        args.append(document)
    if tag is not None:
        sql += " AND n.id IN (SELECT note FROM note_tags WHERE tag = ?)"
        args.append(tag.lstrip("#"))
    if since is not None:
        sql += " AND substr(n.created, 1, 10) >= ?"
        args.append(since)
    if until is not None:
        sql += " AND substr(n.created, 1, 10) <= ?"
        args.append(until)
    for word in query.split():
        sql += " AND (n.body || ' ' || n.tags || ' ' || coalesce(n.exact, '')) LIKE ? ESCAPE '\\'"
        args.append(f"%{_like(word)}%")
    if order == "date":
        sql += " ORDER BY n.created DESC, n.id"
    else:
        sql += " ORDER BY d.path, coalesce(n.start, -1), n.created, n.id"
    return [
        LibraryNote(
            r[0],
            DocumentRef(r[1], r[2], r[3]),
            r[4],
            tuple(json.loads(r[5])),
            r[6],
            r[7],
            r[8],
            r[9],
            r[10],
        )
        for r in index.db.execute(sql, args)
    ]


def note_tags(index: LibraryIndex) -> list[tuple[str, int]]:
    """Every tag of the library's notes with how many notes have it, most used first."""
    rows = index.db.execute(
        "SELECT tag, count(*) FROM note_tags GROUP BY tag ORDER BY count(*) DESC, tag"
    )
    return [(r[0], r[1]) for r in rows]


def _like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


__all__ = [
    "HIT_KINDS",
    "DocumentRef",
    "HitKind",
    "IndexedDocument",
    "LibraryNote",
    "LibraryQuote",
    "SearchHit",
    "SearchSyntaxError",
    "SectorDocument",
    "SectorMonth",
    "SectorShare",
    "SectorSpeaker",
    "SpeakerSummary",
    "TableRowData",
    "documents",
    "failures",
    "fts_query",
    "note_tags",
    "notes",
    "search",
    "sector_documents",
    "sector_shares",
    "sector_speakers",
    "sector_timeline",
    "speaker",
    "speaker_quotes",
    "table_rows",
]
