"""Every note of the library in one list: by document, by tag or by date, filterable;
``enter`` opens the article at the note's words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from reader.ui.screens.corpus import CorpusScreen, Place, dated_title
from reader.untrusted import clean_line

if TYPE_CHECKING:
    from reader.library.index import LibraryIndex
    from reader.library.queries import LibraryNote

ORDERS = ("document", "tag", "date")


class NotesScreen(CorpusScreen):
    """The library's notes under headings (a document, a tag or a day); ``s`` changes them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "order", "By document/tag/date", id="notes.order"),
        *CorpusScreen.BINDINGS,
    ]

    KIND = "notes"
    HEADING = "notes of the library"
    PLACEHOLDER = "filter: words of the notes, their tags or quoted words; #tag for a tag"
    NEEDS_NOTES = True

    def __init__(self) -> None:
        super().__init__()
        self.order = "document"

    def entries(self, index: LibraryIndex) -> Sequence[tuple[Text, Place | None]]:
        from reader.library.queries import notes

        tags = [w[1:] for w in self.query_text.split() if w.startswith("#") and len(w) > 1]
        words = " ".join(w for w in self.query_text.split() if not w.startswith("#"))
        found = notes(index, query=words, order="date" if self.order == "date" else "document")
        found = [n for n in found if all(t in n.tags for t in tags)]
        self.count = len(found)
        width = max(30, self.size.width - 6)
        groups: dict[str, list[LibraryNote]] = {}
        heads: dict[str, Text] = {}
        for n in found:
            for key in self._keys(n):
                if key not in groups:
                    groups[key] = []
                    heads[key] = self._heading(n, key, width)
                groups[key].append(n)
        rows: list[tuple[Text, Place | None]] = []
        keys = sorted(groups) if self.order == "tag" else list(groups)
        for place, key in enumerate(keys):
            rows.append((Text("\n", end="") + heads[key] if place else heads[key], None))
            for n in groups[key]:
                rows.append((self._line(n, width), (n.document.path, n.start)))
        return rows

    def _keys(self, n: LibraryNote) -> list[str]:
        if self.order == "tag":
            return [f"#{t}" for t in n.tags] or ["(no tag)"]
        if self.order == "date":
            return [n.created[:10]]
        return [n.document.path]

    def _heading(self, n: LibraryNote, key: str, width: int) -> Text:
        if self.order == "document":
            return dated_title(n.document.title, n.document.date, n.document.path, width)
        return Text(clean_line(key), "bold", end="")

    def _line(self, n: LibraryNote, width: int) -> Text:
        line = Text("  ", end="")
        if n.exact:
            quoted = Text(f"“{clean_line(n.exact)}”", "italic dim", end="")
            quoted.truncate(width - 2, overflow="ellipsis")
            line.append_text(quoted)
            line.append("\n  ")
        elif n.start is None:
            line.append("on the whole article\n  ", "italic dim")
        line.append(clean_line(n.body))
        extra = [f"#{clean_line(t)}" for t in n.tags]
        extra.append(n.created[:10])
        if self.order != "document":
            extra.append(clean_line(n.document.title))
        tail = Text("\n  " + " · ".join(extra), "dim", end="")
        tail.truncate(width, overflow="ellipsis")
        line.append_text(tail)
        return line

    def summary(self, shown: int) -> Text:
        return Text(
            f"{shown} note{'s' * (shown != 1)} by {self.order} · s: by document/tag/date · "
            "enter: open at the note"
        )

    def action_order(self) -> None:
        self.order = ORDERS[(ORDERS.index(self.order) + 1) % len(ORDERS)]
        self.refill()
