"""What the analysis finds: speakers, quotes and sector mentions, as spans."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from reader.spans import Span

QuoteKind = Literal["direct", "indirect", "embedded"]
SpeakerKind = Literal["person", "organization"]


@dataclass(slots=True)
class Speaker:
    """One person or organisation quoted in the text, merged across name variants."""

    id: str
    name: str
    kind: SpeakerKind
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Quote:
    """An attributed statement: what was said, the reporting cue, and who."""

    speaker: str
    kind: QuoteKind
    content: Span | None
    cue: Span | None
    source: Span | None


@dataclass(slots=True)
class SectorHit:
    """A sector of the fixed taxonomy with every place the text mentions it."""

    id: str
    name: str
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Analysis:
    """The whole analysis of one canonical text. Lists are in a stable order."""

    speakers: list[Speaker] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    sectors: list[SectorHit] = field(default_factory=list)

    def speaker(self, speaker_id: str) -> Speaker | None:
        return next((s for s in self.speakers if s.id == speaker_id), None)
