"""The shape of a text the quote finder needs: sentences and quoted stretches.

The paragraphs are the document's own (``reader.paragraphs``); nothing here
splits the text into paragraphs again.

Everything is computed with a few whole-text regex passes and kept in sorted
lists, so finding the sentence or the quotation around an offset is a binary
search, whatever the size of the text.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right

from reader import regexes
from reader.analysis.vocabulary import ABBREVIATIONS
from reader.columns import Columns
from reader.records import record
from reader.spans import Span, SpanArray

# Both open with one character class (a look-behind then tells which branch it was): the
# engine then skips at once every place no match can start, instead of trying each branch.
_MARK = regexes.compile(r"[\"“”'](?:(?<=')'|(?<!'))")
"""A curly or straight quotation mark, or two apostrophes."""
_SENTENCE_END = regexes.compile(
    r"[.!?…\n](?:(?<=[.!?…])[.!?…]*[\"”’')\]]*\s+(?=[\"“‘(\[]?[^\s\"“‘(\[a-z])|(?<=\n)[ \t]*\n)"
)
"""Stops, closing marks and space before a new sentence's first character; or a blank line."""
_WORD_BEFORE = regexes.compile(r"([\w.]+)[.!?…]*[\"”’')\]]*\s*\Z")

_LINK_LABEL = regexes.compile(
    r"[ \t]*(?:read\s+more(?:\s+about)?|watch(?:\s+below|\s+more)?|related(?:\s+reading|\s+stories"
    r"|\s+story)?|relevant\s+reading|see\s+also|also\s+read|also\s+on\s+[\w ]{1,30}|listen|"
    r"recommended|click\s+here)[ \t]*:",
    re.IGNORECASE,
)
"""A paragraph opening like "READ MORE:" or "Watch:" is a link to another story, not prose."""

REACH = 2000
"""How far a sentence may reach either side of a cue (characters)."""

OPENERS = "“"
CLOSERS = "”"


@record(frozen=True, slots=True)
class Quoted:
    """A stretch between quotation marks; ``opened``/``closed`` say which marks exist."""

    start: int  # the opening mark, or the paragraph start when it was lost
    end: int  # just after the closing mark, or the paragraph end
    content: Span
    opened: bool
    closed: bool


OPENED, CLOSED = 1, 2


class QuotedList(Columns[Quoted]):
    """Quoted stretches kept as columns of offsets; a ``Quoted`` is made when one is read.

    A long text has tens of thousands of them; as objects they would weigh
    more than the rest of the layout together.
    """

    __slots__ = ("_content", "ends", "flags", "starts")

    def __init__(self) -> None:
        self.starts = array("q")
        self.ends = array("q")
        self._content = array("q")  # start and end of each content
        self.flags = array("B")  # OPENED | CLOSED

    def append(self, q: Quoted) -> None:
        self.starts.append(q.start)
        self.ends.append(q.end)
        self._content.extend((q.content.start, q.content.end))
        self.flags.append(q.opened * OPENED | q.closed * CLOSED)

    def add(self, text: str, start: int, end: int, c0: int, c1: int, flags: int) -> None:
        """Append the stretch ``[start, end)`` with ``text[c0:c1]`` as its content, trimmed;
        nothing if that content is only white space."""
        while c0 < c1 and text[c0].isspace():
            c0 += 1
        while c1 > c0 and text[c1 - 1].isspace():
            c1 -= 1
        if c1 > c0:
            self.starts.append(start)
            self.ends.append(end)
            self._content.extend((c0, c1))
            self.flags.append(flags)

    def __len__(self) -> int:
        return len(self.starts)

    def _row(self, index: int) -> Quoted:
        content = Span(self._content[2 * index], self._content[2 * index + 1])
        flags = self.flags[index]
        opened, closed = bool(flags & OPENED), bool(flags & CLOSED)
        return Quoted(self.starts[index], self.ends[index], content, opened, closed)


def _abbreviated(text: str, stop: int) -> bool:
    """Whether the stop at ``stop`` ends an abbreviation or an initial, not a sentence.

    The word is the one ``_WORD_BEFORE`` finds in the twelve characters before
    the stop. Most stops follow a plain word after a space ("the economy."):
    that word is read at once, without the regex.
    """
    lo = max(0, stop - 12)
    space = text.rfind(" ", lo, stop)
    if space >= 0:
        word = text[space + 1 : stop]
        if word.isalnum():  # letters and digits, all of them \w
            w = word.lower()
            return w in ABBREVIATIONS or (len(w) == 1 and w.isalpha())
    found = _WORD_BEFORE.search(text, lo, stop + 1)
    if not found:
        return False
    w = found.group(1).lower().rstrip(".")
    return w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or "." in w


def _is_opening(text: str, i: int, j: int, lo: int, hi: int) -> bool:
    """A straight mark ``text[i:j]`` opens when it follows a space and precedes a word."""
    before = text[i - 1] if i > lo else " "
    after = text[j] if j < hi else " "
    if before.isspace() or before in "([{—–-:/":
        return not after.isspace()
    return False


def quoted_stretches(text: str, para: Span) -> list[Quoted]:
    """Pair quotation marks inside one paragraph.

    Marks are curly, straight, or two apostrophes (as some papers print
    them). An opening mark with no closing one runs to the paragraph's end (a
    quote continuing in the next paragraph); a closing mark with no opening
    one starts at the paragraph's start (a lost opening mark).
    """
    out = QuotedList()
    _add_stretches(text, para.start, para.end, out)
    return list(out)


