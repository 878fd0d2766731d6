"""Roles, pronouns and headline names: the speaker each source stands for.

One pass of ``pipeline.SPEAKER_PASSES``, after every name is known: "the
minister" is the person with that role named last, "she" the fitting person
named last (a speaker first, then a person named in the paragraph), "the
officials" the group named before by that noun; a document ("the letter
read") speaks for the speaker named before it, or as itself when there is none.
"""

from __future__ import annotations

from bisect import bisect_left

from reader import regexes
from reader.analysis.entities import (
    PRONOUN_WINDOW,
    Entity,
    MentionIndex,
    can_be,
    lower_article,
    names_a_group,
)
from reader.analysis.roles import role_owner
from reader.analysis.sources import read_source
from reader.analysis.speakers import DEFINITE, SpeakerBuilder
from reader.analysis.vocabulary import SOURCE_NOUNS
from reader.spans import Span

_SEXES = {"he": "male", "she": "female"}
_OPENING_WORDS = regexes.compile(r"\s*[A-Z][\w'’.-]*(?:[^\S\n]+[A-Z][\w'’.-]*){0,3}")
"""The capitalised words opening a paragraph, where the name of a person it is about stands."""
_OWNED_NAME = regexes.compile(r"[A-Z][\w.-]*(?:[^\S\n]+[A-Z][\w.-]*){0,3}[’']s\b")
"""A name in the possessive: "Kim's schedule" says whose; a person named before it in
the paragraph is likelier the one a pronoun means."""
_RECENT = 8
"""How many of the people last made from names a pronoun may still go back to."""


def _join_groups(b: SpeakerBuilder) -> None:
    """ "The officials" after "administration officials said": the group named before."""
    groups = sorted(
        ((min(e.mentions.starts), e) for e in b.anonymous.values() if len(e.mentions)),
        key=lambda p: p[0],
    )
    starts = [at for at, _ in groups]
    stems = [{w.rstrip("s") for w in e.key.split()} for _, e in groups]  # "officials": official
    for i, r in enumerate(b.readings):
        ent, f = b.owner[i], b.found[i]
        if r is None or r.kind != "role" or ent is None or not ent.anonymous or not r.name_span:
            continue
        if ent.key != r.key:
            continue  # given to a group met before already ("the official": "justice officials")
        words = r.key.split()
        if len(words) != 1 or (words[0] not in SOURCE_NOUNS and words[0] + "s" not in SOURCE_NOUNS):
            continue
        if DEFINITE.match(b.text, r.name_span.start) is None or f.source is None:
            continue
        noun = words[0].rstrip("s")  # keys of plural roles are singular: "official"
        group = None
        for k in range(bisect_left(starts, f.source.start) - 1, -1, -1):
            other = groups[k][1]
            if other is not ent and noun in stems[k]:
                group = other
                break
        if group is not None:
            b.owner[i] = group
            group.mentions.append(r.name_span)
            group.add_alias(r.phrase or r.name)


