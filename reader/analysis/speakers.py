"""Who speaks: names, roles and kinds read from source spans, merged into speakers.

A source span is a name ("Russian FM Lavrov"), a role ("the Russian
minister", "a spokeswoman") or a pronoun ("he"). Names of people are merged
by surname when their first names agree (Sergei = Sergey); a surname alone
joins the person it belongs to; a first name met anywhere in the text
completes a surname-only speaker. Roles and pronouns are resolved to the
speaker mentioned last before them, never made into speakers of their own.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz.fuzz import ratio

from reader.analysis.found import Found
from reader.analysis.model import Quote, QuoteList, Speaker, SpeakerKind
from reader.analysis.trie import compile_words
from reader.analysis.vocabulary import (
    DETERMINERS,
    FEMALE_HONORIFICS,
    FEMALE_NAMES,
    GENERIC_ORG_HEADS,
    HONORIFICS,
    LEADING_NOISE,
    MALE_HONORIFICS,
    MALE_NAMES,
    NAME_PREPOSITIONS,
    NEWS_ORGS,
    ORG_WORDS,
    PARTICLES,
    PERSON_PRONOUNS,
    PLACES,
    PRONOUNS,
    SOURCE_NOUNS,
    TITLES,
)
from reader.spans import Span, SpanArray

_WORD = re.compile(r"[^\W_](?:[\w'’.&-]*[\w.])?|[’'][sS]\b|,")
_FIRST_NAME = re.compile(r"(?:([A-Z][\w'’-]*)\s+)?([A-Z][\w'’-]*\.?)\s+\Z")
_DEMONYM = re.compile(r"(?:ian|ean|an|ese|ish|ic|i)$")
_POSSESSIVE = re.compile(r"[’']s\Z")
_JOINED = re.compile(r"\band(?:\s+(?:Mr|Mrs|Ms|Dr)\.?)?\s*\Z")
"""A "role" that is really another name joined by "and" ("Mr. King and Mr.")."""
_PERSON_NAME = re.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Dr)\.\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    r"|([A-Z][a-z][\w'’-]*(?:\s+[A-Z]\.)?\s+[A-Z][a-z][\w'’-]+))"
)
_NAME_LOOKBACK = 800
_HONORIFIC = re.compile(r"\b(Mrs|Ms|Miss|Mr)\.?\s+\Z")
_DEFINITE = re.compile(r"[Tt]he\s")
_PARENS = re.compile(r"\([^()]{0,40}\)")
_PAREN_TAIL = re.compile(r"\s*\([^()]{0,40}\)\s*\Z")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+((?:[\w'’-]+\s+){0,2}?)\Z")
_PRONOUN_WINDOW = 4000
"""How far back (in characters) a pronoun may look for the person it stands for."""
_ROLE_WINDOW = 20000
"""How far back a role ("the minister") may look for the person it names."""

_NOISE = DETERMINERS | LEADING_NOISE
_ROLE_HEADS = TITLES | SOURCE_NOUNS


def _fold(s: str) -> str:
    if s.isascii():
        return s.casefold()
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def slug(name: str) -> str:
    """An id from a name: ascii, lower case, words joined by hyphens."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-") or "speaker"


def _is_title(word: str) -> bool:
    return word.lower() in TITLES or word.lower().rstrip(".") in TITLES


def _is_capital(word: str) -> bool:
    return word[:1].isupper()


def _is_org(tokens: list[str]) -> bool:
    if len(tokens) == 1 and tokens[0].lower() in NEWS_ORGS:
        return True
    bare = (_POSSESSIVE.sub("", t) for t in tokens)  # "Tokyo's", or "Tokyo" "'s"
    if " ".join(t for t in bare if t).lower() in PLACES:
        return True  # a state, its capital or a bloc speaks for a government
    if "and" in tokens:  # "Germany and France": organisations speaking together
        k = tokens.index("and")
        if 0 < k < len(tokens) - 1 and _is_org(tokens[:k]) and _is_org(tokens[k + 1 :]):
            return True
    for t in tokens:
        if t.lower() in ORG_WORDS or t.lower().rstrip(".") in ORG_WORDS:
            return True
        bare = t.replace(".", "").replace("-", "")
        if len(bare) >= 2 and bare.isupper() and bare.isalpha():
            return True
    return False


