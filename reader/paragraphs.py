"""The one segmentation of a canonical text into paragraphs.

Plain text arrives in three shapes, and all of them must give the same
paragraphs as the article's author meant:

- blank lines between paragraphs (web copy, most saved articles);
- hard-wrapped lines with no blank lines, a paragraph's first line indented
  deeper than its continuation lines (newswire style: five or six spaces,
  then two);
- one paragraph per line (lines longer than any wrapping program makes), or
  a table or list of short lines (earnings tables: ``Qtly div 19 cts vs 19
  cts``), where every line stands alone.

Where first lines are indented, the indents alone mark paragraphs (wire
wrapping is ragged: a short line says nothing). Elsewhere a line continues
the paragraph above it only when the line above was *full*: the first word
of this line would not have fitted on it within the block's width, as a
wrapping program would have decided. A line indented
deeper than the block's continuation lines, a list item, a column-aligned
line, or a row of a narrow block of figures starts a paragraph of its own;
a line that begins in lower case always carries on the one above.

Paragraph spans exclude their surrounding white space; the white space
inside a paragraph (a newline and the next line's indent) stays in the text,
so every offset keeps pointing at the file's own characters. Readers of a
paragraph treat such a line break as one space (``soft_breaks``).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from reader import regexes
from reader.spans import Span, SpanArray

_BLANK_LINES = regexes.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")
_LINE = regexes.compile(r"[^\n]+")
_ITEM_START = frozenset("-*•·▪0123456789")
_LIST_ITEM = regexes.compile(r"(?:[-*•·▪]|\d{1,3}[.)])\s")
_COLUMNS = regexes.compile(r"\S(?: {3,}|\t)\S")
_DATELINE = regexes.compile(
    r"(?P<line>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}"  # the place, in capitals
    r"(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"  # its state or country
    r"(?:,? +(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2})?"
    r"(?: *\([A-Za-z][A-Za-z. -]{0,24}\))?)"  # the agency
    r"[ \t]*[-—–]{1,2}[ \t]+(?=\S)"
)
_DIGIT = regexes.compile(r"\d")
SOFT_BREAK = regexes.compile(r"[ \t]*\n[ \t]*")
"""A line break inside a paragraph, with the white space around it: one space to a reader."""

NARROW = 45
"""A block no wider than this whose lines mostly hold figures is a table: its rows stand alone."""

RAGGED = 15
"""A wrapped line ends at most this far short of its block's width (a long word moved on)."""

WRAPPED = 132
"""A block wider than this was not wrapped by a program: each of its lines stands alone."""


def split_paragraphs(text: str) -> SpanArray:
    """Paragraph spans of ``text``, in order, without their surrounding white space."""
    out = SpanArray()
    pos = 0
    for m in _BLANK_LINES.finditer(text):
        _split_block(text, pos, m.start(), out)
        pos = m.end()
    _split_block(text, pos, len(text), out)
    return out


HEADLINE = 300
"""A first paragraph up to this long, with a body after it, is the headline."""


def find_headline(paragraphs: SpanArray) -> Span | None:
    """The headline: a short first paragraph with more text after it."""
    if len(paragraphs) < 2 or paragraphs.ends[0] - paragraphs.starts[0] > HEADLINE:
        return None
    return paragraphs[0]


def find_dateline(text: str, paragraphs: SpanArray, headline: Span | None) -> Span | None:
    """A wire dateline opening the body: ``MOSCOW, Nov 16 (Reuters) -``, ``LONDON —``.

    The span covers the place, date and agency, not the dash after them.
    """
    first = 1 if headline is not None else 0
    if len(paragraphs) <= first:
        return None
    m = _DATELINE.match(text, paragraphs.starts[first], paragraphs.ends[first])
    return Span(m.start("line"), m.end("line")) if m else None


