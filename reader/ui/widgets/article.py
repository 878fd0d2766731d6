"""The article: one Line API ScrollView over the whole document.

Lines come from a ``Layout`` (paragraphs wrapped for the current width, cached
per width); highlights come from a ``MarkIndex`` and are applied per line; a
small LRU cache keeps rendered Strips; only the lines on screen are drawn.
Text is always data: lines are built as ``rich.text.Text`` with styles, never
parsed as markup.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable
from typing import ClassVar

from rich.cells import get_character_cell_size
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from reader.document import Document
from reader.spans import Span
from reader.ui.background import owner_gone, start_job
from reader.ui.layout import POST_INDENT, Kind, Layout, drawn
from reader.ui.marks import LAYERS, Layer, MarkIndex

FULL_LAYOUT_CHARS = 200_000
"""Documents up to this size are laid out whole before the first paint."""

WINDOW_PARAGRAPHS = 200
"""Half the paragraphs of the window shown while a longer document is laid out."""

GUTTER = 3
"""Cells left of the text: a note mark, a quote bar, a space."""

NOTE_MARK = "•"
QUOTE_BARS = {"direct": "▌", "indirect": "▎", "embedded": "▌"}
_FORMAT_STYLES = {
    "heading": Style(bold=True),
    "strong": Style(bold=True),
    "emphasis": Style(italic=True),
    "code": Style(dim=True),
}


class ArticleView(ScrollView, can_focus=True):
    """The document's text with speakers, quotes, sectors, notes and a reading cursor."""

    ALLOW_SELECT = True

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--cursor",
        "article-view--note",
        "article-view--note-mark",
        "article-view--search",
        "article-view--current",
        "article-view--title",
        "article-view--muted",
    }

    DEFAULT_CSS = """
    ArticleView {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: scroll;
        & > .article-view--cursor { background: $primary 18%; }
        & > .article-view--note { background: $warning 28%; }
        & > .article-view--note-mark { color: $warning; text-style: bold; }
        & > .article-view--search { background: $accent 60%; color: $text; }
        & > .article-view--current { text-style: reverse bold; }
        & > .article-view--title { text-style: bold; }
        & > .article-view--muted { color: $text-muted; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "j,down",
            "cursor_down",
            "Move",
            key_display="j/k",
            tooltip="Next paragraph",
            id="article.cursor_down",
        ),
        Binding("k,up", "cursor_up", "Previous paragraph", show=False, id="article.cursor_up"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="article.page_down"),
        Binding("b,pageup", "page_up", "Page up", show=False, id="article.page_up"),
        Binding("g,home", "first", "First paragraph", show=False, id="article.first"),
        Binding("G,end", "last", "Last paragraph", show=False, id="article.last"),
    ]

    class CursorMoved(Message):
        """The reading cursor is on a new paragraph."""

        def __init__(self, paragraph: int) -> None:
            super().__init__()
            self.paragraph = paragraph

    def __init__(
        self,
        doc: Document,
        marks: MarkIndex,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.doc = doc
        self.marks = marks
        self.cursor = 0
        self.hidden_layers: set[Layer] = set()
        self.current: Span | None = None
        """The span the reader just jumped to (a search match, a mention): drawn reversed."""
        self._layout: Layout | None = None
        self._full: Layout | None = None
        self._strips: LRUCache[tuple[int, bool], Strip] = LRUCache(1024)

    # -- layout ---------------------------------------------------------------

    @property
    def text_width(self) -> int:
        return max(8, self.scrollable_content_region.width - GUTTER)

    @property
    def layout(self) -> Layout:
        """The lines for the current width.

        A document up to ``FULL_LAYOUT_CHARS`` is laid out at once. A longer one
        shows a window of paragraphs around the cursor at once while the whole
        layout is built in a thread; it replaces the window when ready.
        """
        width = self.text_width
        if self._layout is None or self._layout.width != width:
            layout = self._full if self._full is not None and self._full.width == width else None
            if layout is None and len(self.doc.text) <= FULL_LAYOUT_CHARS:
                layout = self._full = Layout(self.doc, width)
            if layout is None:
                layout = Layout.around(self.doc, width, self.cursor, WINDOW_PARAGRAPHS)
                if layout.complete:  # few, long paragraphs: the window is everything
                    self._full = layout
                else:
                    self._build_full_layout(width)
            self._set_layout(layout)
        assert self._layout is not None
        return self._layout

    def set_document(
        self, doc: Document, marks: MarkIndex, *, where: Callable[[int], int] | None = None
    ) -> None:
        """Show ``doc`` (the whole of a previewed file) at the same place in the text.

        ``where`` carries an offset of the old text over to ``doc`` (None: they agree).
        """
        carry = where or (lambda offset: offset)
        top_offset = None
        if self._layout is not None and len(self._layout):
            top_offset = carry(self._layout[min(int(self.scroll_y), len(self._layout) - 1)].start)
        old = self.doc.paragraphs
        cursor = doc.paragraph_at(carry(old[self.cursor].start)) if len(old) else 0
        self.doc = doc
        self.marks = marks
        self.current = None
        self._layout = None
        self._full = None
        moved = cursor != self.cursor
        self.cursor = cursor
        layout = self.layout
        if top_offset is not None:
            self.scroll_to(y=layout.line_of(top_offset), animate=False, immediate=True)
        self.redraw()
        if moved:
            self.post_message(self.CursorMoved(cursor))

    def _set_layout(self, layout: Layout) -> None:
        self._layout = layout
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(layout))

    def _ensure(self, paragraph: int) -> Layout:
        """The layout, re-windowed first when ``paragraph`` lies outside the window."""
        layout = self.layout
        if not layout.covers(paragraph):
            layout = Layout.around(self.doc, layout.width, paragraph, WINDOW_PARAGRAPHS)
            self._set_layout(layout)
        return layout

    class LayoutReady(Message):
        """The whole layout of a long document, built in the background."""

        def __init__(self, layout: Layout) -> None:
            super().__init__()
            self.layout = layout

    def _build_full_layout(self, width: int) -> None:
        doc = self.doc

        def work() -> Message | None:
            layout = Layout(doc, width, stop=lambda: owner_gone(self))
            return self.LayoutReady(layout) if layout.complete else None

        start_job(self, work)

    def on_article_view_layout_ready(self, event: LayoutReady) -> None:
        event.stop()
        layout = event.layout
        if layout.doc is not self.doc:
            return  # laid out for a document this view no longer shows
        self._full = layout
        current = self._layout
        if current is None or current.width != layout.width or current.complete:
            return
        top = min(int(self.scroll_y), max(0, len(current) - 1))
        top_offset = current[top].start if len(current) else 0
        self._set_layout(layout)
        self.scroll_to(y=layout.line_of(top_offset), animate=False, immediate=True)
        self.refresh()

    def on_resize(self) -> None:
        top_offset = None
        if self._layout is not None and len(self._layout):
            top = min(int(self.scroll_y), len(self._layout) - 1)
            top_offset = self._layout[top].start
        layout = self.layout
        if top_offset is not None:
            self.scroll_to(y=layout.line_of(top_offset), animate=False, immediate=True)
        if self.paragraph_count:
            self.move_cursor(self.cursor)  # keeps the reading cursor on screen
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def redraw(self) -> None:
        """Forget rendered lines (the marks or the hidden layers changed) and repaint."""
        self._strips.clear()
        self.refresh()

    # -- drawing --------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        layout = self.layout
        if index >= len(layout):
            return Strip.blank(width, self.rich_style)
        para = layout[index].paragraph
        is_cursor = para == self.cursor and para >= 0
        selection = self.text_selection
        key = (index, is_cursor)
        strip = self._strips.get(key) if selection is None else None
        if strip is None:
            strip = self._render_index(index, is_cursor, width, selection)
            if selection is None:
                self._strips[key] = strip
        return strip.apply_offsets(scroll_x, index)

    def _render_index(
        self, index: int, is_cursor: bool, width: int, selection: Selection | None
    ) -> Strip:
        info = self.layout[index]
        base = self.rich_style
        if is_cursor:
            base = base + self.get_component_rich_style("article-view--cursor")
        line = Text(" " * GUTTER, no_wrap=True, end="")
        if info.kind == Kind.BLANK:
            return Strip(line.render(self.app.console)).crop_extend(0, width, self.rich_style)
        if info.kind == Kind.DATE:
            line.append(self.doc.date or "", self.get_component_rich_style("article-view--muted"))
        elif info.kind == Kind.POST_HEADER:
            self._post_header(line, info.paragraph)
        else:
            if info.kind == Kind.POST:
                line.append("  ┆ ", self.get_component_rich_style("article-view--muted"))
            offset = len(line)
            shown, columns = drawn(self.doc.text, info.start, info.end)
            line.append(shown)
            if info.kind == Kind.TITLE:
                line.stylize(self.get_component_rich_style("article-view--title"), offset)
            self._apply_marks(line, offset, info.paragraph, info.start, info.end, columns)
        if selection is not None:
            span = selection.get_span(index)
            if span is not None:
                start, end = span
                line.stylize(
                    self.screen.get_component_rich_style("screen--selection"),
                    start,
                    len(line) if end == -1 else end,
                )
        segments = list(Text.assemble(line, style=base).render(self.app.console))
        return Strip(segments).crop_extend(0, width, base)

    def _post_header(self, line: Text, paragraph: int) -> None:
        post = self.doc.post_at(paragraph)
        muted = self.get_component_rich_style("article-view--muted")
        line.append("  ┆ ", muted)
        if post is None:
            return
        author = post.author.text(self.doc.text)
        colour = next(
            (
                m.colour
                for m in self.marks.overlapping(paragraph, post.author.start, post.author.end)
                if m.layer == "speaker" and "speaker" not in self.hidden_layers
            ),
            "",
        )
        line.append(author, Style(bold=True, color=colour or None))
        line.append(f" (@{post.handle})", muted)
        if post.date:
            line.append(f" · {post.date}", muted)

    def _apply_marks(
        self,
        line: Text,
        offset: int,
        para: int,
        start: int,
        end: int,
        columns: array[int] | None,
    ) -> None:
        """Style the marks of ``[start, end)``; ``columns`` maps text offsets to shown ones."""

        def at(position: int) -> int:
            index = max(start, min(position, end)) - start
            return offset + (index if columns is None else columns[index])

        marks = [
            m for m in self.marks.overlapping(para, start, end) if m.layer not in self.hidden_layers
        ]
        marks.sort(key=lambda m: LAYERS.index(m.layer))
        # Backgrounds only for notes, so a note keeps a speaker's colour inside it.
        note_style = Style(bgcolor=self.get_component_rich_style("article-view--note").bgcolor)
        search_style = self.get_component_rich_style("article-view--search")
        for mark in marks:
            a, b = at(mark.start), at(mark.end)
            if mark.layer == "quote":
                line.stylize(Style(italic=True), a, b)
                colour = Style(color=mark.colour or None)
                if line.plain[GUTTER + 2 : GUTTER + 3] == "┆":
                    line.stylize(colour, GUTTER + 2, GUTTER + 3)
                else:
                    bar = QUOTE_BARS.get(mark.key, "▌")
                    line.plain = line.plain[:1] + bar + line.plain[2:]
                    line.stylize(colour, 1, 2)
            elif mark.layer == "sector":
                line.stylize(Style(color=mark.colour, underline=True), a, b)
            elif mark.layer == "speaker":
                line.stylize(Style(color=mark.colour, bold=True), a, b)
            elif mark.layer == "note":
                line.stylize(note_style, a, b)
                line.plain = NOTE_MARK + line.plain[1:]
                mark_style = self.get_component_rich_style("article-view--note-mark")
                line.stylize(Style(color=mark_style.color, bold=mark_style.bold), 0, 1)
            elif mark.layer == "search":
                line.stylize(search_style, a, b)
            elif mark.layer == "format":
                line.stylize(_FORMAT_STYLES.get(mark.key, Style()), a, b)
        current = self.current
        if current is not None and current.start < max(end, start + 1) and start < current.end:
            a, b = at(current.start), at(current.end)
            line.stylize(self.get_component_rich_style("article-view--current", partial=True), a, b)

    # -- offsets and selection --------------------------------------------------

    def offset_at(self, x: int, y: int) -> int:
        """The text offset under cell ``x`` of virtual line ``y``."""
        layout = self.layout
        y = max(0, min(y, len(layout) - 1))
        info = layout[y]
        if info.kind not in (Kind.TEXT, Kind.TITLE, Kind.POST):
            return info.start
        col = x - GUTTER - (POST_INDENT if info.kind == Kind.POST else 0)
        shown, columns = drawn(self.doc.text, info.start, info.end)
        index = cells = 0
        while index < len(shown) and cells < col:
            cells += get_character_cell_size(shown[index])
            index += 1
        if columns is None:
            return info.start + index
        return info.start + bisect_right(columns, index) - 1  # a run shown as one space: its end

    def selected_span(self) -> tuple[int, int] | None:
        """The text offsets of the mouse selection, if any text is selected."""
        selection = self.text_selection
        if selection is None:
            return None
        start = 0 if selection.start is None else self.offset_at(*selection.start)
        end = len(self.doc.text) if selection.end is None else self.offset_at(*selection.end)
        if end <= start:
            return None
        return start, end

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        start = 0 if selection.start is None else self.offset_at(*selection.start)
        end = len(self.doc.text) if selection.end is None else self.offset_at(*selection.end)
        return self.doc.text[start:end], "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self._strips.clear()
        self.refresh()

    # -- the reading cursor -------------------------------------------------------

    @property
    def paragraph_count(self) -> int:
        return len(self.doc.paragraphs)

    def move_cursor(self, paragraph: int, *, line: int | None = None) -> None:
        """Put the cursor on ``paragraph`` and scroll it (or its ``line``) into view."""
        if not self.paragraph_count:
            return
        paragraph = max(0, min(paragraph, self.paragraph_count - 1))
        layout = self._ensure(paragraph)
        top, bottom = layout.first_line[paragraph], layout.last_line(paragraph)
        if line is not None:
            top = bottom = line
        height = max(1, self.scrollable_content_region.height)
        scroll_y = int(self.scroll_y)
        reading_inside = (
            line is None
            and paragraph == self.cursor
            and bottom - top >= height
            and top <= scroll_y + height - 1
            and scroll_y <= bottom
        )
        if reading_inside:
            pass  # a paragraph taller than the view, already on screen: stay where the reader is
        elif top < scroll_y or bottom - top >= height:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif bottom >= scroll_y + height:
            self.scroll_to(y=bottom - height + 1, animate=False, immediate=True)
        if paragraph != self.cursor:
            self.cursor = paragraph
            self.refresh()
            self.post_message(self.CursorMoved(paragraph))

    def show_current(self, span: Span | None) -> None:
        """Mark ``span`` as where the reader just jumped (None: no such place)."""
        if span != self.current:
            self.current = span
            self.redraw()

    def jump_to(self, offset: int) -> None:
        """Move the cursor to the paragraph holding ``offset``, that line in view."""
        paragraph = self.doc.paragraph_at(offset)
        self.move_cursor(paragraph, line=self._ensure(paragraph).line_of(offset))

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor - 1)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(self.paragraph_count - 1)

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        layout = self.layout
        height = max(1, self.scrollable_content_region.height)
        top = int(self.scroll_y)
        target = top + direction * max(1, height - 1)
        at_window_end = target >= len(layout) - height and layout.end_para < self.paragraph_count
        at_window_start = target < 0 and layout.start_para > 0
        if not layout.complete and (at_window_end or at_window_start):
            probe = max(0, min(target, len(layout) - 1))
            offset = layout[probe].start
            layout = Layout.around(
                self.doc, layout.width, layout.paragraph_of(probe), WINDOW_PARAGRAPHS
            )
            self._set_layout(layout)
            top = layout.line_of(self.doc.paragraphs[self.cursor].start)
            target = layout.line_of(offset)
            self.scroll_to(y=top, animate=False, immediate=True)
        target = max(0, min(target, max(0, len(layout) - height)))
        if target == top:
            self.move_cursor(self.paragraph_count - 1 if direction > 0 else 0)
            return
        self.scroll_to(y=target, animate=False, immediate=True)
        para = layout.paragraph_of(target)
        if layout.first_line[para] < target and para + 1 < layout.end_para:
            para += 1
        self.move_cursor(para)
