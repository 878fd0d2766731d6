"""A note named by its id or by a unique start of it, as git names commits."""

from __future__ import annotations

from collections.abc import Iterable

from reader.untrusted import clean_line

MIN_PREFIX = 4
"""The shortest start of an id that names a note (a whole id of any length does)."""

SHOWN_CANDIDATES = 10
"""How many of the notes an ambiguous start fits are named."""


class NoteIdError(LookupError):
    """A given id names no single note; the message is one line meant for the user."""


class UnknownIdError(NoteIdError):
    """No note has this id, or an id that starts with it."""


class AmbiguousIdError(NoteIdError):
    """Several notes have an id that starts with it."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


def resolve_id(given: str, ids: Iterable[str]) -> str:
    """The one id among ``ids`` that is ``given``, or the one that starts with it.

    Raises :class:`UnknownIdError` when none does (or ``given`` is shorter than
    :data:`MIN_PREFIX` and no whole id), :class:`AmbiguousIdError` naming the
    candidates when several do.
    """
    ids = list(ids)
    if given in ids:
        return given
    shown = clean_line(given)
    if len(given) < MIN_PREFIX:
        raise UnknownIdError(
            f"no note with id {shown} (a start of an id needs {MIN_PREFIX} characters or more)"
        )
    found = sorted({i for i in ids if i.startswith(given)})
    if not found:
        raise UnknownIdError(f"no note with id {shown}")
    if len(found) > 1:
        listed = ", ".join(clean_line(i) for i in found[:SHOWN_CANDIDATES])
        more = f" and {len(found) - SHOWN_CANDIDATES} more" if len(found) > SHOWN_CANDIDATES else ""
        raise AmbiguousIdError(
            f"the id {shown} is ambiguous: {len(found)} notes start with it ({listed}{more})",
            found,
        )
    return found[0]
