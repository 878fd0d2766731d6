"""The reading screen's note commands: add, edit, delete and undo, re-attach, export.

A mixin of ``ReaderScreen``: the store work is ``DocumentNotes``'s and where
notes sit is the ``Reading``'s; here are the editor dialogs and what the
reader is told.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.notes.model import Note
from reader.notes.tags import note_tags
from reader.reading import DocumentNotes, NoteTarget, Reading
from reader.spans import Span
from reader.ui.keys import find_binding, key_hint
from reader.ui.widgets.notes_pane import NotesPane

if TYPE_CHECKING:
    from textual.screen import Screen

    from reader.ui.screens.note_editor import NoteDraft, NoteEditor
    from reader.ui.widgets.article import ArticleView
    from reader.ui.widgets.legend import Legend

    _Base = Screen[None]
else:
    _Base = object


def _editor() -> type[NoteEditor]:
    """The note editor's class, loaded with the first note written (TextArea loads slowly)."""
    from reader.ui.screens.note_editor import NoteEditor

    return NoteEditor


class NoteCommands(_Base):
    """Notes of the open document, as the reading screen offers them."""

    if TYPE_CHECKING:
        reading: Reading
        notes: DocumentNotes
        pending: Path | None
        cursor: int
        selected: str | None

        @property
        def here(self) -> int: ...

        @property
        def _keymap(self) -> dict[str, str]: ...

        @property
        def article(self) -> ArticleView: ...
        @property
        def legend(self) -> Legend: ...
        @property
        def notes_pane(self) -> NotesPane: ...

    def reload_notes(self) -> None:
        """Read this document's notes from the store, place them, show and mark them."""
        notes, error = self.notes.load()
        if error:
            self.notify(error, severity="error", timeout=10)
            return
        self._show_notes(notes)

    def refresh_notes(self) -> None:
        """The notes file changed (another process, or this one): show what is new, if
        anything is, the highlighted note staying highlighted."""
        notes, error = self.notes.load()
        if error:
            self.notify(error, severity="error", timeout=10)
            return
        if {n.id: n for n in notes} != {p.note.id: p.note for p in self.reading.notes}:
            self._show_notes(notes)

    def _show_notes(self, notes: list[Note]) -> None:
        placed = self.reading.place_notes(notes)
        pane = self.notes_pane
        pane.read_only = self.notes.read_only_reason
        pane.show(placed)
        pane.preview(self.here)
        self.article.redraw()

    def note_target(self) -> NoteTarget:
        """What ``a`` annotates: the speaker or sector highlighted in the side pane (when it
        has focus), else the mouse selection, else the cursor's paragraph."""
        key = self.selected if self.legend.has_focus else None
        selected = self.article.selected_span()
        selection = Span(*selected) if selected is not None else None
        return self.reading.note_target(key, selection, self.here)

    @property
    def drafts(self) -> dict[str, NoteDraft]:
        """Notes left with ``esc`` before they were saved, by what they are on (``_draft_key``)."""
        try:
            return self._drafts
        except AttributeError:
            self._drafts: dict[str, NoteDraft] = {}
            return self._drafts

    def _keep_draft(self, key: str, unchanged: str, reopen: str) -> Callable[[NoteDraft], None]:
        """What ``esc`` in the editor does: keep its text under ``key`` (a text other than
        ``unchanged``), or forget the draft when nothing new is written."""

        def keep(draft: NoteDraft) -> None:
            if draft.body and draft.body != unchanged:
                self.drafts[key] = draft
                self.notify(f"Draft kept — {reopen} brings it back", timeout=4)
            else:
                self.drafts.pop(key, None)

        return keep

    def _new_note(self, key: str) -> Callable[[NoteDraft], str | None]:
        def save(draft: NoteDraft) -> str | None:
            error = self.notes.add(draft.body, draft.tags, draft.span)
            if error is None:
                self.drafts.pop(key, None)
            return error

        return save

    def _after_save(self, saved: bool | None) -> None:
        if saved:
            self.clear_selection()  # the selected words now carry the note
            self.reload_notes()
            self.notify("Note saved", timeout=2)

    def _open_new_note(self, heading: str, key: str, span: Span | None, **kwargs: Any) -> None:
        """The editor for a new note on ``span``, with the draft left on it if there is one."""
        draft = self.drafts.get(key)
        if draft is not None:
            heading += " (draft)"
            kwargs.update(body=draft.body, tags=draft.tags, chosen=draft.span)
        binding = "note.add" if span is not None else "note.add_document"
        add = key_hint(find_binding(self.BINDINGS, binding), self._keymap)
        reopen = f"{add} on the same text" if span is not None else add
        editor = _editor()(
            heading,
            self._new_note(key),
            text=self.reading.doc.text if span is not None else "",
            span=span,
            on_cancel=self._keep_draft(key, "", reopen),
            **kwargs,
        )
        self.app.push_screen(editor, self._after_save)

    def _still_loading(self) -> bool:
        if self.pending is not None:
            self.notify("Still reading the whole file: notes can be added in a moment", timeout=3)
        return self.pending is not None

    def _cannot_save(self) -> bool:
        """Say why no note can be saved, when the notes file is read-only."""
        reason = self.notes.read_only_reason
        if reason:
            self.notify(f"Cannot save a note: {reason}", severity="warning", timeout=6)
        return bool(reason)

    def action_add_note(self) -> None:
        if self._still_loading() or self._cannot_save():
            return
        target = self.note_target()
        key = f"new:{target.span.start}:{target.span.end}"
        self._open_new_note(f"New note on {target.label}", key, target.span, tags=target.tags)

    def action_add_document_note(self) -> None:
        if self._still_loading() or self._cannot_save():
            return
        self._open_new_note("New note on the whole document", "new:document", None)

    def on_notes_pane_edit_note(self, event: NotesPane.EditNote) -> None:
        placed = event.placed
        note = placed.note

        key = f"edit:{note.id}"

        def save(draft: NoteDraft) -> str | None:
            error = self.notes.edit(note, draft.body, draft.tags)
            if error is None:
                self.drafts.pop(key, None)
            return error

        where = f" on ¶{placed.paragraph + 1}" if placed.paragraph is not None else ""
        text, span = self.reading.doc.text, placed.span
        if span is None and note.target is not None:
            text, span = note.target.exact, Span(0, len(note.target.exact))
        draft = self.drafts.get(key)
        edit = key_hint(find_binding(NotesPane.BINDINGS, "notes.edit"), self._keymap)
        editor = _editor()(
            "Edit note" + where + (" (draft)" if draft else ""),
            save,
            text=text,
            span=span,
            body=draft.body if draft else note.body,
            tags=draft.tags if draft else note.tags,
            narrow=False,
            on_cancel=self._keep_draft(key, note.body.strip(), f"{edit} on the note"),
        )
        self.app.push_screen(editor, self._after_save)

    def on_notes_pane_edit_in_editor(self, event: NotesPane.EditInEditor) -> None:
        """The note's body in the user's editor, the app suspended meanwhile; saved empty,
        nothing changes."""
        from reader.notes.editor_file import EditorError, edit_body, place_label

        placed = event.placed
        note = placed.note
        where = place_label(
            note.document,
            placed.paragraph,
            whole=note.target is None,
            orphan=placed.status == "orphan",
        )
        quote = note.target.exact if note.target is not None else None

        def edit() -> str | None:
            return edit_body(note.body, where=where, quote=quote, tags=note.tags)

        try:
            body = self._suspended(edit)
        except EditorError as exc:
            self.notify(str(exc), severity="error", timeout=8)
            return
        if body is None:
            self.notify("The note was saved empty: nothing changed", timeout=4)
        elif body == note.body:
            self.notify("The note is unchanged", timeout=2)
        else:
            error = self.notes.edit(note, body, note_tags(note.tags, body))
            self._report(error, "Note saved")
            self.notes_pane.select(note.id)

    def _suspended(self, work: Callable[[], str | None]) -> str | None:
        """Run ``work`` (the editor) with the terminal handed over to it."""
        from textual.app import SuspendNotSupported

        from reader.notes.editor_file import EditorError

        if self.app.is_headless:  # no terminal to hand over (tests)
            return work()
        try:
            with self.app.suspend():
                return work()
        except SuspendNotSupported:
            raise EditorError("this terminal cannot be handed over to an editor") from None

    def on_notes_pane_delete_note(self, event: NotesPane.DeleteNote) -> None:
        undo = key_hint(find_binding(NotesPane.BINDINGS, "notes.undo"), self._keymap)
        self._report(self.notes.delete(event.placed.note), f"Note deleted — {undo} brings it back")

    def on_notes_pane_undo_delete(self, event: NotesPane.UndoDelete) -> None:
        note, error = self.notes.undo()
        if note is None:
            self.notify("Nothing to undo", timeout=2)
            return
        self._report(error, "Note restored")
        self.notes_pane.select(note.id)

    def on_notes_pane_reattach_note(self, event: NotesPane.ReattachNote) -> None:
        span = self.note_target().span
        error = self.notes.reattach(event.placed.note, span)
        self._report(error, f"Note re-attached to ¶{self.reading.doc.paragraph_at(span.start) + 1}")

    def _report(self, error: str | None, success: str) -> None:
        if error:
            self.notify(error, severity="error", timeout=8)
        else:
            self.notify(success, timeout=3)
        self.reload_notes()

    def export_notes(self, fmt: str) -> None:
        """Write this document's notes beside the working folder and say where."""
        from reader.notes.export import export

        doc = self.reading.doc
        notes = [p.note for p in self.reading.notes]
        suffix = {"md": ".md", "w3c": ".jsonld", "json": ".json"}[fmt]
        path = Path.cwd() / f"{Path(doc.path).stem}-notes{suffix}"
        try:
            titles = {n.document: doc.title for n in notes}
            path.write_bytes(export(notes, fmt, titles, self.notes.store.folder))
        except OSError as exc:
            self.notify(f"could not write {path}: {exc.strerror}", severity="error")
            return
        self.notify(f"{len(notes)} notes written to {path}", timeout=6)
