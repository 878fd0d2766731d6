"""The patterns of English reporting syntax, one small function each, and their order.

A pattern reads one ``Cue`` in its sentence. It returns False when it does
not apply, and True when it has read the cue, whether or not that gave a
statement ("it was declared by ..." is read, and gives none); the first
pattern that returns True ends the search. Each kind of cue has its
patterns in a tuple at the end of this module, tried in that order: the
order is their precedence. ``cues`` finds each cue and its source and
tries them.

The patterns of a finite verb ("said", "told") are in ``finite_patterns``;
those of a participle ("..., saying that") and of "according to" are here.
Where what a cue introduces starts and ends (the person told, an adjunct,
a "that") is ``reported_clause``.

Quotation marks may be curly, straight or two apostrophes; a quotation may
run over paragraphs or have lost its opening mark (see ``layout``). Every
look-around is bounded, so the work stays linear in the text.
"""

from __future__ import annotations

from collections.abc import Callable

from reader import regexes
from reader.analysis.finite_patterns import (
    clause_after,
    clause_before,
    colon_after,
    distant_subject,
    inverted,
    long_source,
    named_as,
    object_infinitive,
    passive,
    quotation_after,
    quotation_around,
    quotation_before,
    that_clause,
)
from reader.analysis.phrases_after import subject_after
from reader.analysis.quotes import Cue, QuoteFinder
from reader.analysis.reported_clause import reach, reported_end

Pattern = Callable[[QuoteFinder, Cue], bool]

_WS = regexes.compile(r"\s*")
_CONJUNCTIONS = frozenset({"", "but", "and", "yet", "so", "also", "however"})


# ------------------------------------------------ participles: "..., saying that"


def participle_opening(f: QuoteFinder, c: Cue) -> bool:
    """``Stressing that CONTENT, SOURCE ...``: a participle that opens its sentence."""
    if not c.initial:
        return False
    text, sent = f.text, c.sent
    comma = text.rfind(",", c.rest, sent.end)
    if comma < 0:
        return True
    source, _ = subject_after(text, comma + 1, sent)
    content = f.clean(c.rest, comma)
    if source is not None and content is not None:
        f.add("indirect", content, c.span, source)
    return True


def participle_clause(f: QuoteFinder, c: Cue) -> bool:
    """``..., saying (that) CONTENT``: the rest of the sentence."""
    content = f.clean(c.rest, reported_end(f, c.rest, c.sent.end))
    if content is not None:
        f.add("indirect", content, c.span, c.source, follows=c.follows)
    return True


# ------------------------------------------------------------------ "according to"


def according_first(f: QuoteFinder, c: Cue) -> bool:
    """``According to SOURCE, CONTENT`` (at most a conjunction before it)."""
    text, sent, source = f.text, c.sent, c.known_source
    lead = text[sent.start : c.start].strip(" ,\n\t").lower()
    if lead not in _CONJUNCTIONS:
        return False
    content = f.clean(_past_comma(text, source.end, sent.end), sent.end)
    if content is not None:
        f.add("indirect", content, c.span, source)
    return True


def _past_comma(text: str, pos: int, end: int) -> int:
    """Where the words after a source start: past white space and one comma."""
    after = _WS.match(text, pos, end)
    pos = after.end() if after else pos
    return pos + 1 if text[pos : pos + 1] == "," else pos


def according_last(f: QuoteFinder, c: Cue) -> bool:
    """``CONTENT, according to SOURCE``."""
    content = f.clean(c.sent.start, c.start)
    if content is None:
        return False
    f.add("indirect", content, c.span, c.source)
    return True


def according_within(f: QuoteFinder, c: Cue) -> bool:
    """``Prices, according to SOURCE, rose ...``: what follows the source (and its comma)."""
    content = f.clean(_past_comma(f.text, c.known_source.end, c.sent.end), c.sent.end)
    if content is not None:
        f.add("indirect", content, c.span, c.source)
    return True


