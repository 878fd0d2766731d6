"""Spans: (start, end) code-point offsets into one canonical text."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator

from reader.columns import Columns
from reader.records import record


@record(frozen=True, order=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of code points in a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def text(self, source: str) -> str:
        """The characters this span covers in ``source``."""
        return source[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end

    def to_json(self, source: str) -> dict[str, int | str]:
        """The contract's span object: start, end and the text they cover."""
        return {"start": self.start, "end": self.end, "text": self.text(source)}


class SpanArray(Columns[Span]):
    """Spans kept as two arrays of offsets: 16 bytes a span instead of about 100.

    Items are made into ``Span`` objects when they are read.
    """

    __slots__ = ("ends", "starts")

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self.starts = array("q")
        self.ends = array("q")
        for span in spans:
            self.append(span)

    @classmethod
    def from_offsets(cls, starts: Iterable[int], ends: Iterable[int]) -> SpanArray:
        out = cls()
        out.starts.extend(starts)
        out.ends.extend(ends)
        if len(out.starts) != len(out.ends):
            raise ValueError("as many starts as ends are needed")
        return out

    def append(self, span: Span) -> None:
        self.add(span.start, span.end)

    def add(self, start: int, end: int) -> None:
        """Append the span ``[start, end)`` without making a ``Span`` for it."""
        self.starts.append(start)
        self.ends.append(end)

    def __len__(self) -> int:
        return len(self.starts)

    def _row(self, index: int) -> Span:
        return Span(self.starts[index], self.ends[index])

    def __iter__(self) -> Iterator[Span]:
        return map(Span, self.starts, self.ends)
