"""One identity per person or organisation across the library's documents.

Each document's analysis merges the names of a speaker within its text; here
the speakers of all documents are joined, with the analysis's own rules and
as conservatively:

- the same name (case and accents aside, a leading "the" and an honorific
  dropped) is one identity: "Sergei Lavrov" here and there, "the IMF" and "IMF";
- a speaker named, in its own document, by an alias that is another's name is
  that one: "International Monetary Fund" (alias "IMF") and "IMF" elsewhere;
- two full names of one surname join when their given names are of one
  person (``entities.compatible``: "Sergei" and "Sergey", "J." and "John"), and
  only when neither could be anyone else: "J. Smith" beside "John Smith" and
  "Jane Smith" stays apart from both, and so do John and Jane;
- a surname alone ("Lavrov") joins the one full name of that surname in the
  library; when there are several ("Bill Clinton", "Hillary Clinton") it stays
  apart: two people with one surname are never joined unless a text ties them
  (as a document does when it writes "Hillary Clinton" then "Clinton");
- a speaker that is not named ("a spokesperson", "officials", "city staff") is
  someone of its own document only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.analysis.entities import compatible, fold
from reader.analysis.name_words import JOINED_PARTICLE
from reader.analysis.sources import POSSESSIVE, is_title
from reader.analysis.speakers import slug
from reader.analysis.vocabulary import HONORIFICS

_PARTICLES = frozenset(
    {"de", "da", "das", "do", "dos", "del", "della", "di", "du", "la", "le", "van", "von"}
    | {"der", "den", "ter", "y", "bin", "ibn", "al", "el", "ben", "abu", "st."}
)
_MAX_ALIASES = 12
_MEMO = 1 << 16
"""Names remembered while the speakers are joined (a library quotes the same people often)."""
_fold = lru_cache(maxsize=_MEMO)(fold)


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """A speaker of one document, as the index holds it."""

    doc: int
    local: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    quotes: int


@dataclass(frozen=True, slots=True)
class Person:
    """One identity: its id, the name it goes by, and its rows (indexes into the input)."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    documents: int
    quotes: int
    rows: tuple[int, ...]


@lru_cache(maxsize=_MEMO)
def _name_words(name: str) -> tuple[str, ...] | None:
    """The words of a person's proper name (honorific dropped), or None if it is not one."""
    words = tuple(POSSESSIVE.sub("", " ".join(name.split())).split())
    while words and fold(words[0]).rstrip(".") in HONORIFICS:
        words = words[1:]
    if not words:
        return None
    for w in words:
        if fold(w) in _PARTICLES:
            continue
        if not (w[:1].isupper() or JOINED_PARTICLE.match(w)) or is_title(w):
            return None
        if not all(c.isalpha() or c in ".-'’" for c in w):
            return None
    return words


@lru_cache(maxsize=_MEMO)
def _org_key(name: str) -> str | None:
    words = " ".join(name.split()).split()
    if words and words[0].casefold() == "the":
        words = words[1:]
    if not words or not words[0][:1].isupper():
        return None
    return "o:" + fold(" ".join(words))


def _own_key(row: SpeakerRow) -> str | None:
    if row.kind == "organization":
        return _org_key(row.name)
    return _person_key(row.name)


@lru_cache(maxsize=_MEMO)
def _person_key(name: str) -> str | None:
    words = _name_words(name)
    if words is None:
        return None
    return ("p:" if len(words) > 1 else "s:") + fold(" ".join(words))


def _alias_keys(row: SpeakerRow) -> list[str]:
    keys = []
    for alias in row.aliases:
        if row.kind == "organization":
            key = _org_key(alias)
        else:
            key = _person_key(alias)
            key = key if key is not None and key.startswith("p:") else None
        if key is not None:
            keys.append(key)
    return keys


def _forget() -> None:
    """The memos of names emptied: kept for one joining only."""
    for memo in (_name_words, _org_key, _person_key, _fold):
        memo.cache_clear()


