"""Who speaks: statements' sources made into speakers, merged across name variants.

Names of people are merged by surname when their first names agree (Sergei
= Sergey); a surname alone joins the person it belongs to; a first name met
anywhere in the text completes a surname-only speaker. Roles and pronouns
are resolved to the speaker mentioned last before them, never made into
speakers of their own.

The work is a sequence of passes over one ``SpeakerBuilder``, named in
``pipeline.SPEAKER_PASSES``: the named sources here, the mentions of every
name in ``mentions``, then the roles and pronouns in ``resolution``;
``finish`` makes the speakers and quotes. A document source ("the RCMP
statement") speaks for its author (``documents``); a page label or a
fragment names nobody (``nobody``).
"""

from __future__ import annotations

import re
import unicodedata
from operator import itemgetter

from reader import regexes
from reader.analysis.documents import read_document
from reader.analysis.entities import (
    Entity,
    compatible,
    fold,
)
from reader.analysis.found import Found
from reader.analysis.model import QuoteList, Speaker, SpeakerKind
from reader.analysis.names import NameFinder
from reader.analysis.nobody import asked_by, cue_is_a_noun, names_nobody, opening_word, people_of
from reader.analysis.phrases import RELATIVES, relative_antecedent
from reader.analysis.sources import POSSESSIVE, Reading, is_title, read_source
from reader.analysis.vocabulary import (
    AUXILIARIES,
    DETERMINERS,
    FEMALE_NAMES,
    HONORIFICS,
    MALE_NAMES,
    NEWS_ORGS,
    ORG_WORDS,
    VERB_FORMS,
)
from reader.spans import Span, SpanArray

_THE_BEFORE = regexes.compile(r"\b[Tt]he[^\S\n]+\Z")
_QUOTE_MARK = regexes.compile(r"[\"“”]")
_NEXT_WORD = regexes.compile(r"[^\S\n]*(,|—|–|[a-z]+)")
_NAME_LOOKBACK = 800
"""How far back a pronoun with no speaker to stand for looks for a person's name."""
DEFINITE = regexes.compile(r"[Tt]he\s")
"""A definite noun phrase opens here: "the minister", "The company"."""
_MAX_FOLLOWS = 50
_START, _END = itemgetter(0), itemgetter(1)
"""How many statements a chain of continuations may pass through to find its speaker."""


