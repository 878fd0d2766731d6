"""The top line: the document's title, and its date and file name on the right."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from reader.untrusted import clean_line


class TitleBar(Horizontal):
    """``reader — <title>`` ellipsised to fit, then ``<date>  <file>``."""

    DEFAULT_CSS = """
    TitleBar { height: 1; dock: top; background: $panel; color: $foreground; }
    TitleBar > #title { width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; padding: 0 1; }
    TitleBar > #where { width: auto; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, title: str, where: str) -> None:
        super().__init__()
        self._title = clean_line(title)  # a title or a file name: either may hold anything
        self._where = clean_line(where)

    def compose(self) -> ComposeResult:
        title = Text("reader — ", style="bold", no_wrap=True, overflow="ellipsis")
        title.append(self._title, style="not bold")
        yield Static(title, id="title")
        yield Static(Text(self._where, no_wrap=True), id="where")
