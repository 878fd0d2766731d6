"""Checks of an annotation before it is imported: every field it uses, each problem one line.

An import reads nothing into the store until every annotation passed (or, with
``--skip-bad``, until the bad ones are set aside). A :class:`Problem` names the
annotation (its id, else its place in the file) and the field, as a path
(``target[1].selector[0].start``), so the user can find it in the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reader.untrusted import clean_line

SELECTORS_USED = frozenset({"TextQuoteSelector", "TextPositionSelector"})
SELECTORS_KNOWN = SELECTORS_USED | {
    "FragmentSelector", "CssSelector", "XPathSelector", "DataPositionSelector",
    "SvgSelector", "RangeSelector",
}  # fmt: skip
"""The selectors of the Web Annotation model; only the text ones locate a note here."""


@dataclass(frozen=True, slots=True)
class Problem:
    """Why one annotation cannot be imported."""

    annotation: str
    field: str
    reason: str
    kind: str = "annotation"
    """What is named: an annotation, a collection, a page; ``file`` for the file as a whole."""

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        if self.kind == "file":
            return f"{where}{self.reason}"
        return f"{self.kind} {self.annotation}: {where}{self.reason}"


class Invalid(ValueError):
    """An annotation (or the file) that cannot be imported, with the first problem found."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def label(data: Any, index: int) -> str:
    """How a message names an annotation: its id (shortened), else its place in the file."""
    ident = data.get("id") if isinstance(data, dict) else None
    if isinstance(ident, str) and ident.strip():
        text = clean_line(ident).strip()
        return text if len(text) <= 80 else text[:79] + "…"
    return f"#{index + 1}"


def shown(value: Any) -> str:
    """A value as a message shows it: JSON-like, one line, at most 40 characters."""
    import orjson

    try:
        text = orjson.dumps(value).decode("utf-8")
    except TypeError:
        text = type(value).__name__
    text = clean_line(text)
    return text if len(text) <= 40 else text[:39] + "…"


def is_timestamp(value: Any) -> bool:
    """Whether ``value`` is an ISO-8601 date-time (a date with a time; any offset, or none)."""
    if not isinstance(value, str) or "T" not in value.upper():
        return False
    try:
        datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return False
    return True


def is_count(value: Any) -> bool:
    """Whether ``value`` is a JSON integer (not a boolean, not 1.0)."""
    return isinstance(value, int) and not isinstance(value, bool)


class Checker:
    """Checks one annotation; ``names`` renames fields for a source that calls them otherwise
    (a Hypothesis row's ``updated`` is the model's ``modified``)."""

    def __init__(self, annotation: str, names: Mapping[str, str] | None = None) -> None:
        self.annotation = annotation
        self.names = names or {}

    def fail(self, field: str, reason: str) -> Invalid:
        head, dot, rest = field.partition(".")
        base, bracket, tail = head.partition("[")
        head = self.names.get(base, base) + bracket + tail
        return Invalid(Problem(self.annotation, head + dot + rest, reason))

    def string(self, data: Mapping[str, Any], key: str, where: str, *, required: bool) -> None:
        if key not in data:
            if required:
                raise self.fail(f"{where}{key}", "is missing")
            return
        if not isinstance(data[key], str):
            raise self.fail(f"{where}{key}", f"must be a string, not {shown(data[key])}")

    def timestamp(self, data: Mapping[str, Any], key: str) -> None:
        if key in data and not is_timestamp(data[key]):
            raise self.fail(
                key, f"must be an ISO-8601 date-time (2024-05-01T12:00:00Z), not {shown(data[key])}"
            )

    def annotation_fields(self, data: Mapping[str, Any]) -> None:
        """The Annotation's own fields: id, created, modified, body (its text and tags)."""
        self.string(data, "id", "", required=False)
        self.timestamp(data, "created")
        self.timestamp(data, "modified")
        if "body" in data and "bodyValue" in data:
            raise self.fail("bodyValue", "an annotation may not have both body and bodyValue")
        self.string(data, "bodyValue", "", required=False)
        bodies = data.get("body", [])
        for i, body in enumerate(bodies if isinstance(bodies, list) else [bodies]):
            where = f"body[{i}]" if isinstance(bodies, list) else "body"
            if isinstance(body, str):
                continue  # an external body by IRI: nothing here to import
            if not isinstance(body, dict):
                raise self.fail(where, f"must be an object or an IRI, not {shown(body)}")
            for key in ("value", "format", "purpose", "type"):
                self.string(body, key, f"{where}.", required=False)

    def target(self, target: Any, where: str) -> None:
        """A target: an IRI, or an object with a string ``source`` and known selectors."""
        if isinstance(target, str):
            return
        if not isinstance(target, dict):
            raise self.fail(where, f"must be an object or an IRI, not {shown(target)}")
        self.string(target, "source", f"{where}.", required=True)
        selectors = target.get("selector", [])
        listed = selectors if isinstance(selectors, list) else [selectors]
        for i, selector in enumerate(listed):
            at = f"{where}.selector[{i}]" if isinstance(selectors, list) else f"{where}.selector"
            self.selector(selector, at)

    def selector(self, selector: Any, where: str) -> None:
        if not isinstance(selector, dict):
            raise self.fail(where, f"must be a selector object, not {shown(selector)}")
        kind = selector.get("type")
        if kind not in SELECTORS_KNOWN:
            raise self.fail(f"{where}.type", f"is not a known selector type: {shown(kind)}")
        if kind == "TextQuoteSelector":
            self.string(selector, "exact", f"{where}.", required=True)
            self.string(selector, "prefix", f"{where}.", required=False)
            self.string(selector, "suffix", f"{where}.", required=False)
        elif kind == "TextPositionSelector":
            for key in ("start", "end"):
                value = selector.get(key)
                if key not in selector:
                    raise self.fail(f"{where}.{key}", "is missing")
                if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                    raise self.fail(
                        f"{where}.{key}", f"must be an integer 0 or more, not {shown(value)}"
                    )
            if selector["start"] > selector["end"]:
                raise self.fail(
                    f"{where}.start",
                    f"is after end ({selector['start']} > {selector['end']})",
                )

    def within(self, selector: Mapping[str, Any], where: str, length: int, source: str) -> None:
        """A position selector's end lies within the ``length`` characters of ``source``."""
        if selector["end"] > length:
            raise self.fail(
                f"{where}.end",
                f"{selector['end']} is past the end of {clean_line(source)} ({length} characters)",
            )
