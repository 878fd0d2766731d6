"""The command palette (``ctrl+p``): the reading screen's actions, by name.

Entries for keys are made from the bindings themselves: named as the help
names them, with their keys as the live keymap has them, running the
binding's action where it is bound. A remapped key shows its new key here
as in the footer and the help.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import partial

from textual.actions import parse
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from reader.analysis.model import Analysis
from reader.ui.keys import binding_keys

Command = tuple[str, Callable[[], object], str]
"""A palette entry: its name, what it runs and a help line."""

NOT_OFFERED = frozenset({"app.commands", "article.count"})
"""Bindings the palette leaves out (opening the palette from the palette, a count's digits)."""


def binding_commands(
    offers: Iterable[tuple[DOMNode, Iterable[BindingType]]], keymap: Mapping[str, str]
) -> list[Command]:
    """A palette entry for each binding that ``node`` would run now."""
    commands: list[Command] = []
    for node, bindings in offers:
        app = node.app
        for binding in bindings:
            if not isinstance(binding, Binding) or binding.id in NOT_OFFERED:
                continue
            destination, action, params = parse(binding.action)
            target: DOMNode = app if destination == "app" else node
            if target.check_action(action, params) is False:
                continue
            run = partial(app.run_action, binding.action, node)
            name = binding.tooltip or binding.description
            commands.append((name, run, binding_keys(binding, keymap)))
    return commands


def jump_commands(analysis: Analysis | None, jump: Callable[[int], object]) -> list[Command]:
    """ "Jump to speaker …" and "Jump to sector …", to each one's first mention."""
    commands: list[Command] = []
    if analysis is None:
        return commands
    for speaker in analysis.speakers:
        if speaker.mentions:
            go = partial(jump, min(speaker.mentions).start)
            commands.append((f"Jump to speaker {speaker.name}", go, speaker.role or ""))
    for sector in analysis.sectors:
        if sector.mentions:
            go = partial(jump, min(sector.mentions).start)
            commands.append((f"Jump to sector {sector.name}", go, ""))
    return commands


class ReaderCommands(Provider):
    """Offers what the current screen can do: its keys, exports, jumps."""

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
