"""Sequences kept as arrays of numbers, whose items are made when they are read.

A document of 20 MB has hundreds of thousands of spans, mentions and quotes;
as Python objects (each with its int objects) they would weigh more than the
text. Subclasses hold arrays and say how to make item ``i`` from them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar, overload

T = TypeVar("T")


class Columns(Sequence[T]):
    """A read-mostly sequence stored column-wise; ``_row(i)`` makes item ``i``."""

    __slots__ = ()

    def _row(self, index: int) -> T:
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self._row(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(f"{type(self).__name__} index out of range")
        return self._row(index)

    def __iter__(self) -> Iterator[T]:
        return map(self._row, range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self)!r})"
