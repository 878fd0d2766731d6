"""Noun phrases after a reporting cue, or opening its sentence: who the source is.

Read by walking the tokens of ``phrases`` on from a place: ``said the
minister`` (``source_after``), ``Donna Rawlings, 59, ... said`` (the
subject opening a sentence, ``subject_after``), and the words after
"according to".
"""

from __future__ import annotations

from reader import regexes
from reader.analysis.phrases import (
    KNOWERS,
    KNOWING,
    Token,
    iter_tokens,
    names_people,
    plausible,
    tokens,
    trim_stop,
)
from reader.analysis.vocabulary import (
    AUXILIARIES,
    DETERMINERS,
    DOCUMENT_NOUNS,
    LEADING_NOISE,
    MODALS,
    NAME_PREPOSITIONS,
    PRONOUNS,
    SOURCE_NOUNS,
    STOP_WORDS,
    STUDY_NOUNS,
    TITLES,
    VERB_FORMS,
)
from reader.spans import Span

_ON_REACH = 160
"""How far after a cue (or a sentence start) a source may end."""
_LINK_WORDS = NAME_PREPOSITIONS | DETERMINERS
_SOURCE_HEADS = SOURCE_NOUNS | TITLES | PRONOUNS


def source_after(text: str, pos: int, sent: Span, quoted: bool = False) -> Span | None:
    """A noun phrase right after an inverted cue: ``said Caddell``, ``said the minister``.

    ``quoted``: the cue follows a closing quotation mark, where the words after
    it can only be the speaker: ``"...," says the bow-tied maverick`` and
    ``"...," said the Cambridge resident``; ``says Campbell's partner, Jason
    Louth`` is that partner, named.
    """
    titled = _TITLED_NAME.match(text, pos, sent.end)
    if titled and all(_title_word(w) for w in titled.group(2).split()):
        last = tokens(text, titled.start(1), titled.end(1))[-1]
        return Span(titled.start(1), trim_stop(last))  # "said Oilers head coach Ken Hitchcock"
    picked: list[Token] = []
    described = False  # opened by a determiner or a possessive: "the ...", "Campbell's ..."
    for tok in iter_tokens(text, pos, min(sent.end, pos + _ON_REACH)):
        w = tok.text
        low = w.lower()
        if not (w[0].isalnum()):
            break
        if low in PRONOUNS:
            if not picked:
                picked.append(tok)
            break
        if not picked:
            described = quoted and (
                low in DETERMINERS or low in _POSSESSIVE_OPENERS or _possessive(w)
            )
        if low in NAME_PREPOSITIONS and picked and picked[-1].text[0].isupper():
            picked.append(tok)
            continue
        if described and picked and w[0].islower():
            if not _describing(w, picked[-1].text) or len(picked) >= 6:
                break
            picked.append(tok)  # "the self-taught Cambridge resident"
            continue
        if (
            picked
            and (low in STOP_WORDS or w[0].islower())
            and not (picked[-1].text.lower() in DETERMINERS and w[0].islower())
            and not all(p.text[0].islower() for p in picked)
        ):
            break
        if low in STOP_WORDS and low not in DETERMINERS:
            break
        picked.append(tok)
        if len(picked) >= 8:
            break
    while picked and picked[-1].text.lower() in _LINK_WORDS:
        picked.pop()
    if not picked or not (plausible(picked, described) or _knowing(picked)):
        return None
    if all(t.text.lower() in LEADING_NOISE for t in picked):
        return None  # "said Tuesday"
    if (
        not described
        and not any(t.text[0].isupper() for t in picked)
        and (len(picked) > 4 or picked[-1].text.lower() not in _SOURCE_HEADS)
        and not _knowing(picked)
    ):
        return None  # "said the event brought back ...": a clause, not a speaker
    end = trim_stop(picked[-1])
    if described:
        named = _NAME_AFTER_ROLE.match(text, end, sent.end)
        if named:
            end = named.end(1)  # "Campbell's partner, Jason Louth"
    if _knowing(picked):
        known = _WHAT_KNOWN.match(text, end, sent.end)
        if known:  # "said a person familiar with the talks": what they know of is theirs
            end = trim_stop(tokens(text, known.start(), known.end())[-1])
    if described:
        head = picked[-1].text.lower()
        if head in DOCUMENT_NOUNS or head in STUDY_NOUNS:
            author = _AUTHOR_AFTER.match(text, end, sent.end)
            if author:  # "said a statement released by the Prime Minister's Office"
                end = trim_stop(tokens(text, author.start(), author.end())[-1])
    return Span(picked[0].start, end)


