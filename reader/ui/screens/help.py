"""``?``: every key of the reader, as the live keymap has it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import ClassVar

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.keys import binding_keys

Section = tuple[str, Iterable[BindingType]]


def help_table(sections: Iterable[Section], keymap: Mapping[str, str]) -> Table:
    """A two-column table of keys and what they do, grouped by where they act."""
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column("keys", no_wrap=True, style=Style(bold=True), width=18)
    table.add_column("action", ratio=1)
    first = True
    for title, bindings in sections:
        if not first:
            table.add_row(Text(""), Text(""))
        first = False
        table.add_row(Text(title, style="bold underline"), Text(""))
        for binding in bindings:
            if not isinstance(binding, Binding) or binding.system:
                continue
            table.add_row(
                Text(binding_keys(binding, keymap)), Text(binding.tooltip or binding.description)
            )
    return table


class HelpScreen(ModalScreen[None]):
    """A dialog listing the keys; any of ``escape``, ``q`` or ``?`` closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, sections: Sequence[Section], keymap: Mapping[str, str]) -> None:
        super().__init__()
        self.sections = sections
        self.keymap = keymap
        self.table = help_table(sections, keymap)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog") as dialog:
            dialog.border_title = "Keys"
            dialog.border_subtitle = "esc close"
            yield Static(self.table, id="help-table")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
