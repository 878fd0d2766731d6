"""The Textual application: one document, its analysis and its notes."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.dom import DOMNode
from textual.filter import LineFilter
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from reader.analysis.model import Analysis
from reader.document import Document, DocumentError, load_document
from reader.notes.store import NoteStore
from reader.search import SearchHistory
from reader.ui.commands import ReaderCommands
from reader.ui.contrast import ReadableColours
from reader.ui.keys import first_key
from reader.ui.preview import preview_document
from reader.ui.screens.reader import ReaderScreen
from reader.ui.settings import (
    KEYMAP_FILE,
    LINE_LENGTH,
    load_keymap,
    load_line_length,
    load_theme,
    save_theme,
)
from reader.ui.typeahead import TypeAhead, screen_set_up
from reader.untrusted import clean_line, clean_text

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from reader.ui.keymap import Chain


@cache
def all_bindings() -> dict[str, Binding]:
    """Every binding of the reader, by id (what a keymap file may remap)."""
    from reader.ui.screens.corpus import CorpusScreen
    from reader.ui.screens.help import HelpScreen
    from reader.ui.screens.library import LibraryScreen
    from reader.ui.screens.library_notes import NotesScreen
    from reader.ui.screens.note_editor import NoteEditor, TargetPicker
    from reader.ui.screens.sectors import SectorsScreen
    from reader.ui.widgets.article import ArticleView
    from reader.ui.widgets.legend import Legend
    from reader.ui.widgets.notes_pane import NoteList, NotesPane
    from reader.ui.widgets.search_box import SearchBox

    classes: tuple[type[DOMNode], ...] = (ReaderApp, ReaderScreen, ArticleView, Legend, SearchBox)
    classes += (NoteList, NotesPane, NoteEditor, TargetPicker, HelpScreen, LibraryScreen)
    classes += (CorpusScreen, SectorsScreen, NotesScreen)
    return {b.id: b for cls in classes for b in cls.BINDINGS if isinstance(b, Binding) and b.id}


def binding_ids() -> set[str]:
    """Every binding id of the reader."""
    return set(all_bindings())


@cache
def focus_chains() -> tuple[Chain, ...]:
    """Where the reader's bindings act together: the app, a screen, the focused widget."""
    from textual.widgets import Input, OptionList, TextArea

    from reader.ui.keymap import Chain
    from reader.ui.screens.corpus import CorpusScreen
    from reader.ui.screens.help import HelpScreen
    from reader.ui.screens.library import LibraryScreen
    from reader.ui.screens.library_notes import NotesScreen
    from reader.ui.screens.note_editor import NoteEditor, TargetPicker
    from reader.ui.screens.sectors import SectorsScreen
    from reader.ui.widgets.article import ArticleView
    from reader.ui.widgets.legend import Legend
    from reader.ui.widgets.library_table import LibraryTable
    from reader.ui.widgets.notes_pane import NoteList, NotesPane

    app, reading, editor = ReaderApp, ReaderScreen, NoteEditor
    corpus = (
        Chain("in the library's lists", (app, CorpusScreen, OptionList)),
        Chain("in a library list's filter", (app, CorpusScreen, Input), typing=True),
        Chain("in the sectors' charts", (app, SectorsScreen)),
        Chain("in the sectors' articles", (app, SectorsScreen, OptionList)),
        Chain("in the library's notes", (app, NotesScreen, OptionList)),
    )
    return (
        *corpus,
        Chain("in the article", (app, reading, ArticleView)),
        Chain("in the side pane", (app, reading, Legend)),
        Chain("in the notes pane", (app, reading, NotesPane, NoteList)),
        Chain("in the search box", (app, reading, Input), typing=True),
        Chain("in the notes filter", (app, reading, NotesPane, Input), typing=True),
        Chain("in the note editor", (app, editor, TextArea), typing=True),
        Chain("in the note's tags", (app, editor, Input), typing=True),
        Chain("on the note's quote", (app, editor, TargetPicker)),
        Chain("in the help", (app, HelpScreen)),
        Chain("in the library", (app, LibraryScreen, LibraryTable)),
        Chain("in the library filter", (app, LibraryScreen, Input), typing=True),
    )


READABLE = ReadableColours()
"""One filter for the app: the Strips' filter cache is keyed by it."""

FOOTER_PAIRS = {"article.cursor_down": "article.cursor_up", "help.scroll_down": "help.scroll_up"}
"""Bindings the footer shows with their partner's key: ``j/k Move``."""


