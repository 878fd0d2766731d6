"""Where speakers are named: every mention of a known name or role in the text.

Two passes of ``pipeline.SPEAKER_PASSES``: the names of the speakers found
so far, wherever they stand (a first name before a surname completes a
surname-only speaker), and later "the Russian minister" for the speaker
with that role.
"""

from __future__ import annotations

import re
from collections.abc import Container
from itertools import chain

from reader import regexes
from reader.analysis.entities import (
    Entity,
    MentionIndex,
    compatible,
    fold,
    looks_like_sentence_start,
    lower_article,
)
from reader.analysis.sources import common_word, is_org, is_title
from reader.analysis.speakers import SpeakerBuilder
from reader.analysis.trie import compile_words
from reader.analysis.vocabulary import (
    DETERMINERS,
    LEADING_NOISE,
    ORG_WORDS,
    SOURCE_NOUNS,
    STOP_WORDS,
    TITLES,
)

# A first name or an honorific stands on the surname's line: a newline left in
# the flowed text ends a paragraph, and a name never runs across one.
_FIRST_NAME = regexes.compile(r"(?:([A-Z][\w'’-]*)[^\S\n]+)?([A-Z][\w'’-]*\.?)[^\S\n]+\Z")
_HONORIFIC = regexes.compile(r"\b(Mrs|Ms|Miss|Mr)\.?[^\S\n]+\Z")
_GIVEN_AFTER = regexes.compile(r"[^\S\n]+([A-Z][a-z][\w’'-]*)(?![\w’'-])")
_WORD_BEFORE = regexes.compile(r"([\w.-]+)[^\S\n]+\Z")
_ACRONYM = regexes.compile(r"[A-Z]{3,6}")
_SPELT_BEFORE, _SPELT_AFTER = 20000, 300
_CAPITALISED = regexes.compile(r"[A-Z][a-z][\w'’-]*")
_CAPITALISED_RUN = regexes.compile(  # the capital first: the engine skips to the capitals
    r"[A-Z](?<!\w[A-Z])[a-z][\w'’-]*"
    r"(?:[^\S\n]+(?:(?:of|the|and|for|on|de)[^\S\n]+)?[A-Z][a-z][\w'’-]*)+"
)
_THE_BEFORE = regexes.compile(r"\b[Tt]he\s+((?:[\w'’-]+\s+){0,2}?)\Z")
_AHEAD = r"(?=\s+([\w'’-]+)(?:\s+([\w'’-]+))?(?:\s+([\w'’-]+))?)"
_THE_AHEAD = (regexes.compile("the" + _AHEAD), regexes.compile("The" + _AHEAD))
"""A "the" and the three words after it, where a role word ``_THE_BEFORE`` reads may stand.

Two patterns, each opening with its word as written: the engine finds such a
literal prefix far faster than the positions where ``[Tt]he`` may start."""
_ROLE_HEADS = TITLES | SOURCE_NOUNS


def spell_out_acronyms(text: str, orgs: list[Entity]) -> None:
    """An acronym ("PBO") that the text spells out ("the Parliamentary Budget Officer").

    The spelt-out name is looked for shortly before the acronym is first used, or just after.
    """
    wanted: dict[str, list[Entity]] = {}
    for ent in orgs:
        if ent.names and _ACRONYM.fullmatch(ent.names[0]):
            wanted.setdefault(ent.names[0], []).append(ent)
    if not wanted:
        return
    for acronym, ents in wanted.items():
        first = text.find(acronym)
        if first < 0:
            continue
        lo = max(0, first - _SPELT_BEFORE)
        for m in _CAPITALISED_RUN.finditer(text, lo, first + _SPELT_AFTER):
            found = _initials_at(m, acronym)
            if found is not None:
                start, end = m.start() + found[0], m.start() + found[1]
                full = " ".join(text[start:end].split())
                the = text[max(0, start - 4) : start].lower() == "the "
                for ent in ents:
                    ent.names.insert(0, full)
                    ent.mentions.add(start, end)
                    ent.add_alias(f"the {full}" if the else full)
                break


