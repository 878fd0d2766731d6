"""The shape of a text the quote finder needs: paragraphs, sentences, quoted stretches.

Everything is computed with a few whole-text regex passes and kept in sorted
lists, so finding the sentence or the quotation around an offset is a binary
search, whatever the size of the text.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from heapq import merge

from reader.analysis.vocabulary import ABBREVIATIONS
from reader.spans import Span, SpanArray

_BLANK = re.compile(r"\n[ \t]*\n\s*|\n(?=[ \t]{2,}\S)")
_MARK = re.compile(r"[\"“”]|''")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘(\[]?[^\s\"“‘(\[a-z])|\n[ \t]*\n")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?…]*[\"”’')\]]*\s*\Z")

REACH = 2000
"""How far a sentence may reach either side of a cue (characters)."""

OPENERS = "“"
CLOSERS = "”"


@dataclass(frozen=True, slots=True)
class Quoted:
    """A stretch between quotation marks; ``opened``/``closed`` say which marks exist."""

    start: int  # the opening mark, or the paragraph start when it was lost
    end: int  # just after the closing mark, or the paragraph end
    content: Span
    opened: bool
    closed: bool


def paragraphs(text: str) -> SpanArray:
    """Blank lines (or a deeper indent in hard-wrapped wire copy) separate paragraphs."""
    out = SpanArray()
    pos = 0
    for m in _BLANK.finditer(text):
        _add_trimmed(text, pos, m.start(), out)
        pos = m.end()
    _add_trimmed(text, pos, len(text), out)
    return out


def _add_trimmed(text: str, start: int, end: int, out: list[Span] | SpanArray) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end))


def _trim(text: str, start: int, end: int) -> Span | None:
    found: list[Span] = []
    _add_trimmed(text, start, end, found)
    return found[0] if found else None


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
    out: list[Quoted] = []
    lo, hi = para.start, para.end
    open_at: tuple[int, int] | None = None
    for m in _MARK.finditer(text, lo, hi):
        i, j = m.start(), m.end()
        mark = m.group()
        straight = mark != "“" and mark != "”"
        opening = mark == "“" or (straight and _is_opening(text, i, j, lo, hi))
        if open_at is None:
            if opening:
                open_at = (i, j)
                continue
            begin = out[-1].end if out and out[-1].end > lo else lo
            out.append(_make(text, begin, j, begin, i, opened=False, closed=True))
        elif opening and mark == "“":
            # A second opening mark: the first quotation lost its closing mark.
            out.append(_make(text, open_at[0], i, open_at[1], i, True, False))
            open_at = (i, j)
        elif not opening or straight:
            out.append(_make(text, open_at[0], j, open_at[1], i, True, True))
            open_at = None
    if open_at is not None:
        out.append(_make(text, open_at[0], hi, open_at[1], hi, True, False))
    return [q for q in out if len(q.content)]


def _make(text: str, start: int, end: int, c0: int, c1: int, opened: bool, closed: bool) -> Quoted:
    span = _trim(text, c0, c1) or Span(c0, c0)
    return Quoted(start, end, span, opened, closed)


class Layout:
    """Paragraphs, sentence starts and quoted stretches of one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraphs = paragraphs(text)
        self.para_starts = self.paragraphs.starts
        self.quotes: list[Quoted] = []
        for para in self.paragraphs:
            if _MARK.search(text, para.start, para.end):
                self.quotes.extend(quoted_stretches(text, para))
        self.quote_starts = array("q", (q.start for q in self.quotes))
        self.sentence_starts = self._sentences()

    def _sentences(self) -> array[int]:
        """Where sentences start: every paragraph start and every true sentence end."""
        text = self.text
        ends = array("q")  # found in text order, so already sorted
        for m in _SENTENCE_END.finditer(text):
            pos = m.end()
            if m.group().startswith("\n"):
                ends.append(pos)
                continue
            q = self.quote_around(pos - 1)
            if q is not None and q.end > pos:
                continue  # a full stop inside a quotation does not end the sentence
            word = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start() + 1)
            if word:
                w = word.group(1).lower().rstrip(".")
                if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or "." in w:
                    continue
            ends.append(pos)
        starts = array("q")
        for pos in merge(self.para_starts, ends):
            if not starts or starts[-1] != pos:
                starts.append(pos)
        return starts

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
        para = self.paragraph_of(pos)
        i = bisect_right(self.sentence_starts, pos) - 1
        start = max(self.sentence_starts[i] if i >= 0 else 0, para.start, pos - REACH)
        nxt = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.text)
        end = min(nxt, para.end, pos + REACH)
        return _trim(self.text, start, end) or Span(start, start)

    def quote_around(self, pos: int) -> Quoted | None:
        """The quoted stretch whose marks enclose ``pos``, if any."""
        i = bisect_right(self.quote_starts, pos) - 1
        if i >= 0 and self.quotes[i].start <= pos < self.quotes[i].end:
            return self.quotes[i]
        return None

    def quote_ending_at(self, pos: int) -> Quoted | None:
        """A quoted stretch whose closing mark ends right at ``pos``."""
        i = bisect_right(self.quote_starts, pos) - 1
        while i >= 0 and self.quotes[i].end >= pos - 1:
            q = self.quotes[i]
            if q.closed and q.end == pos:
                return q
            i -= 1
        return None

    def quote_starting_at(self, pos: int) -> Quoted | None:
        i = bisect_right(self.quote_starts, pos) - 1
        if i >= 0 and self.quotes[i].start == pos and self.quotes[i].opened:
            return self.quotes[i]
        return None
