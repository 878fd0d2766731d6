"""Regular expressions compiled once: their compiled form kept in the cache directory.

Parsing and compiling the analysis's patterns is the largest part of a short
``reader analyze`` (the reporting-verb and adjunct alternations are long).
``compile`` takes the same arguments as ``re.compile`` and gives the same
pattern object, made from the instruction list ``re`` compiled for it in an
earlier process: plain integers read with ``marshal`` beside the lexicon's
tables, which the regular-expression engine validates before running them.
Stored by interpreter version and keyed by the pattern and its flags, so an
edited pattern is compiled afresh. Where the interpreter does not expose the
compiler as CPython does, or the cache cannot be read, ``re.compile`` is used.
"""

from __future__ import annotations

import atexit
import re
import sys
from typing import Any

from reader import cache

try:  # CPython's compiler, as ``re.compile`` runs it
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another interpreter
    _sre = None

_KIND = "regex"
_KEY = cache.digest(sys.version, str(getattr(_sre, "MAGIC", "")), sys.platform)
_MAX_KEPT = 2000
"""Patterns kept in the file; past this the file starts again with this process's own."""

Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_known: dict[tuple[str, int], Entry] | None = None
_used: dict[tuple[str, int], Entry] = {}
_new: dict[tuple[str, int], Entry] = {}


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the stored compiled form when there is one."""
    if _sre is None:
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    entry = _load().get(key)
    if entry is not None:
        try:
            compiled: re.Pattern[str] = _sre.compile(pattern, *entry)
        except (TypeError, ValueError, RuntimeError, OverflowError):
            pass  # not as this interpreter stores it: compiled afresh
        else:
            _used[key] = entry
            return compiled
    return _compile(pattern, key)


def _compile(pattern: str, key: tuple[str, int]) -> re.Pattern[str]:
    """Compile as ``re._compiler.compile`` does, keeping what ``_sre.compile`` was given."""
    compiled = _compiled_entry(pattern, key[1])
    if compiled is None:  # pragma: no cover - a compiler unlike 3.11's
        return re.compile(pattern, key[1])
    if not _new:
        atexit.register(_store)
    _new[key] = _used[key] = compiled[1]
    return compiled[0]


def _compiled_entry(pattern: str, flags: int) -> tuple[re.Pattern[str], Entry] | None:
    """The pattern compiled, and the arguments ``_sre.compile`` was given; None where the
    compiler is not as CPython 3.11's."""
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        state = parsed.state
        indexgroup: list[str | None] = [None] * state.groups
        for name, index in state.groupdict.items():
            indexgroup[index] = name
        entry: Entry = (
            int(flags | state.flags),
            [int(c) for c in code],  # the opcodes are named int subclasses
            int(state.groups - 1),
            dict(state.groupdict),
            tuple(indexgroup),
        )
        return _sre.compile(pattern, *entry), entry
    except (AttributeError, TypeError):  # pragma: no cover - a compiler unlike 3.11's
        return None


_LONG_KIND = "long-regex"


def kept(name: str) -> re.Pattern[str] | None:
    """The long pattern ``keep`` stored under ``name``, compiled; None if there is none
    (or it does not load as stored)."""
    if _sre is None:
        return None
    data = cache.read(cache.digest(_KEY, name), _LONG_KIND)
    if not (isinstance(data, tuple) and len(data) == 2 and isinstance(data[0], str)):
        return None
    try:
        compiled: re.Pattern[str] = _sre.compile(data[0], *data[1])
    except (TypeError, ValueError, RuntimeError, OverflowError):
        return None
    return compiled


def keep(name: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, its compiled form stored under ``name`` for ``kept``.

    For patterns too long for the file every start of the program reads (a
    phrase table's prefix tree, compiled in a second): each has a file of
    its own, read only by what needs it. ``name`` says what the pattern is
    made from, so that it is found without making the pattern again.
    """
    compiled = _compiled_entry(pattern, flags) if _sre is not None else None
    if compiled is None:
        return re.compile(pattern, flags)
    cache.write(cache.digest(_KEY, name), _LONG_KIND, (pattern, compiled[1]))
    return compiled[0]


def _load() -> dict[tuple[str, int], Entry]:
    global _known
    if _known is None:
        data = cache.read(_KEY, _KIND)
        _known = data if isinstance(data, dict) else {}
    return _known


def _store() -> None:
    """Write the patterns compiled in this process beside the ones already stored."""
    kept: dict[str, Any] = dict(_load()) if len(_load()) < _MAX_KEPT else dict(_used)
    kept.update(_new)
    cache.write(_KEY, _KIND, kept)
