"""The one rule for tags, the same for the note editor, the CLI and import.

A tag is stored case-folded (``Trade`` and ``trade`` are one tag), without a
leading ``#``, control characters or white space: white space inside a tag
becomes ``-`` (``"follow up"`` is ``follow-up``). A note's tags are kept once
each, in the order first given. A ``#word`` in a note's body is one of its
tags too (``#Trade`` is ``trade``).

Where several tags are written in one field (the note editor's), they are
separated by commas or by a ``#`` that starts a word: ``follow up, trade`` and
``#follow-up #trade`` are the same two tags.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.untrusted import clean_line

HASHTAG = re.compile(r"(?<![\w#])#(\w[\w-]*)")
"""A ``#tag`` word in a note's body."""

_FIELD_SEPARATOR = re.compile(r",|(?:^|\s)#")


def normalise_tag(tag: str) -> str:
    """One tag as stored: cleaned, no leading ``#``, inner white space as ``-``, case-folded."""
    return "-".join(clean_line(tag).strip().lstrip("#").split()).casefold()


def normalise_tags(*groups: Iterable[str]) -> tuple[str, ...]:
    """The tags of all ``groups``, each normalised, once each, first occurrence first."""
    seen: dict[str, None] = {}
    for group in groups:
        for tag in group:
            normal = normalise_tag(str(tag))
            if normal:
                seen.setdefault(normal, None)
    return tuple(seen)


def tags_in(body: str) -> tuple[str, ...]:
    """The ``#tag`` words of a note body, normalised, in order, once each."""
    return normalise_tags(m.group(1) for m in HASHTAG.finditer(body))


def split_tag_field(field: str) -> list[str]:
    """The tags written in one field: separated by commas or by a ``#`` starting a word."""
    return _FIELD_SEPARATOR.split(field)


def note_tags(field: Iterable[str], body: str) -> tuple[str, ...]:
    """A note's tags: those given (the CLI's ``--tag``s, a field split) then the body's."""
    return normalise_tags(field, tags_in(body))


def tags_not_in_body(tags: Iterable[str], body: str) -> tuple[str, ...]:
    """The tags a reader does not already see as a ``#tag`` in ``body`` (shown once)."""
    shown = set(tags_in(body))
    return tuple(t for t in tags if normalise_tag(t) not in shown)
