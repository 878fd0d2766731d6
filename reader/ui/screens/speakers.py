"""The library's speakers: everyone quoted, with their documents and quotes; then one
speaker's quotes, newest first, each opening its article at the quote."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from reader.ui.screens.corpus import SHOWN, CorpusScreen, Place, dated_title
from reader.untrusted import clean_line, clean_text

if TYPE_CHECKING:
    from reader.library.index import LibraryIndex
    from reader.library.queries import SpeakerSummary

_COUNTS = 22
"""Cells kept on the right for ``12 docs  345 quotes``."""


class SpeakersScreen(CorpusScreen):
    """Every speaker of the library, most quoted first; ``enter`` lists their quotes."""

    KIND = "speakers"
    HEADING = "speakers of the library"
    PLACEHOLDER = "filter: words of a name or an alias"

    def entries(self, index: LibraryIndex) -> Sequence[tuple[Text, Place | None]]:
        from reader.library.queries import speakers

        self.found = speakers(index, self.query_text, limit=SHOWN)
        width = max(20, self.size.width - 4)
        return [(self._line(s, width), (s.id, None)) for s in self.found]

    @staticmethod
    def _line(s: SpeakerSummary, width: int) -> Text:
        name_width = width - _COUNTS
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        name = Text(clean_line(s.name), "bold", no_wrap=True, overflow="ellipsis", end="")
        if s.aliases:
            name.append("  " + clean_line(", ".join(s.aliases)), "dim not bold")
        name.truncate(name_width, overflow="ellipsis", pad=True)
        line.append_text(name)
        docs = f"{s.documents} doc{'s' * (s.documents != 1)}"
        quotes = f"{s.quotes} quote{'s' * (s.quotes != 1)}"
        line.append(f"{docs:>9}  {quotes:>11}", "dim" if s.kind != "person" else "")
        return line

    def summary(self, shown: int) -> Text:
        most = f"the {SHOWN} most quoted (filter for others)" if shown >= SHOWN else ""
        return Text(most or f"{shown} speaker{'s' * (shown != 1)} · enter: their quotes")

    def go(self, place: Place) -> None:
        """A speaker chosen: their quotes, on a screen above."""
        speaker_id, _ = place
        chosen = next((s for s in self.found if s.id == speaker_id), None)
        if chosen is not None:
            self.app.push_screen(SpeakerQuotesScreen(chosen))


class SpeakerQuotesScreen(CorpusScreen):
    """One speaker's quotes across the library, newest first; ``enter`` opens the article."""

    KIND = "speaker-quotes"
    PLACEHOLDER = "filter: words of the quote or the article's title"

    def __init__(self, speaker: SpeakerSummary) -> None:
        super().__init__()
        self.speaker = speaker
        self.HEADING = f"quotes of {clean_line(speaker.name)}"  # type: ignore[misc]

    def entries(self, index: LibraryIndex) -> Sequence[tuple[Text, Place | None]]:
        from reader.library.queries import speaker_quotes

        words = self.query_text.casefold().split()
        found = []
        for q in speaker_quotes(index, self.speaker.id):
            seen = f"{q.text} {q.document.title}".casefold()
            if all(w in seen for w in words):
                found.append(q)
        self.count = len(found)
        rows: list[tuple[Text, Place | None]] = []
        for q in found:
            width = max(20, self.size.width - 6)
            prompt = dated_title(q.document.title, q.document.date, q.document.path, width)
            prompt.append("\n")
            body = Text(clean_text(q.text).replace("\n", " "), end="")
            body.truncate(width * 3, overflow="ellipsis")
            prompt.append("  ")
            prompt.append_text(body)
            prompt.append(f"\n  — {clean_line(q.speaker)}, {q.kind}\n", "dim")
            rows.append((prompt, (q.document.path, q.start)))
        return rows

    def summary(self, shown: int) -> Text:
        return Text(f"{shown} quote{'s' * (shown != 1)}, newest first · enter: open the article")
