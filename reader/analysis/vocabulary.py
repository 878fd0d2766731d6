"""English words the analysis relies on, read from ``data/vocabulary.toml``.

Verbs that report speech (one entry each; their forms are made here), words
of titles and organisations, pronouns, abbreviations, names of states. The
file is checked as it is read, and a bad entry stops the program with a
``VocabularyError`` naming it: a list silently skipped would change every
analysis without a word.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader import regexes
from reader.analysis import lexicon_cache
from reader.records import record

VERB_KEYS = {"forms": list, "clause_only": bool, "object": bool, "noun_forms": list}
"""What a verb's entry may say, and the TOML type of each."""
WORD_LISTS = (
    "auxiliaries",
    "modals",
    "pronouns",
    "person_pronouns",
    "determiners",
    "stop_words",
    "leading_noise",
    "titles",
    "org_words",
    "source_nouns",
    "abbreviations",
    "news_orgs",
    "name_prepositions",
    "adverbial_openers",
    "not_continuation",
    "people_or_media",
    "person_endings",
    "particles",
    "honorifics",
    "female_honorifics",
    "male_honorifics",
    "generic_org_heads",
    "document_nouns",
    "study_nouns",
    "author_links",
    "medium_links",
    "asking_participles",
    "company_suffixes",
    "place_initials",
    "time_words",
    "nationalities",
    "page_furniture",
    "place_heads",
    "mute_nouns",
    "ly_nouns",
    "group_verbs",
)
"""The lists of ``[words]``: lower case, one word an entry."""
NAME_LISTS = ("places", "female", "male")
"""The lists of ``[names]``: spelt as written, compared case-blind."""

_VERB = regexes.compile(r"[a-z]+(?: [a-z]+)?")
_FORM = regexes.compile(r"[a-z][a-z'’-]*(?: [a-z]+)?")


class VocabularyError(ValueError):
    """The vocabulary file is wrong; the message names every bad entry."""


@record(frozen=True, slots=True)
class Verb:
    """A reporting verb: its forms and how its cues read."""

    base: str
    forms: tuple[str, ...]  # the base first
    clause_only: bool = False  # a cue only when "that", a quotation or a colon follows
    object: bool = False  # the person spoken to comes first: "told reporters that"
    noun_forms: frozenset[str] = frozenset()  # forms as often nouns: cues only like clause_only


@record(frozen=True, slots=True)
class Vocabulary:
    """The whole file: verbs, word lists and name lists."""

    verbs: tuple[Verb, ...]
    words: dict[str, frozenset[str]]
    names: dict[str, frozenset[str]]


