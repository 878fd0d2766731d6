"""What the library's screens share: the index opened in the background, a list to choose
from, a type-ahead filter, and opening an article at a place in it.

Each screen (speakers, a speaker's quotes, sectors, search, notes) asks the
library index (``reader.library.queries``) and shows plain records as
``Text``: every text of theirs comes from files or notes, and is never markup.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.ui.background import JobFailed, start_job
from reader.ui.commands import Command, binding_commands
from reader.ui.screens.corpus_keys import CORPUS_BINDINGS
from reader.ui.widgets.key_hints import KeyHints
from reader.ui.widgets.title_bar import TitleBar
from reader.untrusted import clean_line

if TYPE_CHECKING:
    from reader.library.index import LibraryIndex

SHOWN = 2000
"""The most entries a list shows at once (the best first); a filter finds the others."""

Place = tuple[str, "int | None"]
"""Where an entry of a list goes: a document's path and an offset in its text (or None)."""


class IndexOpened(Message):
    """The screen's library index is open (or could not be: ``problem``)."""

    def __init__(self, index: LibraryIndex | None, problem: str = "") -> None:
        super().__init__()
        self.index = index
        self.problem = problem


def library_of(app: Any) -> tuple[list[Path], list[Path]]:
    """The app's library: its files, and what it was opened on (the index is theirs)."""
    paths = list(getattr(app, "library", []) or [])
    roots = list(getattr(app, "library_roots", []) or []) or paths
    return paths, roots


def open_library_index(app: Any, *, notes: bool) -> LibraryIndex:
    """The index of the app's library, its notes copied in from the store when ``notes``
    (the notes file stays the truth: when it cannot be read, the notes copied last time)."""
    from reader.library.build import sync_notes
    from reader.library.index import open_index
    from reader.notes.store import StoreError

    _, roots = library_of(app)
    index = open_index(roots)
    if notes:
        with contextlib.suppress(StoreError, sqlite3.Error):
            sync_notes(index, app.store)
    return index


def file_name(path: str) -> str:
    return clean_line(Path(path).name)


def dated_title(title: str, date: str | None, path: str, width: int) -> Text:
    """``2023-11-16  Title  file.txt`` in at most ``width`` cells, the title cut first."""
    name = f"  {file_name(path)}"
    line = Text(end="")
    line.append(f"{date or 'no date':<10}  ", "dim")
    room = max(8, width - len(line) - len(name))
    shown = Text(clean_line(title), "bold", end="")
    if shown.cell_len > room:
        shown.truncate(room, overflow="ellipsis")
    line.append_text(shown)
    line.append(name, "dim")
    line.truncate(width, overflow="ellipsis")
    return line


