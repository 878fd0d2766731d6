"""The library's sectors as charts: each sector's share of the library (bars), its mentions
by month (a time line), and the articles and speakers behind the bar or month chosen."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList, Static

from reader.ui.palette import sector_colour
from reader.ui.screens.corpus import SHOWN, CorpusScreen, Place, dated_title
from reader.ui.widgets.sector_chart import month_columns, share_bars
from reader.untrusted import clean_line

if TYPE_CHECKING:
    from reader.library.index import LibraryIndex
    from reader.library.queries import SectorShare

TIMELINE_ROWS = 6


class SectorBars(Static, can_focus=True):
    """The bars: ``j`` ``k`` choose a sector (the screen's keys)."""


class SectorsScreen(CorpusScreen):
    """Sectors' shares and time lines; ``enter`` lists the articles behind the choice."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "month(-1)", "Month before", show=False, id="sectors.month_before"),
        Binding("right,l", "month(1)", "Month after", show=False, id="sectors.month_after"),
        Binding("tab", "switch", "Charts/articles", id="sectors.switch"),
        *CorpusScreen.BINDINGS,
    ]

    AUTO_FOCUS = "#sector-bars"
    KIND = "sectors"
    HEADING = "sectors of the library"
    PLACEHOLDER = "filter: words of a sector's name"

    def __init__(self) -> None:
        super().__init__()
        self.shares: list[SectorShare] = []
        self.sector = 0
        """The sector chosen (its row among the bars)."""
        self.month: int | None = None
        """The month chosen on the time line (None: every month)."""
        self.months: list[str] = []

    def compose_body(self) -> ComposeResult:
        yield SectorBars(id="sector-bars")
        yield Static(id="sector-timeline")
        yield Static(id="sector-speakers")
        yield OptionList(id="corpus-list")

    @property
    def _in_list(self) -> bool:
        return self.focused is self.options

    # -- what is shown -------------------------------------------------------------------

    def refill(self) -> None:
        if self.index is None:
            return
        from reader.library.queries import sector_shares, sector_timeline

        words = self.query_text.casefold().split()
        self.shares = [
            s for s in sector_shares(self.index) if all(w in s.name.casefold() for w in words)
        ]
        self.sector = max(0, min(self.sector, len(self.shares) - 1))
        self.months = _every_month(sorted({m.month for m in sector_timeline(self.index)}))
        if self.month is not None and self.month >= len(self.months):
            self.month = None
        self._draw_charts()
        super().refill()

    def _draw_charts(self) -> None:
        assert self.index is not None
        from reader.library.queries import sector_speakers, sector_timeline

        width = max(30, self.size.width - 2)
        rows = [(s.name, s.share, s.documents, s.mentions) for s in self.shares]
        colours = [sector_colour(s.id) for s in self.shares]
        bars = share_bars(rows, self.sector, width, colours) if rows else Text("no sectors", "dim")
        self.query_one(SectorBars).update(bars)
        timeline = self.query_one("#sector-timeline", Static)
        speakers = self.query_one("#sector-speakers", Static)
        if not self.shares:
            timeline.update("")
            speakers.update("")
            return
        chosen = self.shares[self.sector]
        by_month = {m.month: m.mentions for m in sector_timeline(self.index, chosen.id)}
        values = [by_month.get(m, 0) for m in self.months]
        head = Text(no_wrap=True, end="")
        head.append(f"{clean_line(chosen.name)} by month", "bold")
        when = self.months[self.month] if self.month is not None else "every month"
        head.append(f" · {when} · ← → choose a month\n", "dim")
        colour = sector_colour(chosen.id)
        chart = month_columns(self.months, values, self.month, TIMELINE_ROWS, width - 6, colour)
        timeline.update(head + chart)
        month = self.months[self.month] if self.month is not None else None
        who = sector_speakers(self.index, chosen.id, month)
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        line.append("Speakers: ", "bold")
        if not who:
            line.append("nobody quoted on it", "dim")
        for i, s in enumerate(who[:12]):
            line.append(" · " if i else "")
            line.append(clean_line(s.name))
            line.append(f" {s.mentions}", "dim")
        speakers.update(line)

    def entries(self, index: LibraryIndex) -> Sequence[tuple[Text, Place | None]]:
        from reader.library.queries import sector_documents

        if not self.shares:
            return []
        chosen = self.shares[self.sector]
        month = self.months[self.month] if self.month is not None else None
        width = max(30, self.size.width - 16)
        rows: list[tuple[Text, Place | None]] = []
        for d in sector_documents(index, chosen.id, month)[:SHOWN]:
            line = dated_title(d.document.title, d.document.date, d.document.path, width)
            line.append(f"  {d.mentions} ×", "dim")
            rows.append((line, (d.document.path, d.first)))
        return rows

    def summary(self, shown: int) -> Text:
        return Text(
            f"{shown} article{'s' * (shown != 1)} behind the choice · j/k sector · "
            "enter: the articles, then open one"
        )

    # -- keys ------------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        if self._in_list:
            super().action_move(step)
        elif self.shares:
            self.sector = max(0, min(self.sector + step, len(self.shares) - 1))
            self.refill()

    def action_edge(self, end: int) -> None:
        if self._in_list:
            super().action_edge(end)
        elif self.shares:
            self.sector = 0 if end == 0 else len(self.shares) - 1
            self.refill()

    def action_month(self, step: int) -> None:
        if not self.months:
            return
        if self.month is None:
            self.month = len(self.months) - 1 if step < 0 else 0
        else:
            self.month += step
            if not 0 <= self.month < len(self.months):
                self.month = None  # past either end: every month again
        self.refill()

    def action_choose(self) -> None:
        if self._in_list:
            super().action_choose()
        elif self.places:
            self.options.focus()

    def action_switch(self) -> None:
        if self._in_list:
            self.query_one(SectorBars).focus()
        else:
            self.options.focus()

    def action_back(self) -> None:
        if self._in_list and not self.query_text:
            self.query_one(SectorBars).focus()
        else:
            super().action_back()

    def on_input_submitted(self, event: object) -> None:
        self.query_one(SectorBars).focus()


def _every_month(months: list[str]) -> list[str]:
    """The months from the first to the last of ``months`` (``YYYY-MM``), none left out."""
    if not months:
        return []
    year, month = (int(x) for x in months[0].split("-"))
    last = months[-1]
    out = []
    while True:
        here = f"{year:04d}-{month:02d}"
        out.append(here)
        if here >= last or len(out) > 1200:
            return out
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