def slug(name: str) -> str:
    """An id from a name: ascii, lower case, words joined by hyphens."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-") or "speaker"


class SpeakerBuilder:
    """The statements of one text, and the speakers made of their sources so far."""

    def __init__(self, text: str, found: list[Found]) -> None:
        self.text = text
        self.found = found
        self.owner: list[Entity | None] = [None] * len(found)  # each statement's speaker
        self.readings: list[Reading | None] = [None] * len(found)  # sources left to resolve
        self.persons: dict[str, list[Entity]] = {}
        self.orgs: dict[str, Entity] = {}
        self.anonymous: dict[str, Entity] = {}
        self.by_head: dict[str, list[Entity]] = {}  # role heads ("minister") -> speakers
        self.names = NameFinder(text)
        self.made_here: list[Entity] = []  # people made from names met by a pronoun

    def _person(self, name: str, role: str | None) -> Entity:
        parts = name.split()
        surname = POSSESSIVE.sub("", parts[-1])
        first = " ".join(parts[:-1])
        key = fold(surname)
        group = self.persons.setdefault(key, [])
        match = [e for e in group if compatible(e.first, first)]
        if first:
            exact = [e for e in match if e.first and compatible(e.first, first)]
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
        key = fold(re.sub(r"^(?:the|The)\s+", "", name))
        ent = self.orgs.get(key) or self._org_of_head(key) or self._person_of_surname(key)
        if ent is None:
            ent = self.orgs[key] = Entity("organization", key=key)
        if name not in ent.names:
            ent.names.append(name)
        return ent

    def _org_of_head(self, key: str) -> Entity | None:
        """The organisation a head noun alone stands for: "the Finance Ministry" for
        "the Ministry" after it (the last one so headed)."""
        if " " in key or key not in ORG_WORDS:
            return None
        heads = [e for k, e in self.orgs.items() if k.endswith(" " + key)]
        return heads[-1] if heads else None

    def _person_of_surname(self, key: str) -> Entity | None:
        """ "Madrid said" after "Deogracias Madrid": the person, not the city."""
        people = [e for e in self.persons.get(key, ()) if e.first]
        return people[0] if len(people) == 1 and " " not in key else None

    def entity_for(self, reading: Reading) -> Entity:
        """The speaker a reading names, made if it is new (a role makes an anonymous one)."""
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
        """Every speaker made so far: persons, organisations, then anonymous ones."""
        out = [e for group in self.persons.values() for e in group]
        out += list(self.orgs.values()) + list(self.anonymous.values())
        return out

    def person_named_before(
        self,
        pos: int,
        pronoun: str,
        after: int = -1,
        known_given: bool = False,
        opening: bool = False,
        owners: bool = True,
    ) -> Entity | None:
        """The last person's name shortly before a pronoun (and after ``after``).

        Used when no speaker fits the pronoun, or when the one that fits was
        named before this paragraph and another person is named in it (or
        opens the paragraph before it: ``opening``). The speaker is made from
        that name, never from the pronoun itself; a given name of the other
        sex is passed over, and a name in the possessive unless ``owners``.
        """
        sex = {"she": "female", "he": "male"}.get(pronoun)  # "person": either
        hi = pos
        if known_given:  # a name inside a quotation is no one the pronoun outside it means
            quote = _QUOTE_MARK.search(self.text, after + 1, pos)
            hi = quote.start() if quote else pos
        last = self.names.last_person(max(0, pos - _NAME_LOOKBACK, after + 1), hi, sex, owners)
        if last is None:
            return None
        start, end, name, honorific = last
        opens = self.text.rfind("\n", 0, start) >= self.text.rfind(".", 0, start)
        if opening and (
            not _opens_with_name(self.text[after + 1 : start]) or not _subject_at(self.text, end)
        ):
            return None  # "Mamadou Dia was on a business trip ...": its first words
        if known_given and not (
            (honorific or opens or _given_name_of(name, sex)) and _subject_at(self.text, end)
        ):
            return None  # only "Teresa Galati, 56, says" outweighs a speaker named before
        ent = self._person(name, None)
        if honorific:
            ent.learn_sex(honorific)
        ent.mentions.add(start, end)
        if ent not in self.made_here:
            self.made_here.append(ent)
        return ent

    def org_named_before(self, pos: int) -> Entity | None:
        """``the government`` just before "it" in its sentence, as an anonymous speaker."""
        span = self.names.org_noun_before(max(0, pos - _NAME_LOOKBACK), pos)
        r = read_source(self.text, Span(*span)) if span else None
        if r is None or not r.org:
            return None
        ent = self.entity_for(r)
        if r.phrase:
            ent.add_alias(r.phrase)
        return ent

    def group_named_before(self, pos: int) -> tuple[Entity, int] | None:
        """The plural subject "they" at ``pos`` stands for, as an anonymous speaker, and
        where it is named: "Republican senators are eager ..., and they say"."""
        span = self.names.group_subject_before(max(0, pos - _NAME_LOOKBACK), pos)
        if span is None:
            return None
        phrase = " ".join(self.text[span[0] : span[1]].split())
        r = read_source(self.text, Span(*span))
        if r is None or r.kind != "role":  # "The Conservatives", "Proponents": no one's name
            first, _, rest = phrase.partition(" ")
            name = rest if rest and first.lower() in DETERMINERS else phrase
            r = Reading("role", name, Span(*span), name, key=name.lower(), phrase=phrase)
        ent = self.entity_for(r)
        if r.phrase:
            ent.add_alias(r.phrase)
        return ent, span[0]

    def known(self, r: Reading) -> Entity | None:
        """The speaker already made for this name, if any (headline names need one)."""
        if r.kind != "name":
            return None
        if r.org:
            return self.orgs.get(fold(re.sub(r"^(?:the|The)\s+", "", r.name)))
        parts = r.name.split()
        for ent in self.persons.get(fold(parts[-1]), []):
            if compatible(ent.first, " ".join(parts[:-1])):
                return ent
        return None


_BEFORE_OPENING_NAME = frozenset({"", "For"})
"""What may stand before the name opening a paragraph about that person: "For Megda
Belkacemi, Friday is a day she has been awaiting"."""


def _opens_with_name(before: str) -> bool:
    """Whether the words ``before`` a name opening a paragraph leave it the paragraph's
    subject: none, "For", or a title ("Liberal MP Marco Mendicino — ... — went on CBC")."""
    words = before.split()
    if " ".join(words) in _BEFORE_OPENING_NAME:
        return True
    return len(words) <= 3 and all(w[:1].isupper() for w in words) and is_title(words[-1])


_APPOSITION_OPENERS = frozenset({",", "—", "–"})
"""Marks after a subject that open what is said of it: "Marco Mendicino — a former
prosecutor — went on CBC"."""


