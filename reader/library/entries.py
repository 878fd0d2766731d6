"""The library's rows: the documents of a folder (or a list of files) and what each holds."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from reader.analysis import Analysis
from reader.document import FORMATS, Document, DocumentError

SUFFIXES = frozenset({".txt", *FORMATS})
T = TypeVar("T")


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
            _walk(path, os.fspath(path), found.append, _child)
        elif path.exists():
            found.append(path)
        else:
            raise DocumentError(f"no such file: {raw}")
    return found


def article_names(folder: str | os.PathLike[str]) -> list[str]:
    """The articles anywhere under ``folder``, as strings, in the order of sorted Paths.

    Sorted Paths compare part by part: each folder's names in order, a
    sub-folder's articles where its name falls among them. No stat of each file
    (the file system's listing says which is a folder): a library of 20,000
    files is listed in a few hundredths of a second.
    """
    found: list[str] = []
    _walk(os.fspath(folder), os.fspath(folder), found.append, _name)
    return found


def _walk(
    folder: T, top: str, found: Callable[[T], object], child: Callable[[T, str, str], T]
) -> None:
    """Each article under ``folder`` (listed at ``top``) given to ``found``, as ``child``
    makes it of its folder, its name and its path."""
    try:
        with os.scandir(top) as listing:
            entries = sorted(listing, key=_entry_name)
    except OSError:
        return
    for entry in entries:
        name = entry.name
        try:
            if entry.is_dir(follow_symlinks=False):  # as rglob: no loops
                _walk(child(folder, name, entry.path), entry.path, found, child)
            elif (
                name[0] != "."
                and name.rpartition(".")[2].lower() in _EXTENSIONS
                and "." in name
                and entry.is_file()
            ):
                found(child(folder, name, entry.path))
        except OSError:
            continue


def _name(_folder: str, _name: str, path: str) -> str:
    return path


_child_of = getattr(Path, "_make_child_relpath", None)
"""How ``Path.iterdir`` makes the Path of a name in a folder (no parsing of the whole path:
three times quicker than ``Path(str)`` for 20,000 files); ``folder / name`` where the
standard library has it no longer."""


def _child(folder: Path, name: str, _path: str) -> Path:
    return _child_of(folder, name) if _child_of is not None else folder / name


def _entry_name(entry: os.DirEntry[str]) -> str:
    return entry.name


_EXTENSIONS = frozenset(suffix[1:] for suffix in SUFFIXES)
"""The suffixes without their dot (``os.path.splitext`` for a name not starting with one)."""


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
