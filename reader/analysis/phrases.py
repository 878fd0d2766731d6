"""Noun phrases next to a reporting cue: tokens, and the source right before a cue.

The text around a cue is cut into ``Token``s (a word, an 's, or one mark of
punctuation, with its offsets), and a source is read by walking them: here
back from the cue ("Russian FM Lavrov said"); on from it ("said the
minister") or from the start of the sentence ("Donna Rawlings, 59, ...
said") in ``phrases_after``. Here a source is only a span of the text; who
it names is for ``sources``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from reader import regexes
from reader.analysis.vocabulary import (
    ABBREVIATIONS,
    AUXILIARIES,
    DETERMINERS,
    LEADING_NOISE,
    LY_NOUNS,
    MODALS,
    NAME_PREPOSITIONS,
    ORG_WORDS,
    PEOPLE_OR_MEDIA,
    PERSON_ENDINGS,
    PRONOUNS,
    SOURCE_NOUNS,
    STOP_WORDS,
    TIME_WORDS,
    VERB_FORMS,
)
from reader.spans import Span

# The functional form: its field types are objects, not strings to compile at import.
Token = NamedTuple("Token", [("start", int), ("end", int), ("text", str)])  # noqa: UP014
Token.__doc__ = """A word, an 's or one punctuation mark, at ``[start, end)`` of the text."""


_ZERO_WIDTH = "\u200b-\u200d\u2060\ufeff"
"""Zero-width spaces and joiners, which web pages keep ("Traeger\u200b said"): no token."""
_TOKEN = regexes.compile(r"[^\W_](?:[\w'’.&-]*[\w.])?|[’'][sS]\b|[^\w\s" + _ZERO_WIDTH + "]")
_GAP_AND_TOKEN = regexes.compile(r"([\s_" + _ZERO_WIDTH + "]*)(" + _TOKEN.pattern + ")")
"""A token and the white space, "_" or zero-width space before it: between two tokens
there is nothing else."""
_BACK_REACH = 120
"""How far before a cue its source may start (characters)."""
_SHORT_REACH = 30
"""The window read first: most sources and the words the walk tests before them fit in it."""
_ROLE_THEN_NAME = regexes.compile(
    r"\s*((?:[Tt]he|[Aa]n?|[Oo]ne\s+of|[A-Z][\w'’.-]*)\b[^,;:\"“”\n]{0,70}),\s+"
    r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}),\s*"
)
_PARTICLE_NAME = regexes.compile(r"(?:al|el|bin|ibn|abu)-[A-Z]")
_AUX_OR_MODAL = AUXILIARIES | MODALS
_APPOSITION_BOUNDS = frozenset({",", ";", ":", '"', "“", "”", "(", ")"})
_LIGHT_VERBS = frozenset({"made", "makes", "make", "gave", "gives", "issued", "issues"})
"""Verbs before a noun that reports speech: "made a strong claim", "issued a statement"."""
_new = tuple.__new__  # a Token without the keyword handling of its constructor


def tokens(text: str, lo: int, hi: int) -> list[Token]:
    """Every token of ``text[lo:hi]``.

    The regex gives the tokens' texts only (no match objects to make), each
    with what stands between it and the one before: only white space and
    "_" do, and no token starts with those. The lengths give the offsets.
    """
    found: list[Token] = []
    add, pos = found.append, lo
    for gap, word in _GAP_AND_TOKEN.findall(text, lo, hi):
        pos += len(gap)
        end = pos + len(word)
        add(_new(Token, (pos, end, word)))
        pos = end
    return found


def iter_tokens(text: str, lo: int, hi: int) -> Iterator[Token]:
    """The tokens of ``text[lo:hi]`` one by one, for a scan that stops early."""
    for m in _TOKEN.finditer(text, lo, hi):
        yield _new(Token, (m.start(), m.end(), m.group()))


def surname_at(toks: list[Token], i: int) -> bool:
    """A capitalised word after a given name ("May" in "Theresa May"), not a modal."""
    if i < 1 or not toks[i].text[:1].isupper():
        return False
    given = toks[i - 1].text
    return given[:1].isupper() and given[:1].isalpha() and not given.isupper()


