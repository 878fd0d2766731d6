"""The note editor: the target text (narrowable to the exact words), a body and tags."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from reader.notes.tags import note_tags, split_tag_field
from reader.spans import Span
from reader.ui.keys import find_binding, key_hint, pair_hint
from reader.untrusted import clean_text

QUOTE_LIMIT = 2000
_WORD = re.compile(r"\S+")


def parse_tags(field: str, body: str) -> tuple[str, ...]:
    """Tags from the tags field (separated by commas or ``#``) and the body's ``#tag`` words."""
    return note_tags(split_tag_field(field), body)


@dataclass(frozen=True, slots=True)
class NoteDraft:
    """What the editor hands back on save: the words, the tags and the target span."""

    body: str
    tags: tuple[str, ...]
    span: Span | None


SaveCallback = Callable[[NoteDraft], str | None]
"""Called on ``ctrl+s``; returns an error to show, or None once the note is on disk."""

CancelCallback = Callable[[NoteDraft], None]
"""Called on ``esc`` with what the editor holds (its body may be empty): a draft to keep."""


class TargetPicker(Static, can_focus=True):
    """The target text; with focus, arrows narrow the highlighted words."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "start(-1)", "Start earlier", show=False, id="target.start_left"),
        Binding("right,l", "start(1)", "Start later", show=False, id="target.start_right"),
        Binding("shift+left,H", "end(-1)", "End earlier", show=False, id="target.end_left"),
        Binding("shift+right,L", "end(1)", "End later", show=False, id="target.end_right"),
    ]

    def __init__(
        self, text: str, span: Span, *, chosen: Span | None = None, id: str | None = None
    ) -> None:
        """``chosen``: the words narrowed to before (a draft's), else all of ``span``."""
        super().__init__(id=id)
        self.source = text
        self.whole = span
        words = [m.span() for m in _WORD.finditer(text, span.start, span.end)]
        self.starts = [s for s, _ in words] or [span.start]
        self.ends = [e for _, e in words] or [span.end]
        self.start_index = 0
        self.end_index = len(self.ends) - 1
        if chosen is not None and chosen.start in self.starts and chosen.end in self.ends:
            start, end = self.starts.index(chosen.start), self.ends.index(chosen.end)
            if start <= end:
                self.start_index, self.end_index = start, end

    @property
    def span(self) -> Span:
        """The words chosen now (all of the target until narrowed)."""
        return Span(self.starts[self.start_index], self.ends[self.end_index])

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        whole, chosen = self.whole, self.span
        text = Text(no_wrap=False, end="")
        shown_end = min(whole.end, whole.start + QUOTE_LIMIT)
        text.append(self.source[whole.start : shown_end], Style(italic=True, dim=True))
        a = chosen.start - whole.start
        b = min(chosen.end, shown_end) - whole.start
        text.stylize(Style(italic=True, dim=False, bold=True, underline=True), a, b)
        if shown_end < whole.end:
            text.append("…")
        self.update(text)

    def action_start(self, step: int) -> None:
        index = max(0, min(self.start_index + step, self.end_index))
        self.start_index = index
        self._show()

    def action_end(self, step: int) -> None:
        index = max(self.start_index, min(self.end_index + step, len(self.ends) - 1))
        self.end_index = index
        self._show()


class NoteEditor(ModalScreen[bool]):
    """Write or edit a note; ``ctrl+s`` saves through ``save`` (on disk when it returns),
    ``esc`` hands what is written to ``on_cancel`` (the reading screen keeps it as a draft)."""

    DEFAULT_CSS = """
    NoteEditor {
        align: center middle;
    }

    #editor-dialog {
        width: 84;
        max-width: 95%;
        height: auto;
        max-height: 90%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }

    #editor-quote {
        max-height: 8;
        color: $text-muted;
        border-left: outer $accent;
        padding: 0 1;
        margin: 1 0;
        overflow-y: auto;
    }

    #editor-body {
        height: 10;
    }

    #editor-tags, #editor-tags:focus {
        border: none;
        height: 1;
        padding: 0 1;
        margin-top: 1;
        background: $boost;
    }

    #editor-error {
        height: auto;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save note", priority=True, id="editor.save"),
        Binding("escape", "cancel", "Cancel", priority=True, id="editor.cancel"),
    ]

    def __init__(
        self,
        heading: str,
        save: SaveCallback,
        *,
        text: str = "",
        span: Span | None = None,
        body: str = "",
        tags: tuple[str, ...] = (),
        narrow: bool = True,
        chosen: Span | None = None,
        on_cancel: CancelCallback | None = None,
    ) -> None:
        """``chosen``: the words of ``span`` narrowed to already (a draft's)."""
        super().__init__()
        self.heading = heading
        self.save = save
        self.text = text
        self.span = span
        self.body = body
        self.tags = tags
        self.narrow = narrow and span is not None
        self.chosen = chosen
        self.on_cancel = on_cancel

    def compose(self) -> ComposeResult:
        with Vertical(id="editor-dialog") as dialog:
            dialog.border_title = self.heading
            keymap = getattr(self.app, "keymap", {})
            save, cancel = (
                find_binding(self.BINDINGS, i) for i in ("editor.save", "editor.cancel")
            )
            save_key, cancel_key = key_hint(save, keymap), key_hint(cancel, keymap)
            dialog.border_subtitle = f"{save_key} save · {cancel_key} cancel · tab next field"
            if self.span is not None:
                picker = TargetPicker(self.text, self.span, chosen=self.chosen, id="editor-quote")
                picker.can_focus = self.narrow
                yield picker
            else:
                yield Static(Text("The whole document", style="italic"), id="editor-quote")
            area = TextArea(
                self.body,
                id="editor-body",
                soft_wrap=True,
                tab_behavior="focus",
                show_line_numbers=False,
            )
            area.cursor_blink = not self.app.is_headless
            yield area
            tags = Input(
                ", ".join(self.tags),
                placeholder="tags, separated by commas (or #tag in the text)",
                id="editor-tags",
            )
            tags.cursor_blink = not self.app.is_headless
            yield tags
            if self.narrow:
                left, right, end_left, end_right = (
                    find_binding(TargetPicker.BINDINGS, f"target.{i}")
                    for i in ("start_left", "start_right", "end_left", "end_right")
                )
                hint = (
                    f"On the quote: {pair_hint(left, right, keymap)} move its start, "
                    f"{pair_hint(end_left, end_right, keymap)} its end, word by word."
                )
                yield Static(Text(hint, style="dim"), id="editor-hint")
            yield Static("", id="editor-error")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        self.set_focus(area)  # now, not later: the keys typed after "a" are waiting for it
        if self.body:
            area.move_cursor(area.document.end)  # now: keys typed meanwhile go after the text
            self.call_after_refresh(area.scroll_cursor_visible)  # once laid out

    @property
    def draft(self) -> NoteDraft:
        body = clean_text(self.query_one(TextArea).text).strip()
        tags = parse_tags(self.query_one("#editor-tags", Input).value, body)
        span = self.query_one(TargetPicker).span if self.span is not None else None
        return NoteDraft(body, tags, span)

    def action_save(self) -> None:
        draft = self.draft
        if not draft.body:
            self._error("The note is empty: write something, or press esc to cancel.")
            return
        error = self.save(draft)
        if error:
            self._error(error)
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        if self.on_cancel is not None:
            self.on_cancel(self.draft)
        self.dismiss(False)

    def _error(self, message: str) -> None:
        self.query_one("#editor-error", Static).update(Text(message, style="bold red"))
