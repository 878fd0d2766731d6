"""Where what a reporting cue introduces starts and ends, for the patterns.

Past the person told ("told reporters") and a short adjunct ("said on
Monday", "in a statement"), a "that" or a quotation may open; a reported
clause ends at a semicolon or where its speaker acts again ("... and
warned"). Every look-around is bounded, so the work stays linear in the text.
"""

from __future__ import annotations

import re

from reader import regexes
from reader.analysis.layout import Quoted
from reader.analysis.quotes import Cue, QuoteFinder
from reader.spans import Span

_TIME = (
    r"(?:(?:on|last|this|late|early|earlier|later)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|today|yesterday|tonight|(?:this|last|on\s+\w+)\s+"
    r"(?:morning|afternoon|evening|night|week|month|year))(?:\s+(?:morning|afternoon|evening|"
    r"night))?"
)
_VENUE = (
    r"(?:in|at|during|on|via|through)\s+(?:a|an|the|his|her|their|its)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:statement|interview|op-ed|letter|post|tweet|email|e-mail|"
    r"speech|address|report|memo|note|briefing|release|conference|rally|hearing|meeting|"
    r"summit|session|event|call|appearance|message|video|podcast|broadcast|debate)s?\b"
    r"(?:\s+(?:to|with)\s+[^,.;:\"“”]{1,40}?(?=[,.;:]))?"
    r"|on\s+(?:Twitter|Facebook|Instagram|television|TV|radio|X)\b"
    r"|(?:via|by)\s+(?:e-?mail|text|phone|telephone|Twitter|video|letter)\b"
    r"|(?!only\b|early\b)[a-z]+ly\b(?=\s*[,.;:])"
)
ADJUNCT = regexes.compile(r"(?:\s*,?\s*(?:" + _TIME + r"|" + _VENUE + r"))+")
"""When and where it was said: "on Monday", "in a statement", "angrily"."""
_CONNECTIVE = regexes.compile(
    r"\s*,?\s*(?:however|though|instead|nevertheless|meanwhile|too|again|moreover|furthermore"
    r"|in\s+(?:his|her|their|its)\s+turn(?:\s+to\s+[^,.;:\"“”]{1,40}?)?)(?=\s*[,.;:])"
)
"""A connective between the verb and what was said, no part of the cue: "said, however,
that", "joked in his turn to answer the question, “...”"."""
TELL_OBJECT = regexes.compile(
    r"\s+(?:me|him|her|us|them|you|reporters|journalists|lawmakers|supporters|"
    r"(?:a\s+|the\s+)?[a-z]+(?:\s+[a-z]+)?(?=\s+that\b)|"
    r"(?:the|a|an)\s+[\w'’-]+(?:\s+[\w'’-]+)?|"
    r"[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|for|the))*)(?=[\s,.:;])"
)
"""The person spoken to, after a verb with ``object = true``: "told reporters"."""
THAT = regexes.compile(r"\s*,?\s*that\b\s*", re.IGNORECASE)
_OPEN_AFTER = regexes.compile(r"\s*[,:]?\s*(?=[\"“]|'')")
COLON = regexes.compile(r"\s*:\s*")
_REPORTED_STOP = regexes.compile(
    r";|,?\s+and\s+(?:also\s+|then\s+)?(?:said|says|added|warned|told|urged|encouraged|"
    r"called|insisted|vowed|promised|argued|noted|accused|blasted|praised|criticized|"
    r"criticised|announced|pledged|declined|refused)\b"
)
"""A semicolon, or "and" before a verb of what the speaker did next."""


def after_comma(text: str, lo: int, pos: int) -> bool:
    """Whether ``text[lo:pos]`` ends with a comma, white space apart."""
    j = pos
    while j > lo and text[j - 1].isspace():
        j -= 1
    return j > lo and text[j - 1] == ","


def ends_clause(text: str, pos: int, end: int) -> bool:
    """Nothing but closing punctuation between ``pos`` and the end of the sentence."""
    return not text[pos:end].strip(" \t\n.!?;,\"”’'")


def reported_end(f: QuoteFinder, pos: int, end: int) -> int:
    """Where a reported clause ends: at a semicolon, or where its speaker acts again.

    ``he would review the defences and warned against hackers``: the second
    verb is the speaker's, not what was said. Marks inside a quotation do
    not count.
    """
    text = f.text
    if text.find(";", pos, end) < 0 and text.find("and", pos, end) < 0:
        return end  # neither a semicolon nor an "and": no stop (a quick test first)
    for m in _REPORTED_STOP.finditer(text, pos, end):
        if not f.layout.in_quote(m.start()) and m.start() > pos:
            return m.start()
    return end


def reach(f: QuoteFinder, c: Cue) -> int:
    """Where what a finite cue introduces starts: past the person told and an adjunct.

    A short adjunct right after the verb belongs to the cue ("said on Monday").
    Also notes the quotation that opens there, if one does.
    """
    if c.rest < 0:
        text, end = f.text, c.sent.end
        pos = c.end
        if c.verb is not None and c.verb.object:
            obj = TELL_OBJECT.match(text, pos, end)
            if obj:
                pos = obj.end()
        connective = _CONNECTIVE.match(text, pos, end)
        if connective:
            pos = connective.end()
        adj = ADJUNCT.match(text, pos, end)
        if adj and adj.end() > pos:
            if pos == c.end and adj.end() - c.end <= 40:
                c.last = adj.end()
            pos = adj.end()
        connective = _CONNECTIVE.match(text, pos, end)  # "said on Monday, however, that"
        if connective:
            pos = connective.end()
        c.rest = pos
        c.quote = quote_opening(f, pos, c.sent)
    return c.rest


def quote_opening(f: QuoteFinder, pos: int, sent: Span) -> Quoted | None:
    """A quotation opening at ``pos``, a comma or a colon apart."""
    opening = _OPEN_AFTER.match(f.text, pos, sent.end + 2)
    return f.layout.quote_starting_at(opening.end()) if opening else None