class _Beyond(Exception):
    """A token before the short window was read: the source is read again from the full one."""


class _Earlier:
    """Stands for a token before the short window; reading any of its fields raises ``_Beyond``."""

    __slots__ = ()

    @property
    def text(self) -> str:
        raise _Beyond

    start = end = text


_EARLIER: list[Token] = [_Earlier()] * 4  # type: ignore[list-item]
"""More than any index ``_source_before`` compares with (0 to 3), so those tests read the
same on the short window as on the full one whenever they are reached without a read."""


def source_before(text: str, sent: Span, cue_start: int) -> tuple[Span | None, int]:
    """The noun phrase ending right before a cue, and where the cue starts.

    Auxiliaries ("has also said") join the cue; a modal ("would say") means
    no report of speech. ``Name, the role,`` and ``The role, Name,`` are
    read as one source.

    Most sources are a few words, so the tokens of a short window are read
    first, behind stand-ins for the earlier ones: the walk back reads each
    token it tests, and where it reads a stand-in it is done again on the
    full ``_BACK_REACH`` window. The result is the same either way; the short
    window starts after a space, so its tokens are the full window's last ones
    (and the full window's are those before the space, then those).
    """
    lo = max(sent.start, cue_start - _BACK_REACH)
    pronoun = _pronoun_before(text, lo, cue_start)
    if pronoun is not None:
        return pronoun, cue_start
    contracted = _contracted_pronoun_before(text, lo, cue_start)
    if contracted is not None:
        return contracted, contracted.end  # "He’s claiming": the auxiliary joins the cue
    informed = _informed_before(text, lo, cue_start)
    if informed is not None:
        return informed
    if cue_start - _SHORT_REACH > lo:
        space = text.find(" ", cue_start - _SHORT_REACH, cue_start)
        if space >= 0:
            last = tokens(text, space + 1, cue_start)
            try:
                return _source_before(text, sent, cue_start, _EARLIER + last)
            except _Beyond:
                return _source_before(text, sent, cue_start, tokens(text, lo, space + 1) + last)
    return _source_before(text, sent, cue_start, tokens(text, lo, cue_start))


def _pronoun_before(text: str, lo: int, cue_start: int) -> Span | None:
    """``he said``: a lone pronoun between spaces right before the cue, at or after ``lo``.

    The walk of ``_source_before`` would take that last token and stop there
    (it is no auxiliary, no comma; a pronoun ends the walk and is plausible);
    this reads it without making the tokens. None for any other shape.
    """
    if text[cue_start - 1 : cue_start] != " ":
        return None
    space = text.rfind(" ", max(lo, cue_start - _LONGEST_PRONOUN - 2), cue_start - 1)
    if space < lo or text[space + 1 : cue_start - 1].lower() not in _PLAIN_PRONOUNS:
        return None
    return Span(space + 1, cue_start - 1)


def _contracted_pronoun_before(text: str, lo: int, cue_start: int) -> Span | None:
    """``He’s claiming``, ``they've said``: a pronoun and its auxiliary right before the cue."""
    if text[cue_start - 1 : cue_start] != " ":
        return None
    space = text.rfind(" ", max(lo, cue_start - _LONGEST_PRONOUN - 5), cue_start - 1)
    word = text[max(space + 1, lo) : cue_start - 1]
    m = _CONTRACTION.fullmatch(word)
    if m is None or m.group(1).lower() not in _PLAIN_PRONOUNS:
        return None
    start = cue_start - 1 - len(word)
    return Span(start, start + len(m.group(1)))


def _informed_before(text: str, lo: int, cue_start: int) -> tuple[Span, int] | None:
    """``people familiar with the talks said``: unnamed sources and what they know of,
    all of it the source (the walk back would stop at "with"), and where the cue starts
    (at its auxiliary: "have said")."""
    if _INFORMED_WORD.search(text, lo, cue_start) is None:
        return None  # the words the regex needs, looked for first: most cues have none
    m = _INFORMED.search(text, lo, cue_start)
    if m is None:
        return None
    return Span(m.start(1), m.end(1)), m.start(2) if m.group(2) else cue_start


