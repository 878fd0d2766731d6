"""The words of a source that name the speaker, without the role around them."""

from __future__ import annotations

from reader import regexes
from reader.analysis.phrases import Token, tokens, trim_stop
from reader.analysis.vocabulary import (
    DETERMINERS,
    LEADING_NOISE,
    NAME_PREPOSITIONS,
    STOP_WORDS,
)
from reader.spans import Span

_ROLE_BEFORE_NAME = regexes.compile(r"\b[a-z][\w-]*\s+[A-Z]")
"""A word in lower case before a capitalised one: "head coach Ken"."""


def _capital(w: str) -> bool:
    return w[:1].isupper() or (w[:1].isdigit() and any(c.isupper() for c in w))


def _is_name_run(toks: list[Token]) -> bool:
    """A short run of capitalised words (and "of", "de", ...): a name, not a role."""
    if not toks or len(toks) > 6 or not _capital(toks[0].text) or not _capital(toks[-1].text):
        return False
    return all(_capital(t.text) or t.text.lower() in NAME_PREPOSITIONS for t in toks)


def _role_word(w: str) -> bool:
    """A lower-case word that can end a role before a name ("coach", "scientist")."""
    low = w.lower()
    return (
        w[:1].islower()
        and w.replace("-", "").isalpha()
        and low not in STOP_WORDS
        and low not in DETERMINERS
        and low not in NAME_PREPOSITIONS
        and low not in LEADING_NOISE
    )


def name_within(text: str, span: Span) -> Span:
    """The words of a source that name the speaker, without the role around them.

    ``Oilers head coach Ken Hitchcock`` gives "Ken Hitchcock"; ``Hamish
    Telford, a political scientist`` and ``a political scientist, Hamish
    Telford`` give "Hamish Telford". A source with no such name stays whole.
    """
    if text.find(",", span.start, span.end) < 0 and not _ROLE_BEFORE_NAME.search(
        text, span.start, span.end
    ):
        return span  # no apposition and no role before a name: all of it names the speaker
    toks = tokens(text, span.start, span.end)
    commas = [k for k, t in enumerate(toks) if t.text == ","]
    part = toks
    if commas:
        first, rest = toks[: commas[0]], toks[commas[0] + 1 :]
        if len(commas) > 1:
            rest = toks[commas[0] + 1 : commas[1]]
        if _is_name_run(first) and rest and not _is_name_run(rest):
            part = first  # "Name, the role of ...,"
        elif _is_name_run(rest) and first and not _is_name_run(first):
            part = rest  # "The role, Name"
        else:
            return span
    # "head coach Ken Hitchcock" and "professor Kent Moore at the University of Toronto"
    for k in range(1, len(part)):
        if not (_capital(part[k].text) and _role_word(part[k - 1].text)):
            continue
        j = k
        while j < len(part) and _capital(part[j].text):
            j += 1
        tail = part[j:]
        if j - k <= 4 and (not tail or tail[0].text.lower() in NAME_PREPOSITIONS):
            part = part[k:j]
        break
    if part is toks:
        return span
    return Span(part[0].start, trim_stop(part[-1]))
