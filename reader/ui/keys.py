"""How keys read in the help, the footer and hints, as the live keymap has them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen

from reader.untrusted import clean_line

_NAMES = {
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "home": "Home",
    "end": "End",
    "enter": "enter",
    "escape": "esc",
    "question_mark": "?",
    "slash": "/",
    "colon": ":",
    "quotation_mark": '"',
    "right_square_bracket": "]",
    "left_square_bracket": "[",
}


def key_label(key: str) -> str:
    """One key as a reader would write it: ``pagedown`` -> ``PgDn`` (a keymap's, cleaned)."""
    *modifiers, name = clean_line(key).strip().split("+")
    return "+".join([*modifiers, _NAMES.get(name, name)])


def binding_keys(binding: Binding, keymap: Mapping[str, str] | None = None) -> str:
    """Every key of ``binding`` (as remapped by ``keymap``), joined for display."""
    keys = binding.key
    if keymap and binding.id and binding.id in keymap:
        keys = keymap[binding.id]
    labels = [key_label(k) for k in keys.split(",")]
    if sorted(labels) == list("0123456789"):
        return "0-9"  # the ten digits of a count, said once
    return " / ".join(labels)


def find_binding(bindings: Iterable[BindingType], binding_id: str) -> Binding:
    """The binding with ``binding_id`` among ``bindings``."""
    for binding in bindings:
        if isinstance(binding, Binding) and binding.id == binding_id:
            return binding
    raise KeyError(binding_id)


def first_key(binding: Binding, keymap: Mapping[str, str] | None = None) -> str:
    """The first key of ``binding`` as remapped by ``keymap``: the one hints name."""
    keys = binding.key
    if keymap and binding.id and binding.id in keymap:
        keys = keymap[binding.id]
    return keys.split(",")[0].strip()


def key_hint(binding: Binding, keymap: Mapping[str, str] | None = None) -> str:
    """The key to name in a hint ("press a to add one"), as the live keymap has it."""
    return key_label(first_key(binding, keymap))


def pair_hint(one: Binding, other: Binding, keymap: Mapping[str, str] | None = None) -> str:
    """Two keys that go together, ``j/k`` or ``shift+←/→`` (a shared modifier said once)."""
    a, b = key_hint(one, keymap), key_hint(other, keymap)
    mods_a, _, _ = a.rpartition("+")
    mods_b, _, name_b = b.rpartition("+")
    if mods_a and mods_a == mods_b and len(name_b) > 0:
        return f"{a}/{name_b}"
    return f"{a}/{b}"


def focus_binds_key(screen: Screen[Any], binding_id: str) -> bool:
    """Whether the focused widget (or a pane around it) binds a key of ``screen``'s
    ``binding_id`` itself: the notes pane filters on ``/`` as the screen searches on it."""
    keys = {
        key
        for key, bindings in screen._bindings.key_to_bindings.items()
        if any(b.id == binding_id for b in bindings)
    }
    node: DOMNode | None = screen.focused
    while node is not None and node is not screen:
        if keys & node._bindings.key_to_bindings.keys():
            return True
        node = node.parent
    return False
