"""Find every occurrence of a query in the canonical text; the queries asked before.

A query is literal text, or a regular expression when it starts with
``REGEX_MARKER`` (``/`` opens the search box, so ``//`` then the pattern, as
in ``less``). Either is case-insensitive unless it has an uppercase letter
(smart case, as vim's ``smartcase``): "oil" finds "Oil" and "OIL", "Oil" only
"Oil". An invalid pattern finds nothing and says why, in one line.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from reader.spans import SpanArray

MAX_MATCHES = 100_000
"""At most this many matches are kept (a one-letter query in a 20 MB file)."""

REGEX_MARKER = "/"
"""A query that starts with this is a regular expression (the rest of it)."""

HISTORY_LIMIT = 100
"""The searches remembered, oldest forgotten first."""

_ESCAPE = re.compile(r"\\.", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Query:
    """A query as typed, read: its pattern, or why it has none."""

    text: str
    pattern: re.Pattern[str] | None
    error: str = ""
    regex: bool = False

    @property
    def case_sensitive(self) -> bool:
        return self.pattern is not None and not self.pattern.flags & re.IGNORECASE


def has_uppercase(query: str, *, regex: bool = False) -> bool:
    """Whether ``query`` asks for its case (smart case); a pattern's escapes (``\\S``,
    ``\\W``, ``\\B``) are not letters of the text and do not count."""
    letters = _ESCAPE.sub("", query) if regex else query
    return any(c.isupper() for c in letters)


def parse_query(text: str) -> Query:
    """Read ``text`` as the search box has it: literal, or a pattern after the marker."""
    regex = text.startswith(REGEX_MARKER)
    body = text[len(REGEX_MARKER) :] if regex else text
    if not body:
        return Query(text, None, regex=regex)
    flags = re.MULTILINE | (0 if has_uppercase(body, regex=regex) else re.IGNORECASE)
    try:
        pattern = re.compile(body if regex else re.escape(body), flags)
    except re.error as exc:
        return Query(text, None, f"not a regular expression: {exc}", regex=True)
    except (OverflowError, RecursionError, ValueError) as exc:  # a pattern too deep or big
        return Query(text, None, f"not a usable regular expression: {exc}", regex=True)
    return Query(text, pattern, regex=regex)


def find_all(text: str, query: str | Query, limit: int = MAX_MATCHES) -> SpanArray:
    """Spans of ``query`` in ``text`` (empty matches of a pattern are no matches)."""
    found = SpanArray()
    read = parse_query(query) if isinstance(query, str) else query
    if read.pattern is None:
        return found
    for match in read.pattern.finditer(text):
        if match.end() > match.start():
            found.add(match.start(), match.end())
            if len(found) >= limit:
                break
    return found


def next_index(spans: SpanArray, offset: int, direction: int) -> int | None:
    """Index of the first span starting after ``offset`` (direction 1) or before it (-1)."""
    if not spans:
        return None
    starts = spans.starts
    if direction > 0:
        i = bisect_right(starts, offset)
        return i if i < len(spans) else None
    i = bisect_left(starts, offset) - 1
    return i if i >= 0 else None


class SearchHistory:
    """The queries searched for, newest last; ``older`` / ``newer`` walk them as ``↑`` ``↓``
    do in a shell, the text being typed kept to come back to past the newest."""

    def __init__(self, limit: int = HISTORY_LIMIT) -> None:
        self.limit = limit
        self.entries: list[str] = []
        self._at: int | None = None  # the entry shown (None: the text being typed)
        self._typed = ""

    def add(self, query: str) -> None:
        """Remember ``query`` as the newest (once: an older copy moves up); ends a walk."""
        self._at = None
        if not query.strip():
            return
        if query in self.entries:
            self.entries.remove(query)
        self.entries.append(query)
        del self.entries[: -self.limit]

    def older(self, typed: str) -> str | None:
        """The query before the one shown (None: there is none); ``typed`` is the box's
        text, kept when the walk starts."""
        if not self.entries:
            return None
        if self._at is None:
            self._typed = typed
            self._at = len(self.entries)
        if self._at == 0:
            return None
        self._at -= 1
        return self.entries[self._at]

    def newer(self) -> str | None:
        """The query after the one shown; past the newest, the text that was being typed."""
        if self._at is None:
            return None
        self._at += 1
        if self._at >= len(self.entries):
            self._at = None
            return self._typed
        return self.entries[self._at]

    def reset(self) -> None:
        """End a walk (the box opened anew or its text typed over)."""
        self._at = None