KNOWING = {"familiar": "with", "close": "to", "briefed": "on", "knowledgeable": "about"}
KNOWING |= {"involved": "in", "aware": "of"}
"""Words that describe an unnamed source by what it knows of, each with the word after it:
"people familiar with the talks", "a source close to the company"."""
KNOWERS = frozenset(
    {"people", "person", "persons", "source", "sources", "official", "officials", "someone"}
    | {"executive", "executives", "banker", "bankers", "insider", "insiders", "diplomat"}
    | {"diplomats", "those", "aide", "aides", "analyst", "analysts"}
)
"""The unnamed sources that ``KNOWING`` describes."""
_INFORMED_WORD = regexes.compile("|".join(sorted((*KNOWING, "knowledge"), key=len, reverse=True)))
_INFORMED = regexes.compile(
    r"(?<![\w'’-])((?:(?:a|one|two|three|several|some|many|other)\s+)?"
    r"(?:" + "|".join(sorted(KNOWERS)) + r")\s+"
    r"(?:"
    + "|".join(rf"{w}\s+{link}" for w, link in KNOWING.items())
    + r"|with\s+(?:direct\s+|first-?hand\s+)?knowledge\s+of)"
    r"(?:\s+[\w'’.-]+){1,6}?)(?:\s+(have|has|had))?\s+\Z",
    re.IGNORECASE,
)
"""Unnamed sources described by what they know of, right before a cue."""
ADVERBIAL_LEAD = regexes.compile(
    r"\s*(?:(?:during|after|before|in|on|at|meanwhile|earlier|later|however|also|then"
    r"|unlike|like|despite|amid|following|besides|since|until|under|with|without|for|from"
    r"|among|as\s+for|instead\s+of)\b"
    r"[^,;:\"“”]{0,80},)\s*",
    re.IGNORECASE,
)
"""A phrase opening a sentence before its subject: "During a speech on Monday,", "Unlike
McCallum,"."""
_CONTRACTION = regexes.compile(r"(\w+)['’](?:s|re|ve)", re.IGNORECASE)


