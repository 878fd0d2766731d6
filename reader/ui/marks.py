"""Highlights over the canonical text, indexed by paragraph for the article view.

Every highlight is a ``Mark``: a span of the text, the layer it belongs to
(speaker, quote, sector, note, search, format) and a colour or key. The index
buckets marks by paragraph so drawing a line looks at a handful of them.
"""

from __future__ import annotations

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


SHORT = 256
"""Marks up to this long are found by bisection; longer ones (quotes) are scanned."""


class _Bucket:
    """The marks of one paragraph, sorted by start once they are asked for."""

    __slots__ = ("dirty", "long", "marks", "starts")

    def __init__(self) -> None:
        self.marks: list[Mark] = []
        self.starts: list[int] = []
        self.long: list[Mark] = []
        self.dirty = False

    def add(self, mark: Mark) -> None:
        self.marks.append(mark)
        self.dirty = True

    def sort(self) -> None:
        short = sorted((m for m in self.marks if m.end - m.start <= SHORT), key=lambda m: m.start)
        self.long = [m for m in self.marks if m.end - m.start > SHORT]
        self.marks = short + self.long
        self.starts = [m.start for m in short]
        self.dirty = False

    def overlapping(self, start: int, end: int) -> list[Mark]:
        if self.dirty:
            self.sort()
        end = max(end, start + 1)
        lo = bisect_left(self.starts, start - SHORT)
        hi = bisect_left(self.starts, end)
        short = self.marks[lo:hi]
        found = [m for m in short if m.end > start]
        found.extend(m for m in self.long if m.start < end and start < m.end)
        return found


class MarkIndex:
    """Marks bucketed by the paragraphs they touch."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._by_para: dict[int, _Bucket] = defaultdict(_Bucket)
        self._by_layer: dict[Layer, list[Mark]] = defaultdict(list)

    def add(self, marks: Iterable[Mark]) -> None:
        doc = self.doc
        for mark in marks:
            first = doc.paragraph_at(mark.start)
            last = (
                doc.paragraph_at(max(mark.start, mark.end - 1)) if mark.end > mark.start else first
            )
            for para in range(first, last + 1):
                self._by_para[para].add(mark)
            self._by_layer[mark.layer].append(mark)

    def clear(self, layer: Layer) -> None:
        """Drop every mark of ``layer`` (say, when the notes or the search change)."""
        if not self._by_layer.pop(layer, None):
            return
        for para, bucket in list(self._by_para.items()):
            kept = [m for m in bucket.marks if m.layer != layer]
            if not kept:
                del self._by_para[para]
            elif len(kept) != len(bucket.marks):
                bucket.marks = kept
                bucket.dirty = True

    def layer(self, layer: Layer) -> list[Mark]:
        """The marks of ``layer`` in text order."""
        return sorted(self._by_layer.get(layer, ()), key=lambda m: (m.start, m.end))

    def in_paragraph(self, para: int) -> list[Mark]:
        bucket = self._by_para.get(para)
        return list(bucket.marks) if bucket else []

    def overlapping(self, para: int, start: int, end: int) -> list[Mark]:
        """Marks of ``para`` that overlap ``[start, end)`` (an empty range: that point)."""
        bucket = self._by_para.get(para)
        return bucket.overlapping(start, end) if bucket else []
