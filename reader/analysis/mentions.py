"""Where speakers are named: every mention of a known name or role in the text.

Two passes of ``pipeline.SPEAKER_PASSES``: the names of the speakers found
so far, wherever they stand (a first name before a surname completes a
surname-only speaker), and later "the Russian minister" for the speaker
with that role.
"""

from __future__ import annotations

from reader import regexes
from reader.analysis.entities import (
    Entity,
    MentionIndex,
    compatible,
    looks_like_sentence_start,
    lower_article,
    role_has,
)
from reader.analysis.sources import is_title
from reader.analysis.speakers import SpeakerBuilder
from reader.analysis.trie import compile_words
from reader.analysis.vocabulary import (
    DETERMINERS,
    LEADING_NOISE,
    ORG_WORDS,
    SOURCE_NOUNS,
    TITLES,
)

# A first name or an honorific stands on the surname's line: a newline left in
# the flowed text ends a paragraph, and a name never runs across one.
_FIRST_NAME = regexes.compile(r"(?:([A-Z][\w'’-]*)[^\S\n]+)?([A-Z][\w'’-]*\.?)[^\S\n]+\Z")
_HONORIFIC = regexes.compile(r"\b(Mrs|Ms|Miss|Mr)\.?[^\S\n]+\Z")
_THE_BEFORE = regexes.compile(r"\b[Tt]he\s+((?:[\w'’-]+\s+){0,2}?)\Z")
_ROLE_HEADS = TITLES | SOURCE_NOUNS


def scan_name_mentions(b: SpeakerBuilder) -> None:
    """Every name of a speaker found so far, wherever it stands in the text."""
    text = b.text
    keys: dict[str, list[Entity]] = {}
    for group in b.persons.values():
        for ent in group:
            keys.setdefault(ent.surname, []).append(ent)
    for ent in b.orgs.values():
        for name in ent.names:
            keys.setdefault(name, []).append(ent)
    if not keys:
        return
    matcher = compile_words(keys)
    for m in matcher.finditer(text):
        ents = keys.get(m.group())
        if not ents:
            continue
        if ents[0].kind == "organization":
            ents[0].mentions.add(m.start(), m.end())
            ents[0].add_alias(m.group())
            continue
        _person_mention(text, m.start(), m.end(), ents)


def _person_mention(text: str, start: int, end: int, ents: list[Entity]) -> None:
    """A surname in the text: of the person whose first name stands before it, else the first.

    A first name before the surname of someone known by surname only is his.
    """
    before = _FIRST_NAME.search(text, max(0, start - 40), start)
    first = ""
    first_start = start
    if before:
        given, middle = before.group(1), before.group(2)
        if len(middle.rstrip(".")) == 1 and given:
            candidate, at = f"{given} {middle}", before.start(1)
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
            if blank and not looks_like_sentence_start(text, first_start):
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
    target.mentions.add(first_start, end)
    full = " ".join(text[first_start:end].split())
    if first and full not in target.names:
        target.names.append(full)
    target.add_alias(full)


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
    forms = {f: h for h in heads for f in (h, h.capitalize())}
    for m in compile_words(forms).finditer(text):
        the = _THE_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if the is None:
            continue
        mods = [w.lower() for w in the.group(1).split()]
        cands = [e for e in heads.get(m.group().lower(), []) if role_has(e, mods)]
        if not cands:
            continue
        ent = index.latest_of(cands, the.start())
        if ent is None:
            continue
        ent.mentions.add(the.start(), m.end())
        ent.add_alias(lower_article(text, the.start(), m.end()))