def _initials_at(m: re.Match[str], acronym: str) -> tuple[int, int] | None:
    """Where in a run of capitalised words the words with these initials stand."""
    words = [(w.start(), w.end(), w.group()) for w in _CAPITALISED.finditer(m.group())]
    size = len(acronym)
    for k in range(len(words) - size + 1):
        if "".join(w[2][0] for w in words[k : k + size]) == acronym:
            return words[k][0], words[k + size - 1][1]
    return None


def scan_name_mentions(b: SpeakerBuilder) -> None:
    """Every name of a speaker found so far, wherever it stands in the text."""
    text = b.text
    spell_out_acronyms(text, list(b.orgs.values()))
    keys: dict[str, list[Entity]] = {}
    for group in b.persons.values():
        for ent in group:
            keys.setdefault(ent.surname, []).append(ent)
    for ent in b.orgs.values():
        for name in ent.names:
            keys.setdefault(name, []).append(ent)
    if not keys:
        return
    headline = title_cased_headline(text)
    for m in compile_words(keys).finditer(text):
        ents = keys.get(m.group())
        if not ents:
            continue
        if ents[0].kind == "organization":
            ents[0].mentions.add(m.start(), m.end())
            ents[0].add_alias(m.group())
            continue
        _person_mention(text, m.start(), m.end(), ents, headline)


def title_cased_headline(text: str) -> int:
    """Where a first line of title-cased words ends ("Washington Post Hit Piece Exploits
    Trump Supporter"), else 0: every word is capitalised there, a name's first among them."""
    end = text.find("\n", 0, _HEADLINE + 1)
    if end < 0:
        return 0
    words = [w for w in text[:end].split() if w[:1].isalpha() and w.lower() not in _MINOR_WORDS]
    capitals = sum(1 for w in words if w[0].isupper())
    return end if len(words) >= 4 and capitals >= 0.8 * len(words) else 0


_HEADLINE = 300
_MINOR_WORDS = frozenset(
    {"a", "an", "the", "of", "to", "in", "on", "for", "and", "as", "at", "by", "with"}
    | {"from", "or", "but", "nor", "vs", "is", "are"}
)
"""Words a title-cased headline may leave in lower case."""


def _person_mention(text: str, start: int, end: int, ents: list[Entity], headline: int = 0) -> None:
    """A surname in the text: of the person whose first name stands before it, else the first.

    A first name before the surname of someone known by surname only is his. In a
    title-cased headline (before ``headline``) no word before the surname is read as one.
    """
    before = _FIRST_NAME.search(text, max(0, start - 40), start) if start >= headline else None
    first = ""
    first_start = start
    if before:
        given, middle = before.group(1), before.group(2)
        two = f"{given} {middle}" if given else ""
        if given and (
            len(middle.rstrip(".")) == 1 or any(fold(e.first) == fold(two) for e in ents)
        ):  # "George W. Bush"; "Harbor Freight Lines" known by that whole name
            candidate, at = two, before.start(1)
        else:
            candidate, at = middle, before.start(2)
        words = candidate.split()
        low = words[0].lower()
        dotted = [w for w in words if w.endswith(".") and len(w) > 2]
        if not dotted and not (
            is_title(words[0])
            or low in DETERMINERS
            or low in LEADING_NOISE
            or low in ORG_WORDS
            or candidate.endswith(("'s", "’s"))
        ):
            first, first_start = candidate, at
    target = None
    if first:
        for ent in ents:
            if ent.first and compatible(ent.first, first):
                target = ent
                break
        if target is None:
            blank = [e for e in ents if not e.first]
            if blank and (
                not looks_like_sentence_start(text, first_start)
                or not common_word(text, first.split()[0], first_start)
            ):  # "Vladimir Frolov" opens a sentence; "But Frolov" does not name him
                target = blank[0]
                target.first = first
            elif blank:
                target = blank[0]
                first, first_start = "", start
    else:
        target = ents[0]
    if target is None:
        return
    if first:
        target.learn_sex(first)
    else:
        honorific = _HONORIFIC.search(text, max(0, start - 6), start)
        if honorific:
            target.learn_sex(honorific.group(1))
    if not first and not target.first and len(target.surname.split()) == 1:
        word = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if word and is_title(word.group(1)):
            end = _given_after(text, end)  # "spokeswoman Hua Chunying": surname first
            first = text[start:end] if end > start + len(target.surname) else ""
    elif first and before and before.group(1) and candidate == first:
        given = before.group(1)
        if _plain_word(text, given, before.start(1)) and not _after_of(text, before.start(1)):
            first_start = before.start(1)  # "Lorena Paz Akin": a surname of two words
    target.mentions.add(first_start, end)
    full = " ".join(text[first_start:end].split())
    if first and full not in target.names:
        target.names.append(full)
    target.add_alias(full)