def _pronoun_owner(
    b: SpeakerBuilder,
    index: MentionIndex,
    pronoun: str,
    at: int,
    made: dict[int, int],
    groups: list[tuple[int, Entity]],
) -> Entity | None:
    """The speaker a pronoun at ``at`` stands for.

    The fitting speaker named last; a person named in this paragraph (with a
    given name that shows the sex) over a speaker named before it; a speaker
    met by an earlier pronoun of this pass (``made``: entity id -> where) over
    one named further back. "They" is also a group of people named last: the
    subject of its sentence, or a group quoted before it (``groups``: where, who).
    """
    text = b.text
    ent, fallback = index.before(at, pronoun)
    if pronoun == "they":
        group = _group_before(b, at, groups)
        if group is not None and (ent is None or index.last_mention(ent, at) < group[1]):
            made[id(group[0])] = at
            return group[0]
    if (ent is None or not ent.looks_like_a_person) and pronoun in _SEXES:
        ent = b.person_named_before(at, pronoun) or ent
    elif pronoun in _SEXES and ent is not None:
        paragraph = text.rfind("\n", 0, at)
        last = index.last_mention(ent, at)
        if last > paragraph and _OWNED_NAME.match(text, last):
            # "Lu Kang gave no details about Kim's schedule. But he said": who gave them
            ent = b.person_named_before(at, pronoun, paragraph, owners=False) or ent
        elif last < paragraph:  # "Teresa Galati, 56, says ... she says"
            other = b.person_named_before(at, pronoun, paragraph, True)
            before = _paragraph_before(text, paragraph)
            opening = _OPENING_WORDS.match(text, before + 1) if last < before else None
            if other is None and opening:  # "Mamadou Dia was ... / '...,' he said"
                other = b.person_named_before(opening.end(), pronoun, before, True, opening=True)
            ent = other or ent
    elif ent is None and pronoun == "it":
        ent = b.org_named_before(at)
    ent = ent or fallback
    named = -1
    if ent is not None:
        named = max(index.last_mention(ent, at), made.get(id(ent), -1))
        if ent in b.made_here[-_RECENT:]:  # not in the index: made from a name met by a pronoun
            named = max([named, *(p for p in ent.mentions.starts if p < at)])
    for other in b.made_here[-_RECENT:]:
        where = made.get(id(other), -1)
        if where > named and at - where <= PRONOUN_WINDOW and can_be(pronoun, other):
            ent, named = other, where  # "she says. Galati found ... she says"
    if ent is not None and ent.kind == "person" and ent.sex is None and pronoun in _SEXES:
        ent.sex = _SEXES[pronoun]  # "he said" of Farinloye: "she" later is someone else
    if ent is not None:
        made[id(ent)] = at
    return ent


def _group_before(
    b: SpeakerBuilder, at: int, groups: list[tuple[int, Entity]]
) -> tuple[Entity, int] | None:
    """The group of people "they" at ``at`` stands for, and where it is named: the plural
    subject of its sentence ("Republican senators are eager ..., and they say"), or the
    group last quoted shortly before ("according to show insiders. They said")."""
    best = b.group_named_before(at)
    for where, group in groups:
        if where < at and at - where <= PRONOUN_WINDOW and (best is None or where > best[1]):
            best = (group, where)
    return best


def _paragraph_before(text: str, paragraph: int) -> int:
    """Where the paragraph before the one after the line break at ``paragraph`` starts
    (the break before it; -1 at the top of the text)."""
    end = paragraph
    while end > 0 and text[end - 1] == "\n":
        end -= 1
    return text.rfind("\n", 0, end)


def resolve_sources(b: SpeakerBuilder) -> None:
    """Roles, pronouns and headline names: the speaker each stands for."""
    text = b.text
    made: dict[int, int] = {}
    groups: list[tuple[int, Entity]] = []  # groups of people quoted so far, and where
    index = MentionIndex(b.entities(), text)
    for named in b.entities():
        if not named.anonymous:
            for head in named.role_heads:
                b.by_head.setdefault(head, []).append(named)
    for i, f in enumerate(b.found):
        r = b.readings[i]
        if b.owner[i] is not None or r is None or f.source is None:
            continue
        ent: Entity | None
        if f.needs_known_speaker:
            ent = b.known(r)
        elif r.kind == "document":  # "the statement said": its author, named before it
            ent = index.latest_where(f.source.start, lambda e: not e.anonymous)
        elif r.kind == "pronoun":
            ent = _pronoun_owner(b, index, r.name, f.source.start, made, groups)
        else:
            ent = role_owner(b, r, f.source.start, index)
            if ent is None:
                ent = b.entity_for(r)
            if r.kind == "role":
                at = r.name_span or f.source
                ent.add_alias(r.name if ent.anonymous else lower_article(text, at.start, at.end))
                if ent.anonymous and r.phrase:
                    ent.add_alias(r.phrase)  # "some voters", "a spokesperson": as written
                if ent.anonymous and names_a_group(ent):
                    groups.append((f.source.start, ent))
        if ent is None and r.document:  # "the letter read", no one named before it
            ent = _document_itself(b, f.source)
        if ent is not None:
            b.owner[i] = ent
            ent.mentions.append(r.name_span or f.source)
    _join_groups(b)


def _document_itself(b: SpeakerBuilder, source: Span) -> Entity | None:
    """A document whose author is no speaker the text names: the document itself."""
    r = read_source(b.text, source)
    if r is None or r.kind != "role":
        return None
    ent = b.entity_for(r)
    ent.add_alias(r.phrase or r.name)
    return ent
