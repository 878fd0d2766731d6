"""The layout of the notes file, its version, and how older files are brought up to date.

The file is a TinyDB store with three tables::

    {"_meta": {"1": {"schema": 2}},
     "notes": {"1": {<Note.to_dict()>}, ...},
     "positions": {"1": {"key": <sha256 or path>, "offset": 1234}, ...}}

A note may also hold ``format`` (its body's media type, when not ``text/plain``),
``source`` (the document's URL), ``creator`` (W3C Agent properties) and ``via``
(the id it was imported with), and its target ``"positioned": false`` (a quote
imported without a position). Each is left out when unset, so a file without
them is the same schema: a reader that does not know them reads the notes.

A note's ``document`` is the document's name as :func:`reader.identity.document_name`
gives it: relative to the notes file's folder when the document is inside it, else
absolute.

Version 0 is a file without ``_meta``, as plain TinyDB writes it: notes in the
``_default`` table. Version 1 named documents as they were given: the resolved
absolute path (the app) or the path as typed from wherever the command ran (the
command line). ``MIGRATIONS[n]`` turns version ``n`` into ``n + 1``; it is given
the notes file's folder.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.identity import document_name, document_path
from reader.notes.storage import Tables

Folder = str | os.PathLike[str]

CURRENT = 2
META = "_meta"
NOTES = "notes"
POSITIONS = "positions"

_NOTE_KEYS = {"id", "document", "sha256", "created"}


def version(tables: Tables | None) -> int:
    """The schema version of ``tables``: 0 when there is no ``_meta`` table."""
    if not tables or META not in tables:
        return 0
    meta = tables[META].get("1", {})
    value = meta.get("schema", 0)
    return value if isinstance(value, int) and value >= 0 else 0


def _from_0(tables: Tables, folder: Folder) -> Tables:
    """Version 0: move note-shaped documents of ``_default`` into ``notes``."""
    out: Tables = {name: dict(table) for name, table in tables.items()}
    default = out.pop("_default", {})
    notes = out.setdefault(NOTES, {})
    rest: dict[str, dict[str, Any]] = {}
    next_id = max((int(k) for k in notes if k.isdigit()), default=0) + 1
    for key, doc in default.items():
        if doc.keys() >= _NOTE_KEYS:
            notes[str(next_id)] = doc
            next_id += 1
        else:
            rest[key] = doc
    if rest:
        out["_default"] = rest
    out.setdefault(POSITIONS, {})
    out[META] = {"1": {"schema": 1}}
    return out


def renamed(name: str, folder: Folder) -> str:
    """A version-1 document path as a name.

    An absolute path names its file. A relative one is taken from the notes
    file's folder; when no file is there but one is in the working folder (where
    the command that wrote it may have run), that one. A path that leads nowhere
    stays relative to the folder: the note is then found by its text's digest.
    """
    given = Path(name).expanduser()
    if given.is_absolute():
        return document_name(given, folder)
    in_folder = document_path(given, folder)
    if not in_folder.exists():
        from_cwd = document_path(given)
        if from_cwd.exists():
            return document_name(from_cwd, folder)
    return document_name(in_folder, folder)


def _from_1(tables: Tables, folder: Folder) -> Tables:
    """Version 1: name every note's document the one way (:func:`renamed`)."""
    out: Tables = dict(tables)
    names: dict[str, str] = {}
    notes: dict[str, dict[str, Any]] = {}
    for key, doc in tables.get(NOTES, {}).items():
        name = doc.get("document")
        if isinstance(name, str):
            if name not in names:
                names[name] = renamed(name, folder)
            doc = {**doc, "document": names[name]}
        notes[key] = doc
    out[NOTES] = notes
    out[META] = {"1": {"schema": 2}}
    return out


MIGRATIONS: dict[int, Callable[[Tables, Folder], Tables]] = {0: _from_0, 1: _from_1}


def migrate(tables: Tables, folder: Folder) -> Tables:
    """``tables`` of a notes file in ``folder`` brought up to :data:`CURRENT`.

    Raises ValueError when the file is newer than this reader.
    """
    current = version(tables)
    if current > CURRENT:
        raise ValueError(f"schema {current} is newer than this reader knows ({CURRENT})")
    while current < CURRENT:
        tables = MIGRATIONS[current](tables, folder)
        current = version(tables)
    return tables


def empty() -> Tables:
    return {META: {"1": {"schema": CURRENT}}, NOTES: {}, POSITIONS: {}}
