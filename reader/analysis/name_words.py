"""Words of a name that are not what they look like: a time, a legal suffix, initials.

Small tests on the words of a source, used by ``sources.read_source``: "Santos
yesterday" (a time after the name), "Samuel Montagu and Co Ltd" (a firm's
legal suffix), "G.I. Valentchits" (initials, not an acronym), "al-Sabah" (a
name joined to its particle).
"""

from __future__ import annotations

from collections.abc import Sequence

from reader import regexes
from reader.analysis.vocabulary import (
    COMPANY_SUFFIXES,
    LEADING_NOISE,
    PLACE_INITIALS,
    TIME_WORDS,
)

PARTICLE_PREFIXES = frozenset(
    {"al", "el", "ad", "ar", "as", "ash", "an", "az", "bin", "ibn", "abu", "ben"}
)
"""Particles written joined to the name they belong to: "al-Sabah", "el-Baz"."""
JOINED_PARTICLE = regexes.compile(r"(?:" + "|".join(sorted(PARTICLE_PREFIXES)) + r")-[A-Z]")
_INITIALS = regexes.compile(r"(?:[A-Z]\.){1,3}")


def time_after(toks: list[tuple[int, int, str]]) -> int:
    """Where a time after the source's words starts ("Santos yesterday", "officials
    last week"), or the number of tokens if none does."""
    k = len(toks)
    while k > 1 and toks[k - 1][2].lower() in LEADING_NOISE:
        k -= 1
    tail = [t[2] for t in toks[k:]]
    verb = k < len(toks) and toks[k - 1][2].endswith(("ed", "ing"))  # "people arrested last week"
    if tail and not verb and tail[0][:1].islower() and any(w.lower() in TIME_WORDS for w in tail):
        return k
    return len(toks)


def initialled_name(tokens: Sequence[str]) -> bool:
    """A person's initials and surname ("G.I. Valentchits"), not an acronym."""
    if len(tokens) != 2 or not _INITIALS.fullmatch(tokens[0]):
        return False
    surname = tokens[1]
    if tokens[0].lower() in PLACE_INITIALS:
        return False  # "U.S. Steel"
    return surname[:1].isupper() and not surname.isupper()


def suffixed(toks: list[tuple[int, int, str]]) -> bool:
    """Whether these words end in a firm's legal suffix ("Co Ltd", "Smelting Inc")."""
    return bool(toks) and toks[-1][2].lower() in COMPANY_SUFFIXES
