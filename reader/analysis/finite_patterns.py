"""The patterns of a finite reporting verb ("said", "has told", "is warning").

One small function each, tried in the order of ``patterns.FINITE`` (see
``patterns`` for what a pattern is and returns).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from reader import regexes
from reader.analysis.layout import Quoted
from reader.analysis.phrases import RELATIVES
from reader.analysis.phrases_after import source_after, subject_after
from reader.analysis.quotes import Cue, QuoteFinder
from reader.analysis.reported_clause import (
    COLON,
    THAT,
    after_comma,
    ends_clause,
    reach,
    reported_end,
)
from reader.analysis.vocabulary import (
    ADVERBIAL_OPENERS,
    AUXILIARIES,
    MODALS,
    NOT_CONTINUATION,
    STOP_WORDS,
)
from reader.spans import Span

_LEADING_ADJUNCT = regexes.compile(
    r"\s*(?:after|before|during|at|in|on|following|since)\s+(?:[\w'’.-]+\s+){1,5}?"
    r"(?=(?:he|she|they|it|we|I)\s)"
)
"""A phrase of time or place between the cue and the clause's subject."""
_PLACE_ONLY = regexes.compile(
    r"\s*(?:at|in|on|during|after|before)\s+[^,;:\"“”]{1,60},\s*(?:where|which|when|who)\b"
)
"""``said in Lisbon, where ...``: a place and a clause about it, no statement."""
_ADDED_TO = regexes.compile(
    r"\s*(?:the|an?|its|his|her|their|our|some|more|\d[\d,.]*)\s+((?:[\w'’.%-]+\s+){0,8}?)"
    r"to\s+(?:the|an?|its|his|her|their|our|\d)\b"
)
"""``added the drug group to its program``: a thing added to another, no statement."""
_WHAT_BEFORE = regexes.compile(r"\bwhat\s+\Z", re.IGNORECASE)
_OBJECT_TO = regexes.compile(
    r"(?:\s+on)?\s+(?:(?!(?:on|for|in|at|with|by|from|about)\s)[\w'’.-]+\s+){1,6}?(?:not\s+)?"
    r"(to\s+(?!the\b|an?\b|his\b|her\b|their\b|its\b)[a-z]+)"
)
"""The person spoken to, then what they should do: "police to investigate"."""
_PHRASE_THEN_THAT = regexes.compile(
    r"\s+(?:in|at|on|during|after|before|to|via|with|from|by|through|outside|inside)\s"
    r"[^\"“”;:]{1,70}?,?\s+that\s+"
)
_ADJUNCT_START = regexes.compile(
    r"\s*,?\s*(?:following|after|before|during|at|in|on|when|while|as|adding|noting|"
    r"speaking|citing|referring|without|despite|amid|from|to\s+(?:reporters|journalists)|"
    r"via|through|with)\b"
)
_FIRST_WORD = regexes.compile(r"\s*[\"“‘']?(\w+)")
_PASSIVE = regexes.compile(r"\b(?:is|are|was|were|be|been|being)\b", re.IGNORECASE)
_CHAINED_SOURCE = regexes.compile(r"\s*,?\s*([A-Z][^\"“”\n]*?)[\s,]*")
_INTERRUPTED = regexes.compile(r",\s+([a-z][\w'’-]*)")
_COMMA_QUOTE = regexes.compile(r"\s*,\s*[\"“]")
_DASHES = ("--", "—", "–")
_DASH_AFTER = regexes.compile(r"[^\S\n]*(--|—|–)")
_APPOSITION_OPENERS = frozenset({",", "-", "—", "–"})
_PARTY = regexes.compile(r"[^\S\n]*\([^()\n]{1,30}\)")
"""A short parenthesis after a name: "(D-N.Y.)", "(R-Ariz.)"."""
_DATELINE = regexes.compile(r"[A-Z][A-Z .,'’-]{1,40}(?:\([^)]{0,30}\))?\s*(?:--|—|–)\s*")


def _closing_report(f: QuoteFinder, c: Cue, pos: int) -> bool:
    """``CONTENT, Gibson testified.``: a verb that needs a clause, closing one after a comma.

    A noun form ("..., police reports") is no cue even there, but after a
    name it is the verb: "..., The Wall Street Journal reports."
    """
    verb = c.verb
    if verb is None or c.source is None:
        return False
    if (
        c.word in verb.noun_forms
        and not f.text[c.source.start : c.source.end].split()[-1][:1].isupper()
    ):
        return False
    source = c.source.start
    return ends_clause(f.text, pos, c.sent.end) and after_comma(f.text, c.sent.start, source)