@dataclass(slots=True)
class Reading:
    """What a source span says about its speaker."""

    kind: str  # "name", "role" or "pronoun"
    name: str = ""
    name_span: Span | None = None
    role: str | None = None
    org: bool = False
    key: str = ""


def read_source(text: str, span: Span) -> Reading | None:
    """Split a source span into a name and a role, or recognise a pronoun or role."""
    end = span.end
    paren = _PAREN_TAIL.search(text, span.start, span.end)
    if paren:
        end = paren.start()  # "Tom O'Brien (D-NY)": the party tag is not the name
    toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, span.start, end)]
    parens = [(m.start(), m.end()) for m in _PARENS.finditer(text, span.start, end)]
    if parens:  # "(R-Ohio)" tags a name; it is not part of it
        toks = [t for t in toks if not any(a <= t[0] < b for a, b in parens)]
    if not toks:
        return None
    if len(toks) == 1 and toks[0][2].lower() in PRONOUNS:
        return Reading("pronoun", toks[0][2].lower())
    role_part = toks
    if any(t[2] == "," for t in toks):
        comma = next(i for i, t in enumerate(toks) if t[2] == ",")
        toks, role_part = toks[:comma], toks[comma + 1 :]
        if not toks:
            return None
        named = [t for t in toks[1:] if _is_capital(t[2])]
        if not named and role_part and all(_is_capital(t[2]) for t in role_part if t[2] != ","):
            toks, role_part = (
                [t for t in role_part if t[2] != ","],
                toks,
            )  # "The chairman, Phil Lovas"
    # The name: the capitalised run at the end, without title words.
    end = len(toks)
    while end > 0 and _POSSESSIVE.fullmatch(toks[end - 1][2]):
        end -= 1
    i = end - 1
    while i >= 0:
        w = toks[i][2]
        low = w.lower()
        if _is_capital(w) and not _is_title(w) and low not in DETERMINERS:
            i -= 1
            continue
        if low in PARTICLES and 0 < i < end - 1:
            k = i - 1
            while k > 0 and toks[k][2].lower() in PARTICLES:
                k -= 1
            if _is_capital(toks[k][2]) and not _is_title(toks[k][2]):
                i = k
                continue
        break
    start = i + 1
    if start >= end:
        return _role_reading(text, span, toks)
    if start >= 2 and toks[start - 1][2] == "and" and _is_org([t[2] for t in toks[start:end]]):
        # "Germany and France said": the two speak together; both are the name.
        j = start - 2
        while j >= 0 and _is_capital(toks[j][2]) and toks[j][2].lower() not in DETERMINERS:
            j -= 1
        if j + 1 < start - 1 and _is_org([t[2] for t in toks[j + 1 : start - 1]]):
            start = j + 1
    if end - start >= 3 and _common_word_at_sentence_start(text, toks[start]):
        start += 1  # "Rival Hillary Clinton": "Rival" is capitalised only by its place
    words = [t[2] for t in toks[start:end]]
    last_org = max((k for k, w in enumerate(words[:-1]) if w.lower() in ORG_WORDS), default=-1)
    after_org = False
    if last_org >= 0:
        tail = words[last_org + 1 :]
        if (
            len(tail) <= 3
            and not _is_org(tail)
            and not any(w.lower() in LEADING_NOISE for w in tail)
        ):
            # "the Washington Post Trump said": the person after the paper's name.
            start += last_org + 1
            words = tail
            after_org = True
    # Words before a person's name that only describe him ("Russian", "Democratic")
    # stay in the role; for an organisation the whole capitalised run is the name.
    name_span = Span(toks[start][0], toks[end - 1][1])
    role_text = None
    if role_part is not toks:
        role_text = " ".join(t[2] for t in role_part) or None
        if role_part:
            role_text = text[role_part[0][0] : role_part[-1][1]]
    elif start > 0:
        first = 0
        while first < start and toks[first][2].lower() in _NOISE:
            first += 1
        if first < start:
            role_text = text[toks[first][0] : toks[start - 1][1]]
    if after_org:
        role_text = None
    org = _is_org(words)
    chain = [t[2] for t in toks if t[2].lower() not in DETERMINERS]
    if (
        not org
        and not after_org
        and role_part is toks
        and len(chain) > len(words)
        and all(_is_capital(w) or w.lower() in NAME_PREPOSITIONS for w in chain)
        and any(w.lower() in ORG_WORDS for w in chain)
    ):
        # "the D.C. Court of Appeals' Board on Professional Responsibility": one name.
        first = next(k for k, t in enumerate(toks) if t[2].lower() not in DETERMINERS)
        name_span = Span(toks[first][0], toks[end - 1][1])
        return Reading("name", " ".join(name_span.text(text).split()), name_span, None, True)
    if org and start > 0 and role_part is toks:
        # "the Venezuelan Foreign Ministry": keep the capitalised run together.
        j = start - 1
        while j >= 0 and _is_capital(toks[j][2]) and toks[j][2].lower() not in DETERMINERS:
            j -= 1
        name_span = Span(toks[j + 1][0], toks[end - 1][1])
        role_text = None
    name = " ".join(text[name_span.start : name_span.end].split())
    if "(" in name:
        name = " ".join(t[2] for t in toks[start:end])
    if len(words) == 1 and not org and words[0].isupper() and len(words[0]) > 1:
        org = True
    if role_text and _JOINED.search(role_text):
        role_text = None  # "Mr. King and Mr. Schultz": the words before are another name
    return Reading("name", name, name_span, role_text, org)


