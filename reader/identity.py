"""One identity per document, the same in the CLI, the app and the notes store.

A document is where it is and what it says: :class:`DocumentId` holds the
absolute path with symlinks resolved (:func:`document_path`) and the sha256 of
the canonical text (``Document.sha256``). Paths name the same document when they
resolve to the same file, however they were typed: ``seeds/a.txt`` from the
repository, ``../seeds/a.txt`` from ``tests/``, ``/home/me/reader/seeds/a.txt``.

A notes file writes a document's path as its *name* (:func:`document_name`):
relative to the notes file's folder, with ``/`` separators, when the document
lies inside that folder, else absolute. A folder moved or cloned together with
its notes file keeps its notes (the bundled ``annotations.json`` names
``seeds/…`` so), and a document elsewhere is named the same wherever the notes
file is. Each note also records the digest of the text it was anchored in.

A note is on a document (:meth:`DocumentId.holds`) when its name points at the
document's file (:func:`named_path`), or when the file it points at no longer
exists and its digest is the document's: a moved or renamed file keeps its
notes, and so do notes written on another machine. A copy at another path,
while the original is still there, is another document.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


class HasDigest(Protocol):
    """What :meth:`DocumentId.of` needs of a document (``reader.document.Document``)."""

    @property
    def path(self) -> str: ...

    @property
    def sha256(self) -> str: ...


def document_path(path: str | os.PathLike[str], base: str | os.PathLike[str] | None = None) -> Path:
    """``path`` absolute, symlinks resolved; a relative path is taken from ``base`` (else cwd)."""
    p = Path(path).expanduser()
    if not p.is_absolute():
        p = Path(base if base is not None else Path.cwd()) / p
    try:
        return p.resolve()
    except (OSError, RuntimeError):  # a symlink loop, an unreadable folder
        return Path(os.path.abspath(p))


def document_name(path: str | os.PathLike[str], folder: str | os.PathLike[str]) -> str:
    """How a notes file in ``folder`` names the document at ``path`` (relative to the cwd)."""
    where = document_path(path)
    try:
        return where.relative_to(document_path(folder)).as_posix()
    except ValueError:
        return str(where)


def named_path(name: str, folder: str | os.PathLike[str]) -> Path:
    """The file a notes file in ``folder`` means by ``name``."""
    return document_path(name, folder)


@dataclass(frozen=True, slots=True)
class DocumentId:
    """A document: its resolved absolute path and the sha256 of its canonical text."""

    path: Path
    sha256: str

    @classmethod
    def of(cls, doc: HasDigest) -> DocumentId:
        return cls(document_path(doc.path), doc.sha256)

    @classmethod
    def at(cls, path: str | os.PathLike[str], sha256: str) -> DocumentId:
        return cls(document_path(path), sha256)

    def holds(self, where: Path, sha256: str) -> bool:
        """Whether a note on the file at ``where`` (its name's :func:`named_path`), made
        on a text of digest ``sha256``, is on this document (see the module's docstring)."""
        if where == self.path:
            return True
        return bool(self.sha256) and sha256 == self.sha256 and not where.exists()
