"""The reading screen: speakers & sectors · the article · notes, with a status line.

A thin binder over a ``Reading`` (reader/reading.py): its own state is what
the reader is looking at — the cursor's paragraph, the hidden layers and the
speaker or sector highlighted in the side pane — as reactives; the panes tell
it what they want with one message class per intent; loading the whole of a
previewed file and the analysis run in background jobs owned by the screen.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Input, Static

from reader.analysis.model import Analysis
from reader.document import Document
from reader.layers import Layer
from reader.notes.store import NoteStore
from reader.reading import DocumentNotes, Reading, Search
from reader.search import SearchHistory
from reader.spans import Span
from reader.ui.background import JobFailed, owner_gone, start_job
from reader.ui.commands import Command, binding_commands, jump_commands
from reader.ui.keys import find_binding, focus_binds_key, key_hint
from reader.ui.preview import PreviewDocument
from reader.ui.screens.reader_jobs import (
    AnalysisReady,
    LoadFailed,
    WholeLoaded,
    analysis_of,
    read_whole,
)
from reader.ui.screens.reader_keys import READER_BINDINGS
from reader.ui.screens.reader_live import LiveFiles
from reader.ui.screens.reader_notes import NoteCommands
from reader.ui.screens.reader_panes import PaneLayout
from reader.ui.typeahead import screen_ready
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.key_hints import KeyHints
from reader.ui.widgets.legend import Legend
from reader.ui.widgets.notes_pane import NoteList, NotesPane
from reader.ui.widgets.search_box import SearchBox
from reader.ui.widgets.status_line import StatusLine
from reader.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from reader.ui.screens.help import Section

LIVE_SEARCH_CHARS = 2_000_000
"""Up to this size the article is searched as the query is typed; above, on enter."""


class ReaderScreen(NoteCommands, LiveFiles, PaneLayout):
    """One document, its analysis and its notes."""

    BINDINGS: ClassVar[list[BindingType]] = READER_BINDINGS
    AUTO_FOCUS = "#article"
    """Focused as soon as it is composed: not the first focusable pane, then the article
    (each focus change restyles the panes before the first paint)."""

    # The screen draws nothing of its own: its reactives repaint only what watches them.
    cursor: reactive[int] = reactive(0, init=False, repaint=False)
    """The paragraph the reading cursor is on, as the article last told it (for the status
    line and the notes preview); actions read ``here``, which keys move at once."""

    hidden_layers: reactive[frozenset[Layer]] = reactive(frozenset(), init=False, repaint=False)
    """Highlight layers switched off with ``s`` ``"`` ``x``."""

    selected: reactive[str | None] = reactive(None, init=False, repaint=False)
    """``speaker:ID`` or ``sector:ID`` highlighted in the side pane (``]`` walks it)."""

    def __init__(
        self,
        doc: Document,
        store: NoteStore,
        *,
        analysis: Analysis | None = None,
        pending: Path | None = None,
        at: int | None = None,
    ) -> None:
        """``pending``: ``doc`` is a preview; the whole file at this path replaces it.
        ``at``: an offset in the text to open at (a quote, a search hit), not the last place."""
        super().__init__(classes="-panes-pending")
        self.setting_up = True
        """Until the side panes are mounted: keys typed meanwhile wait (``typeahead``)."""
        self.pending = pending
        self.at = at
        self.store = store
        self.reading = Reading(doc)
        self.notes = DocumentNotes(store, doc, store.name_of(doc.path))
        self._given_analysis = analysis
        self._search_on_load = False
        """A search was asked for while the whole file was being read: go to it once read."""
        self._pending_keys = ""
        """The count (or ``:`` number) typed in the article so far, for the status line."""
        self._where = ""
        self.retitle()
        self.watch_files()  # as they are when read: a change from now on is shown

    @property
    def doc(self) -> Document:
        return self.reading.doc

    def compose(self) -> ComposeResult:
        yield TitleBar(self.doc.title, self._where)
        with Horizontal(id="panes"):  # the side panes join it once the text is on screen
            article = ArticleView(self.reading, id="article")
            article.border_title = "Article"
            yield article.data_bind(ReaderScreen.hidden_layers)
        with Horizontal(id="bar"):
            yield KeyHints()
            yield StatusLine(id="status")

    def retitle(self) -> None:
        """The title bar (and the terminal's title) as the document reads now."""
        doc = self.doc
        self.title = doc.title
        self._where = "   ".join(x for x in (doc.date, Path(doc.path).name) if x)
        self.sub_title = self._where
        if self.is_mounted:
            self.query_one(TitleBar).show(doc.title, self._where)

    @property
    def search_history(self) -> SearchHistory:
        """The app's searches: ``↑`` in the box brings back those of every document."""
        history: SearchHistory = self.app.search_history  # type: ignore[attr-defined]
        return history

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def here(self) -> int:
        """The cursor's paragraph now: the article's own (keys typed in a burst move it
        before its CursorMoved messages arrive), or the last it told once it is gone."""
        found = self.query(ArticleView)
        return found.first().cursor if found else self.cursor

    @property
    def legend(self) -> Legend:
        return self.query_one(Legend)

    @property
    def notes_pane(self) -> NotesPane:
        return self.query_one(NotesPane)

    # -- opening ----------------------------------------------------------------------

    def on_mount(self) -> None:
        if not isinstance(self.focused, Input):  # the search may be open already: "/" is first
            self.set_focus(self.article)
        # The text first: the side panes are drawn a frame later, in the room kept for them.
        self.call_after_refresh(self._mount_side_panes)

    async def _mount_side_panes(self) -> None:
        """Mount the side panes, open the document in them, and let the keys typed go."""
        side = Legend(id="side")  # the pane itself: no container to draw around it
        side.border_title = "Speakers & sectors"
        notes = NotesPane(id="notes")
        notes.border_title = "Notes (0)"
        panes = self.query_one("#panes")
        await panes.mount(side, before=self.article)
        await panes.mount(notes)
        self.remove_class("-panes-pending")
        self.setting_up = False
        self._open_in_panes()
        screen_ready(self.app)

    def _open_in_panes(self) -> None:
        add = key_hint(find_binding(self.BINDINGS, "note.add"), self._keymap)
        self.query_one("#notes-empty", Static).update(f"No notes yet — press {add} to add one")
        self.call_after_refresh(self.start_watching)  # other processes' changes, shown
        if self.pending is not None:
            self.legend.show(None)
            self.article.border_subtitle = "loading…"
            # Read the rest once the preview is on screen (the thread shares the GIL).
            self.call_after_refresh(self._load_whole, self.pending)
            return
        self._open()

    @property
    def _keymap(self) -> dict[str, str]:
        return getattr(self.app, "keymap", {})

    def _open(self) -> None:
        """Analyse, show the notes and go back to where the reader was."""
        if self._given_analysis is not None:
            self._show(Reading(self.doc, self._given_analysis))
        else:  # whatever the size: the text first, the highlights when they are ready
            self.legend.show(None)
            self.article.border_subtitle = "analysing…"
            # Started once the text is on screen: the worker shares the GIL with the paint.
            self.call_after_refresh(self._analyse_in_background)
        self.reload_notes()
        offset = self.notes.position() if self.at is None else self.at
        if offset is not None and not self._moved:
            self.call_after_refresh(self.article.jump_to, offset)

    @property
    def _moved(self) -> bool:
        """Whether the reader has moved since the document opened (a preview counts)."""
        return self.cursor != 0 or self.article.scroll_y > 0

    def _load_whole(self, path: Path) -> None:
        start_job(self, partial(read_whole, path))

    def on_load_failed(self, event: LoadFailed) -> None:
        self.pending = None
        self.article.border_subtitle = "preview only"
        self.notify(f"could not read the whole file: {event.error}", severity="error", timeout=15)

    def on_whole_loaded(self, event: WholeLoaded) -> None:
        """The whole document replaces the preview, at the same place in the text."""
        doc, preview = event.doc, self.doc
        query = self.reading.search.query
        self.pending = None
        self.reading = Reading(doc)
        self.notes = DocumentNotes(self.store, doc, self.store.name_of(doc.path))
        where = (
            partial(preview.to_whole, whole=doc) if isinstance(preview, PreviewDocument) else None
        )
        self.article.show(self.reading, where=where)
        self.cursor = self.article.cursor  # now, not when the article's message arrives
        self.article.border_subtitle = ""
        self._open()
        if query:
            self.run_search(query, move=self._search_on_load)
        self._search_on_load = False
        self.update_status()

    def _analyse_in_background(self) -> None:
        start_job(self, partial(analysis_of, self.doc, partial(owner_gone, self)))

    def on_analysis_ready(self, event: AnalysisReady) -> None:
        if event.reading.doc is not self.doc:
            return  # the analysis of a text this screen no longer shows
        if event.error:
            self.notify(event.error, severity="error", timeout=10)
        self._show(event.reading)

    def _show(self, ready: Reading) -> None:
        """Show the analysed ``ready``: it keeps the notes and search of the reading so far."""
        ready.keep(self.reading)
        self.reading = ready
        self.legend.show(ready.analysis)
        self.article.show(ready)
        self.article.border_subtitle = ""
        self.update_status()

    def on_job_failed(self, event: JobFailed) -> None:
        self.notify(event.text, severity="error", timeout=10)

    def on_unmount(self) -> None:
        self.save_position()

    def save_position(self) -> None:
        """Remember the cursor's paragraph for the next time this document opens."""
        if self.pending is None and self.doc.paragraphs:
            self.notes.remember(self.doc.paragraphs[self.here].start)

    # -- where the reader is --------------------------------------------------------------

    def on_article_view_cursor_moved(self, event: ArticleView.CursorMoved) -> None:
        self.cursor = event.paragraph

    def on_article_view_pending_changed(self, event: ArticleView.PendingChanged) -> None:
        self._pending_keys = event.text
        self.update_status()

    def watch_cursor(self, paragraph: int) -> None:
        self.update_status()
        self.notes_pane.preview(paragraph)

    def watch_hidden_layers(self) -> None:
        self.update_status()

    def on_legend_selected(self, event: Legend.Selected) -> None:
        self.selected = event.key

    def on_legend_jump(self, event: Legend.Jump) -> None:
        self.jump_to(event.span.start)
        self.set_focus(self.article)

    def on_notes_pane_chosen(self, event: NotesPane.Chosen) -> None:
        if event.placed.span is not None:
            self.jump_to(event.placed.span.start)
            self.set_focus(self.article)

    def jump_to(self, offset: int) -> None:
        """Move the reading cursor to ``offset``, its line in view (laid out if need be)."""
        self.article.jump_to(offset)

    def update_status(self) -> None:
        """``¶n/N``, who is speaking in the cursor's paragraph, the search, hidden layers."""
        status = self.query_one(StatusLine)
        status.show(
            self.reading,
            self.cursor,
            loading=self.pending is not None,
            hidden=self.hidden_layers,
            typed=self._pending_keys,
        )

    # -- search, mentions, layers -----------------------------------------------------------

    def action_search(self) -> None:
        if isinstance(self.focused, Input):
            raise SkipAction()  # typed into a box, "/" is text
        box = self._search_box()
        self.add_class("-searching")
        box.value = self.reading.search.query
        box.history.reset()
        self.set_focus(box)  # at once: the keys typed next go to the box, however fast

    def _search_box(self) -> SearchBox:
        """The search line, mounted the first time it opens: one widget fewer to draw first."""
        found = self.query("#search")
        if found:
            return found.first(SearchBox)
        box = SearchBox(
            self.search_history,
            placeholder="search the article — //pattern: a regular expression · "
            "↑↓ earlier searches · enter: go · esc: clear",
            id="search",
        )
        box.cursor_blink = not self.app.is_headless  # stable snapshots
        self.mount(box, before=self.query_one("#bar"))
        return box

    def on_input_changed(self, event: Input.Changed) -> None:
        live = len(self.doc.text) <= LIVE_SEARCH_CHARS and self.pending is None
        if event.input.id == "search" and live:
            self.run_search(event.value, move=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search":
            return
        self.remove_class("-searching")
        self.set_focus(self.article)
        self.search_history.add(event.value)
        self.run_search(event.value, move=True)

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape" and self.has_class("-searching"):
            event.stop()
            self.remove_class("-searching")
            self.set_focus(self.article)
            self.action_clear_search()

    def run_search(self, query: str, *, move: bool) -> None:
        """Highlight every match of ``query``; with ``move``, go to the first from the cursor.

        While a preview shows, the search waits for the whole file (read in a moment).
        """
        if self.pending is not None:
            self.reading.search = Search(query)
            self._search_on_load = move and bool(query)
            self.update_status()
            return
        search = self.reading.search_for(query)
        self.article.show_current(None)
        self.article.redraw()
        if move and search.matches:
            first = search.first_from(self.doc.paragraphs[self.here].start)
            if first is not None:
                self._go_to(first)
        elif search.error:
            if move:  # while it is typed the status line says it
                self.notify(f"“{query}” is {search.error}", severity="error", timeout=6)
        elif search.query and not search.matches:
            self.notify(f"No match for “{query}”", severity="warning", timeout=3)
        self.update_status()

    def _go_to(self, span: Span) -> None:
        self.article.show_current(span)
        self.jump_to(span.start)
        self.update_status()

    def action_search_step(self, direction: int) -> None:
        here = self.doc.paragraphs[self.here].start - 1
        found = self.reading.search.step(direction, here)
        if found is None:
            return
        span, wrapped = found
        if wrapped:
            where = "the top" if direction > 0 else "the bottom"
            self.notify(f"Search wrapped: on from {where}", timeout=2)
        self._go_to(span)

    def action_clear_search(self) -> None:
        search = self.reading.search
        if not search.query and not search.matches:
            return
        self.reading.clear_search()
        self.article.show_current(None)
        self.article.redraw()
        self.update_status()

    def action_mention(self, direction: int) -> None:
        found = self.reading.next_mention(self.selected, direction, self.here)
        if found is None:
            self.notify("No mentions to walk", timeout=2)
            return
        span, wrapped = found
        if wrapped:
            named = self.reading.named(self.selected)
            which = "first" if direction > 0 else "last"
            of = f" of {named[1]}" if named else ""
            self.notify(f"Wrapped to the {which} mention{of}", timeout=3)
        self.article.show_current(span)
        self.jump_to(span.start)

    def action_toggle_layer(self, layer: Layer) -> None:
        self.hidden_layers = self.hidden_layers ^ {layer}

    # -- keys that step aside, the library ------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "library":
            return bool(getattr(self.app, "library", None))
        if action == "search":  # a priority binding that steps aside for a pane's own
            return not focus_binds_key(self, "search.open")
        return True

    def action_library(self) -> None:
        if getattr(self.app, "library", None) and len(self.app.screen_stack) > 1:
            self.save_position()
            self.app.pop_screen()

    # -- command palette and help ---------------------------------------------------------

    def palette_commands(self) -> list[Command]:
        """What the command palette offers here: every key, exports, jumps to who and what."""
        offers = [(self, self.BINDINGS), (self.article, ArticleView.BINDINGS)]
        commands = binding_commands([*offers, (self.app, self.app.BINDINGS)], self._keymap)
        for fmt, what in (("md", "Markdown"), ("w3c", "W3C annotations")):
            export = partial(self.export_notes, fmt)
            commands.append((f"Export this document's notes as {what}", export, ""))
        commands.extend(jump_commands(self.reading.analysis, self.jump_to))
        return commands

    def help_sections(self) -> list[Section]:
        from reader.ui.screens.library import LibraryScreen
        from reader.ui.screens.note_editor import NoteEditor, TargetPicker

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
        action = getattr(binding, "action", "")
        of_library = action == "library" or action.startswith("app.corpus")
        return not of_library or bool(getattr(self.app, "library", None))

    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.help_sections(), self._keymap))