_POSSESSIVE_OPENERS = frozenset({"my", "your", "our"})
_CLAUSE_WORDS = frozenset(
    {"but", "and", "or", "because", "while", "although", "though", "when", "as", "if", "unless"}
)
"""Words that end the source after "according to": what follows is another clause."""
_PARTICIPLE_NEXT = regexes.compile(r"\s+(?:to|at|in|on|from|with|during)\b")
_TITLED_NAME = regexes.compile(
    r"\s*((?:[A-Z][\w'’.&-]*\s+(?:(?:and|of|for|&)\s+)?){0,4}((?:[a-z][\w'’-]*\s+){1,3})"
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})(?=\s*(?:[,.;:!?(—–]|\Z))"
)
"""A role in lower case between capitalised words: "MaRS director Adam Jagelewski"."""
_TITLED_SUBJECT = regexes.compile(
    r"\s*((?:[A-Z][\w'’.&-]*\s+(?:(?:and|of|for|&)\s+)?){0,4}((?:[a-z][\w'’-]*\s+){1,3})"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})(?=\s+[a-z]|,)"
)
"""The same opening a sentence, its verb or a comma after it: "... spokeswoman Hua Chunying
shot back", "Democratic nominee Hillary Clinton, at a later press gaggle, said"."""
_KNOWERS = _SOURCE_HEADS | KNOWERS
"""Who may be described by what they know of: "a person familiar with ..."."""


def _knowing(picked: list[Token]) -> bool:
    """``people familiar``, ``one source close``: a source noun and a word of what it knows."""
    return (
        len(picked) >= 2
        and picked[-1].text.lower() in KNOWING
        and picked[-2].text.lower() in _KNOWERS
    )


_WHAT_KNOWN = regexes.compile(
    r"\s+(?:" + "|".join(sorted(set(KNOWING.values()))) + r")"
    r"(?:\s+[\w'’.-]+){1,5}?(?=\s*(?:[,.;:!?—–(]|\Z))"
)
"""What an unnamed source after the cue knows of, to the end of the clause."""
_AUTHOR_AFTER = regexes.compile(
    r"\s+(?:(?:released|issued|sent|signed|written|put\s+out)\s+)?(?:by|from)\s+"
    r"(?:(?:the|his|her|its|their)\s+)?(?:[A-Z][\w'’.&-]*|[a-z]+\b(?![\w'’-]))"
    r"(?:\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?[A-Z][\w'’.&-]*)*"
)
"""Who a document after an inverted cue comes from: "a statement from the union"."""
_NAME_AFTER_ROLE = regexes.compile(
    r",\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})(?=\s*(?:[,.;:!?]|\Z))"
)


def _possessive(w: str) -> bool:
    return w[0].isupper() and w.endswith(("'s", "’s"))


def _title_word(w: str) -> bool:
    """A lower-case word of a role between names: "senior", "manager", "head", "coach"."""
    low = w.lower()
    return (
        w.replace("-", "").isalpha()
        and low not in STOP_WORDS
        and low not in NAME_PREPOSITIONS
        and low not in VERB_FORMS
        and not low.endswith(("ly", "ed", "ing", "es"))
        and not (low.endswith("s") and not low.endswith("ss"))  # "attacked", "praises": verbs
        and low not in {"the", "a", "an"}
    )


