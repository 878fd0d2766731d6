"""The footer: the keys the screen shows, as one line of hints; a click presses one.

Textual's ``Footer`` is a container of one widget per key that it composes
again at every focus change; this is one widget that draws the same hints
(``key description``, the command palette's key at the right end) and is
redrawn, not rebuilt, when the bindings change: the first screen has nine
widgets fewer to mount, style and paint.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget


class Hint(NamedTuple):
    """One key shown: the key pressed by a click, how it shows, what it does."""

    key: str
    display: str
    description: str
    enabled: bool


class KeyHints(Widget, can_focus=False):
    """The screen's shown bindings (first of each action) and the palette's key."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-hints--key",
        "key-hints--description",
        "key-hints--separator",
    }
    DEFAULT_CSS = """
    KeyHints {
        dock: bottom;
        height: 1;
        text-wrap: nowrap;
        text-overflow: clip;
        color: $footer-foreground;
        background: $footer-background;
        .key-hints--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-hints--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-hints--separator {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, Hint]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def hints(self) -> list[Hint]:
        """The keys shown on the left, in the screen's order (one per action)."""
        shown: dict[str, Hint] = {}
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = self._hint(binding, enabled)
        return list(shown.values())

    def palette_hint(self) -> Hint | None:
        """The command palette's key, shown at the right end, if the app has a palette."""
        if not self.app.ENABLE_COMMAND_PALETTE:
            return None
        found = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if found is None:
            return None
        _node, binding, enabled, _tooltip = found
        return self._hint(binding, enabled)

    def _hint(self, binding: Binding, enabled: bool) -> Hint:
        return Hint(binding.key, self.app.get_key_display(binding), binding.description, enabled)

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-hints--key")
        text_style = self.get_component_rich_style("key-hints--description")
        width = self.size.width
        right = Text()
        palette = self.palette_hint()
        if palette is not None:
            right.append("▏", self.get_component_rich_style("key-hints--separator"))
            right.append(f"{palette.display}", key_style)
            right.append(f" {palette.description} ", text_style)
        line = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int, Hint]] = []
        room = max(0, width - right.cell_len - 1)
        for hint in self.hints():
            start = line.cell_len
            if start + cell_len(f" {hint.display} {hint.description} ") > room:
                break  # a hint shows whole or not at all
            off = Style() if hint.enabled else Style(dim=True)
            line.append(f" {hint.display} ", key_style + off)
            line.append(f"{hint.description} ", text_style + off)
            spans.append((start, line.cell_len, hint))
        if palette is not None:
            line.pad_right(max(0, width - line.cell_len - right.cell_len))
            start = line.cell_len
            line.append_text(right)
            spans.append((start, line.cell_len, palette))
        self._spans = spans
        return line

    def on_click(self, event: events.Click) -> None:
        """A click on a hint presses its key (a disabled one rings the bell)."""
        for start, end, hint in self._spans:
            if start <= event.x < end:
                event.stop()
                if hint.enabled:
                    self.app.simulate_key(hint.key)
                else:
                    self.app.bell()
                return