def passive(f: QuoteFinder, c: Cue) -> bool:
    """``it was first declared by ...``: the subject did not say it; no statement."""
    return not c.word.endswith("ing") and _PASSIVE.search(f.text, c.first, c.start) is not None


def long_source(f: QuoteFinder, c: Cue) -> bool:
    """``"...," Rep. Jim Jordan (R-Ohio), a panel member, said``: all of it the source."""
    if c.source is not None or not after_comma(f.text, c.sent.start, c.start):
        return False
    quotes = f.layout.quotes
    i = bisect_right(quotes.starts, c.start) - 1
    if i < 0 or quotes.ends[i] > c.start or c.start - quotes.ends[i] > 160:
        return False
    q = quotes[i]
    if not q.closed or q.end < c.sent.start or q.start in f.used_quotes:
        return False
    m = _CHAINED_SOURCE.fullmatch(f.text, q.end, c.start)
    if not m:
        return False
    f.direct(q, Span(c.start, c.end), Span(m.start(1), m.end(1)), c.sent)
    return True


def distant_subject(f: QuoteFinder, c: Cue) -> bool:
    """``Donna Rawlings, 59, who watched, said the ...``: the subject opens the sentence.

    Finds the source only (and always returns False): the patterns after
    this one read what was said.
    """
    text, sent = f.text, c.sent
    if c.source is not None:
        return False
    dashed = not after_comma(text, sent.start, c.start)  # "Kall -- co-editor of ... -- said"
    if dashed and not text[sent.start : c.start].rstrip().endswith(_DASHES):
        return False
    if f.closing_quote_before(c.start, sent) is not None:
        return False
    after = text[c.end : c.end + 4]
    if not after.strip() or (
        after.lstrip()[:1] in {",", ".", ";"} and not _COMMA_QUOTE.match(after)
    ):
        return False  # 'said, "...': what was said follows, as after no comma
    start = sent.start
    dateline = _DATELINE.match(text, start, c.start)
    if dateline:
        start = dateline.end()
    subject, end = subject_after(text, start, sent)
    party = _PARTY.match(text, end, c.start) if subject is not None else None
    if subject is not None and party:  # "Rep. Gregory W. Meeks (D-N.Y.), chairman of ..."
        subject, end = Span(subject.start, party.end()), party.end()
    if subject is not None and dashed:
        dash = _DASH_AFTER.match(text, end, c.start)
        end = dash.start(1) if dash else -1  # the dash stands for the comma
    if subject is None or end < 0 or text[end : end + 1] not in _APPOSITION_OPENERS:
        return False
    if end >= c.start - 2:
        return False
    if any(ch.isupper() for ch in text[subject.start : subject.end]):
        c.source, c.first = subject, c.start
    return False


def inverted(f: QuoteFinder, c: Cue) -> bool:
    """``"...," said Caddell`` and ``CONTENT, said the minister``: the source after the cue.

    Every cue still without a source ends here.
    """
    if c.source is not None:
        return False
    text, sent = f.text, c.sent
    closing = f.closing_quote_before(c.start, sent)
    if closing is None and not after_comma(text, sent.start, c.start):
        return True
    source = source_after(text, c.end, sent, quoted=True)
    if source is None or not (
        ends_clause(text, source.end, sent.end)
        or text[source.end : source.end + 2].strip()[:1] in {",", ";", ":", "—", "–", "("}
        or _ADJUNCT_START.match(text, source.end, sent.end)
    ):
        return True
    cue = Span(c.start, c.end)
    if closing is not None:
        f.direct(closing, cue, source, sent)
        return True
    if c.verb is not None and c.verb.clause_only:
        return True
    comma = text.rfind(",", sent.start, c.start)
    content = f.clean(sent.start, comma) if comma > sent.start else None
    if content is not None:
        f.add("indirect", content, cue, source)
    return True


def quotation_around(f: QuoteFinder, c: Cue) -> bool:
    """``"A," she said, "B."``: one statement around its cue."""
    reach(f, c)
    q = c.quote
    if q is None:
        return False
    before = f.closing_quote_before(c.known_source.start, c.sent)
    if before is None or before.start in f.used_quotes:
        return False
    f.used_quotes.add(q.start)
    merged = Span(before.content.start, q.content.end)
    f.add("direct", merged, c.span, c.source, quoted=before)
    return True


