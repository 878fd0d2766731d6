"""The lexicon's phrase table as the cache keeps it: one packed table per leading word.

A short article uses a few hundred of the lexicon's leading words, out of some
fifteen hundred, and of its tens of thousands of phrases only those. The
cache keeps each leading word's phrases (longest first, with their sectors)
as one ``marshal`` string, unpacked when a text first reads that word; the
whole table is unpacked only for what needs every phrase (the compiled regex
of a long text). A string that does not unpack as stored has the table
rebuilt from the data files.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable, Iterator, Mapping, Sequence

from reader.analysis.trie import phrase_index, phrase_key

Table = dict[str, frozenset[str]]


def pack(phrases: Mapping[str, frozenset[str]]) -> dict[str, bytes]:
    """Each leading word's phrases, longest first, with their sectors, as one string."""
    packed = {
        key: marshal.dumps({p: phrases[p] for p in group})
        for key, group in phrase_index(phrases).items()
    }
    if "" in phrases:  # no leading word nor character: kept, though no text matches it
        packed[""] = marshal.dumps({"": phrases[""]})
    return packed


class StoredPhrases(Mapping[str, frozenset[str]]):
    """Phrase -> sectors, read from ``pack``'s strings a leading word at a time."""

    __slots__ = ("_count", "_flat", "_groups", "_packed", "_rebuild", "size")

    def __init__(
        self, packed: dict[str, bytes], count: int, size: int, rebuild: Callable[[], Table]
    ) -> None:
        self._packed = packed
        self._count = count
        self.size = size
        """The phrases' total length (what ``WordMatcher`` budgets reading by words)."""
        self._rebuild = rebuild
        self._flat: Table = {}  # every phrase unpacked so far
        self._groups: dict[str, list[str]] = {}  # leading word -> its phrases, longest first

    def group(self, key: str) -> list[str] | None:
        """The phrases led by ``key`` (``trie.phrase_key``), longest first; None if none."""
        group = self._groups.get(key)
        if group is None and key in self._packed:
            group = self._groups[key] = self._unpack(key)
        return group

    def _unpack(self, key: str) -> list[str]:
        try:
            table = marshal.loads(self._packed[key])
        except (EOFError, ValueError, TypeError):
            table = None
        if not (isinstance(table, dict) and set(map(type, table.values())) <= {frozenset}):
            self._replace(self._rebuild())
            return self._groups.get(key, [])
        self._flat.update(table)
        return list(table)

    def _replace(self, phrases: Table) -> None:
        """The whole table, from the data files: every group at once."""
        self._flat = dict(phrases)
        self._groups = phrase_index(phrases)
        self._packed = dict.fromkeys(self._groups, b"")
        self._count = len(phrases)

    def _unpack_all(self) -> None:
        for key in self._packed:
            self.group(key)

    def __getitem__(self, phrase: str) -> frozenset[str]:
        found = self.get(phrase)
        if found is None:
            raise KeyError(phrase)
        return found

    def get(self, phrase: str, default: frozenset[str] | None = None) -> frozenset[str] | None:  # type: ignore[override]
        found = self._flat.get(phrase)
        if found is None:
            key = phrase_key(phrase) if phrase else ""
            if key not in self._groups and self.group(key) is not None:
                found = self._flat.get(phrase)
        return default if found is None else found

    def __contains__(self, phrase: object) -> bool:
        return isinstance(phrase, str) and self.get(phrase) is not None

    def __iter__(self) -> Iterator[str]:
        self._unpack_all()
        return iter(self._flat)

    def __len__(self) -> int:
        return self._count

    def index(self) -> StoredIndex:
        """The phrases by leading word, as ``trie.phrase_index`` gives them."""
        return StoredIndex(self)


class StoredIndex(Mapping[str, Sequence[str]]):
    """``phrase_index`` of a ``StoredPhrases``: its leading words, unpacked when read."""

    __slots__ = ("_phrases",)

    def __init__(self, phrases: StoredPhrases) -> None:
        self._phrases = phrases

    def __getitem__(self, key: str) -> Sequence[str]:
        group = self._phrases.group(key) if key else None
        if group is None:
            raise KeyError(key)
        return group

    def get(self, key: str, default: Sequence[str] | None = None) -> Sequence[str] | None:  # type: ignore[override]
        group = self._phrases.group(key) if key else None
        return default if group is None else group

    def __iter__(self) -> Iterator[str]:
        return (k for k in self._phrases._packed if k)

    def __len__(self) -> int:
        return sum(1 for _ in self)
