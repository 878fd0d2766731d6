"""The right pane: this document's notes in text order, orphans apart, a filter box."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.notes.tags import tags_not_in_body
from reader.reading import PlacedNote
from reader.ui.typeahead import hold_keys
from reader.untrusted import clean_line, clean_text

QUOTE_CHARS = 48
ORPHANS = "orphans"


def _shorten(text: str, limit: int) -> str:
    flat = " ".join(clean_line(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def note_row(placed: PlacedNote) -> Text:
    """How one note reads in the pane; the body and quote are data, never markup.

    Everything shown is cleaned again here, so a note that reached the pane
    some other way than through :class:`Note` still cannot drive the terminal.
    """
    note = placed.note
    row = Text(end="")
    if placed.paragraph is not None:
        row.append(f"¶{placed.paragraph + 1} ", Style(bold=True))
    elif note.target is None:
        row.append("Whole document ", Style(bold=True))
    if placed.status == "moved":
        row.append("(moved) ", Style(italic=True))
    if note.target is not None:
        row.append(f"“{_shorten(note.target.exact, QUOTE_CHARS)}”", Style(italic=True, dim=True))
    body = note.body.strip()
    if body:
        row.append("\n")
        row.append(_shorten(body, 160))
    tags = tags_not_in_body(note.tags, body) if body else note.tags  # each shown once
    if tags:
        row.append("\n")
        row.append("  ".join(f"#{clean_line(t)}" for t in tags), Style(color="cyan"))
    return row


class NoteList(OptionList):
    """The list of notes (vim keys beside the arrows)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="notes.down"),
        Binding("k", "cursor_up", "Up", show=False, id="notes.up"),
        Binding("enter", "select", "Jump to the note's text", show=False, id="notes.jump"),
    ]


