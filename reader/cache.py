"""Files kept in the user cache directory for the next process: built tables, compiled forms.

Written with ``marshal`` (plain data only: it cannot run code), in files named
by what they hold and a digest of their sources, so an edited source is simply
read afresh. A missing, corrupt or unwritable cache is ignored by the callers,
which build what they need.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hashlib import sha256
else:
    try:  # the interpreter's own SHA-256: hashlib loads OpenSSL, a tenth of a short run
        from _sha256 import sha256
    except ImportError:  # pragma: no cover - an interpreter without it
        from hashlib import sha256

_FORMAT = b"reader-lexicon-4"
"""Changed whenever the stored fields change, so old files are not read."""
_KEEP = 4
"""Files kept of each kind: a few versions of the program or of a data file in use
side by side do not rebuild each other's tables on every run."""


def cache_dir() -> Path:
    """Where the built tables are kept (the platform's cache directory for reader).

    On Linux with an absolute ``XDG_CACHE_HOME`` or ``HOME``, the directory
    platformdirs names, found without importing it (a tenth of a short run).
    """
    if sys.platform == "linux" and not hasattr(sys, "getandroidapilevel"):
        xdg, home = os.environ.get("XDG_CACHE_HOME", ""), os.environ.get("HOME", "")
        if os.path.isabs(xdg):
            return Path(xdg, "reader")
        if os.path.isabs(home):
            return Path(os.path.expanduser("~/.cache"), "reader")
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("reader"))


def digest(*sources: str) -> str:
    """The cache key of a table built from ``sources``."""
    h = sha256(_FORMAT)
    for source in sources:
        data = source.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()[:32]


def _path(key: str, kind: str) -> Path:
    return cache_dir() / f"{kind}-{key}.marshal"


def read(key: str, kind: str) -> object:
    """What was stored for ``key`` as ``kind``, or None when absent or unreadable."""
    try:
        return marshal.loads(_path(key, kind).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None


def write(key: str, kind: str, data: Any) -> None:
    """Keep ``data`` for ``key``, and of ``kind`` only the ``_KEEP`` newest files; silently
    skipped on failure (and for data ``marshal`` cannot hold)."""
    path = _path(key, kind)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps(data))
        os.replace(tmp, path)
        others = [(f.stat().st_mtime_ns, f) for f in path.parent.glob(f"{kind}-*.marshal")]
        others.sort(reverse=True)
        for _, old in [o for o in others if o[1] != path][_KEEP - 1 :]:
            old.unlink(missing_ok=True)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
