"""The keys that open the library's screens (speakers, sectors, search, notes).

Actions of the app (``ReaderApp.action_corpus``), bound on the library screen,
the reading screen and the library's screens themselves: each is one key away
from anywhere in a library, and in the command palette by the names below.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

CORPUS_BINDINGS: list[BindingType] = [
    Binding(
        "P",
        "app.corpus('speakers')",
        "Speakers",
        show=False,
        tooltip="Speakers of the library: every person and organisation quoted, their quotes",
        id="corpus.speakers",
    ),
    Binding(
        "X",
        "app.corpus('sectors')",
        "Sectors",
        show=False,
        tooltip="Sectors of the library: their share and mentions by month, as charts",
        id="corpus.sectors",
    ),
    Binding(
        "F",
        "app.corpus('search')",
        "Find in library",
        show=False,
        tooltip="Search the whole library: texts, quotes and notes",
        id="corpus.search",
    ),
    Binding(
        "M",
        "app.corpus('notes')",
        "All notes",
        show=False,
        tooltip="Every note of the library, by document, tag or date",
        id="corpus.notes",
    ),
]
