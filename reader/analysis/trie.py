"""Find many literal phrases at once, as whole words.

``compile_words`` gives a ``WordMatcher``. Left to right, it finds the
longest phrase that starts with no word character before it and ends with
no word character after it; within a phrase a space stands for any run of
white space. It reads a text in one of two ways, with the same results:

- **by its words**: each word of the text is looked up in an index of the
  phrases by their leading word (a dict), and only the phrases it leads are
  compared in place, longest first. Nothing is compiled, so a short text is
  read at once however many phrases there are. Once a matcher has read a
  long text so, it finds the leading words with a small regex of their own
  (``leads_pattern``) instead of looking up every word of the text.
- **with one regex** shaped as a prefix tree (``trie_pattern``): a flat
  alternation of a thousand phrases makes the regex engine try each one at
  every position; a tree shares prefixes, so each position costs a few
  character tests. Compiling the lexicon's costs as much as reading a few
  megabytes by words, so it is compiled once a matcher has read
  ``COMPILE_AFTER`` times its phrases' length, then used for every text.
  A long regex's compiled form is stored (``regexes.keep``), and a later
  process loads it in milliseconds once it has read a quarter of a megabyte.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Protocol, TypeAlias

from reader import regexes

_END = ""
# A node of the prefix tree: the next character to its child; _END marks a phrase end.
_Node: TypeAlias = dict[str, "_Node"]

COMPILE_AFTER = 4
"""A matcher compiles its regex once it has read this many times its phrases' length."""
KEPT_AFTER = 1 << 18
"""Characters read by words after which a matcher loads the regex an earlier process stored."""
KEPT_FROM = 20_000
"""Phrases of this total length or more have their compiled regex stored (``regexes.keep``);
fewer compile in a few milliseconds."""
KEYS_AFTER = 1 << 20
"""Characters read by words after which the leading words are found with one small regex."""
_FEW_LOWER = 10
"""Phrases open with the first-character test when at most one in this many starts in lower case."""
_WORD_RUN = r"\w+"
_LEADING_WORD = regexes.compile(r"\w*")
_SPACE = regexes.compile(r"\s+")
_NEXT_WORD = regexes.compile(r"(\W+)\w+")
"""What follows a leading word up to the end of the next word (" prices", "-rich")."""
# The phrases of one leading word: by what follows it up to the next word, and the rest.
_Group: TypeAlias = tuple[dict[str, list[str]], list[str]]


class Match(Protocol):
    """What a match of a ``WordMatcher`` tells: where it is and what it says."""

    def start(self) -> int: ...
    def end(self) -> int: ...
    def span(self) -> tuple[int, int]: ...
    def group(self) -> str: ...


