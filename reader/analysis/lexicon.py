"""The sector lexicon: the package's TOML data file plus the user's additions.

The package file ``data/sectors.toml`` holds, per sector id, a display name,
``terms``, ``exclude`` (traps) and ``case_terms`` (matched with their case).
A user file ``$XDG_CONFIG_HOME/reader/sectors.toml`` (default
``~/.config/reader/sectors.toml``) of the same shape adds terms and traps to
the sectors it names; unknown ids and malformed files are reported in
``Lexicon.warnings`` and otherwise ignored.

Three tables are rules rather than sectors: ``[compounds]`` (a goods term
before or "of" after a trade word counts for the goods: "wheat exports",
"exports of wheat"), ``[titles]`` (an official's title such as "Treasury
Secretary" or "Minister of Trade" is no mention of the sector it oversees) and
``[classes]`` (named word lists: ``{possessive}`` in a term or trap stands
for each of its words). A sector's ``in_names`` lists terms that are no
mention as part of a proper name ("Port Said", "University of Michigan").
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from reader import regexes
from reader.analysis import lexicon_cache
from reader.analysis.stored_phrases import StoredPhrases, pack
from reader.analysis.trie import WordMatcher, compile_words, phrase_index
from reader.records import field, record

_SPECIAL_TABLES = frozenset({"compounds", "titles", "classes"})
"""Tables of the lexicon file that are rules, not sectors."""
_SPACES = regexes.compile(r"\s+")
_NONE: frozenset[str] = frozenset()
_RULES = ("proper", "echoes", "titles", "title_words")
_CLASS = regexes.compile(r"\{(\w+)\}")
_BRITISH = (("isation", "ization"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"))


def user_lexicon_path() -> Path:
    """Where a user's own sector terms live."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "reader" / "sectors.toml"


def normalise(phrase: str) -> str:
    """The lookup key of a phrase: lower case, single spaces."""
    return _SPACES.sub(" ", phrase.strip()).lower()


def _plural(word: str) -> str:
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def variants(phrase: str) -> set[str]:
    """A phrase with its last word in plural, and British/American -ise/-ize forms."""
    base = normalise(phrase)
    if not base:
        return set()
    out = {base}
    head, _, last = base.rpartition(" ")
    if last[-1:].isalpha():
        out.add((head + " " if head else "") + _plural(last))
    for word in list(out):
        for british, american in _BRITISH:
            for a, b in ((british, american), (american, british)):
                if word.endswith(a) or (a + " ") in word:
                    out.add(re.sub(a + r"\b", b, word))
    return out


def _expand(phrase: str, classes: dict[str, list[str]]) -> list[str]:
    """``phrase`` with each ``{class}`` in it replaced by every word of that class."""
    m = _CLASS.search(phrase)
    if m is None:
        return [phrase]
    head, tail = phrase[: m.start()], phrase[m.end() :]
    return [p for w in classes.get(m.group(1), ()) for p in _expand(head + w + tail, classes)]


