"""Names of people in running text, found without a reporting cue.

A pronoun with no speaker to stand for takes the person named last before
it ("Morneau was wrong when he said ..."); a surname alone is that person's
fullest name the text gives ("Finance Minister Bill Morneau" earlier).
"""

from __future__ import annotations

import re

from reader.analysis.sources import NOISE, is_org, is_title
from reader.analysis.vocabulary import GENERIC_ORG_HEADS, ORG_WORDS

_HONORIFIC_NAME = re.compile(r"\b(Mr|Mrs|Ms|Dr)\.?\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
_TWO_WORDS = re.compile(r"\b([A-Z][a-z][\w'’-]*(?:\s+[A-Z]\.)?\s+[A-Z][a-z][\w'’-]+)")
_ONE_WORD = re.compile(r"(?<![\w'’.-])[A-Z][a-z][\w'’-]+(?![\w'’-])")
_ORG_NOUN = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w'’.-]*\s+){0,3}([a-z]+)\b")
_ORG_HEADS = ORG_WORDS | GENERIC_ORG_HEADS
_FULL_LOOKBACK = 20000
"""How far back a surname alone looks for the full name it shortens."""


def _plain(words: list[str]) -> bool:
    """Words that can be a person's name: no title, noise word, state or firm."""
    return not (any(is_title(w) or w.lower() in NOISE for w in words) or is_org(words))


def _mid_sentence(text: str, start: int) -> bool:
    """Whether a lower-case word or a comma stands just before ``start``."""
    j = start - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j >= 0 and (text[j].islower() or text[j] in ",;")


class NameFinder:
    """Person names of one text, with the full name of a surname cached."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._full: dict[tuple[str, int], str | None] = {}

    def full_name(self, surname: str, before: int) -> str | None:
        """The two-word name ending in ``surname`` met last before ``before``, if any."""
        key = (surname, before // _FULL_LOOKBACK)
        if key not in self._full:
            found = None
            pattern = re.compile(r"\b([A-Z][a-z][\w'’-]*)\s+" + re.escape(surname) + r"(?![\w'’-])")
            lo = max(0, before - _FULL_LOOKBACK)
            for m in pattern.finditer(self.text, lo, before):
                if _plain([m.group(1)]) and m.group(1).lower() not in ORG_WORDS:
                    found = f"{m.group(1)} {surname}"
            self._full[key] = found
        return self._full[key]

    def last_person(self, lo: int, hi: int) -> tuple[int, int, str, str | None] | None:
        """The last person named in ``text[lo:hi]``: start, end, name and honorific.

        A surname alone counts when the text gives the full name before it.
        """
        text = self.text
        best: tuple[int, int, str, str | None] | None = None
        for m in _HONORIFIC_NAME.finditer(text, lo, hi):
            if _plain(m.group(2).split()):
                best = (m.start(2), m.end(2), m.group(2), m.group(1))
        for m in _TWO_WORDS.finditer(text, lo, hi):
            if (best is None or m.start() > best[0]) and _plain(m.group(1).split()):
                best = (m.start(1), m.end(1), " ".join(m.group(1).split()), None)
        for m in _ONE_WORD.finditer(text, best[1] if best else lo, hi):
            word = m.group()
            if not _mid_sentence(text, m.start()) or not _plain([word]):
                continue
            full = self.full_name(word, m.start())
            if full is not None:
                best = (m.start(), m.end(), full, None)
        return best

    def org_noun_before(self, lo: int, hi: int) -> tuple[int, int] | None:
        """``the government`` (or ``the Canadian company``) last before ``hi`` in its sentence.

        "It" with no organisation named before it stands for such a phrase.
        """
        text = self.text
        stop = max(text.rfind(c, lo, hi) for c in ".!?\n")
        best = None
        for m in _ORG_NOUN.finditer(text, max(lo, stop + 1), hi):
            if m.group(1).lower() in _ORG_HEADS:
                best = (m.start(), m.end())
        return best
