"""Sector mentions: lexicon phrases found in the text, grouped by sector id."""

from __future__ import annotations

from reader.analysis.lexicon import Lexicon, lexicon, normalise
from reader.analysis.model import SectorHit
from reader.spans import Span


def find_sectors(text: str, lex: Lexicon | None = None) -> list[SectorHit]:
    """Every sector with at least one mention, in the lexicon's order of sectors."""
    lex = lex or lexicon()
    found: dict[str, list[Span]] = {}
    phrases = lex.phrases
    taken: list[tuple[int, int]] = []
    for m in lex.matcher.finditer(text):
        sectors = phrases.get(normalise(m.group()))
        if sectors is None:
            continue
        taken.append((m.start(), m.end()))
        for sector in sectors:
            found.setdefault(sector, []).append(Span(m.start(), m.end()))
    if lex.case_matcher is not None:
        taken.sort()
        for m in lex.case_matcher.finditer(text):
            if _covered(taken, m.start(), m.end()):
                continue
            for sector in lex.case_phrases.get(" ".join(m.group().split()), ()):
                found.setdefault(sector, []).append(Span(m.start(), m.end()))
    hits = []
    for sector, name in lex.names.items():
        spans = found.get(sector)
        if spans:
            hits.append(SectorHit(sector, name, sorted(spans)))
    return hits


def _covered(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    from bisect import bisect_right

    i = bisect_right(taken, (start, 1 << 62)) - 1
    return (i >= 0 and taken[i][1] > start) or (i + 1 < len(taken) and taken[i + 1][0] < end)