def soft_breaks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The line breaks inside a paragraph, with the white space around them.

    Each ``(start, end)`` run is one space to a reader of the paragraph.
    """
    if text.find("\n", start, end) < 0:
        return
    for m in SOFT_BREAK.finditer(text, start, end):
        yield m.start(), m.end()


class _Line:
    """One non-blank line of a block: where its words are, its indent and width."""

    __slots__ = ("columns", "end", "indent", "start", "width")

    def __init__(self, text: str, start: int, end: int) -> None:
        while end > start and text[end - 1] in " \t":
            end -= 1
        first = start
        while first < end and text[first] in " \t":
            first += 1
        self.start, self.end = first, end
        self.indent = first - start
        self.width = end - start
        # Aligned columns: a run of spaces or a tab between words (a quick find first).
        self.columns = (
            text.find("   ", first, end) >= 0 or text.find("\t", first, end) >= 0
        ) and _COLUMNS.search(text, first, end) is not None


def _split_block(text: str, start: int, end: int, out: SpanArray) -> None:
    """Split one blank-line-free block into paragraphs and add them to ``out``."""
    if text.find("\n", start, end) < 0:
        _add(text, start, end, out)
        return
    lines = [_Line(text, m.start(), m.end()) for m in _LINE.finditer(text, start, end)]
    lines = [line for line in lines if line.end > line.start]
    if not lines:
        return
    width = max(line.width for line in lines)
    base = min((line.indent for line in lines[1:]), default=lines[0].indent)
    if not _wrapped(lines, width, base):
        width = WRAPPED + 1  # lines of any length, as the author broke them
    table = width <= NARROW and _figures(text, lines)
    # Wire copy marks its paragraphs by indenting their first lines; where it does,
    # a short line says nothing (its wrapping is ragged) and only indents split.
    indented = any(line.indent > base for line in lines[1:])
    para_start = lines[0].start
    for prev, line in pairwise(lines):
        if _starts_paragraph(text, prev, line, width, base, table, indented):
            out.add(para_start, prev.end)
            para_start = line.start
    out.add(para_start, lines[-1].end)


def _wrapped(lines: list[_Line], width: int, base: int) -> bool:
    """Whether a program wrapped these lines: most lines inside a paragraph end near one width.

    Lines followed by a deeper first line end their paragraph and say nothing.
    """
    inner = [a for a, b in pairwise(lines) if b.indent <= a.indent and b.indent <= base]
    full = sum(1 for line in inner if line.width >= width - RAGGED)
    return 2 * full >= len(inner)


def _figures(text: str, lines: list[_Line]) -> bool:
    """Whether most lines hold a figure, as the rows of a table do."""
    with_digits = sum(1 for line in lines if _DIGIT.search(text, line.start, line.end))
    return 2 * with_digits >= len(lines)


def _starts_paragraph(
    text: str, prev: _Line, line: _Line, width: int, base: int, table: bool, indented: bool
) -> bool:
    if line.indent > prev.indent or line.indent > base:
        return True  # a first line, indented deeper than the continuation lines
    if prev.columns or line.columns:
        return True
    if (
        text[line.start] in _ITEM_START
        and _LIST_ITEM.match(text, line.start)
        and not _dash_carries_on(text, prev, line, width)
    ):
        return True
    if width > WRAPPED:
        return True
    carries_on = text[line.start].islower()
    if table:
        return not carries_on  # each row of a table stands alone
    if indented:
        return False
    space = text.find(" ", line.start, line.end)
    word = (space if space >= 0 else line.end) - line.start  # the first word, with its marks
    fitted = prev.width + 1 + word <= width
    return fitted and not carries_on  # the line above had room: the break is the author's


def _dash_carries_on(text: str, prev: _Line, line: _Line, width: int) -> bool:
    """A dash opening a wrapped line inside a sentence: "advanced economies\n  - which
    include Europe - will grow", not a list item. The line above is full and ends
    mid-sentence, and lower case follows the dash."""
    after = line.start + 2
    return (
        text[line.start] == "-"
        and width <= WRAPPED
        and prev.width >= width - RAGGED
        and text[prev.end - 1] not in ".:;!?"
        and text[after : after + 1].islower()
    )


def _add(text: str, start: int, end: int, out: SpanArray) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.add(start, end)