class ReaderApp(TypeAhead, App[None]):
    """The terminal reader (keys typed in a burst reach what they open: ``TypeAhead``)."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        *App.COMMANDS,
        ReaderCommands,
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            show=False,
            tooltip="Command palette: every action by name, themes",
            id="app.commands",
        ),
    ]

    def __init__(
        self,
        doc: Document | None,
        store: NoteStore,
        *,
        library: Sequence[Path] = (),
        library_title: str = "",
        library_roots: Sequence[Path] = (),
        analysis: Analysis | None = None,
        keymap: Mapping[str, str] | None = None,
        notice: str | None = None,
        settings_dir: Path | None = None,
        pending: Path | None = None,
    ) -> None:
        """Open ``doc`` with its notes from ``store`` (or, with ``library``, a table of them).

        ``analysis`` given: shown as is. ``notice``: a problem to tell at once.
        ``settings_dir``: where the user's keymap and remembered theme live
        (None: neither is read nor written, as in tests). ``pending``: ``doc``
        is a preview of the long file at this path, which replaces it when read.
        """
        super().__init__()
        self.pending = pending
        self.library = list(library)
        self.library_title = library_title
        self.library_roots = list(library_roots)
        self.notices = [notice] if notice else []
        self.settings_dir = settings_dir
        self.doc = doc
        self.store = store
        self.analysis = analysis
        self.keymap: dict[str, str] = dict(keymap or {})
        self.line_length = LINE_LENGTH
        """The longest line of article text, in cells (0: as wide as the pane)."""
        self.search_history = SearchHistory()
        """The searches asked in this session, every document's (``↑`` in the search box)."""
        if settings_dir is not None:
            self.line_length, problem = load_line_length(settings_dir)
            self.notices.extend([problem] if problem else [])
        if settings_dir is not None and (path := settings_dir / KEYMAP_FILE).exists():
            # Every screen's bindings are needed to check the file: none loads without one.
            from reader.ui.keymap import check_keymap

            from_file, problems = load_keymap(path, binding_ids())
            from_file, clashes = check_keymap(from_file, focus_chains(), str(path))
            self.keymap = {**from_file, **self.keymap}
            self.notices.extend([*problems, *clashes])
        if self.keymap:
            self.set_keymap(self.keymap)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Paste):
            # Untrusted like any text: cleaned before any field (editor, search, filter) shows it.
            event.text = clean_text(event.text)
        await super().on_event(event)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A notification; its text quotes untrusted text (a path, a query), so it is
        cleaned and never read as markup, whatever ``markup`` says."""
        super().notify(
            clean_text(message),
            title=clean_line(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    @asynccontextmanager
    async def run_test(self, *args: Any, **kwargs: Any) -> AsyncIterator[Pilot[None]]:
        """Textual's ``run_test``, with the pilot handed over once the screen is set up (the
        reading screen's side panes mounted), as the user has it a frame after the text."""
        async with super().run_test(*args, **kwargs) as pilot:
            await screen_set_up(pilot)
            yield pilot

    def on_mount(self) -> None:
        for notice in self.notices:
            self.notify(notice, title="reader", severity="warning", timeout=30)
        if self.settings_dir is not None:
            theme = load_theme(self.settings_dir)
            if theme and theme in self.available_themes:
                self.theme = theme
            self.theme_changed_signal.subscribe(self, self._remember_theme)

    def on_ready(self) -> None:
        """The first screen is drawn: what start-up made stays (frozen out of the
        collector's sight) and cyclic collection resumes, if start-up paused it."""
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    def _remember_theme(self, theme: Theme) -> None:
        if self.settings_dir is not None:
            save_theme(self.settings_dir, theme.name)

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then ours: every letter readable on its background."""
        return [*super().get_line_filters(), READABLE]

    def get_default_screen(self) -> Screen[None]:
        if self.library or self.doc is None:
            from reader.ui.screens.library import LibraryScreen

            return LibraryScreen(
                self.library, self.store, self.library_title, self.library_roots or None
            )
        return ReaderScreen(self.doc, self.store, analysis=self.analysis, pending=self.pending)

    def open_document(self, path: Path, *, at: int | None = None) -> None:
        """From the library: open ``path`` on a reading screen above it (the cursor on the
        paragraph of the offset ``at``, when given, rather than where the reader left it)."""
        preview = preview_document(path)
        if preview is not None:
            self.push_screen(ReaderScreen(preview, self.store, pending=path, at=at))
            return
        try:
            doc = load_document(path)
        except DocumentError as exc:
            self.notify(str(exc), severity="error")
            return
        self.push_screen(ReaderScreen(doc, self.store, at=at))

    def action_corpus(self, which: str) -> None:
        """One of the library's screens: ``speakers``, ``sectors``, ``search``, ``notes``."""
        from reader.ui.screens.corpus_open import open_corpus

        open_corpus(self, which)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "corpus":  # the library's screens: only with a library
            return bool(self.library)
        return super().check_action(action, parameters)

    def get_key_display(self, binding: Binding) -> str:
        """A key as the footer shows it; a pair of bindings as ``j/k``, each its first key."""
        partner_id = FOOTER_PAIRS.get(binding.id or "")
        if partner_id is None:
            return super().get_key_display(binding)
        pair = (self._binding(binding.id or "") or binding, self._binding(partner_id))
        shown = (super(ReaderApp, self).get_key_display(self._first(b)) for b in pair)
        return "/".join(shown)

    def _binding(self, binding_id: str) -> Binding:
        """The binding ``binding_id`` as declared: by the nodes of the screen's active
        bindings (the footer shows no other), else by any screen's."""
        for active in self.screen.active_bindings.values():
            for declared in type(active.node).BINDINGS:  # before the keymap applies
                if isinstance(declared, Binding) and declared.id == binding_id:
                    return declared
        return all_bindings()[binding_id]

    def _first(self, binding: Binding) -> Binding:
        """``binding`` on its first key as the live keymap has it."""
        return binding.with_key(first_key(binding, self.keymap), key_display=None)

    def action_help(self) -> None:
        screen = self.screen
        if isinstance(screen, ReaderScreen):
            screen.action_help()
        elif callable(sections_of := getattr(screen, "help_sections", None)):
            from reader.ui.screens.help import HelpScreen

            self.push_screen(HelpScreen(sections_of(), self.keymap))
        else:
            from reader.ui.screens.help import HelpScreen
            from reader.ui.screens.library import LibraryScreen

            sections = [("Library", LibraryScreen.BINDINGS), ("Everywhere", self.BINDINGS)]
            self.push_screen(HelpScreen(sections, self.keymap))
