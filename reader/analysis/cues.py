"""Reading every reporting cue of a text: the first statement pass.

One whole-text regex (``quotes.CUES``) finds every form of a reporting verb
and "according to". Each cue outside a quotation becomes a ``Cue`` with its
sentence and, where it stands before the cue, its source; then the
patterns of its kind (``patterns.FINITE``, ``PARTICIPLE``, ``ACCORDING``)
are tried in their order until one reads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from reader import regexes
from reader.analysis.mentions import title_cased_headline
from reader.analysis.patterns import ACCORDING, FINITE, PARTICIPLE, finite_patterns
from reader.analysis.phrases import ADVERBIAL_LEAD, source_before
from reader.analysis.phrases_after import source_according_to, subject_after
from reader.analysis.quotes import CUES, Cue, QuoteFinder
from reader.analysis.reported_clause import ADJUNCT, TELL_OBJECT, THAT, quote_opening
from reader.analysis.vocabulary import PARTICIPLES, VERB_FORMS

_PROGRESSIVE = regexes.compile(r"\b(?:is|are|was|were|been|be|[’']s)\s+\Z")
_QUOTED_AS = regexes.compile(
    r"\b(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?quoted\s+as\s+\Z", re.IGNORECASE
)
"""A participle after "was quoted as": the subject's words ("He was quoted as saying ...")."""
_ARTICLES = frozenset({"the", "a", "an", "this", "these", "those", "editor's", "editor’s"})
"""An article right before a word makes it a noun ("a report", "a comment", "Editor's note").

A possessive does not: "Trump's claim that ..." reports what he said.
"""
_DESCRIBERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your"})
"""After these, a past form describes a noun: "his previously stated views"."""
_NOT_OWNERS = frozenset({"he", "she", "it", "that", "there", "who", "what", "here", "where", "let"})
"""Words whose 's is "has" or "is" before a past form: "she's said", "it's claimed"."""
_AND_BEFORE = regexes.compile(r"\w[\w'’\")”]*,?\s+and\s+(?:(?:has|have|had|also|then|later)\s+)?\Z")
"""A verb joined to the one before it: "claimed vast wealth and said", "are preparing a
motion, and have alleged"."""
_AND_TAILS = ("and", " has", " have", " had", " also", " then", " later")
"""How the text before a verb joined by "and" ends (``_AND_BEFORE``, looked for first)."""
_AND_ADJUNCT_BEFORE = regexes.compile(
    r"\w[\w'’\")”]*,?\s+and\s+(?:in|on|at|during|after|later|then)\b[^,;:\"“”.]{0,50}\s\Z"
)
"""The same with an adjunct before the verb: "called it false and in a response said"."""
_OPENING_WORDS = frozenset({"while", "after", "before", "when"})
"""Words that may stand before a participle opening its sentence ("After stressing ...")."""


def read_cues(f: QuoteFinder) -> None:
    """Every reporting cue of the text, read in its sentence by its patterns."""
    text = f.text
    for start, end in _open_cues(f):
        found = text[start:end]
        word = found.lower()
        if not word.isalpha():
            word = " ".join(word.split())  # "according  to", "point\nout"
        quoted = _QUOTED_AS.search(text, max(0, start - 40), start) if word in PARTICIPLES else None
        if word == "according to":
            cue, patterns = according_cue(f, start, end), ACCORDING
        elif quoted is not None:  # "he was quoted as saying": his words, read as "he said"
            cue = finite_cue(f, quoted.start(), end, word)
            patterns = finite_patterns(f, cue) if cue is not None else FINITE
        elif word in PARTICIPLES and not _PROGRESSIVE.search(text, max(0, start - 8), start):
            cue, patterns = participle_cue(f, start, end, word), PARTICIPLE
        elif word in PARTICIPLES or found[0].islower() or _in_headline(f, start, end, found):
            # A finite verb, or an -ing form after "is": "Trump is warning voters that ..."
            cue = finite_cue(f, start, end, word)
            patterns = finite_patterns(f, cue) if cue is not None else FINITE
        else:
            continue  # a capitalised finite form ("Said ...") is no cue
        if cue is not None:
            for pattern in patterns:
                if pattern(f, cue):
                    break