class NotesPane(Vertical):
    """Notes of the open document; a teaching empty state when there are none."""

    DEFAULT_CSS = """
    NotesPane { height: 1fr; }
    NotesPane > #notes-empty { color: $text-muted; padding: 1 1; height: auto; }
    NotesPane > #notes-filter, NotesPane > #notes-filter:focus {
        display: none; border: none; height: 1; padding: 0 1; background: $boost;
    }
    NotesPane.-filtering > #notes-filter { display: block; }
    NotesPane > OptionList, NotesPane > OptionList:focus {
        height: 1fr; border: none; background: transparent;
    }
    NotesPane.-has-notes > #notes-empty { display: none; }
    NotesPane > #notes-read-only { display: none; height: auto; padding: 0 1; color: $warning; }
    NotesPane.-read-only.-has-notes > #notes-read-only { display: block; }
    NotesPane > #notes-preview {
        height: auto; max-height: 8; display: none;
        border-top: solid $panel-lighten-2; padding: 0 1; color: $text;
    }
    NotesPane.-preview > #notes-preview { display: block; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit", "Edit", tooltip="Edit the highlighted note", id="notes.edit"),
        Binding(
            "E",
            "edit_in_editor",
            "Edit in $EDITOR",
            show=False,
            tooltip="Edit the highlighted note in your own editor ($VISUAL or $EDITOR)",
            id="notes.edit_in_editor",
        ),
        Binding("d", "delete", "Delete", tooltip="Delete the highlighted note", id="notes.delete"),
        Binding("u", "undo", "Undo", tooltip="Bring back the last deleted note", id="notes.undo"),
        Binding(
            "r",
            "reattach",
            "Re-attach",
            tooltip="Re-attach an orphan to the selection or the cursor's paragraph",
            id="notes.reattach",
        ),
        Binding(
            "slash", "filter", "Filter", tooltip="Filter notes by text or #tag", id="notes.filter"
        ),
    ]

    class Chosen(Message):
        """The reader chose a note (``enter``): jump to it."""

        def __init__(self, placed: PlacedNote) -> None:
            super().__init__()
            self.placed = placed

    class EditNote(Message):
        """The reader asked to edit a note (``e``)."""

        def __init__(self, placed: PlacedNote) -> None:
            super().__init__()
            self.placed = placed

    class EditInEditor(Message):
        """The reader asked to edit a note in their own editor (``E``)."""

        def __init__(self, placed: PlacedNote) -> None:
            super().__init__()
            self.placed = placed

    class DeleteNote(Message):
        """The reader asked to delete a note (``d``)."""

        def __init__(self, placed: PlacedNote) -> None:
            super().__init__()
            self.placed = placed

    class UndoDelete(Message):
        """The reader asked for the last deleted note back (``u``)."""

    class ReattachNote(Message):
        """The reader asked to re-attach an orphan (``r``)."""

        def __init__(self, placed: PlacedNote) -> None:
            super().__init__()
            self.placed = placed

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="-empty")
        self.placed: list[PlacedNote] = []
        self.query_text = ""
        self.read_only = ""
        """Why the notes cannot be changed ("" when they can): said in the pane."""

    def compose(self) -> ComposeResult:
        yield Static("No notes yet — press a to add one", id="notes-empty")
        yield NoteList(id="notes-list")
        yield Static(id="notes-preview")

    @property
    def note_list(self) -> NoteList:
        return self.query_one(NoteList)

    def show(self, placed: Sequence[PlacedNote]) -> None:
        """Replace the notes with ``placed`` (sorted into document order here)."""
        self.placed = sorted(placed, key=lambda p: p.sort_key)
        self._refill()

    @property
    def filtered(self) -> list[PlacedNote]:
        """The notes the filter lets through."""
        if not self.query_text.strip():
            return self.placed
        return [p for p in self.placed if p.matches(self.query_text)]

    def _refill(self) -> None:
        option_list = self.note_list
        current = self.current
        option_list.clear_options()
        shown = self.filtered
        orphans = [p for p in shown if p.status == "orphan"]
        for p in shown:
            if p.status != "orphan":
                option_list.add_option(Option(note_row(p), id=p.note.id))
        if orphans:
            heading = Text(f"Orphans ({len(orphans)}) — their text is gone", style="bold")
            option_list.add_option(Option(heading, id=ORPHANS, disabled=True))
            for p in orphans:
                option_list.add_option(Option(note_row(p), id=p.note.id))
        if self.placed and not shown:
            option_list.add_option(
                Option(Text("No note matches", style="dim italic"), disabled=True)
            )
        has = bool(self.placed)
        self.set_class(not has, "-empty")
        self.set_class(has, "-has-notes")
        self.select(current.note.id if current else None)
        title = f"Notes ({len(self.placed)})"
        if len(shown) != len(self.placed):
            title = f"Notes ({len(shown)}/{len(self.placed)})"
        self.border_title = title + (" · read-only" if self.read_only else "")
        if self.read_only:  # said where the notes are, or instead of "press a"
            reason = clean_line(self.read_only)
            self.query_one("#notes-empty", Static).update(Text(f"No notes — read-only: {reason}"))
            self._read_only_line().update(Text(f"Read-only: {reason}"))
        self.set_class(bool(self.read_only), "-read-only")

    def select(self, note_id: str | None) -> None:
        """Highlight the note ``note_id`` (or the first one)."""
        option_list = self.note_list
        ids = [option_list.get_option_at_index(i).id for i in range(option_list.option_count)]
        enabled = [
            i
            for i in range(option_list.option_count)
            if not option_list.get_option_at_index(i).disabled
        ]
        if not enabled:
            option_list.highlighted = None
            return
        option_list.highlighted = ids.index(note_id) if note_id in ids else enabled[0]

    def by_id(self, note_id: str) -> PlacedNote | None:
        return next((p for p in self.placed if p.note.id == note_id), None)

    @property
    def current(self) -> PlacedNote | None:
        """The highlighted note."""
        option_list = self.note_list
        if option_list.highlighted is None or not option_list.option_count:
            return None
        return self.by_id(option_list.get_option_at_index(option_list.highlighted).id or "")

    def preview(self, paragraph: int) -> None:
        """Highlight and show in full the first note on ``paragraph`` (hide when none)."""
        here = [p for p in self.placed if p.paragraph == paragraph]
        self.set_class(bool(here), "-preview")
        if not here:
            return
        note = here[0].note
        text = Text("Here: ", style="bold", end="")
        text.append(clean_text(note.body).strip())
        if len(here) > 1:
            text.append(f"  (+{len(here) - 1} more)", style="dim")
        self.query_one("#notes-preview", Static).update(text)
        if not self.note_list.has_focus:
            self.select(note.id)

    # -- keys ------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        placed = self.by_id(event.option.id or "")
        if placed is not None:
            self.post_message(self.Chosen(placed))

    def action_edit(self) -> None:
        if self.current is not None:
            hold_keys(self.app)  # the editor opens a message away: keys typed next wait for it
            self.post_message(self.EditNote(self.current))

    def action_edit_in_editor(self) -> None:
        if self.current is not None:
            self.post_message(self.EditInEditor(self.current))

    def action_delete(self) -> None:
        if self.current is not None:
            self.post_message(self.DeleteNote(self.current))

    def action_undo(self) -> None:
        self.post_message(self.UndoDelete())

    def action_reattach(self) -> None:
        current = self.current
        if current is not None and current.status == "orphan":
            self.post_message(self.ReattachNote(current))
        elif current is not None:
            self.notify("Only an orphan can be re-attached", severity="warning", timeout=3)

    def action_filter(self) -> None:
        self.add_class("-filtering")
        self.screen.set_focus(self._filter_box())  # before the next key

    def _read_only_line(self) -> Static:
        """The line that says why the notes cannot change, mounted only when they cannot."""
        found = self.query("#notes-read-only")
        if found:
            return found.first(Static)
        line = Static(id="notes-read-only")
        self.mount(line, after=self.query_one("#notes-empty"))
        return line

    def _filter_box(self) -> Input:
        """The filter line, mounted the first time it opens: one widget fewer to draw first."""
        found = self.query("#notes-filter")
        if found:
            return found.first(Input)
        box = Input(placeholder="filter: words or #tag", id="notes-filter")
        box.cursor_blink = not self.app.is_headless  # stable snapshots
        self.mount(box, before=self.note_list)
        return box

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_text = event.value
        self._refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.note_list.focus()

    def on_key(self, event) -> None:
        if event.key == "escape" and self.has_class("-filtering"):
            event.stop()
            filter_box = self._filter_box()
            filter_box.value = ""
            self.query_text = ""
            self.remove_class("-filtering")
            self._refill()
            self.note_list.focus()
