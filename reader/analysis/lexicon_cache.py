"""Tables built from the package's data files, kept on disk for the next process.

Building the sector lexicon (variants, compounds, traps) is the largest part
of a first analysis, and parsing the vocabulary's TOML the next. Their
results are stored with ``marshal`` (plain data only: it cannot run code) in
the user cache directory, in files named by what they hold and a digest of
their sources, so an edited data file is simply read afresh. A missing,
corrupt or unwritable cache is ignored: the table is built.
"""

from __future__ import annotations

from typing import Any

from reader.cache import cache_dir, digest, read, write

__all__ = ["cache_dir", "digest", "load", "read", "store", "write"]

_TYPES = (dict, dict, int, int, dict, list, frozenset, frozenset, dict)
"""names, packed phrases (``stored_phrases.pack``), their number and total length, case
phrases, warnings, heads, goods, rules."""


def load(key: str) -> tuple[Any, ...] | None:
    """The stored lexicon fields for ``key``, or None when absent or not as stored."""
    data = read(key, "lexicon")
    if not (isinstance(data, tuple) and len(data) == len(_TYPES)):
        return None
    if not all(isinstance(v, t) for v, t in zip(data, _TYPES, strict=True)):
        return None
    if not set(map(type, data[1].values())) <= {bytes}:  # marshal makes no subclasses
        return None
    return data


def store(key: str, fields: tuple[Any, ...]) -> None:
    """Keep the lexicon ``fields`` for ``key``."""
    write(key, "lexicon", fields)
