"""Find attributed statements: what was said, the reporting cue, and the source words.

One whole-text regex finds every reporting cue (said, told, according to,
stressing, ...). Each cue is then read in its sentence with small local
patterns of English reporting syntax:

- ``SOURCE said (that) CONTENT`` and ``SOURCE told OBJECT (that) CONTENT``
- ``CONTENT, SOURCE said.`` and ``CONTENT, said SOURCE.``
- ``"CONTENT," SOURCE said`` and ``SOURCE said: "CONTENT"`` (direct quotes)
- ``SOURCE said: CONTENT`` (colon quotes, also into the next paragraph)
- ``according to SOURCE, CONTENT`` and ``CONTENT, according to SOURCE``
- ``..., stressing that CONTENT`` and ``Stressing that CONTENT, SOURCE ...``
- ``"A," SOURCE said, "B."`` (one statement around its cue) and ``A, SOURCE
  said, B.`` (an interrupted sentence)
- ``"...," Rep. Jane Roe (D-NY), a panel member, said`` (long sources)
- ``ROE: ...`` transcript turns, and a quotation with no cue of its own
  continuing the last speaker of its paragraph

Quotation marks may be curly, straight or two apostrophes; a quotation may
run over paragraphs or have lost its opening mark (see ``layout``). Every
look-around is bounded, so the work stays linear in the text.

Who the source is (a name, a role, a pronoun) is decided later by the
speakers module; here a source is only a span of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from reader.analysis.found import Found
from reader.analysis.layout import REACH, Layout, Quoted
from reader.analysis.model import QuoteKind
from reader.analysis.phrases import (
    source_according_to,
    source_after,
    source_before,
    subject_after,
)
from reader.analysis.trie import compile_words
from reader.analysis.vocabulary import (
    ADVERBIAL_OPENERS,
    NOT_CONTINUATION,
    PARTICIPLES,
    VERB_FORMS,
)
from reader.spans import Span

# Lower case and Capitalised forms spelled out: faster than a case-blind match.
CUES = compile_words(
    f for form in (*VERB_FORMS, "according to") for f in (form, form[0].upper() + form[1:])
)

_WS = re.compile(r"\s*")
_OWN_CUE_REACH = 60
"""How far after a quotation its own cue may stand (``"B," the minister of trade said``)."""
_THAT = re.compile(r"\s*,?\s*that\b\s*", re.IGNORECASE)
_OPEN_AFTER = re.compile(r"\s*[,:]?\s*(?=[\"“]|'')")
_COLON = re.compile(r"\s*:\s*")
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
_ADJUNCT = re.compile(r"(?:\s*,?\s*(?:" + _TIME + r"|" + _VENUE + r"))+")
_TELL_OBJECT = re.compile(
    r"\s+(?:me|him|her|us|them|you|reporters|journalists|lawmakers|supporters|"
    r"(?:a\s+|the\s+)?[a-z]+(?:\s+[a-z]+)?(?=\s+that\b)|"
    r"(?:the|a|an)\s+[\w'’-]+(?:\s+[\w'’-]+)?|"
    r"[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|for|the))*)(?=[\s,.:;])"
)
_PHRASE_THEN_THAT = re.compile(
    r"\s+(?:in|at|on|during|after|before|to|via|with|from|by|through|outside|inside)\s"
    r"[^\"“”;:]{1,70}?,?\s+that\s+"
)
_LEADING_THAT = re.compile(r"\A\s*that\s+", re.IGNORECASE)
_TRAIL_WORDS = re.compile(
    r"(?:[\s,;:—–-]+(?:and|but|though|although|while|as|even|so|because|which|when|"
    r"where|after|before|with|since))+[\s,;:—–-]*\Z",
    re.IGNORECASE,
)
_ADJUNCT_START = re.compile(
    r"\s*,?\s*(?:following|after|before|during|at|in|on|when|while|as|adding|noting|"
    r"speaking|citing|referring|without|despite|amid|from|to\s+(?:reporters|journalists)|"
    r"via|through|with)\b"
)
_FIRST_WORD = re.compile(r"\s*[\"“‘']?(\w+)")
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\b", re.IGNORECASE)
_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|been|be|[’']s)\s+\Z")
_CHAINED_SOURCE = re.compile(r"\s*,?\s*([A-Z][^\"“”\n]*?)[\s,]*")
_INTERRUPTED = re.compile(r",\s+([a-z][\w'’-]*)")
_DATELINE = re.compile(r"[A-Z][A-Z .,'’-]{1,40}(?:\([^)]{0,30}\))?\s*(?:--|—|–)\s*")
_TRANSCRIPT = re.compile(r"[\"“]?([A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,2}):\s+\S")
_HEADLINE_NAME = re.compile(r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}(?=:\s+\S)")
_ENOUGH_WORDS = re.compile(r"\S+\s+\S+\s+\S")
"""Content has at least three words."""


class QuoteFinder:
    """Reads every cue of one text in its sentence; see the module docstring."""

    def __init__(self, text: str, layout: Layout, skip: list[Span]) -> None:
        self.text = text
        self.layout = layout
        self.skip = skip  # paragraphs read as something else (embedded posts)
        self.found: list[Found] = []
        self.used_quotes: set[int] = set()  # start offsets of quoted stretches attributed

    # ----------------------------------------------------------------- entry

    def run(self) -> list[Found]:
        text = self.text
        for m in CUES.finditer(text):
            start = m.start()
            if self.layout.in_quote(start) or self._skipped(start):
                continue
            word = " ".join(m.group().lower().split())
            if word == "according to":
                self._according(m.start(), m.end())
            elif word in PARTICIPLES and not _PROGRESSIVE.search(text, max(0, start - 8), start):
                self._participle(m.start(), m.end(), word)
            elif word in PARTICIPLES:
                self._finite(m.start(), m.end(), word)  # "Trump is warning voters that ..."
            elif m.group()[0].islower():
                self._finite(m.start(), m.end(), word)
        self._headline_speakers()
        self._unattributed_quotes()
        self._cut_overlaps()
        return self.found

    def _skipped(self, pos: int) -> bool:
        return any(s.start <= pos < s.end for s in self.skip)

    # ------------------------------------------------------------------- cues

    def _finite(self, cue_start: int, cue_end: int, word: str) -> None:
        text = self.text
        verb = VERB_FORMS[word]
        strict = verb.clause_only or word in verb.noun_forms
        sent = self.layout.sentence_of(cue_start)
        source, cue0 = source_before(self.text, sent, cue_start)
        if not word.endswith("ing") and _PASSIVE.search(text, cue0, cue_start):
            return  # "it was first declared by ...": the subject did not say it
        if source is None and text[sent.start : cue_start].rstrip().endswith(","):
            # '"...," Rep. Jim Jordan (R-Ohio), a panel member, said': a long source.
            chained = self._source_after_quote(sent, cue_start)
            if chained is not None:
                q, source = chained
                self._direct(q, Span(cue_start, cue_end), source, sent)
                return
        if source is None:
            closing = self._closing_quote_before(cue_start, sent)
            if closing is None and text[sent.start : cue_start].rstrip().endswith(","):
                source = self._distant_subject(sent, cue_start, cue_end)
                cue0 = cue_start
            if source is None:
                if closing is not None or text[sent.start : cue_start].rstrip().endswith(","):
                    self._inverted(cue_start, cue_end, verb.clause_only, sent, closing)
                return
        cue = Span(cue0, cue_end)
        pos = cue_end
        if verb.object:
            obj = _TELL_OBJECT.match(text, pos, sent.end)
            if obj:
                pos = obj.end()
        adj = _ADJUNCT.match(text, pos, sent.end)
        if adj and adj.end() > pos:
            if pos == cue_end and adj.end() - cue_end <= 40:
                cue = Span(cue0, adj.end())
            pos = adj.end()
        # What the cue introduces: a quotation, a colon, a clause, or what came before.
        opening = _OPEN_AFTER.match(text, pos, min(len(text), sent.end + 2))
        if opening:
            q = self.layout.quote_starting_at(opening.end())
            if q is not None:
                before = self._closing_quote_before(source.start, sent)
                if before is not None and before.start not in self.used_quotes:
                    # '"A," she said, "B."': one statement around its cue.
                    self.used_quotes.add(q.start)
                    merged = Span(before.content.start, q.content.end)
                    self._add("direct", merged, cue, source, quoted=before)
                else:
                    self._add("direct", q.content, cue, source, quoted=q)
                return
        colon = _COLON.match(text, pos, sent.end)
        if colon and ":" in text[colon.start() : colon.end()]:
            self._colon(colon.end(), cue, source)
            return
        that = _THAT.match(text, pos, sent.end) or _PHRASE_THEN_THAT.match(text, pos, sent.end)
        if that and that.end() > pos:
            # "said (during a rally in Michigan) that CONTENT"
            content = self._clean(that.end(), sent.end)
            if content is not None:
                self._add("indirect", content, cue, source)
            return
        closing = self._closing_quote_before(source.start, sent)
        if closing is not None:
            # '"...," she said several months later': the quotation is what was said.
            self._direct(closing, cue, source, sent)
            return
        if (
            _ends_clause(text, pos, sent.end)
            or text[pos : pos + 1] in {",", ";", "—", "–"}
            or _ADJUNCT_START.match(text, pos, sent.end)
        ):
            closing = self._closing_quote_before(source.start, sent)
            if closing is not None:
                self._direct(closing, cue, source, sent)
                return
            if strict or source.start <= sent.start:
                return
            interrupted = _INTERRUPTED.match(text, pos, sent.end)
            if interrupted and interrupted.group(1).lower() not in NOT_CONTINUATION:
                # "Acts of protest, Mr. Obama said, are acts of patriotism."
                content = self._clean(sent.start, sent.end)
                if content is not None:
                    self._add("indirect", content, cue, source)
                return
            lead = _FIRST_WORD.match(text, sent.start, source.start)
            if lead and lead.group(1).lower() in ADVERBIAL_OPENERS:
                return
            content = self._clean(sent.start, source.start)
            if content is not None:
                self._add("indirect", content, cue, source)
            return
        if strict:
            return
        rest = text[pos : pos + 4].lower()
        if rest.lstrip().startswith(("to ", "so ", "no.", "yes")) or text[pos : pos + 1] in ".,":
            return
        content = self._clean(pos, sent.end)
        if content is not None:
            self._add("indirect", content, cue, source)

    def _direct(self, q: Quoted, cue: Span, source: Span, sent: Span) -> None:
        """A quotation before its attribution, joined with the one that resumes after it.

        ``"A," he said, "B."`` and ``"A," he said. "B."`` are one statement
        when both quotations sit in the same paragraph.
        """
        text = self.text
        content = q.content
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
                content = Span(q.content.start, nxt.content.end)
                break
        self._add("direct", content, cue, source, quoted=q)

    def _attributed_after(self, q: Quoted, para_end: int) -> bool:
        """``"B," said Smith``: a quotation with a cue of its own right after it."""
        window = min(para_end, q.end + _OWN_CUE_REACH)
        stop = self.text.find(".", q.end, window)
        return CUES.search(self.text, q.end, window if stop < 0 else stop) is not None

    def _inverted(
        self, cue_start: int, cue_end: int, clause_only: bool, sent: Span, closing: Quoted | None
    ) -> None:
        """``"...," said Caddell`` and ``CONTENT, said the minister``."""
        text = self.text
        pos = cue_end
        source = source_after(text, pos, sent)
        if source is not None and not (
            _ends_clause(text, source.end, sent.end)
            or text[source.end : source.end + 2].strip()[:1] in {",", ";", ":", "—", "–", "("}
            or _ADJUNCT_START.match(text, source.end, sent.end)
        ):
            source = None
        if source is None:
            # ``"...," Lavrov said``: the source sits between the quotation and the cue.
            source, cue0 = source_before(self.text, sent, cue_start)
            if source is None or closing is None:
                return
            self._direct(closing, Span(cue0, cue_end), source, sent)
            return
        cue = Span(cue_start, cue_end)
        if closing is not None:
            self._direct(closing, cue, source, sent)
            return
        if clause_only:
            return
        comma = text.rfind(",", sent.start, cue_start)
        content = self._clean(sent.start, comma) if comma > sent.start else None
        if content is not None:
            self._add("indirect", content, cue, source)

    def _participle(self, cue_start: int, cue_end: int, word: str) -> None:
        """``..., saying (that) CONTENT`` and ``Stressing that CONTENT, SOURCE ...``."""
        text = self.text
        sent = self.layout.sentence_of(cue_start)
        lead = text[sent.start : cue_start].strip()
        initial = lead == "" or lead.lower() in {"while", "after", "before", "when"}
        if not initial and not text[sent.start : cue_start].rstrip().endswith((",", "—", "–")):
            return
        pos = cue_end
        adj = _ADJUNCT.match(text, pos, sent.end)
        if adj:
            pos = adj.end()
        verb = VERB_FORMS[word]
        if verb.object:
            obj = _TELL_OBJECT.match(text, pos, sent.end)
            if obj:
                pos = obj.end()
        that = _THAT.match(text, pos, sent.end)
        has_that = bool(that and that.end() > pos)
        if has_that:
            pos = that.end()
        elif verb.clause_only:
            return
        cue = Span(cue_start, cue_end)
        follows = None if initial else self._last_in(sent)
        source = None
        if follows is not None:
            source = self.found[follows].source
        elif not initial:
            source, _ = subject_after(text, sent.start, sent)  # "He defended it, saying ..."
            if source is None:
                return
        opening = _OPEN_AFTER.match(text, pos, sent.end + 2)
        q = self.layout.quote_starting_at(opening.end()) if opening else None
        if q is not None and not initial:
            self._add("direct", q.content, cue, source, quoted=q, follows=follows)
            return
        colon = _COLON.match(text, pos, sent.end)
        if colon and ":" in text[colon.start() : colon.end()] and not initial:
            self._colon(colon.end(), cue, source, follows=follows)
            return
        if initial:
            comma = text.rfind(",", pos, sent.end)
            if comma < 0:
                return
            source, _ = subject_after(text, comma + 1, sent)
            content = self._clean(pos, comma)
            if source is not None and content is not None:
                self._add("indirect", content, cue, source)
            return
        content = self._clean(pos, sent.end)
        if content is not None:
            self._add("indirect", content, cue, source, follows=follows)

    def _source_after_quote(self, sent: Span, cue_start: int) -> tuple[Quoted, Span] | None:
        """The words between a closing quotation mark and a cue: a source with appositions."""
        i = bisect_right(self.layout.quote_starts, cue_start) - 1
        if i < 0:
            return None
        q = self.layout.quotes[i]
        if not q.closed or q.end > cue_start or q.end < sent.start or cue_start - q.end > 160:
            return None
        if q.start in self.used_quotes:
            return None
        m = _CHAINED_SOURCE.fullmatch(self.text, q.end, cue_start)
        if not m:
            return None
        return q, Span(m.start(1), m.end(1))

    def _distant_subject(self, sent: Span, cue_start: int, cue_end: int) -> Span | None:
        """``Donna Rawlings, 59, who watched, said the ...``: the subject opens the sentence."""
        text = self.text
        after = text[cue_end : cue_end + 2]
        if not after.strip() or after.lstrip()[:1] in {",", ".", ";"}:
            return None
        start = sent.start
        dateline = _DATELINE.match(text, start, cue_start)
        if dateline:
            start = dateline.end()
        subject, end = subject_after(text, start, sent)
        if subject is None or text[end : end + 1] != "," or end >= cue_start - 2:
            return None
        if not any(c.isupper() for c in text[subject.start : subject.end]):
            return None
        return subject

    def _according(self, cue_start: int, cue_end: int) -> None:
        text = self.text
        sent = self.layout.sentence_of(cue_start)
        source = source_according_to(text, cue_end, sent)
        if source is None:
            return
        cue = Span(cue_start, cue_end)
        lead = text[sent.start : cue_start].strip(" ,\n\t").lower()
        if lead in {"", "but", "and", "yet", "so", "also", "however"}:
            after = _WS.match(text, source.end, sent.end)
            pos = after.end() if after else source.end
            if text[pos : pos + 1] == ",":
                pos += 1
            content = self._clean(pos, sent.end)
        else:
            content = self._clean(sent.start, cue_start)
            if content is None:
                content = self._clean(source.end, sent.end)
        if content is not None:
            self._add("indirect", content, cue, source)

    def _colon(self, pos: int, cue: Span, source: Span | None, follows: int | None = None) -> None:
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
            self._add("direct", q.content, cue, source, quoted=q, follows=follows)
            return
        content = self._clean(pos, end)
        if content is not None:
            self._add("indirect", content, cue, source, follows=follows)

    # ---------------------------------------------------------------- helpers

    def _closing_quote_before(self, pos: int, sent: Span) -> Quoted | None:
        """A quotation whose closing mark sits just before ``pos`` (commas and spaces apart)."""
        text = self.text
        j = pos
        while j > sent.start and text[j - 1] in " \t\n,":
            j -= 1
        if j <= 0 or not (text[j - 1] in '"”' or text[j - 2 : j] == "''"):
            return None
        return self.layout.quote_ending_at(j)

    def _clean(self, start: int, end: int) -> Span | None:
        """Content between two offsets, without a leading "that", edges or closing stops."""
        text = self.text
        if end <= start:
            return None
        chunk = text[start:end]
        lead = _LEADING_THAT.match(chunk)
        if lead:
            start += lead.end()
            chunk = chunk[lead.end() :]
        stripped = chunk.lstrip()
        start += len(chunk) - len(stripped)
        cut = max(0, len(stripped) - 80)  # trailing connectives sit in the last words
        stripped = stripped[:cut] + _TRAIL_WORDS.sub("", stripped[cut:])
        stripped = stripped.rstrip(" \t\n.,;:!?—–-")
        if not _ENOUGH_WORDS.match(stripped):
            return None
        return Span(start, start + len(stripped))

    def _last_in(self, sent: Span) -> int | None:
        for i in range(len(self.found) - 1, -1, -1):
            f = self.found[i]
            anchor = f.cue or f.source
            if anchor is None or anchor.start < sent.start:
                return None
            if anchor.start < sent.end:
                return i
        return None

    def _add(
        self,
        kind: QuoteKind,
        content: Span | None,
        cue: Span | None,
        source: Span | None,
        *,
        quoted: Quoted | None = None,
        follows: int | None = None,
    ) -> None:
        if source is None and follows is None:
            return
        if quoted is not None:
            if quoted.start in self.used_quotes:
                return
            self.used_quotes.add(quoted.start)
        self.found.append(Found(kind, content, cue, source, follows))

    # ------------------------------------------------------------ later passes

    def _headline_speakers(self) -> None:
        """``PENCE: ...`` transcript turns, and ``Pat Caddell: ...`` headlines (if he speaks)."""
        text = self.text
        turns: list[Found] = []
        paras = self.layout.paragraphs
        for para_start, para_end in zip(paras.starts, paras.ends, strict=True):
            m = _TRANSCRIPT.match(text, para_start, para_end)
            if not m or self._skipped(para_start):
                continue
            colon = m.end(1)
            content = self._clean(colon + 1, para_end)
            if content is None:
                continue
            if text[content.end - 1 : content.end] in {'"', "”"}:
                content = Span(content.start, content.end - 1)
            source = Span(m.start(1), m.end(1))
            turns.append(Found("direct", content, Span(colon, colon + 1), source, transcript=True))
        # A name speaking twice is a transcript; "UPDATE:" once is a label unless it speaks.
        seen = Counter(f.source.text(text) for f in turns if f.source is not None)
        for f in turns:
            f.needs_known_speaker = f.source is not None and seen[f.source.text(text)] < 2
        self.found.extend(turns)
        for para in self.layout.paragraphs[:3]:
            m = _HEADLINE_NAME.match(self.text, para.start, para.end)
            if not m:
                continue
            colon = self.text.index(":", m.end())
            content = self._clean(colon + 1, para.end)
            if content is None:
                continue
            self.found.append(
                Found(
                    "direct" if self.text[content.start] in "\"“‘'" else "indirect",
                    content,
                    Span(colon, colon + 1),
                    Span(m.start(), m.end()),
                    needs_known_speaker=True,
                )
            )

    def _unattributed_quotes(self) -> None:
        """A quotation with no cue of its own continues the last speaker of its paragraph."""
        if not self.found:
            return
        anchors = sorted(
            ((f.cue or f.source or f.content).start, i)  # type: ignore[union-attr]
            for i, f in enumerate(self.found)
            if not f.needs_known_speaker
        )
        starts = [a for a, _ in anchors]
        contents = sorted((f.content.start, f.content.end) for f in self.found if f.content)
        for q in self.layout.quotes:
            if q.start in self.used_quotes or len(q.content.text(self.text).split()) < 5:
                continue
            k = bisect_right(contents, (q.content.start, 1 << 62)) - 1
            if k >= 0 and contents[k][1] >= q.content.end:
                continue  # quoted words inside a statement already attributed
            if self._skipped(q.start):
                continue
            para_idx = self.layout.paragraph_index(q.start)
            i = bisect_right(starts, q.start) - 1
            if i < 0:
                continue
            prev_idx = self.layout.paragraph_index(starts[i])
            para = self.layout.paragraphs[para_idx]
            continuing = para_idx - prev_idx == 1 and q.start == para.start and q.opened
            if prev_idx != para_idx and not continuing:
                continue
            self.used_quotes.add(q.start)
            self.found.append(Found("direct", q.content, None, None, follows=anchors[i][1]))

    def _cut_overlaps(self) -> None:
        """An indirect content stops where another statement's source or cue begins."""
        marks = sorted(
            (s.start, k)
            for k, f in enumerate(self.found)
            for s in (f.source, f.cue)
            if s is not None
        )
        for k, f in enumerate(self.found):
            if f.kind != "indirect" or f.content is None:
                continue
            c = f.content
            i = bisect_right(marks, (c.start, len(self.found)))
            while i < len(marks) and marks[i][0] < c.end and _same(self.found, marks[i][1], k):
                i += 1  # its own source and cue (an interrupted sentence) do not cut it
            if i < len(marks) and marks[i][0] < c.end:
                f.content = self._clean(c.start, marks[i][0])
        self.found = [f for f in self.found if f.content is not None]


def _same(found: list[Found], a: int, b: int) -> bool:
    """Two statements that share their source and cue are one place in the text."""
    return a == b or (found[a].source == found[b].source and found[a].cue == found[b].cue)


def _ends_clause(text: str, pos: int, end: int) -> bool:
    """Nothing but closing punctuation between ``pos`` and the end of the sentence."""
    return not text[pos:end].strip(" \t\n.!?;,\"”’'")


def find_quotes(text: str, layout: Layout, skip: list[Span]) -> list[Found]:
    """Every attributed statement of ``text`` (embedded posts are read elsewhere)."""
    return QuoteFinder(text, layout, skip).run()
