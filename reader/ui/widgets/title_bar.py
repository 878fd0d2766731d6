"""The top line: the document's title, and its date and file name on the right."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.widget import Widget

from reader.untrusted import clean_line


class TitleBar(Widget):
    """``reader — <title>`` ellipsised to fit, then ``<date>  <file>`` (one widget)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"title-bar--where"}
    DEFAULT_CSS = """
    TitleBar { height: 1; dock: top; background: $panel; color: $foreground; }
    TitleBar > .title-bar--where { color: $text-muted; }
    """

    def __init__(self, title: str, where: str) -> None:
        super().__init__()
        self.title = ""
        self.where = ""
        self.show(title, where)

    def show(self, title: str, where: str) -> None:
        """Show ``title`` and ``where`` (a title or a file name: either may hold anything)."""
        self.title = clean_line(title)
        self.where = clean_line(where)
        self.refresh()

    def render(self) -> Text:
        where = Text(f" {self.where} ", style=self.get_component_rich_style("title-bar--where"))
        room = max(0, self.size.width - where.cell_len - 2)
        title = Text("reader — ", style="bold", no_wrap=True, overflow="ellipsis", end="")
        title.append(self.title, style="not bold")
        title.truncate(room, overflow="ellipsis")
        line = Text(" ", no_wrap=True, end="")
        line.append_text(title)
        line.pad_right(max(0, self.size.width - where.cell_len - line.cell_len))
        line.append_text(where)
        return line
