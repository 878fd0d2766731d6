"""How the reading screen fits its terminal: its panes side by side, or the article alone.

From ``NARROW_WIDTH`` columns up the three panes stand side by side. Below
it, or zoomed (``z``), the article takes the whole width and the side panes
collapse: ``tab`` / ``shift+tab`` still walk side pane → article → notes,
and the pane reached is drawn as an overlay over the article's edge until
the focus leaves it (``esc`` goes back to the article).
"""

from __future__ import annotations

from textual import events
from textual.screen import Screen
from textual.widget import Widget

NARROW_WIDTH = 110
"""Below this many columns the side panes collapse (the article keeps 40 and more)."""

PANES = ("side", "article", "notes")
"""The panes' ids, in the order ``tab`` walks them."""

FOCUS_OF = {"side": "#side", "article": "#article", "notes": "#notes-list"}
"""What takes the focus when a pane is reached."""


def pane_of(widget: Widget | None) -> str | None:
    """The pane ``widget`` sits in (None: in none, a search box for one)."""
    node = widget
    while node is not None:
        if node.id in PANES:
            return node.id
        parent = node.parent
        node = parent if isinstance(parent, Widget) else None
    return None


class PaneLayout(Screen[None]):
    """The reading screen's panes: collapsed when narrow or zoomed, reached with ``tab``."""

    @property
    def collapsed(self) -> bool:
        """Whether the side panes are folded away (a narrow terminal, or zoomed)."""
        return self.has_class("-narrow") or self.has_class("-zoomed")

    def on_mount(self) -> None:
        self._fit(self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        self.set_class(width < NARROW_WIDTH, "-narrow")
        self._overlay(pane_of(self.focused))

    def _overlay(self, pane: str | None) -> None:
        """Show ``pane`` over the article when the side panes are collapsed (hide the rest)."""
        collapsed = self.collapsed
        self.set_class(collapsed and pane == "side", "-show-side")
        self.set_class(collapsed and pane == "notes", "-show-notes")

    def show_pane(self, pane: str) -> None:
        """Focus ``pane`` (one of ``PANES``), shown over the article if need be."""
        self._overlay(pane)
        self.set_focus(self.query_one(FOCUS_OF[pane], Widget))

    def action_pane(self, direction: int) -> None:
        """The next (``1``) or previous (``-1``) pane, collapsed ones included."""
        if not self.collapsed:
            if direction > 0:
                self.focus_next()
            else:
                self.focus_previous()
            return
        here = pane_of(self.focused) or "article"
        self.show_pane(PANES[(PANES.index(here) + direction) % len(PANES)])

    def action_zoom(self) -> None:
        """The article alone at the full width, or the panes back."""
        self.toggle_class("-zoomed")
        if self.has_class("-zoomed"):
            self.show_pane("article")
        else:
            self._overlay(pane_of(self.focused))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if self.collapsed:  # a click on the article closes an overlay
            self._overlay(pane_of(event.widget))

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape" and self.collapsed and pane_of(self.focused) in ("side", "notes"):
            event.stop()
            event.prevent_default()
            self.show_pane("article")
