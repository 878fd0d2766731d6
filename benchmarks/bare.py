"""A bare Textual app showing the first screen of a file's text in a Static.

The floor the reader's first paint is measured against (``benchmarks/open.py``):
the same interpreter, Textual imported and started, the same first screen of
text drawn, and nothing else.

Usage: python benchmarks/bare.py FILE
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Static

FIRST_SCREEN_CHARS = 6000
"""More than a 120x40 screen holds."""


class Bare(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text, markup=False)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        Bare(f.read(FIRST_SCREEN_CHARS)).run()