def _source_before(
    text: str, sent: Span, cue_start: int, toks: list[Token]
) -> tuple[Span | None, int]:
    i = len(toks) - 1
    aux = 0
    while i >= 0 and aux < 3:
        low = toks[i].text.lower()
        if (low not in _AUX_OR_MODAL and not _adverb(toks[i].text)) or surname_at(toks, i):
            break  # "Theresa May said": a name, not a modal
        if low in MODALS:
            return None, cue_start  # "would say": not a report of speech
        cue_start = toks[i].start
        i -= 1
        aux += 1
    relative = i - 1 if i >= 2 and _ADVERB_AFTER_RELATIVE.fullmatch(toks[i].text) else i
    if relative >= 1 and toks[relative].text in RELATIVES:
        # "Trump, who says", "the AP, which first reported": the relative pronoun is the
        # source, standing for the noun phrase before it (``relative_antecedent``)
        who = toks[relative]
        lo = max(sent.start, cue_start - _BACK_REACH)
        if relative_antecedent(text, lo, who.start) is None:
            return None, cue_start
        return Span(who.start, who.end), cue_start
    aged = i >= 3 and toks[i].text == "," and toks[i - 1].text.isdigit() and toks[i - 2].text == ","
    if aged:
        i -= 3  # "Teresa Galati, 56, says": the age is no part of the source
    elif i >= 0 and toks[i].text == ",":
        appos = appositive(toks[: i + 1]) or _relative_appositive(text, sent, toks, i)
        if appos is None:
            # "The state's campaign chairman, Phil Lovas, said": a role, then the name.
            m = _ROLE_THEN_NAME.fullmatch(text, sent.start, toks[i].end)
            lead = None if m else ADVERBIAL_LEAD.match(text, sent.start, toks[i].end)
            if lead:  # "In a statement, one of the family's attorneys, Justin Bamberg, said"
                m = _ROLE_THEN_NAME.fullmatch(text, lead.end(), toks[i].end)
            if m:
                appos = Span(m.start(1), m.end(2))
        return appos, cue_start
    if i >= 2 and toks[i].text == ">":
        i = _before_angle_brackets(toks, i)
    closing_paren = None
    if i >= 2 and toks[i].text == ")":
        j = i - 1
        while j >= max(0, i - 8) and toks[j].text != "(":
            j -= 1
        if j >= 1 and toks[j].text == "(":
            closing_paren = toks[i].end
            i = j - 1
    picked: list[Token] = []
    while i >= 0 and len(picked) < 10:
        w = toks[i].text
        low = w.lower()
        if not (w[0].isalnum() or w[0] in "'’"):
            break
        if low in PRONOUNS:
            if not picked:
                picked.append(toks[i])
            break
        if low in NAME_PREPOSITIONS and picked and picked[-1].text[0].isupper() and i > 0:
            picked.append(toks[i])
            i -= 1
            continue
        between_names = i > 0 and picked and picked[-1].text[0].isupper()
        if low == "and" and between_names and toks[i - 1].text[:1].isupper():
            picked.append(toks[i])  # "Mr. King and Mr. Schultz say"
            i -= 1
            continue
        name_word = low in _AUX_OR_MODAL and surname_at(toks, i)  # "May"
        verb = low in VERB_FORMS and w[0].islower() and not _noun_after(toks, i)
        if (low in STOP_WORDS and not name_word) or verb:
            break
        if low in _LIGHT_VERBS and i > 0 and all(t.text.islower() for t in picked):
            # "Sanders made the following comment": who made it, not "made the following"
            picked = []
            i -= 1
            continue
        picked.append(toks[i])
        i -= 1
    picked.reverse()
    # A word ending in a full stop that is no abbreviation ended the sentence before.
    for k in range(len(picked) - 2, -1, -1):
        if picked[k].text.endswith(".") and trim_stop(picked[k]) < picked[k].end:
            picked = picked[k + 1 :]
            break
    while picked and _leading_noise(picked[0].text):
        picked.pop(0)
    if not picked or not plausible(picked):
        return None, cue_start
    end = closing_paren or trim_stop(picked[-1])
    if aged and i >= 1 and toks[i].text == "," and picked[0].text[:1].islower():
        named = _name_before_comma(toks, i)
        if named is not None:  # "Ernie LeBlanc, father of Jason LeBlanc, 42, says": his name
            return Span(named, end), cue_start
    return Span(picked[0].start, end), cue_start


_NOUN_MARKERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})


def _noun_after(toks: list[Token], i: int) -> bool:
    """A verb form after an article or a possessive is a noun: "The report says"."""
    return i > 0 and toks[i - 1].text.lower() in _NOUN_MARKERS


def _adverb(word: str) -> bool:
    """A word in -ly that joins the cue as the listed adverbs do: "forcefully told"."""
    return word.endswith("ly") and word.isalpha() and word.islower() and word not in LY_NOUNS


_QUANTITIES = frozenset(
    {"lot", "lots", "number", "majority", "minority", "couple", "handful", "dozen", "dozens"}
    | {"hundreds", "thousands", "millions", "host", "bunch", "series", "range"}
)
"""Nouns of a quantity: "a lot of people" names the people."""
RELATIVES = frozenset({"who", "which"})
"""Relative pronouns that stand as a source for the noun phrase before them."""
_ADVERB_AFTER_RELATIVE = regexes.compile(r"[a-z]+ly|also|first|later|then|once|now|still")
"""One word between a relative pronoun and its cue: "which first reported"."""


_NO_ANTECEDENT = frozenset({"others", "those", "some", "many", "all", "both", "none"})
"""Words that end a noun phrase naming no one a relative pronoun can stand for."""


def relative_antecedent(text: str, lo: int, at: int) -> Span | None:
    """The noun phrase a relative pronoun at ``at`` stands for: "Trump" of "Trump, who"
    (read back from before its comma, as a source is read back from its cue)."""
    j = at
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j > lo and text[j - 1] == ",":
        j -= 1
    toks = tokens(text, lo, j)
    found, _ = _source_before(text, Span(lo, j), j, toks)
    if found is None:
        return None
    words = [t.text.lower() for t in toks if t.start >= found.start]
    if len(words) > 6 or words[-1] in _NO_ANTECEDENT:
        return None  # "others who only specified"
    if not (toks[-1].text[:1].isupper() or names_people(words)):
        return None  # "of brain cancer, which confirmed": no one who speaks
    return found


