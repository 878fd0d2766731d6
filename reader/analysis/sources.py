"""What a source span says about its speaker: a name, a role, or a pronoun.

A source is a span of the text ("Russian FM Lavrov", "the Russian
minister", "he"); ``read_source`` splits it into a name and a role, or
recognises a role or a pronoun, and tells a person from an organisation.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from reader import regexes
from reader.analysis.name_words import (
    JOINED_PARTICLE,
    initialled_name,
    suffixed,
    time_after,
)
from reader.analysis.phrases import KNOWING
from reader.analysis.vocabulary import (
    ABBREVIATIONS,
    DETERMINERS,
    FEMALE_NAMES,
    LEADING_NOISE,
    MALE_NAMES,
    NAME_PREPOSITIONS,
    NEWS_ORGS,
    ORG_WORDS,
    PARTICLES,
    PLACES,
    PRONOUNS,
    SOURCE_NOUNS,
    STOP_WORDS,
    TITLES,
)
from reader.records import record
from reader.spans import Span

_WORD = regexes.compile(r"[^\W_](?:[\w'’.&-]*[\w.])?|[’'][sS]\b|,")
POSSESSIVE = regexes.compile(r"[’']s\Z")
_JOINED = regexes.compile(r"\band(?:\s+(?:Mr|Mrs|Ms|Dr)\.?)?\s*\Z")
"""A "role" that is really another name joined by "and" ("Mr. King and Mr.")."""
_PARENS = regexes.compile(r"\([^()]{0,40}\)")
_NAME_BEFORE = regexes.compile(r"((?:[A-Z][\w'’.-]*[ \t]+){0,3}[A-Z][\w'’-]+),[ \t]*\Z")
_PAREN_TAIL = regexes.compile(r"\s*\([^()]{0,40}\)\s*\Z")
_OWNER = regexes.compile(r"\w[’']s\Z")
_ARTICLES = {"the", "a", "an"}
_SENTENCE_STOP = regexes.compile(r"(?<![A-Z.])[A-Z][a-z]{2,}\.\Z")
"""A full stop after a name's last word ("Louth."): it ends the sentence, not an abbreviation."""
_AFFILIATIONS = {"of", "at", "for", "from", "to", "with", "in"}
"""Words after a name that bring in where its person belongs ("of Alabama", "at Harvard")."""
_PARTY_TAG = regexes.compile(r"[DRI]-[A-Z][\w.]*")
_LINKS = NAME_PREPOSITIONS | {"to", "with", "by", "around", "across", "throughout", "over"}
NOISE = DETERMINERS | LEADING_NOISE
"""Words before a name or a role that are part of neither ("the", "on Monday")."""


@lru_cache(maxsize=8192)
def is_title(word: str) -> bool:
    """A title or role word ("minister", "Sen."); kept per word, asked of every word met."""
    return word.lower() in TITLES or word.lower().rstrip(".") in TITLES


def is_capital(word: str) -> bool:
    """A capitalised word, or a name joined to its particle ("al-Sabah", "el-Baz")."""
    return word[:1].isupper() or JOINED_PARTICLE.match(word) is not None


def is_org(tokens: Sequence[str]) -> bool:
    """Whether these words name an organisation: a state, a firm, a paper, an acronym."""
    return _is_org(tuple(tokens))


@lru_cache(maxsize=8192)
def _is_org(tokens: tuple[str, ...]) -> bool:
    """``is_org``, kept per words: the same names are asked about again and again."""
    if len(tokens) == 1 and tokens[0].lower() in NEWS_ORGS:
        return True
    if initialled_name(tokens):
        return False
    bare = (POSSESSIVE.sub("", t) for t in tokens)  # "Tokyo's", or "Tokyo" "'s"
    if " ".join(t for t in bare if t).lower() in PLACES:
        return True  # a state, its capital or a bloc speaks for a government
    if "and" in tokens:  # "Germany and France": organisations speaking together
        k = tokens.index("and")
        if 0 < k < len(tokens) - 1 and is_org(tokens[:k]) and is_org(tokens[k + 1 :]):
            return True
    for t in tokens:
        if t.lower() in ORG_WORDS or t.lower().rstrip(".") in ORG_WORDS:
            return True
        letters = t.replace(".", "").replace("-", "")
        if len(letters) >= 2 and letters.isupper() and letters.isalpha():
            return True
    return False