_HEADLINE_CUES = frozenset({"Says", "Said"})


def _in_headline(f: QuoteFinder, start: int, end: int, found: str) -> bool:
    """``Obama Says African-American Museum Will Tell ...``: "Says" capitalised as every
    word of a title-cased first line is, after a name. Not in a question ("What Trump
    Says About ...") nor before "About" (a topic, not what was said). A headline in
    capitals ("JAPAN SAYS ...") is never read for cues."""
    text = f.text
    return (
        found in _HEADLINE_CUES
        and start < title_cased_headline(text)
        and text[max(0, start - 2) : start - 1].isalpha()
        and text[: text.find(" ")].lower() not in _QUESTION_WORDS
        and not text[end : end + 7].lower().lstrip().startswith("about")
    )


_QUESTION_WORDS = frozenset({"what", "how", "why", "who", "when", "where", "whatever"})


def _open_cues(f: QuoteFinder) -> Iterator[tuple[int, int]]:
    """Every match of ``CUES`` outside quotation marks and paragraphs read as something else.

    The matches come in text order, so the quotation and the skipped paragraph
    before each are found by walking both sorted lists once (what
    ``Layout.in_quote`` and ``QuoteFinder.skipped`` find by a binary search).
    """
    quotes = f.layout.quotes
    quote_starts, quote_ends, n_quotes = quotes.starts, quotes.ends, len(quotes)
    skip, n_skip = f.skipped_spans, len(f.skipped_spans)
    q = k = 0  # the first quotation and skipped paragraph starting after the cue
    for start, end in _cue_spans(f.text):
        while q < n_quotes and quote_starts[q] <= start:
            q += 1
        if q and start < quote_ends[q - 1]:
            continue
        while k < n_skip and skip[k][0] <= start:
            k += 1
        if k and start < skip[k - 1][1]:
            continue
        yield start, end


