"""Sector mentions: lexicon phrases found in the text, grouped by sector id."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterator

from reader import regexes
from reader.analysis.lexicon import Lexicon, lexicon, normalise
from reader.analysis.model import SectorHit
from reader.spans import SpanArray

_OF = regexes.compile(r"\s+(?:of|in)\s+(?:the\s+)?")
_ECHO_REACH = 600
"""How far after its last mention a goods compound lends its sector to a bare head."""
_LINE_GAP = r"[^\S\n]*\n?[^\S\n]*"
_NAME_AFTER = regexes.compile(_LINE_GAP + r"(?:of\s+(?:the\s+)?)?(?=\w)")
_NAME_BEFORE = regexes.compile(r"(?<![\w.'&-])([\w.'&-]+)" + _LINE_GAP + r"$")
_JOIN = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
_JOINED = regexes.compile(_JOIN)
_JOINED_ON = regexes.compile(_JOIN + r"(?:[A-Z][\w-]*" + _JOIN + r")*")
"""Between the words of one title: "of Industry, Mines and Communication and Transport"."""
_NOT_NAMES = frozenset({"The", "A", "An", "This", "That", "These", "Those", "Its", "Their"})


def find_sectors(text: str, lex: Lexicon | None = None) -> list[SectorHit]:
    """Every sector with at least one mention, in the lexicon's order of sectors.

    Offsets are gathered in arrays, not span objects: a long document has a
    hundred thousand mentions or more.
    """
    lex = lex or lexicon()
    found: dict[str, SpanArray] = {}
    phrases = lex.phrases
    taken = SpanArray()  # every lexicon match, in text order
    pending: tuple[int, int, str] | None = None  # a head waiting for "of <goods>"
    proper = lex.rules.get("proper", _NONE)
    echoes = _Echoes(lex.rules.get("echoes", _NONE))
    titles = _Titles(lex.rules.get("titles", _NONE), lex.rules.get("title_words", _NONE))
    keys: dict[str, str] = {}  # each phrase as matched, normalised: the same few recur
    for start, end, matched in _phrase_matches(lex, text):
        key = keys.get(matched)
        if key is None:
            key = keys[matched] = normalise(matched)
        sectors = phrases.get(key)
        if sectors is None:
            continue
        taken.add(start, end)
        if key in proper and _in_name(text, start, end):
            continue  # "Port Said", "University of Michigan": a name, not the sector
        if titles.words and titles.joined(text, key, start, end, found):
            continue  # "Trade and Industry Minister": one title, no mention
        if pending is not None and lex.goods:
            goods = sectors & lex.goods
            if len(goods) == 1 and _OF.fullmatch(text, pending[1], start):
                # "exports of wheat", "trade in oil": the head belongs to its goods.
                _drop(found, pending[:2])
                sectors = goods
                start = pending[0]
                echoes.bind(pending[2], goods, end)
        pending = None
        if key in lex.heads and sectors and not (sectors & lex.goods):
            pending = (start, end, key)
            sectors = echoes.recall(key, start) or sectors
        elif echoes.heads and len(sectors) == 1 and sectors <= lex.goods:
            echoes.bind(key.rpartition(" ")[2], sectors, end)  # "sugar imports"
        for sector in sectors:
            _add(found, sector, start, end)
    if lex.case_matcher is not None:
        for m in lex.case_matcher.finditer(text):
            start, end = m.span()
            if _covered(taken, start, end) or _shouted(text, start, end):
                continue
            for sector in lex.case_phrases.get(" ".join(m.group().split()), ()):
                _add(found, sector, start, end)
    hits = []
    for sector, name in lex.names.items():
        spans = found.get(sector)
        if spans:
            hits.append(SectorHit(sector, name, _sorted(spans)))
    return hits


_CHUNK = 1 << 18
"""Characters lower-cased at a time: a long text is never copied whole."""
_REACH = 4096
"""How far past its chunk a phrase match may run (its words and the space between)."""


def _phrase_matches(lex: Lexicon, text: str) -> Iterator[tuple[int, int, str]]:
    """Start, end and text of every lexicon phrase, as ``lex.matcher`` finds them.

    The text is lower-cased a chunk at a time (with context either side) and
    read with the case-sensitive matcher, which is twice as fast. A chunk in
    which lower-casing changes the length (a rare letter such as "İ") is
    read as it is with the case-ignoring matcher.
    """
    n, pos = len(text), 0
    while pos < n:
        end = min(n, pos + _CHUNK)
        lo, hi = max(0, pos - 1), min(n, end + _REACH)
        window = text[lo:hi].lower()
        if len(window) != hi - lo:
            window, matcher = text[lo:hi], lex.matcher
        else:
            matcher = lex.lower_matcher_for(window)
        resume = end
        for m in matcher.finditer(window, pos - lo):
            start = m.start() + lo
            if start >= end:
                break  # the next chunk reads on from here
            resume = max(end, m.end() + lo)
            yield start, m.end() + lo, m.group()
        pos = resume


_NONE: frozenset[str] = frozenset()


class _Echoes:
    """Bare trade heads that go on with an earlier goods compound.

    After "Sugar imports rose", a nearby "imports" are the sugar imports: the
    head counts for the goods, as the compound does.
    """

    def __init__(self, heads: frozenset[str]) -> None:
        self.heads = heads
        self._bound: dict[str, tuple[frozenset[str], int]] = {}

    @staticmethod
    def _stem(head: str) -> str:
        return head[:-1] if head.endswith("s") else head

    def bind(self, head: str, sectors: frozenset[str], end: int) -> None:
        if head in self.heads:
            self._bound[self._stem(head)] = (sectors, end)

    def recall(self, head: str, start: int) -> frozenset[str] | None:
        if head not in self.heads:
            return None
        stem = self._stem(head)
        bound = self._bound.get(stem)
        if bound is None or start - bound[1] > _ECHO_REACH:
            return None
        self._bound[stem] = (bound[0], start)
        return bound[0]


class _Titles:
    """Sector words joined into an official's title: "Minister of Trade and Industry".

    The lexicon's titles cover one sector word each; a capitalised sector
    word joined to a title by "and" or a comma belongs to it, before it
    ("Science and Technology Minister") or after it ("Minister of Energy
    and Mines").
    """

    def __init__(self, titles: frozenset[str], words: frozenset[str]) -> None:
        self.titles, self.words = titles, words
        self._end = -1  # where the last title (or a word joined on to it) ends
        self._before: list[tuple[int, int]] = []  # capitalised title words joined so far

    def joined(
        self, text: str, key: str, start: int, end: int, found: dict[str, SpanArray]
    ) -> bool:
        """Whether this match is (or ends) a title; drops the words joined before it."""
        if key in self.titles:
            while self._before and _JOINED.fullmatch(text, self._before[-1][1], start):
                head = self._before.pop()
                _drop(found, head)
                start = head[0]
            self._before.clear()
            self._end = end
            return True
        if key not in self.words or not text[start].isupper():
            self._before.clear()
            return False
        if self._end >= 0 and _JOINED_ON.fullmatch(text, self._end, start):
            self._end = end
            return True
        if self._before and not _JOINED.fullmatch(text, self._before[-1][1], start):
            self._before.clear()
        self._before.append((start, end))
        return False


def _in_name(text: str, start: int, end: int) -> bool:
    """Whether the capitalised word(s) at ``start:end`` are part of a proper name.

    They are when a capitalised word follows ("Port Said"), or "of" and one
    does ("University of Michigan"), or one stands before ("Harvard
    University"). All-capitals text (a headline) says nothing of names.
    """
    word = text[start:end]
    if not word[:1].isupper() or word.isupper():
        return False
    after = _NAME_AFTER.match(text, end)
    if after is not None and after.end() < len(text) and text[after.end()].isupper():
        return True
    before = _NAME_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    prev = before.group(1)
    if prev.endswith(".") and "." not in prev[:-1] and len(prev) > 4:
        return False  # "... in London. Universities": the end of a sentence
    return prev[:1].isupper() and not prev.isupper() and prev not in _NOT_NAMES


def _add(found: dict[str, SpanArray], sector: str, start: int, end: int) -> None:
    spans = found.get(sector)
    if spans is None:
        spans = found[sector] = SpanArray()
    spans.add(start, end)


def _drop(found: dict[str, SpanArray], head: tuple[int, int]) -> None:
    for spans in found.values():
        if spans and spans.starts[-1] == head[0] and spans.ends[-1] == head[1]:
            spans.starts.pop()
            spans.ends.pop()


def _sorted(spans: SpanArray) -> SpanArray:
    """The spans in (start, end) order, without making a span object for each."""
    starts, ends = spans.starts, spans.ends
    order = sorted(range(len(starts)), key=lambda i: (starts[i], ends[i]))
    return SpanArray.from_offsets(
        array("q", map(starts.__getitem__, order)), map(ends.__getitem__, order)
    )


def _covered(taken: SpanArray, start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps a match already taken."""
    starts, ends = taken.starts, taken.ends
    i = bisect_right(starts, start) - 1
    return (i >= 0 and ends[i] > start) or (i + 1 < len(starts) and starts[i + 1] < end)


def _shouted(text: str, start: int, end: int) -> bool:
    """An acronym inside an all-capitals headline is just a word ("IT SAYS")."""
    around = text[max(0, start - 24) : start] + text[end : end + 24]
    return not any(c.islower() for c in around)
