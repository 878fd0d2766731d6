"""A note: what it says, and the words of which document it is attached to."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Literal

AnchorStatus = Literal["anchored", "moved", "orphan"]


def utc_now() -> str:
    """Current time as UTC ISO-8601 with a ``Z`` (second precision)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def new_id() -> str:
    return uuid.uuid4().hex[:12]


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


@dataclass(frozen=True, slots=True)
class Note:
    """One note, as stored."""

    document: str
    sha256: str
    body: str
    target: Target | None = None
    tags: tuple[str, ...] = ()
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=utc_now)
    modified: str = ""

    def __post_init__(self) -> None:
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
