"""Compile many literal phrases into one fast regex, shaped as a prefix tree.

A flat alternation of a thousand phrases makes the regex engine try each one
at every position; a tree shares prefixes, so each position costs a few
character tests. Within a phrase a space stands for any run of white space,
and the longest phrase wins where several start at the same place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeAlias

_END = ""
# A node of the prefix tree: the next character to its child; _END marks a phrase end.
_Node: TypeAlias = dict[str, "_Node"]


def _insert(tree: _Node, phrase: str) -> None:
    node = tree
    for char in phrase:
        node = node.setdefault(char, {})
    node[_END] = {}


def _atom(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


def _pattern(node: _Node) -> str:
    ends_here = _END in node
    branches = [_atom(c) + _pattern(child) for c, child in sorted(node.items()) if c != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        # Greedy optional: the longer phrase is tried first.
        return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
    return body


def trie_pattern(phrases: Iterable[str]) -> str:
    """A regex source matching any of ``phrases`` (as written, longest first)."""
    tree: _Node = {}
    for phrase in phrases:
        if phrase:
            _insert(tree, phrase)
    return _pattern(tree) if tree else r"(?!x)x"


def compile_words(phrases: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """Match whole words only: each phrase bounded by non-word characters."""
    return re.compile(r"(?<!\w)(?:" + trie_pattern(phrases) + r")(?!\w)", flags)
