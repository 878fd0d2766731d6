"""The right pane: this document's notes in text order, orphans apart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.notes.model import Note
from reader.spans import Span

QUOTE_CHARS = 48


@dataclass(frozen=True, slots=True)
class PlacedNote:
    """A note with where it sits in this document's text now."""

    note: Note
    status: str
    span: Span | None
    paragraph: int | None

    @property
    def sort_key(self) -> tuple[int, int, str]:
        if self.span is None:
            return (0 if self.status != "orphan" else 2, 0, self.note.created)
        return (1, self.span.start, self.note.created)


def _shorten(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def note_row(placed: PlacedNote) -> Text:
    """How one note reads in the pane; the body and quote are data, never markup."""
    note = placed.note
    row = Text(end="")
    if placed.paragraph is not None:
        row.append(f"¶{placed.paragraph + 1} ", Style(bold=True))
    elif note.target is None:
        row.append("document ", Style(bold=True))
    if note.target is not None:
        row.append(f"“{_shorten(note.target.exact, QUOTE_CHARS)}”", Style(italic=True, dim=True))
    body = note.body.strip()
    if body:
        row.append("\n")
        row.append(_shorten(body, 160))
    if note.tags:
        row.append("\n")
        row.append("  ".join(f"#{t}" for t in note.tags), Style(color="cyan"))
    return row


class NotesPane(Vertical):
    """Notes of the open document; a teaching empty state when there are none."""

    DEFAULT_CSS = """
    NotesPane { height: 1fr; }
    NotesPane > #notes-empty { color: $text-muted; padding: 1 1; height: auto; }
    NotesPane > OptionList { height: 1fr; border: none; background: transparent; }
    NotesPane.-has-notes > #notes-empty { display: none; }
    """

    class Chosen(Message):
        """The reader chose a note (``enter``): jump to it."""

        def __init__(self, placed: PlacedNote) -> None:
            super().__init__()
            self.placed = placed

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="-empty")
        self.placed: list[PlacedNote] = []

    def compose(self) -> ComposeResult:
        yield Static("No notes yet — press a to add one", id="notes-empty")
        yield NoteList(id="notes-list")

    def show(self, placed: Sequence[PlacedNote]) -> None:
        """Replace the list with ``placed`` (sorted into document order here)."""
        self.placed = sorted(placed, key=lambda p: p.sort_key)
        option_list = self.query_one(NoteList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        orphans = [p for p in self.placed if p.status == "orphan"]
        for p in self.placed:
            if p.status != "orphan":
                option_list.add_option(Option(note_row(p), id=p.note.id))
        if orphans:
            option_list.add_option(
                Option(
                    Text(f"Orphans ({len(orphans)}) — text not found", style="bold"), disabled=True
                )
            )
            for p in orphans:
                option_list.add_option(Option(note_row(p), id=p.note.id))
        has = bool(self.placed)
        self.set_class(not has, "-empty")
        self.set_class(has, "-has-notes")
        if has:
            count = option_list.option_count
            option_list.highlighted = min(highlighted or 0, count - 1)
            if option_list.get_option_at_index(option_list.highlighted).disabled:
                option_list.action_cursor_down()
        self.border_title = f"Notes ({len(self.placed)})"

    def by_id(self, note_id: str) -> PlacedNote | None:
        return next((p for p in self.placed if p.note.id == note_id), None)

    @property
    def current(self) -> PlacedNote | None:
        """The highlighted note."""
        option_list = self.query_one(NoteList)
        if option_list.highlighted is None or not self.placed:
            return None
        return self.by_id(option_list.get_option_at_index(option_list.highlighted).id or "")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        placed = self.by_id(event.option.id or "")
        if placed is not None:
            self.post_message(self.Chosen(placed))


class NoteList(OptionList):
    """The list of notes (vim keys beside the arrows)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="notes.down"),
        Binding("k", "cursor_up", "Up", show=False, id="notes.up"),
        Binding("enter", "select", "Jump to the note's text", show=False, id="notes.jump"),
    ]
