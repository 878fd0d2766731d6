"""The command palette (``ctrl+p``): the reading screen's actions, by name."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

Command = tuple[str, Callable[[], object], str]


class ReaderCommands(Provider):
    """Offers what the current screen can do: layers, search, notes, export, jumps."""

    def _commands(self) -> list[Command]:
        screen = self.screen
        provider = getattr(screen, "palette_commands", None)
        return list(provider()) if callable(provider) else []

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(callback), help=help_text)
