"""``?``: every key of the reader, as the live keymap has it, with the id that remaps it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import ClassVar

from rich.console import Group
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.keys import binding_keys
from reader.ui.settings import KEYMAP_FILE
from reader.ui.widgets.key_hints import KeyHints
from reader.untrusted import clean_line

Section = tuple[str, Iterable[BindingType]]

KEYMAP_PLACE = f"$XDG_CONFIG_HOME/reader/{KEYMAP_FILE}"
"""The keymap file as the help names it when the app keeps no settings of its own."""


def help_table(sections: Iterable[Section], keymap: Mapping[str, str]) -> Group:
    """Per place where they act, a table of keys, the id that remaps them and what they do
    (the same column widths in every table, so that they line up)."""
    shown = [
        (title, [b for b in bindings if isinstance(b, Binding) and not b.system])
        for title, bindings in sections
    ]
    id_width = max((len(b.id or "") for _t, bindings in shown for b in bindings), default=0)
    parts: list[Text | Table] = []
    for title, bindings in shown:
        if parts:
            parts.append(Text(""))
        parts.append(Text(title, style="bold underline"))
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
        table.add_column("keys", no_wrap=True, style=Style(bold=True), width=18)
        table.add_column("id", no_wrap=True, style=Style(dim=True), width=id_width)
        table.add_column("action", ratio=1)
        for binding in bindings:
            table.add_row(
                Text(binding_keys(binding, keymap)),
                Text(binding.id or ""),
                Text(binding.tooltip or binding.description),
            )
        parts.append(table)
    return Group(*parts)


def keymap_hint(settings_dir: Path | None) -> Text:
    """One line on how the ids remap keys, naming the keymap file."""
    place = clean_line(str(settings_dir / KEYMAP_FILE)) if settings_dir else KEYMAP_PLACE
    text = Text("Remap keys by id in ", style="italic", end="")
    text.append(place, style="bold")
    text.append(', one line each: "article.cursor_down" = "j,down"')
    return text


class HelpScreen(ModalScreen[None]):
    """A dialog listing the keys; it scrolls like a pager and ``escape``, ``q`` or ``?``
    closes it. Its own footer says so (the reading screen's keys do not act here)."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }

    #help-dialog {
        width: 100;
        max-width: 95%;
        height: 80%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }

    #help-hint {
        margin-bottom: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll(1)", "Scroll", tooltip="Scroll down", id="help.scroll_down"),
        Binding("k,up", "scroll(-1)", "Scroll up", show=False, id="help.scroll_up"),
        Binding("space,pagedown", "page(1)", "Page", tooltip="Page down", id="help.page_down"),
        Binding("b,pageup", "page(-1)", "Page up", show=False, id="help.page_up"),
        Binding("g,home", "edge(0)", "Top", show=False, id="help.top"),
        Binding("G,end", "edge(1)", "Bottom", show=False, id="help.bottom"),
        Binding(
            "escape,q,question_mark", "dismiss", "Close", tooltip="Close help", id="help.close"
        ),
    ]

    def __init__(self, sections: Sequence[Section], keymap: Mapping[str, str]) -> None:
        super().__init__()
        self.sections = [*sections, ("In this help", self.BINDINGS)]
        self.keymap = keymap
        self.table = help_table(self.sections, keymap)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog") as dialog:
            dialog.border_title = "Keys"
            yield Static(keymap_hint(getattr(self.app, "settings_dir", None)), id="help-hint")
            yield Static(self.table, id="help-table")
        yield KeyHints()

    @property
    def dialog(self) -> VerticalScroll:
        return self.query_one("#help-dialog", VerticalScroll)

    def action_scroll(self, lines: int) -> None:
        self.dialog.scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        dialog = self.dialog
        dialog.scroll_relative(
            y=pages * max(1, dialog.scrollable_content_region.height - 1), animate=False
        )

    def action_edge(self, end: int) -> None:
        dialog = self.dialog
        dialog.scroll_to(y=dialog.max_scroll_y if end else 0, animate=False)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