def _role_reading(text: str, span: Span, toks: list[tuple[int, int, str]]) -> Reading | None:
    words = [t[2] for t in toks]
    k = 0
    while k < len(words) and words[k].lower() in _NOISE:
        k += 1
    if k >= len(words):
        return None
    core = " ".join(text[toks[k][0] : toks[-1][1]].split())
    head = words[-1].lower()
    org = head in ORG_WORDS or head.rstrip("s") in ORG_WORDS
    key = " ".join(w.lower() for w in words[k:])
    if key.endswith("s") and not key.endswith("ss") and head.rstrip("s") in SOURCE_NOUNS:
        key = key[:-1]
    return Reading("role", core, None, core, org, key)


@dataclass(eq=False)
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

    def learn_sex(self, given: str) -> None:
        """Learn the sex from a given name or an honorific, if it tells."""
        word = _fold(given.split()[0]).rstrip(".") if given.split() else ""
        if word in FEMALE_HONORIFICS or word in FEMALE_NAMES:
            self.sex = self.sex or "female"
        elif word in MALE_HONORIFICS or word in MALE_NAMES:
            self.sex = self.sex or "male"

    def add_alias(self, alias: str) -> None:
        alias = " ".join(alias.split())
        if alias[:4] in {"The ", "A ", "An "} or alias[:2] == "A ":
            alias = alias[0].lower() + alias[1:]
        if alias and alias not in self.aliases:
            self.aliases.append(alias)

    @property
    def role_heads(self) -> set[str]:
        return {r.split()[-1].lower() for r in self.roles if r.split()}


def _common_word_at_sentence_start(text: str, token: tuple[int, int, str]) -> bool:
    """A capitalised first word of a sentence that the text also uses in lower case."""
    start, _, word = token
    j = start - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j >= 0 and text[j] not in '.!?\n"“”':
        return False
    lower = word.lower()
    if lower == word:
        return False
    window = text[max(0, start - 5000) : start + 5000]
    return re.search(r"\b" + re.escape(lower) + r"\b", window) is not None


