"""Sources that name nobody: page labels, clause fragments, adjectives of peoples.

"READ MORE: ...", "WATCH BELOW: ..." and the headline after such a label are
the page's furniture; "It's a", "Given his", "Witnesses heard him" are pieces
of a clause; "Chinese" or "West German" describe a speaker without naming one.
A statement with such a source has no speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from reader import regexes
from reader.analysis.vocabulary import (
    ASKING_PARTICIPLES,
    MUTE_NOUNS,
    NATIONALITIES,
    ORG_WORDS,
    PAGE_FURNITURE,
    PLACES,
    SOURCE_NOUNS,
    TITLES,
    VERB_FORMS,
)
from reader.spans import Span

_WORD = regexes.compile(r"[^\W_][\w'’]*")
_LABEL = regexes.compile(r"[ \t]*([^\W\d_][\w'’ \t]{0,30}?)[ \t]*:")
_WORD_AFTER = regexes.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
_ROLE_WORDS = TITLES | ORG_WORDS | SOURCE_NOUNS | NATIONALITIES
_NOUN_AFTER = regexes.compile(r"[ \t]+[a-z][a-z-]+")
_NUMBER_BEFORE = regexes.compile(r"\b\d[\d,]*[ \t]+\Z")
_OPEN_ENDED = {"a", "an", "the", "his", "her", "their", "its", "my", "our", "your"}
"""Last words that leave a noun phrase unfinished ("It's a", "Given his")."""
_CLAUSE_WORDS = {
    "him", "them", "me", "us", "it's", "it’s", "i'd", "i’d", "won't", "won’t", "can't",
    "can’t", "don't", "don’t", "didn't", "didn’t", "isn't", "isn’t", "wasn't", "wasn’t",
}  # fmt: skip
"""Words that make a clause of a source: an object pronoun, "it is", a negated verb."""
_ASKED_BY = regexes.compile(r"([A-Za-z][\w'’.-]*)\s+by\s+\Z")
_ASKED_WORDS = regexes.compile(r"(?:[A-Za-z][\w'’.-]*[^\S\n]*\n?[^\S\n]*){1,4}\Z")
_ASKED_STOP = regexes.compile(r".*(?:[,.;:!?\"“”()]|\n\s*\n)", re.DOTALL)


@lru_cache(maxsize=4096)
def _words(source: str) -> tuple[str, ...]:
    """A source's words in lower case (each statement's source is read so several times)."""
    return tuple(w.lower() for w in _WORD.findall(source))


def names_nobody(text: str, source: Span) -> bool:
    """Whether a statement's source is no speaker at all."""
    return _says_nobody(source.text(text)) or under_a_label(text, source.start)


@lru_cache(maxsize=4096)
def _says_nobody(source: str) -> bool:
    """Whether a source's words alone name no one: a label, a fragment, a mute noun."""
    words = _words(source)
    if not words or all(w in PAGE_FURNITURE for w in words):
        return True
    if len(words) > 1 and words[-1] in _OPEN_ENDED:
        return True
    if head_noun(words) in MUTE_NOUNS:
        return True  # "the Russell 2000 index of smaller-company stocks", "Common belief"
    return any(
        w in _CLAUSE_WORDS and not (w in _OBJECTS and k and words[k - 1] in _OBJECT_PREPOSITIONS)
        for k, w in enumerate(words)
    )


_OBJECTS = frozenset({"him", "them", "me", "us"})
_OBJECT_PREPOSITIONS = frozenset({"to", "of", "for", "with", "around", "near", "about"})
"""An object pronoun after these is part of a noun phrase: "people close to him"."""


_PLURALS = frozenset({"people", "men", "women", "children", "police", "staff", "media"})
"""Plurals with no "s"."""


