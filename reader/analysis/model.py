"""What the analysis finds: speakers, quotes and sector mentions, as spans."""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from typing import Literal, get_args

from reader.columns import Columns
from reader.records import field, record
from reader.spans import Span, SpanArray

QuoteKind = Literal["direct", "indirect", "embedded"]
SpeakerKind = Literal["person", "organization"]


@record(slots=True)
class Speaker:
    """One person or organisation quoted in the text, merged across name variants."""

    id: str
    name: str
    kind: SpeakerKind
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: SpanArray = field(default_factory=SpanArray)

    def __post_init__(self) -> None:
        if not isinstance(self.mentions, SpanArray):  # any iterable of spans is taken
            self.mentions = SpanArray(self.mentions)


@record(frozen=True, slots=True)
class Quote:
    """An attributed statement: what was said, the reporting cue, and who."""

    speaker: str
    kind: QuoteKind
    content: Span | None
    cue: Span | None
    source: Span | None


_KINDS: tuple[QuoteKind, ...] = get_args(QuoteKind)
_NONE = -1


class QuoteList(Columns[Quote]):
    """Quotes kept as columns of offsets; a ``Quote`` is made when one is read.

    A long document has tens of thousands of quotes, each with three spans.
    """

    __slots__ = ("_ids", "_kind", "_offsets", "_speaker", "_speakers")

    def __init__(self, quotes: Iterable[Quote] = ()) -> None:
        self._speakers: list[str] = []
        self._ids: dict[str, int] = {}
        self._speaker = array("I")
        self._kind = array("B")
        self._offsets = array("q")  # content, cue, source: start and end, -1 when absent
        for quote in quotes:
            self.append(quote)

    def append(self, quote: Quote) -> None:
        self.add(quote.speaker, quote.kind, quote.content, quote.cue, quote.source)

    def add(
        self,
        speaker: str,
        kind: QuoteKind,
        content: Span | None,
        cue: Span | None,
        source: Span | None,
    ) -> None:
        """``append`` of the quote with these fields, without making it first."""
        index = self._ids.get(speaker)
        if index is None:
            index = self._ids[speaker] = len(self._speakers)
            self._speakers.append(speaker)
        self._speaker.append(index)
        self._kind.append(_KINDS.index(kind))
        offsets = self._offsets
        for span in (content, cue, source):
            offsets.extend((_NONE, _NONE) if span is None else (span.start, span.end))

    def __len__(self) -> int:
        return len(self._speaker)

    @property
    def offsets(self) -> array[int]:
        """Content, cue and source start and end of each quote in turn; -1 when absent."""
        return self._offsets

    def _row(self, index: int) -> Quote:
        o = self._offsets[6 * index : 6 * index + 6]
        content, cue, source = (Span(o[k], o[k + 1]) if o[k] != _NONE else None for k in (0, 2, 4))
        speaker = self._speakers[self._speaker[index]]
        return Quote(speaker, _KINDS[self._kind[index]], content, cue, source)


@record(slots=True)
class SectorHit:
    """A sector of the fixed taxonomy with every place the text mentions it."""

    id: str
    name: str
    mentions: SpanArray = field(default_factory=SpanArray)

    def __post_init__(self) -> None:
        if not isinstance(self.mentions, SpanArray):
            self.mentions = SpanArray(self.mentions)


@record(slots=True)
class Analysis:
    """The whole analysis of one canonical text. Lists are in a stable order."""

    speakers: list[Speaker] = field(default_factory=list)
    quotes: QuoteList = field(default_factory=QuoteList)
    sectors: list[SectorHit] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not isinstance(self.quotes, QuoteList):  # any iterable of quotes is taken
            self.quotes = QuoteList(self.quotes)

    def speaker(self, speaker_id: str) -> Speaker | None:
        return next((s for s in self.speakers if s.id == speaker_id), None)