def _name_before_comma(toks: list[Token], comma: int) -> int | None:
    """Where the capitalised words (at most four) right before ``toks[comma]`` start, when
    nothing but a little word or a mark stands before them; else None."""
    k = comma - 1
    while k >= 0 and toks[k].text[:1].isupper() and comma - k <= 4:
        k -= 1
    if k == comma - 1 or (
        k >= 0 and toks[k].text[0].isalnum() and toks[k].text.lower() not in STOP_WORDS
    ):
        return None
    return toks[k + 1].start


def _before_angle_brackets(toks: list[Token], i: int) -> int:
    """Where the walk goes on from a wire copy's ``>`` at ``toks[i]``.

    ``Shell Canada <SHC> said``: a ticker after the firm, passed over. ``<Noranda
    Inc> said``: the firm itself, read inside the marks (the walk stops at the
    opening one). ``&lt;`` is the opening mark as the wire's files write it.
    """
    for j in range(i - 1, max(-1, i - 9), -1):
        opener = _angle_opener(toks, j)
        if opener is None:
            continue
        inner = toks[j + 1 : i]
        if len(inner) == 1 and _TICKER.fullmatch(inner[0].text) and opener >= 1:
            return opener - 1
        return i - 1
    return i  # no opening mark: the walk stops at ">" as at any mark


def _angle_opener(toks: list[Token], j: int) -> int | None:
    """Where an opening angle mark ending at ``toks[j]`` starts: ``<``, or ``&`` ``lt`` ``;``."""
    if toks[j].text == "<":
        return j
    if toks[j].text == ";" and j >= 2 and toks[j - 1].text == "lt" and toks[j - 2].text == "&":
        return j - 2
    return None


_TICKER = regexes.compile(r"[A-Z0-9][A-Z0-9.]{0,11}")
"""A stock ticker, as wire copy gives it after a firm's name: "SHC", "BCOM.L"."""


def _leading_noise(w: str) -> bool:
    """A first word that is no part of a source: "On Monday", "But", "'s", "2024", "adding"."""
    low = w.lower()
    return (
        low in LEADING_NOISE
        or low in NAME_PREPOSITIONS
        or w[0] in "'’"
        or w[0].isdigit()
        or (w.endswith("ing") and w.islower())
    )


def appositive(toks: list[Token]) -> Span | None:
    """``Name, the role of something,`` before a cue: the name and its role.

    ``toks`` ends with the comma after the role.
    """
    j = len(toks) - 2  # the comma before the role
    while j >= 0 and toks[j].text not in _APPOSITION_BOUNDS:
        j -= 1
    if j < 1 or toks[j].text != "," or len(toks) - 2 - j > 12 or len(toks) - 2 - j < 1:
        return None
    first_role = toks[j + 1].text
    if not (first_role.lower() in DETERMINERS or first_role.endswith(("'s", "’s"))):
        return None
    k = j - 1
    while k >= 0 and toks[k].text[0].isupper() and j - k <= 4:
        k -= 1
    if k == j - 1:
        return None
    if k >= 0 and toks[k].text[0].isalnum() and toks[k].text.lower() not in STOP_WORDS:
        return None
    return Span(toks[k + 1].start, toks[-2].end)


_RELATIVE_CLAUSE_TOKENS = 20
"""How long a relative clause between commas before a cue may be (tokens)."""


def _relative_appositive(text: str, sent: Span, toks: list[Token], comma: int) -> Span | None:
    """``Rucker Culpepper, who runs the campaign's veterans effort, said``: the noun phrase
    before a relative clause between commas, and the clause; ``toks[comma]`` is the
    comma before the cue. The phrase opens the sentence (after a phrase such as "For his
    part,"): within one ("Name, a spokeswoman for the union, which ...", "the fault of
    Nakasone, who ...") whose clause it is, and who speaks, is unclear. None for any other
    shape, or a pronoun before the clause."""
    j = comma - 1
    while j >= 0 and comma - j <= _RELATIVE_CLAUSE_TOKENS:
        if toks[j].text in _APPOSITION_BOUNDS:
            break
        j -= 1
    if j < 1 or toks[j].text != "," or comma - j < 3 or toks[j + 1].text not in RELATIVES:
        return None
    found, _ = _source_before(text, sent, toks[j].start, toks[:j])
    if found is None or text[found.start : found.end].lower() in PRONOUNS:
        return None
    lead = ADVERBIAL_LEAD.match(text, sent.start, found.start)
    begin = lead.end() if lead else sent.start
    if text[begin : found.start].strip():
        return None  # "Name, a role of the union, which ...": whose clause it is is unclear
    return Span(found.start, toks[comma - 1].end)


