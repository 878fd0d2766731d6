"""What can go wrong with the notes file, each as one clear line."""

from __future__ import annotations


class StoreError(Exception):
    """The notes file cannot be used; the message is one line meant for the user."""


class StoreReadError(StoreError):
    """The notes file cannot be read (missing permission, an I/O error)."""


class StoreCorruptError(StoreError):
    """The notes file does not parse or has the wrong shape; it is never overwritten."""

    def __init__(self, message: str, reason: str = "", backup: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason or message
        self.backup = backup


class StoreWriteError(StoreError):
    """A write failed (full disk, no permission, read-only store); nothing was changed."""


class StoreReadOnlyError(StoreWriteError):
    """The store is read-only (the file system says so, or it was opened so); nothing changed."""


class StoreFolderMissingError(StoreError):
    """The notes file's folder does not exist (and was not to be made)."""
