"""The text as the analysis reads it: each line break inside a paragraph is one space.

Hard-wrapped copy puts a newline and an indent between any two words of a
paragraph ("said Tom\\n  Murtha"). The analysis reads a *flowed* copy where
each such break is a single space, so a name, a cue or a quotation reads the
same however the file was wrapped; its results are mapped back to offsets of
the canonical text before anyone sees them. Text without line breaks inside
its paragraphs is read as it is, with no copy and no mapping.

A text longer than ``FLOWED_UP_TO`` is read in place too: building its
flowed copy would hold three copies of it at once (the text, the pieces, the
copy), more memory than a 20 MB document may take. Its paragraphs are still
the document's; only a name or cue broken over two lines may be missed.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable

from reader.analysis.model import Analysis
from reader.paragraphs import soft_breaks
from reader.spans import Span, SpanArray

FLOWED_UP_TO = 1 << 20
"""Texts up to this many characters are read flowed (an article, a long report)."""


class Flow:
    """A flowed copy of a text, its paragraphs, and the offset maps both ways."""

    __slots__ = ("_flow_cuts", "_run_starts", "_source_cuts", "paragraphs", "text")

    def __init__(self, text: str, paragraphs: SpanArray) -> None:
        # At flow offset _flow_cuts[i] the source resumes at _source_cuts[i]; the
        # break it replaced began at _run_starts[i] and is the space just before.
        self._flow_cuts = array("q")
        self._source_cuts = array("q")
        self._run_starts = array("q")
        self.text = text
        self.paragraphs = paragraphs
        if len(text) > FLOWED_UP_TO:
            return
        parts: list[str] = []
        taken = 0  # source characters copied so far
        length = 0  # flow characters so far
        for start, end in zip(paragraphs.starts, paragraphs.ends, strict=True):
            for a, b in soft_breaks(text, start, end):
                parts.append(text[taken:a])
                parts.append(" ")
                length += a - taken + 1
                taken = b
                self._flow_cuts.append(length)
                self._source_cuts.append(b)
                self._run_starts.append(a)
        if not parts:
            return
        parts.append(text[taken:])
        self.text = "".join(parts)
        del parts
        self.paragraphs = SpanArray.from_offsets(
            map(self.from_source, paragraphs.starts),
            (self.from_source(e - 1) + 1 for e in paragraphs.ends),
        )

    @property
    def identity(self) -> bool:
        """Whether the flowed text is the source itself."""
        return not self._flow_cuts

    def to_source(self, pos: int) -> int:
        """The source offset of flow offset ``pos`` (a break's space: where the break began)."""
        i = bisect_right(self._flow_cuts, pos) - 1
        if i < 0:
            return pos
        return self._source_cuts[i] + pos - self._flow_cuts[i]

    def from_source(self, pos: int) -> int:
        """The flow offset of source offset ``pos`` (inside a break: its space)."""
        i = bisect_right(self._run_starts, pos) - 1
        if i < 0:
            return pos
        if pos < self._source_cuts[i]:
            return self._flow_cuts[i] - 1
        return self._flow_cuts[i] + pos - self._source_cuts[i]

    def span_from_source(self, span: Span) -> Span:
        start = self.from_source(span.start)
        end = self.from_source(span.end - 1) + 1 if len(span) else start
        return Span(start, max(start, end))

    def _map_pairs(self, starts: array[int], ends: array[int]) -> None:
        """Map ``[start, end)`` pairs from flow to source offsets, in place."""
        to_source = self.to_source
        for i, (s, e) in enumerate(zip(starts, ends, strict=True)):
            if s < 0:
                continue  # an absent span
            starts[i] = to_source(s)
            ends[i] = to_source(e - 1) + 1 if e > s else starts[i]

    def to_source_analysis(self, analysis: Analysis) -> Analysis:
        """``analysis`` of the flowed text, its spans moved onto the source, in place."""
        if self.identity:
            return analysis
        mentions: Iterable[SpanArray] = [s.mentions for s in analysis.speakers] + [
            h.mentions for h in analysis.sectors
        ]
        for spans in mentions:
            self._map_pairs(spans.starts, spans.ends)
        offsets = analysis.quotes.offsets
        starts = array("q", offsets[0::2])
        ends = array("q", offsets[1::2])
        self._map_pairs(starts, ends)
        offsets[0::2] = starts
        offsets[1::2] = ends
        return analysis