def _subject_at(text: str, end: int) -> bool:
    """Whether a name ending at ``end`` reads as a subject: a comma, a dash or a reporting
    verb next."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and (
        m.group(1) in _APPOSITION_OPENERS or m.group(1) in VERB_FORMS or m.group(1) in AUXILIARIES
    )


def _given_name_of(name: str, sex: str | None) -> bool:
    first = fold(name.split()[0])
    if sex is None:
        return first in FEMALE_NAMES or first in MALE_NAMES
    return first in (FEMALE_NAMES if sex == "female" else MALE_NAMES)


_ANTECEDENT_REACH = 120
"""How far before a relative pronoun its noun phrase may start (as a source before a cue)."""


def source_reading(text: str, source: Span) -> Reading | None:
    """What a statement's source says of its speaker; a document speaks for its author.

    A label of the page ("READ MORE") or a fragment ("It's a") names no speaker at all.
    """
    if text[source.start : source.end] in RELATIVES:
        lo = max(0, source.start - _ANTECEDENT_REACH, text.rfind("\n", 0, source.start) + 1)
        antecedent = relative_antecedent(text, lo, source.start)
        if antecedent is None:
            return None
        source = antecedent  # "Trump, who says": Trump
    if names_nobody(text, source) or opening_word(text, source):
        return None
    source = asked_by(text, source) or source  # economists polled by Reuters, not Reuters
    people = people_of(text, source)  # "West German" bankers, never a person "West German"
    if people is None:
        return None
    source = people
    doc = read_document(text, source)
    if doc is None:
        return read_source(text, source)
    if doc.pronoun is not None:
        return Reading("pronoun", doc.pronoun, document=True)
    if doc.author is None:
        return Reading("document", " ".join(source.text(text).split()), document=True)
    r = read_source(text, doc.author)
    if r is not None:
        r.document = True
        r.name_span = r.name_span or doc.author
        the = _THE_BEFORE.search(text, max(0, doc.author.start - 4), doc.author.start)
        written = doc.author.text(text)
        r.phrase = r.phrase or (f"the {written}" if the else written)  # "the RCMP" statement
    return r


def name_sources(b: SpeakerBuilder) -> None:
    """Every named source makes (or joins) a speaker; roles and pronouns wait."""
    text = b.text
    for i, f in enumerate(b.found):
        if f.source is None or cue_is_a_noun(text, f.source, f.cue):
            continue  # "a Facebook post": no speaker
        r = source_reading(text, f.source)
        if f.transcript and r is not None:
            r = Reading("name", r.name.title() if r.name.isupper() else r.name, r.name_span)
        if f.needs_known_speaker or r is None or r.kind != "name":
            b.readings[i] = r  # resolved once every name is known
            continue
        carried = r
        r = _reported_by_medium(b, f, r)
        ent = b.entity_for(r)
        b.owner[i] = ent
        if r is not carried and r.name_span is not None:
            ent.mentions.append(r.name_span)  # the person in the words, not the medium
            continue
        ent.add_alias(r.phrase if r.document and r.phrase else f.source.text(text))
        if f.also_names is not None:
            ent.mentions.append(f.also_names)
            ent.add_alias(f.also_names.text(text))


def _reported_by_medium(b: SpeakerBuilder, f: Found, r: Reading) -> Reading:
    """ "Ann Lee, the president, gave an interview noting ..., according to CNBC": the
    medium only carried the words; the person the clause opens with said them."""
    if not (r.org and fold(r.name) in NEWS_ORGS and f.cue and f.content):
        return r
    if not b.text[f.cue.start : f.cue.end].lower().startswith("according"):
        return r
    content = f.content
    found = b.names.subject_person(content.start, min(content.end, content.start + 80))
    if found is None:
        return r
    return Reading("name", found[2], Span(found[0], found[1]))


def follow_continuations(b: SpeakerBuilder) -> None:
    """A statement with no speaker of its own takes the speaker of the one it follows."""
    owner, found = b.owner, b.found
    for i in range(len(found)):
        j, hops = i, 0
        while owner[j] is None and hops < _MAX_FOLLOWS:
            follows = found[j].follows
            if follows is None:
                break
            j = follows
            hops += 1
        owner[i] = owner[j]


def finish(b: SpeakerBuilder) -> tuple[list[Speaker], QuoteList]:
    """The speakers with a statement, in order of first mention, and their quotes."""
    found, owner = b.found, b.owner
    used: dict[int, Entity] = {}
    quoted: list[tuple[int, int, int, int]] = []  # sort key and index of each quote
    for i, f in enumerate(found):
        ent = owner[i]
        if ent is not None and f.content is not None:
            ent.quotes += 1
            used[id(ent)] = ent
            cue = f.cue
            quoted.append(
                (f.content.start, cue.start, cue.end, i) if cue else (f.content.start, 0, 0, i)
            )
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
        roles = [r for r in ent.roles if fold(r).rstrip(".") not in HONORIFICS]
        role = max(roles, key=len) if roles else None
        aliases = [a for a in ent.aliases if a != name]
        pairs = sorted(set(zip(ent.mentions.starts, ent.mentions.ends, strict=True)))
        mentions = SpanArray.from_offsets(map(_START, pairs), map(_END, pairs))
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
        if group:  # the same statement found twice is kept once
            same = (f.content, f.cue, f.source)
            if any((g.content, g.cue, g.source) == same for g in group):
                continue
        group.append(f)
        source = f.named or f.source  # the words naming the speaker, without the role
        quotes.add(ids[id(owner[i])], f.kind, f.content, f.cue, source)
    return speakers, quotes


def _first(ent: Entity) -> int:
    return min(ent.mentions.starts, default=1 << 60)


def _best_name(ent: Entity) -> str:
    if ent.anonymous or ent.kind == "organization":
        return ent.names[0] if ent.names else ent.key
    full = [n for n in ent.names if len(n.split()) > 1]
    if full:
        best = max(full, key=lambda n: len(n.split()))
        return POSSESSIVE.sub("", best)
    if ent.first:
        return f"{ent.first} {ent.surname}"
    return ent.surname
