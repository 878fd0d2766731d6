"""Find a note's words again in a text that may have changed (pure functions).

A target is described as a quote with context plus a position (W3C
TextQuoteSelector + TextPositionSelector). Anchoring it again, in order:

1. the quote is still at its position, with its context: ``anchored``;
2. else the best exact occurrence of the quote, ranked by how well the text
   around it matches the stored prefix/suffix and by distance from the old
   position: ``moved``;
3. else the best fuzzy match (rapidfuzz) above a minimum score, with its
   context checked too: ``moved``;
4. else ``orphan``: no place, rather than a wrong place.

A short quote (a word or two) is only accepted where its context agrees,
since such words recur all over a text.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import partial_ratio_alignment

from reader.notes.model import AnchorStatus, Target

CONTEXT = 32
"""Characters of prefix and suffix kept with a quote."""

DISTINCTIVE = 32
"""A quote at least this long is accepted anywhere it occurs exactly."""

MIN_CONTEXT = 0.5
"""Minimum mean similarity of prefix and suffix for a short quote or a fuzzy match."""

MIN_FUZZY = 0.8
"""Minimum similarity of the quote to the text found by fuzzy search."""

MIN_FUZZY_LENGTH = 12
"""Quotes shorter than this are never searched fuzzily."""

MAX_OCCURRENCES = 2000
"""Exact occurrences examined at most (a bound on the work for a very common quote)."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a target is in a text now: its status and span (None for an orphan)."""

    status: AnchorStatus
    start: int | None = None
    end: int | None = None


ORPHAN = Anchor("orphan")


def describe(text: str, start: int, end: int, context: int = CONTEXT) -> Target:
    """The target of ``text[start:end]``: the quote, its context, its position."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span [{start}, {end}) is outside a text of {len(text)} characters")
    return Target(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
        start=start,
        end=end,
    )


def context_score(text: str, start: int, end: int, target: Target) -> float:
    """Mean similarity (0..1) of the stored prefix/suffix to the text around ``[start, end)``."""
    before = text[max(0, start - len(target.prefix)) : start]
    after = text[end : end + len(target.suffix)]
    prefix = Levenshtein.normalized_similarity(target.prefix, before)
    suffix = Levenshtein.normalized_similarity(target.suffix, after)
    return (prefix + suffix) / 2


def _accept(text: str, start: int, end: int, target: Target) -> float | None:
    """The context score when a quote found at ``[start, end)`` is acceptable there."""
    score = context_score(text, start, end, target)
    if len(target.exact) >= DISTINCTIVE or score >= MIN_CONTEXT:
        return score
    return None


def _occurrences(text: str, quote: str) -> list[int]:
    found: list[int] = []
    pos = text.find(quote)
    while pos >= 0 and len(found) < MAX_OCCURRENCES:
        found.append(pos)
        pos = text.find(quote, pos + 1)
    return found


def _exact(text: str, target: Target) -> Anchor | None:
    """The best acceptable exact occurrence of the quote."""
    size = max(len(text), 1)
    best: tuple[float, int] | None = None
    for pos in _occurrences(text, target.exact):
        score = _accept(text, pos, pos + len(target.exact), target)
        if score is None:
            continue
        ranked = score - abs(pos - target.start) / size * 0.1
        if best is None or ranked > best[0]:
            best = (ranked, pos)
    if best is None:
        return None
    pos = best[1]
    return Anchor("moved", pos, pos + len(target.exact))


def _fuzzy(text: str, target: Target) -> Anchor | None:
    """The best fuzzy match of the quote, if close enough and in a matching context."""
    quote = target.exact
    if len(quote) < MIN_FUZZY_LENGTH or not text:
        return None
    found = partial_ratio_alignment(quote, text, score_cutoff=MIN_FUZZY * 100)
    if found is None:
        return None
    start, end = _widen(text, quote, found.dest_start, found.dest_end)
    if Levenshtein.normalized_similarity(quote, text[start:end]) < MIN_FUZZY:
        return None
    if context_score(text, start, end, target) < MIN_CONTEXT:
        return None
    return Anchor("moved", start, end)


def _widen(text: str, quote: str, start: int, end: int) -> tuple[int, int]:
    """Move the ends of an alignment to where the text is most similar to the quote."""
    slack = max(2, len(quote) // 5)
    best = (Levenshtein.normalized_similarity(quote, text[start:end]), start, end)
    for s in range(max(0, start - slack), min(start + slack, end) + 1):
        for e in range(max(s, end - slack), min(len(text), end + slack) + 1):
            score = Levenshtein.normalized_similarity(quote, text[s:e])
            if score > best[0]:
                best = (score, s, e)
    return best[1], best[2]


def anchor(text: str, target: Target) -> Anchor:
    """Where ``target`` is in ``text`` now; an orphan when it is nowhere for sure."""
    quote = target.exact
    if not quote:
        return ORPHAN
    start, end = target.start, target.end
    if (
        0 <= start <= end <= len(text)
        and text[start:end] == quote
        and _accept(text, start, end, target) is not None
    ):
        return Anchor("anchored", start, end)
    return _exact(text, target) or _fuzzy(text, target) or ORPHAN
