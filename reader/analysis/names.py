"""Names of people in running text, found without a reporting cue.

A pronoun with no speaker to stand for takes the person named last before
it ("Morneau was wrong when he said ..."); a surname alone is that person's
fullest name the text gives ("Finance Minister Bill Morneau" earlier).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader import regexes
from reader.analysis.phrases import ADVERBIAL_LEAD, names_people
from reader.analysis.sources import NOISE, common_word, is_org, is_title
from reader.analysis.vocabulary import (
    AUXILIARIES,
    DOCUMENT_NOUNS,
    FEMALE_HONORIFICS,
    FEMALE_NAMES,
    GENERIC_ORG_HEADS,
    GROUP_VERBS,
    LEADING_NOISE,
    MALE_HONORIFICS,
    MALE_NAMES,
    MODALS,
    NATIONALITIES,
    ORG_WORDS,
    PAGE_FURNITURE,
    PLACE_HEADS,
    PRONOUNS,
    STOP_WORDS,
    STUDY_NOUNS,
    VERB_FORMS,
)

_NON_SPACE = regexes.compile(r"\S+")
# These open with a capital and test what stands before it after it: the regex engine
# skips to the capitals instead of testing a word boundary at every place.
_HONORIFIC_NAME = regexes.compile(
    r"(M(?<!\wM)(?:r|rs|s)|D(?<!\wD)r)\.?\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)
_CAPITALISED_RUN = regexes.compile(
    r"[A-Z](?<!\w[A-Z])[\w'’-]*(?:[ \t]+(?:[A-Z]\.[ \t]+)?[A-Z][a-z][\w'’-]*)+"
)
_ONE_WORD = regexes.compile(r"[A-Z](?<![\w'’.-][A-Z])[a-z][\w'’-]+(?![\w'’-])")
_ORG_NOUN = regexes.compile(r"\b[Tt]he\s+(?:[A-Z][\w'’.-]*\s+){0,3}([a-z]+)\b")
_ORG_HEADS = ORG_WORDS | GENERIC_ORG_HEADS
_NOT_NAMES = NATIONALITIES | STOP_WORDS
_LITTLE_WORDS = STOP_WORDS | LEADING_NOISE
_OWNED = regexes.compile(r"[’']s\Z")
_OWNED_AFTER = regexes.compile(r"[’']s\b")
_TITLE_BEFORE = regexes.compile(r"\b([A-Z][A-Za-z]+\.?)[ \t]+\Z")
_PREVIOUS_WORD = regexes.compile(r"\b([A-Za-z]+)[ \t]+\Z")
_ORG_SHOWN = regexes.compile(
    r"(?<![\w.])([A-Z]{2,6})(?![\w.’'])"  # an acronym: "the UFCW"
    r"|\b([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*[ \t]+&[ \t]+[A-Z][\w'’-]*)"  # "Procter & Gamble"
    r"|\b(?:"
    + "|".join(sorted(GENERIC_ORG_HEADS))
    + r")[ \t]+([A-Z][a-z][\w-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][a-z][\w-]*){0,2})\b"
    r"|(?<![\w'’-])([A-Z][a-z][\w-]+)[’']s\b"  # "Tesla’s"
)
"""Names that show themselves a firm's or a body's (``NameFinder.last_org``)."""
_GROUP_SUBJECT = regexes.compile(
    r"[^\S\n]*[\"“]?(?:(?:But|And|So|Yet|Still|Now)[^\S\n]+)?"
    r"(((?:[Tt]he|[Mm]any|[Ss]ome|[Oo]ther|[Mm]ost)[^\S\n]+)?(?:[\w'’-]+[^\S\n]+){0,3}?(?:[\w'’-]+s|people|police))"
    r"(?:,[^,;:\"“”\n]{1,80},)?[^\S\n]+(?:[a-z]+ly[^\S\n]+)?([a-z]+)\b"
)
"""The subject opening a sentence, a plural noun with up to three words before it
(group 2, a determiner among them), and the verb after it (group 3), a phrase between
commas and an adverb allowed between: "Proponents, including ..., have urged"."""
_SUBJECT_VERBS = AUXILIARIES | MODALS | VERB_FORMS.keys() | GROUP_VERBS
"""Verbs after the plural subject of a sentence, besides those in -ed."""
_NOT_GROUPS = DOCUMENT_NOUNS | STUDY_NOUNS
"""Plural heads that are no group of people: "The reports say"."""
_OPENING_CONJUNCTION = regexes.compile(r"[\s\"“]*(?:(?:But|And|So|Yet|Still)[^\S\n]*)?")
"""All that may stand before "they" opening its sentence."""
_ACRONYM_PLACES = {"us", "uk", "eu", "un", "usa", "uae"}
_WORD_AFTER = regexes.compile(r"[^\S\n]*(,|[a-z]+)")
_FULL_NAMES: dict[str, re.Pattern[str]] = {}
"""The pattern of a two-word name ending in each surname looked for (``full_name``)."""
_FULL_LOOKBACK = 8000
"""How far back a surname alone looks for the full name it shortens."""


def _plain(words: list[str]) -> bool:
    """Words that can be a person's name: no title, noise word, state, people or firm."""
    return _plain_words(tuple(words))


