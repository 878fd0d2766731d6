"""The reading screen: speakers & sectors · the article · notes, with a status line."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from heapq import merge
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from reader.analysis import analyze
from reader.analysis.model import Analysis
from reader.document import Document, DocumentError, load_document
from reader.identity import DocumentId
from reader.notes.anchoring import anchor, describe
from reader.notes.model import Note
from reader.notes.store import NoteStore, StoreError
from reader.spans import Span, SpanArray
from reader.ui.background import JobFailed, owner_gone, start_job
from reader.ui.marks import Layer, Mark, MarkIndex, analysis_marks, format_marks
from reader.ui.preview import PreviewDocument
from reader.ui.screens.help import HelpScreen, Section
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.note_editor import NoteDraft, NoteEditor, TargetPicker
from reader.ui.search import find_all, next_index
from reader.ui.speaking import Speaking
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.legend import Legend
from reader.ui.widgets.notes_pane import NoteList, NotesPane, PlacedNote
from reader.ui.widgets.title_bar import TitleBar

LIVE_SEARCH_CHARS = 2_000_000
"""Up to this size the article is searched as the query is typed; above, on enter."""

BACKGROUND_ANALYSIS_CHARS = 20_000
"""Documents longer than this are analysed in a worker; the text shows at once."""


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


class AnalysisReady(Message):
    """The analysis of ``doc`` finished in the background, with its highlights prepared."""

    def __init__(
        self, doc: Document, analysis: Analysis, prepared: tuple[MarkIndex, Speaking], error: str
    ) -> None:
        super().__init__()
        self.doc = doc
        self.analysis = analysis
        self.prepared = prepared
        self.error = error


class ReaderScreen(Screen[None]):
    """One document, its analysis and its notes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "app.focus_next", "Pane", tooltip="Next pane", id="pane.next"),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, id="pane.previous"),
        Binding(
            "a",
            "add_note",
            "Note",
            tooltip="Add a note: on the selected text, the cursor's paragraph, "
            "or the speaker or sector highlighted in the side pane",
            id="note.add",
        ),
        Binding(
            "A",
            "add_document_note",
            "Note on document",
            show=False,
            tooltip="Add a note on the whole document",
            id="note.add_document",
        ),
        # A priority binding: the keys typed right after it reach the box even when they
        # arrive together (a busy moment, a paste), before the box has taken the focus.
        Binding("slash", "search", "Search", key_display="/", priority=True, id="search.open"),
        Binding("n", "search_step(1)", "Next match", show=False, id="search.next"),
        Binding("N", "search_step(-1)", "Previous match", show=False, id="search.previous"),
        Binding("escape", "clear_search", "Clear search", show=False, id="search.clear"),
        Binding(
            "right_square_bracket",
            "mention(1)",
            "Next mention",
            key_display="]",
            tooltip="Next mention of the speaker or sector highlighted in the side pane",
            id="mention.next",
        ),
        Binding(
            "left_square_bracket",
            "mention(-1)",
            "Previous mention",
            show=False,
            tooltip="Previous mention of the speaker or sector highlighted in the side pane",
            id="mention.previous",
        ),
        Binding("1", "toggle_layer('speaker')", "Speakers on/off", show=False, id="layer.speakers"),
        Binding("2", "toggle_layer('quote')", "Quotes on/off", show=False, id="layer.quotes"),
        Binding("3", "toggle_layer('sector')", "Sectors on/off", show=False, id="layer.sectors"),
        Binding("o", "library", "Library", tooltip="Back to the library", id="library.back"),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
    ]

    def __init__(
        self,
        doc: Document,
        store: NoteStore,
        *,
        analysis: Analysis | None = None,
        pending: Path | None = None,
    ) -> None:
        """``pending``: ``doc`` is a preview; the whole file at this path replaces it."""
        super().__init__()
        self.pending = pending
        self.doc = doc
        self.store = store
        self._given_analysis = analysis
        self.doc_key = store.name_of(doc.path)  # how the notes file names this document
        self.analysis: Analysis | None = None
        self.marks = MarkIndex(doc)
        self.marks.add(format_marks(doc))
        self._speaking = Speaking()
        self._deleted: list[Note] = []
        self.matches = SpanArray()
        self.match_index: int | None = None
        self.query_text = ""
        self._search_on_load = False
        """A search was asked for while the whole file was being read: go to it once read."""
        self._mention_at: int | None = None
        self._all_mentions: SpanArray | None = None
        self._cursor = 0
        self.title = doc.title
        self.sub_title = "   ".join(x for x in (doc.date, Path(doc.path).name) if x)

    def compose(self) -> ComposeResult:
        yield TitleBar(self.doc.title, self.sub_title)
        with Horizontal(id="panes"):
            with Vertical(id="side") as side:
                side.border_title = "Speakers & sectors"
                yield Legend(id="legend")
            article = ArticleView(self.doc, self.marks, id="article")
            article.border_title = "Article"
            yield article
            notes = NotesPane(id="notes")
            notes.border_title = "Notes (0)"
            yield notes
        yield Input(placeholder="search the article — enter: go, esc: clear", id="search")
        with Horizontal(id="bar"):
            yield Footer()
            yield Static(id="status")

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def legend(self) -> Legend:
        return self.query_one(Legend)

    @property
    def notes_pane(self) -> NotesPane:
        return self.query_one(NotesPane)

    def on_mount(self) -> None:
        if not isinstance(self.focused, Input):  # the search may be open already: "/" is first
            self.set_focus(self.article)
        for box in self.query(Input):
            box.cursor_blink = not self.app.is_headless  # stable snapshots
        if self.pending is not None:
            self.legend.show(None)
            self.article.border_subtitle = "loading…"
            # Read the rest once the preview is on screen (the thread shares the GIL).
            self.call_after_refresh(self._load_whole, self.pending)
            return
        self._open()

    def on_job_failed(self, event: JobFailed) -> None:
        self.notify(event.text, severity="error", timeout=10)

    def _open(self) -> None:
        """Analyse, show the notes and go back to where the reader was."""
        if self._given_analysis is not None:
            self.set_analysis(self._given_analysis)
        elif len(self.doc.text) > BACKGROUND_ANALYSIS_CHARS:
            self.legend.show(None)
            self.article.border_subtitle = "analysing…"
            # Started once the text is on screen: the worker shares the GIL with the paint.
            self.call_after_refresh(self._analyse_in_background)
        else:
            analysis, error = self._analyse()
            if error:
                self.notify(error, severity="error", timeout=10)
            self.set_analysis(analysis)
        self.reload_notes()
        offset = self.store.position(self.doc.sha256)
        if offset is not None and 0 <= offset <= len(self.doc.text) and not self._moved:
            self.call_after_refresh(self.article.jump_to, offset)

    def _load_whole(self, path: Path) -> None:
        def work() -> Message:
            try:
                return WholeLoaded(load_document(path))
            except DocumentError as exc:
                return LoadFailed(str(exc))

        start_job(self, work)

    def on_load_failed(self, event: LoadFailed) -> None:
        self.pending = None
        self.article.border_subtitle = "preview only"
        self.notify(f"could not read the whole file: {event.error}", severity="error", timeout=15)

    def on_whole_loaded(self, event: WholeLoaded) -> None:
        """The whole document replaces the preview, at the same place in the text."""
        doc = event.doc
        preview = self.doc
        self.pending = None
        self.doc = doc
        self.doc_key = self.store.name_of(doc.path)
        self.marks = MarkIndex(doc)
        self.marks.add(format_marks(doc))
        where = None
        if isinstance(preview, PreviewDocument):
            where = partial(preview.to_whole, whole=doc)
        self.article.set_document(doc, self.marks, where=where)
        self.article.border_subtitle = ""
        self._open()
        if self.query_text:
            self.run_search(self.query_text, move=self._search_on_load)
        self._search_on_load = False
        self.update_status()

    @property
    def _moved(self) -> bool:
        """Whether the reader has moved since the document opened (a preview counts)."""
        return self.article.cursor != 0 or self.article.scroll_y > 0

    def on_unmount(self) -> None:
        self.save_position()

    def save_position(self) -> None:
        """Remember the cursor's paragraph for the next time this document opens."""
        if self.pending is not None:
            return
        try:
            para = self._cursor
            offset = self.doc.paragraphs[para].start if self.doc.paragraphs else 0
            self.store.set_position(self.doc.sha256, offset)
        except StoreError:
            pass

    # -- analysis -----------------------------------------------------------------

    def _analyse_in_background(self) -> None:
        doc = self.doc

        def work() -> Message | None:
            analysis, error = self._analyse(doc)
            if owner_gone(self):
                return None  # the screen has gone: nothing to prepare highlights for
            return AnalysisReady(doc, analysis, self._prepare(analysis, doc), error)

        start_job(self, work)

    def on_analysis_ready(self, event: AnalysisReady) -> None:
        if event.doc is not self.doc:
            return  # the analysis of a document this screen no longer shows
        if event.error:
            self.notify(event.error, severity="error", timeout=10)
        self._show_analysis(event.analysis, *event.prepared)

    def _analyse(self, doc: Document | None = None) -> tuple[Analysis, str]:
        """The analysis of the text and what went wrong (a failure shows no highlights)."""
        try:
            return analyze(doc or self.doc), ""
        except Exception as exc:  # the text stays readable whatever the analysis does
            return Analysis(), (
                f"the analysis failed ({type(exc).__name__}: {exc}); showing the text only"
            )

    def set_analysis(self, analysis: Analysis) -> None:
        """Show ``analysis``: the legend, the highlights and who speaks where."""
        self._show_analysis(analysis, *self._prepare(analysis, self.doc))

    def _prepare(self, analysis: Analysis, doc: Document) -> tuple[MarkIndex, Speaking]:
        """Highlights and who speaks in each paragraph (pure: runs in a worker thread too)."""
        marks = MarkIndex(doc)
        marks.add(format_marks(doc))
        marks.add(analysis_marks(analysis))
        return marks, Speaking(doc, analysis)

    def _show_analysis(self, analysis: Analysis, marks: MarkIndex, speaking: Speaking) -> None:
        marks.add(self.marks.layer("note"))
        marks.add(self.marks.layer("search"))
        self.marks = marks
        self.article.marks = marks
        self.analysis = analysis
        self._all_mentions = None
        self._speaking = speaking
        self.legend.show(analysis)
        self.article.border_subtitle = ""
        self.article.redraw()
        self.update_status()

    # -- notes ------------------------------------------------------------------------

    def reload_notes(self) -> None:
        """Read this document's notes from the store, anchor them, show and mark them."""
        try:
            notes = self.store.notes_for(DocumentId.of(self.doc))
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        placed = [self._place(note) for note in notes]
        self.marks.clear("note")
        self.marks.add(
            Mark(p.span.start, p.span.end, "note", key=p.note.id)
            for p in placed
            if p.span is not None and len(p.span)
        )
        pane = self.notes_pane
        pane.read_only = self.store.read_only
        pane.show(placed)
        pane.preview(self.article.cursor)
        self.article.redraw()

    def _place(self, note: Note) -> PlacedNote:
        if note.target is None:
            return PlacedNote(note, "anchored", None, None)
        found = anchor(self.doc.text, note.target)
        if found.status == "orphan" or found.start is None or found.end is None:
            return PlacedNote(note, "orphan", None, None)
        span = Span(found.start, found.end)
        return PlacedNote(note, found.status, span, self.doc.paragraph_at(span.start))

    def note_target(self) -> tuple[str, Span, tuple[str, ...]]:
        """What ``a`` annotates, a label for it and tags to suggest.

        The highlighted speaker or sector when the side pane has focus (its
        first mention), else the mouse selection, else the cursor's paragraph.
        """
        legend = self.legend
        key = legend.selected_key if legend.has_focus else None
        if key and self.analysis is not None:
            kind, _, ident = key.partition(":")
            if kind == "speaker" and (speaker := self.analysis.speaker(ident)) and speaker.mentions:
                return f"speaker {speaker.name}", min(speaker.mentions), (ident,)
            sector = next((s for s in self.analysis.sectors if s.id == ident), None)
            if sector is not None and sector.mentions:
                return f"sector {sector.name}", min(sector.mentions), (ident,)
        selected = self.article.selected_span()
        if selected is not None:
            return "the selection", Span(*selected), ()
        para = self.article.cursor
        return f"¶{para + 1}", self.doc.paragraphs[para], ()

    def _new_note(self, draft: NoteDraft) -> str | None:
        target = None
        if draft.span is not None:
            target = describe(self.doc.text, draft.span.start, draft.span.end)
        note = Note(
            document=self.doc_key,
            sha256=self.doc.sha256,
            body=draft.body,
            target=target,
            tags=draft.tags,
        )
        return self._write(lambda: self.store.add(note))

    def _write(self, operation: Callable[[], object]) -> str | None:
        """Run a store write; the error to show when it fails, else None."""
        try:
            operation()
        except StoreError as exc:
            return str(exc)
        return None

    def _after_save(self, saved: bool | None) -> None:
        if saved:
            self.clear_selection()  # the selected words now carry the note
            self.reload_notes()
            self.notify("Note saved", timeout=2)

    def _still_loading(self) -> bool:
        if self.pending is not None:
            self.notify("Still reading the whole file: notes can be added in a moment", timeout=3)
        return self.pending is not None

    def action_add_note(self) -> None:
        if self._still_loading():
            return
        label, span, tags = self.note_target()
        editor = NoteEditor(
            f"New note on {label}", self._new_note, text=self.doc.text, span=span, tags=tags
        )
        self.app.push_screen(editor, self._after_save)

    def action_add_document_note(self) -> None:
        if self._still_loading():
            return
        editor = NoteEditor("New note on the whole document", self._new_note)
        self.app.push_screen(editor, self._after_save)

    def on_notes_pane_action(self, event: NotesPane.Action) -> None:
        placed = event.placed
        if event.action == "edit" and placed is not None:
            self._edit(placed)
        elif event.action == "delete" and placed is not None:
            error = self._write(lambda: self._deleted.append(self.store.remove(placed.note.id)))
            self._report(error, "Note deleted — u brings it back")
        elif event.action == "undo":
            if not self._deleted:
                self.notify("Nothing to undo", timeout=2)
                return
            note = self._deleted[-1]
            error = self._write(lambda: self.store.add(note))
            if error is None:
                self._deleted.pop()
            self._report(error, "Note restored")
            self.notes_pane.select(note.id)
        elif event.action == "reattach" and placed is not None:
            _label, span, _tags = self.note_target()
            note = placed.note.edited(
                document=self.doc_key,
                sha256=self.doc.sha256,
                target=describe(self.doc.text, span.start, span.end),
            )
            error = self._write(lambda: self.store.update(note))
            self._report(error, f"Note re-attached to ¶{self.doc.paragraph_at(span.start) + 1}")

    def _report(self, error: str | None, success: str) -> None:
        if error:
            self.notify(error, severity="error", timeout=8)
        else:
            self.notify(success, timeout=3)
        self.reload_notes()

    def _edit(self, placed: PlacedNote) -> None:
        note = placed.note

        def save(draft: NoteDraft) -> str | None:
            edited = note.edited(body=draft.body, tags=draft.tags)
            return self._write(lambda: self.store.update(edited))

        span = placed.span
        heading = "Edit note" + (
            f" on ¶{placed.paragraph + 1}" if placed.paragraph is not None else ""
        )
        text = self.doc.text
        if span is None and note.target is not None:
            text, span = note.target.exact, Span(0, len(note.target.exact))
        editor = NoteEditor(
            heading, save, text=text, span=span, body=note.body, tags=note.tags, narrow=False
        )
        self.app.push_screen(editor, self._after_save)

    # -- messages from the panes ---------------------------------------------------------

    def on_legend_jump(self, event: Legend.Jump) -> None:
        self.article.jump_to(event.span.start)
        self.article.focus()

    def on_notes_pane_chosen(self, event: NotesPane.Chosen) -> None:
        if event.placed.span is not None:
            self.article.jump_to(event.placed.span.start)
            self.article.focus()

    def on_article_view_cursor_moved(self, event: ArticleView.CursorMoved) -> None:
        self._cursor = event.paragraph
        self.update_status()
        self.notes_pane.preview(event.paragraph)

    def update_status(self) -> None:
        """``¶n/N`` and who is speaking in the cursor's paragraph."""
        para = self.article.cursor
        status = Text(f"¶{para + 1}/{len(self.doc.paragraphs)}", no_wrap=True, end="")
        if self.pending is not None:  # a preview: the whole file's paragraphs are not counted yet
            head = isinstance(self.doc, PreviewDocument) and (
                self.doc.paragraphs[para].start < self.doc.head_end
            )
            status = Text(f"¶{para + 1}/…" if head else "¶…", no_wrap=True, end="")
        who = self._speaking(para)
        if who:
            status.append(" · ")
            status.append(", ".join(f"{name} ({kind})" for name, kind in who))
        if self.query_text and self.pending is not None:
            status.append(" · searching once the file is read “")
            status.append(self.query_text[:24])
            status.append("”")
        elif self.query_text:
            status.append(" · ")
            where = f"{self.match_index + 1}/" if self.match_index is not None else ""
            status.append(f"{where}{len(self.matches)} matches “")
            status.append(self.query_text[:24])
            status.append("”")
        hidden = self.article.hidden_layers
        if hidden:
            status.append(" · hidden: " + ", ".join(sorted(hidden)), "dim")
        self.query_one("#status", Static).update(status)

    # -- search, mentions, layers -----------------------------------------------------------

    def _pane_takes_key(self, binding_id: str) -> bool:
        """Whether the focused pane binds the keys of this screen's ``binding_id`` itself.

        The notes pane filters on ``/`` as the screen searches on it: there the
        pane's binding wins, in the footer too.
        """
        keys = {
            key
            for key, bindings in self._bindings.key_to_bindings.items()
            if any(b.id == binding_id for b in bindings)
        }
        node = self.focused
        while node is not None and node is not self:
            if keys & node._bindings.key_to_bindings.keys():
                return True
            node = node.parent
        return False

    def action_search(self) -> None:
        if isinstance(self.focused, Input):
            raise SkipAction()  # typed into a box, "/" is text
        box = self.query_one("#search", Input)
        self.add_class("-searching")
        box.value = self.query_text
        self.set_focus(box)  # at once: the keys typed next go to the box, however fast

    def on_input_changed(self, event: Input.Changed) -> None:
        live = len(self.doc.text) <= LIVE_SEARCH_CHARS and self.pending is None
        if event.input.id == "search" and live:
            self.run_search(event.value, move=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search":
            return
        self.remove_class("-searching")
        self.set_focus(self.article)
        self.run_search(event.value, move=True)

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape" and self.has_class("-searching"):
            event.stop()
            self.remove_class("-searching")
            self.set_focus(self.article)
            self.action_clear_search()

    def run_search(self, query: str, *, move: bool) -> None:
        """Highlight every match of ``query``; with ``move``, go to the first after the cursor.

        While a preview shows, the search waits for the whole file (it is read in a moment).
        """
        self.query_text = query
        if self.pending is not None:
            self._search_on_load = move and bool(query)
            self.update_status()
            return
        self.matches = find_all(self.doc.text, query)
        self.match_index = None
        self.article.show_current(None)
        self.marks.clear("search")
        self.marks.add(Mark(m.start, m.end, "search") for m in self.matches)
        self.article.redraw()
        if move and self.matches:
            start = self.doc.paragraphs[self.article.cursor].start - 1
            index = next_index(self.matches, start, 1)
            self._go_to_match(0 if index is None else index)
        elif query and not self.matches:
            self.notify(f"No match for “{query}”", severity="warning", timeout=3)
        self.update_status()

    def _go_to_match(self, index: int) -> None:
        self.match_index = index
        self.article.show_current(self.matches[index])
        self.article.jump_to(self.matches[index].start)
        self.update_status()

    def action_search_step(self, direction: int) -> None:
        if not self.matches:
            return
        if self.match_index is None:
            offset = self.doc.paragraphs[self.article.cursor].start - 1
            index = next_index(self.matches, offset, direction)
        else:
            index = (self.match_index + direction) % len(self.matches)
        if index is None:
            index = 0 if direction > 0 else len(self.matches) - 1
        self._go_to_match(index)

    def action_clear_search(self) -> None:
        if not self.query_text and not self.matches:
            return
        self.query_text = ""
        self.matches = SpanArray()
        self.match_index = None
        self.article.show_current(None)
        self.marks.clear("search")
        self.article.redraw()
        self.update_status()

    def mention_spans(self) -> SpanArray:
        """Mentions of the speaker or sector highlighted in the side pane (else every one)."""
        analysis = self.analysis
        if analysis is None:
            return SpanArray()
        key = self.legend.selected_key or ""
        kind, _, ident = key.partition(":")
        if kind == "speaker" and (speaker := analysis.speaker(ident)):
            return speaker.mentions  # in text order
        sector = next((x for x in analysis.sectors if x.id == ident), None)
        if kind == "sector" and sector is not None:
            return sector.mentions
        if self._all_mentions is None:  # made once: a long text has 100,000s of them
            lists = [s.mentions for s in analysis.speakers] + [x.mentions for x in analysis.sectors]
            every = SpanArray()
            for start, end in merge(*(zip(m.starts, m.ends, strict=True) for m in lists)):
                if not every or (every.starts[-1], every.ends[-1]) != (start, end):
                    every.add(start, end)
            self._all_mentions = every
        return self._all_mentions

    def action_mention(self, direction: int) -> None:
        spans = self.mention_spans()
        if not spans:
            self.notify("No mentions to walk", timeout=2)
            return
        para = self.article.cursor
        here = self._mention_at
        if here is None or self.doc.paragraph_at(here) != para:
            span = self.doc.paragraphs[para]
            here = span.start - 1 if direction > 0 else span.end
        index = next_index(spans, here, direction)
        if index is None:
            self.notify("No more mentions: wrapped around", timeout=2)
            index = 0 if direction > 0 else len(spans) - 1
        self._mention_at = spans[index].start
        self.article.show_current(spans[index])
        self.article.jump_to(spans[index].start)

    def action_toggle_layer(self, layer: Layer) -> None:
        hidden = self.article.hidden_layers
        if layer in hidden:
            hidden.discard(layer)
        else:
            hidden.add(layer)
        self.article.redraw()
        self.update_status()

    # -- library ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "library":
            return bool(getattr(self.app, "library", None))
        if action == "search":  # a priority binding that steps aside for a pane's own
            return not self._pane_takes_key("search.open")
        return True

    def action_library(self) -> None:
        if getattr(self.app, "library", None) and len(self.app.screen_stack) > 1:
            self.save_position()
            self.app.pop_screen()

    # -- command palette ------------------------------------------------------------------

    def palette_commands(self) -> list[tuple[str, Callable[[], object], str]]:
        """What the command palette offers on this screen."""
        commands: list[tuple[str, Callable[[], object], str]] = [
            ("Search the article", self.action_search, "/ then n and N"),
            ("Add a note", self.action_add_note, "on the selection or the cursor's paragraph"),
            ("Add a note on the whole document", self.action_add_document_note, "A"),
            ("Export this document's notes as Markdown", partial(self.export_notes, "md"), ""),
            (
                "Export this document's notes as W3C annotations",
                partial(self.export_notes, "w3c"),
                "",
            ),
            ("Toggle speaker highlighting", partial(self.action_toggle_layer, "speaker"), "1"),
            ("Toggle quote highlighting", partial(self.action_toggle_layer, "quote"), "2"),
            ("Toggle sector highlighting", partial(self.action_toggle_layer, "sector"), "3"),
            ("Keys", self.action_help, "?"),
        ]
        if getattr(self.app, "library", None):
            commands.append(("Open the library", self.action_library, "o"))
        if self.analysis is not None:
            for speaker in self.analysis.speakers:
                if speaker.mentions:
                    jump = partial(self.article.jump_to, min(speaker.mentions).start)
                    commands.append((f"Jump to speaker {speaker.name}", jump, speaker.role or ""))
            for sector in self.analysis.sectors:
                if sector.mentions:
                    jump = partial(self.article.jump_to, min(sector.mentions).start)
                    commands.append((f"Jump to sector {sector.name}", jump, ""))
        return commands

    def export_notes(self, fmt: str) -> None:
        """Write this document's notes beside the working folder and say where."""
        from reader.notes.export import export

        notes = [p.note for p in self.notes_pane.placed]
        suffix = {"md": ".md", "w3c": ".jsonld", "json": ".json"}[fmt]
        path = Path.cwd() / f"{Path(self.doc.path).stem}-notes{suffix}"
        try:
            titles = {n.document: self.doc.title for n in notes}
            path.write_bytes(export(notes, fmt, titles, self.store.folder))
        except OSError as exc:
            self.notify(f"could not write {path}: {exc.strerror}", severity="error")
            return
        self.notify(f"{len(notes)} notes written to {path}", timeout=6)

    # -- help ---------------------------------------------------------------------------------

    def help_sections(self) -> list[Section]:
        editor = list(NoteEditor.BINDINGS)
        return [
            ("Reading (article pane)", [*ArticleView.BINDINGS]),
            ("Everywhere", [b for b in (*self.BINDINGS, *self.app.BINDINGS) if self._offered(b)]),
            ("Speakers & sectors", [*Legend.BINDINGS]),
            ("Notes pane", [*NoteList.BINDINGS, *NotesPane.BINDINGS]),
            ("Note editor", [*editor, *TargetPicker.BINDINGS]),
            *([("Library", LibraryScreen.BINDINGS)] if getattr(self.app, "library", None) else []),
        ]

    def _offered(self, binding: BindingType) -> bool:
        """Whether the help lists ``binding`` here (no library key without a library)."""
        action = binding.action if isinstance(binding, Binding) else ""
        return action != "library" or bool(getattr(self.app, "library", None))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.help_sections(), getattr(self.app, "keymap", {})))