class _Sets:
    """Union-find over row indexes; the root of a set is its smallest index."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def identities(rows: Sequence[SpeakerRow]) -> list[Person]:
    """The identities of the library's speakers: every row in exactly one, in a stable order
    (most documents first, then by name)."""
    sets = _Sets(len(rows))
    own: list[str | None] = [_own_key(r) for r in rows]
    by_key: dict[str, int] = {}
    for i, key in enumerate(own):
        if key is not None:
            first = by_key.setdefault(key, i)
            sets.union(first, i)
    for i, row in enumerate(rows):
        if own[i] is None:
            continue
        for key in _alias_keys(row):
            j = by_key.get(key)
            if j is not None:
                sets.union(i, j)
    try:
        _join_given_names(rows, own, sets)
        _join_surnames(rows, own, sets)
        return _people(rows, own, sets)
    finally:
        _forget()


def _surname_groups(
    rows: Sequence[SpeakerRow], own: list[str | None], sets: _Sets
) -> dict[str, dict[int, set[str]]]:
    """Per folded surname, each set of full names with it and the given names it holds."""
    groups: dict[str, dict[int, set[str]]] = {}
    for i, key in enumerate(own):
        if key is None or not key.startswith("p:"):
            continue
        words = _name_words(rows[i].name) or ()
        surname = _fold(words[-1])
        groups.setdefault(surname, {}).setdefault(sets.find(i), set()).add(" ".join(words[:-1]))
    return groups


def _join_given_names(rows: Sequence[SpeakerRow], own: list[str | None], sets: _Sets) -> None:
    for group in _surname_groups(rows, own, sets).values():
        if len(group) < 2:
            continue
        roots = sorted(group)
        fits = {
            r: {
                o
                for o in roots
                if o != r and any(compatible(a, b) for a in group[r] for b in group[o])
            }
            for r in roots
        }
        for r in roots:
            if len(fits[r]) == 1:
                (o,) = fits[r]
                if fits[o] == {r}:
                    sets.union(r, o)


def _join_surnames(rows: Sequence[SpeakerRow], own: list[str | None], sets: _Sets) -> None:
    groups = _surname_groups(rows, own, sets)
    for i, key in enumerate(own):
        if key is not None and key.startswith("s:"):
            full = groups.get(key[2:], {})
            if len(full) == 1:
                sets.union(i, next(iter(full)))


def _people(rows: Sequence[SpeakerRow], own: list[str | None], sets: _Sets) -> list[Person]:
    members: dict[int, list[int]] = {}
    for i in range(len(rows)):
        members.setdefault(sets.find(i), []).append(i)
    made: list[tuple[int, str, str, tuple[str, ...], int, tuple[int, ...], bool]] = []
    for idx in members.values():
        names = Counter(rows[i].name for i in idx)
        name = max(names, key=lambda n: (names[n], len(n.split()), len(n), n))
        kinds = Counter(rows[i].kind for i in idx)
        kind = max(kinds, key=lambda k: (kinds[k], k))
        seen = dict.fromkeys(a for i in idx for a in (rows[i].name, *rows[i].aliases) if a != name)
        aliases = tuple(list(seen)[:_MAX_ALIASES])
        docs = len({rows[i].doc for i in idx})
        quotes = sum(rows[i].quotes for i in idx)
        named = own[idx[0]] is not None
        made.append((docs, name, kind, aliases, quotes, tuple(idx), named))
    made.sort(key=lambda m: (-m[0], m[1].casefold(), m[5][0]))
    taken: set[str] = set()
    people: list[Person] = []
    for docs, name, kind, aliases, quotes, held, named in made:
        if named:
            pid = base = slug(name)
            n = 2
            while pid in taken:
                pid = f"{base}-{n}"
                n += 1
        else:  # someone of one document: named after it, so no other takes the id
            first = rows[held[0]]
            pid = f"{slug(name)}@{first.doc}-{first.local}"
        taken.add(pid)
        people.append(Person(pid, name, kind, aliases, docs, quotes, held))
    return people
