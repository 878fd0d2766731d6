"""The library's rows: the documents of a folder (or a list of files) and what each holds."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.analysis import Analysis
from reader.document import FORMATS, Document, DocumentError
from reader.identity import document_path

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
    """Files to list: given files as they are, folders searched for articles, sorted.

    A folder's articles are in the order of sorted Paths (part by part: each
    folder's names in order, a sub-folder's articles where its name falls among
    them), found from the file system's listing alone (no stat of each file): a
    library of 20,000 files is listed in a few hundredths of a second.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            _walk(path, os.fspath(path), found)
        elif path.exists():
            found.append(path)
        else:
            raise DocumentError(f"no such file: {raw}")
    return found


def _walk(folder: Path, top: str, found: list[Path]) -> None:
    """The articles under ``folder`` (listed at ``top``) added to ``found``, in order."""
    try:
        with os.scandir(top) as listing:
            entries = sorted(listing, key=_entry_name)
    except OSError:
        return
    # As ``Path.iterdir`` makes the Path of a name in a folder (no parsing of the whole
    # path: three times quicker than ``Path(str)``); ``joinpath`` where there is no such.
    child = getattr(folder, "_make_child_relpath", folder.joinpath)
    add = found.append
    for entry in entries:
        name = entry.name
        try:
            if entry.is_dir(follow_symlinks=False):  # as rglob: no loops
                _walk(child(name), entry.path, found)
            elif (
                name[0] != "."
                and name.rpartition(".")[2].lower() in _EXTENSIONS
                and "." in name
                and entry.is_file()
            ):
                add(child(name))
        except OSError:
            continue


def _entry_name(entry: os.DirEntry[str]) -> str:
    return entry.name


_EXTENSIONS = frozenset(suffix[1:] for suffix in SUFFIXES)
"""The suffixes without their dot (``os.path.splitext`` for a name not starting with one)."""


def _with_sep(folder: str) -> str:
    return folder if folder.endswith(os.sep) else folder + os.sep


def folder_keys(paths: Iterable[str | os.PathLike[str]]) -> dict[str, str]:
    """Each path and its key in the index, from its folder alone (no call on the file).

    The key of every file but one that is a symbolic link itself: what a
    library shows at once from its index, before it looks at the files.
    """
    given = [p if isinstance(p, str) else os.fspath(p) for p in paths]
    return dict(zip(given, index_keys(given), strict=True))


def index_keys(paths: Sequence[str]) -> list[str]:
    """The key of each path in the index, in order (see :func:`folder_keys`)."""
    folders: dict[str, str] = {}
    keys: list[str] = []
    add = keys.append
    sep = os.sep
    for path in paths:
        folder, cut, name = path.rpartition(sep)
        head = folder + cut  # "/" for "/a", "" for "a"
        resolved = folders.get(head)
        if resolved is None:
            resolved = _with_sep(str(document_path(folder or (sep if cut else "."))))
            # A folder that is its own key: its files' paths are theirs.
            resolved = folders[head] = "" if resolved == head else resolved
        add(resolved + name if resolved else path)
    return keys


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
