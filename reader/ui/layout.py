"""Screen lines of a document at one width: paragraphs wrapped, offsets kept.

The article view draws lines; this module decides what each line holds, as a
``(start, end)`` range of the canonical text plus a kind. Wrapping is done per
paragraph and cached by width, so a resize re-wraps and the offsets (and with
them the reading position) survive.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from rich.cells import cell_len, get_character_cell_size

from reader.document import Document
from reader.paragraphs import SOFT_BREAK

_SPACES = " \n\t"


class Kind(IntEnum):
    """What a screen line shows."""

    BLANK = 0
    TITLE = 1
    DATE = 2
    TEXT = 3
    POST_HEADER = 4
    POST = 5


POST_INDENT = 4
"""Cells an embedded post is indented by (its ``┆`` bar included)."""


def margins(room: int, line_length: int) -> tuple[int, int]:
    """Cells left and right of a centred column of ``line_length`` cells in ``room``
    (none when it fits, or when ``line_length`` is 0: no limit)."""
    spare = room - line_length
    if line_length <= 0 or spare <= 0:
        return 0, 0
    return spare // 2, spare - spare // 2


def _fit_plain(text: str, pos: int, end: int, width: int) -> tuple[int, int]:
    """How far ``text[pos:end]`` fits in ``width`` cells: the offset after it, and its cells."""
    chunk = text[pos : min(end, pos + width)]
    if chunk.isascii() or cell_len(chunk) == len(chunk):
        return pos + len(chunk), len(chunk)
    cells = 0
    i = pos
    while i < end:
        size = get_character_cell_size(text[i])
        if cells + size > width:
            break
        cells += size
        i += 1
    return i, cells


def _fit(text: str, pos: int, end: int, width: int) -> int:
    """The offset after the most characters from ``pos`` that fit in ``width`` cells.

    Counted as the article draws them: a run of white space holding a newline
    is one space (see ``drawn``). At least one character always fits.
    """
    limit = min(end, pos + width)
    chunk = text[pos:limit]
    if "\n" not in chunk:  # the common line
        if chunk.isascii() or cell_len(chunk) == len(chunk):
            return limit
        return max(_fit_plain(text, pos, end, width)[0], pos + 1)
    cells = 0
    i = pos
    while i < end and cells < width:
        room = width - cells
        stop = min(end, i + room)
        newline = text.find("\n", i, stop)
        if newline < 0:  # the rest of the room holds no line break
            if text[i:stop].isascii():
                return max(stop, pos + 1)
            return max(_fit_plain(text, i, end, room)[0], pos + 1)
        piece = text[i:newline].rstrip(" \t")
        if piece.isascii():
            used = len(piece)  # shorter than the room: the newline lies inside it
        else:
            fitted, used = _fit_plain(text, i, i + len(piece), room)
            if fitted < i + len(piece) or used >= room:
                return max(fitted, pos + 1)
        cells += used + 1  # the run of white space, drawn as one space
        i = _RUN_TAIL.match(text, newline, end).end()  # type: ignore[union-attr]
    return max(min(i, end), pos + 1)


_RUN_TAIL = re.compile(r"\n[ \t]*")  # the rest of a soft break, from its newline on
_FLAT = str.maketrans({"\t": " "})


def drawn(text: str, start: int, end: int) -> tuple[str, array[int] | None]:
    """What a line shows of ``text[start:end]``, and where each character went.

    A run of white space holding a newline (a hard-wrapped line and the next
    one's indent) shows as one space; a tab as a space. The map gives, for
    each offset ``start + i`` (and ``end``), the index in the shown string
    where it begins; None when every character is shown as itself.
    """
    raw = text[start:end]
    if "\n" not in raw:
        return raw.translate(_FLAT), None
    columns: array[int] = array("i")
    parts: list[str] = []
    pos = shown = 0
    for match in SOFT_BREAK.finditer(raw):
        a, b = match.span()
        parts.append(raw[pos:a])
        columns.extend(range(shown, shown + a - pos))
        shown += a - pos
        parts.append(" ")
        columns.append(shown)
        shown += 1
        columns.extend([shown] * (b - a - 1))
        pos = b
    parts.append(raw[pos:])
    columns.extend(range(shown, shown + len(raw) - pos + 1))
    return "".join(parts).translate(_FLAT), columns


def offset_at_cell(text: str, start: int, end: int, col: int) -> int:
    """The offset of ``text[start:end]``, as ``drawn``, under cell ``col`` of the line."""
    shown, columns = drawn(text, start, end)
    index = cells = 0
    while index < len(shown) and cells < col:
        cells += get_character_cell_size(shown[index])
        index += 1
    if columns is None:
        return start + index
    return start + bisect_right(columns, index) - 1  # a run shown as one space: its end


def wrap(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text[start:end]`` into ranges of at most ``width`` cells.

    Breaks at spaces and newlines; widths are those of the lines as ``drawn``
    (a newline and the indent after it read as one space). A word longer than
    the width is split. Runs of white space at a break are dropped from both
    lines.
    """
    width = max(1, width)
    out: list[tuple[int, int]] = []
    pos = start
    while pos < end and text[pos] in _SPACES:
        pos += 1
    while pos < end:
        limit = _fit(text, pos, end, width)
        if limit >= end:
            out.append((pos, end))
            break
        if text[limit] in _SPACES:
            brk = limit
        else:
            brk = max(
                text.rfind(" ", pos + 1, limit),
                text.rfind("\n", pos + 1, limit),
                text.rfind("\t", pos + 1, limit),
            )
            if brk <= pos:
                brk = limit
        line_end = brk
        while line_end > pos and text[line_end - 1] in _SPACES:
            line_end -= 1
        out.append((pos, line_end))
        pos = brk
        while pos < end and text[pos] in _SPACES:
            pos += 1
    return out


@dataclass(frozen=True, slots=True)
class LineInfo:
    """One screen line: its kind, its paragraph (-1 for none) and its text range."""

    kind: Kind
    paragraph: int
    start: int
    end: int


class _FirstLines:
    """``layout.first_line[paragraph]``: a paragraph's first line, by absolute index."""

    def __init__(self, layout: Layout) -> None:
        self._layout = layout

    def __getitem__(self, paragraph: int) -> int:
        layout = self._layout
        if not layout.covers(paragraph):
            raise IndexError(f"paragraph {paragraph} is outside this layout")
        return layout._first[paragraph - layout.start_para]

    def __len__(self) -> int:
        return len(self._layout._first)


class Layout:
    """The screen lines of a document at one text width, in compact arrays.

    A layout covers every paragraph, or a window ``[start_para, end_para)`` of
    them: a very long document is shown through a window around the cursor
    at once, while the whole layout is built in the background.
    """

    def __init__(
        self,
        doc: Document,
        width: int,
        start_para: int = 0,
        end_para: int | None = None,
        *,
        stop: Callable[[], bool] | None = None,
    ) -> None:
        """``stop``: asked now and then; when it says so, the layout ends where it is."""
        self.doc = doc
        self.width = max(8, width)
        count = len(doc.paragraphs)
        self.start_para = max(0, min(start_para, count))
        self.end_para = count if end_para is None else max(self.start_para, min(end_para, count))
        self._kind = array("b")
        self._para = array("i")
        self._start = array("I")  # offsets fit: files over 200 MB are refused
        self._end = array("I")
        self._first = array("i")
        self.first_line = _FirstLines(self)
        """Index of each paragraph's first screen line (absolute paragraph index)."""
        self._build(stop)

    @classmethod
    def around(cls, doc: Document, width: int, paragraph: int, span: int) -> Layout:
        """A window of about ``2 * span`` paragraphs centred on ``paragraph``."""
        count = len(doc.paragraphs)
        start = max(0, min(paragraph - span, count - 2 * span))
        return cls(doc, width, start, start + 2 * span)

    @property
    def complete(self) -> bool:
        """Whether every paragraph of the document is laid out."""
        return self.start_para == 0 and self.end_para == len(self.doc.paragraphs)

    def covers(self, paragraph: int) -> bool:
        return self.start_para <= paragraph < self.end_para

    def _add(self, kind: Kind, para: int, start: int, end: int) -> None:
        self._kind.append(kind)
        self._para.append(para)
        self._start.append(start)
        self._end.append(end)

    def _build(self, stop: Callable[[], bool] | None) -> None:
        doc, text, width = self.doc, self.doc.text, self.width
        posts = {post.span.start: post for post in doc.posts}
        title_is_first = doc.headline is not None
        paragraphs = doc.paragraphs
        add = self._add
        for index in range(self.start_para, self.end_para):
            if stop is not None and index % 4096 == 0 and stop():
                self.end_para = index  # cut short: not complete
                return
            para = paragraphs[index]
            if index > self.start_para:
                add(Kind.BLANK, -1, para.start, para.start)
            self._first.append(len(self._kind))
            post = posts.get(para.start) if posts else None
            if index == 0 and title_is_first:
                for s, e in wrap(text, para.start, para.end, width):
                    add(Kind.TITLE, index, s, e)
                if doc.date:
                    add(Kind.DATE, index, para.end, para.end)
            elif post is not None:
                add(Kind.POST_HEADER, index, post.author.start, post.author.end)
                body = post.content
                for s, e in wrap(text, body.start, body.end, width - POST_INDENT):
                    add(Kind.POST, index, s, e)
            else:
                for s, e in wrap(text, para.start, para.end, width):
                    add(Kind.TEXT, index, s, e)

    def __len__(self) -> int:
        return len(self._kind)

    def __getitem__(self, y: int) -> LineInfo:
        return LineInfo(Kind(self._kind[y]), self._para[y], self._start[y], self._end[y])

    def paragraph_of(self, y: int) -> int:
        """The paragraph line ``y`` belongs to (a blank line: the one after it)."""
        para = self._para[y]
        if para >= 0:
            return para
        return self._para[y + 1] if y + 1 < len(self) else self.end_para - 1

    def last_line(self, paragraph: int) -> int:
        """Index of the last screen line of ``paragraph``."""
        index = paragraph - self.start_para
        if index + 1 < len(self._first):
            return self._first[index + 1] - 2
        return len(self) - 1

    def line_of(self, offset: int) -> int:
        """The screen line showing ``offset`` (or the nearest before it)."""
        para = min(max(self.doc.paragraph_at(offset), self.start_para), self.end_para - 1)
        y = self.first_line[para] if len(self._first) else 0
        last = self.last_line(para)
        while y < last and self._start[y + 1] <= offset and self._kind[y + 1] != Kind.DATE:
            y += 1
        return y
