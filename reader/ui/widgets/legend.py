"""The left pane: who speaks and which sectors come up, with counts and colours."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.analysis.model import Analysis
from reader.spans import Span
from reader.ui.palette import sector_colour, speaker_colour

ROW_WIDTH = 24
"""The width rows are made for before the pane has one of its own."""


def legend_row(dot: str, colour: str, name: str, count: int, width: int, digits: int) -> Text:
    """``● name…  count`` in exactly ``width`` cells: the count right-aligned in a column of
    ``digits`` cells, the name cut with an ellipsis where it would reach it."""
    name_width = max(1, width - 3 - digits)
    shown = name if cell_len(name) <= name_width else set_cell_size(name, name_width - 1) + "…"
    row = Text(no_wrap=True, end="")
    row.append(dot + " ", Style(color=colour))
    row.append(set_cell_size(shown, name_width))
    row.append(" " + str(count).rjust(digits), Style(dim=True))
    return row


class Legend(OptionList):
    """Speakers then sectors; ``enter`` on one asks to jump to its first mention."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="legend.down"),
        Binding("k", "cursor_up", "Up", show=False, id="legend.up"),
        Binding("enter", "select", "Jump to the first mention", show=False, id="legend.jump"),
    ]

    class Selected(Message):
        """The highlighted row changed: ``key`` is ``speaker:ID``, ``sector:ID`` or None."""

        def __init__(self, key: str | None) -> None:
            super().__init__()
            self.key = key

    class Jump(Message):
        """Jump the article to ``span`` (the first mention of ``key``)."""

        def __init__(self, key: str, span: Span) -> None:
            super().__init__()
            self.key = key
            self.span = span

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._first: dict[str, Span] = {}
        self._analysis: Analysis | None = None
        self._width = 0

    @property
    def row_width(self) -> int:
        """The cells a row has: the pane's, once it is laid out."""
        return self.scrollable_content_region.width or ROW_WIDTH

    def _width_for(self, analysis: Analysis) -> int:
        """The cells each row of ``analysis`` will have: the pane's, less a scrollbar's
        where the rows are more than the pane shows (it appears without a resize)."""
        region = self.scrollable_content_region
        if not region.width:
            return ROW_WIDTH
        width = region.width + self.scrollbar_size_vertical  # as with no scrollbar
        lines = 3 + max(1, len(analysis.sectors))  # "Speakers", a blank, "Sectors"
        lines += max(1, sum(2 if s.role else 1 for s in analysis.speakers))
        if lines > region.height + self.scrollbar_size_horizontal:
            width -= self.styles.scrollbar_size_vertical
        return max(1, width)

    def on_resize(self) -> None:
        if self._analysis is not None and self._width_for(self._analysis) != self._width:
            highlighted = self.highlighted
            self.show(self._analysis)  # rows made for the new width
            self.highlighted = highlighted

    def show(self, analysis: Analysis | None) -> None:
        """Fill the list from ``analysis`` (None: the analysis is still running)."""
        self.clear_options()
        self._first.clear()
        self._analysis = analysis
        self._width = width = self.row_width if analysis is None else self._width_for(analysis)
        if analysis is None:
            self.add_option(Option(Text("Analysing…", style="dim italic"), disabled=True))
            return
        counts = [len(s.mentions) for s in analysis.speakers]
        counts += [len(s.mentions) for s in analysis.sectors]
        digits = len(str(max(counts, default=0)))
        self.add_option(Option(Text("Speakers", style="bold"), disabled=True))
        if not analysis.speakers:
            self.add_option(Option(Text("  none found", style="dim italic"), disabled=True))
        for index, speaker in enumerate(analysis.speakers):
            colour, count = speaker_colour(index), len(speaker.mentions)
            row = legend_row("●", colour, speaker.name, count, width, digits)
            if speaker.role:
                role = speaker.role
                if cell_len(role) > width - 2:
                    role = set_cell_size(role, max(1, width - 3)) + "…"
                row.append("\n  ")
                row.append(role, Style(dim=True))
            key = f"speaker:{speaker.id}"
            self.add_option(Option(row, id=key))
            if speaker.mentions:
                self._first[key] = min(speaker.mentions)
        self.add_option(Option(Text(" "), disabled=True))
        self.add_option(Option(Text("Sectors", style="bold"), disabled=True))
        if not analysis.sectors:
            self.add_option(Option(Text("  none found", style="dim italic"), disabled=True))
        for sector in analysis.sectors:
            key = f"sector:{sector.id}"
            count = len(sector.mentions)
            row = legend_row("■", sector_colour(sector.id), sector.name, count, width, digits)
            self.add_option(Option(row, id=key))
            if sector.mentions:
                self._first[key] = min(sector.mentions)
        first = next((i for i, o in enumerate(self.options) if not o.disabled), None)
        self.highlighted = first

    @property
    def selected_key(self) -> str | None:
        """``speaker:ID`` or ``sector:ID`` of the highlighted row."""
        if self.highlighted is None:
            return None
        return self.get_option_at_index(self.highlighted).id

    def watch_highlighted(self, highlighted: int | None) -> None:
        self.post_message(self.Selected(self.selected_key))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()  # told as ``Selected``, None included

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        key = event.option.id
        if key and key in self._first:
            self.post_message(self.Jump(key, self._first[key]))
