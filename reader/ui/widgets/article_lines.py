"""One screen line of the article, drawn: the gutter, the text and its highlights.

The article view decides which lines are on screen; this module turns one
``LineInfo`` of a Reading into a Strip. Text is always data: lines are built
as ``rich.text.Text`` with styles, never parsed as markup.
"""

from __future__ import annotations

from array import array
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget

from reader.analysis.model import Analysis
from reader.layers import LAYERS, Layer, Mark
from reader.reading import Reading
from reader.spans import Span
from reader.ui.layout import Kind, LineInfo, drawn
from reader.ui.palette import sector_colour, speaker_colour

GUTTER = 3
"""Cells left of the text: a note mark, a quote bar, a space."""

NOTE_MARK = "•"
QUOTE_BARS = {"direct": "▌", "indirect": "▎", "embedded": "▌"}
FORMAT_STYLES = {
    "heading": Style(bold=True),
    "strong": Style(bold=True),
    "emphasis": Style(italic=True),
    "code": Style(dim=True),
}


def speaker_colours(analysis: Analysis | None) -> dict[str, str]:
    """Each speaker's colour, by id (the legend's order)."""
    speakers = analysis.speakers if analysis is not None else ()
    return {s.id: speaker_colour(i) for i, s in enumerate(speakers)}


def _foreground(style: Style) -> Style:
    """``style`` without its background, so the cursor's or a note's shows through."""
    return Style(
        color=style.color,
        bold=style.bold,
        italic=style.italic,
        underline=style.underline,
        reverse=style.reverse,
    )


@dataclass(frozen=True, slots=True)
class Look:
    """How the article draws now: its component styles and the speakers' colours."""

    base: Style
    cursor: Style
    note: Style
    note_mark: Style
    search: Style
    current: Style
    title: Style
    muted: Style
    selection: Style
    colours: Mapping[str, str]

    @classmethod
    def of(cls, widget: Widget, colours: Mapping[str, str]) -> Look:
        """The look of the article ``widget`` now (its component classes)."""
        style = widget.get_component_rich_style
        return cls(
            base=widget.rich_style,
            cursor=style("article-view--cursor"),
            note=style("article-view--note"),
            note_mark=style("article-view--note-mark"),
            search=style("article-view--search"),
            current=style("article-view--current", partial=True),
            title=_foreground(style("article-view--title")),
            muted=_foreground(style("article-view--muted")),
            # Its background only: the theme's selection foreground is "transparent",
            # which Rich draws in the background's own colour (invisible text).
            selection=Style(
                bgcolor=widget.screen.get_component_rich_style("screen--selection").bgcolor
            ),
            colours=colours,
        )

    def colour(self, mark: Mark) -> str:
        if mark.layer == "sector":
            return sector_colour(mark.key)
        return self.colours.get(mark.speaker, "")


@dataclass(frozen=True, slots=True)
class Painter:
    """What a line is drawn with: the reading, the look, hidden layers, the current span."""

    reading: Reading
    look: Look
    hidden: Collection[Layer]
    current: Span | None
    console: Console

    def paint(
        self, info: LineInfo, *, is_cursor: bool, width: int, selected: tuple[int, int] | None
    ) -> Strip:
        """The line ``info``, ``width`` cells wide; ``selected``: cells of a mouse selection."""
        look = self.look
        base = look.base + look.cursor if is_cursor else look.base
        line = Text(" " * GUTTER, no_wrap=True, end="")
        if info.kind == Kind.BLANK:
            return Strip([Segment(" " * width, look.base)], width)
        if info.kind == Kind.DATE:
            line.append(self.reading.doc.date or "", look.muted)
        elif info.kind == Kind.POST_HEADER:
            self._post_header(line, info.paragraph)
        else:
            if info.kind == Kind.POST:
                line.append("  ┆ ", look.muted)
            offset = len(line)
            shown, columns = drawn(self.reading.doc.text, info.start, info.end)
            line.append(shown)
            if info.kind == Kind.TITLE:
                line.stylize(look.title, offset)
            self._marks(line, offset, info.start, info.end, columns)
        if selected is not None:
            start, end = selected
            line.stylize(look.selection, start, len(line) if end == -1 else end)
        # Under every span: Rich draws a Text without spans in no colours at all.
        line.stylize_before(base)
        return Strip(list(line.render(self.console))).crop_extend(0, width, base)

    def _post_header(self, line: Text, paragraph: int) -> None:
        doc = self.reading.doc
        post = doc.post_at(paragraph)
        line.append("  ┆ ", self.look.muted)
        if post is None:
            return
        colour = ""
        if "speaker" not in self.hidden:
            colour = next(
                (
                    self.look.colour(m)
                    for m in self.reading.layers.overlapping(post.author.start, post.author.end)
                    if m.layer == "speaker"
                ),
                "",
            )
        line.append(post.author.text(doc.text), Style(bold=True, color=colour or None))
        line.append(f" (@{post.handle})", self.look.muted)
        if post.date:
            line.append(f" · {post.date}", self.look.muted)

    def _marks(
        self, line: Text, offset: int, start: int, end: int, columns: array[int] | None
    ) -> None:
        """Style the marks of ``[start, end)``; ``columns`` maps text offsets to shown ones."""

        def at(position: int) -> int:
            index = max(start, min(position, end)) - start
            return offset + (index if columns is None else columns[index])

        look = self.look
        marks = [
            m for m in self.reading.layers.overlapping(start, end) if m.layer not in self.hidden
        ]
        marks.sort(key=lambda m: LAYERS.index(m.layer))
        # Backgrounds only for notes, so a note keeps a speaker's colour inside it.
        note_style = Style(bgcolor=look.note.bgcolor)
        for mark in marks:
            a, b = at(mark.start), at(mark.end)
            if mark.layer == "quote":
                line.stylize(Style(italic=True), a, b)
                colour = Style(color=look.colour(mark) or None)
                if line.plain[GUTTER + 2 : GUTTER + 3] == "┆":
                    line.stylize(colour, GUTTER + 2, GUTTER + 3)
                else:
                    bar = QUOTE_BARS.get(mark.key, "▌")
                    line.plain = line.plain[:1] + bar + line.plain[2:]
                    line.stylize(colour, 1, 2)
            elif mark.layer == "sector":
                line.stylize(Style(color=look.colour(mark), underline=True), a, b)
            elif mark.layer == "speaker":
                line.stylize(Style(color=look.colour(mark) or None, bold=True), a, b)
            elif mark.layer == "note":
                line.stylize(note_style, a, b)
                line.plain = NOTE_MARK + line.plain[1:]
                line.stylize(Style(color=look.note_mark.color, bold=look.note_mark.bold), 0, 1)
            elif mark.layer == "search":
                line.stylize(look.search, a, b)
            elif mark.layer == "format":
                line.stylize(FORMAT_STYLES.get(mark.key, Style()), a, b)
        current = self.current
        if current is not None and current.start < max(end, start + 1) and start < current.end:
            line.stylize(look.current, at(current.start), at(current.end))
