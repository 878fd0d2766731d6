"""A note: what it says, and the words of which document it is attached to."""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Literal

from reader.untrusted import CONTROL, clean_line, clean_text

AnchorStatus = Literal["anchored", "moved", "orphan"]


def utc_now() -> str:
    """Current time as UTC ISO-8601 with a ``Z`` (second precision)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def imported_id(raw: str) -> str:
    """An imported note's id as stored: kept when it is one clean word, else derived from it.

    Derived deterministically, so importing the same file twice still adds nothing.
    """
    if raw and raw == "".join(clean_line(raw).split()):
        return raw
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:12]


_HASHTAG = re.compile(r"(?<![\w#])#(\w[\w-]*)")


def clean_tag(tag: str) -> str:
    """A tag as stored: one line without control characters, no leading ``#``, no white space."""
    return "-".join(clean_line(tag).strip().lstrip("#").split())


def tags_in(body: str) -> tuple[str, ...]:
    """The ``#tag`` words of a note body, in order, once each."""
    return merge_tags(m.group(1) for m in _HASHTAG.finditer(body))


def merge_tags(*groups: Iterable[str]) -> tuple[str, ...]:
    """Tags of all ``groups``, cleaned, without duplicates, first occurrence first."""
    seen: dict[str, None] = {}
    for group in groups:
        for tag in group:
            cleaned = clean_tag(tag)
            if cleaned:
                seen.setdefault(cleaned, None)
    return tuple(seen)


@dataclass(frozen=True, slots=True)
class Target:
    """Where a note points: a quote with context plus a position (W3C selectors).

    ``exact``/``prefix``/``suffix`` form a TextQuoteSelector, ``start``/``end``
    a TextPositionSelector, both over the document's canonical text. A note on
    the whole document has no target at all.
    """

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int

    def __post_init__(self) -> None:
        # A quote of the canonical text is clean already; an imported one may not be.
        if _has_control(self.exact, self.prefix, self.suffix):  # one search: loading stays fast
            for name in ("exact", "prefix", "suffix"):
                _set_clean(self, name, clean_text)


@dataclass(frozen=True, slots=True)
class Note:
    """One note, as stored.

    ``document`` is the document's name in the notes file and ``sha256`` the digest
    of the text the note was made on: together the document's identity
    (:mod:`reader.identity`).

    Its words (body, tags, quote, dates) are untrusted text, cleaned when the
    note is made, whether typed, imported or read from an older file. The
    keys (``id``, ``document``, ``sha256``) are kept exactly as given: they
    say which note and which document; whoever shows them cleans them.
    """

    document: str
    sha256: str
    body: str
    target: Target | None = None
    tags: tuple[str, ...] = ()
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=utc_now)
    modified: str = ""

    def __post_init__(self) -> None:
        if _has_control(self.body, self.created, self.modified, *self.tags):  # as fast
            _set_clean(self, "body", clean_text)
            _set_clean(self, "created", clean_line)
            _set_clean(self, "modified", clean_line)
            object.__setattr__(self, "tags", merge_tags(str(t) for t in self.tags))
        if not self.modified:
            object.__setattr__(self, "modified", self.created)

    def edited(self, **changes: Any) -> Note:
        """A copy with ``changes`` applied and ``modified`` set to now."""
        return replace(self, modified=utc_now(), **changes)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["tags"] = list(self.tags)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Note:
        target = data.get("target")
        return cls(
            id=str(data["id"]),
            document=str(data["document"]),
            sha256=str(data["sha256"]),
            body=str(data.get("body", "")),
            target=Target(**target) if target else None,
            tags=tuple(data.get("tags") or ()),
            created=str(data["created"]),
            modified=str(data.get("modified") or data["created"]),
        )


_TARGET_KEYS = ("exact", "prefix", "suffix", "start", "end")


class _NewTarget:
    """A Target being made: the same slots, writable (see :func:`note_from_stored`)."""

    __slots__ = Target.__slots__


class _NewNote:
    """A Note being made: the same slots, writable (see :func:`note_from_stored`)."""

    __slots__ = Note.__slots__


def note_from_stored(data: dict[str, Any]) -> Note:
    """:meth:`Note.from_dict`, fast: the same note, made for each note of a file loaded.

    One search for control characters over all of the note's words, and no dataclass
    machinery: the fields are set on an object of a plain class with the same slots,
    which then becomes a Note (``__class__`` may change between classes of one
    layout), three times faster than setting each slot of a frozen one. A note with
    a control character, or a value of an unexpected type or shape, goes the long
    way, through :meth:`Note.from_dict`, which cleans or refuses it.
    """
    try:
        target = data.get("target")
        placed: Any = None
        quoted = ""
        if target:
            if len(target) != len(_TARGET_KEYS):  # and all of them are there, or KeyError
                raise TypeError
            placed = _NewTarget()
            placed.exact = exact = target["exact"]
            placed.prefix = prefix = target["prefix"]
            placed.suffix = suffix = target["suffix"]
            placed.start = start = target["start"]
            placed.end = end = target["end"]
            quoted = exact + prefix + suffix  # TypeError unless all are text
            if type(start) is not int or type(end) is not int:
                raise TypeError
        note: Any = _NewNote()
        note.id = note_id = data["id"]
        note.document = document = data["document"]
        note.sha256 = sha256 = data["sha256"]
        note.body = body = data.get("body", "")
        note.created = created = data["created"]
        note.modified = modified = data.get("modified") or created
        note.tags = tags = tuple(data.get("tags") or ())
        if type(note_id) is not str or type(document) is not str or type(sha256) is not str:
            raise TypeError  # (kept as they are, not cleaned: not searched either)
        texts = "".join((quoted, body, created, modified, *tags))
    except (AttributeError, KeyError, TypeError):
        return Note.from_dict(data)
    if not texts.isprintable() and CONTROL.search(texts):  # (isprintable: much faster)
        return Note.from_dict(data)  # cleans it
    if placed is not None:
        placed.__class__ = Target
    note.target = placed
    note.__class__ = Note
    return note  # type: ignore[no-any-return]


def _has_control(*texts: str) -> bool:
    """Whether any of ``texts`` holds a control character (or is not text at all)."""
    try:
        return CONTROL.search("".join(texts)) is not None
    except TypeError:  # a value that is not text, in a hand-edited file: clean what is
        return True


def _set_clean(obj: Target | Note, name: str, clean: Callable[[str], str]) -> None:
    """Replace the text field ``name`` of a frozen ``obj`` by its cleaned value."""
    value = getattr(obj, name)
    if isinstance(value, str):
        object.__setattr__(obj, name, clean(value))
