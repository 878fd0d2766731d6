"""Notice that a file was changed by another process: a cheap ``stat`` compared on a timer.

No watcher thread and nothing imported at start-up: each check is one ``os.stat``,
and a file rewritten in place, replaced (a new inode, as the notes store does),
appended to, deleted or created again reads as changed.
"""

from __future__ import annotations

import os
from pathlib import Path

WATCH_INTERVAL = 0.5
"""Seconds between two looks at the watched files."""

Stamp = tuple[int, int, int, int] | None
"""A file's device, inode, size and modification time (ns); None when it is not there."""


def stamp(path: Path) -> Stamp:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class FileWatch:
    """One file, and whether it changed since it was last looked at."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.last = stamp(path)

    def changed(self) -> bool:
        """Whether the file changed since the last call (or since it was watched)."""
        now = stamp(self.path)
        if now == self.last:
            return False
        self.last = now
        return True

    def seen(self) -> None:
        """The file as it is now is known (the reader itself just read or wrote it)."""
        self.last = stamp(self.path)
