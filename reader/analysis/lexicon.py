"""The sector lexicon: the package's TOML data file plus the user's additions.

The package file ``data/sectors.toml`` holds, per sector id, a display name,
``terms``, ``exclude`` (traps) and ``case_terms`` (matched with their case).
A user file ``$XDG_CONFIG_HOME/reader/sectors.toml`` (default
``~/.config/reader/sectors.toml``) of the same shape adds terms and traps to
the sectors it names; unknown ids and malformed files are reported in
``Lexicon.warnings`` and otherwise ignored.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from reader.analysis.trie import compile_words

_SPACES = re.compile(r"\s+")
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


@dataclass
class Lexicon:
    """Sector names, phrase -> sectors tables and the compiled matchers."""

    names: dict[str, str]
    phrases: dict[str, frozenset[str]]
    case_phrases: dict[str, frozenset[str]]
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.matcher = compile_words(self.phrases, re.IGNORECASE)
        self.case_matcher = compile_words(self.case_phrases) if self.case_phrases else None


def _read_toml(source: str, where: str, warnings: list[str]) -> dict:
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


def build(tables: list[tuple[str, dict]], names: dict[str, str] | None = None) -> Lexicon:
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
    for where, table in tables:
        for sector, body in table.items():
            if not isinstance(body, dict):
                warnings.append(f"{where}: [{sector}] is not a table; ignored")
                continue
            if names is not None and sector not in names:
                warnings.append(f"{where}: unknown sector id {sector!r}; ignored")
                continue
            if names is None and isinstance(body.get("name"), str):
                sector_names[sector] = body["name"]
            for term in _strings(body.get("terms")):
                for v in variants(term):
                    terms.setdefault(v, set()).add(sector)
            for trap in _strings(body.get("exclude")):
                for v in variants(trap):
                    blocked.setdefault(v, set()).add(sector)
                    terms.setdefault(v, set())
            for term in _strings(body.get("case_terms")):
                case_terms.setdefault(" ".join(term.split()), set()).add(sector)
    phrases = {p: frozenset(s - blocked.get(p, set())) for p, s in terms.items()}
    cased = {p: frozenset(s) for p, s in case_terms.items()}
    return Lexicon(sector_names, phrases, cased, warnings)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon in use: the package's, extended by the user's file if any."""
    package = resources.files("reader.analysis").joinpath("data/sectors.toml").read_text("utf-8")
    warnings: list[str] = []
    base = _read_toml(package, "sectors.toml", warnings)
    names = {sid: body.get("name", sid) for sid, body in base.items() if isinstance(body, dict)}
    tables = [("sectors.toml", base)]
    user = user_lexicon_path()
    if user.is_file():
        try:
            tables.append((str(user), _read_toml(user.read_text("utf-8"), str(user), warnings)))
        except (OSError, UnicodeDecodeError) as exc:
            warnings.append(f"{user}: cannot read ({exc}); ignored")
    lex = build(tables, names)
    lex.warnings[:0] = warnings
    return lex
