"""Spans: (start, end) code-point offsets into one canonical text."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload


@dataclass(frozen=True, order=True, slots=True)
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


class SpanArray(Sequence[Span]):
    """Spans kept as two arrays of offsets: 16 bytes a span instead of about 100.

    A document of 20 MB has hundreds of thousands of mentions; holding each as a
    ``Span`` object (with its two int objects) would cost more than the text.
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
        self.starts.append(span.start)
        self.ends.append(span.end)

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Span: ...
    @overload
    def __getitem__(self, index: slice) -> SpanArray: ...
    def __getitem__(self, index: int | slice) -> Span | SpanArray:
        if isinstance(index, slice):
            return SpanArray.from_offsets(self.starts[index], self.ends[index])
        return Span(self.starts[index], self.ends[index])

    def __iter__(self) -> Iterator[Span]:
        return map(Span, self.starts, self.ends)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SpanArray):
            return self.starts == other.starts and self.ends == other.ends
        if isinstance(other, Sequence):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def __repr__(self) -> str:
        return f"SpanArray({list(self)!r})"
