"""The quote finder's state: the statements found so far, and the cue being read.

Finding the statements of a text is a sequence of passes over one
``QuoteFinder`` (named in ``pipeline``): the reporting cues are read in
their sentences (``cues``, with the patterns of ``patterns``), then come
transcript turns and headline names, quotations with no cue of their own,
and contents cut where the next statement begins (``passes``). The finder
holds the text, its layout and what was found; here are also the steps
every pattern shares: keeping a statement, trimming its content, finding
the quotation next to a cue.

Who a source is (a name, a role, a pronoun) is decided later by the
speakers module; here a source is only a span of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from reader import regexes
from reader.analysis.found import Found
from reader.analysis.layout import REACH, Layout, Quoted
from reader.analysis.model import QuoteKind
from reader.analysis.trie import compile_words
from reader.analysis.vocabulary import VERB_FORMS, Verb
from reader.records import record
from reader.spans import Span

# Lower case and Capitalised forms spelled out: faster than a case-blind match.
CUES = compile_words(
    f for form in (*VERB_FORMS, "according to") for f in (form, form[0].upper() + form[1:])
)
"""Every reporting cue: a form of a reporting verb, or "according to"."""

_WS = regexes.compile(r"\s*")
_OWN_CUE_REACH = 60
"""How far after a quotation its own cue may stand (``"B," the minister of trade said``)."""
_LEADING_THAT = regexes.compile(r"\A[\s,]*that(?=[\s,])[\s,]*", re.IGNORECASE)
"""A "that" opening a content, and the commas about it: "said that, in addition, ..."."""
_TRAIL_WORDS = regexes.compile(
    r"(?:[\s,;:—–-]+(?:and|but|though|although|while|as|even|so|because|which|when|"
    r"where|after|before|with|since))+[\s,;:—–-]*\Z",
    re.IGNORECASE,
)
_TRAIL_SEPARATORS = ",;:—–-"
_TRAIL_LAST_LETTERS = frozenset("dehnorstDEHNORSTſ")
"""What the last letter of a ``_TRAIL_WORDS`` word can be, cases as the regex ignores them."""


def _may_trail(tail: str) -> bool:
    """Whether ``_TRAIL_WORDS`` can match: the last letter before trailing separators fits.

    Most content ends in a word that is no connective; this skips trying the
    regex at each of its last eighty characters.
    """
    k = len(tail)
    while k and (tail[k - 1].isspace() or tail[k - 1] in _TRAIL_SEPARATORS):
        k -= 1
    return k > 0 and tail[k - 1] in _TRAIL_LAST_LETTERS


_PARTIAL_LEAD = regexes.compile(r"\s*([^\s\"“”:;][^\"“”:;]*?\w[^\"“”:;]*?\s\w[^\"“”:;]*?)\s*")
"""Words of the sentence before a quotation that opens inside it (no marks, colons)."""
_NOT_IN_LEAD = regexes.compile(r"[\"“”:;]")
"""The characters no ``_PARTIAL_LEAD`` match holds: where one stands, the regex is not run
(it backtracks at length before failing)."""
_ENOUGH_WORDS = regexes.compile(r"\S+\s+\S+\s+\S")
"""Content has at least three words."""
_AFTER_ALL = 1 << 62  # sorts after every offset
_QUESTION_CLOSED = regexes.compile(r"[?!][’']?(?:[\"”]|'')\Z")
_CLOSING_LAST = frozenset("\"”'")
"""The last character of every ``_QUESTION_CLOSED`` match."""


@record(slots=True, eq=False)
class Cue:
    """One reporting cue read in its sentence, and what the patterns learn about it."""

    start: int  # the cue's words: "said", "according to"
    end: int
    word: str  # in lower case, single spaces
    verb: Verb | None  # None for "according to"
    sent: Span  # its sentence
    source: Span | None = None  # who said it, once found
    first: int = -1  # the start of the cue with its auxiliaries ("has also said")
    last: int = -1  # the end of the cue with a short adjunct ("said on Monday")
    rest: int = -1  # where what the cue introduces starts, once known
    quote: Quoted | None = None  # the quotation opening there, if any
    follows: int | None = None  # the statement in the sentence whose speaker it shares
    initial: bool = False  # a participle opening its sentence ("Stressing that ...")

    @property
    def span(self) -> Span:
        """The cue as a statement's cue: with its auxiliaries and adjunct."""
        return Span(self.first, self.last)

    @property
    def known_source(self) -> Span:
        """The source, where a pattern can count on one (after ``finite_patterns.inverted``)."""
        if self.source is None:
            raise ValueError("this cue has no source yet")
        return self.source

    @property
    def strict(self) -> bool:
        """Only a cue when "that", a quotation or a colon follows (``vocabulary.toml``)."""
        verb = self.verb
        return verb is not None and (verb.clause_only or self.word in verb.noun_forms)


