"""The article's keys: motions, a count before them, ``:`` to go to a paragraph.

Every binding has an id a keymap can remap, and a description (the footer,
the help and the command palette are made from them, as for the screen's
keys in ``screens/reader_keys.py``). ``Pending`` is what a motion key is
waiting for: the digits of a count typed before it (``5j``), or the
paragraph number typed after ``:``.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType

COUNT_ACTION = "count"
"""The action of the digits: read by the article itself, never run as an action."""

ARTICLE_BINDINGS: list[BindingType] = [
    Binding("j,down", "cursor_down", "Move", tooltip="Next paragraph", id="article.cursor_down"),
    Binding("k,up", "cursor_up", "Previous paragraph", show=False, id="article.cursor_up"),
    Binding("space,pagedown,ctrl+f", "page_down", "Page down", show=False, id="article.page_down"),
    Binding("b,pageup,ctrl+b", "page_up", "Page up", show=False, id="article.page_up"),
    Binding("ctrl+d", "half_page_down", "Half a page down", show=False, id="article.half_down"),
    Binding("ctrl+u", "half_page_up", "Half a page up", show=False, id="article.half_up"),
    Binding(
        "g,home",
        "first",
        "First paragraph",
        show=False,
        tooltip="First paragraph (after a count: that paragraph, 12g)",
        id="article.first",
    ),
    Binding(
        "G,end",
        "last",
        "Last paragraph",
        show=False,
        tooltip="Last paragraph (after a count: that paragraph, 12G)",
        id="article.last",
    ),
    Binding(
        "colon",
        "go_to",
        "Go to paragraph",
        show=False,
        tooltip="Go to paragraph: its number, then enter (:12)",
        id="article.go_to",
    ),
    Binding(
        "1,2,3,4,5,6,7,8,9,0",
        COUNT_ACTION,
        "Count",
        show=False,
        tooltip="A count before a motion: 5j five paragraphs down, 2ctrl+d, 12G",
        id="article.count",
    ),
]

MAX_DIGITS = 7
"""Digits beyond these are ignored: no document has ten million paragraphs."""


@dataclass(slots=True)
class Pending:
    """The count typed so far (``5`` of ``5j``), or the ``:`` prompt and its number."""

    digits: str = ""
    prompt: bool = False
    """``:`` was typed: the digits are a paragraph number that enter goes to."""

    def __bool__(self) -> bool:
        return bool(self.digits) or self.prompt

    @property
    def text(self) -> str:
        """As the status line shows it: ``5`` or ``:12``."""
        return f":{self.digits}" if self.prompt else self.digits

    def add(self, digit: str) -> bool:
        """Add ``digit``; False when it starts nothing (a count does not start with 0)."""
        if not self.prompt and not self.digits and digit == "0":
            return False
        if len(self.digits) < MAX_DIGITS:
            self.digits += digit
        return True

    def back(self) -> None:
        """Forget the last digit (backspace); the prompt closes when it had none."""
        if self.digits:
            self.digits = self.digits[:-1]
        else:
            self.prompt = False

    def take(self) -> int | None:
        """The number typed (None: none) and nothing pending any more."""
        number = int(self.digits) if self.digits else None
        self.clear()
        return number

    def clear(self) -> None:
        self.digits = ""
        self.prompt = False
