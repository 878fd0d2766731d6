"""The search box: an input line whose ``↑`` ``↓`` bring back the searches asked before."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input

from reader.search import SearchHistory


class SearchBox(Input):
    """The article's search line; the history is the app's, shared by every document."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "history(-1)", "Older search", show=False, id="search.older"),
        Binding("down", "history(1)", "Newer search", show=False, id="search.newer"),
    ]

    def __init__(self, history: SearchHistory, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.history = history

    def action_history(self, step: int) -> None:
        shown = self.history.older(self.value) if step < 0 else self.history.newer()
        if shown is not None:
            self.value = shown
            self.cursor_position = len(shown)
