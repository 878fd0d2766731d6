"""The reading screen keeps up with other processes: the notes file and the article's file.

A mixin of ``ReaderScreen``. Once the first screen is drawn, a timer looks at
both files (``reader.ui.watch``: one ``stat`` each). Notes added, edited or
deleted elsewhere (``reader notes add``, another window) are shown, the
highlighted note staying highlighted. An article changed on disk (a wire feed
appending, an edit) is read again in the background, analysed again, its notes
anchored again, the cursor and the top line kept on the same words; while a
dialog (the note editor) is open over the screen, the article waits for it.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from reader.reading import DocumentNotes, Reading, carry_offset
from reader.ui.background import start_job
from reader.ui.screens.reader_jobs import Reloaded, ReloadFailed, reread
from reader.ui.watch import WATCH_INTERVAL, FileWatch

if TYPE_CHECKING:
    from textual.screen import Screen

    from reader.document import Document
    from reader.notes.store import NoteStore
    from reader.ui.widgets.article import ArticleView

    _Base = Screen[None]
else:
    _Base = object


class LiveFiles(_Base):
    """Changes made to the notes file and the article's file by other processes, shown."""

    if TYPE_CHECKING:
        reading: Reading
        notes: DocumentNotes
        store: NoteStore
        pending: Path | None
        cursor: int

        @property
        def doc(self) -> Document: ...
        @property
        def article(self) -> ArticleView: ...
        def refresh_notes(self) -> None: ...
        def reload_notes(self) -> None: ...
        def run_search(self, query: str, *, move: bool) -> None: ...
        def update_status(self) -> None: ...
        def _analyse_in_background(self) -> None: ...

    _notes_watch: FileWatch | None = None
    _doc_watch: FileWatch | None = None
    _rereading = False
    _reread_error = ""

    def watch_files(self) -> None:
        """Take the notes file and the article's file as they are now (the screen opens)."""
        self._notes_watch = FileWatch(self.store.path)
        self._doc_watch = FileWatch(Path(self.doc.path))

    def start_watching(self) -> None:
        """Look at both files every ``WATCH_INTERVAL`` seconds from now on."""
        self.set_interval(WATCH_INTERVAL, self.look_at_files)

    def look_at_files(self) -> None:
        """Show what changed in either file since the last look."""
        if self._notes_watch is not None and self._notes_watch.changed():
            self.refresh_notes()
        watch = self._doc_watch
        if watch is None or self.pending is not None or self._rereading:
            return
        if self.app.screen is not self:
            return  # a dialog holds offsets into the text shown: it goes first
        if watch.path != Path(self.doc.path):
            watch = self._doc_watch = FileWatch(Path(self.doc.path))
        if watch.changed():
            self._rereading = True
            start_job(self, partial(reread, watch.path))

    def on_reload_failed(self, event: ReloadFailed) -> None:
        self._rereading = False
        if event.error != self._reread_error:  # said once, not at every look
            self._reread_error = event.error
            self.notify(
                f"The article changed on disk and cannot be read again ({event.error}); "
                "showing it as it was",
                severity="warning",
                timeout=8,
            )

    def on_reloaded(self, event: Reloaded) -> None:
        """The article's file changed: show its new text at the same words, then analyse it."""
        self._rereading = False
        self._reread_error = ""
        old, doc = self.doc, event.doc
        if doc.text == old.text or self.pending is not None:
            return
        query = self.reading.search.query
        deleted = self.notes.deleted
        self.reading = Reading(doc)
        self.notes = DocumentNotes(self.store, doc, self.store.name_of(doc.path))
        self.notes.deleted = deleted  # `u` still brings back what was deleted before
        self.article.show(self.reading, where=partial(carry_offset, old, doc))
        self.cursor = self.article.cursor
        self.article.border_subtitle = "analysing…"
        self._analyse_in_background()
        self.reload_notes()
        if query:
            self.run_search(query, move=False)
        self.update_status()
