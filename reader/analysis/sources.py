"""What a source span says about its speaker: a name, a role, or a pronoun.

A source is a span of the text ("Russian FM Lavrov", "the Russian
minister", "he"); ``read_source`` splits it into a name and a role, or
recognises a role or a pronoun, and tells a person from an organisation.
"""

from __future__ import annotations

import re

from reader import regexes
from reader.analysis.vocabulary import (
    DETERMINERS,
    LEADING_NOISE,
    NAME_PREPOSITIONS,
    NEWS_ORGS,
    ORG_WORDS,
    PARTICLES,
    PLACES,
    PRONOUNS,
    SOURCE_NOUNS,
    TITLES,
)
from reader.records import record
from reader.spans import Span

_WORD = regexes.compile(r"[^\W_](?:[\w'’.&-]*[\w.])?|[’'][sS]\b|,")
POSSESSIVE = regexes.compile(r"[’']s\Z")
_JOINED = regexes.compile(r"\band(?:\s+(?:Mr|Mrs|Ms|Dr)\.?)?\s*\Z")
"""A "role" that is really another name joined by "and" ("Mr. King and Mr.")."""
_PARENS = regexes.compile(r"\([^()]{0,40}\)")
_PAREN_TAIL = regexes.compile(r"\s*\([^()]{0,40}\)\s*\Z")
NOISE = DETERMINERS | LEADING_NOISE
"""Words before a name or a role that are part of neither ("the", "on Monday")."""


def is_title(word: str) -> bool:
    """A title or role word ("minister", "Sen.")."""
    return word.lower() in TITLES or word.lower().rstrip(".") in TITLES


def is_capital(word: str) -> bool:
    return word[:1].isupper()


def is_org(tokens: list[str]) -> bool:
    """Whether these words name an organisation: a state, a firm, a paper, an acronym."""
    if len(tokens) == 1 and tokens[0].lower() in NEWS_ORGS:
        return True
    bare = (POSSESSIVE.sub("", t) for t in tokens)  # "Tokyo's", or "Tokyo" "'s"
    if " ".join(t for t in bare if t).lower() in PLACES:
        return True  # a state, its capital or a bloc speaks for a government
    if "and" in tokens:  # "Germany and France": organisations speaking together
        k = tokens.index("and")
        if 0 < k < len(tokens) - 1 and is_org(tokens[:k]) and is_org(tokens[k + 1 :]):
            return True
    for t in tokens:
        if t.lower() in ORG_WORDS or t.lower().rstrip(".") in ORG_WORDS:
            return True
        letters = t.replace(".", "").replace("-", "")
        if len(letters) >= 2 and letters.isupper() and letters.isalpha():
            return True
    return False


@record(slots=True)
class Reading:
    """What a source span says about its speaker."""

    kind: str  # "name", "role" or "pronoun"
    name: str = ""
    name_span: Span | None = None
    role: str | None = None
    org: bool = False
    key: str = ""


