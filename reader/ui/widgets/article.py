"""The article: one Line API ScrollView over the whole document.

Lines come from a ``Layout`` (paragraphs wrapped for the current width, cached
per width); they are drawn by ``article_lines.Painter`` from the Reading's
span layers; a small LRU cache keeps rendered Strips; only the lines on screen
are drawn. A long document shows a window of paragraphs at once while its
whole layout is built in the background; a jump beyond the window lays out
a window around its target.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from reader.document import Document
from reader.layers import Layer
from reader.reading import Reading
from reader.spans import Span
from reader.ui.background import owner_gone, start_job
from reader.ui.layout import POST_INDENT, Kind, Layout, margins, offset_at_cell
from reader.ui.widgets.article_lines import GUTTER, Look, Painter, speaker_colours

FULL_LAYOUT_CHARS = 200_000
"""Documents up to this size are laid out whole before the first paint."""

WINDOW_PARAGRAPHS = 200
"""Half the paragraphs of the window shown while a longer document is laid out."""


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
            "j,down", "cursor_down", "Move", tooltip="Next paragraph", id="article.cursor_down"
        ),
        Binding("k,up", "cursor_up", "Previous paragraph", show=False, id="article.cursor_up"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="article.page_down"),
        Binding("b,pageup", "page_up", "Page up", show=False, id="article.page_up"),
        Binding("g,home", "first", "First paragraph", show=False, id="article.first"),
        Binding("G,end", "last", "Last paragraph", show=False, id="article.last"),
    ]

    cursor: reactive[int] = reactive(0, init=False)
    """The paragraph the reading cursor is on."""

    hidden_layers: reactive[frozenset[Layer]] = reactive(frozenset(), init=False)
    """Layers not drawn (the screen's, bound to it)."""

    class CursorMoved(Message):
        """The reading cursor is on a new paragraph."""

        def __init__(self, paragraph: int) -> None:
            super().__init__()
            self.paragraph = paragraph

    class LayoutReady(Message):
        """The whole layout of a long document, built in the background."""

        def __init__(self, layout: Layout) -> None:
            super().__init__()
            self.layout = layout

    def __init__(
        self,
        reading: Reading,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.reading = reading
        self.current: Span | None = None
        """The span the reader just jumped to (a search match, a mention): drawn reversed."""
        self._layout: Layout | None = None
        self._full: Layout | None = None
        self._strips: LRUCache[tuple[int, bool], Strip] = LRUCache(1024)
        self._look: Look | None = None

    @property
    def doc(self) -> Document:
        return self.reading.doc

    def watch_hidden_layers(self) -> None:
        self.redraw()

    # -- layout ---------------------------------------------------------------

    @property
    def text_width(self) -> int:
        width = self.scrollable_content_region.width - GUTTER
        return max(8, min(width, self.line_length or width))

    @property
    def text_layout(self) -> Layout:
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

    def show(self, reading: Reading, *, where: Callable[[int], int] | None = None) -> None:
        """Show ``reading``: the same text with new layers, or a new text (the whole of a
        previewed file) at the same place; ``where`` carries an offset of the old text over."""
        self._look = None  # the speakers and their colours may have changed
        if reading.doc is self.reading.doc:
            self.reading = reading
            self.redraw()
            return
        doc = reading.doc
        carry = where or (lambda offset: offset)
        top_offset = None
        if self._layout is not None and len(self._layout):
            top_offset = carry(self._layout[min(int(self.scroll_y), len(self._layout) - 1)].start)
        old = self.doc.paragraphs
        cursor = doc.paragraph_at(carry(old[self.cursor].start)) if len(old) else 0
        self.reading = reading
        self.current = None
        self._layout = None
        self._full = None
        moved = cursor != self.cursor
        self.cursor = cursor
        layout = self.text_layout
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
        layout = self.text_layout
        if not layout.covers(paragraph):
            layout = Layout.around(self.doc, layout.width, paragraph, WINDOW_PARAGRAPHS)
            self._set_layout(layout)
        return layout

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
        if self._fit_line_length():
            return  # new margins: resized again at once
        top_offset = None
        if self._layout is not None and len(self._layout):
            top = min(int(self.scroll_y), len(self._layout) - 1)
            top_offset = self._layout[top].start
        layout = self.text_layout
        if top_offset is not None:
            self.scroll_to(y=layout.line_of(top_offset), animate=False, immediate=True)
        if self.paragraph_count:
            self.move_cursor(self.cursor)  # keeps the reading cursor on screen
        self.refresh()

    @property
    def line_length(self) -> int:
        """The longest line of text (0: no limit), from the app's settings."""
        return int(getattr(self.app, "line_length", 0))

    def _fit_line_length(self) -> bool:
        """Centre the text column when the app's ``line_length`` is shorter than the view
        (a margin on the left; on the right, the lines end early); whether it moved."""
        left = self.styles.padding.left
        room = self.scrollable_content_region.width + left - GUTTER
        margin = margins(room, self.line_length)[0]
        if margin == left:
            return False
        self.styles.padding = (0, 0, 0, margin)
        return True

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._look = None
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
        layout = self.text_layout
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
        selected = selection.get_span(index) if selection is not None else None
        painter = Painter(
            self.reading, self.look, self.hidden_layers, self.current, self.app.console
        )
        return painter.paint(
            self.text_layout[index], is_cursor=is_cursor, width=width, selected=selected
        )

    @property
    def look(self) -> Look:
        """The component styles and speaker colours, resolved once until they change."""
        if self._look is None:
            self._look = Look.of(self, speaker_colours(self.reading.analysis))
        return self._look

    # -- offsets and selection --------------------------------------------------

    def offset_at(self, x: int, y: int) -> int:
        """The text offset under cell ``x`` of virtual line ``y``."""
        layout = self.text_layout
        y = max(0, min(y, len(layout) - 1))
        info = layout[y]
        if info.kind not in (Kind.TEXT, Kind.TITLE, Kind.POST):
            return info.start
        col = x - GUTTER - (POST_INDENT if info.kind == Kind.POST else 0)
        return offset_at_cell(self.doc.text, info.start, info.end, col)

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
        layout = self.text_layout
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
