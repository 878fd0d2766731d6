"""Opening one of the library's screens by name, from any screen of the app."""

from __future__ import annotations

from typing import Any


def has_library(app: Any) -> bool:
    return bool(getattr(app, "library", None))


def open_corpus(app: Any, which: str) -> None:
    """Show the library's ``which`` screen (``speakers``, ``sectors``, ``search``, ``notes``).

    One of the library's screens on top is replaced rather than covered, so
    going from one to another and back never piles them up.
    """
    from reader.ui.screens.corpus import CorpusScreen
    from reader.ui.screens.library_notes import NotesScreen
    from reader.ui.screens.library_search import SearchScreen
    from reader.ui.screens.sectors import SectorsScreen
    from reader.ui.screens.speakers import SpeakersScreen

    if not has_library(app):
        app.notify("Open a folder of articles to see its speakers, sectors and notes")
        return
    screens: dict[str, type[CorpusScreen]] = {
        "speakers": SpeakersScreen,
        "sectors": SectorsScreen,
        "search": SearchScreen,
        "notes": NotesScreen,
    }
    current = app.screen
    if isinstance(current, CorpusScreen) and which == current.KIND:
        return
    screen = screens[which]()
    if isinstance(current, CorpusScreen):
        app.switch_screen(screen)
    else:
        app.push_screen(screen)