def trim_stop(token: Token) -> int:
    """End of a source's last word, without a full stop unless it is an abbreviation."""
    w = token.text
    if w.endswith(".") and "." not in w[:-1] and len(w) > 2 and w[:-1].lower() not in ABBREVIATIONS:
        return token.end - 1
    return token.end


def plausible(picked: list[Token], described: bool = False) -> bool:
    """A source names someone: a pronoun, a capitalised name, or a noun for people.

    ``described``: a phrase that can only be the speaker, whatever its head noun.
    """
    words = [t.text for t in picked]
    low = [w.lower() for w in words]
    if len(low) == 1 and low[0] in PRONOUNS:
        return True
    if DETERMINERS.issuperset(low):
        return False  # "the", "some": nobody named
    last = low[-1]
    surname = len(words) > 1 and words[-1][:1].isupper()  # "Theresa May", "Megyn Kelly"
    adverb = last.endswith("ly") and not surname and last not in LY_NOUNS
    if adverb or (last in STOP_WORDS and not (surname and last in _AUX_OR_MODAL)):
        return False
    if last[0].isdigit():
        return False
    named = any(w[0].isupper() or _PARTICLE_NAME.match(w) for w in words[1:]) or (
        (words[0][0].isupper() or _PARTICLE_NAME.match(words[0])) and low[0] not in DETERMINERS
    )  # "al-Shabaab said": a name after a particle in lower case
    if named and not described and _thing_named(words, low):
        return False
    return named or described or names_people(low)


def _thing_named(words: list[str], low: list[str]) -> bool:
    """Capitals before a singular head that is no one: "the Export Enhancement Program
    initiative", "Sixers game". Only the plain shape: no "of" or "at" (the head may be
    elsewhere), no possessive, no time ("Santos yesterday"), no "himself"."""
    head = low[-1]
    if len(words) < 2 or not (head.isalpha() and words[-1].islower()) or head.endswith("s"):
        return False
    if head in ORG_WORDS or head in TIME_WORDS or head.endswith("self") or names_people(low):
        return False
    return not any(
        w in NAME_PREPOSITIONS or w in TIME_WORDS or w.endswith(("'s", "’s", "’", "'"))
        for w in low[:-1]
    )


def names_people(low: list[str]) -> bool:
    """A common noun phrase whose head is a person, a group or a publication."""
    head_at = next((k for k, w in enumerate(low) if w in NAME_PREPOSITIONS and k > 0), len(low))
    if low[head_at - 1] in _QUANTITIES and head_at + 1 < len(low):
        return names_people(low[head_at + 1 :])  # "a lot of people": the people
    head = low[head_at - 1].rstrip("’'s") or low[head_at - 1]
    singular = head[:-1] if head.endswith("s") else head
    if head in PEOPLE_OR_MEDIA or singular in PEOPLE_OR_MEDIA:
        return True
    written = low[head_at - 1]
    if written in SOURCE_NOUNS or head in SOURCE_NOUNS or head in ORG_WORDS:
        return True  # "But critics say", "the fund warned"
    return head.endswith(PERSON_ENDINGS)


_PLAIN_PRONOUNS = frozenset(
    p
    for p in PRONOUNS
    if p.isalpha()
    and p not in _AUX_OR_MODAL
    and not _leading_noise(p)
    and trim_stop(_new(Token, (0, len(p), p))) == len(p)
)
"""The pronouns ``_pronoun_before`` reads alone: all letters, no auxiliary, no leading noise."""
_LONGEST_PRONOUN = max(map(len, _PLAIN_PRONOUNS), default=0)