def _cue_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where each match of ``CUES`` starts and ends, in text order.

    A long text is read with ``_cues_after_non_word``: the same matches, found
    faster. A short one with ``CUES`` itself, which reads it without compiling
    a regex.
    """
    found = _cues_after_non_word() if len(text) >= _LONG_TEXT else None
    if found is None:
        for m in CUES.finditer(text):
            yield m.span()
        return
    after, head_of = found
    # A cue opening the text has no character before it: one is lent to it, before
    # as much of the text as matching there can read (its first words, and one more).
    head = head_of.match(text)
    first = after.match(" " + text[: head.end() + 2]) if head else None
    pos = 0
    if first is not None:
        pos = first.end(1) - 1
        yield 0, pos
    for m in after.finditer(text, pos):
        yield m.span(1)


_LONG_TEXT = 100_000
"""From this length on, cues are found with ``_cues_after_non_word``."""


@cache
def _cues_after_non_word() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """``CUES`` as a regex opening with the non-word character before the cue (group 1).

    ``CUES``'s regex opens with a look-behind, which the engine tries at every
    position of the text; one that opens with a character class lets it skip
    at once the letters of words in between (a quarter fewer instructions on a
    long text). A cue at the very start has no character before it: the second
    regex gives the start of the text that matching a cue there reads (as many
    words as a cue has at most, and the space between them). None if ``CUES``
    is not of that shape.
    """
    pattern = CUES.pattern
    lead = r"(?<!\w)"
    if not pattern.startswith(lead):
        return None
    words = max((len(phrase.split()) for phrase in CUES.phrases), default=1)
    head = re.compile(r"\S*" + r"\s*\S*" * (words - 1))
    # Compiled here, not kept in the regex cache: only long texts need it, and
    # that cache is read by every start of the program.
    return re.compile(r"\W(" + pattern[len(lead) :] + ")"), head


def finite_cue(f: QuoteFinder, start: int, end: int, word: str) -> Cue | None:
    """A finite reporting verb, with the noun phrase before it as its source, if any.

    None where the form reads as a noun or an adjective: "the report",
    "Editor's note:", "her informed consent".
    """
    verb = VERB_FORMS[word]
    before = f.text[max(0, start - 30) : start]
    if _reads_as_noun(before, word):
        return None
    sent = f.layout.sentence_of(start)
    source, first = source_before(f.text, sent, start)
    # The regexes only where they can match: "and" at the end, or shortly before it.
    lo = max(sent.start, start - 70)
    if source is None and (
        (before.rstrip().endswith(_AND_TAILS) and _AND_BEFORE.search(before))
        or (f.text.find(" and ", lo, start) >= 0 and _AND_ADJUNCT_BEFORE.search(f.text, lo, start))
    ):
        # "Cruz exhorted Republicans to vote and said he ...": the sentence's subject
        begin = sent.start
        opener = ADVERBIAL_LEAD.match(f.text, begin, start)
        if opener:
            begin = opener.end()
        source, _ = subject_after(f.text, begin, sent)
        if source is not None and source.end >= first:
            source = None
    return Cue(start, end, word, verb, sent, source, first, end)


def _reads_as_noun(before: str, word: str) -> bool:
    """Whether the words ``before`` a cue make it a noun or an adjective ("a comment")."""
    if not before[-1:].isspace():
        return False
    words = before.lower().rsplit(None, 2)  # the last two words, all that is read
    if not words:
        return False
    if words[-1] in _ARTICLES:
        return True
    if not word.endswith("ed"):
        return False
    if words[-1].endswith("ly") and len(words) > 1:
        return words[-2] in _DESCRIBERS  # "his previously stated"
    return words[-1] in _DESCRIBERS or _owner_of(words[-1])


def _owner_of(word: str) -> bool:
    """A possessive before a past form makes it an adjective: "Japan's alleged failure".

    "she's said" is "she has said": a pronoun's 's is no possessive.
    """
    stem = word[:-2] if word.endswith(("'s", "’s")) else ""
    return bool(stem) and stem not in _NOT_OWNERS


def participle_cue(f: QuoteFinder, start: int, end: int, word: str) -> Cue | None:
    """``..., saying (that) ...`` or ``Stressing that ...``: where what was said starts, and who.

    None when the participle neither opens its sentence nor follows a comma
    or a dash, when a verb with ``clause_only`` has no "that", or when the
    sentence names nobody before it.
    """
    text = f.text
    sent = f.layout.sentence_of(start)
    before = text[sent.start : start]
    lead = before.strip()
    initial = lead == "" or lead.lower() in _OPENING_WORDS
    if not initial and not before.rstrip().endswith((",", "—", "–")):
        return None
    pos = end
    adj = ADJUNCT.match(text, pos, sent.end)
    if adj:
        pos = adj.end()
    verb = VERB_FORMS[word]
    if verb.object:
        obj = TELL_OBJECT.match(text, pos, sent.end)
        if obj:
            pos = obj.end()
    that = THAT.match(text, pos, sent.end)
    if that and that.end() > pos:
        pos = that.end()
    elif verb.clause_only:
        return None
    quote = quote_opening(f, pos, sent)
    cue = Cue(start, end, word, verb, sent, None, start, end, pos, quote, initial=initial)
    if initial:
        return cue
    cue.follows = f.last_in(sent)
    if cue.follows is not None:
        cue.source = f.found[cue.follows].source
    else:
        begin = sent.start
        opener = ADVERBIAL_LEAD.match(text, begin, start)
        if opener:
            begin = opener.end()  # "During a speech, Trump attacked Clinton, saying ..."
        cue.source, _ = subject_after(text, begin, sent)  # "He defended it, saying ..."
        if cue.source is None:
            return None
    return cue


def according_cue(f: QuoteFinder, start: int, end: int) -> Cue | None:
    """The words "according to", with the words after them as the source (None if none)."""
    sent = f.layout.sentence_of(start)
    source = source_according_to(f.text, end, sent)
    if source is None:
        return None
    return Cue(start, end, "according to", None, sent, source, start, end)
