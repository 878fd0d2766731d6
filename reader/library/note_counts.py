"""How many notes each document of a library has, for all of them at once."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from reader.notes.store import NoteStore


def note_counts(store: NoteStore, documents: Iterable[tuple[str, str]]) -> dict[str, int]:
    """The number of notes on each ``(key, sha256)`` document (its resolved path, its digest).

    As ``NoteStore.notes_for`` decides it (``DocumentId.holds``): notes naming the
    file, and notes whose file is gone, made on a text of this digest. The
    notes are read once, not once a document. A document without notes is left
    out: ask ``counts.get(key, 0)``.
    """
    on_path: Counter[str] = Counter()
    on_digest: Counter[str] = Counter()
    places: dict[str, tuple[str, bool]] = {}
    for note in store.all():
        place = places.get(note.document)
        if place is None:
            where = store.path_of(note.document)
            place = places[note.document] = (str(where), where.exists())
        on_path[place[0]] += 1
        if note.sha256 and not place[1]:
            on_digest[note.sha256] += 1
    if not on_path:
        return {}
    counts = {key: on_path[key] + (on_digest[sha] if sha else 0) for key, sha in documents}
    return {key: n for key, n in counts.items() if n}
