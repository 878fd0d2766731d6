"""The library's rows: the documents of a folder (or a list of files) and what each holds."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.analysis import Analysis
from reader.document import FORMATS, Document, DocumentError

SUFFIXES = frozenset({".txt", *FORMATS})


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    """One row of the library: enough to choose a document without opening it."""

    path: str
    title: str
    date: str | None
    speakers: tuple[str, ...]
    sectors: tuple[str, ...]
    quotes: int
    chars: int


def find_documents(paths: Iterable[str | Path]) -> list[Path]:
    """Files to list: given files as they are, folders searched for articles, sorted."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
                )
            )
        elif path.exists():
            found.append(path)
        else:
            raise DocumentError(f"no such file: {raw}")
    return found


def summarise(doc: Document, analysis: Analysis, top: int = 3) -> LibraryEntry:
    """The library row of one analysed document: top speakers by quotes, sectors by mentions."""
    counts = {s.id: 0 for s in analysis.speakers}
    for q in analysis.quotes:
        counts[q.speaker] = counts.get(q.speaker, 0) + 1
    ranked = sorted(analysis.speakers, key=lambda s: (-counts.get(s.id, 0), s.name))
    sectors = sorted(analysis.sectors, key=lambda s: (-len(s.mentions), s.name))
    return LibraryEntry(
        path=doc.path,
        title=doc.title,
        date=doc.date,
        speakers=tuple(s.name for s in ranked[:top]),
        sectors=tuple(s.name for s in sectors if s.mentions),
        quotes=len(analysis.quotes),
        chars=len(doc.text),
    )
