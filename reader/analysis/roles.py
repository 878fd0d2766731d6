"""Roles resolved to the speaker they stand for: "the company", "the bow-tied maverick".

``role_owner`` is used by ``resolution.resolve_sources`` once every name is
known: a role on record ("the Russian minister") is its person; a definite
description of one person is the person named last; "the company" or "the
agency" is the firm or body named before it, among the speakers or, failing
that, in the text.
"""

from __future__ import annotations

from reader import regexes
from reader.analysis.entities import PRONOUN_WINDOW, Entity, MentionIndex, role_has
from reader.analysis.nobody import head_noun
from reader.analysis.sources import Reading
from reader.analysis.speakers import DEFINITE, SpeakerBuilder
from reader.analysis.vocabulary import (
    DOCUMENT_NOUNS,
    GENERIC_ORG_HEADS,
    PEOPLE_OR_MEDIA,
    PLACE_HEADS,
    SOURCE_NOUNS,
    TITLES,
)

_THE_AND_ADJECTIVES = regexes.compile(r"\b[Tt]he\s+(?:[a-z-]+,\s+)+\Z")
""""the lanky, " before "bespectacled professor": the phrase is definite."""
_ORG_LOOKBACK = 600
"""How far back "the company" with no firm among the speakers looks for a firm's name."""


def _named_body_before(b: SpeakerBuilder, pos: int) -> Entity | None:
    """A body a role names with capitals ("Acme's Sentinel research unit"), said shortly
    before ``pos``: a speaker made in this pass, so not yet in the index."""
    best, best_at = None, pos - PRONOUN_WINDOW
    for ent in b.anonymous.values():
        if ent.kind != "organization" or not any(w[:1].isupper() for w in ent.names[0].split()[1:]):
            continue
        at = max((p for p in ent.mentions.starts if p < pos), default=-1)
        if at > best_at:
            best, best_at = ent, at
    return best


def _org_named_before(b: SpeakerBuilder, pos: int) -> Entity | None:
    """The firm or body written last shortly before ``pos``, made a speaker."""
    found = b.names.last_org(max(0, pos - _ORG_LOOKBACK), pos, set(b.persons))
    if found is None:
        return None
    ent = b._org(found[2])
    ent.mentions.add(found[0], found[1])
    return ent


def role_owner(b: SpeakerBuilder, r: Reading, pos: int, index: MentionIndex) -> Entity | None:
    """``the Russian minister``: the latest person whose role has these words."""
    if r.kind != "role":
        return None
    words = [w.lower() for w in r.name.split()]
    candidates = [e for e in b.by_head.get(words[-1], ()) if role_has(e, words[:-1])]
    if candidates:
        found = index.latest_of(candidates, pos)
        return found or (candidates[0] if len(candidates) == 1 else None)
    at = r.name_span.start if r.name_span else pos
    definite = (
        DEFINITE.match(b.text, at) is not None
        or _THE_AND_ADJECTIVES.search(b.text, max(0, at - 60), at) is not None
    )
    if (
        definite
        and not r.org
        and head_noun(words) not in PLACE_HEADS  # "the city": a body, not a person
        and (words[-1] in TITLES or describes_a_person(words))
    ):
        # "the Democratic nominee" with no such role on record, "the bow-tied
        # maverick": the person named last, unless one met unnamed by these words
        # ("a justice official said") was met since.
        person, other = index.before(pos, "person")
        named = person or other or b.person_named_before(pos, "person")
        unnamed = _unnamed_before(b, words, pos)
        if unnamed is not None and (named is None or unnamed[1] > _last_before(named, pos)):
            return unnamed[0]
        return named
    if definite and r.name.islower() and (r.org or words[-1] in GENERIC_ORG_HEADS):
        # "the ministry" after "the Finance Ministry said"; "the company" after "Toyota".
        head = words[-1]
        generic = head in GENERIC_ORG_HEADS
        ent = index.latest_where(
            pos,
            lambda e: (
                not e.anonymous
                and (
                    e.kind == "organization"
                    or (generic and not e.shown_a_person)
                    or _called(e, head)  # "Rally Canada, the group that organized it"
                )
                and (generic or any(head in n.lower().split() for n in e.names))
            ),
        )
        if ent is None and generic:  # "maker Procter & Gamble", "the UFCW": no speaker yet
            ent = _named_body_before(b, pos) or _org_named_before(b, pos)
        if ent is not None:
            ent.kind = "organization"  # "Tesla" ... "the company": a firm after all
        return ent
    return None


def _unnamed_before(b: SpeakerBuilder, words: list[str], pos: int) -> tuple[Entity, int] | None:
    """``the justice official`` after "a justice official said": the unnamed speaker of that
    noun (and these modifiers) quoted last shortly before ``pos``, and where."""
    head, modifiers = words[-1], words[:-1]
    best, best_at = None, pos - PRONOUN_WINDOW
    for ent in b.anonymous.values():
        key = ent.key.split()
        if ent.kind != "person" or not key or key[-1] != head or not set(modifiers) <= set(key):
            continue
        at = _last_before(ent, pos)
        if at > best_at:
            best, best_at = ent, at
    return None if best is None else (best, best_at)


def _last_before(ent: Entity, pos: int) -> int:
    """Where ``ent`` was mentioned last before ``pos``; -1 if nowhere."""
    return max((p for p in ent.mentions.starts if p < pos), default=-1)


def _called(ent: Entity, head: str) -> bool:
    """Whether a role of ``ent`` opens with this noun ("the group that ...")."""
    return any(r.lower().split()[:2] in (["the", head], [head]) for r in ent.roles)


def describes_a_person(words: list[str]) -> bool:
    """Lower-case words that describe one person ("the affable proprietor"), no group
    ("the officials"), thing or body ("the report", "the agency")."""
    head = words[-1]
    noun = head.split("-")[0]  # "sergeant-at-arms"
    return (
        noun.isalpha()
        and head.islower()
        and not noun.endswith("s")
        and head not in SOURCE_NOUNS
        and head not in GENERIC_ORG_HEADS
        and head not in DOCUMENT_NOUNS
        and head not in PEOPLE_OR_MEDIA
    )
