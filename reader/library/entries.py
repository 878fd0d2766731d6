"""The library's rows: the documents of a folder (or a list of files) and what each holds."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
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
            # In the order of sorted Paths (part by part), without making a Path to sort.
            found.extend(map(Path, sorted(_articles_in(path), key=lambda p: p.split(os.sep))))
        elif path.exists():
            found.append(path)
        else:
            raise DocumentError(f"no such file: {raw}")
    return found


def _articles_in(folder: Path) -> Iterator[str]:
    """The articles anywhere under ``folder``: names of the file system's listing, no stat
    of each file (a library of 20,000 files is listed in a few hundredths of a second)."""
    stack = [str(folder)]
    while stack:
        top = stack.pop()
        try:
            entries = list(os.scandir(top))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            try:
                if entry.is_dir(follow_symlinks=False):  # as rglob: no loops
                    stack.append(entry.path)
                elif (
                    entry.is_file()
                    and not name.startswith(".")
                    and os.path.splitext(name)[1].lower() in SUFFIXES
                ):
                    yield entry.path
            except OSError:
                continue


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
