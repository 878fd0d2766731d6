"""The note editor: a dialog with the target text shown and a multi-line body."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

QUOTE_LIMIT = 600

SaveCallback = Callable[[str], str | None]
"""Called with the body on ``ctrl+s``; returns an error to show, or None when saved."""


class NoteEditor(ModalScreen[bool]):
    """Write a note. ``ctrl+s`` saves through ``save`` (on disk when it returns)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save note", priority=True, id="editor.save"),
        Binding("escape", "cancel", "Cancel", priority=True, id="editor.cancel"),
    ]

    def __init__(self, heading: str, quote: str, save: SaveCallback, body: str = "") -> None:
        super().__init__()
        self.heading = heading
        self.quote = quote
        self.save = save
        self.body = body

    def compose(self) -> ComposeResult:
        with Vertical(id="editor-dialog") as dialog:
            dialog.border_title = self.heading
            dialog.border_subtitle = "ctrl+s save · esc cancel"
            quote = self.quote if len(self.quote) <= QUOTE_LIMIT else self.quote[:QUOTE_LIMIT] + "…"
            yield Static(Text(quote, style="italic"), id="editor-quote")
            area = TextArea(
                self.body,
                id="editor-body",
                soft_wrap=True,
                tab_behavior="focus",
                show_line_numbers=False,
            )
            area.cursor_blink = not self.app.is_headless
            yield area
            yield Static("", id="editor-error")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        body = self.query_one(TextArea).text
        if not body.strip():
            self._error("The note is empty: write something, or press esc to cancel.")
            return
        error = self.save(body)
        if error:
            self._error(error)
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)

    def _error(self, message: str) -> None:
        self.query_one("#editor-error", Static).update(Text(message, style="bold red"))
