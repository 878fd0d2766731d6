"""How keys read in the help screen and the footer."""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding

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
    return " / ".join(key_label(k) for k in keys.split(","))