def _describing(w: str, before: str) -> bool:
    """A word that can go on describing a speaker after "the": "self-taught", "resident".

    A past form after a noun is a verb: "the program changed his life".
    """
    low = w.lower()
    return (
        w[0].isalpha()
        and low not in STOP_WORDS
        and (low == "of" or low not in NAME_PREPOSITIONS)
        and not (low in VERB_FORMS and w[0].islower())
        and not low.endswith("ly")
        and not (w[0].islower() and low.endswith("ed") and before.lower() not in DETERMINERS)
    )


def subject_after(text: str, pos: int, sent: Span) -> tuple[Span | None, int]:
    """The subject starting at ``pos`` (a name, a pronoun, "the minister"), and its end."""
    titled = _TITLED_SUBJECT.match(text, pos, sent.end)
    if titled and all(_title_word(w) for w in titled.group(2).split()):
        # "Chinese foreign ministry spokeswoman Hua Chunying shot back"
        return Span(titled.start(1), titled.end(1)), titled.end(1)
    picked: list[Token] = []
    for tok in iter_tokens(text, pos, min(sent.end, pos + _ON_REACH)):
        w = tok.text
        low = w.lower()
        if low in PRONOUNS and not picked:
            return Span(tok.start, tok.end), tok.end
        if not w[0].isalnum():
            break
        if w[0].isupper() or (not picked and low in DETERMINERS):
            picked.append(tok)
            continue
        if picked and low in NAME_PREPOSITIONS and picked[-1].text[0].isupper():
            picked.append(tok)
            continue
        if picked and picked[-1].text.lower() in DETERMINERS and len(picked) < 4:
            picked.append(tok)
            continue
        break
    while picked and picked[-1].text.lower() in _LINK_WORDS:
        picked.pop()
    while picked and picked[0].text.lower() in LEADING_NOISE:
        picked.pop(0)
    if picked and picked[-1].text.endswith(("'s", "’s")):
        # "Norman’s lawyers are preparing a motion and said": the lawyers, not Norman
        head = _owned_head(text, picked[-1].end, sent.end)
        if not head:
            return None, pos
        picked.extend(head)
    if not picked or not plausible(picked):
        return None, pos
    return Span(picked[0].start, picked[-1].end), picked[-1].end


_OWNED_HEAD_WORDS = 3
"""How many words in lower case may follow a possessive as the noun it owns."""
_NOT_HEAD = STOP_WORDS | AUXILIARIES | MODALS | VERB_FORMS.keys()


def _owned_head(text: str, pos: int, end: int) -> list[Token]:
    """The noun for people a possessive ending at ``pos`` owns ("campaign manager" of
    "Trump's campaign manager went"); none when no such noun follows it."""
    head: list[Token] = []
    for tok in iter_tokens(text, pos, min(end, pos + _ON_REACH)):
        low = tok.text.lower()
        if not (tok.text.isalpha() and tok.text.islower()) or low in _NOT_HEAD:
            break
        head.append(tok)
        if len(head) == _OWNED_HEAD_WORDS:
            break
    while head and not _people_word(head[-1].text):
        head.pop()  # "went" of "... manager went"
    return head


def _people_word(word: str) -> bool:
    """A noun for people; a short word is one only when listed ("went" ends as "agent")."""
    return names_people([word]) and (len(word) > 4 or word in _SOURCE_HEADS)


def source_according_to(text: str, pos: int, sent: Span) -> Span | None:
    """The words after "according to", up to a mark, a clause or a participle (12 at most)."""
    picked: list[Token] = []
    for tok in iter_tokens(text, pos, min(sent.end, pos + _ON_REACH)):
        w = tok.text
        if not (w[0].isalnum() or w[0] in "'’") or w.lower() in {"that", "who", "which"}:
            break
        low = w.lower()
        if picked and (
            (low in _CLAUSE_WORDS and not (low == "and" and picked[-1].text[0].isupper()))
            or (low.endswith("ed") and w[0].islower() and _PARTICIPLE_NEXT.match(text, tok.end))
        ):
            break  # "officials unauthorized to speak", "a person familiar with it but ...": who
        picked.append(tok)
        if len(picked) >= 12:
            break
    if not picked:
        return None
    return Span(picked[0].start, trim_stop(picked[-1]))
