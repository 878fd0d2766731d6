"""A note: what it says, and the words of which document it is attached to."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Literal

from reader.notes.tags import normalise_tags
from reader.untrusted import CONTROL, clean_line, clean_text

AnchorStatus = Literal["anchored", "moved", "orphan"]

PLAIN = "text/plain"
"""The media type of a note body typed here."""


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


merge_tags = normalise_tags
"""The tag rule of :mod:`reader.notes.tags` under its older name (import uses it)."""


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
    positioned: bool = True
    """False for a quote imported without a position: ``start``/``end`` are then 0 and
    the quote alone anchors the note (it is exported without a TextPositionSelector)."""

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
    format: str = PLAIN
    """The body's media type (``text/markdown`` for a Hypothesis note)."""
    source: str = ""
    """The document's URL when it has one (an ``https:`` IRI), else ''."""
    creator: tuple[tuple[str, str], ...] = ()
    """Who wrote the note, as W3C Agent properties (``name``, ``id``, ...), when known."""
    via: str = ""
    """The id (an IRI) the note had where it was imported from, else ''."""

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
        """The note as stored; the optional keys only when set (older files lack them)."""
        data = asdict(self)
        data["tags"] = list(self.tags)
        if self.target is not None and self.target.positioned:
            del data["target"]["positioned"]
        for key, default in _OPTIONAL.items():
            if data[key] == default:
                del data[key]
        if self.creator:
            data["creator"] = dict(self.creator)
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
            format=str(data.get("format") or PLAIN),
            source=str(data.get("source") or ""),
            creator=agent(data.get("creator")),
            via=str(data.get("via") or ""),
        )


_OPTIONAL: dict[str, Any] = {"format": PLAIN, "source": "", "creator": (), "via": ""}
AGENT_KEYS = ("id", "type", "name", "nickname", "email", "email_sha1", "homepage")
"""The W3C Agent properties a note keeps of its creator (strings only)."""


def agent(value: Any) -> tuple[tuple[str, str], ...]:
    """A creator as stored: an IRI string is its ``id``; of an object, the string AGENT_KEYS."""
    if isinstance(value, str):
        return (("id", value),) if value else ()
    if not isinstance(value, dict):
        return ()
    return tuple((k, clean_line(value[k])) for k in AGENT_KEYS if isinstance(value.get(k), str))


_TARGET_KEYS = ("exact", "prefix", "suffix", "start", "end")
_STORED_KEYS = 8
"""The keys of a note as this program stores it when none of ``_OPTIONAL`` is set."""


class _NewTarget:
    """A Target being made: the same slots, writable (see :func:`note_from_stored`)."""

    __slots__ = Target.__slots__


class _NewNote:
    """A Note being made: the same slots, writable (see :func:`note_from_stored`)."""

    __slots__ = Note.__slots__


def note_from_stored(data: dict[str, Any]) -> Note:
    """:meth:`Note.from_dict`, fast: the same note, made for each note of a file loaded.

    A note with any of the optional keys (an imported one: format, source,
    creator, via, an unpositioned quote) is made by :meth:`Note.from_dict`.

    One search for control characters over all of the note's words, and no dataclass
    machinery: the fields are set on an object of a plain class with the same slots,
    which then becomes a Note (``__class__`` may change between classes of one
    layout), three times faster than setting each slot of a frozen one. A note with
    a control character, or a value of an unexpected type or shape, goes the long
    way, through :meth:`Note.from_dict`, which cleans or refuses it.
    """
    if len(data) > _STORED_KEYS and not _OPTIONAL.keys().isdisjoint(data):
        return Note.from_dict(data)  # an imported note's fields: the long way
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
            placed.positioned = True  # (a stored "positioned" is a sixth key: the long way)
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
        note.format, note.source, note.creator, note.via = PLAIN, "", (), ""
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
