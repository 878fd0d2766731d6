"""The built sector lexicon kept on disk, so a fresh process need not build it again.

Building the lexicon (variants, compounds, traps) is the largest part of a
first analysis. Its result is stored with ``marshal`` (plain data only: it
cannot run code) in the user cache directory, in a file named by a digest
of the lexicon sources, so an edited lexicon is simply built afresh. A
missing, corrupt or unwritable cache is ignored: the lexicon is built.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir

_FORMAT = b"reader-lexicon-2"
"""Changed whenever the stored fields change, so old files are not read."""
_TYPES = (dict, dict, dict, list, frozenset, frozenset, dict, dict)
"""names, phrases, case phrases, warnings, heads, goods, phrases by leading word, rules."""


def cache_dir() -> Path:
    """Where the built lexicon is kept (the platform's cache directory for reader)."""
    return Path(user_cache_dir("reader"))


def digest(*sources: str) -> str:
    """The cache key of the lexicon built from ``sources``."""
    h = hashlib.sha256(_FORMAT)
    for source in sources:
        data = source.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()[:32]


def _path(key: str) -> Path:
    return cache_dir() / f"lexicon-{key}.marshal"


def load(key: str) -> tuple[Any, ...] | None:
    """The stored fields for ``key``, or None when absent or not as stored."""
    try:
        data = marshal.loads(_path(key).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(data, tuple) and len(data) == len(_TYPES)):
        return None
    if not all(isinstance(v, t) for v, t in zip(data, _TYPES, strict=True)):
        return None
    if not all(isinstance(v, frozenset) for v in data[1].values()):
        return None
    return data


def store(key: str, fields: tuple[Any, ...]) -> None:
    """Keep ``fields`` for ``key`` and drop files of other keys; silently skipped on failure."""
    path = _path(key)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps(fields))
        os.replace(tmp, path)
        for old in path.parent.glob("lexicon-*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
