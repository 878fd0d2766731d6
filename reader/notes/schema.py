"""The layout of the notes file, its version, and how older files are brought up to date.

The file is a TinyDB store with three tables::

    {"_meta": {"1": {"schema": 1}},
     "notes": {"1": {<Note.to_dict()>}, ...},
     "positions": {"1": {"key": <sha256 or path>, "offset": 1234}, ...}}

Version 0 is a file without ``_meta``, as plain TinyDB writes it: notes in the
``_default`` table. ``MIGRATIONS[n]`` turns version ``n`` into ``n + 1``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reader.notes.storage import Tables

CURRENT = 1
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


def _from_0(tables: Tables) -> Tables:
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


MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {0: _from_0}


def migrate(tables: Tables) -> Tables:
    """``tables`` brought up to :data:`CURRENT` (raises ValueError when newer)."""
    current = version(tables)
    if current > CURRENT:
        raise ValueError(f"schema {current} is newer than this reader knows ({CURRENT})")
    while current < CURRENT:
        tables = MIGRATIONS[current](tables)
        current = version(tables)
    return tables


def empty() -> Tables:
    return {META: {"1": {"schema": CURRENT}}, NOTES: {}, POSITIONS: {}}
