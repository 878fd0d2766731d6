"""The library's table: a header and one line a document, drawn only where it is seen.

A ScrollView on the Line API (as the article is): ``render_line`` draws the
header and the rows in view, so a library of 20,000 documents costs what the
screen shows, not a widget or a measured cell per row (Textual's DataTable
measures every cell it is given). A row is a key and its cells' words, cleaned
of control characters and cut to their column's width only when drawn. The cursor is a whole row;
``RowSelected`` (a click; ``enter`` is the screen's) and ``HeaderSelected`` (a click on a
header) go up to the screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Protocol

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.untrusted import clean_line


@dataclass(frozen=True, slots=True)
class TableColumn:
    """A column as drawn: its key, its header and its width in cells."""

    key: str
    label: Text
    width: int


@dataclass(frozen=True, slots=True)
class TableRow:
    """A row: its key (the document's path) and its cells' words, cut to fit when drawn."""

    key: str
    cells: tuple[str, ...]
    dim: bool = False
    """A document that could not be read: drawn dim and italic."""


class ShownRow(Protocol):
    """What the table reads of a row: a :class:`TableRow`, or any object with these."""

    @property
    def key(self) -> str: ...
    @property
    def cells(self) -> tuple[str, ...]: ...
    @property
    def dim(self) -> bool: ...


def fit(text: str, width: int) -> str:
    """``text`` on one line of at most ``width`` cells, an ellipsis where it is cut."""
    if "\n" in text or "\t" in text:
        text = " ".join(text.split())
    length = cell_len(text)
    if length <= width:
        return text
    if length == len(text):  # one cell a character: cut it as a string
        return text[: max(0, width - 1)] + "…" if width else ""
    cell = Text(text, no_wrap=True, end="")
    cell.truncate(width, overflow="ellipsis")
    return cell.plain


class LibraryTable(ScrollView, can_focus=True):
    """Rows of documents under a fixed header; the cursor is a row."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "library-table--header",
        "library-table--cursor",
        "library-table--even-row",
        "library-table--dim",
    }
    DEFAULT_CSS = """
    LibraryTable {
        background: $surface;
        color: $foreground;
        &:focus {
            background-tint: $foreground 5%;
            & > .library-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .library-table--header {
                background-tint: $foreground 5%;
            }
        }
        & > .library-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .library-table--even-row {
            background: $surface-lighten-1 50%;
        }
        &:dark > .library-table--even-row {
            background: $surface-darken-1 40%;
        }
        & > .library-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .library-table--dim {
            text-style: dim italic;
        }
    }
    """

    class RowSelected(Message):
        """The row of ``key`` was clicked."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    class HeaderSelected(Message):
        """The header of the column ``key`` was clicked."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, *, cell_padding: int = 1, id: str | None = None) -> None:
        super().__init__(id=id)
        self.cell_padding = cell_padding
        self.table_columns: list[TableColumn] = []
        self.rows: list[ShownRow] = []
        self.cursor_row = 0

    # -- what it holds -------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def columns(self) -> dict[str, TableColumn]:
        return {c.key: c for c in self.table_columns}

    def get_row_at(self, index: int) -> tuple[str, ...]:
        """The cells of a row as they are drawn: cleaned, cut to their columns."""
        cells = self.rows[index].cells
        columns = self.table_columns
        return tuple(fit(clean_line(c), k.width) for c, k in zip(cells, columns, strict=False))

    def key_at(self, index: int) -> str | None:
        return self.rows[index].key if 0 <= index < len(self.rows) else None

    def show(self, columns: Sequence[TableColumn], rows: Sequence[ShownRow]) -> None:
        """Draw ``rows`` under ``columns``; the cursor stays in range."""
        self.table_columns = list(columns)
        self.rows = list(rows)
        self.cursor_row = max(0, min(self.cursor_row, len(self.rows) - 1))
        width = sum(c.width + 2 * self.cell_padding for c in self.table_columns)
        self.virtual_size = Size(width, len(self.rows) + 1)
        self._scroll_to_cursor()
        self.refresh()

    def move_cursor(self, *, row: int) -> None:
        if not self.rows:
            return
        self.cursor_row = max(0, min(row, len(self.rows) - 1))
        self._scroll_to_cursor()
        self.refresh()

    def _scroll_to_cursor(self) -> None:
        seen = max(1, self.scrollable_content_region.height - 1)  # less the header
        top = round(self.scroll_offset.y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + seen:
            self.scroll_to(y=self.cursor_row - seen + 1, animate=False, immediate=True)

    # -- keys and the mouse ------------------------------------------------------------

    def page(self, direction: int) -> None:
        """The cursor a page down (1) or up (-1)."""
        rows = max(1, self.scrollable_content_region.height - 1)
        self.move_cursor(row=self.cursor_row + direction * rows)

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            x = event.x + round(self.scroll_offset.x)
            for column in self.table_columns:
                x -= column.width + 2 * self.cell_padding
                if x < 0:
                    self.post_message(self.HeaderSelected(column.key))
                    return
            return
        index = round(self.scroll_offset.y) + event.y - 1
        if 0 <= index < len(self.rows):
            self.move_cursor(row=index)
            self.post_message(self.RowSelected(self.rows[index].key))

    def on_resize(self) -> None:
        self._scroll_to_cursor()

    # -- drawing ------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("library-table--header")
            strip = self._line([c.label for c in self.table_columns], style)
        else:
            index = round(self.scroll_offset.y) + y - 1
            if index >= len(self.rows):
                return Strip.blank(width, base)
            row = self.rows[index]
            style = base
            if index % 2:
                style += self.get_component_rich_style("library-table--even-row")
            if index == self.cursor_row:
                style += self.get_component_rich_style("library-table--cursor")
            if row.dim:
                style += self.get_component_rich_style("library-table--dim")
            strip = self._line(row.cells, style)
        x = round(self.scroll_offset.x)
        return strip.crop(x, x + width).extend_cell_length(width, style)

    def _line(self, cells: Sequence[Text | str], style: Style) -> Strip:
        pad = " " * self.cell_padding
        segments: list[Segment] = []
        for column, cell in zip(self.table_columns, cells, strict=False):
            segments.append(Segment(pad, style))
            if isinstance(cell, str):  # a document's words: shown as they are, never markup
                cell = fit(clean_line(cell), column.width)
                segments.append(Segment(cell, style))
                used = cell_len(cell)
            else:
                for seg in cell.render(self.app.console):
                    segments.append(Segment(seg.text, style + seg.style if seg.style else style))
                used = cell.cell_len
            segments.append(Segment(" " * max(0, column.width - used) + pad, style))
        return Strip(segments)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self.refresh()

    def refresh_row(self, index: int) -> None:
        self.refresh(Region(0, index - round(self.scroll_offset.y) + 1, self.size.width, 1))
