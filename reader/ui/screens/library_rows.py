"""The library's rows: what each cell says, the order of a sort, the columns' widths."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.library import LibraryEntry


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its key, its header, and the widths it may take."""

    key: str
    label: str
    width: int
    """The width it takes when there is room (the title takes all that is left)."""
    least: int
    """The narrowest it gets before the table scrolls sideways."""
    descending: bool = False
    """Its natural order is largest first (counts): ``s`` sorts that way, ``S`` reverses."""


COLUMNS = (
    Column("date", "Date", 10, 10),
    Column("title", "Title", 52, 16),
    Column("speakers", "Speakers", 24, 10, descending=True),
    Column("sectors", "Sectors", 20, 10),
    Column("notes", "Notes", 7, 7, descending=True),  # room for "Notes ▼"
)
SORTS = tuple(c.key for c in COLUMNS)
CELL_PADDING = 1
"""Blank cells on each side of every column (the table's ``cell_padding``)."""
SCROLLBAR = 2
"""Kept for the vertical scroll bar, so that its coming does not push a column out."""


def column_widths(total: int) -> dict[str, int]:
    """Each column's width in a table ``total`` cells wide: the title shrinks first, then
    the speakers and sectors, none below its least width; the title takes what is left."""
    room = total - SCROLLBAR - 2 * CELL_PADDING * len(COLUMNS)
    widths = {c.key: c.width for c in COLUMNS}
    least = {c.key: c.least for c in COLUMNS}
    excess = sum(widths.values()) - room
    for shrinking in (("title",), ("speakers", "sectors")):
        for i, key in enumerate(shrinking):
            share = -(-excess // (len(shrinking) - i))  # what is left, over the columns left
            cut = max(0, min(share, widths[key] - least[key]))
            widths[key] -= cut
            excess -= cut
    if excess < 0:
        widths["title"] -= excess
    return widths


@dataclass(frozen=True, slots=True)
class Row:
    """One document of the library as the table shows it."""

    path: Path
    entry: LibraryEntry | None
    notes: int
    error: str | None = None
    key: str = ""
    sha256: str = ""

    texts: tuple[str, str, str, str, str] = field(default=("",) * 5, compare=False, repr=False)
    """What each cell says, made once (filtering and sorting 20,000 rows read them often)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "texts", self._cell_texts())

    def cell_texts(self) -> tuple[str, str, str, str, str]:
        return self.texts

    def _cell_texts(self) -> tuple[str, str, str, str, str]:
        if self.entry is None:
            return ("", self.path.name, self.error or "", "", "")
        e = self.entry
        return (
            e.date or "",
            e.title,
            ", ".join(e.speakers),
            ", ".join(e.sectors[:3]) + (" …" if len(e.sectors) > 3 else ""),
            str(self.notes) if self.notes else "",
        )

    def sort_value(self, column: str) -> str | int | None:
        """What ``column`` sorts this row by; None: it has nothing there (it goes last)."""
        e = self.entry
        if column == "notes":
            return self.notes
        if e is None:
            return self.path.name.casefold() if column == "title" else None
        if column == "date":
            return e.date
        if column == "speakers":
            return len(e.speakers)
        if column == "sectors":
            return e.sectors[0].casefold() if e.sectors else None
        return e.title.casefold()

    def matches(self, query: str) -> bool:
        haystack = " ".join((*self.cell_texts(), self.path.name)).casefold()
        return all(word in haystack for word in query.casefold().split())


def descending(column: str, reverse: bool) -> bool:
    """Whether ``column`` sorted (reversed or not) puts the largest first: ▼, else ▲."""
    return next(c.descending for c in COLUMNS if c.key == column) != reverse


def ordered(rows: Iterable[Row], column: str, reverse: bool) -> list[Row]:
    """``rows`` sorted by ``column`` in its natural order (or reversed); ties by file name,
    rows with nothing in that column (no date, not readable) last either way."""
    by_name = sorted(rows, key=lambda r: r.path.name)
    valued: list[tuple[Any, Row]] = [(r.sort_value(column), r) for r in by_name]
    present = [(v, r) for v, r in valued if v is not None]
    present.sort(key=lambda vr: vr[0], reverse=descending(column, reverse))  # stable: ties by name
    return [r for _v, r in present] + [r for v, r in valued if v is None]
