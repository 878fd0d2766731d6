"""The library: a table of documents (date, title, speakers, sectors, notes) to choose from.

The table comes from the library index (``reader.library``): a second launch
shows every row the index holds at once, then re-analyses only the files that
are new or changed since (in worker processes), their rows following as they
are ready. When no index can be kept, each file is analysed here in turn.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from reader.document import DocumentError, load_document
from reader.identity import DocumentId
from reader.library import summarise
from reader.library.schema import joined
from reader.notes.store import NoteStore, StoreError
from reader.reading import analyse
from reader.ui.background import JobFailed, owner_gone, start_job
from reader.ui.commands import Command, binding_commands
from reader.ui.screens.corpus_keys import CORPUS_BINDINGS
from reader.ui.screens.library_rows import (
    CELL_PADDING,
    COLUMNS,
    SORTS,
    Row,
    column_widths,
    descending,
    ordered,
)
from reader.ui.settings import load_setting, save_setting
from reader.ui.widgets.key_hints import KeyHints
from reader.ui.widgets.library_table import LibraryTable, TableColumn
from reader.ui.widgets.title_bar import TitleBar
from reader.untrusted import clean_line

if TYPE_CHECKING:
    from reader.library.index import LibraryIndex
    from reader.library.queries import TableRowData


class _Closed(Exception):
    """The screen closed while its library was being indexed: the build stops."""


class RowsReady(Message):
    """Documents of the library are loaded and analysed (or read from the index)."""

    def __init__(self, rows: list[Row], done: int | None = None, notice: str = "") -> None:
        super().__init__()
        self.rows = rows
        self.done = done
        """How many documents are ready in all, when the index says so."""
        self.notice = notice


_FIRST_PAINT_WAIT = 2.0
"""How long the index's work waits for the table to be drawn before it looks at the files."""
_FIRST_BATCH_SECONDS = 0.25
"""How often rows analysed during a build are shown, at first (then less often, as the
table grows: each batch redraws it)."""


SORT_SETTING = "library_sort"
"""Where the settings file keeps the library's sort: ``{"column": ..., "reverse": ...}``."""


