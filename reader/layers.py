"""Span layers over the canonical text: every highlight, found by position.

Every highlight is a ``Mark``: a span of the text, the layer it belongs to
(speaker, quote, sector, note, search, format), a key saying what it marks (a
speaker or sector id, a quote's kind, a note id, a format's kind) and, for
speakers and quotes, whose it is. How a layer looks is the terminal's
business; here a mark only says what it is. ``SpanLayers`` keeps marks in
offset columns, so drawing a line looks at a handful of them.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from reader.analysis.model import Analysis
from reader.document import Document

Layer = Literal["speaker", "quote", "sector", "note", "search", "format"]
LAYERS: tuple[Layer, ...] = ("format", "quote", "sector", "speaker", "note", "search")
"""Drawing order: a later layer's style wins where two overlap."""


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlight: ``[start, end)`` of the text on one layer.

    ``key``: what it marks (speaker id, quote kind, sector id, note id, format
    kind). ``speaker``: whose mention or quote it is (speaker and quote marks).
    """

    start: int
    end: int
    layer: Layer
    key: str = ""
    speaker: str = ""


def analysis_marks(analysis: Analysis) -> Iterator[Mark]:
    """Speaker mentions, quotes (with their speaker) and sector terms."""
    for speaker in analysis.speakers:
        for span in speaker.mentions:
            yield Mark(span.start, span.end, "speaker", speaker.id, speaker.id)
    for quote in analysis.quotes:
        if quote.content is not None and len(quote.content):
            yield Mark(quote.content.start, quote.content.end, "quote", quote.kind, quote.speaker)
    for sector in analysis.sectors:
        for span in sector.mentions:
            yield Mark(span.start, span.end, "sector", sector.id)


def format_marks(doc: Document) -> Iterator[Mark]:
    """Headings and emphasis the source file marked up (Markdown, HTML)."""
    for style in getattr(doc, "styles", ()):
        yield Mark(style.span.start, style.span.end, "format", key=style.kind)


TIERS = (256, 16_384)
"""Marks are kept in tiers by length, each sorted by start; a query bisects each tier
from ``start - longest`` so it looks at a handful of marks. Longer marks are scanned."""

Style = tuple[str, str]
"""A mark's key and speaker."""


class _Tier:
    """Marks of one layer and one length range as columns, sorted by start.

    Columns of offsets, not ``Mark`` objects: a long document has hundreds of
    thousands of highlights. Marks are made for the few lines being drawn.
    """

    __slots__ = ("ends", "longest", "starts", "styles")

    def __init__(self, longest: int) -> None:
        self.starts = array("q")
        self.ends = array("q")
        self.styles = array("I")  # index into the layer's styles
        self.longest = longest

    def append(self, start: int, end: int, style: int) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.styles.append(style)

    def sort(self) -> None:
        """Order by start; marks with the same start keep the order they came in."""
        starts = self.starts
        order = sorted(range(len(starts)), key=starts.__getitem__)
        self.starts = array("q", (starts[i] for i in order))
        self.ends = array("q", (self.ends[i] for i in order))
        self.styles = array("I", (self.styles[i] for i in order))

    def between(self, lo: int, hi: int) -> Iterator[tuple[int, int, int]]:
        return zip(self.starts[lo:hi], self.ends[lo:hi], self.styles[lo:hi], strict=True)

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int, int]]:
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return ((s, e, k) for s, e, k in self.between(lo, hi) if e > start)


class _LayerMarks:
    """The marks of one layer, tiered by length, with the styles they use."""

    __slots__ = ("_style_ids", "layer", "styles", "tiers")

    def __init__(self, layer: Layer) -> None:
        self.layer = layer
        self.styles: list[Style] = []
        self._style_ids: dict[Style, int] = {}
        self.tiers = [_Tier(limit) for limit in TIERS] + [_Tier(1 << 62)]

    def append(self, mark: Mark) -> None:
        style = (mark.key, mark.speaker)
        index = self._style_ids.get(style)
        if index is None:
            index = self._style_ids[style] = len(self.styles)
            self.styles.append(style)
        length = mark.end - mark.start
        tier = next((t for t in self.tiers if length <= t.longest), self.tiers[-1])
        tier.append(mark.start, mark.end, index)

    def sort(self) -> None:
        for tier in self.tiers:
            tier.sort()

    def _marks(self, rows: Iterable[tuple[int, int, int]]) -> list[Mark]:
        styles, layer = self.styles, self.layer
        return [Mark(s, e, layer, *styles[k]) for s, e, k in rows]

    def all(self) -> list[Mark]:
        return self._marks(row for tier in self.tiers for row in tier.between(0, len(tier.starts)))

    def overlapping(self, start: int, end: int) -> list[Mark]:
        return self._marks(row for tier in self.tiers for row in tier.overlapping(start, end))


class SpanLayers:
    """Every mark of a document, by layer, found by position."""

    def __init__(self) -> None:
        self._layers: dict[Layer, _LayerMarks] = {}

    def add(self, marks: Iterable[Mark]) -> None:
        """Add ``marks`` (the layers they touch are re-sorted once)."""
        touched: set[Layer] = set()
        for mark in marks:
            layer = self._layers.get(mark.layer)
            if layer is None:
                layer = self._layers[mark.layer] = _LayerMarks(mark.layer)
            layer.append(mark)
            touched.add(mark.layer)
        for name in touched:
            self._layers[name].sort()

    def clear(self, layer: Layer) -> None:
        """Drop every mark of ``layer`` (say, when the notes or the search change)."""
        self._layers.pop(layer, None)

    def replace(self, layer: Layer, marks: Iterable[Mark]) -> None:
        """Make ``marks`` the whole of ``layer``."""
        self.clear(layer)
        self.add(marks)

    def take(self, other: SpanLayers, layer: Layer) -> None:
        """Share ``other``'s marks of ``layer`` (they are never changed in place)."""
        found = other._layers.get(layer)
        if found is None:
            self._layers.pop(layer, None)
        else:
            self._layers[layer] = found

    def layer(self, layer: Layer) -> list[Mark]:
        """The marks of ``layer`` in text order."""
        found = self._layers.get(layer)
        return sorted(found.all(), key=lambda m: (m.start, m.end)) if found else []

    def overlapping(self, start: int, end: int) -> list[Mark]:
        """Marks that overlap ``[start, end)`` (an empty range: that point)."""
        end = max(end, start + 1)
        return [m for marks in self._layers.values() for m in marks.overlapping(start, end)]