def _after_of(text: str, at: int) -> bool:
    """Whether "of", "for" or "and" stands before ``at``: "Minister of Mines Patrick"."""
    word = _WORD_BEFORE.search(text, max(0, at - 30), at)
    return word is not None and word.group(1) in {"of", "for", "and"}


def _plain_word(text: str, word: str, at: int) -> bool:
    """A capitalised word that can be part of a name: no title, noise word or firm."""
    low = word.lower()
    return not (
        is_title(word)
        or low in DETERMINERS
        or low in LEADING_NOISE
        or low in ORG_WORDS
        or low in STOP_WORDS
        or word.endswith(("'s", "’s"))
        or is_org([word])
        or common_word(text, word, at)
    )


def _given_after(text: str, end: int) -> int:
    """The end of a given name written after a surname ("Hua Chunying"), else ``end``."""
    m = _GIVEN_AFTER.match(text, end)
    if m is None or not _plain_word(text, m.group(1), m.start(1)):
        return end
    return m.end(1)


def scan_role_mentions(b: SpeakerBuilder) -> None:
    """``the Russian minister`` wherever it stands, for a speaker with that role."""
    heads: dict[str, list[Entity]] = {}
    for person in b.entities():
        if person.anonymous or person.kind != "person":
            continue
        for head in person.role_heads:
            if len(head) > 2 and head.isalpha() and head in _ROLE_HEADS:
                heads.setdefault(head, []).append(person)
    if not heads:
        return
    text = b.text
    index = MentionIndex(b.entities())
    role_words = {  # each one's words of its roles (``role_has``), once
        id(e): frozenset(" ".join(e.roles).lower().split())
        for group in heads.values()
        for e in group
    }
    forms = {f: h for h in heads for f in (h, h.capitalize())}
    for start, end, word in _after_the(text, forms):
        the = _THE_BEFORE.search(text, max(0, start - 40), start)
        if the is None:
            continue
        mods = [w.lower() for w in the.group(1).split()]
        cands = [
            e for e in heads.get(word.lower(), []) if all(w in role_words[id(e)] for w in mods)
        ]
        if not cands:
            continue
        ent = index.latest_of(cands, the.start())
        if ent is None:
            continue
        ent.mentions.add(the.start(), end)
        ent.add_alias(lower_article(text, the.start(), end))


def _after_the(text: str, forms: Container[str]) -> list[tuple[int, int, str]]:
    """Each of ``forms`` (one word each) standing as a whole word among the three words
    after a "the", in text order: start, end, word.

    Every role word that ``_THE_BEFORE`` can find a "the" for is among them; the
    text's "the"s are far fewer than the places a role word could start.
    """
    found: set[tuple[int, int, str]] = set()
    for m in chain.from_iterable(the.finditer(text) for the in _THE_AHEAD):  # sorted below
        for k, word in enumerate(m.groups(), 1):
            if word is None:
                break
            if not word.isalnum():  # the ``\w+`` run that opens it: up to an apostrophe or "-"
                word = word[: min((i for i in map(word.find, "'’-") if i >= 0), default=None)]
            if word in forms:
                at = m.start(k)
                found.add((at, at + len(word), word))
    return sorted(found)
