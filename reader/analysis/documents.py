"""A source that is a document or a medium: who wrote it, when the text says.

"The RCMP statement said", "her memo says", "a letter from the union
warns", "the memo obtained by The Globe shows": the statement speaks for its
author (the RCMP, she, the union), never as a speaker called "memo". When
the phrase names no author ("the statement said"), the author is the one
named before it, found by the speaker passes.
"""

from __future__ import annotations

from functools import lru_cache

from reader import regexes
from reader.analysis.vocabulary import (
    AUTHOR_LINKS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    LEADING_NOISE,
    MEDIUM_LINKS,
    NAME_PREPOSITIONS,
    STOP_WORDS,
    STUDY_NOUNS,
)
from reader.records import record
from reader.spans import Span

_TOKEN = regexes.compile(r"[^\W_](?:[\w'’.&-]*[\w.])?")
_POSSESSIVE = regexes.compile(r"[’']s?\Z")
_OWNER_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it", "my": "i"}
_STUDY_LINKS = frozenset({"by", "from"})
"""What brings in a study's author: "a survey of listed clubs by CTV News"."""
_LABEL = regexes.compile(r"[A-Z0-9]{1,3}\Z")
"""What names a numbered document: "Schedule E", "Annex 2"."""


@record(frozen=True, slots=True)
class DocumentSource:
    """A document as a source: its author's words in the phrase, or a pronoun, or neither."""

    author: Span | None = None
    pronoun: str | None = None


def read_document(text: str, span: Span) -> DocumentSource | None:
    """The author a document source names, or None when the source is no document.

    Only the span's words count, so the answer is kept by its words (a long text
    repeats its sources), with the author's offsets from the span's start.
    """
    found = _read_words(text[span.start : span.end])
    if found is None or found.author is None or not span.start:
        return found
    at = found.author
    return DocumentSource(Span(at.start + span.start, at.end + span.start), found.pronoun)


@lru_cache(maxsize=4096)
def _read_words(words: str) -> DocumentSource | None:
    return _read(words, Span(0, len(words)))


def _read(text: str, span: Span) -> DocumentSource | None:
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, span.start, span.end)]
    head = _head(toks)
    if head is None:
        return None
    study = toks[head][2].lower() in STUDY_NOUNS
    before, after = toks[:head], toks[head + 1 :]
    if study:
        # "a survey of listed clubs by CTV News": its "of" is what was studied
        k = next((k for k, t in enumerate(after) if t[2].lower() in _STUDY_LINKS), len(after))
        if k + 1 < len(after):
            return DocumentSource(Span(after[k + 1][0], after[-1][1]))
    elif after and after[0][2].lower() not in MEDIUM_LINKS:
        k = 0
        while k < len(after) and after[k][2].lower() in AUTHOR_LINKS:
            k += 1
        if 0 < k < len(after):  # "a letter from the union", "a memo signed by Ann Lee"
            return DocumentSource(Span(after[k][0], after[-1][1]))
    nobody = None if study else DocumentSource()  # a study naming no author is no document
    while before and before[0][2].lower() in LEADING_NOISE:
        before = before[1:]
    if not before:
        return nobody
    first = before[0][2].lower()
    if first in _OWNER_PRONOUNS:
        return DocumentSource(pronoun=_OWNER_PRONOUNS[first])
    owner = next((k for k, t in enumerate(before) if _POSSESSIVE.search(t[2])), None)
    if owner is not None:  # "the union's Friday release": the union
        end = before[owner][1] - len(_POSSESSIVE.search(before[owner][2]).group())  # type: ignore[union-attr]
        return DocumentSource(Span(before[0][0], end))
    run = len(before)
    while run > 0 and _capitalised(before[run - 1][2]):
        run -= 1
    if run < len(before):  # "the RCMP statement", "a Donald Trump tweet"
        return DocumentSource(Span(before[run][0], before[-1][1]))
    return nobody


def _head(toks: list[tuple[int, int, str]]) -> int | None:
    """Where the document or study noun stands: a lower-case one, "Schedule E", one
    opening the sentence before its author ("Data from ..."), or a study named after
    a possessor ("the city's Street Needs Assessment")."""
    for k, (_, _, word) in enumerate(toks):
        low = word.lower()
        if (
            low in STOP_WORDS
            or low in NAME_PREPOSITIONS
            or (word == low and low.endswith(("ed", "ing")))
        ):
            return None  # "an expert cited in the report": the expert, not the report
        if low not in DOCUMENT_NOUNS and low not in STUDY_NOUNS:
            continue
        if word == low:
            return k
        if low in STUDY_NOUNS and any(_POSSESSIVE.search(t[2]) for t in toks[:k]):
            return k  # "the city's Street Needs Assessment"
        if k == 0 and len(toks) > 2 and toks[1][2] in ("by", "from"):
            return k  # opening its sentence: "Data from California ISO"
        if k + 1 < len(toks) and _LABEL.fullmatch(toks[k + 1][2]) and k + 2 == len(toks):
            return k
    return None


def _capitalised(word: str) -> bool:
    low = word.lower()
    return word[:1].isupper() and low not in LEADING_NOISE and low not in DETERMINERS
