"""Who speaks: statements' sources made into speakers, merged across name variants.

Names of people are merged by surname when their first names agree (Sergei
= Sergey); a surname alone joins the person it belongs to; a first name met
anywhere in the text completes a surname-only speaker. Roles and pronouns
are resolved to the speaker mentioned last before them, never made into
speakers of their own.

The work is a sequence of passes over one ``SpeakerBuilder``, named in
``pipeline.SPEAKER_PASSES``: the named sources here, the mentions of every
name in ``mentions``, then the roles and pronouns here again; ``finish``
makes the speakers and quotes.
"""

from __future__ import annotations

import re
import unicodedata

from reader import regexes
from reader.analysis.entities import (
    Entity,
    MentionIndex,
    compatible,
    fold,
    lower_article,
    role_has,
)
from reader.analysis.found import Found
from reader.analysis.model import Quote, QuoteList, Speaker, SpeakerKind
from reader.analysis.sources import NOISE, POSSESSIVE, Reading, is_org, is_title, read_source
from reader.analysis.vocabulary import GENERIC_ORG_HEADS, HONORIFICS, TITLES
from reader.spans import SpanArray

_PERSON_NAME = regexes.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Dr)\.\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    r"|([A-Z][a-z][\w'’-]*(?:\s+[A-Z]\.)?\s+[A-Z][a-z][\w'’-]+))"
)
_NAME_LOOKBACK = 800
"""How far back a pronoun with no speaker to stand for looks for a person's name."""
_DEFINITE = regexes.compile(r"[Tt]he\s")
_MAX_FOLLOWS = 50
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
        ent = self.orgs.get(key)
        if ent is None:
            ent = self.orgs[key] = Entity("organization", key=key)
        if name not in ent.names:
            ent.names.append(name)
        return ent

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

    def person_named_before(self, pos: int) -> Entity | None:
        """The last person's name shortly before a pronoun, when no speaker fits it.

        The speaker is made from that name, never from the pronoun itself.
        """
        text = self.text
        last = None
        for m in _PERSON_NAME.finditer(text, max(0, pos - _NAME_LOOKBACK), pos):
            words = m.group(m.lastindex or 0).split()
            if any(is_title(w) or w.lower() in NOISE for w in words) or is_org(words):
                continue  # a title, a noise word, a state or a firm is no "he" or "she"
            last = m
        if last is None:
            return None
        name = last.group(last.lastindex or 0)
        ent = self._person(name, None)
        if last.group(0).startswith(("Mr", "Mrs", "Ms", "Dr")):
            ent.learn_sex(last.group(0).split()[0])
        ent.mentions.add(last.start(last.lastindex or 0), last.end(last.lastindex or 0))
        return ent

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

    def role_owner(self, r: Reading, pos: int, index: MentionIndex) -> Entity | None:
        """``the Russian minister``: the latest person whose role has these words."""
        if r.kind != "role":
            return None
        words = [w.lower() for w in r.name.split()]
        candidates = [e for e in self.by_head.get(words[-1], ()) if role_has(e, words[:-1])]
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


def name_sources(b: SpeakerBuilder) -> None:
    """Every named source makes (or joins) a speaker; roles and pronouns wait."""
    text = b.text
    for i, f in enumerate(b.found):
        if f.source is None:
            continue
        r = read_source(text, f.source)
        if f.transcript and r is not None:
            r = Reading("name", r.name.title() if r.name.isupper() else r.name, r.name_span)
        if f.needs_known_speaker or r is None or r.kind != "name":
            b.readings[i] = r  # resolved once every name is known
            continue
        ent = b.entity_for(r)
        b.owner[i] = ent
        ent.add_alias(text[f.source.start : f.source.end])
        if f.also_names is not None:
            ent.mentions.append(f.also_names)
            ent.add_alias(f.also_names.text(text))


def resolve_sources(b: SpeakerBuilder) -> None:
    """Roles, pronouns and headline names: the speaker each stands for."""
    text = b.text
    index = MentionIndex(b.entities())
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
        elif r.kind == "pronoun":
            ent = index.before(f.source.start, r.name)
            if ent is None and r.name in {"he", "she"}:
                ent = b.person_named_before(f.source.start)
        else:
            ent = b.role_owner(r, f.source.start, index)
            if ent is None:
                ent = b.entity_for(r)
            if r.kind == "role":
                ent.add_alias(
                    r.name if ent.anonymous else lower_article(text, f.source.start, f.source.end)
                )
        if ent is not None:
            b.owner[i] = ent
            ent.mentions.append(f.source if r.kind != "name" else r.name_span or f.source)


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
        source = f.named or f.source  # the words naming the speaker, without the role
        quotes.append(Quote(ids[id(owner[i])], f.kind, f.content, f.cue, source))
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
