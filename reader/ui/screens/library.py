"""The library: a table of documents (date, title, speakers, sectors, notes) to choose from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from reader.document import DocumentError, load_document
from reader.identity import DocumentId
from reader.library import LibraryEntry, summarise
from reader.notes.store import NoteStore, StoreError
from reader.reading import analyse
from reader.ui.background import JobFailed, owner_gone, start_job
from reader.ui.widgets.title_bar import TitleBar
from reader.untrusted import clean_line

SORTS = ("date", "title", "speakers", "notes")


@dataclass(frozen=True, slots=True)
class Row:
    """One document of the library as the table shows it."""

    path: Path
    entry: LibraryEntry | None
    notes: int
    error: str | None = None
    key: str = ""
    sha256: str = ""

    def cell_texts(self) -> tuple[str, str, str, str, str]:
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

    def sort_key(self, column: str) -> tuple:
        e = self.entry
        if column == "date":
            date = e.date if e else None
            return (date is None, date or "", self.path.name)
        if column == "speakers":
            return (-(len(e.speakers) if e else 0), self.path.name)
        if column == "notes":
            return (-self.notes, self.path.name)
        return ((e.title if e else self.path.name).casefold(),)

    def matches(self, query: str) -> bool:
        haystack = " ".join((*self.cell_texts(), self.path.name)).casefold()
        return all(word in haystack for word in query.casefold().split())


class RowReady(Message):
    """One document of the library is loaded and analysed."""

    def __init__(self, row: Row) -> None:
        super().__init__()
        self.row = row


class LibraryScreen(Screen[None]):
    """Every document of a folder or a list of files; ``enter`` opens one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", id="library.open_document"),
        Binding("s", "sort", "Sort", tooltip="Sort by the next column", id="library.sort"),
        Binding("slash", "filter", "Filter", key_display="/", id="library.filter"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="library.clear"),
        Binding("question_mark", "app.help", "Help", key_display="?", id="library.help"),
    ]

    def __init__(self, paths: list[Path], store: NoteStore, title: str) -> None:
        super().__init__()
        self.paths = paths
        self.store = store
        self.heading = title
        self.rows: dict[Path, Row] = {}
        self.sort_column = "date"
        self.sort_reverse = False
        self.query_text = ""

    def compose(self) -> ComposeResult:
        yield TitleBar(f"library — {self.heading}", f"{len(self.paths)} documents")
        yield Input(
            placeholder="filter: words of the title, speakers, sectors", id="library-filter"
        )
        table: DataTable[Text] = DataTable(
            id="library-table", cursor_type="row", zebra_stripes=True
        )
        table.add_column("Date", key="date", width=10)
        table.add_column("Title", key="title", width=52)
        table.add_column("Speakers", key="speakers", width=30)
        table.add_column("Sectors", key="sectors", width=24)
        table.add_column("Notes", key="notes", width=5)
        yield table
        yield Static(id="library-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        for box in self.query(Input):
            box.cursor_blink = not self.app.is_headless  # stable snapshots
        self._status()
        self._summarise()

    def _summarise(self) -> None:
        """Load and analyse each document in turn; rows appear as they are ready."""

        def work() -> None:
            for path in self.paths:
                if owner_gone(self):
                    return
                self.post_message(RowReady(self._row(path)))  # thread-safe

        start_job(self, work)

    def _row(self, path: Path) -> Row:
        """The row of the document at ``path`` (a row saying what is wrong, if anything is)."""
        try:
            doc = load_document(path)
            analysis, error = analyse(doc)
            if error:
                return Row(path, None, 0, error)
            ident = DocumentId.of(doc)
            notes = len(self.store.notes_for(ident))
            row = Row(path, summarise(doc, analysis), notes, key=str(ident.path), sha256=doc.sha256)
            return row
        except (DocumentError, StoreError) as exc:
            return Row(path, None, 0, str(exc))

    def on_job_failed(self, event: JobFailed) -> None:
        self.notify(event.text, severity="error", timeout=10)

    def on_screen_resume(self) -> None:
        """Back from a document: its notes may have changed."""
        changed = False
        for path, row in list(self.rows.items()):
            if row.entry is None:
                continue
            try:
                count = len(self.store.notes_for(row.key, row.sha256))
            except StoreError:
                continue
            if count != row.notes:
                self.rows[path] = Row(path, row.entry, count, None, row.key, row.sha256)
                changed = True
        if changed:
            self._refill()

    def on_row_ready(self, event: RowReady) -> None:
        self.rows[event.row.path] = event.row
        self._refill()

    def _refill(self) -> None:
        table = self.query_one(DataTable)
        current = None
        if table.row_count and table.cursor_row is not None and table.cursor_row < table.row_count:
            current = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value
        table.clear()
        rows = [r for r in self.rows.values() if not self.query_text or r.matches(self.query_text)]
        rows.sort(key=lambda r: r.sort_key(self.sort_column), reverse=self.sort_reverse)
        for row in rows:
            style = "dim italic" if row.entry is None else ""
            cells = (Text(clean_line(c), style=style) for c in row.cell_texts())
            table.add_row(*cells, key=str(row.path))
        if current is not None:
            keys = [str(r.path) for r in rows]
            if current in keys:
                table.move_cursor(row=keys.index(current))
        self._status()

    def _status(self) -> None:
        done = len(self.rows)
        text = Text(no_wrap=True, end="")
        if done < len(self.paths):
            text.append(f"analysing {done}/{len(self.paths)} … ", "italic")
        shown = self.query_one(DataTable).row_count
        text.append(f"{shown} shown · sorted by {self.sort_column}")
        if self.sort_reverse:
            text.append(" (reversed)")
        if self.query_text:
            text.append(" · filter “")
            text.append(clean_line(self.query_text))
            text.append("”")
        self.query_one("#library-status", Static).update(text)

    # -- keys ------------------------------------------------------------------------

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value
        if key is not None:
            self.app.open_document(Path(key))  # type: ignore[attr-defined]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.app.open_document(Path(event.row_key.value))  # type: ignore[attr-defined]

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        column = str(event.column_key.value)
        column = {"sectors": "speakers"}.get(column, column)
        if column == self.sort_column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = column, False
        self._refill()

    def action_sort(self) -> None:
        self.sort_column = SORTS[(SORTS.index(self.sort_column) + 1) % len(SORTS)]
        self.sort_reverse = False
        self._refill()

    def action_filter(self) -> None:
        self.add_class("-filtering")
        self.set_focus(self.query_one("#library-filter", Input))  # before the next key

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#library-filter", Input)
        box.value = ""
        self.query_text = ""
        self.remove_class("-filtering")
        self.query_one(DataTable).focus()
        self._refill()
