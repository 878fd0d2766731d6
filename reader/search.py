"""Find every occurrence of a query in the canonical text (case-insensitive, literal)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from reader.spans import SpanArray

MAX_MATCHES = 100_000
"""At most this many matches are kept (a one-letter query in a 20 MB file)."""


def find_all(text: str, query: str, limit: int = MAX_MATCHES) -> SpanArray:
    """Spans of ``query`` in ``text``, ignoring case; the query is text, not a pattern."""
    found = SpanArray()
    if not query:
        return found
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    for match in pattern.finditer(text):
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
