"""A library: the documents of a folder (or a list of files), and its index.

``entries``: finding the documents, the row of one (imported here, as before).
The index, a rebuildable SQLite + FTS5 cache of every document's analysis:
``index`` (the file: where, opening, rebuilding), ``build`` (parallel and
incremental), ``people`` (one identity per speaker across documents) and
``queries`` (what screens and commands ask of it).
"""

from reader.library.entries import SUFFIXES, LibraryEntry, find_documents, summarise

__all__ = ["SUFFIXES", "LibraryEntry", "find_documents", "summarise"]
