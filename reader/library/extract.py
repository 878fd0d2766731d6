"""One file read and analysed into what the index keeps of it: the work of a worker process.

``extract`` is a pure function of the file (its text) and runs in any process:
what it returns is plain data, cheap to send back. A file that cannot be read
or analysed gives a :class:`Failed` with one line saying why; nothing raises.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass

from reader.analysis import analyze
from reader.document import FORMATS, DocumentError, load_document
from reader.library.entries import summarise


@dataclass(frozen=True, slots=True)
class Stat:
    """What tells a file changed without reading it."""

    size: int
    mtime_ns: int

    @classmethod
    def of(cls, st: os.stat_result) -> Stat:
        return cls(st.st_size, st.st_mtime_ns)


@dataclass(frozen=True, slots=True)
class Extracted:
    """A document's row and everything hanging off it, as plain tuples."""

    key: str
    stat: Stat
    sha256: str
    format: str
    title: str
    date: str | None
    chars: int
    quotes_count: int
    top_speakers: tuple[str, ...]
    sectors_shown: tuple[str, ...]
    speakers: Sequence[tuple[str, str, str, str | None, str, int, int]]
    """local id, name, kind, role, aliases (JSON), mentions, quotes."""
    quotes: Sequence[tuple[str, str, int, int, str, int | None, int | None, int | None, int | None]]
    """speaker, kind, start, end, text, cue start/end, source start/end."""
    sector_names: list[tuple[str, str]]
    sector_mentions: list[tuple[str, int, int]]
    paragraphs: list[tuple[int, str]]
    """Each paragraph's start and text: what the full-text search reads."""


@dataclass(frozen=True, slots=True)
class Unchanged:
    """The file was touched but its text is the one already indexed."""

    key: str
    stat: Stat


@dataclass(frozen=True, slots=True)
class Failed:
    """The file could not be read or analysed."""

    key: str
    stat: Stat
    reason: str


Result = Extracted | Unchanged | Failed


def extract(path: str, key: str, stat: Stat, known_sha256: str = "") -> Result:
    """Read and analyse the file at ``path`` (indexed under ``key``).

    When its text's digest is ``known_sha256`` the analysis is skipped.
    """
    try:
        doc = load_document(path)
    except DocumentError as exc:
        return Failed(key, stat, str(exc))
    except Exception as exc:  # one file never stops the rest
        return Failed(key, stat, f"cannot read {path}: {type(exc).__name__}: {exc}")
    if known_sha256 and doc.sha256 == known_sha256:
        return Unchanged(key, stat)
    try:
        analysis = analyze(doc)
    except Exception as exc:
        return Failed(key, stat, f"the analysis failed ({type(exc).__name__}: {exc})")
    text = doc.text
    counts: dict[str, int] = {}
    for q in analysis.quotes:
        counts[q.speaker] = counts.get(q.speaker, 0) + 1
    speakers = [
        (
            s.id,
            s.name,
            s.kind,
            s.role,
            json.dumps(s.aliases, ensure_ascii=False),
            len(s.mentions),
            counts.get(s.id, 0),
        )
        for s in analysis.speakers
    ]
    quotes = []
    for q in analysis.quotes:
        if q.content is None:
            continue
        cue, source = q.cue, q.source
        quotes.append(
            (
                q.speaker,
                q.kind,
                q.content.start,
                q.content.end,
                q.content.text(text),
                cue.start if cue else None,
                cue.end if cue else None,
                source.start if source else None,
                source.end if source else None,
            )
        )
    mentions = [(h.id, m.start, m.end) for h in analysis.sectors for m in h.mentions]
    entry = summarise(doc, analysis)
    suffix = os.path.splitext(path)[1].lower()
    return Extracted(
        key=key,
        stat=stat,
        sha256=doc.sha256,
        format=FORMATS.get(suffix, "text"),
        title=doc.title,
        date=doc.date,
        chars=len(text),
        quotes_count=len(analysis.quotes),
        top_speakers=entry.speakers,
        sectors_shown=entry.sectors,
        speakers=speakers,
        quotes=quotes,
        sector_names=[(h.id, h.name) for h in analysis.sectors],
        sector_mentions=mentions,
        paragraphs=[(p.start, p.text(text)) for p in doc.paragraphs],
    )
