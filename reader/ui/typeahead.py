"""Type-ahead: keys typed in a burst reach what the keys before them opened, in order.

Textual hands each key to the focused widget's queue and reads the next key at
once, so in a burst (a fast typist, a paste, a busy moment) the keys after
``a`` reach the article before ``a`` has opened the note editor, and those
after ``tab`` reach the pane that is losing the focus. ``TypeAhead``, mixed
into the app, serialises them as a terminal program reading its input does:

- one key (or paste) at a time: the next is handed out only once the one
  before has gone all the way up to the app (its bindings run) or was stopped
  by a widget on the way, and once what it scheduled on the app (a deferred
  ``focus()``) has run. Two kinds of key cannot move the focus and go on at
  once, so typing and held-down motions are as fast as without type-ahead:
  text typed into a box (a key the focused input consumes, a paste into it)
  and a motion the focused widget binds itself (``MOTIONS``: ``j`` in the
  article, ``↓`` in a list);
- while a pushed screen mounts (the note editor, the help), keys wait for it:
  they go to the widget it focuses, not to the screen it covers; so do they
  while the screen's ``setting_up`` is True (the reading screen mounts its
  side panes after the first paint), until it calls ``screen_ready``;
- ``hold_keys`` lets an action that opens an input later (a message away)
  keep the keys until the input has the focus; ``release_keys`` lets them go.

A key is never dropped: a key whose journey cannot be followed (its widget
removed meanwhile) lets the next go after ``KEY_TIMEOUT``, a hold nobody
releases ends after ``HOLD_TIMEOUT``.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import TYPE_CHECKING, Any

from textual import events
from textual.dom import DOMNode
from textual.message import Message
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.app import App
    from textual.pilot import Pilot

    _Base = App[Any]
else:
    _Base = object

KEY_TIMEOUT = 3.0
"""Seconds after which the next key goes even if the one before was not seen handled (a
key reaching the app is seen; only a key stopped in a widget removed meanwhile is not)."""

HOLD_TIMEOUT = 5.0
"""Seconds after which held keys go even if nothing released them."""

_Typed = events.Key | events.Paste

MOTIONS = frozenset(
    {
        "cursor_down", "cursor_up", "cursor_left", "cursor_right", "page_down", "page_up",
        "first", "last", "scroll_up", "scroll_down", "scroll_home", "scroll_end",
        "start", "end",
    }
)  # fmt: skip
"""Actions that move within the focused widget that binds them and never move the focus."""


class KeyHandled(Message):
    """Posted behind a key to the widget that got it: it bubbles up after the key."""

    def __init__(self, typed: _Typed) -> None:
        super().__init__()
        self.typed = typed


class TypeAhead(_Base):
    """The app's half of type-ahead (mix in before ``App``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._typed: deque[_Typed] = deque()
        self._on_the_way: dict[int, tuple[asyncio.TimerHandle, bool]] = {}
        """Keys handed out and not yet seen handled (by id): each one's timeout, and whether
        the keys after it had to wait for it."""
        self._holding = False
        self._hold_timer: asyncio.TimerHandle | None = None

    # -- what actions call --------------------------------------------------------------

    def hold_keys(self) -> None:
        """Keep the keys typed from now on until ``release_keys`` (or ``HOLD_TIMEOUT``)."""
        self._holding = True
        self._cancel(self._hold_timer)
        self._hold_timer = _later(HOLD_TIMEOUT, self.call_later, self.release_keys)

    def release_keys(self) -> None:
        """Let the held keys go, in order, to whatever has the focus now."""
        self._holding = False
        self._cancel(self._hold_timer)
        self._hold_timer = None
        self.call_later(self._next_key)

    # -- the app's side ----------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)):
            if not event.is_forwarded:  # from the terminal: in turn
                self._typed.append(event)
                await self._next_key()
                return
            await super().on_event(event)  # back up at the app: its bindings ran
            self._handled(event)
            return
        await super().on_event(event)

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        """Push a screen; the keys typed meanwhile wait until it is mounted and focused."""
        result = super().push_screen(*args, **kwargs)
        self.hold_keys()
        # Its queue runs after its compose and mount: by then it has focused its widget.
        self.screen.call_later(self.release_keys)
        return result

    def screen_ready(self) -> None:
        """The screen has mounted what the keys may need: the waiting keys go."""
        self.call_later(self._next_key)

    def on_key_handled(self, message: KeyHandled) -> None:
        message.stop()
        self._handled(message.typed)

    async def _next_key(self) -> None:
        """Hand out the typed keys: a text or motion key at once, any other key once every
        key before it is handled (and it before the next), none while keys are held."""
        while self._typed and not self._holding:
            if getattr(self.screen, "setting_up", False):
                return  # it mounts what the keys may need, then calls screen_ready
            if any(waits for _, waits in self._on_the_way.values()):
                return  # a key on its way may move the focus: the next goes where it says
            typed = self._typed[0]
            at_once = self._goes_on(typed, self.focused or self.screen)
            if self._on_the_way and not at_once:
                return  # a ctrl+s acts on the text typed before it: wait for that text
            self._typed.popleft()
            await super().on_event(typed)  # priority bindings, else to the focused widget
            if not typed.is_forwarded:
                continue  # handled by the app itself (a priority binding)
            target = self.focused or self.screen
            timer = _later(KEY_TIMEOUT, self.call_later, self._handled, typed)
            self._on_the_way[id(typed)] = (timer, not at_once)
            target.post_message(KeyHandled(typed))
            if not at_once:
                return

    def _goes_on(self, typed: _Typed, target: DOMNode) -> bool:
        """Whether the key after ``typed`` may go at once: ``typed`` is text for the focused
        input, or a motion of the focused widget (neither moves the focus)."""
        if isinstance(typed, events.Paste):
            return isinstance(target, Widget) and target.check_consume_key("", "x")
        if target.check_consume_key(typed.key, typed.character):
            return True
        for namespace, bindings in self.screen._modal_binding_chain:
            found = [b for b in bindings.key_to_bindings.get(typed.key, ()) if not b.priority]
            if found:
                names = {b.action.partition("(")[0] for b in found}
                return namespace is target and names <= MOTIONS
        return False

    def _handled(self, typed: _Typed) -> None:
        """``typed`` has done its work (or timed out): the next keys may go."""
        on_its_way = self._on_the_way.pop(id(typed), None)
        if on_its_way is None:
            return
        on_its_way[0].cancel()
        if not self._on_the_way:
            # After what the key scheduled on the app (a focus() runs through call_later).
            self.call_later(self._next_key)

    @staticmethod
    def _cancel(timer: asyncio.TimerHandle | None) -> None:
        if timer is not None:
            timer.cancel()


def _later(delay: float, callback: Any, *args: Any) -> asyncio.TimerHandle:
    return asyncio.get_running_loop().call_later(delay, callback, *args)


def hold_keys(app: object) -> None:
    """``app.hold_keys()`` when the app does type-ahead (a test app may not)."""
    if isinstance(app, TypeAhead):
        app.hold_keys()


def screen_ready(app: object) -> None:
    """``app.screen_ready()`` when the app does type-ahead (a test app may not)."""
    if isinstance(app, TypeAhead):
        app.screen_ready()


async def screen_set_up(pilot: Pilot[Any], timeout: float = 10.0) -> None:
    """Wait (in a test) until the app's screen is no longer ``setting_up``."""
    loop = asyncio.get_running_loop()
    give_up = loop.time() + timeout
    while getattr(pilot.app.screen, "setting_up", False) and loop.time() < give_up:
        await pilot.pause()
