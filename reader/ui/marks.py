"""Highlights over the canonical text, indexed by paragraph for the article view.

Every highlight is a ``Mark``: a span of the text, the layer it belongs to
(speaker, quote, sector, note, search, format) and a colour or key. The index
buckets marks by paragraph so drawing a line looks at a handful of them.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from reader.analysis.model import Analysis
from reader.document import Document
from reader.ui.palette import sector_colour, speaker_colour

Layer = Literal["speaker", "quote", "sector", "note", "search", "format"]
LAYERS: tuple[Layer, ...] = ("format", "quote", "sector", "speaker", "note", "search")
"""Drawing order: a later layer's style wins where two overlap."""


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlight: ``[start, end)`` of the text on one layer."""

    start: int
    end: int
    layer: Layer
    colour: str = ""
    key: str = ""


def analysis_marks(analysis: Analysis) -> Iterator[Mark]:
    """Speaker mentions, quotes (coloured by their speaker) and sector terms."""
    colours = {s.id: speaker_colour(i) for i, s in enumerate(analysis.speakers)}
    for speaker in analysis.speakers:
        for span in speaker.mentions:
            yield Mark(span.start, span.end, "speaker", colours[speaker.id], speaker.id)
    for quote in analysis.quotes:
        if quote.content is not None and len(quote.content):
            colour = colours.get(quote.speaker, "")
            yield Mark(quote.content.start, quote.content.end, "quote", colour, quote.kind)
    for sector in analysis.sectors:
        for span in sector.mentions:
            yield Mark(span.start, span.end, "sector", sector_colour(sector.id), sector.id)


def format_marks(doc: Document) -> Iterator[Mark]:
    """Headings and emphasis the source file marked up (Markdown, HTML)."""
    for style in getattr(doc, "styles", ()):
        yield Mark(style.span.start, style.span.end, "format", key=style.kind)


TIERS = (256, 16_384)
"""Marks are kept in tiers by length, each sorted by start; a query bisects each tier
from ``start - longest`` so it looks at a handful of marks. Longer marks are scanned."""


class _Tier:
    """Marks of one layer and one length range, sorted by start."""

    __slots__ = ("longest", "marks", "starts")

    def __init__(self, marks: list[Mark], longest: int) -> None:
        marks.sort(key=lambda m: m.start)
        self.marks = marks
        self.starts = array("q", (m.start for m in marks))
        self.longest = longest

    def overlapping(self, start: int, end: int) -> list[Mark]:
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return [m for m in self.marks[lo:hi] if m.end > start]


class _LayerMarks:
    """The marks of one layer, tiered by length."""

    __slots__ = ("huge", "tiers")

    def __init__(self, marks: list[Mark]) -> None:
        groups: list[list[Mark]] = [[] for _ in TIERS]
        self.huge: list[Mark] = []
        for mark in marks:
            length = mark.end - mark.start
            for index, limit in enumerate(TIERS):
                if length <= limit:
                    groups[index].append(mark)
                    break
            else:
                self.huge.append(mark)
        self.tiers = [_Tier(g, limit) for g, limit in zip(groups, TIERS, strict=True) if g]

    def all(self) -> list[Mark]:
        return [m for tier in self.tiers for m in tier.marks] + self.huge

    def overlapping(self, start: int, end: int) -> list[Mark]:
        found = [m for tier in self.tiers for m in tier.overlapping(start, end)]
        found.extend(m for m in self.huge if m.start < end and start < m.end)
        return found


class MarkIndex:
    """Every mark of a document, by layer, found by position."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._layers: dict[Layer, _LayerMarks] = {}

    def add(self, marks: Iterable[Mark]) -> None:
        """Add ``marks`` (the layers they touch are re-sorted once)."""
        new: dict[Layer, list[Mark]] = defaultdict(list)
        for mark in marks:
            new[mark.layer].append(mark)
        for layer, added in new.items():
            old = self._layers.get(layer)
            self._layers[layer] = _LayerMarks((old.all() if old else []) + added)

    def clear(self, layer: Layer) -> None:
        """Drop every mark of ``layer`` (say, when the notes or the search change)."""
        self._layers.pop(layer, None)

    def layer(self, layer: Layer) -> list[Mark]:
        """The marks of ``layer`` in text order."""
        found = self._layers.get(layer)
        return sorted(found.all(), key=lambda m: (m.start, m.end)) if found else []

    def overlapping(self, para: int, start: int, end: int) -> list[Mark]:
        """Marks that overlap ``[start, end)`` (an empty range: that point).

        ``para`` is the paragraph being drawn; marks are found by position alone.
        """
        end = max(end, start + 1)
        return [m for marks in self._layers.values() for m in marks.overlapping(start, end)]
