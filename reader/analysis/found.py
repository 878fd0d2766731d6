"""Statements found in a text, before their speakers are known."""

from __future__ import annotations

from reader.analysis.model import QuoteKind
from reader.records import record
from reader.spans import Span


@record(slots=True)
class Found:
    """One attributed statement as spans; ``follows`` names a quote whose speaker it shares."""

    kind: QuoteKind
    content: Span | None
    cue: Span | None
    source: Span | None
    follows: int | None = None
    needs_known_speaker: bool = False
    also_names: Span | None = None  # another name of the speaker here (a post's @handle)
    transcript: bool = False  # "PENCE: ..." a speaker's turn in a transcript
    named: Span | None = None  # the words of ``source`` that name the speaker, without a role