def given_name_after(toks: list[tuple[int, int, str]], start: int, end: int) -> int:
    """How many words of a name after "of" belong to the role: "Mines" in "Minister of
    Mines Patrick Chitambala", where a given name opens the person's name."""
    if start < 2 or end - start < 3 or toks[start - 1][2].lower() not in _AFFILIATIONS | {"and"}:
        return 0
    words = [t[2].lower() for t in toks[start:end]]
    given = [k for k, w in enumerate(words) if w in MALE_NAMES or w in FEMALE_NAMES]
    if not given or given[0] == 0 or given[0] > end - start - 2:
        return 0
    return given[0] if not is_org([t[2] for t in toks[start + given[0] : end]]) else 0


@record(slots=True)
class Reading:
    """What a source span says about its speaker."""

    kind: str  # "name", "role", "pronoun" or "document" (one with no author named in it)
    name: str = ""
    name_span: Span | None = None
    role: str | None = None
    org: bool = False
    key: str = ""
    phrase: str = ""  # a role as written, with its determiner: "some voters", "a spokesperson"
    document: bool = False  # read from a document's author: "the RCMP statement"


_MEMO_SIZE = 8192
"""How many readings of source words ``read_source`` keeps (then it starts afresh)."""
_readings: dict[str, Reading | None] = {}
_ALONE_STOP = regexes.compile(r"[A-Z][a-z]{2,}\.")
"""A name that ``_SENTENCE_STOP`` matches whole: its look-behind reads the text before it."""


def read_source(text: str, span: Span) -> Reading | None:
    """Split a source span into a name and a role, or recognise a pronoun or role.

    The same words are read the same way wherever they stand unless the
    reading looked at the text around them (a capitalised first word of a
    sentence, a party tag after a name): other readings are kept by their
    words, with offsets from the span's start, and a long text's many "he said"
    and repeated names are read once.
    """
    words = text[span.start : span.end]
    try:  # one look: a reading in another thread may clear the store meanwhile
        kept = _readings[words]
    except KeyError:
        pass
    else:
        return _shifted(kept, span.start)
    outside = _Outside()
    reading = _read(text, span, outside)
    if not outside.looked:
        if len(_readings) >= _MEMO_SIZE:
            _readings.clear()
        _readings[words] = _shifted(reading, -span.start)
    return reading


class _Outside:
    """Whether a reading looked at the text outside its source span."""

    __slots__ = ("looked",)

    def __init__(self) -> None:
        self.looked = False


def _shifted(r: Reading | None, by: int) -> Reading | None:
    """A copy of a reading with its span moved ``by`` characters (readings are changed
    by their users: each gets its own)."""
    if r is None:
        return None
    at = r.name_span
    span = None if at is None else Span(at.start + by, at.end + by)
    return Reading(r.kind, r.name, span, r.role, r.org, r.key, r.phrase, r.document)