def named_as(f: QuoteFinder, c: Cue) -> bool:
    """``what he called "a disaster"``: a name for something, not a statement."""
    if c.source is None:
        return False
    reach(f, c)  # the quotation first: most cues have none, and then no regex is needed
    return c.quote is not None and (
        _WHAT_BEFORE.search(f.text, max(0, c.source.start - 8), c.source.start) is not None
    )


def quotation_after(f: QuoteFinder, c: Cue) -> bool:
    """``SOURCE said: "CONTENT"`` and ``..., saying "CONTENT"``: the quotation after the cue."""
    reach(f, c)
    q = c.quote
    if q is None or _opens_clause(f.text, q, c.sent):
        return False
    f.add("direct", q.content, c.span, c.source, quoted=q, follows=c.follows)
    return True


_FEW_WORDS = 3
_CLAUSE_GOES_ON = AUXILIARIES | MODALS | {"of", "and", "that"}
"""Words after a few quoted words that make them part of a clause: "will", "of", "and"."""


def _opens_clause(text: str, q: Quoted, sent: Span) -> bool:
    """``predicts "renovictions" will rise``: a few quoted words that the sentence goes on
    from are the subject of what was said, not all of it (the clause patterns read it)."""
    if len(text[q.content.start : q.content.end].split()) > _FEW_WORDS:
        return False
    rest = text[q.end : sent.end].split(None, 1)
    return bool(rest) and rest[0] in _CLAUSE_GOES_ON


def colon_after(f: QuoteFinder, c: Cue) -> bool:
    """``SOURCE said: CONTENT``, into the next paragraph when this one ends at the colon."""
    text = f.text
    colon = COLON.match(text, reach(f, c), c.sent.end)
    if not colon or ":" not in text[colon.start() : colon.end()]:
        return False
    f.colon(colon.end(), c.span, c.source, c.follows)
    return True


def that_clause(f: QuoteFinder, c: Cue) -> bool:
    """``SOURCE said (during a rally in Michigan) that CONTENT``."""
    text, end = f.text, c.sent.end
    pos = reach(f, c)
    that = THAT.match(text, pos, end) or (
        text.find("that", pos, end) >= 0 and _PHRASE_THEN_THAT.match(text, pos, end)
    )
    if not that or that.end() <= pos:
        return False
    content = f.clean(that.end(), reported_end(f, that.end(), end))
    if content is not None:
        f.add("indirect", content, c.span, c.source)
    return True


def object_infinitive(f: QuoteFinder, c: Cue) -> bool:
    """``SOURCE urged police to investigate``: what the person spoken to should do.

    Only for a verb that needs a clause and names the person spoken to
    (``clause_only`` and ``object``: "urge", "remind", "call on").
    """
    verb = c.verb
    if verb is None or not (verb.clause_only and verb.object):
        return False
    m = _OBJECT_TO.match(f.text, c.last, c.sent.end)
    if not m:
        return False
    content = f.clean(m.start(1), c.sent.end)
    if content is not None:
        f.add("indirect", content, c.span, c.source)
    return True


def quotation_before(f: QuoteFinder, c: Cue) -> bool:
    """``"CONTENT," she said several months later``: the quotation is what was said."""
    source = c.known_source
    closing = f.closing_quote_before(source.start, c.sent)
    if closing is None:
        return False
    reach(f, c)
    f.direct(closing, c.span, source, c.sent)
    return True


def clause_before(f: QuoteFinder, c: Cue) -> bool:
    """``CONTENT, SOURCE said.``; and ``A, SOURCE said, B.``, a sentence around its cue."""
    text, sent, source = f.text, c.sent, c.known_source
    pos = reach(f, c)
    if not (
        ends_clause(text, pos, sent.end)
        or text[pos : pos + 1] in {",", ";", "—", "–"}
        or _ADJUNCT_START.match(text, pos, sent.end)
    ):
        return False
    if c.strict and not _closing_report(f, c, pos):
        return True
    if source.start <= sent.start:
        return False  # "Trump said after the convention he ...": nothing before, read on
    interrupted = _INTERRUPTED.match(text, pos, sent.end)
    if interrupted and interrupted.group(1).lower() not in NOT_CONTINUATION:
        # "Acts of protest, Mr. Obama said, are acts of patriotism."
        content = f.clean(sent.start, sent.end)
        if content is not None:
            f.add("indirect", content, c.span, source)
        return True
    begin = sent.start
    lead = _FIRST_WORD.match(text, sent.start, source.start)
    if lead and lead.group(1).lower() in ADVERBIAL_OPENERS:
        # "In Moscow, he said": no content before the source; but
        # "At that distance, the truck could stop, he said" has one after the adverbial.
        comma = text.find(",", lead.end(), source.start)
        after = _FIRST_WORD.match(text, comma + 1, source.start) if comma > 0 else None
        if after is None or after.group(1).lower() in STOP_WORDS:
            return True
        begin = comma + 1
    content = f.clean(begin, source.start)
    if content is not None:
        f.add("indirect", content, c.span, source)
    return True


