"""The Textual application: one document, its analysis and its notes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from reader.analysis.model import Analysis
from reader.document import Document
from reader.notes.store import NoteStore
from reader.ui.screens.reader import ReaderScreen


class ReaderApp(App[None]):
    """The terminal reader."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    ENABLE_COMMAND_PALETTE = False

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(
        self,
        doc: Document,
        store: NoteStore,
        *,
        analysis: Analysis | None = None,
        keymap: Mapping[str, str] | None = None,
        notice: str | None = None,
    ) -> None:
        """``analysis`` given: shown as is; ``notice``: a problem to tell the reader at once."""
        super().__init__()
        self.notice = notice
        self.doc = doc
        self.store = store
        self.analysis = analysis
        self.keymap: dict[str, str] = dict(keymap or {})
        if self.keymap:
            self.set_keymap(self.keymap)

    def on_mount(self) -> None:
        if self.notice:
            self.notify(self.notice, title="Notes file", severity="warning", timeout=30)

    def get_default_screen(self) -> Screen[None]:
        return ReaderScreen(self.doc, self.store, analysis=self.analysis)