def _read(text: str, span: Span, outside: _Outside) -> Reading | None:
    """``read_source``; ``outside`` learns whether the text around the span was read."""
    end = span.end
    paren = _PAREN_TAIL.search(text, span.start, span.end)
    if paren:
        end = paren.start()  # "Tom O'Brien (D-NY)": the party tag is not the name
    toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, span.start, end)]
    parens = [(m.start(), m.end()) for m in _PARENS.finditer(text, span.start, end)]
    if parens:  # "(R-Ohio)" tags a name; it is not part of it
        toks = [t for t in toks if not any(a <= t[0] < b for a, b in parens)]
    toks = toks[: time_after(toks)]  # "Santos yesterday": Santos
    if not toks:
        return None
    if len(toks) == 1 and toks[0][2].lower() in PRONOUNS:
        return Reading("pronoun", toks[0][2].lower())
    role_part = toks
    if any(t[2] == "," for t in toks):
        comma = next(i for i, t in enumerate(toks) if t[2] == ",")
        toks, role_part = toks[:comma], toks[comma + 1 :]
        if not toks:
            return None
        named = [t for t in toks[1:] if is_capital(t[2]) and not is_title(t[2])]
        if not named and role_part and all(is_capital(t[2]) for t in role_part if t[2] != ","):
            toks, role_part = (
                [t for t in role_part if t[2] != ","],
                toks,
            )  # "The chairman, Phil Lovas"
    # The name: the capitalised run at the end, without title words.
    end = len(toks)
    while end > 0 and POSSESSIVE.fullmatch(toks[end - 1][2]):
        end -= 1
    i = end - 1
    while i >= 0:
        w = toks[i][2]
        low = w.lower()
        if is_capital(w) and not is_title(w) and low not in DETERMINERS:
            i -= 1
            continue
        if low in PARTICLES and 0 < i < end - 1:
            k = i - 1
            while k > 0 and toks[k][2].lower() in PARTICLES:
                k -= 1
            if is_capital(toks[k][2]) and not is_title(toks[k][2]):
                i = k
                continue
        break
    start = i + 1
    lettered = _letters_joined(toks, start, end)
    if lettered:
        start -= 2  # "B and C said": a firm's initials, not a person "C"
    if start >= end:
        return _capitalised_body(text, toks) or _role_reading(text, span, toks)
    if group_word(text, toks, start, end, outside):
        return _role_reading(text, span, toks)
    if end - start == 1 and _PARTY_TAG.fullmatch(toks[start][2]):
        outside.looked = True
        return _named_before(text, span, role_part)  # "D-Calif., the incoming chairwoman"
    person, role_end = _affiliated(toks, start)
    if person is not None:
        # "Sen. Richard Shelby of Alabama", "analyst Nick Edwards at Jardine Fleming":
        # the person, not the state or the firm.
        start, end = person, start - 1
    elif role_end is not None:
        # "the former sergeant-at-arms of the House of Commons", "an aide to Ann Lee":
        # the person of that role, not the house or the one the aide works for.
        reading = _role_reading(text, span, toks[:role_end])
        if reading is not None:
            reading.phrase = _lower_first(" ".join(span.text(text).split()))
        return reading
    if start >= 2 and toks[start - 1][2] == "and" and is_org([t[2] for t in toks[start:end]]):
        # "Germany and France said": the two speak together; both are the name.
        j = start - 2
        while j >= 0 and is_capital(toks[j][2]) and toks[j][2].lower() not in DETERMINERS:
            j -= 1
        if j + 1 < start - 1 and (
            is_org([t[2] for t in toks[j + 1 : start - 1]]) or suffixed(toks[start:end])
        ):
            start = j + 1  # "Samuel Montagu and Co Ltd", "Hudson Mining and Smelting Co"
    while end - start >= 2 and toks[start][2].lower() in STOP_WORDS:
        start += 1  # "Unlike McCallum": the little word is capitalised by its place only
    owner = max((k for k in range(start, end - 1) if _OWNER.search(toks[k][2])), default=-1)
    if owner >= 0:
        start = owner + 1  # "the CBC's Richard Cuthbertson": the reporter, not the CBC
    if end - start >= 3 and _common_word_at_sentence_start(text, toks[start], outside):
        start += 1  # "Rival Hillary Clinton": "Rival" is capitalised only by its place
    start += given_name_after(toks, start, end)  # "Minister of Mines Patrick Chitambala"
    words = [t[2] for t in toks[start:end]]
    last_org = max((k for k, w in enumerate(words[:-1]) if w.lower() in ORG_WORDS), default=-1)
    after_org = False
    if last_org >= 0:
        tail = words[last_org + 1 :]
        if (
            len(tail) <= 3
            and not is_org(tail)
            and not any(w.lower() in LEADING_NOISE for w in tail)
        ):
            # "the Washington Post Trump said": the person after the paper's name.
            start += last_org + 1
            words = tail
            after_org = True
    # Words before a person's name that only describe him ("Russian", "Democratic")
    # stay in the role; for an organisation the whole capitalised run is the name.
    name_span = Span(toks[start][0], toks[end - 1][1])
    role_text = None
    if role_part is not toks:
        role_text = " ".join(t[2] for t in role_part) or None
        if role_part:
            role_text = text[role_part[0][0] : role_part[-1][1]]
    elif start > 0:
        first = 0
        while first < start and toks[first][2].lower() in NOISE:
            first += 1
        if first < start:
            role_text = text[toks[first][0] : toks[start - 1][1]]
    if after_org:
        role_text = None
    org = lettered or is_org(words)
    chain = [t[2] for t in toks if t[2].lower() not in DETERMINERS]
    if (
        not org
        and not after_org
        and role_part is toks
        and len(chain) > len(words)
        and all(is_capital(w) or w.lower() in NAME_PREPOSITIONS for w in chain)
        and any(w.lower() in ORG_WORDS for w in chain)
        and not titled_person(toks, start, end)
        and person is None  # "Andre Morony of Bankers Trust Ltd": a person at the firm
    ):
        # "the D.C. Court of Appeals' Board on Professional Responsibility": one name.
        first = next(k for k, t in enumerate(toks) if t[2].lower() not in DETERMINERS)
        name_span = Span(toks[first][0], toks[end - 1][1])
        return Reading("name", " ".join(name_span.text(text).split()), name_span, None, True)
    if org and start > 0 and role_part is toks:
        # "the Venezuelan Foreign Ministry": keep the capitalised run together.
        j = start - 1
        while j >= 0 and is_capital(toks[j][2]) and toks[j][2].lower() not in DETERMINERS:
            j -= 1
        name_span = Span(toks[j + 1][0], toks[end - 1][1])
        role_text = None
        if person is None:
            name_span = _firm_before_of(toks, start, end, name_span)
    if name_span.start == span.start and _ALONE_STOP.fullmatch(text, span.start, name_span.end):
        outside.looked = True  # "Louth." alone: the character before it tells
    stop = _SENTENCE_STOP.search(text, name_span.start, name_span.end)
    if stop and stop.group().lower().rstrip(".") not in ABBREVIATIONS:
        name_span = Span(name_span.start, name_span.end - 1)  # "his partner, Jason Louth."
    name = " ".join(text[name_span.start : name_span.end].split())
    if "(" in name:
        name = " ".join(t[2] for t in toks[start:end])
    if len(words) == 1 and not org and words[0].isupper() and len(words[0]) > 1:
        org = True
    if role_text and _JOINED.search(role_text):
        role_text = None  # "Mr. King and Mr. Schultz": the words before are another name
    name = POSSESSIVE.sub("", name) or name  # "Brazil's" said: Brazil
    return Reading("name", name, name_span, role_text, org)