def _plural_report(f: QuoteFinder, c: Cue, pos: int) -> bool:
    """``The shelter residents report they want ...``: a noun form's base after a plural
    subject, a pronoun opening the clause after it, is the verb (a singular subject
    would say "reports"; "the union report they released" is a noun)."""
    verb, source = c.verb, c.source
    if verb is None or source is None or c.word != verb.base or c.word not in verb.noun_forms:
        return False
    if not f.text[source.start : source.end].endswith("s"):
        return False
    return _SUBJECT_PRONOUN.match(f.text, pos, c.sent.end) is not None


_NUMBER_WORD = (
    r"\s*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
    r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half|a\s+(?:third|quarter"
    r"|half|dozen|hundred|thousand|million|billion))\b)"
)
"""A number after "about": "said about 550 students attend" reports the number."""
_NO_CONTENT = regexes.compile(r"\s*(?:and\s|not\s+to\s+be\s+(?:named|identified|quoted|cited)\b)")
"""What after a cue says no more was reported: "said and did", "asked not to be identified"."""
_ABOUT = regexes.compile(r"\s*(?:[a-z]+ly\s+)?about\s(?!" + _NUMBER_WORD + r")")
_TOPIC_ONLY = frozenset({"say", "write"})
"""Verbs whose "about" gives a topic, not what was said: "what he said about Uber", "writes
extensively about the Kremlin" ("asked about", "told about" report a question, a story)."""
_SUBJECT_PRONOUN = regexes.compile(r"\s*(?:they|we|he|she|it)\b")


def _added_to(f: QuoteFinder, c: Cue, pos: int) -> bool:
    """``Nova Scotia added the drug group to its program``: "add" with a thing, then "to"
    and what it joins, and no verb between ("added the deal was important to ..." reports)
    nor a colon or a quotation after ("added a warning to the crew: ...")."""
    if c.verb is None or c.verb.base != "add":
        return False
    m = _ADDED_TO.match(f.text, pos, c.sent.end)
    return (
        m is not None
        and not any(w.lower() in _AUX_OR_MODAL for w in m.group(1).split())
        and _COLON_OR_QUOTE.search(f.text, m.end(), c.sent.end) is None
    )


_AUX_OR_MODAL = AUXILIARIES | MODALS
_COLON_OR_QUOTE = regexes.compile('[:"“”]')


def clause_after(f: QuoteFinder, c: Cue) -> bool:
    """``SOURCE said CONTENT``: the rest of the sentence (not "said to ...", "said no")."""
    text = f.text
    pos = reach(f, c)
    if c.strict and not _plural_report(f, c, pos):
        return True
    rest = text[pos : pos + 4].lower()
    if rest.lstrip().startswith(("to ", "so ", "no.", "yes")) or text[pos : pos + 1] in ".,":
        return True
    if _NO_CONTENT.match(text, pos, c.sent.end) or (
        c.verb is not None and c.verb.base in _TOPIC_ONLY and _ABOUT.match(text, pos, c.sent.end)
    ):
        return True  # "who asked not to be identified", "who writes about": no statement
    where = _PLACE_ONLY.match(text, pos, c.sent.end)
    if where or _added_to(f, c, pos):
        return True  # "Ortega said in Lisbon, where the ferry docked": no content
    lead = _LEADING_ADJUNCT.match(text, pos, c.sent.end)
    if lead:
        pos = lead.end()  # "said after the convention he would ...": the clause after it
    end = reported_end(f, pos, c.sent.end)
    if c.source is not None and text[c.source.start : c.source.end] in RELATIVES:
        comma = text.find(",", pos, end)  # "The firm, which said it would cut jobs, hired"
        if comma > pos and after_comma(text, c.sent.start, c.source.start):
            end = comma
    content = f.clean(pos, end)
    if content is not None:
        f.add("indirect", content, c.span, c.source)
    return True