# ------------------------------------------------------------ the order of patterns

FINITE: tuple[Pattern, ...] = (
    passive,  # "it was declared by ...": no report of speech
    long_source,  # '"...," Rep. Jim Jordan (R-Ohio), a panel member, said'
    distant_subject,  # finds a source only: "Donna Rawlings, 59, who watched, said ..."
    inverted,  # '"...," said Caddell' and "CONTENT, said the minister"; ends sourceless cues
    quotation_around,  # '"A," she said, "B."'
    named_as,  # 'what he called "a disaster"': no statement
    quotation_after,  # 'SOURCE said: "CONTENT"'
    colon_after,  # "SOURCE said: CONTENT"
    that_clause,  # "SOURCE said (in Michigan) that CONTENT"
    object_infinitive,  # "SOURCE urged police to investigate"
    quotation_before,  # '"CONTENT," SOURCE said later'
    clause_before,  # "CONTENT, SOURCE said." and "A, SOURCE said, B."
    clause_after,  # "SOURCE said CONTENT"
)
"""A reporting verb in a finite form ("said", "has told", "is warning")."""

PARTICIPLE: tuple[Pattern, ...] = (
    participle_opening,  # "Stressing that CONTENT, SOURCE ..."
    quotation_after,  # '..., saying: "CONTENT"'
    colon_after,  # "..., saying: CONTENT"
    participle_clause,  # "..., saying (that) CONTENT"
)
"""A reporting verb's -ing form after a comma or a dash, or opening its sentence."""

ACCORDING: tuple[Pattern, ...] = (
    according_first,  # "According to SOURCE, CONTENT"
    according_last,  # "CONTENT, according to SOURCE"
    according_within,  # "Prices, according to SOURCE, rose ..."
)
"""The words "according to"."""

_SOURCELESS_ONLY = frozenset({long_source, distant_subject, inverted})
"""Patterns of ``FINITE`` that return False at once for a cue whose source is known."""
_QUOTED_ONLY = frozenset({quotation_around, named_as, quotation_after})
"""Patterns of ``FINITE`` that return False at once when no quotation opens at ``reach``."""


def _finite_subset(auxiliaries: bool, quoted: bool, told_to: bool) -> tuple[Pattern, ...]:
    """``FINITE`` without the patterns that cannot read a cue with a known source.

    ``auxiliaries``: words stand between the cue's auxiliaries and its verb (else
    ``passive`` finds nothing); ``quoted``: a quotation opens where what the cue
    introduces starts; ``told_to``: its verb takes a person and an infinitive
    (else ``object_infinitive`` does not apply).
    """
    return tuple(
        p
        for p in FINITE
        if p not in _SOURCELESS_ONLY
        and (quoted or p not in _QUOTED_ONLY)
        and (auxiliaries or p is not passive)
        and (told_to or p is not object_infinitive)
    )


_FINITE_BY_STATE = {
    (a, q, t): _finite_subset(a, q, t)
    for a in (False, True)
    for q in (False, True)
    for t in (False, True)
}


def finite_patterns(f: QuoteFinder, c: Cue) -> tuple[Pattern, ...]:
    """The patterns of ``FINITE`` to try on a finite cue, in their order.

    A cue whose source is known skips those that would return False at once
    (see ``_finite_subset``): most cues are tried on a few patterns, not
    thirteen. What no pattern changes decides it: the source (only a
    sourceless cue gets one, in ``distant_subject``), the quotation at
    ``reach`` (computed here, as ``quotation_around`` would first), the
    auxiliaries and the verb.
    """
    if c.source is None:
        return FINITE
    reach(f, c)
    verb = c.verb
    return _FINITE_BY_STATE[
        (
            c.first < c.start and not c.word.endswith("ing"),
            c.quote is not None,
            verb is not None and bool(verb.clause_only and verb.object),
        )
    ]