@lru_cache(maxsize=8192)
def _plain_words(words: tuple[str, ...]) -> bool:
    """``_plain``, kept per words: a pronoun's look back reads the same names again."""
    return not (
        any(is_title(w) or w.lower() in NOISE or w.lower() in _NOT_NAMES for w in words)
        or words[-1].lower() in PLACE_HEADS
        or is_org(words)
    )


def _given(word: str) -> bool:
    low = word.lower()
    return low in MALE_NAMES or low in FEMALE_NAMES


def _may_be(name: str, sex: str | None) -> bool:
    """Whether a given name or honorific may be of a person of this sex."""
    word = name.split()[0].lower().rstrip(".")
    if sex == "male":
        return word not in FEMALE_NAMES and word not in FEMALE_HONORIFICS
    if sex == "female":
        return word not in MALE_NAMES and word not in MALE_HONORIFICS
    return True


def _titled(text: str, start: int) -> bool:
    """Whether a person's title ("President", "Sen.") stands just before ``start``."""
    m = _TITLE_BEFORE.search(text, max(0, start - 20), start)
    return m is not None and is_title(m.group(1)) and m.group(1).lower() not in NOISE


def _mid_sentence(text: str, start: int) -> bool:
    """Whether a lower-case word, a comma or a little word ("After") stands before ``start``."""
    j = start - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j >= 0 and (text[j].islower() or text[j] in ",;"):
        return True
    word = _PREVIOUS_WORD.search(text, max(0, start - 20), start)
    return word is not None and word.group(1).lower() in _LITTLE_WORDS


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
            pattern = _FULL_NAMES.get(surname)
            if pattern is None:  # compiled once a surname: more than the ``re`` cache holds
                # The given name's capital first, then "no word character before it": the
                # engine skips to the capitals instead of testing a word boundary everywhere.
                pattern = _FULL_NAMES[surname] = re.compile(
                    r"([A-Z](?<!\w[A-Z])[a-z][\w'’-]*)\s+" + re.escape(surname) + r"(?![\w'’-])"
                )
            lo = max(0, before - _FULL_LOOKBACK)
            for m in pattern.finditer(self.text, lo, before):
                if _plain([m.group(1)]) and m.group(1).lower() not in ORG_WORDS:
                    found = f"{m.group(1)} {surname}"
            self._full[key] = found
        return self._full[key]

    def last_person(
        self, lo: int, hi: int, sex: str | None = None, owners: bool = True
    ) -> tuple[int, int, str, str | None] | None:
        """The last person named in ``text[lo:hi]``: start, end, name and honorific.

        A surname alone counts when the text gives the full name before it; a
        name or honorific of the other sex than ``sex`` does not count, nor, unless
        ``owners``, a name in the possessive ("Kim's schedule").
        """
        text = self.text
        best: tuple[int, int, str, str | None] | None = None
        for m in _HONORIFIC_NAME.finditer(text, lo, hi):
            if not owners and _OWNED_AFTER.match(text, m.end()):
                continue
            if _plain(m.group(2).split()) and _may_be(m.group(1), sex):
                best = (m.start(2), m.end(2), m.group(2), m.group(1))
        for m in _CAPITALISED_RUN.finditer(text, lo, hi):
            words = [(w.start(), w.end(), w.group()) for w in _NON_SPACE.finditer(text, *m.span())]
            k = 0  # "Mayor Dan Ruddick", "After Wilson-Raybould": the name after them
            while k < len(words) and not _plain([words[k][2]]):
                k += 1
            if len(words) - k > 2 and _given(words[k + 1][2]) and not _given(words[k][2]):
                k += 1  # "Nurse Maria Okafor": a role written with a capital
            name = " ".join(w[2] for w in words[k:])
            if len(words) - k < 2 or not _plain(name.split()) or not _may_be(name, sex):
                continue
            if not owners and _OWNED.search(name):
                continue
            if best is None or m.start() > best[0]:
                best = (words[k][0], m.end(), name, None)
        for m in _ONE_WORD.finditer(text, best[1] if best else lo, hi):
            word = _OWNED.sub("", m.group())  # "Trudeau’s office": Trudeau
            if not owners and word != m.group():
                continue
            if not _plain([word]) or (
                not _mid_sentence(text, m.start()) and common_word(text, word, m.start())
            ):
                continue
            full = self.full_name(word, m.start())
            if full is None and _titled(text, m.start()):
                full = word  # "President Obama": a title names a person by the surname alone
            if full is not None and _may_be(full, sex):
                best = (m.start(), m.end(), full, None)
        return best

    def last_org(self, lo: int, hi: int, people: set[str]) -> tuple[int, int, str] | None:
        """The last firm or body named in ``text[lo:hi]``: start, end and name.

        One that shows itself so: an acronym ("UFCW"), a name with "&"
        ("Procter & Gamble"), one after a noun for a firm ("maker Acme"), or
        one word with a possessive ("Tesla’s") that names no person (folded
        surnames in ``people``, given names).
        """
        text = self.text
        best: tuple[int, int, str] | None = None
        for m in _ORG_SHOWN.finditer(text, lo, hi):
            k = m.lastindex or 0
            name, start = m.group(k), m.start(k)
            word = name.lower()
            if k == 1 and (word in PAGE_FURNITURE or is_title(name) or word in _ACRONYM_PLACES):
                continue
            if k == 4 and (
                not _plain([name])
                or _given(name)
                or word in people
                or not _mid_sentence(text, start)
            ):
                continue
            best = (start, start + len(name), name)
        return best

    def subject_person(self, lo: int, hi: int) -> tuple[int, int, str] | None:
        """A person's full name opening a clause in ``text[lo:hi]``, with a comma or a
        reporting verb after it ("On Jan. 9, Ann Lee, the president, ..."): start, end, name."""
        text = self.text
        for m in _CAPITALISED_RUN.finditer(text, lo, hi):
            words = [(w.start(), w.end(), w.group()) for w in _NON_SPACE.finditer(text, *m.span())]
            k = 0
            while k < len(words) and not _plain([words[k][2]]):
                k += 1
            if len(words) - k < 2:
                continue
            name = " ".join(w[2] for w in words[k:])
            after = _WORD_AFTER.match(text, m.end())
            if (
                _plain(name.split())
                and after is not None
                and (after.group(1) == "," or after.group(1) in VERB_FORMS)
            ):
                return words[k][0], m.end(), name
            return None
        return None

    def group_subject_before(self, lo: int, hi: int) -> tuple[int, int] | None:
        """The plural subject of the sentence "they" at ``hi`` stands in, or of the one
        before when "they" opens its own: "Republican senators are eager ..., and they
        say", "McConnell aides acknowledged ... But they emphasized". None when that
        subject is no group of people ("The program has expanded ..., they say")."""
        text = self.text
        stop = max(text.rfind(c, lo, hi) for c in ".!?\n")
        if _OPENING_CONJUNCTION.fullmatch(text, stop + 1, hi):
            stop = max(text.rfind(c, lo, stop) for c in ".!?\n")
        begin = max(lo, stop + 1)
        lead = ADVERBIAL_LEAD.match(text, begin, hi)  # "In the Wells Fargo scandal, people ..."
        m = _GROUP_SUBJECT.match(text, lead.end() if lead else begin, hi)
        if m is None or m.end() > hi:
            return None
        words = m.group(1).split()
        head, verb = words[-1].lower(), m.group(3)
        if head in PRONOUNS or head in _NOT_GROUPS or not names_people([head]):
            return None
        if any(w.lower() in STOP_WORDS for w in words[1:-1]) or not (
            verb in _SUBJECT_VERBS or verb.endswith("ed")
        ):
            return None
        return m.start(1), m.end(1)

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
