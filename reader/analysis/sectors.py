"""Sector mentions: lexicon phrases found in the text, grouped by sector id."""

from __future__ import annotations

import re

from reader.analysis.lexicon import Lexicon, lexicon, normalise
from reader.analysis.model import SectorHit
from reader.spans import Span

_OF = re.compile(r"\s+of\s+(?:the\s+)?")


def find_sectors(text: str, lex: Lexicon | None = None) -> list[SectorHit]:
    """Every sector with at least one mention, in the lexicon's order of sectors."""
    lex = lex or lexicon()
    found: dict[str, list[Span]] = {}
    phrases = lex.phrases
    taken: list[tuple[int, int]] = []
    pending: tuple[int, int, str] | None = None  # a head waiting for "of <goods>"
    for m in lex.matcher.finditer(text):
        key = normalise(m.group())
        sectors = phrases.get(key)
        if sectors is None:
            continue
        start, end = m.start(), m.end()
        taken.append((start, end))
        if pending is not None and lex.goods:
            goods = sectors & lex.goods
            if len(goods) == 1 and _OF.fullmatch(text, pending[1], start):
                # "exports of wheat": the head belongs to the goods it is of.
                _drop(found, pending)
                sectors = goods
                start = pending[0]
        pending = None
        if key in lex.heads and sectors and not (sectors & lex.goods):
            pending = (start, end, key)
        for sector in sectors:
            found.setdefault(sector, []).append(Span(start, end))
    if lex.case_matcher is not None:
        taken.sort()
        for m in lex.case_matcher.finditer(text):
            if _covered(taken, m.start(), m.end()) or _shouted(text, m.start(), m.end()):
                continue
            for sector in lex.case_phrases.get(" ".join(m.group().split()), ()):
                found.setdefault(sector, []).append(Span(m.start(), m.end()))
    hits = []
    found = {k: v for k, v in found.items() if v}
    for sector, name in lex.names.items():
        spans = found.get(sector)
        if spans:
            hits.append(SectorHit(sector, name, sorted(spans)))
    return hits


def _drop(found: dict[str, list[Span]], head: tuple[int, int, str]) -> None:
    span = Span(head[0], head[1])
    for spans in found.values():
        if spans and spans[-1] == span:
            spans.pop()


def _covered(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    from bisect import bisect_right

    i = bisect_right(taken, (start, 1 << 62)) - 1
    return (i >= 0 and taken[i][1] > start) or (i + 1 < len(taken) and taken[i + 1][0] < end)


def _shouted(text: str, start: int, end: int) -> bool:
    """An acronym inside an all-capitals headline is just a word ("IT SAYS")."""
    around = text[max(0, start - 24) : start] + text[end : end + 24]
    return not any(c.islower() for c in around)