@record
class Lexicon:
    """Sector names, phrase -> sectors tables and the compiled matchers."""

    names: dict[str, str]
    phrases: Mapping[str, frozenset[str]]  # a dict, or the cache's StoredPhrases
    case_phrases: dict[str, frozenset[str]]
    warnings: list[str] = field(default_factory=list)
    heads: frozenset[str] = frozenset()
    goods: frozenset[str] = frozenset()
    rules: dict[str, frozenset[str]] = field(default_factory=dict)
    """Phrase sets of the context rules: ``proper`` (no mention inside a proper
    name), ``echoes`` (a bare head repeating an earlier "sugar imports"),
    ``titles`` and their ``title_words`` (joined in "Science and Technology Minister")."""

    def __post_init__(self) -> None:
        self.case_matcher = compile_words(self.case_phrases) if self.case_phrases else None

    @cached_property
    def lower_matcher(self) -> WordMatcher:
        """The phrases for lower-cased text: twice as fast as a case-blind match.

        A text is read by its words, looked up among the phrases' leading words,
        until the matcher has read enough to pay for compiling its regex.
        """
        size = self.phrases.size if isinstance(self.phrases, StoredPhrases) else None
        return WordMatcher(self.phrases, index=self._by_first_word, size=size)

    @cached_property
    def _by_first_word(self) -> Mapping[str, Sequence[str]]:
        """The phrases by their leading word (``trie.phrase_index``), longest first."""
        return phrase_index(self.phrases)

    def lower_matcher_for(self, window: str) -> WordMatcher:
        """The matcher for the lower-cased ``window``: ``lower_matcher``, which reads
        a short text by its words and a long one with its compiled regex."""
        return self.lower_matcher

    @cached_property
    def matcher(self) -> WordMatcher:
        """The phrases, case-blind: for text that lower-casing would change in length."""
        return compile_words(self.phrases, re.IGNORECASE)


def _read_toml(source: str, where: str, warnings: list[str]) -> dict[str, Any]:
    import tomllib  # only when the lexicon is built, not when it is read from the cache

    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        warnings.append(f"{where}: not valid TOML ({exc}); ignored")
        return {}
    return data


def _strings(value: object) -> list[str]:
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, str) and v.strip()]


def build(tables: list[tuple[str, dict[str, Any]]], names: dict[str, str] | None = None) -> Lexicon:
    """Merge lexicon tables (package first, then the user's) into a Lexicon.

    A phrase counts for the sectors listing it in ``terms`` minus those
    listing it in ``exclude``; a phrase with no sector left is a trap that
    hides every shorter term inside it.
    """
    warnings: list[str] = []
    sector_names: dict[str, str] = dict(names or {})
    terms: dict[str, set[str]] = {}
    blocked: dict[str, set[str]] = {}
    case_terms: dict[str, set[str]] = {}
    compound_sectors: set[str] = set()
    heads: set[str] = set()
    rules: dict[str, set[str]] = {name: set() for name in _RULES}
    classes = {
        name: [normalise(w) for w in _strings(words)]
        for _, table in tables
        if isinstance(table.get("classes"), dict)
        for name, words in table["classes"].items()
    }
    for where, table in tables:
        for sector, body in table.items():
            if sector == "titles" and isinstance(body, dict):
                for w in _strings(body.get("words")):
                    rules["title_words"].update(variants(w))
                    for h in _strings(body.get("heads")):
                        inverted = {normalise(f"{h} of {w}"), normalise(f"{h} for {w}")}
                        for v in variants(f"{w} {h}") | inverted:
                            blocked.setdefault(v, set()).update(names or sector_names)
                            terms.setdefault(v, set())
                            rules["titles"].add(v)
                continue
            if sector == "compounds" and isinstance(body, dict):
                compound_sectors.update(_strings(body.get("sectors")))
                heads.update(normalise(h) for h in _strings(body.get("heads")))
                for h in _strings(body.get("echoes")):
                    rules["echoes"].update(variants(h))
                continue
            if sector == "classes":
                continue
            if not isinstance(body, dict):
                warnings.append(f"{where}: [{sector}] is not a table; ignored")
                continue
            if names is not None and sector not in names:
                warnings.append(f"{where}: unknown sector id {sector!r}; ignored")
                continue
            if names is None and isinstance(body.get("name"), str):
                sector_names[sector] = body["name"]
            for term in _strings(body.get("terms")):
                for v in (v for t in _expand(term, classes) for v in variants(t)):
                    terms.setdefault(v, set()).add(sector)
            for trap in _strings(body.get("exclude")):
                for v in (v for t in _expand(trap, classes) for v in variants(t)):
                    blocked.setdefault(v, set()).add(sector)
                    terms.setdefault(v, set())
            for term in _strings(body.get("in_names")):
                rules["proper"].update(variants(term))
            for term in _strings(body.get("case_terms")):
                case_terms.setdefault(" ".join(term.split()), set()).add(sector)
    _add_compounds(terms, blocked, compound_sectors, heads)
    phrases = _final(terms, blocked)
    cased = {p: frozenset(s) for p, s in case_terms.items()}
    return Lexicon(
        sector_names,
        phrases,
        cased,
        warnings,
        frozenset(heads),
        frozenset(compound_sectors),
        {name: frozenset(found) for name, found in rules.items()},
    )


