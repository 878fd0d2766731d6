"""Full-text search of the whole library: texts, quotes and notes (``"a phrase"``,
``prefix*``), results with a snippet, ``enter`` opening the article at the match."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from reader.ui.screens.corpus import CorpusScreen, Place, dated_title
from reader.untrusted import clean_line

if TYPE_CHECKING:
    from reader.library.index import LibraryIndex
    from reader.library.queries import SearchHit

RESULTS = 200
"""The most results listed (best first)."""


class SearchScreen(CorpusScreen):
    """A search box over the library's full-text index; results as it is typed."""

    KIND = "search"
    HEADING = "search the library"
    PLACEHOLDER = 'search the library: words, "a phrase", prefix* · enter: to the results'
    NEEDS_NOTES = True

    problem = ""
    """Why the query finds nothing, when it cannot be searched."""

    AUTO_FOCUS = "#corpus-filter"

    def on_mount(self) -> None:
        super().on_mount()
        self.add_class("-filtering")

    def entries(self, index: LibraryIndex) -> Sequence[tuple[Text, Place | None]]:
        from reader.library.queries import SearchSyntaxError, search

        self.problem = ""
        if not self.query_text.strip():
            return []
        try:
            hits = search(index, self.query_text, limit=RESULTS)
        except SearchSyntaxError as exc:
            self.problem = str(exc)
            return []
        width = max(30, self.size.width - 6)
        return [(self._hit(h, width), (h.document.path, h.start)) for h in hits]

    @staticmethod
    def _hit(hit: SearchHit, width: int) -> Text:
        line = dated_title(hit.document.title, hit.document.date, hit.document.path, width)
        where = {"text": "text", "quote": "quote", "note": "note"}[hit.kind]
        if hit.speaker:
            where += f" of {clean_line(hit.speaker)}"
        line.append(f"\n  {where}: ", "dim")
        snippet = Text(clean_line(hit.snippet), end="")
        for start, end in hit.marks:
            snippet.stylize("bold reverse", start, end)
        line.append_text(snippet)
        line.append("\n")
        return line

    def summary(self, shown: int) -> Text:
        if self.problem:
            return Text(clean_line(self.problem))
        if not self.query_text.strip():
            return Text('type words, "a phrase" or a prefix* to search every article and note')
        return Text(f"{shown} match{'es' * (shown != 1)}, best first · enter: open at the match")

    def action_back(self) -> None:
        self.app.pop_screen()  # the box is the screen: esc leaves it

    def action_filter(self) -> None:
        self.set_focus(self.filter_box)
