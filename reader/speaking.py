"""Who speaks in each paragraph, for the status line, held compactly.

A long document has tens of thousands of quotes; a dict of lists per
paragraph would cost megabytes. Two sorted arrays and a short list of the
distinct (speaker name, kind of quote) pairs hold the same.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right

from reader.analysis.model import Analysis
from reader.document import Document

Entry = tuple[str, str]
"""A speaker's name and the kind of their quote."""


class Speaking:
    """The speakers quoted in each paragraph, in the order of their quotes."""

    __slots__ = ("_entries", "_paras", "_which")

    def __init__(self, doc: Document | None = None, analysis: Analysis | None = None) -> None:
        self._entries: list[Entry] = []
        self._paras = array("I")
        self._which = array("I")
        if doc is None or analysis is None:
            return
        names = {s.id: s.name for s in analysis.speakers}
        ids: dict[Entry, int] = {}
        paras, which = array("I"), array("I")
        for quote in analysis.quotes:
            starts = [s.start for s in (quote.content, quote.source, quote.cue) if s is not None]
            if not starts:
                continue
            entry = (names.get(quote.speaker, quote.speaker), quote.kind)
            if entry not in ids:
                ids[entry] = len(self._entries)
                self._entries.append(entry)
            paras.append(doc.paragraph_at(min(starts)))
            which.append(ids[entry])
        seen: set[tuple[int, int]] = set()
        for i in sorted(range(len(paras)), key=paras.__getitem__):  # stable: quote order kept
            if (paras[i], which[i]) not in seen:
                seen.add((paras[i], which[i]))
                self._paras.append(paras[i])
                self._which.append(which[i])

    def __call__(self, paragraph: int) -> list[Entry]:
        """Who speaks in ``paragraph`` (empty when nobody does)."""
        lo = bisect_left(self._paras, paragraph)
        hi = bisect_right(self._paras, paragraph, lo)
        return [self._entries[k] for k in self._which[lo:hi]]
