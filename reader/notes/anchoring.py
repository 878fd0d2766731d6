"""Find a note's words again in a text that may have changed (pure functions).

A target is described as a quote with context plus a position (W3C
TextQuoteSelector + TextPositionSelector). Anchoring it again, in order:

1. the quote is still at its position: ``anchored``;
2. else the best exact occurrence of the quote in a matching context, ranked
   by how well the text around it matches the stored prefix/suffix and by
   distance from the old position: ``moved``;
3. else the best fuzzy match (rapidfuzz) above a minimum score, with its
   context still matching on both sides, near the old position first: ``moved``;
4. else, for a long quote, its best exact occurrence in any context (a
   paragraph moved elsewhere): ``moved``;
5. else ``orphan``: no place, rather than a wrong place.

A short quote (a word or two) is only accepted where its context agrees,
since such words recur all over a text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.notes.model import AnchorStatus, Target

if TYPE_CHECKING:
    from rapidfuzz.distance import ScoreAlignment

CONTEXT = 32
"""Characters of prefix and suffix kept with a quote."""

DISTINCTIVE = 32
"""A quote at least this long is accepted anywhere it occurs exactly."""

MIN_CONTEXT = 0.5
"""Minimum mean similarity of prefix and suffix around a short exact quote."""

MIN_FUZZY_CONTEXT = 0.6
"""Minimum mean similarity of prefix and suffix around a fuzzy match..."""

MIN_FUZZY_SIDE = 0.3
"""...and of each of them: one side may be edited, not both."""

MIN_FUZZY = 0.8
"""Minimum similarity of the quote to the text found by fuzzy search."""

MIN_FUZZY_LENGTH = 12
"""Quotes shorter than this are never searched fuzzily."""

FUZZY_WINDOW = 512
"""Characters on each side of the old position searched fuzzily before the whole text."""

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


def _similarity(a: str, b: str) -> float:
    """Levenshtein's normalised similarity of ``a`` and ``b``, 0..1 (rapidfuzz: loaded with
    the first note that is not where it was, not with the program)."""
    if a == b:  # every note still in place: no fuzzy matcher to load before the first paint
        return 1.0
    from rapidfuzz.distance import Levenshtein

    return float(Levenshtein.normalized_similarity(a, b))


def _alignment(quote: str, window: str) -> ScoreAlignment | None:
    """Where in ``window`` the part most like ``quote`` is, if it scores ``MIN_FUZZY``."""
    from rapidfuzz.fuzz import partial_ratio_alignment

    return partial_ratio_alignment(quote, window, score_cutoff=MIN_FUZZY * 100)


def context_scores(text: str, start: int, end: int, target: Target) -> tuple[float, float]:
    """Similarity (0..1) of the stored prefix and suffix to the text around ``[start, end)``.

    A stored prefix shorter than :data:`CONTEXT` means the quote was at the start
    of the text, so it is compared with a full window (the same holds at the end).
    """
    before = text[max(0, start - max(len(target.prefix), CONTEXT)) : start]
    after = text[end : end + max(len(target.suffix), CONTEXT)]
    return (
        _similarity(target.prefix, before),
        _similarity(target.suffix, after),
    )


def _accept(text: str, start: int, end: int, target: Target, *, loose: bool) -> float | None:
    """The context score when the exact quote found at ``[start, end)`` is acceptable there.

    A matching context is needed, except, when ``loose``, for a distinctive quote.
    """
    prefix, suffix = context_scores(text, start, end, target)
    score = (prefix + suffix) / 2
    if score >= MIN_CONTEXT or (loose and len(target.exact) >= DISTINCTIVE):
        return score
    return None


def _occurrences(text: str, quote: str) -> list[int]:
    found: list[int] = []
    pos = text.find(quote)
    while pos >= 0 and len(found) < MAX_OCCURRENCES:
        found.append(pos)
        pos = text.find(quote, pos + 1)
    return found


def _exact(text: str, target: Target, *, loose: bool) -> Anchor | None:
    """The best acceptable exact occurrence of the quote."""
    size = max(len(text), 1)
    best: tuple[float, int] | None = None
    for pos in _occurrences(text, target.exact):
        score = _accept(text, pos, pos + len(target.exact), target, loose=loose)
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
    """The best fuzzy match of the quote, if close enough and in a matching context.

    Searched first near the old position, then in the whole text.
    """
    quote = target.exact
    if len(quote) < MIN_FUZZY_LENGTH or not text:
        return None
    reach = max(FUZZY_WINDOW, len(quote))
    lo = min(max(0, target.start - reach), len(text))
    hi = min(len(text), max(target.end, 0) + reach)
    for base, window in ((lo, text[lo:hi]), (0, text)):
        found = _alignment(quote, window)
        if found is None:
            continue
        start, end = _widen(text, quote, base + found.dest_start, base + found.dest_end)
        if _similarity(quote, text[start:end]) < MIN_FUZZY:
            continue
        prefix, suffix = context_scores(text, start, end, target)
        if min(prefix, suffix) < MIN_FUZZY_SIDE or (prefix + suffix) / 2 < MIN_FUZZY_CONTEXT:
            continue
        return Anchor("moved", start, end)
    return None


def _edge(text: str, pos: int) -> bool:
    """True at a word boundary."""
    return pos <= 0 or pos >= len(text) or not (text[pos - 1].isalnum() and text[pos].isalnum())


def _widen(text: str, quote: str, start: int, end: int) -> tuple[int, int]:
    """Move the ends of an alignment to where the text is most similar to the quote.

    Each end moves by at most a fifth of the quote, one end at a time; ties go to
    word boundaries.
    """
    slack = max(2, len(quote) // 5)

    def key(s: int, e: int) -> tuple[float, int]:
        similarity = _similarity(quote, text[s:e])
        return round(similarity, 9), _edge(text, s) + _edge(text, e)

    for _ in range(2):
        start = max(
            range(max(0, start - slack), min(start + slack, end) + 1), key=lambda s: key(s, end)
        )
        end = max(
            range(max(start, end - slack), min(len(text), end + slack) + 1),
            key=lambda e: key(start, e),
        )
    return start, end


def anchor(text: str, target: Target) -> Anchor:
    """Where ``target`` is in ``text`` now; an orphan when it is nowhere for sure."""
    quote = target.exact
    if not quote:
        return ORPHAN
    start, end = target.start, target.end
    in_place = 0 <= start <= end <= len(text) and text[start:end] == quote
    if in_place and context_scores(text, start, end, target) == (1.0, 1.0):
        return Anchor("anchored", start, end)
    # Shifted text can put the same short quote at the old offset in a context that
    # only resembles the stored one: the occurrence whose context matches best wins.
    found = (
        _exact(text, target, loose=False)
        or _fuzzy(text, target)
        or _exact(text, target, loose=True)
        or ORPHAN
    )
    if in_place and (found.start, found.end) == (start, end):
        return Anchor("anchored", start, end)
    return found