def inflect(verb: str) -> tuple[str, ...]:
    """The third person, past and -ing forms of a regular verb ("point out": its head)."""
    if " " in verb:
        head, _, rest = verb.partition(" ")
        return tuple(f"{f} {rest}" for f in inflect(head))
    if verb.endswith("ee"):
        return (verb + "s", verb + "d", verb + "ing")
    if verb.endswith("e"):
        stem = verb[:-1]
        return (verb + "s", stem + "ed", stem + "ing")
    if verb.endswith("y") and verb[-2:-1] not in ("", "a", "e", "i", "o", "u"):
        return (verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing")
    if verb.endswith(("s", "sh", "ch", "x")):
        return (verb + "es", verb + "ed", verb + "ing")
    return (verb + "s", verb + "ed", verb + "ing")


def parse(source: str, where: str = "vocabulary.toml") -> Vocabulary:
    """Read and check a vocabulary file's text; ``VocabularyError`` names what is wrong."""
    import tomllib  # only for a file not read before (see ``load``)

    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise VocabularyError(f"{where}: not valid TOML ({exc})") from None
    return check(data, where)


def check(data: dict[str, Any], where: str = "vocabulary.toml") -> Vocabulary:
    """Check a vocabulary file's parsed tables; ``VocabularyError`` names what is wrong."""
    errors: list[str] = []
    for table in sorted(set(data) - {"verbs", "words", "names"}):
        errors.append(f"{where}: unknown table [{table}] (known: verbs, words, names)")
    verbs = _verbs(_table(data, "verbs", where, errors), where, errors)
    words = _lists(_table(data, "words", where, errors), WORD_LISTS, "words", where, errors)
    names = _lists(_table(data, "names", where, errors), NAME_LISTS, "names", where, errors)
    if errors:
        raise VocabularyError("\n".join(errors))
    return Vocabulary(verbs, words, names)


def _table(data: dict[str, Any], name: str, where: str, errors: list[str]) -> dict[str, Any]:
    body = data.get(name)
    if not isinstance(body, dict):
        errors.append(f"{where}: [{name}] is missing or not a table")
        return {}
    return body


def _verbs(table: dict[str, Any], where: str, errors: list[str]) -> tuple[Verb, ...]:
    out: list[Verb] = []
    owner: dict[str, str] = {}  # form -> the verb it belongs to
    for base, entry in table.items():
        at = f"{where}: [verbs] {base!r}"
        if not _VERB.fullmatch(base):
            errors.append(f"{at}: a verb is one or two lower-case words")
            continue
        if not isinstance(entry, dict):
            errors.append(f"{at}: expected a table such as {{}} or {{ clause_only = true }}")
            continue
        bad = False
        for key, value in entry.items():
            kind = VERB_KEYS.get(key)
            if kind is None:
                errors.append(f"{at}: unknown key {key!r} (known: {', '.join(VERB_KEYS)})")
                bad = True
            elif not isinstance(value, kind) or (
                isinstance(value, list)
                and not all(isinstance(f, str) and _FORM.fullmatch(f) for f in value)
            ):
                what = "true or false" if kind is bool else "a list of lower-case forms"
                errors.append(f"{at}: {key} must be {what}, not {value!r}")
                bad = True
        if entry.get("forms") == []:
            errors.append(f"{at}: forms is empty; leave it out to have the forms made")
            bad = True
        if bad:
            continue
        forms = (base, *(entry.get("forms") or inflect(base)))
        for form in forms:
            other = owner.setdefault(form, base)
            if other != base:
                errors.append(f"{at}: the form {form!r} is already a form of {other!r}")
        nouns = frozenset(entry.get("noun_forms", ()))
        for form in sorted(nouns - set(forms)):
            errors.append(f"{at}: noun_forms: {form!r} is not a form of {base!r}")
        clause_only, obj = entry.get("clause_only", False), entry.get("object", False)
        out.append(Verb(base, forms, clause_only, obj, nouns))
    return tuple(out)


def _lists(
    table: dict[str, Any], expected: tuple[str, ...], name: str, where: str, errors: list[str]
) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for key in sorted(table.keys() - set(expected)):
        errors.append(f"{where}: [{name}] unknown list {key!r}")
    for key in expected:
        at = f"{where}: [{name}] {key}"
        items = table.get(key)
        if not isinstance(items, list):
            errors.append(f"{at}: missing, or not a list of strings")
            continue
        seen: set[str] = set()
        for item in items:
            if not isinstance(item, str) or not item.strip():
                errors.append(f"{at}: {item!r} is not a word")
                continue
            word = " ".join(item.split()).lower() if name == "names" else item
            if name == "words" and (word != word.lower() or len(word.split()) != 1):
                errors.append(f"{at}: {item!r} must be one lower-case word")
            elif word in seen:
                errors.append(f"{at}: {item!r} is listed twice")
            seen.add(word)
        out[key] = frozenset(seen)
    return out


def load() -> Vocabulary:
    """The package's vocabulary file, read and checked.

    Its parsed tables are kept in the user cache directory (``lexicon_cache``),
    keyed by the file's text: checking them again costs a fraction of parsing.
    """
    source = (Path(__file__).parent / "data" / "vocabulary.toml").read_text("utf-8")
    key = lexicon_cache.digest(source)
    data = lexicon_cache.read(key, "vocabulary")
    if isinstance(data, dict):
        return check(data)
    import tomllib

    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError:
        return parse(source)  # which says what is wrong
    vocabulary = check(data)  # kept only once checked
    lexicon_cache.write(key, "vocabulary", data)
    return vocabulary


VOCABULARY = load()
_WORDS, _NAMES = VOCABULARY.words, VOCABULARY.names

VERB_FORMS: dict[str, Verb] = {f: v for v in VOCABULARY.verbs for f in v.forms}
"""Every form of a reporting verb -> its verb ("said" -> say)."""
PARTICIPLES = frozenset(f for f in VERB_FORMS if f.split(" ")[0].endswith("ing"))

AUXILIARIES = _WORDS["auxiliaries"]
MODALS = _WORDS["modals"]
PRONOUNS = _WORDS["pronouns"]
PERSON_PRONOUNS = _WORDS["person_pronouns"]
DETERMINERS = _WORDS["determiners"]
STOP_WORDS = _WORDS["stop_words"]
LEADING_NOISE = _WORDS["leading_noise"]
TITLES = _WORDS["titles"]
ORG_WORDS = _WORDS["org_words"]
SOURCE_NOUNS = _WORDS["source_nouns"]
ABBREVIATIONS = _WORDS["abbreviations"]
NEWS_ORGS = _WORDS["news_orgs"]
NAME_PREPOSITIONS = _WORDS["name_prepositions"]
ADVERBIAL_OPENERS = _WORDS["adverbial_openers"]
NOT_CONTINUATION = _WORDS["not_continuation"] | PARTICIPLES
PEOPLE_OR_MEDIA = _WORDS["people_or_media"] | SOURCE_NOUNS | TITLES
PERSON_ENDINGS = tuple(sorted(_WORDS["person_endings"]))
PARTICLES = _WORDS["particles"]
HONORIFICS = _WORDS["honorifics"]
FEMALE_HONORIFICS = _WORDS["female_honorifics"]
MALE_HONORIFICS = _WORDS["male_honorifics"]
GENERIC_ORG_HEADS = _WORDS["generic_org_heads"]
DOCUMENT_NOUNS = _WORDS["document_nouns"]
STUDY_NOUNS = _WORDS["study_nouns"]
AUTHOR_LINKS = _WORDS["author_links"]
MEDIUM_LINKS = _WORDS["medium_links"]
ASKING_PARTICIPLES = _WORDS["asking_participles"]
COMPANY_SUFFIXES = _WORDS["company_suffixes"]
PLACE_INITIALS = _WORDS["place_initials"]
TIME_WORDS = _WORDS["time_words"]
NATIONALITIES = _WORDS["nationalities"]
PAGE_FURNITURE = _WORDS["page_furniture"]
PLACE_HEADS = _WORDS["place_heads"]
MUTE_NOUNS = _WORDS["mute_nouns"]
LY_NOUNS = _WORDS["ly_nouns"]
GROUP_VERBS = _WORDS["group_verbs"]
PLACES = _NAMES["places"]
FEMALE_NAMES = _NAMES["female"]
MALE_NAMES = _NAMES["male"]
