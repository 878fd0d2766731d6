"""The tables of the library index: one SQLite file, FTS5 for the words.

Every row hangs off ``documents`` (one per file: its resolved path, the sha256
of its canonical text, the file's size and time, its metadata and the summary
the library's table shows) and goes with it (``ON DELETE CASCADE``). The
searchable words are in ``words`` (FTS5): a document's paragraphs and quotes,
with rowids in a block of the document's own (``FTS_BLOCK``), so dropping a
document drops a rowid range; the notes are in ``note_words``.
"""

from __future__ import annotations

SCHEMA_VERSION = "2"
"""Changed whenever a table changes: an index of another version is rebuilt."""

FTS_BLOCK = 1 << 24
"""Rowids of a document's words are ``doc * FTS_BLOCK + k``."""

TOKENIZER = "unicode61 remove_diacritics 2"

LIST_SEP = "\x1f"
"""Between the names of a list held in one column (a control character: never in a name)."""


def joined(names: tuple[str, ...] | list[str]) -> str:
    return LIST_SEP.join(names)


def split(held: str) -> tuple[str, ...]:
    return tuple(held.split(LIST_SEP)) if held else ()


TABLES = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents(
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    format TEXT NOT NULL DEFAULT 'text',
    title TEXT NOT NULL DEFAULT '',
    date TEXT,
    chars INTEGER NOT NULL DEFAULT 0,
    quotes INTEGER NOT NULL DEFAULT 0,
    top_speakers TEXT NOT NULL DEFAULT '',
    sectors TEXT NOT NULL DEFAULT '',
    error TEXT
);
CREATE INDEX documents_sha256 ON documents(sha256);
CREATE INDEX documents_date ON documents(date);
CREATE TABLE speakers(
    doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    role TEXT,
    aliases TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    quotes INTEGER NOT NULL,
    person TEXT,
    PRIMARY KEY (doc, local)
) WITHOUT ROWID;
CREATE INDEX speakers_person ON speakers(person);
CREATE TABLE quotes(
    id INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    speaker TEXT NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    cue_start INTEGER,
    cue_end INTEGER,
    source_start INTEGER,
    source_end INTEGER
);
CREATE INDEX quotes_speaker ON quotes(doc, speaker);
CREATE TABLE sectors(id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE sector_mentions(
    doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sector TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX sector_mentions_sector ON sector_mentions(sector, doc);
CREATE INDEX sector_mentions_doc ON sector_mentions(doc);
CREATE TABLE persons(
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    aliases TEXT NOT NULL,
    documents INTEGER NOT NULL,
    quotes INTEGER NOT NULL
);
CREATE TABLE notes(
    id TEXT PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    tags TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    start INTEGER,
    "end" INTEGER,
    exact TEXT
);
CREATE INDEX notes_doc ON notes(doc);
CREATE TABLE note_tags(
    note TEXT NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    tag TEXT NOT NULL
);
CREATE INDEX note_tags_tag ON note_tags(tag);
CREATE INDEX note_tags_note ON note_tags(note);
CREATE VIRTUAL TABLE words USING fts5(
    body, kind UNINDEXED, start UNINDEXED, ref UNINDEXED,
    tokenize = '{TOKENIZER}', prefix = '2 3'
);
CREATE VIRTUAL TABLE note_words USING fts5(
    body, note UNINDEXED, tokenize = '{TOKENIZER}', prefix = '2 3'
);
"""