class WordMatch:
    """A phrase found by words: its offsets in the text read."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self) -> str:
        return self._text[self._start : self._end]

    def __repr__(self) -> str:
        return f"<WordMatch span={self.span()} match={self.group()!r}>"


def _insert(tree: _Node, phrase: str) -> None:
    node = tree
    for char in phrase:
        node = node.setdefault(char, {})
    node[_END] = {}


def _atom(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


def _pattern(node: _Node) -> str:
    ends_here = _END in node
    branches = [_atom(c) + _pattern(child) for c, child in sorted(node.items()) if c != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        # Greedy optional: the longer phrase is tried first.
        return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
    return body


def trie_pattern(phrases: Iterable[str]) -> str:
    """A regex source matching any of ``phrases`` (as written, longest first)."""
    tree: _Node = {}
    for phrase in phrases:
        if phrase:
            _insert(tree, phrase)
    return _pattern(tree) if tree else r"(?!x)x"


def words_pattern(phrases: Iterable[str], flags: int = 0) -> str:
    """The regex source of ``compile_words``: each phrase bounded by non-word characters.

    Where few phrases start with a lower-case letter (names, "IT sector",
    "AI", the odd "al-Sabah"), and case counts, the regex opens with the
    phrases' first characters, each followed by the test that no word
    character stands before it: the engine then skips at once the many places
    none of them stands, instead of testing the look-behind at each. Where
    many phrases start with common letters (verb forms) the look-behind first
    is faster, as it fails at once inside a word.
    """
    tree: _Node = {}
    count = lower = 0
    for phrase in phrases:
        if phrase:
            _insert(tree, phrase)
            count += 1
            lower += phrase[0].islower()
    if not tree:
        return r"(?<!\w)(?:(?!x)x)(?!\w)"
    if flags & re.IGNORECASE or " " in tree or lower * _FEW_LOWER > count:
        return r"(?<!\w)(?:" + _pattern(tree) + r")(?!\w)"
    branches = [_atom(c) + r"(?<!\w[\s\S])" + _pattern(child) for c, child in sorted(tree.items())]
    return r"(?:" + "|".join(branches) + r")(?!\w)"


def phrase_key(phrase: str) -> str:
    """What a phrase is indexed by: its leading word, or its first character if none."""
    word = _LEADING_WORD.match(phrase).group()  # type: ignore[union-attr] # \w* always matches
    return word or phrase[:1]


def phrase_index(phrases: Iterable[str]) -> dict[str, list[str]]:
    """The phrases by ``phrase_key``, each list longest first."""
    index: dict[str, list[str]] = {}
    for phrase in phrases:
        if phrase:
            index.setdefault(phrase_key(phrase), []).append(phrase)
    for group in index.values():
        group.sort(key=len, reverse=True)
    return index


def _is_word(char: str) -> bool:
    """``\\w`` of the regex engine, for one character."""
    return char.isalnum() or char == "_"


def _ends_at(text: str, start: int, stop: int, phrase: str) -> int:
    """Where ``phrase`` ends if it stands at ``start`` and ends a word; -1 if not."""
    if " " not in phrase:
        if not text.startswith(phrase, start, stop):
            return -1
        end = start + len(phrase)
    else:
        end = start
        for i, part in enumerate(phrase.split(" ")):
            if i:
                space = _SPACE.match(text, end, stop)
                if space is None:
                    return -1
                end = space.end()
            if not text.startswith(part, end, stop):
                return -1
            end += len(part)
    if end < stop and _is_word(text[end]):
        return -1
    return end


class WordMatcher:
    """Phrases found as whole words; ``finditer`` and ``search`` as a compiled regex has them."""

    def __init__(
        self,
        phrases: Iterable[str],
        flags: int = 0,
        index: Mapping[str, Sequence[str]] | None = None,
        size: int | None = None,
    ) -> None:
        """``index``, if given, is ``phrase_index(phrases)`` made before (read from a cache),
        and ``size`` the phrases' total length: then ``phrases`` is read only to compile
        the regex."""
        self._phrases: Iterable[str] | None = phrases
        self._list: Sequence[str] | None = None
        self.flags = flags
        self._regex: re.Pattern[str] | None = None
        # Read by words only what the index reads exactly as the regex does: phrases
        # written with single spaces, matched case-sensitively.
        by_words = flags == 0 and (
            index is not None or all(p == " ".join(p.split()) for p in self.phrases)
        )
        self._index = (index or phrase_index(self.phrases)) if by_words else None
        self._groups: dict[str, _Group] = {}
        marks = "".join(k for k in self._index or () if not _is_word(k))
        # The text's words, and the first characters of phrases that start with no word.
        self._tokens = regexes.compile(_WORD_RUN + (f"|[{re.escape(marks)}]" if marks else ""))
        self._keys = frozenset(self._index or ())
        # Read by words so far, until the leading words are found by a regex of their own.
        self._keys_budget = KEYS_AFTER if self._index is not None and not marks else None
        self._key_regex: re.Pattern[str] | None = None
        self._size = sum(map(len, self.phrases)) if size is None else size
        self._read = 0  # characters read by words so far
        self._looked_up = False  # whether a stored regex was looked for

    @property
    def phrases(self) -> Sequence[str]:
        """The phrases matched (the empty one left out)."""
        if self._list is None:
            self._list, self._phrases = [p for p in self._phrases or () if p], None
        return self._list

    @property
    def regex(self) -> re.Pattern[str]:
        """The phrases as one compiled regex (on first use, then kept): the one an
        earlier process stored, or compiled (and stored, for many phrases)."""
        if self._regex is None:
            self._regex = self._stored()
        if self._regex is None:
            source = words_pattern(self.phrases, self.flags)
            if self._size < KEPT_FROM:
                self._regex = re.compile(source, self.flags)
            else:
                self._regex = regexes.keep(self._name(), source, self.flags)
        return self._regex

    def _name(self) -> str:
        """What the stored regex is found by: the flags and the phrases, in any order
        (the regex is the same)."""
        return "\n".join(["words", str(int(self.flags)), *sorted(set(self.phrases))])

    def _stored(self) -> re.Pattern[str] | None:
        """The regex an earlier process stored for these phrases (looked for once)."""
        if self._looked_up or self._size < KEPT_FROM:
            return None
        self._looked_up = True
        return regexes.kept(self._name())

    @property
    def pattern(self) -> str:
        """The regex source (built, not compiled)."""
        if self._regex is not None:
            return self._regex.pattern
        return words_pattern(self.phrases, self.flags)

    def _by_words(self, pos: int, stop: int) -> bool:
        """Whether to read ``[pos, stop)`` by words, not with the regex.

        By words, until the text read so far is long enough to pay for loading
        a stored regex (if there is one), or else for compiling it.
        """
        if self._regex is not None or self._index is None:
            return False
        self._read += max(0, stop - pos)
        if self._read >= KEPT_AFTER:
            self._regex = self._stored()
            if self._regex is not None:
                return False
        return self._read <= COMPILE_AFTER * self._size

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[Match]:
        """Every match in ``text[pos:endpos]``, left to right, none overlapping."""
        stop = min(endpos, len(text))
        if self._by_words(pos, stop):
            return self._scan(text, pos, stop)
        return self.regex.finditer(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Match | None:
        """The first match in ``text[pos:endpos]``, or None."""
        stop = min(endpos, len(text))
        if self._by_words(pos, stop):
            return next(self._scan(text, pos, stop), None)
        return self.regex.search(text, pos, endpos)

    def _scan(self, text: str, pos: int, stop: int) -> Iterator[WordMatch]:
        index, keys = self._index, self._keys
        assert index is not None
        after = pos  # no match starts before the end of the last one
        for token in self._leading_words(stop - pos).finditer(text, pos, stop):
            key = token.group()
            if key not in keys:
                continue
            phrases = index.get(key)
            if phrases is None:
                continue
            start = token.start()
            if start < after or (start and _is_word(text[start - 1])):
                continue
            if _is_word(key[0]):
                end = self._longest_of_group(text, start, token.end(), stop, key)
            else:
                end = _longest(text, start, stop, phrases)
            if end >= 0:
                yield WordMatch(text, start, end)
                after = end

    def _leading_words(self, size: int) -> re.Pattern[str]:
        """What finds the words (and marks) that may lead a phrase, in a stretch of ``size``.

        At first every word of the text, each then looked up among the leading
        words. Once a long text has been read so, a regex of the leading words
        themselves (a prefix tree, compiled in a fraction of the whole regex's
        time): the engine then skips the other words without a lookup each.
        """
        if self._key_regex is None and self._keys_budget is not None:
            self._keys_budget -= size
            if self._keys_budget < 0:
                self._key_regex = re.compile(leads_pattern(self._all_groups()))
        return self._key_regex or self._tokens

    def _all_groups(self) -> dict[str, _Group]:
        """``_group`` of every leading word."""
        for key in self._keys:
            if key not in self._groups:
                self._groups[key] = _group(key, self._index[key])  # type: ignore[index]
        return self._groups

    def _longest_of_group(self, text: str, start: int, word_end: int, stop: int, key: str) -> int:
        """``_longest`` for the phrases of a leading word: only those the next word fits."""
        group = self._groups.get(key)
        if group is None:
            group = self._groups[key] = _group(key, self._index[key])  # type: ignore[index]
        longer, rest = group
        after = _NEXT_WORD.match(text, word_end, stop) if longer else None
        if after is not None:
            between = after.group(1)
            if between == " " or not _SPACE.search(between):
                phrases = longer.get(after.group())
            else:  # "oil\n  prices": a run of white space is one space in a phrase
                phrases = longer.get(_SPACE.sub(" ", between) + after.group()[len(between) :])
            if phrases is not None:
                end = _longest(text, start, stop, phrases)
                if end >= 0:
                    return end
        return _longest(text, start, stop, rest)


def _group(key: str, phrases: Sequence[str]) -> _Group:
    """Split the phrases led by the word ``key`` by what follows it up to the next word.

    Every phrase that goes on to a next word is longer than one that does not, so
    the first kind is tried first; each list stays longest first.
    """
    longer: dict[str, list[str]] = {}
    rest: list[str] = []
    for phrase in phrases:
        after = _NEXT_WORD.match(phrase, len(key))
        if after is None:
            rest.append(phrase)
        else:
            longer.setdefault(after.group(), []).append(phrase)
    return longer, rest


def leads_pattern(groups: Mapping[str, _Group]) -> str:
    """A regex finding where a phrase may start: a leading word, as a whole word, that
    some phrase of its ``_group`` fits.

    A word led only by longer phrases ("the" of "the fed") is found only where one
    of their next words follows it (across any white space), in a look-ahead, so a phrase
    starting at that next word is still found. The match is the leading word.
    """
    tree: _Node = {}
    for key in groups:
        _insert(tree, key)

    def pattern(node: _Node, key: str) -> str:
        branches = [_atom(c) + pattern(child, key + c) for c, child in sorted(node.items()) if c]
        if _END in node:
            longer, rest = groups[key]
            if rest or not longer:
                branches.append(r"(?!\w)")
            else:
                branches.append("(?=" + trie_pattern(longer) + r"(?!\w))")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return r"(?<!\w)" + pattern(tree, "") if tree else r"(?!x)x"


def _longest(text: str, start: int, stop: int, phrases: Iterable[str]) -> int:
    """The end of the first of ``phrases`` (longest first) standing at ``start``; -1 if none."""
    for phrase in phrases:
        end = _ends_at(text, start, stop, phrase)
        if end >= 0:
            return end
    return -1


def compile_words(phrases: Iterable[str], flags: int = 0) -> WordMatcher:
    """Match whole words only: each phrase bounded by non-word characters."""
    return WordMatcher(phrases, flags)
