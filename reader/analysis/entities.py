"""Speakers under construction, and where each was named: entities and their mentions.

An ``Entity`` gathers every variant of one speaker's name, roles, aliases
and mentions; ``MentionIndex`` finds who was named last before a place, for
the roles and pronouns that stand for someone named earlier.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache

from reader.analysis.model import SpeakerKind
from reader.analysis.phrases import names_people
from reader.analysis.vocabulary import (
    FEMALE_HONORIFICS,
    FEMALE_NAMES,
    MALE_HONORIFICS,
    MALE_NAMES,
    PERSON_PRONOUNS,
)
from reader.records import field, record
from reader.spans import SpanArray

PRONOUN_WINDOW = 4000
"""How far back (in characters) a pronoun may look for the person it stands for."""
ROLE_WINDOW = 20000
"""How far back a role ("the minister") may look for the person it names."""
_NO_STARTS = array("q")
_ONE_OF = ["one", "of"]
_OBJECT = re.compile(r"\b(?:(?<![Aa]ccording\s)to|with|for|against|about|than|from|by)[^\S\n]+\Z")
_ATTRIBUTIVE = re.compile(r"\b[Tt]he[^\S\n]+\Z")
"""An article before a person's name: the name qualifies a noun ("the Trump campaign")."""
"""A word before a mention that makes it an object: "a letter to Fleming" (not "according
to show insiders", which names who speaks)."""


def fold(s: str) -> str:
    """Case- and accent-blind form of a name, for comparing."""
    if s.isascii():
        return s.casefold()
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


@record(eq=False)
class Entity:
    """A speaker under construction: every variant seen, every mention found."""

    kind: SpeakerKind
    surname: str = ""
    first: str = ""
    names: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    mentions: SpanArray = field(default_factory=SpanArray)
    quotes: int = 0
    anonymous: bool = False
    key: str = ""
    sex: str | None = None  # "male"/"female" when a title or a given name tells
    _known_aliases: set[str] = field(default_factory=set, init=False)
    """The aliases as a set: a much-quoted speaker has hundreds, looked up at each mention."""
    _role_words: tuple[int, frozenset[str]] = field(default=(0, frozenset()), init=False)
    """``role_words`` and the number of roles it was read from (roles are only added)."""

    def learn_sex(self, given: str) -> None:
        """Learn the sex from a given name or an honorific, if it tells."""
        sex = _sex_of(given)
        if sex is not None:
            self.sex = self.sex or sex

    def add_alias(self, alias: str) -> None:
        if alias in self._known_aliases:
            return  # as kept already (the form kept is its own form)
        alias = " ".join(alias.split())
        if alias[:4] in {"The ", "A ", "An "} or alias[:2] == "A ":
            alias = alias[0].lower() + alias[1:]
        if alias and alias not in self._known_aliases:
            self._known_aliases.add(alias)
            self.aliases.append(alias)

    @property
    def looks_like_a_person(self) -> bool:
        """A given name, a sex, a role or a full name ("Kim Jong-un", its family name first)
        tells this is a person, not a firm or a place."""
        return bool(
            self.first
            or self.sex
            or self.roles
            or len(self.surname.split()) > 1
            or any(" " in n for n in self.names)
        )

    @property
    def shown_a_person(self) -> bool:
        """A given name, an honorific or a role shows a person ("Tesla" alone does not)."""
        return bool(self.first or self.sex or self.roles or " " in self.surname)

    def role_words(self) -> frozenset[str]:
        """Every word of the roles, in lower case; read again only when roles were added."""
        count, words = self._role_words
        if count != len(self.roles):
            words = frozenset(" ".join(self.roles).lower().split())
            self._role_words = (len(self.roles), words)
        return words

    @property
    def role_heads(self) -> set[str]:
        """The last word of each role, in lower case: what "the minister" is looked up by.

        Not of "one of the family's attorneys": "their attorneys" are more than him.
        """
        words = (r.lower().split() for r in self.roles)
        return {w[-1] for w in words if w and w[:2] != _ONE_OF}


@lru_cache(maxsize=4096)
def _sex_of(given: str) -> str | None:
    """The sex a given name or an honorific tells ("Ms.", "Maria"), if it does; kept per
    name, as every mention of a person asks again."""
    word = fold(given.split()[0]).rstrip(".") if given.split() else ""
    if word in FEMALE_HONORIFICS or word in FEMALE_NAMES:
        return "female"
    if word in MALE_HONORIFICS or word in MALE_NAMES:
        return "male"
    return None


@lru_cache(maxsize=4096)
def compatible(a: str, b: str) -> bool:
    """First names of one person: equal, one missing, an initial, or a transliteration.

    Only the given name next to the surname counts ("George W." and "George").
    Kept for the pairs met: each mention of a surname asks again.
    """
    if not a or not b:
        return True
    wa, wb = fold(a).split(), fold(b).split()
    if len(wa) != len(wb) and (wa[-len(wb) :] == wb or wb[-len(wa) :] == wa):
        return True  # "Lorena Paz" Akin and "Paz" Akin: a surname of two words
    fa, fb = wa[0].rstrip("."), wb[0].rstrip(".")
    if fa == fb:
        return True
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    from reader.analysis.similarity import ratio  # rapidfuzz's score, without loading it

    return fa[0] == fb[0] and ratio(fa, fb) >= 70


