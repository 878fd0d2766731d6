"""The library's rows: what each cell says, the order of a sort, the columns' widths."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import Any

from reader.library import LibraryEntry
from reader.library.schema import joined, split


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


class Row:
    """One document of the library as the table shows it (also the table's row: ``key``,
    ``cells``, ``dim``).

    Made for every document at each launch (20,000 of them): plain slots filled
    from what the index holds as it holds it (the names joined by ``LIST_SEP``);
    the cells' words are made when the row is first drawn or filtered.
    """

    __slots__ = (
        "_cells",
        "_sectors",
        "_speakers",
        "date",
        "dim",
        "doc_key",
        "error",
        "key",
        "name",
        "notes",
        "sha256",
        "title",
    )

    def __init__(
        self,
        key: str,
        doc_key: str = "",
        sha256: str = "",
        title: str = "",
        date: str | None = None,
        speakers: str = "",
        sectors: str = "",
        notes: int = 0,
        error: str | None = None,
    ) -> None:
        self.key = key
        """The path as given (the table's key: what ``enter`` opens)."""
        self.name = key.rpartition(os.sep)[2]
        self.doc_key = doc_key
        """The document's key in the index (its resolved path): what notes are counted on."""
        self.sha256 = sha256
        self.title = title
        self.date = date
        self._speakers = speakers
        self._sectors = sectors
        self.notes = notes
        self.error = error
        """Why the document could not be read; None for a document shown."""
        self.dim = error is not None
        self._cells: tuple[str, ...] | None = None

    @classmethod
    def failed(cls, key: str, error: str) -> Row:
        return cls(key, error=error)

    @classmethod
    def of_entry(cls, key: str, entry: LibraryEntry, doc_key: str, sha256: str, notes: int) -> Row:
        return cls(
            key,
            doc_key,
            sha256,
            entry.title,
            entry.date,
            joined(entry.speakers),
            joined(entry.sectors),
            notes,
        )

    @property
    def speakers(self) -> tuple[str, ...]:
        return split(self._speakers)

    @property
    def sectors(self) -> tuple[str, ...]:
        return split(self._sectors)

    @property
    def cells(self) -> tuple[str, ...]:
        """What each cell says: made when first drawn or filtered (most rows never are)."""
        if self._cells is None:
            if self.error is not None:
                self._cells = ("", self.name, self.error, "", "")
            else:
                sectors = self.sectors
                shown = ", ".join(sectors[:3]) + (" …" if len(sectors) > 3 else "")
                noted = str(self.notes) if self.notes else ""
                self._cells = (self.date or "", self.title, ", ".join(self.speakers), shown, noted)
        return self._cells

    def with_notes(self, notes: int) -> Row:
        return Row(
            self.key,
            self.doc_key,
            self.sha256,
            self.title,
            self.date,
            self._speakers,
            self._sectors,
            notes,
            self.error,
        )

    def cell_texts(self) -> tuple[str, ...]:
        return self.cells

    def sort_value(self, column: str) -> str | int | None:
        """What ``column`` sorts this row by; None: it has nothing there (it goes last)."""
        if column == "notes":
            return self.notes
        if self.error is not None:
            return self.name.casefold() if column == "title" else None
        if column == "date":
            return self.date
        if column == "speakers":
            return len(self.speakers)
        if column == "sectors":
            return self.sectors[0].casefold() if self.sectors else None
        return self.title.casefold()

    def matches(self, query: str) -> bool:
        haystack = " ".join((*self.cells, self.name)).casefold()
        return all(word in haystack for word in query.casefold().split())


def descending(column: str, reverse: bool) -> bool:
    """Whether ``column`` sorted (reversed or not) puts the largest first: ▼, else ▲."""
    return next(c.descending for c in COLUMNS if c.key == column) != reverse


def ordered(rows: Iterable[Row], column: str, reverse: bool) -> list[Row]:
    """``rows`` sorted by ``column`` in its natural order (or reversed); ties by file name,
    rows with nothing in that column (no date, not readable) last either way."""
    by_name = sorted(rows, key=_NAME)
    down = descending(column, reverse)
    if column in _PLAIN:  # what the row holds as it is (the default sort: no call a row)
        get = _PLAIN[column]
        present = [r for r in by_name if get(r) is not None]
        present.sort(key=get, reverse=down)  # stable: ties by name
        return present + [r for r in by_name if get(r) is None]
    valued: list[tuple[Any, Row]] = [(r.sort_value(column), r) for r in by_name]
    found = [vr for vr in valued if vr[0] is not None]
    found.sort(key=_FIRST, reverse=down)
    return [vr[1] for vr in found] + [vr[1] for vr in valued if vr[0] is None]


_NAME = attrgetter("name")
_FIRST = itemgetter(0)
_PLAIN = {"date": attrgetter("date"), "notes": attrgetter("notes")}
"""Columns whose sort value is a row's attribute (a row that failed has no date)."""