def _compatible(a: str, b: str) -> bool:
    """First names of one person: equal, one missing, an initial, or a transliteration.

    Only the given name next to the surname counts ("George W." and "George").
    """
    if not a or not b:
        return True
    fa, fb = _fold(a).split()[0].rstrip("."), _fold(b).split()[0].rstrip(".")
    if fa == fb:
        return True
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    return fa[0] == fb[0] and ratio(fa, fb) >= 70


class SpeakerBuilder:
    """Turns found statements into speakers and quotes."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.persons: dict[str, list[Entity]] = {}
        self.orgs: dict[str, Entity] = {}
        self.anonymous: dict[str, Entity] = {}

    # ------------------------------------------------------------- entities

    def _person(self, name: str, role: str | None) -> Entity:
        parts = name.split()
        surname = _POSSESSIVE.sub("", parts[-1])
        first = " ".join(parts[:-1])
        key = _fold(surname)
        group = self.persons.setdefault(key, [])
        match = [e for e in group if _compatible(e.first, first)]
        if first:
            exact = [e for e in match if e.first and _compatible(e.first, first)]
            match = exact or [e for e in match if not e.first] or match
        if match:
            ent = match[0]
            if first and not ent.first:
                ent.first = first
        else:
            ent = Entity("person", surname=surname, first=first)
            group.append(ent)
        if name not in ent.names:
            ent.names.append(name)
        if first:
            ent.learn_sex(first)
        if role:
            ent.roles.append(role)
            ent.learn_sex(role.split()[-1])
        return ent

    def _org(self, name: str) -> Entity:
        key = _fold(re.sub(r"^(?:the|The)\s+", "", name))
        ent = self.orgs.get(key)
        if ent is None:
            ent = self.orgs[key] = Entity("organization", key=key)
        if name not in ent.names:
            ent.names.append(name)
        return ent

    def _entity_for(self, reading: Reading) -> Entity:
        if reading.kind == "name":
            if reading.org:
                return self._org(reading.name)
            return self._person(reading.name, reading.role)
        key = reading.key
        ent = self.anonymous.get(key)
        if ent is None:
            kind: SpeakerKind = "organization" if reading.org else "person"
            ent = self.anonymous[key] = Entity(kind, anonymous=True, key=key)
            ent.names.append(reading.name)
        return ent

    def entities(self) -> list[Entity]:
        out = [e for group in self.persons.values() for e in group]
        out += list(self.orgs.values()) + list(self.anonymous.values())
        return out

    # ------------------------------------------------------------------ build

    def build(self, found: list[Found]) -> tuple[list[Speaker], QuoteList]:
        text = self.text
        owner: list[Entity | None] = [None] * len(found)
        readings: list[Reading | None] = [None] * len(found)
        # 1. Named sources make entities.
        for i, f in enumerate(found):
            if f.source is None:
                continue
            r = read_source(text, f.source)
            if f.transcript and r is not None:
                r = Reading("name", r.name.title() if r.name.isupper() else r.name, r.name_span)
            if f.needs_known_speaker or r is None or r.kind != "name":
                readings[i] = r  # read again in step 3; named ones are done here
                continue
            ent = self._entity_for(r)
            owner[i] = ent
            ent.add_alias(text[f.source.start : f.source.end])
            if f.also_names is not None:
                ent.mentions.append(f.also_names)
                ent.add_alias(f.also_names.text(text))
        # 2. Name mentions everywhere, completing surname-only people.
        self._scan_mentions()
        # 3. Roles, pronouns, headline names and continuations.
        index = _MentionIndex(self.entities())
        self._by_head: dict[str, list[Entity]] = {}
        for ent in self.entities():
            if not ent.anonymous:
                for head in ent.role_heads:
                    self._by_head.setdefault(head, []).append(ent)
        for i, f in enumerate(found):
            r = readings[i]
            if owner[i] is not None or r is None:
                continue
            if f.needs_known_speaker:
                ent = self._known(r)
            elif r.kind == "pronoun":
                ent = index.before(f.source.start, r.name)  # type: ignore[union-attr]
                if ent is None and r.name in {"he", "she"}:
                    ent = self._person_named_before(f.source.start)  # type: ignore[union-attr]
            else:
                ent = self._role_owner(r, f.source.start, index)  # type: ignore[union-attr]
                if ent is None:
                    ent = self._entity_for(r)
                if r.kind == "role":
                    ent.add_alias(r.name if ent.anonymous else _lower_article(text, f.source))
            if ent is not None:
                owner[i] = ent
                if f.source is not None:
                    ent.mentions.append(f.source if r.kind != "name" else r.name_span or f.source)
        for i in range(len(found)):
            j, hops = i, 0
            while owner[j] is None and (follows := found[j].follows) is not None and hops < 50:
                j = follows
                hops += 1
            owner[i] = owner[j]
        self._role_mentions()
        return self._finish(found, owner)

    def _person_named_before(self, pos: int) -> Entity | None:
        """The last person's name shortly before a pronoun, when no speaker fits it.

        The speaker is made from that name, never from the pronoun itself.
        """
        text = self.text
        last = None
        for m in _PERSON_NAME.finditer(text, max(0, pos - _NAME_LOOKBACK), pos):
            words = m.group(m.lastindex or 0).split()
            if any(_is_title(w) or w.lower() in _NOISE for w in words) or _is_org(words):
                continue  # a title, a noise word, a state or a firm is no "he" or "she"
            last = m
        if last is None:
            return None
        name = last.group(last.lastindex or 0)
        ent = self._person(name, None)
        if last.group(0).startswith(("Mr", "Mrs", "Ms", "Dr")):
            ent.learn_sex(last.group(0).split()[0])
        ent.mentions.append(Span(last.start(last.lastindex or 0), last.end(last.lastindex or 0)))
        return ent

    def _known(self, r: Reading) -> Entity | None:
        if r.kind != "name":
            return None
        if r.org:
            return self.orgs.get(_fold(re.sub(r"^(?:the|The)\s+", "", r.name)))
        parts = r.name.split()
        for ent in self.persons.get(_fold(parts[-1]), []):
            if _compatible(ent.first, " ".join(parts[:-1])):
                return ent
        return None

    def _role_owner(self, r: Reading, pos: int, index: _MentionIndex) -> Entity | None:
        """``the Russian minister``: the latest person whose role has these words."""
        if r.kind != "role":
            return None
        words = [w.lower() for w in r.name.split()]
        candidates = [e for e in self._by_head.get(words[-1], ()) if _role_has(e, words[:-1])]
        if candidates:
            found = index.latest_of(candidates, pos)
            return found or (candidates[0] if len(candidates) == 1 else None)
        definite = _DEFINITE.match(self.text, pos) is not None
        if definite and words[-1] in TITLES and not r.org:
            # "the Democratic nominee" with no such role on record: the person named last.
            return index.before(pos, "person")
        if definite and r.org and len(words) == 1:
            # "the ministry" after "the Finance Ministry said"; "the company" after "Toyota".
            head = words[0]
            generic = head in GENERIC_ORG_HEADS
            return index.latest_where(
                pos,
                lambda e: (
                    e.kind == "organization"
                    and not e.anonymous
                    and (generic or any(head in n.lower().split() for n in e.names))
                ),
            )
        return None

    def _scan_mentions(self) -> None:
        text = self.text
        keys: dict[str, list[Entity]] = {}
        for group in self.persons.values():
            for ent in group:
                keys.setdefault(ent.surname, []).append(ent)
        for ent in self.orgs.values():
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
                ents[0].mentions.append(Span(m.start(), m.end()))
                ents[0].add_alias(m.group())
                continue
            self._person_mention(m.start(), m.end(), ents)

    def _person_mention(self, start: int, end: int, ents: list[Entity]) -> None:
        text = self.text
        before = _FIRST_NAME.search(text, max(0, start - 40), start)
        first = ""
        first_start = start
        if before:
            given, middle = before.group(1), before.group(2)
            if len(middle.rstrip(".")) == 1 and given:
                candidate, at = f"{given} {middle}", before.start(1)
            else:
                candidate, at = middle, before.start(2)
            low = candidate.split()[0].lower()
            dotted = [w for w in candidate.split() if w.endswith(".") and len(w) > 2]
            if not dotted and not (
                _is_title(candidate.split()[0])
                or low in DETERMINERS
                or low in LEADING_NOISE
                or low in ORG_WORDS
                or candidate.endswith(("'s", "’s"))
            ):
                first, first_start = candidate, at
        target = None
        if first:
            for ent in ents:
                if ent.first and _compatible(ent.first, first):
                    target = ent
                    break
            if target is None:
                blank = [e for e in ents if not e.first]
                if blank and not _looks_like_sentence_start(text, first_start):
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
        span = Span(first_start, end)
        target.mentions.append(span)
        full = " ".join(text[span.start : span.end].split())
        if first and full not in target.names:
            target.names.append(full)
        target.add_alias(full)

    def _role_mentions(self) -> None:
        """``the Russian minister`` wherever it stands, for a speaker with that role."""
        heads: dict[str, list[Entity]] = {}
        for ent in self.entities():
            if ent.anonymous or ent.kind != "person":
                continue
            for head in ent.role_heads:
                if len(head) > 2 and head.isalpha() and head in _ROLE_HEADS:
                    heads.setdefault(head, []).append(ent)
        if not heads:
            return
        text = self.text
        index = _MentionIndex(self.entities())
        forms = {f: h for h in heads for f in (h, h.capitalize())}
        for m in compile_words(forms).finditer(text):
            the = _THE_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if the is None:
                continue
            mods = [w.lower() for w in the.group(1).split()]
            cands = [e for e in heads.get(m.group().lower(), []) if _role_has(e, mods)]
            if not cands:
                continue
            ent = index.latest_of(cands, the.start())
            if ent is None:
                continue
            span = Span(the.start(), m.end())
            ent.mentions.append(span)
            ent.add_alias(_lower_article(self.text, span))

    # ----------------------------------------------------------------- output

    def _finish(
        self, found: list[Found], owner: list[Entity | None]
    ) -> tuple[list[Speaker], QuoteList]:
        text = self.text
        used: dict[int, Entity] = {}
        quoted: list[tuple[int, int, int, int]] = []  # sort key and index of each quote
        for i, f in enumerate(found):
            ent = owner[i]
            if ent is not None and f.content is not None:
                ent.quotes += 1
                used[id(ent)] = ent
                cue = f.cue or Span(0, 0)
                quoted.append((f.content.start, cue.start, cue.end, i))
        ents = sorted(used.values(), key=lambda e: (_first(e), e.names[0] if e.names else ""))
        speakers: list[Speaker] = []
        ids: dict[int, str] = {}
        taken: set[str] = set()
        for ent in ents:
            name = _best_name(ent)
            sid = base = slug(name)
            n = 2
            while sid in taken:
                sid = f"{base}-{n}"
                n += 1
            taken.add(sid)
            ids[id(ent)] = sid
            roles = [r for r in ent.roles if _fold(r).rstrip(".") not in HONORIFICS]
            role = max(roles, key=len) if roles else None
            aliases = [a for a in ent.aliases if a != name]
            pairs = sorted(set(zip(ent.mentions.starts, ent.mentions.ends, strict=True)))
            mentions = SpanArray.from_offsets((p[0] for p in pairs), (p[1] for p in pairs))
            speakers.append(Speaker(sid, name, ent.kind, role, aliases, mentions))
        # Quotes in (content start, cue) order, a statement found twice kept once.
        # Offsets and indexes only: a long text has tens of thousands of quotes.
        quoted.sort()  # ties keep the order the statements were found in
        quotes = QuoteList()
        group: list[Found] = []  # the statements with the same sort key as the last one
        for k, (start, cue_start, cue_end, i) in enumerate(quoted):
            if k and quoted[k - 1][:3] != (start, cue_start, cue_end):
                group = []
            f = found[i]
            if any((g.content, g.cue, g.source) == (f.content, f.cue, f.source) for g in group):
                continue
            group.append(f)
            quotes.append(Quote(ids[id(owner[i])], f.kind, f.content, f.cue, f.source))
        del text
        return speakers, quotes


class _MentionIndex:
    """Every mention of every entity, sorted, to find who was named last before a place."""

    def __init__(self, entities: list[Entity]) -> None:
        starts, owners = array("q"), array("I")
        for k, e in enumerate(entities):
            starts.extend(e.mentions.starts)
            owners.extend([k] * len(e.mentions))
        order = sorted(range(len(starts)), key=starts.__getitem__)  # stable: ties keep entity order
        self.entities = entities
        self.starts = array("q", (starts[i] for i in order))
        self.owners = array("I", (owners[i] for i in order))
        self.each = {id(e): array("q", sorted(e.mentions.starts)) for e in entities}

    def before(self, pos: int, pronoun: str) -> Entity | None:
        """The speaker named last before ``pos`` that ``pronoun`` can stand for."""
        i = bisect_left(self.starts, pos) - 1
        steps = 0
        fallback = None
        while i >= 0 and steps < 200 and pos - self.starts[i] <= _PRONOUN_WINDOW:
            ent = self.entities[self.owners[i]]
            if not ent.anonymous and _can_be(pronoun, ent):
                return ent
            fallback = fallback or ent
            i -= 1
            steps += 1
        return fallback  # nobody fits better: the speaker named last

    def latest_where(self, pos: int, accept: Callable[[Entity], bool]) -> Entity | None:
        """The entity named last before ``pos`` (not too far back) that ``accept`` takes."""
        i = bisect_left(self.starts, pos) - 1
        while i >= 0 and pos - self.starts[i] <= _PRONOUN_WINDOW:
            ent = self.entities[self.owners[i]]
            if accept(ent):
                return ent
            i -= 1
        return None

    def latest_of(self, candidates: list[Entity], pos: int) -> Entity | None:
        """Of ``candidates``, the one named last before ``pos`` (not too far back)."""
        best, best_at = None, pos - _ROLE_WINDOW
        for ent in candidates:
            starts = self.each.get(id(ent), [])
            i = bisect_right(starts, pos) - 1
            if i >= 0 and starts[i] >= best_at:
                best, best_at = ent, starts[i]
        return best


def _can_be(pronoun: str, ent: Entity) -> bool:
    """Whether a pronoun may refer to this speaker: kind, and sex when it is known."""
    if pronoun in {"it", "they"}:
        return ent.kind == "organization"
    if pronoun == "person":
        return ent.kind == "person"
    if pronoun not in PERSON_PRONOUNS or ent.kind != "person":
        return False
    if pronoun == "he":
        return ent.sex != "female"
    if pronoun == "she":
        return ent.sex != "male"
    return True


def _role_has(ent: Entity, modifiers: list[str]) -> bool:
    roles = " ".join(ent.roles).lower().split()
    return all(m in roles for m in modifiers)


def _lower_article(text: str, span: Span) -> str:
    s = " ".join(text[span.start : span.end].split())
    if s.startswith(("The ", "A ", "An ")):
        s = s[0].lower() + s[1:]
    return s


def _looks_like_sentence_start(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and text[j] in " \t\n":
        j -= 1
    return j < 0 or text[j] in '.!?\n"“”'


def _first(ent: Entity) -> int:
    return min(ent.mentions.starts, default=1 << 60)


def _best_name(ent: Entity) -> str:
    if ent.anonymous or ent.kind == "organization":
        return ent.names[0] if ent.names else ent.key
    full = [n for n in ent.names if len(n.split()) > 1]
    if full:
        best = max(full, key=lambda n: len(n.split()))
        return _POSSESSIVE.sub("", best)
    if ent.first:
        return f"{ent.first} {ent.surname}"
    return ent.surname