class QuoteFinder:
    """One text, its layout, and the statements found in it so far."""

    def __init__(self, text: str, layout: Layout, skip: list[Span]) -> None:
        self.text = text
        self.layout = layout
        # paragraphs read as posts, and links to other stories
        self._skip = sorted({(s.start, s.end) for s in (*skip, *layout.link_lines())})
        self.found: list[Found] = []
        self.used_quotes: set[int] = set()  # start offsets of quoted stretches attributed

    @property
    def skipped_spans(self) -> list[tuple[int, int]]:
        """The paragraphs read as something else, as sorted ``(start, end)`` pairs."""
        return self._skip

    def skipped(self, pos: int) -> bool:
        """Whether ``pos`` is in a paragraph read as something else."""
        if not self._skip:
            return False
        i = bisect_right(self._skip, (pos, _AFTER_ALL)) - 1  # paragraphs never overlap
        return i >= 0 and pos < self._skip[i][1]

    def add(
        self,
        kind: QuoteKind,
        content: Span | None,
        cue: Span | None,
        source: Span | None,
        *,
        quoted: Quoted | None = None,
        follows: int | None = None,
    ) -> None:
        """Keep a statement, unless it has nobody to say it or its quotation is taken."""
        if source is None and follows is None:
            return
        if quoted is not None:
            if quoted.start in self.used_quotes:
                return
            self.used_quotes.add(quoted.start)
        self.found.append(Found(kind, content, cue, source, follows))

    def clean(self, start: int, end: int) -> Span | None:
        """Content between two offsets, without a leading "that" or comma, edges or closing
        stops."""
        text = self.text
        if end <= start:
            return None
        chunk = text[start:end]
        lead = _LEADING_THAT.match(chunk)
        if lead:
            start += lead.end()
            chunk = chunk[lead.end() :]
        stripped = chunk.lstrip().lstrip(",").lstrip()  # any white space (NBSP too)
        start += len(chunk) - len(stripped)
        cut = max(0, len(stripped) - 80)  # trailing connectives sit in the last words
        tail = stripped[cut:]
        if _may_trail(tail):
            stripped = stripped[:cut] + _TRAIL_WORDS.sub("", tail)
        stripped = stripped.rstrip(" \t\n.,;:!?—–-")
        if not _ENOUGH_WORDS.match(stripped):
            return None
        return Span(start, start + len(stripped))

    def closing_quote_before(self, pos: int, sent: Span) -> Quoted | None:
        """A quotation whose closing mark sits just before ``pos`` (commas and spaces apart)."""
        text = self.text
        j = pos
        while j > sent.start and text[j - 1] in " \t\n,":
            j -= 1
        if j == sent.start:
            j = self._question_before(j)
        if j <= 0 or not (text[j - 1] in '"”' or text[j - 2 : j] == "''"):
            return None
        return self.layout.quote_ending_at(j)

    def _question_before(self, start: int) -> int:
        """``"Are there prizes?" Lincicome asked``: a sentence opening with its source.

        A quotation closing on a question or an exclamation mark ends a
        sentence; when the next one opens with the cue's source, that
        quotation is what was said. The closing mark's end, or ``start``.
        """
        text = self.text
        k = start
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        if k == start or text[k - 1] not in _CLOSING_LAST:
            return start  # most sentences: no closing mark before; the paragraph not needed
        lo = self.layout.paragraph_of(start).start
        if k < lo:
            return start  # the white space runs back into the paragraph before
        if not _QUESTION_CLOSED.search(text, max(lo, k - 4), k):
            return start
        return k

    def last_in(self, sent: Span) -> int | None:
        """The index of the last statement found in ``sent``, if any."""
        for i in range(len(self.found) - 1, -1, -1):
            f = self.found[i]
            anchor = f.cue or f.source
            if anchor is None or anchor.start < sent.start:
                return None
            if anchor.start < sent.end:
                return i
        return None

    def direct(self, q: Quoted, cue: Span, source: Span, sent: Span) -> None:
        """A quotation before its attribution, joined with the one that resumes after it.

        ``"A," he said, "B."`` and ``"A," he said. "B."`` are one statement
        when both quotations sit in the same paragraph.
        """
        text = self.text
        content = q.content
        lead = (
            _PARTIAL_LEAD.fullmatch(text, sent.start, q.start)
            if sent.start < q.start and not _NOT_IN_LEAD.search(text, sent.start, q.start)
            else None
        )
        if lead:
            # 'Using the tax ''is a misguided approach,'' he said': the whole clause was said.
            content = Span(lead.start(1), content.end)
        para = self.layout.paragraph_of(q.start)
        for after in (cue.end, sent.end):
            gap = _WS.match(text, after, para.end)
            p = gap.end() if gap else after
            if text[p : p + 1] in {",", ".", ";", ":"}:
                gap = _WS.match(text, p + 1, para.end)
                p = gap.end() if gap else p + 1
            nxt = self.layout.quote_starting_at(p) if p < para.end else None
            if (
                nxt is not None
                and nxt.start not in self.used_quotes
                and nxt.start > q.start
                and not self._attributed_after(nxt, para.end)
            ):
                self.used_quotes.add(nxt.start)
                content = Span(content.start, nxt.content.end)
                break
        self.add("direct", content, cue, source, quoted=q)

    def _attributed_after(self, q: Quoted, para_end: int) -> bool:
        """``"B," said Smith``: a quotation with a cue of its own right after it."""
        window = min(para_end, q.end + _OWN_CUE_REACH)
        stop = self.text.find(".", q.end, window)
        return CUES.search(self.text, q.end, window if stop < 0 else stop) is not None

    def colon(self, pos: int, cue: Span, source: Span | None, follows: int | None) -> None:
        """What follows a colon: the rest of the paragraph, or the next one if it is empty."""
        para = self.layout.paragraph_of(cue.start)
        end = para.end
        if pos >= end:
            idx = self.layout.paragraph_index(cue.start) + 1
            if idx >= len(self.layout.paragraphs):
                return
            nxt = self.layout.paragraphs[idx]
            pos, end = nxt.start, nxt.end
        end = min(end, pos + 2 * REACH)
        q = self.layout.quote_starting_at(pos)
        if q is not None:
            self.add("direct", q.content, cue, source, quoted=q, follows=follows)
            return
        content = self.clean(pos, end)
        if content is not None:
            self.add("indirect", content, cue, source, follows=follows)