class CorpusScreen(Screen[None]):
    """A list of the library's things: ``enter`` opens, ``/`` filters, ``esc`` goes back."""

    DEFAULT_CSS = """
    #corpus-filter, #corpus-filter:focus {
        display: none;
        height: 1;
        border: none;
        padding: 0 1;
        background: $boost;
    }

    CorpusScreen.-filtering #corpus-filter {
        display: block;
    }

    #corpus-list {
        height: 1fr;
        border: none;
    }

    #corpus-status {
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }

    #sector-bars {
        height: auto;
        max-height: 50%;
        padding: 0 1;
    }

    #sector-bars:focus {
        background: $boost;
    }

    #sector-timeline {
        height: auto;
        padding: 1 1 0 1;
    }

    #sector-speakers {
        height: 1;
        padding: 0 1;
        margin-bottom: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Open", id="corpus.choose"),
        Binding("j", "move(1)", "Next", show=False, id="corpus.cursor_down"),
        Binding("k", "move(-1)", "Previous", show=False, id="corpus.cursor_up"),
        Binding("g", "edge(0)", "First", show=False, id="corpus.first"),
        Binding("G", "edge(-1)", "Last", show=False, id="corpus.last"),
        Binding("slash", "filter", "Filter", id="corpus.filter"),
        Binding("escape", "back", "Back", tooltip="Clear the filter, or go back", id="corpus.back"),
        Binding("question_mark", "app.help", "Help", id="corpus.help"),
        *CORPUS_BINDINGS,
    ]

    AUTO_FOCUS = "#corpus-list"
    KIND: ClassVar[str] = ""
    """Which of the library's screens this is (``corpus_keys`` names them)."""
    HEADING: ClassVar[str] = ""
    PLACEHOLDER: ClassVar[str] = "filter"
    NEEDS_NOTES: ClassVar[bool] = False
    """Whether the notes file is copied into the index before the first query."""

    def __init__(self) -> None:
        super().__init__()
        self.index: LibraryIndex | None = None
        self.query_text = ""
        self.places: list[Place | None] = []
        """Where each option of the list goes (None: a heading)."""

    def compose(self) -> ComposeResult:
        paths, _ = library_of(self.app)
        count = len(paths)
        yield TitleBar(self.HEADING, f"{count} document{'s' * (count != 1)}")
        yield Input(placeholder=self.PLACEHOLDER, id="corpus-filter")
        yield from self.compose_body()
        yield Static(id="corpus-status")
        yield KeyHints()

    def compose_body(self) -> ComposeResult:
        yield OptionList(id="corpus-list")

    @property
    def options(self) -> OptionList:
        return self.query_one("#corpus-list", OptionList)

    @property
    def filter_box(self) -> Input:
        return self.query_one("#corpus-filter", Input)

    def on_mount(self) -> None:
        for box in self.query(Input):
            box.cursor_blink = not self.app.is_headless  # stable snapshots
        self.status(Text("opening the library index…", "italic"))
        notes = self.NEEDS_NOTES

        def work() -> Message:
            from reader.library.index import LibraryIndexError

            try:
                return IndexOpened(open_library_index(self.app, notes=notes))
            except LibraryIndexError as exc:
                return IndexOpened(None, str(exc))

        start_job(self, work)

    def on_index_opened(self, event: IndexOpened) -> None:
        if event.index is None:
            self.status(Text(f"no library index: {clean_line(event.problem)}"))
            return
        self.index = event.index
        if event.index.notice:
            self.notify(event.index.notice, severity="warning", timeout=10)
        self.refill()

    def on_unmount(self) -> None:
        if self.index is not None:
            self.index.close()
            self.index = None

    def on_job_failed(self, event: JobFailed) -> None:
        self.notify(event.text, severity="error", timeout=10)

    # -- the list ------------------------------------------------------------------------

    def entries(self, index: LibraryIndex) -> Sequence[tuple[Text, Place | None]]:
        """The options of the list as the filter has it, and where each goes."""
        raise NotImplementedError

    def summary(self, shown: int) -> Text:
        """The status line's words for ``shown`` entries."""
        return Text(f"{shown} shown")

    def refill(self) -> None:
        if self.index is None:
            return
        entries = self.entries(self.index)
        option_list = self.options
        option_list.clear_options()
        option_list.add_options(Option(prompt, disabled=place is None) for prompt, place in entries)
        self.places = [place for _, place in entries]
        first = next((i for i, p in enumerate(self.places) if p is not None), None)
        option_list.highlighted = first
        shown = sum(p is not None for p in self.places)
        text = self.summary(shown)
        if self.query_text:
            text.append(" · filter “")
            text.append(clean_line(self.query_text))
            text.append("”")
        text.append(self._indexed())
        self.status(text)

    def _indexed(self) -> str:
        """`` · 3 of 5 documents indexed so far`` while the library is still being indexed."""
        assert self.index is not None
        paths, _ = library_of(self.app)
        held = self.index.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        if held < len(paths):
            return f" · {held} of {len(paths)} documents indexed so far"
        return ""

    def status(self, text: Text) -> None:
        text.no_wrap = True
        self.query_one("#corpus-status", Static).update(text)

    def chosen(self) -> Place | None:
        at = self.options.highlighted
        if at is None or not 0 <= at < len(self.places):
            return None
        return self.places[at]

    # -- keys ------------------------------------------------------------------------------

    def action_choose(self) -> None:
        place = self.chosen()
        if place is not None:
            self.go(place)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        place = self.places[event.option_index] if event.option_index < len(self.places) else None
        if place is not None:
            self.go(place)

    def go(self, place: Place) -> None:
        """Open the article at ``place`` on a reading screen above this one."""
        path, offset = place
        self.app.open_document(Path(path), at=offset)  # type: ignore[attr-defined]

    def action_move(self, step: int) -> None:
        if step > 0:
            self.options.action_cursor_down()
        else:
            self.options.action_cursor_up()

    def action_edge(self, end: int) -> None:
        if end == 0:
            self.options.action_first()
        else:
            self.options.action_last()

    def action_filter(self) -> None:
        self.add_class("-filtering")
        self.set_focus(self.filter_box)  # before the next key

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.options.focus()

    def action_back(self) -> None:
        if self.query_text or self.has_class("-filtering"):
            self.filter_box.value = ""
            self.query_text = ""
            self.remove_class("-filtering")
            self.options.focus()
            self.refill()
        else:
            self.app.pop_screen()

    def palette_commands(self) -> list[Command]:
        """What the command palette offers here: this screen's keys and the app's."""
        keymap = getattr(self.app, "keymap", {})
        return binding_commands([(self, self.BINDINGS), (self.app, self.app.BINDINGS)], keymap)

    def help_sections(self) -> list[tuple[str, list[BindingType]]]:
        return [(self.HEADING.capitalize(), list(self.BINDINGS)), ("Everywhere", self.app.BINDINGS)]
