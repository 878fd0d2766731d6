"""Speakers that are one: a firm under its short name, two speakers of one name.

"Alcan" after "Alcan Aluminium Ltd" is one speaker. A pass of
``pipeline.SPEAKER_PASSES``, after the sources are resolved: a speaker
whose name is the first words of an organisation's name ("Chevron" for
"Chevron Corp", "Levon Resources" for "Levon Resources Ltd") joins it; so
does a name that is another's with a company suffix added ("AMAX Inc" after
"AMAX"). The joined speaker keeps the fullest name. The last pass joins
speakers that end up with the same name ("the International Energy Agency
(IEA)" and "the IEA" spelt out).
"""

from __future__ import annotations

from reader.analysis.entities import Entity, fold
from reader.analysis.model import SpeakerKind
from reader.analysis.name_words import PARTICLE_PREFIXES
from reader.analysis.sources import is_title
from reader.analysis.speakers import SpeakerBuilder, _best_name
from reader.analysis.vocabulary import (
    COMPANY_SUFFIXES,
    NATIONALITIES,
    ORG_WORDS,
    PLACES,
    STOP_WORDS,
)


def _words(ent: Entity) -> list[str]:
    name = max(ent.names, key=lambda n: len(n.split())) if ent.names else ent.key
    words = fold(name).split()
    if words and words[0] == "the":
        words = words[1:]
    return words


def _firm(words: list[str]) -> bool:
    return len(words) >= 2 and words[-1] in COMPANY_SUFFIXES


def _short_form(short: list[str], long: list[str]) -> bool:
    """Whether ``short`` is the first words of the firm ``long`` and may stand for it."""
    if not short or len(short) >= len(long):
        return False
    if long[: len(short)] != short and not (len(short) == 1 and short[0] in long[1:-1]):
        return False  # "Montagu" for "Samuel Montagu and Co Ltd" too
    name = " ".join(short)
    if name in PLACES or name in NATIONALITIES or name in COMPANY_SUFFIXES:
        return False  # "New York" is not the "New York Times"
    one = short[0]
    return len(short) > 1 or not (one in ORG_WORDS or one in STOP_WORDS or is_title(name))


def join_firm_names(b: SpeakerBuilder) -> None:
    """A speaker named by the first words of a firm's name is that firm."""
    named = [(e, _words(e)) for e in b.entities() if not e.anonymous and e.names and e.sex is None]
    by_word: dict[str, list[tuple[Entity, list[str]]]] = {}
    for e, long in named:  # each firm under the words a short form may start with
        if e.kind == "organization" or _firm(long):
            for w in dict.fromkeys(long[:-1]):
                by_word.setdefault(w, []).append((e, long))
    into: dict[int, Entity] = {}
    for short, words in named:
        for firm, long in by_word.get(words[0], ()) if words else ():
            if firm is short or id(firm) in into:
                continue
            if _short_form(words, long) and (short.kind == "organization" or _firm(long)):
                into[id(short)] = firm
                break
    if not into:
        return
    for short, _ in named:
        if id(short) in into:
            _merge(b, short, into[id(short)])
    b.owner = [into.get(id(e), e) if e is not None else None for e in b.owner]


def join_name_parts(b: SpeakerBuilder) -> None:
    """A person named by one part of another's name is that person: "Sheikh Ali" after
    "Sheikh Ali al-Khalifa al-Sabah", "Rifa'i" after "Zeid al-Rifa'i"."""
    people = [e for group in b.persons.values() for e in group if e.first and e.names]
    parts = [(p, _parts(p)) for p in people]  # a merge changes no one's first name or surname
    into: dict[int, Entity] = {}
    for group in list(b.persons.values()):
        for ent in list(group):
            if ent.first or " " in ent.surname or not ent.names:
                continue
            word = fold(ent.surname)
            owners = [p for p, its in parts if p is not ent and word in its]
            if len(owners) == 1 and id(owners[0]) not in into:
                into[id(ent)] = owners[0]
                _merge(b, ent, owners[0], owners[0].kind)
    if into:
        b.owner = [into.get(id(e), e) if e is not None else None for e in b.owner]


def _parts(person: Entity) -> set[str]:
    """The given name and the surname without its particle ("rifa'i" of "al-Rifa'i")."""
    parts = {fold(person.first.split()[0])} if person.first else set()
    surname = fold(person.surname)
    if "-" in surname and surname.split("-", 1)[0] in PARTICLE_PREFIXES:
        parts.add(surname.split("-", 1)[1])
    return parts


def join_same_names(b: SpeakerBuilder) -> None:
    """Two speakers that end up with the same name are one (the first mentioned)."""
    seen: dict[str, Entity] = {}
    into: dict[int, Entity] = {}
    for ent in b.entities():
        if not len(ent.mentions):
            continue
        key = fold(_best_name(ent))
        first = seen.setdefault(key, ent)
        if first is not ent and id(first) not in into:
            into[id(ent)] = first
            _merge(b, ent, first, first.kind)
            first.names.extend(n for n in ent.names if n not in first.names)
            first.roles.extend(ent.roles)
            first.first = first.first or ent.first
            first.quotes += ent.quotes
    if into:
        b.owner = [into.get(id(e), e) if e is not None else None for e in b.owner]


def _merge(
    b: SpeakerBuilder, short: Entity, firm: Entity, kind: SpeakerKind = "organization"
) -> None:
    firm.kind = kind
    for name in short.names:
        firm.add_alias(name)
    for alias in short.aliases:
        firm.add_alias(alias)
    for start, end in zip(short.mentions.starts, short.mentions.ends, strict=True):
        firm.mentions.add(start, end)
    for key, ent in list(b.orgs.items()):
        if ent is short:
            del b.orgs[key]
    for group in b.persons.values():
        if short in group:
            group.remove(short)