def cue_is_a_noun(text: str, source: Span, cue: Span | None) -> bool:
    """Whether a one-word cue right after the source is a noun of its phrase.

    "a Facebook post": a singular subject with an indefinite article never
    takes a verb's base form; "50 member states": a singular noun after a
    number is a modifier, not the subject of a verb in the singular.
    """
    if cue is None or text[source.end : cue.start] != " ":
        return False
    word = text[cue.start : cue.end].lower()
    verb = VERB_FORMS.get(word)
    words = _words(source.text(text))
    if verb is None or not words or words[-1].endswith("s") or words[-1] in _PLURALS:
        return False  # "a lot of people say": a plural takes the base form
    if words[0] in {"a", "an"} and words[1:2] != ("few",) and word == verb.base:
        return True
    return (
        word.endswith("s")  # "73 percent said": a number of people may speak
        and len(words) == 1
        and words[0].islower()
        and _NUMBER_BEFORE.search(text, max(0, source.start - 12), source.start) is not None
    )


def head_noun(words: Sequence[str]) -> str:
    """The head noun of a source's words: the last one, or the last before "of"
    ("governor" of "governor of West Flanders province")."""
    return words[list(words).index("of") - 1] if "of" in words[1:] else words[-1]


def people_of(text: str, source: Span) -> Span | None:
    """The people an adjective ("Central European") describes, if the text names them.

    Returns the span with the words after it ("Central European leaders", "Chinese
    foreign ministry spokeswoman Hua Chunying"); a source that is only such
    adjectives and has no noun after it names nobody (None). Any other source
    is returned as it is.
    """
    words = _words(source.text(text))
    if not words or not all(w in NATIONALITIES for w in words):
        return source
    end, named = source.end, False
    for _ in range(8):
        m = _WORD_AFTER.match(text, end)
        if m is None:
            break
        word = m.group(1)
        if word[:1].isupper():
            named = named or word.lower() not in _ROLE_WORDS
        elif named or word not in _ROLE_WORDS:
            break
        end = m.end()
    if named:
        return Span(source.start, end)
    m = _NOUN_AFTER.match(text, source.end)
    return Span(source.start, m.end()) if m else None


def under_a_label(text: str, pos: int) -> bool:
    """Whether ``pos`` stands in a line that opens with a page label ("READ MORE: ...")."""
    line = text.rfind("\n", 0, pos) + 1
    colon = text.find(":", line, min(pos, line + 40))
    if colon < 0:
        return False
    m = _LABEL.match(text, line, colon + 1)
    if m is None:
        return False
    return all(w.lower() in PAGE_FURNITURE for w in m.group(1).split())


def asked_by(text: str, source: Span) -> Span | None:
    """The people a source only asked: "economists polled by Reuters said".

    Returns the noun phrase before the participle ("economists"), the speakers;
    None when the source is not the agent of such a participle.
    """
    if text.rfind("by", max(0, source.start - 6), source.start) < 0:
        return None  # most sources: no "by" just before
    before = text[max(0, source.start - 120) : source.start]
    m = _ASKED_BY.search(before)
    if m is None or m.group(1).lower() not in ASKING_PARTICIPLES:
        return None
    head = before[: m.start()].rstrip()
    stop = _ASKED_STOP.match(head)
    lo = stop.end() if stop else 0
    words = _ASKED_WORDS.search(head, lo)
    if words is None:
        return None
    base = source.start - len(before)
    start = base + words.start() + len(words.group()) - len(words.group().lstrip())
    return Span(start, base + len(head))


def opening_word(text: str, source: Span) -> bool:
    """A lone participle that opens its sentence: "Speaking at a lunch, ...", "Asked if
    ..." (the speaker is named later in the sentence, not by this word)."""
    word = source.text(text)
    low = word.lower()
    if not word.isalpha() or not word[:1].isupper() or not low.endswith(("ing", "ed")):
        return False
    if low in SOURCE_NOUNS or low in TITLES or low in PLACES:
        return False  # "Beijing warned"
    after = _WORD_AFTER.match(text, source.end)
    if after is None or after.group(1).lower() in VERB_FORMS:
        return False  # the subject of its cue: a name that ends like a participle
    j = source.start - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in ".!?\n"
