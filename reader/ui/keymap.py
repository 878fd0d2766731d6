"""A user's keymap checked against the reader's bindings before it is applied.

A key name that no terminal sends, and a key already bound where the binding
acts (``"note.add" = "j"``: in the article ``j`` is the next paragraph, and the
article's binding would win), are reported, one line each; the rest applies.
Where bindings act together is a :class:`Chain`: the app, a screen and a
focused widget with what holds it, as Textual looks a key up.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import Keys, key_to_character

from reader.untrusted import clean_line

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
_NAMED = frozenset(k.value for k in Keys if "+" not in k.value and not k.value.startswith("<"))
_CHARACTER_NAMES = {"slash": "solidus", "backslash": "reverse_solidus", "at": "commercial_at"}
_CHARACTER_NAMES |= {"minus": "hyphen_minus", "plus": "plus_sign", "underscore": "low_line"}


@dataclass(frozen=True, slots=True)
class Chain:
    """A place where the bindings of ``nodes`` act together (``where``: "in the article");
    ``typing``: a text field has the focus there, so printable keys are typed."""

    where: str
    nodes: tuple[type[DOMNode], ...]
    typing: bool = False


def normalized(key: str) -> str:
    """``key`` as Textual matches it: ``?`` -> ``question_mark``, ``j`` stays ``j``."""
    return next(iter(Binding.make_bindings([Binding(key, "")]))).key


def is_key(key: str) -> bool:
    """Whether a terminal can send ``key``: known modifiers, then a named key or a character."""
    *modifiers, name = key.split("+")
    if not name or any(m not in MODIFIERS for m in modifiers):
        return False
    if len(name) == 1:
        return name.isprintable()
    name = _CHARACTER_NAMES.get(name, name)
    return name in _NAMED or key_to_character(name) is not None


def _bindings(node: type[DOMNode]) -> list[Binding]:
    """Every binding of ``node`` as Textual merges them from its classes, one per key."""
    merged = node._merge_bindings().key_to_bindings
    return [b for bindings in merged.values() for b in bindings]


def check_keymap(
    keymap: Mapping[str, str], chains: Sequence[Chain], source: str
) -> tuple[dict[str, str], list[str]]:
    """The keys of ``keymap`` that can apply, and one line (naming ``source``) per key left out.

    A key is left out when it is no key's name, or when it is new to its binding and
    another binding of a chain the binding is in already has it (its own, or a key
    the keymap gave it earlier in the file); a binding left with no key keeps its own.
    """
    per_chain = [(chain, [b for node in chain.nodes for b in _bindings(node)]) for chain in chains]
    own: dict[str, set[str]] = {}
    for _chain, bindings in per_chain:
        for b in bindings:
            if b.id:
                own.setdefault(b.id, set()).add(b.key)
    order = list(keymap)
    accepted: dict[str, list[str]] = {}
    problems: list[str] = []

    def keys_of(other: Binding) -> set[str]:
        """The keys ``other`` will have, as far as the keymap read so far says."""
        if other.id is None or other.id not in keymap:
            return {other.key}
        if other.id in accepted:
            return {normalized(k) for k in accepted[other.id]}
        # Read later: only its keys that were its own already (new ones are checked then).
        return {normalized(k) for k in keymap[other.id].split(",") if k} & own.get(other.id, set())

    for binding_id in order:
        kept: list[str] = []
        for key in dict.fromkeys(k.strip() for k in keymap[binding_id].split(",")):
            said = f'keymap {source}: "{clean_line(binding_id)}" = "{clean_line(key)}": '
            if not is_key(key):
                problems.append(f'{said}there is no key "{clean_line(key)}", left out')
                continue
            name = normalized(key)
            new = name not in own.get(binding_id, set())
            clash = _clash(binding_id, name, per_chain, keys_of) if new else None
            if clash is not None:
                problems.append(f"{said}{clean_line(key)} {clash}, left out")
                continue
            kept.append(key)
        accepted[binding_id] = kept
    return {i: ",".join(keys) for i, keys in accepted.items() if keys}, problems


def _clash(
    binding_id: str,
    key: str,
    per_chain: Sequence[tuple[Chain, Sequence[Binding]]],
    keys_of: Callable[[Binding], set[str]],
) -> str | None:
    """What already has ``key`` where ``binding_id`` acts, said in a few words; None: nothing."""
    for chain, bindings in per_chain:
        mine = [b for b in bindings if b.id == binding_id]
        if not mine:
            continue
        if chain.typing:
            # A text field has the focus: it takes printable keys before any binding
            # but a priority one, and its own editing keys are meant to win there.
            if mine[0].priority and key_to_character(key) is not None:
                return f"is typed {chain.where}"
            continue
        for other in bindings:
            if other.id != binding_id and key in keys_of(other):
                named = f" ({other.id})" if other.id else ""
                return f'is already "{_what(other)}"{named} {chain.where}'

    return None


def _what(binding: Binding) -> str:
    """What ``binding`` does, in the fewest clear words: its tooltip when short."""
    tooltip = binding.tooltip or ""
    return tooltip if tooltip and len(tooltip) <= 40 else binding.description or binding.action