def _add_compounds(
    terms: dict[str, set[str]], blocked: dict[str, set[str]], sectors: set[str], heads: set[str]
) -> None:
    """``wheat exports``: a one-word goods term before a head counts for the goods only."""
    for phrase, owners in list(terms.items()):
        if " " in phrase:
            continue
        goods = (owners - blocked.get(phrase, _NONE)) & sectors
        if len(goods) != 1:
            continue
        for head in heads:
            terms.setdefault(f"{phrase} {head}", goods)  # read only from here on


def _final(terms: dict[str, set[str]], blocked: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    """Each phrase's sectors less those it is a trap for; equal sets shared."""
    shared: dict[frozenset[str], frozenset[str]] = {}
    phrases: dict[str, frozenset[str]] = {}
    for phrase, owners in terms.items():
        traps = blocked.get(phrase)
        sectors = frozenset(owners - traps if traps else owners)
        phrases[phrase] = shared.setdefault(sectors, sectors)
    return phrases


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon in use: the package's, extended by the user's file if any.

    Built once per set of sources and kept in the user cache directory.
    """
    package = (Path(__file__).parent / "data" / "sectors.toml").read_text("utf-8")
    user = user_lexicon_path()
    user_text: str | None = None
    unreadable: Exception | None = None
    if user.is_file():
        try:
            user_text = user.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            unreadable = exc
    key = None
    if unreadable is None:
        key = lexicon_cache.digest(package, str(user), "\0" if user_text is None else user_text)
        fields = lexicon_cache.load(key)
        if fields is not None:
            return _from_fields(
                fields, lambda: dict(_build_lexicon(package, user, user_text, None).phrases)
            )
    lex = _build_lexicon(package, user, user_text, unreadable)
    if key is not None:
        lexicon_cache.store(key, _fields(lex))
    return lex


def _build_lexicon(
    package: str, user: Path, user_text: str | None, unreadable: Exception | None
) -> Lexicon:
    warnings: list[str] = []
    base = _read_toml(package, "sectors.toml", warnings)
    names = {
        sid: body.get("name", sid)
        for sid, body in base.items()
        if isinstance(body, dict) and sid not in _SPECIAL_TABLES
    }
    tables = [("sectors.toml", base)]
    if unreadable is not None:
        warnings.append(f"{user}: cannot read ({unreadable}); ignored")
    elif user_text is not None:
        tables.append((str(user), _read_toml(user_text, str(user), warnings)))
    lex = build(tables, names)
    lex.warnings[:0] = warnings
    return lex


def _fields(lex: Lexicon) -> tuple[Any, ...]:
    return (
        lex.names,
        pack(lex.phrases),
        len(lex.phrases),
        sum(map(len, lex.phrases)),
        lex.case_phrases,
        lex.warnings,
        lex.heads,
        lex.goods,
        lex.rules,
    )


def _from_fields(
    fields: tuple[Any, ...], rebuild: Callable[[], dict[str, frozenset[str]]]
) -> Lexicon:
    names, packed, count, size, case_phrases, warnings, heads, goods, rules = fields
    phrases = StoredPhrases(packed, count, size, rebuild)
    lex = Lexicon(names, phrases, case_phrases, warnings, heads, goods, rules)
    lex.__dict__["_by_first_word"] = phrases.index()  # the cached property, read as needed
    return lex