def _add_stretches(text: str, lo: int, hi: int, out: QuotedList) -> None:
    """``quoted_stretches`` of the paragraph ``[lo, hi)``, added to ``out`` as offsets.

    No ``Quoted`` is made: a long text has thousands, read later from the columns.
    A stretch whose content is only white space is left out.
    """
    add = out.add
    last_end = -1  # the end of the last stretch made, kept or not
    open_at: tuple[int, int] | None = None
    for m in _MARK.finditer(text, lo, hi):
        i, j = m.span()
        mark = m.group()
        straight = mark != "“" and mark != "”"
        opening = mark == "“" or (straight and _is_opening(text, i, j, lo, hi))
        if open_at is None:
            if opening:
                open_at = (i, j)
                continue
            begin = last_end if last_end > lo else lo
            add(text, begin, j, begin, i, CLOSED)
            last_end = j
        elif opening and mark == "“":
            # A second opening mark: the first quotation lost its closing mark.
            add(text, open_at[0], i, open_at[1], i, OPENED)
            last_end = i
            open_at = (i, j)
        elif not opening or straight:
            add(text, open_at[0], j, open_at[1], i, OPENED | CLOSED)
            last_end = j
            open_at = None
    if open_at is not None:
        add(text, open_at[0], hi, open_at[1], hi, OPENED)


class Layout:
    """Sentence starts and quoted stretches of one text, within its given paragraphs."""

    def __init__(self, text: str, paragraphs: SpanArray) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.para_starts = self.paragraphs.starts
        self.quotes = QuotedList()
        for start, end in zip(self.paragraphs.starts, self.paragraphs.ends, strict=True):
            if _MARK.search(text, start, end):
                _add_stretches(text, start, end, self.quotes)
        self.quote_starts = self.quotes.starts
        self.sentence_starts = self._sentences()

    def _sentences(self) -> array[int]:
        """Where sentences start: every paragraph start and every true sentence end."""
        text = self.text
        quote_starts, quote_ends = self.quote_starts, self.quotes.ends
        n_quotes = len(quote_starts)
        q = 0  # the first quotation starting after the stop: stops come in text order
        ends = array("q")  # found in text order, so already sorted
        for m in _SENTENCE_END.finditer(text):
            start, pos = m.span()
            if text[start] == "\n":
                ends.append(pos)
                continue
            while q < n_quotes and quote_starts[q] <= pos - 1:
                q += 1
            if q and quote_ends[q - 1] > pos:
                continue  # a full stop inside a quotation does not end the sentence
            if not _abbreviated(text, start):
                ends.append(pos)
        return array("q", sorted(set(self.para_starts).union(ends)))

    def link_lines(self) -> list[Span]:
        """Paragraphs that link to other stories ("READ MORE: Trudeau says ...")."""
        text = self.text
        return [
            Span(start, end)
            for start, end in zip(self.paragraphs.starts, self.paragraphs.ends, strict=True)
            if _LINK_LABEL.match(text, start, end)
        ]

    def paragraph_of(self, pos: int) -> Span:
        i = bisect_right(self.para_starts, pos) - 1
        return self.paragraphs[max(i, 0)] if self.paragraphs else Span(0, len(self.text))

    def paragraph_index(self, pos: int) -> int:
        return max(bisect_right(self.para_starts, pos) - 1, 0)

    def sentence_of(self, pos: int) -> Span:
        """The sentence around ``pos``, never crossing its paragraph.

        Text without full stops (a list, a table, noise) would make one huge
        "sentence"; it is cut to ``REACH`` characters either side of ``pos``
        so that reading every cue stays linear in the text.
        """
        text, paras, starts = self.text, self.paragraphs, self.sentence_starts
        if paras:
            p = bisect_right(self.para_starts, pos) - 1
            if p < 0:
                p = 0
            start, end = paras.starts[p], paras.ends[p]
        else:
            start, end = 0, len(text)
        i = bisect_right(starts, pos) - 1
        if i >= 0 and starts[i] > start:
            start = starts[i]
        if pos - REACH > start:
            start = pos - REACH
        if i + 1 < len(starts):
            if starts[i + 1] < end:
                end = starts[i + 1]
        elif len(text) < end:
            end = len(text)
        if pos + REACH < end:
            end = pos + REACH
        # The edges' white space trimmed: mostly none, or one character.
        first, last = start, end
        while first < last and text[first].isspace():
            first += 1
        while last > first and text[last - 1].isspace():
            last -= 1
        return Span(first, last) if last > first else Span(start, start)

    def quote_around(self, pos: int) -> Quoted | None:
        """The quoted stretch whose marks enclose ``pos``, if any."""
        i = self._quote_index_around(pos)
        return self.quotes[i] if i >= 0 else None

    def in_quote(self, pos: int) -> bool:
        """Whether quotation marks enclose ``pos``."""
        return self._quote_index_around(pos) >= 0

    def _quote_index_around(self, pos: int) -> int:
        i = bisect_right(self.quote_starts, pos) - 1
        return i if i >= 0 and pos < self.quotes.ends[i] else -1

    def quote_ending_at(self, pos: int) -> Quoted | None:
        """A quoted stretch whose closing mark ends right at ``pos``."""
        ends, flags = self.quotes.ends, self.quotes.flags
        i = bisect_right(self.quote_starts, pos) - 1
        while i >= 0 and ends[i] >= pos - 1:
            if flags[i] & CLOSED and ends[i] == pos:
                return self.quotes[i]
            i -= 1
        return None

    def quote_starting_at(self, pos: int) -> Quoted | None:
        i = bisect_right(self.quote_starts, pos) - 1
        if i >= 0 and self.quote_starts[i] == pos and self.quotes.flags[i] & OPENED:
            return self.quotes[i]
        return None