class LibraryScreen(Screen[None]):
    """Every document of a folder or a list of files; ``enter`` opens one."""

    DEFAULT_CSS = """
    #library-filter, #library-filter:focus {
        display: none;
        dock: top;
        height: 1;
        border: none;
        padding: 0 1;
        background: $boost;
    }

    LibraryScreen.-filtering #library-filter {
        display: block;
    }

    #library-table {
        height: 1fr;
    }

    #library-status {
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", id="library.open_document"),
        Binding("j,down", "move(1)", "Next document", show=False, id="library.cursor_down"),
        Binding("k,up", "move(-1)", "Previous document", show=False, id="library.cursor_up"),
        Binding("g,home", "move_to(0)", "First document", show=False, id="library.first"),
        Binding("G,end", "move_to(-1)", "Last document", show=False, id="library.last"),
        Binding("ctrl+d", "half_page(1)", "Half a page down", show=False, id="library.half_down"),
        Binding("ctrl+u", "half_page(-1)", "Half a page up", show=False, id="library.half_up"),
        Binding("pagedown", "page(1)", "A page down", show=False, id="library.page_down"),
        Binding("pageup", "page(-1)", "A page up", show=False, id="library.page_up"),
        Binding("s", "sort", "Sort", tooltip="Sort by the next column", id="library.sort"),
        Binding("S", "reverse_sort", "Reverse", tooltip="Reverse the sort", id="library.reverse"),
        Binding("slash", "filter", "Filter", key_display="/", id="library.filter"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="library.clear"),
        Binding("question_mark", "app.help", "Help", key_display="?", id="library.help"),
        *CORPUS_BINDINGS,
    ]

    def __init__(
        self, paths: list[Path], store: NoteStore, title: str, roots: list[Path] | None = None
    ) -> None:
        super().__init__()
        self.paths = paths
        self.roots = roots or paths
        """What the library was opened on (its folder): the index is the one of these."""
        self.ready = 0
        self._drawn = threading.Event()
        """Set once the first rows are on screen: the files are looked at after."""
        self.store = store
        self.heading = title
        self._away = False
        """Another screen was above this one (a document): the notes are counted again."""
        self.rows: dict[str, Row] = {}
        """Each document's row by its path as given."""
        self.sort_column = "date"
        self.sort_reverse = False
        self.query_text = ""
        self._widths: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        count = len(self.paths)
        yield TitleBar(f"library — {self.heading}", f"{count} document{'s' * (count != 1)}")
        yield Input(
            placeholder="filter: words of the title, speakers, sectors", id="library-filter"
        )
        yield LibraryTable(id="library-table", cell_padding=CELL_PADDING)
        yield Static(id="library-status")
        yield KeyHints()

    def on_mount(self) -> None:
        self._load_sort()
        self.query_one(LibraryTable).focus()
        for box in self.query(Input):
            box.cursor_blink = not self.app.is_headless  # stable snapshots
        index = self._read_index()
        self._refill()
        self.call_after_refresh(self._drawn.set)
        self._summarise(index)

    def on_resize(self) -> None:
        if column_widths(self.size.width) != self._widths:
            self._refill()

    # -- the sort, remembered ----------------------------------------------------------

    @property
    def _settings_dir(self) -> Path | None:
        folder = getattr(self.app, "settings_dir", None)
        return folder if isinstance(folder, Path) else None

    def _load_sort(self) -> None:
        """The sort of last time, if the app keeps settings and one was saved."""
        folder = self._settings_dir
        saved: Any = load_setting(folder, SORT_SETTING) if folder else None
        if isinstance(saved, dict) and saved.get("column") in SORTS:
            self.sort_column = saved["column"]
            self.sort_reverse = saved.get("reverse") is True

    def _sort_by(self, column: str, reverse: bool) -> None:
        self.sort_column, self.sort_reverse = column, reverse
        folder = self._settings_dir
        if folder is not None:
            save_setting(folder, SORT_SETTING, {"column": column, "reverse": reverse})
        self._refill()

    def _read_index(self) -> tuple[LibraryIndex, dict[str, TableRowData]] | None:
        """The index opened and its rows in the table, before the first paint (one query:
        a few hundredths of a second for 20,000 documents); None when no index can be kept.

        Here rather than in the background: the table is whole on its first paint, and
        the query does not share the interpreter with the screen being drawn.
        """
        from reader.library.entries import index_keys
        from reader.library.index import LibraryIndexError, open_index
        from reader.library.queries import table_rows

        try:
            index = open_index(self.roots)
        except LibraryIndexError as exc:  # no index can be kept: each file analysed later
            self._notice(f"{exc}; analysing every file")
            return None
        try:
            known = {t[0]: t for t in table_rows(index)}
        except sqlite3.DatabaseError as exc:  # a page found damaged only now
            try:
                index.rebuild(f"unreadable ({exc})")
            except (OSError, sqlite3.Error, LibraryIndexError) as again:
                index.close()
                self._notice(f"the library index cannot be rebuilt ({again}); analysing every file")
                return None
            known = {}
        if index.notice:
            self._notice(index.notice)
        paths = [str(p) for p in self.paths]
        keys, at = index_keys(paths), known.get
        found = [(p, row) for p, k in zip(paths, keys, strict=True) if (row := at(k)) is not None]
        self.rows = {row.key: row for row in self._indexed_rows(found)}
        self.ready = len(self.rows)
        return index, known

    def _notice(self, text: str) -> None:
        self.notify(clean_line(text), severity="warning", timeout=10)

    def _summarise(self, opened: tuple[LibraryIndex, dict[str, TableRowData]] | None) -> None:
        """After the first paint, the files looked at: the rows of new and changed files
        follow as they are analysed. Without an index, each file is analysed here."""

        def work() -> None:
            if opened is None:
                for path in self.paths:
                    if owner_gone(self):
                        return
                    self.post_message(RowsReady([self._row(path)]))
                return
            index, known = opened
            with index:
                self._refresh_index(index, known)

        start_job(self, work)

    def _refresh_index(self, index: LibraryIndex, known: dict[str, TableRowData]) -> None:
        from reader.library.build import build_index, plan
        from reader.library.extract import Extracted, Failed, Result

        paths = [str(p) for p in self.paths]
        self._drawn.wait(_FIRST_PAINT_WAIT)  # the table first: it would share the interpreter
        todo = plan(index, paths)  # then what changed since, from each file's size and time
        done = todo.kept
        self.post_message(RowsReady([], done))
        if not todo.work and not todo.removed:
            self._copy_notes(index)
            return
        by_key = {k: p for p, k in todo.keys.items()}
        batch: list[Row] = []
        shown = time.monotonic()

        def progress(finished: int, _total: int, result: Result) -> None:
            nonlocal shown
            if owner_gone(self):
                raise _Closed
            path = by_key[result.key]
            if isinstance(result, Failed):
                batch.append(Row.failed(path, result.reason))
            elif isinstance(result, Extracted):
                row = (
                    result.key,
                    result.sha256,
                    result.title,
                    result.date,
                    joined(result.top_speakers),
                    joined(result.sectors_shown),
                    None,
                )
                batch.extend(self._indexed_rows([(path, row)]))
            else:  # the same text: its row from the index
                batch.extend(self._indexed_rows([(path, known[result.key])]))
            wait = _FIRST_BATCH_SECONDS * (1 + len(self.rows) / 2000)
            if time.monotonic() - shown > wait or finished == _total:
                self.post_message(RowsReady(list(batch), done + finished))
                batch.clear()
                shown = time.monotonic()

        try:
            build_index(index, paths, progress=progress, planned=todo)
        except _Closed:
            return
        self._copy_notes(index)
        if batch:
            self.post_message(RowsReady(list(batch), len(self.paths)))

    def _copy_notes(self, index: LibraryIndex) -> None:
        """The notes into the index, for the screens that list the library's notes."""
        from reader.library.build import sync_notes

        with contextlib.suppress(StoreError, sqlite3.Error):  # the notes file stays the truth
            sync_notes(index, self.store)

    def _indexed_rows(self, found: Sequence[tuple[str, TableRowData]]) -> list[Row]:
        """Rows of documents the index holds (each: the path as given, what the index
        holds of it), with their notes counted from the store."""
        from reader.library.note_counts import note_counts

        try:
            counts = note_counts(self.store, ((data[0], data[1]) for _, data in found))
        except StoreError:
            counts = {}
        if not counts:  # the most common: no notes on the library
            return [
                Row(path, key, sha, title, date, top, sectors)
                if error is None
                else Row.failed(path, error)
                for path, (key, sha, title, date, top, sectors, error) in found
            ]
        noted = counts.get
        return [
            Row(path, key, sha, title, date, top, sectors, noted(key, 0))
            if error is None
            else Row.failed(path, error)
            for path, (key, sha, title, date, top, sectors, error) in found
        ]

    def _row(self, path: Path) -> Row:
        """The row of the document at ``path`` (a row saying what is wrong, if anything is)."""
        try:
            doc = load_document(path)
            analysis, error = analyse(doc)
            if error:
                return Row.failed(str(path), error)
            ident = DocumentId.of(doc)
            notes = len(self.store.notes_for(ident))
            entry = summarise(doc, analysis)
            return Row.of_entry(str(path), entry, str(ident.path), doc.sha256, notes)
        except (DocumentError, StoreError) as exc:
            return Row.failed(str(path), str(exc))

    def on_job_failed(self, event: JobFailed) -> None:
        self.notify(event.text, severity="error", timeout=10)

    def on_screen_suspend(self) -> None:
        self._away = True

    def on_screen_resume(self) -> None:
        """Back from a document: its notes may have changed."""
        from reader.library.note_counts import note_counts

        if not self._away:  # first shown: its rows were just counted
            return
        self._away = False
        changed = False
        try:
            counts = note_counts(self.store, [(r.doc_key, r.sha256) for r in self.rows.values()])
        except StoreError:
            return
        for key, row in list(self.rows.items()):
            if row.error is not None:
                continue
            count = counts.get(row.doc_key, 0)
            if count != row.notes:
                self.rows[key] = row.with_notes(count)
                changed = True
        if changed:
            self._refill()

    def on_rows_ready(self, event: RowsReady) -> None:
        if event.notice:
            self._notice(event.notice)
        for row in event.rows:
            self.rows[row.key] = row
        self.ready = len(self.rows) if event.done is None else event.done
        if event.rows:
            self._refill()
        else:
            self._status()
        self.call_after_refresh(self._drawn.set)

    def _refill(self) -> None:
        table = self.query_one(LibraryTable)
        current = table.key_at(table.cursor_row)
        self._widths = widths = column_widths(self.size.width)
        columns = []
        for column in COLUMNS:
            label = Text(column.label, style="bold", no_wrap=True, end="")
            if column.key == self.sort_column:
                label.append(" ▼" if descending(column.key, self.sort_reverse) else " ▲")
            columns.append(TableColumn(column.key, label, widths[column.key]))
        query = self.query_text
        shown = [r for r in self.rows.values() if r.matches(query)] if query else self.rows.values()
        rows = ordered(shown, self.sort_column, self.sort_reverse)
        if current is not None:
            at = next((i for i, r in enumerate(rows) if r.key == current), None)
            if at is not None:
                table.cursor_row = at
        table.show(columns, rows)
        self._status()

    def _status(self) -> None:
        done = min(self.ready, len(self.paths))
        text = Text(no_wrap=True, end="")
        if done < len(self.paths):
            text.append(f"analysing {done}/{len(self.paths)} … ", "italic")
        shown = self.query_one(LibraryTable).row_count
        arrow = "▼" if descending(self.sort_column, self.sort_reverse) else "▲"
        text.append(f"{shown} shown · sorted by {self.sort_column} {arrow}")
        if self.query_text:
            text.append(" · filter “")
            text.append(clean_line(self.query_text))
            text.append("”")
        self.query_one("#library-status", Static).update(text)

    # -- keys ------------------------------------------------------------------------

    def action_open(self) -> None:
        table = self.query_one(LibraryTable)
        key = table.key_at(table.cursor_row)
        if key is not None:
            self.app.open_document(Path(key))  # type: ignore[attr-defined]

    def on_library_table_row_selected(self, event: LibraryTable.RowSelected) -> None:
        event.stop()
        self.app.open_document(Path(event.key))  # type: ignore[attr-defined]

    def on_library_table_header_selected(self, event: LibraryTable.HeaderSelected) -> None:
        """A click on a header sorts by its column; on the sorted column, reverses it."""
        column = event.key
        if column == self.sort_column:
            self._sort_by(column, not self.sort_reverse)
        elif column in SORTS:
            self._sort_by(column, False)

    def action_sort(self) -> None:
        self._sort_by(SORTS[(SORTS.index(self.sort_column) + 1) % len(SORTS)], False)

    def action_reverse_sort(self) -> None:
        self._sort_by(self.sort_column, not self.sort_reverse)

    def action_move(self, step: int) -> None:
        table = self.query_one(LibraryTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.cursor_row + step, table.row_count - 1)))

    def action_move_to(self, row: int) -> None:
        table = self.query_one(LibraryTable)
        if table.row_count:
            table.move_cursor(row=row % table.row_count)

    def action_half_page(self, direction: int) -> None:
        table = self.query_one(LibraryTable)
        rows = max(1, (table.scrollable_content_region.height - 1) // 2)  # less the header
        self.action_move(direction * rows)

    def action_page(self, direction: int) -> None:
        self.query_one(LibraryTable).page(direction)

    def action_filter(self) -> None:
        self.add_class("-filtering")
        self.set_focus(self.query_one("#library-filter", Input))  # before the next key

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(LibraryTable).focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#library-filter", Input)
        box.value = ""
        self.query_text = ""
        self.remove_class("-filtering")
        self.query_one(LibraryTable).focus()
        self._refill()

    def palette_commands(self) -> list[Command]:
        """What the command palette offers here: the library's keys (its screens too)."""
        keymap = getattr(self.app, "keymap", {})
        return binding_commands([(self, self.BINDINGS), (self.app, self.app.BINDINGS)], keymap)
