"""The reading screen's background work: reading a previewed file whole, analysing.

Each job runs in a daemon thread owned by the screen (``background.start_job``)
and ends in one of these messages to it; a screen that has gone gets none.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.message import Message

from reader.document import Document, DocumentError, load_document
from reader.reading import Reading, analyse


class WholeLoaded(Message):
    """The whole file of a previewed document is read: ``doc`` replaces the preview."""

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self.doc = doc


class LoadFailed(Message):
    """The whole file of a previewed document could not be read."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class Reloaded(Message):
    """The open document's file changed on disk and was read again: ``doc`` is its text now."""

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self.doc = doc


class ReloadFailed(Message):
    """The open document's file changed on disk and cannot be read (gone, empty, binary)."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class AnalysisReady(Message):
    """The analysis finished in the background: ``reading`` has its layers laid."""

    def __init__(self, reading: Reading, error: str) -> None:
        super().__init__()
        self.reading = reading
        self.error = error


def read_whole(path: Path) -> Message:
    """Work: read the file at ``path`` whole."""
    try:
        return WholeLoaded(load_document(path))
    except DocumentError as exc:
        return LoadFailed(str(exc))


def reread(path: Path) -> Message:
    """Work: read the open document's file again after it changed."""
    try:
        return Reloaded(load_document(path))
    except DocumentError as exc:
        return ReloadFailed(str(exc))


def analysis_of(doc: Document, gone: Callable[[], bool]) -> Message | None:
    """Work: analyse ``doc`` and lay its highlights out (unless its screen is ``gone``)."""
    analysis, error = analyse(doc)
    if gone():
        return None  # nothing to lay highlights out for
    return AnalysisReady(Reading(doc, analysis), error)