class MentionIndex:
    """Every mention of every entity, sorted, to find who was named last before a place."""

    def __init__(self, entities: list[Entity], text: str = "") -> None:
        self.text = text  # when given, a pronoun passes over names after a preposition
        starts, owners = array("q"), array("I")
        for k, e in enumerate(entities):
            starts.extend(e.mentions.starts)
            owners.extend([k] * len(e.mentions))
        order = sorted(range(len(starts)), key=starts.__getitem__)  # stable: ties keep entity order
        self.entities = entities
        self.starts = array("q", map(starts.__getitem__, order))
        self.owners = array("I", map(owners.__getitem__, order))
        self.each = {id(e): array("q", sorted(e.mentions.starts)) for e in entities}

    def before(self, pos: int, pronoun: str) -> tuple[Entity | None, Entity | None]:
        """The speaker named last before ``pos`` that ``pronoun`` can stand for.

        Returns the one that fits, if any, and else the speaker of that kind named
        last, as a fallback. "He" passes over a one-word name that nothing shows
        to be a person's ("TransLink", "Nova Scotia") for one that is, if any.
        """
        i = bisect_left(self.starts, pos) - 1
        steps = 0
        fallback = weak = None
        while i >= 0 and steps < 200 and pos - self.starts[i] <= PRONOUN_WINDOW:
            ent = self.entities[self.owners[i]]
            if self.text and _OBJECT.search(self.text, max(0, self.starts[i] - 12), self.starts[i]):
                pass  # "a letter to Fleming": merely mentioned, not the one who speaks
            elif ent.kind == "person" and _ATTRIBUTIVE.search(
                self.text, max(0, self.starts[i] - 5), self.starts[i]
            ):
                pass  # "the Ford government": a name that says whose, not who speaks
            elif not ent.anonymous and can_be(pronoun, ent):
                if pronoun not in PERSON_PRONOUNS or ent.looks_like_a_person:
                    return ent, None
                weak = weak or ent
            elif fallback is None and _same_kind(pronoun, ent):
                fallback = ent
            i -= 1
            steps += 1
        return weak, fallback

    def latest_where(self, pos: int, accept: Callable[[Entity], bool]) -> Entity | None:
        """The entity named last before ``pos`` (not too far back) that ``accept`` takes."""
        i = bisect_left(self.starts, pos) - 1
        while i >= 0 and pos - self.starts[i] <= PRONOUN_WINDOW:
            ent = self.entities[self.owners[i]]
            if accept(ent):
                return ent
            i -= 1
        return None

    def last_mention(self, ent: Entity, pos: int) -> int:
        """Where ``ent`` was named last before ``pos``; -1 if nowhere."""
        starts = self.each.get(id(ent), _NO_STARTS)
        i = bisect_right(starts, pos) - 1
        return starts[i] if i >= 0 else -1

    def latest_of(self, candidates: list[Entity], pos: int) -> Entity | None:
        """Of ``candidates``, the one named last before ``pos`` (not too far back)."""
        best, best_at = None, pos - ROLE_WINDOW
        for ent in candidates:
            starts = self.each.get(id(ent), _NO_STARTS)
            i = bisect_right(starts, pos) - 1
            if i >= 0 and starts[i] >= best_at:
                best, best_at = ent, starts[i]
        return best


def can_be(pronoun: str, ent: Entity) -> bool:
    """Whether a pronoun may refer to this speaker: kind, and sex when it is known."""
    if pronoun == "it":
        return ent.kind == "organization"
    if pronoun == "they":  # "the company", or a group: "show insiders. They said"
        return ent.kind == "organization" or (ent.anonymous and names_a_group(ent))
    if pronoun == "person":
        return ent.kind == "person"
    if pronoun not in PERSON_PRONOUNS or ent.kind != "person":
        return False
    if pronoun == "he":
        return ent.sex != "female"
    if pronoun == "she":
        return ent.sex != "male"
    return True


def names_a_group(ent: Entity) -> bool:
    """Whether an anonymous speaker is a group of people: "show insiders", "the police"."""
    words = (ent.names[0] if ent.names else ent.key).lower().split()
    if not words:
        return False
    head = words[-1]
    plural = head in {"people", "police"} or (head.endswith("s") and not head.endswith("ss"))
    return plural and names_people([head])


def _same_kind(pronoun: str, ent: Entity) -> bool:
    """Whether a pronoun could stand for this speaker if its sex were not known:
    "he" and "she" never stand for an organisation, "it" never for a person."""
    if pronoun in PERSON_PRONOUNS or pronoun == "person":
        return ent.kind == "person"
    if pronoun == "it":
        return ent.kind == "organization"
    return True


def role_has(ent: Entity, modifiers: list[str]) -> bool:
    """Whether every modifier ("russian") is a word of the entity's roles."""
    roles = ent.role_words()
    return all(m in roles for m in modifiers)


def lower_article(text: str, start: int, end: int) -> str:
    """The words of ``text[start:end]`` with a leading article in lower case."""
    s = " ".join(text[start:end].split())
    if s.startswith(("The ", "A ", "An ")):
        s = s[0].lower() + s[1:]
    return s


def looks_like_sentence_start(text: str, pos: int) -> bool:
    """Whether only a sentence end (or nothing) stands before ``pos``."""
    j = pos - 1
    while j >= 0 and text[j] in " \t\n":
        j -= 1
    return j < 0 or text[j] in '.!?\n"“”'