def _capitalised_body(text: str, toks: list[tuple[int, int, str]]) -> Reading | None:
    """``the White House``, ``Global Affairs``: capitalised words ending in an organisation
    word that is also a title word ("House Speaker") name the body, as "the Justice
    Department" does; not a role of someone unnamed ("the Foreign Minister")."""
    k = 0
    while k < len(toks) and toks[k][2].lower() in DETERMINERS:
        k += 1
    words = [t[2] for t in toks[k:]]
    if (
        len(words) < 2
        or words[-1].lower() not in ORG_WORDS
        or not all(is_capital(w) and not w.isupper() for w in words)
        or any(POSSESSIVE.search(w) for w in words)
    ):
        return None
    at = Span(toks[k][0], toks[-1][1])
    return Reading("name", " ".join(at.text(text).split()), at, None, True)


def titled_person(toks: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """Whether a title stands just before the name ("Bank of Japan Governor Satoshi
    Sumita"): the capitalised words before the title are the role, not the name."""
    title = toks[start - 1][2] if start > 0 else ""
    return (
        is_title(title)
        and title[:1].isupper()
        and end - start >= 2
        and not is_org([t[2] for t in toks[start:end]])
    )


def group_word(
    text: str, toks: list[tuple[int, int, str]], start: int, end: int, outside: _Outside
) -> bool:
    """A plural common noun capitalised only by its place ("Analysts said", "Dealers
    said"): the same group as "analysts" elsewhere, not a name."""
    if end - start != 1 or any(t[2].lower() not in NOISE for t in toks[:start]):
        return False
    word = toks[start][2]
    low = word.lower()
    if not low.endswith("s") or low.endswith("ss") or word.isupper():
        return False
    if low in SOURCE_NOUNS or low[:-1] in SOURCE_NOUNS or low[:-1] in TITLES:
        return True
    return _common_word_at_sentence_start(text, toks[start], outside)


def _role_reading(text: str, span: Span, toks: list[tuple[int, int, str]]) -> Reading | None:
    words = [t[2] for t in toks]
    k = 0
    while k < len(words) and words[k].lower() in NOISE:
        k += 1
    if k >= len(words):
        return None
    if k and words[k - 1].lower() == "those" and words[k].lower() in KNOWING:
        k -= 1  # "those close to him": "those" is the noun of the phrase
    d = 0
    while d < k and words[d].lower() in LEADING_NOISE and words[d].lower() not in DETERMINERS:
        d += 1  # "some voters", "some in the community": the determiners stay in the phrase
    for j in range(len(words) - 2, k, -1):
        if words[j].lower() in _ARTICLES and words[j - 1].lower() not in _LINKS:
            d, k = j, j + 1  # "early November the company", "a move the company": the company
            break
    core = " ".join(text[toks[k][0] : toks[-1][1]].split())
    head = words[-1].lower()
    org = head in ORG_WORDS or head.rstrip("s") in ORG_WORDS
    key = " ".join(w.lower() for w in words[k:])
    if key.endswith("s") and not key.endswith("ss") and head.rstrip("s") in SOURCE_NOUNS:
        key = key[:-1]
    phrase = " ".join(text[toks[d][0] : toks[-1][1]].split())
    if d < k:
        phrase = phrase[0].lower() + phrase[1:]
    at = Span(toks[d][0], toks[-1][1])
    return Reading("role", core, at, core, org, key, phrase)


def _letters_joined(toks: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """Whether the name is one capital letter after another and "and": "B and C"."""
    if end - start != 1 or start < 2 or toks[start - 1][2] != "and":
        return False
    first, last = toks[start - 2][2], toks[start][2]
    return len(first) == len(last) == 1 and first.isupper() and last.isupper()


def _firm_before_of(
    toks: list[tuple[int, int, str]], start: int, end: int, name_span: Span
) -> Span:
    """``Anglo American Corp of South Africa Ltd``: a firm's name after "of" that a firm's
    name opens is one name, not the firm after "of"; else ``name_span``."""
    if start < 2 or toks[start - 1][2] != "of":
        return name_span
    k = start - 2
    while k >= 0 and is_capital(toks[k][2]) and toks[k][2].lower() not in DETERMINERS:
        k -= 1
    if k + 1 < start - 1 and is_org([t[2] for t in toks[k + 1 : start - 1]]):
        return Span(toks[k + 1][0], toks[end - 1][1])
    return name_span


def _affiliated(toks: list[tuple[int, int, str]], start: int) -> tuple[int | None, int | None]:
    """A name after "of", "at", "to" ...: where the person before it starts, or the
    end of the role noun it belongs to ("aide" in "an aide to Ann Lee"), if either."""
    if start < 2 or toks[start - 1][2].lower() not in _AFFILIATIONS:
        return None, None
    k = start - 2
    while k >= 0 and is_capital(toks[k][2]) and not is_title(toks[k][2]):
        k -= 1
    run = [t[2] for t in toks[k + 1 : start - 1]]
    if (len(run) >= 2 or surname_of(run)) and not is_org(run):
        return k + 1, None
    j = start - 1
    while j >= 0 and (is_capital(toks[j][2]) or toks[j][2].lower() in _AFFILIATIONS | _ARTICLES):
        j -= 1
    word = toks[j][2] if j >= 0 else ""
    if word.islower() and word not in NOISE and toks[j + 1][2].lower() in _AFFILIATIONS:
        return None, j + 1
    return None, None


def surname_of(run: list[str]) -> bool:
    """A surname alone before "of", "at" ("McGroarty of Discount"): a person, not a
    title, a place or a word that opens the sentence."""
    if len(run) != 1:
        return False
    word = run[0]
    low = word.lower()
    return (
        word[:1].isupper()
        and not word.isupper()
        and not is_title(word)
        and low not in PLACES
        and low not in LEADING_NOISE
        and low not in STOP_WORDS
        and low not in DETERMINERS
    )


def _lower_first(s: str) -> str:
    word = s.split(" ", 1)[0]
    return s[0].lower() + s[1:] if word.lower() in DETERMINERS else s


def _named_before(text: str, span: Span, role: list[tuple[int, int, str]]) -> Reading | None:
    """The name just before a source that opens with a party tag ("Ann Lee, D-Calif., ...")."""
    m = _NAME_BEFORE.search(text, max(0, span.start - 80), span.start)
    if m is None:
        return None
    reading = read_source(text, Span(m.start(1), m.end(1)))
    if reading is not None and reading.kind == "name" and role:
        reading.role = reading.role or " ".join(t[2] for t in role if t[2] != ",") or None
    return reading


def _common_word_at_sentence_start(
    text: str, token: tuple[int, int, str], outside: _Outside
) -> bool:
    """A capitalised first word of a sentence that the text also uses in lower case."""
    outside.looked = True
    start, _, word = token
    j = start - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j >= 0 and text[j] not in '.!?\n"“”':
        return False
    return common_word(text, word, start)


def common_word(text: str, word: str, pos: int) -> bool:
    """Whether the text near ``pos`` also uses this capitalised word in lower case."""
    lower = word.lower()
    if lower == word:
        return False
    # ``\b`` + the word + ``\b`` in ``text[pos - 5000 : pos + 5000]``, read with
    # ``str.find``: a pattern opening with ``\b`` is tried at every position.
    lo, hi = max(0, pos - _NEAR), min(len(text), pos + _NEAR)
    size = len(lower)
    at = text.find(lower, lo, hi)
    while at >= 0:
        if _boundary(text, at, lo, hi) and _boundary(text, at + size, lo, hi):
            return True
        at = text.find(lower, at + 1, hi)
    return False


_NEAR = 5000
"""How far either side of a word ``common_word`` looks for it in lower case."""


def _boundary(text: str, at: int, lo: int, hi: int) -> bool:
    """A word boundary (``\\b``) at ``at`` in ``text[lo:hi]``: a word character on one side only."""
    before = at > lo and (text[at - 1].isalnum() or text[at - 1] == "_")
    after = at < hi and (text[at].isalnum() or text[at] == "_")
    return before != after