def read_source(text: str, span: Span) -> Reading | None:
    """Split a source span into a name and a role, or recognise a pronoun or role."""
    end = span.end
    paren = _PAREN_TAIL.search(text, span.start, span.end)
    if paren:
        end = paren.start()  # "Tom O'Brien (D-NY)": the party tag is not the name
    toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, span.start, end)]
    parens = [(m.start(), m.end()) for m in _PARENS.finditer(text, span.start, end)]
    if parens:  # "(R-Ohio)" tags a name; it is not part of it
        toks = [t for t in toks if not any(a <= t[0] < b for a, b in parens)]
    if not toks:
        return None
    if len(toks) == 1 and toks[0][2].lower() in PRONOUNS:
        return Reading("pronoun", toks[0][2].lower())
    role_part = toks
    if any(t[2] == "," for t in toks):
        comma = next(i for i, t in enumerate(toks) if t[2] == ",")
        toks, role_part = toks[:comma], toks[comma + 1 :]
        if not toks:
            return None
        named = [t for t in toks[1:] if is_capital(t[2])]
        if not named and role_part and all(is_capital(t[2]) for t in role_part if t[2] != ","):
            toks, role_part = (
                [t for t in role_part if t[2] != ","],
                toks,
            )  # "The chairman, Phil Lovas"
    # The name: the capitalised run at the end, without title words.
    end = len(toks)
    while end > 0 and POSSESSIVE.fullmatch(toks[end - 1][2]):
        end -= 1
    i = end - 1
    while i >= 0:
        w = toks[i][2]
        low = w.lower()
        if is_capital(w) and not is_title(w) and low not in DETERMINERS:
            i -= 1
            continue
        if low in PARTICLES and 0 < i < end - 1:
            k = i - 1
            while k > 0 and toks[k][2].lower() in PARTICLES:
                k -= 1
            if is_capital(toks[k][2]) and not is_title(toks[k][2]):
                i = k
                continue
        break
    start = i + 1
    if start >= end:
        return _role_reading(text, span, toks)
    if start >= 2 and toks[start - 1][2] == "and" and is_org([t[2] for t in toks[start:end]]):
        # "Germany and France said": the two speak together; both are the name.
        j = start - 2
        while j >= 0 and is_capital(toks[j][2]) and toks[j][2].lower() not in DETERMINERS:
            j -= 1
        if j + 1 < start - 1 and is_org([t[2] for t in toks[j + 1 : start - 1]]):
            start = j + 1
    if end - start >= 3 and _common_word_at_sentence_start(text, toks[start]):
        start += 1  # "Rival Hillary Clinton": "Rival" is capitalised only by its place
    words = [t[2] for t in toks[start:end]]
    last_org = max((k for k, w in enumerate(words[:-1]) if w.lower() in ORG_WORDS), default=-1)
    after_org = False
    if last_org >= 0:
        tail = words[last_org + 1 :]
        if (
            len(tail) <= 3
            and not is_org(tail)
            and not any(w.lower() in LEADING_NOISE for w in tail)
        ):
            # "the Washington Post Trump said": the person after the paper's name.
            start += last_org + 1
            words = tail
            after_org = True
    # Words before a person's name that only describe him ("Russian", "Democratic")
    # stay in the role; for an organisation the whole capitalised run is the name.
    name_span = Span(toks[start][0], toks[end - 1][1])
    role_text = None
    if role_part is not toks:
        role_text = " ".join(t[2] for t in role_part) or None
        if role_part:
            role_text = text[role_part[0][0] : role_part[-1][1]]
    elif start > 0:
        first = 0
        while first < start and toks[first][2].lower() in NOISE:
            first += 1
        if first < start:
            role_text = text[toks[first][0] : toks[start - 1][1]]
    if after_org:
        role_text = None
    org = is_org(words)
    chain = [t[2] for t in toks if t[2].lower() not in DETERMINERS]
    if (
        not org
        and not after_org
        and role_part is toks
        and len(chain) > len(words)
        and all(is_capital(w) or w.lower() in NAME_PREPOSITIONS for w in chain)
        and any(w.lower() in ORG_WORDS for w in chain)
    ):
        # "the D.C. Court of Appeals' Board on Professional Responsibility": one name.
        first = next(k for k, t in enumerate(toks) if t[2].lower() not in DETERMINERS)
        name_span = Span(toks[first][0], toks[end - 1][1])
        return Reading("name", " ".join(name_span.text(text).split()), name_span, None, True)
    if org and start > 0 and role_part is toks:
        # "the Venezuelan Foreign Ministry": keep the capitalised run together.
        j = start - 1
        while j >= 0 and is_capital(toks[j][2]) and toks[j][2].lower() not in DETERMINERS:
            j -= 1
        name_span = Span(toks[j + 1][0], toks[end - 1][1])
        role_text = None
    name = " ".join(text[name_span.start : name_span.end].split())
    if "(" in name:
        name = " ".join(t[2] for t in toks[start:end])
    if len(words) == 1 and not org and words[0].isupper() and len(words[0]) > 1:
        org = True
    if role_text and _JOINED.search(role_text):
        role_text = None  # "Mr. King and Mr. Schultz": the words before are another name
    return Reading("name", name, name_span, role_text, org)


def _role_reading(text: str, span: Span, toks: list[tuple[int, int, str]]) -> Reading | None:
    words = [t[2] for t in toks]
    k = 0
    while k < len(words) and words[k].lower() in NOISE:
        k += 1
    if k >= len(words):
        return None
    core = " ".join(text[toks[k][0] : toks[-1][1]].split())
    head = words[-1].lower()
    org = head in ORG_WORDS or head.rstrip("s") in ORG_WORDS
    key = " ".join(w.lower() for w in words[k:])
    if key.endswith("s") and not key.endswith("ss") and head.rstrip("s") in SOURCE_NOUNS:
        key = key[:-1]
    return Reading("role", core, None, core, org, key)


def _common_word_at_sentence_start(text: str, token: tuple[int, int, str]) -> bool:
    """A capitalised first word of a sentence that the text also uses in lower case."""
    start, _, word = token
    j = start - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j >= 0 and text[j] not in '.!?\n"“”':
        return False
    lower = word.lower()
    if lower == word:
        return False
    window = text[max(0, start - 5000) : start + 5000]
    return re.search(r"\b" + re.escape(lower) + r"\b", window) is not None
