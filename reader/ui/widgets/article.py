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

from textual import events
from textual.binding import BindingType
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
from reader.ui.widgets.article_keys import ARTICLE_BINDINGS, COUNT_ACTION, Pending
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

    BINDINGS: ClassVar[list[BindingType]] = ARTICLE_BINDINGS

    cursor: reactive[int] = reactive(0, init=False)
    """The paragraph the reading cursor is on."""

    hidden_layers: reactive[frozenset[Layer]] = reactive(frozenset(), init=False)
    """Layers not drawn (the screen's, bound to it)."""

    class CursorMoved(Message):
        """The reading cursor is on a new paragraph."""

        def __init__(self, paragraph: int) -> None:
            super().__init__()
            self.paragraph = paragraph

    class PendingChanged(Message):
        """The count or ``:`` number typed so far changed (``text``: as shown, '' for none)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

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
        self.pending = Pending()
        """The count typed before a motion, or the paragraph number after ``:``."""
        self._count: int | None = None
        """The count of the motion running now (None: none was typed)."""
        self._half_line: tuple[int, int] | None = None
        """(cursor, offset of its line) after half a page: the next half page goes on from
        that line, so ``ctrl+d`` then ``ctrl+u`` come back to the same paragraph."""

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
        self._set_cursor(paragraph)

    def _set_cursor(self, paragraph: int) -> None:
        if paragraph != self.cursor:
            self.cursor = paragraph
            self._half_line = None
            self.refresh()
            self.post_message(self.CursorMoved(paragraph))

    def _put_cursor(self, paragraph: int) -> None:
        """Put the cursor on ``paragraph``, scrolling only when none of it is on screen."""
        if self._on_screen(paragraph):
            self._set_cursor(paragraph)
        else:
            self.move_cursor(paragraph)

    def _on_screen(self, paragraph: int) -> bool:
        """Whether a line of ``paragraph`` is on screen."""
        layout = self.text_layout
        if not layout.covers(paragraph):
            return False
        top, height = int(self.scroll_y), max(1, self.scrollable_content_region.height)
        return layout.first_line[paragraph] < top + height and layout.last_line(paragraph) >= top

    def _first_on_screen(self, top: int) -> int:
        """The first paragraph that begins on the screen whose first line is ``top`` (the
        one ``top`` shows when none begins there: a paragraph taller than the screen)."""
        layout = self.text_layout
        height = max(1, self.scrollable_content_region.height)
        para = layout.paragraph_of(top)
        after = para + 1
        if (
            layout.first_line[para] < top
            and layout.covers(after)
            and layout.first_line[after] < top + height
        ):
            return after
        return para

    def show_current(self, span: Span | None) -> None:
        """Mark ``span`` as where the reader just jumped (None: no such place)."""
        if span != self.current:
            self.current = span
            self.redraw()

    def jump_to(self, offset: int) -> None:
        """Move the cursor to the paragraph holding ``offset``, that line in view."""
        paragraph = self.doc.paragraph_at(offset)
        self.move_cursor(paragraph, line=self._ensure(paragraph).line_of(offset))

    # -- keys: a count, the ":" prompt, then the motion --------------------------------

    async def on_key(self, event: events.Key) -> None:
        """The article's own keys, run here in the order they come, each with the count typed
        before it (a burst such as ``5j3k`` is read as typed); any other key drops the count
        and goes on to the screen (``esc`` only drops it)."""
        if self.pending.prompt:
            event.stop()
            event.prevent_default()
            self._prompt_key(event.key)
            return
        active = self.screen.active_bindings.get(event.key)
        if active is None or active.node is not self or not active.enabled:
            if self.pending:
                if event.key == "escape":
                    event.stop()
                    event.prevent_default()
                self._change_pending(self.pending.clear)
            return
        event.stop()
        event.prevent_default()
        action = active.binding.action
        if action == COUNT_ACTION:
            digit = event.key[-1]
            if digit.isdigit():
                self._change_pending(lambda: self.pending.add(digit))
            return
        counted = bool(self.pending)
        self._count = self.pending.take()
        try:
            await self.app.run_action(action, self)
        finally:
            self._count = None
        if counted:
            self.post_message(self.PendingChanged(self.pending.text))

    def _prompt_key(self, key: str) -> None:
        """A key typed after ``:``: digits, backspace, enter to go, anything else cancels."""
        pending = self.pending
        if len(key) == 1 and key.isdigit():
            self._change_pending(lambda: pending.add(key))
        elif key == "backspace":
            self._change_pending(pending.back)
        elif key == "enter":
            number = pending.take()
            self.post_message(self.PendingChanged(""))
            if number:
                self.move_cursor(number - 1)
        else:
            self._change_pending(pending.clear)
            if key != "escape":
                self.notify("“:” goes to a paragraph: its number, then enter", timeout=3)

    def _change_pending(self, change: Callable[[], object]) -> None:
        before = self.pending.text
        change()
        if self.pending.text != before:
            self.post_message(self.PendingChanged(self.pending.text))

    def on_blur(self) -> None:
        if self.pending:  # a key that took the focus elsewhere (/, a) ends the count
            self._change_pending(self.pending.clear)

    @property
    def _times(self) -> int:
        return self._count or 1

    def action_go_to(self) -> None:
        self.pending.prompt = True
        self.post_message(self.PendingChanged(self.pending.text))

    def action_count(self) -> None:
        """The digits are read by ``on_key`` (run from the palette, nothing to count)."""

    # -- motions ------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self._step(self._times)

    def action_cursor_up(self) -> None:
        self._step(-self._times)

    def _step(self, delta: int) -> None:
        """``j``/``k``: from the cursor, or, when a scroll left the cursor off screen, from
        the top of the screen (``j`` goes to its first paragraph, ``k`` to the one above)."""
        if not self.paragraph_count:
            return
        if self._on_screen(self.cursor):
            self.move_cursor(self.cursor + delta)
            return
        first = self._first_on_screen(int(self.scroll_y))
        self.move_cursor(first + delta - 1 if delta > 0 else first + delta)

    def action_first(self) -> None:
        self.move_cursor(self._count - 1 if self._count else 0)

    def action_last(self) -> None:
        self.move_cursor(self._count - 1 if self._count else self.paragraph_count - 1)

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_half_page_down(self) -> None:
        self._page(+1, half=True)

    def action_half_page_up(self) -> None:
        self._page(-1, half=True)

    def _page(self, direction: int, *, half: bool = False) -> None:
        """Scroll a page (or half a page) a time per count; the cursor never moves against
        ``direction``. A page puts it on the first paragraph that begins on the new screen
        (or keeps it, when that one is behind it); half a page keeps its row on screen.
        At the end of the text a page goes to the last (first) paragraph."""
        if not self.paragraph_count:
            return
        layout = self.text_layout
        height = max(1, self.scrollable_content_region.height)
        step = max(1, height // 2 if half else height - 1) * self._times
        top = int(self.scroll_y)
        visible = self._on_screen(self.cursor)
        row = max(layout.first_line[self.cursor], top) if visible else top
        if half and self._half_line is not None and self._half_line[0] == self.cursor:
            row = layout.line_of(self._half_line[1])  # where the last half page left it
        target = top + direction * step
        at_window_end = target >= len(layout) - height and layout.end_para < self.paragraph_count
        at_window_start = target < 0 and layout.start_para > 0
        if not layout.complete and (at_window_end or at_window_start):
            last = len(layout) - 1
            probe = max(0, min(target, last))
            offsets = [layout[min(y, last)].start for y in (top, row, probe)]
            layout = Layout.around(
                self.doc, layout.width, layout.paragraph_of(probe), WINDOW_PARAGRAPHS
            )
            self._set_layout(layout)
            top, row, target = (layout.line_of(offset) for offset in offsets)
            self.scroll_to(y=top, animate=False, immediate=True)
        new_top = max(0, min(target, max(0, len(layout) - height)))
        if new_top != top:
            self.scroll_to(y=new_top, animate=False, immediate=True)
        line = max(0, min(row + direction * step, len(layout) - 1))
        if half:
            para = layout.paragraph_of(line)
        elif new_top == top:
            para = self.paragraph_count - 1 if direction > 0 else 0
        else:
            para = self._first_on_screen(new_top)
        if visible:
            para = max(para, self.cursor) if direction > 0 else min(para, self.cursor)
        self._put_cursor(para)
        landed = half and para == layout.paragraph_of(line)
        self._half_line = (para, layout[line].start) if landed else None

    # -- the mouse ------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        """A click puts the reading cursor on the paragraph clicked."""
        offset = event.get_content_offset(self)
        layout = self.text_layout
        if offset is None or not len(layout):
            return
        y = int(self.scroll_y) + offset.y
        if 0 <= y < len(layout):
            self._put_cursor(layout.paragraph_of(y))
