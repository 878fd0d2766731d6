"""The statement passes after the cues: turns, headlines, cueless quotations, overlaps.

Each pass takes the ``QuoteFinder`` as the earlier passes left it; their
order is declared in ``pipeline.STATEMENT_PASSES``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from reader import regexes
from reader.analysis.found import Found
from reader.analysis.name_in_source import name_within
from reader.analysis.phrases import RELATIVES
from reader.analysis.quotes import QuoteFinder
from reader.analysis.vocabulary import PERSON_PRONOUNS
from reader.spans import Span

_TRANSCRIPT = regexes.compile(r"[\"“]?([A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,2}):\s+\S")
_HEADLINE_NAME = regexes.compile(r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}(?=:\s+\S)")
_TURN_PARAGRAPHS = 6
"""How many paragraphs after its label a quoted transcript turn may run over."""
_HEADLINE_PARAGRAPHS = 3
"""How many paragraphs at the top may open with a speaker's name and a colon."""
_FIVE_WORDS = regexes.compile(r"(?:\S+\s+){4}\S")
"""A quotation with no cue of its own needs five words to be a statement."""


def transcript_turns(f: QuoteFinder) -> None:
    """``PENCE: ...``: a paragraph opening with a name in capitals and a colon.

    A name speaking twice is a transcript; once ("UPDATE: ...") it is a
    label, kept only if that name speaks elsewhere.
    """
    text = f.text
    turns: list[Found] = []
    paras = f.layout.paragraphs
    n = len(paras)
    for p, (para_start, para_end) in enumerate(zip(paras.starts, paras.ends, strict=True)):
        m = _TRANSCRIPT.match(text, para_start, para_end)
        if not m or f.skipped(para_start):
            continue
        colon = m.end(1)
        opening = f.layout.quote_starting_at(para_start)
        if opening is not None:
            f.used_quotes.add(opening.start)  # '"PENCE: ...': the turn is the quotation
            para_end = _turn_end(f, p + 1, min(n, p + 1 + _TURN_PARAGRAPHS), para_end)
        content = f.clean(colon + 1, para_end)
        if content is None:
            continue
        if text[content.end - 1 : content.end] in {'"', "”"}:
            content = Span(content.start, content.end - 1)
        source = Span(m.start(1), m.end(1))
        turns.append(Found("direct", content, Span(colon, colon + 1), source, transcript=True))
    seen = Counter(t.source.text(text) for t in turns if t.source is not None)
    for t in turns:
        t.needs_known_speaker = t.source is not None and seen[t.source.text(text)] < 2
    f.found.extend(turns)


def _turn_end(f: QuoteFinder, first: int, stop: int, end: int) -> int:
    """Where a quoted turn ends: the next paragraphs opening with a mark continue it.

    ``"PENCE: Well, ...`` then ``"But the truth is ...``: a quotation running
    over paragraphs opens each with a mark; a new speaker's label ends it.
    Each continuing paragraph's quotation is taken by the turn.
    """
    text, layout = f.text, f.layout
    for p in range(first, stop):
        para = layout.paragraphs[p]
        q = layout.quote_starting_at(para.start)
        if q is None or _TRANSCRIPT.match(text, para.start, para.end) or f.skipped(para.start):
            break
        f.used_quotes.add(q.start)
        end = para.end
    return end


def headline_names(f: QuoteFinder) -> None:
    """``Pat Caddell: ...`` in the first paragraphs, kept only if that name speaks elsewhere."""
    text = f.text
    for para in f.layout.paragraphs[:_HEADLINE_PARAGRAPHS]:
        m = _HEADLINE_NAME.match(text, para.start, para.end)
        if not m:
            continue
        colon = text.index(":", m.end())
        content = f.clean(colon + 1, para.end)
        if content is None:
            continue
        f.found.append(
            Found(
                "direct" if text[content.start] in "\"“‘'" else "indirect",
                content,
                Span(colon, colon + 1),
                Span(m.start(), m.end()),
                needs_known_speaker=True,
            )
        )


def unattributed_quotations(f: QuoteFinder) -> None:
    """A quotation with no cue of its own continues the last speaker of its paragraph.

    A quotation opening a paragraph may continue the last speaker of the
    paragraph before.
    """
    if not f.found:
        return
    layout = f.layout
    anchors = sorted(
        ((s.cue or s.source or s.content).start, i)  # type: ignore[union-attr]
        for i, s in enumerate(f.found)
        if not s.needs_known_speaker
    )
    starts = [a for a, _ in anchors]
    contents = sorted((s.content.start, s.content.end) for s in f.found if s.content)
    quotes, used = layout.quotes, f.used_quotes
    for index, start in enumerate(quotes.starts):
        if start in used:
            continue  # attributed already (checked before the quotation is made)
        q = quotes[index]
        content = q.content
        if not _FIVE_WORDS.match(f.text, content.start, content.end):
            continue
        k = bisect_right(contents, (q.content.start, 1 << 62)) - 1
        if k >= 0 and contents[k][1] >= q.content.end:
            continue  # quoted words inside a statement already attributed
        if f.skipped(q.start):
            continue
        para_idx = layout.paragraph_index(q.start)
        i = bisect_right(starts, q.start) - 1
        if i < 0:
            continue
        prev_idx = layout.paragraph_index(starts[i])
        para = layout.paragraphs[para_idx]
        continuing = para_idx - prev_idx == 1 and q.start == para.start and q.opened
        if prev_idx != para_idx and not continuing:
            continue
        f.used_quotes.add(q.start)
        f.found.append(Found("direct", q.content, None, None, follows=anchors[i][1]))


def cut_overlaps(f: QuoteFinder) -> None:
    """An indirect content stops where another statement's source or cue begins.

    A content left too short to be one is dropped with its statement.
    """
    found = f.found
    text = f.text
    marks = sorted(
        (s.start, k)
        for k, st in enumerate(found)
        if st.source is None or text[st.source.start : st.source.end] not in RELATIVES
        for s in (st.source, st.cue)
        if s is not None
    )  # "Seamen, who say they ..., union officials said": the relative clause is inside
    for k, st in enumerate(found):
        if st.kind != "indirect" or st.content is None:
            continue
        c = st.content
        i = bisect_right(marks, (c.start, len(found)))
        while (
            i < len(marks)
            and marks[i][0] < c.end
            and (_same(found, marks[i][1], k) or _reported_inside(found, marks[i][1], k))
        ):
            i += 1  # its own source and cue (an interrupted sentence) do not cut it
        if i < len(marks) and marks[i][0] < c.end:
            inner = found[marks[i][1]]
            if _same_speaker_again(f, inner, c.start):
                inner.content = None  # "said he thought that ...": one statement
                continue
            if _opens_content(inner, c):
                continue  # "King and Schultz say RT's management never told them ...": both
            st.content = f.clean(c.start, marks[i][0])
    f.found = _without_empty(found)


def _opens_content(inner: Found, content: Span) -> bool:
    """A whole statement whose source opens another's content, and ends inside it, is what
    that one reports: cutting there would leave it nothing."""
    parts = [s for s in (inner.source, inner.cue, inner.content) if s is not None]
    return (
        inner.source is not None
        and inner.source.start == content.start
        and max(s.end for s in parts) <= content.end
    )


def _same_speaker_again(f: QuoteFinder, inner: Found, content_start: int) -> bool:
    """A statement whose pronoun source opens another's content ("said he thought that
    ...") is what the outer one reports: its speaker's words, not a second statement."""
    s = inner.source
    return (
        s is not None
        and s.start == content_start
        and f.text[s.start : s.end].lower() in _SUBJECT_AGAIN
    )


_SUBJECT_AGAIN = PERSON_PRONOUNS | {"it"}
"""Pronouns by which a speaker goes on in what it reports: "said he thought", "said it
agreed". Not "they": "The statement noted they had said ..." is someone else."""


def _without_empty(found: list[Found]) -> list[Found]:
    """The statements that kept a content, each ``follows`` renumbered to match.

    One that followed a dropped statement follows what that one followed, if anything.
    """
    new_index: list[int | None] = []
    kept = 0
    for st in found:
        new_index.append(kept if st.content is not None else None)
        kept += st.content is not None
    if kept == len(found):
        return found
    for st in found:
        j = st.follows
        while j is not None and new_index[j] is None:
            j = found[j].follows
        st.follows = None if j is None else new_index[j]
    return [st for st in found if st.content is not None]


def _reported_inside(found: list[Found], inner: int, outer: int) -> bool:
    """``Clinton had told police that ..., the source added``: a whole statement inside
    what a closing cue reports is part of it, and cuts it nowhere."""
    o, i = found[outer], found[inner]
    if o.cue is None or o.content is None or o.content.end > o.cue.start:
        return False  # only a content standing before its cue holds another statement
    start = min(s.start for s in (i.source, i.cue, i.content) if s is not None)
    end = max(s.end for s in (i.source, i.cue, i.content) if s is not None)
    return o.content.start <= start and end <= o.content.end


def _same(found: list[Found], a: int, b: int) -> bool:
    """Two statements that share their source and cue are one place in the text."""
    return a == b or (found[a].source == found[b].source and found[a].cue == found[b].cue)


def name_only_sources(f: QuoteFinder) -> None:
    """Each source as the words that name its speaker: "Ken Hitchcock", not "head coach ...".

    The whole source stays for the speakers pass, which reads the role in it.
    """
    text = f.text
    for st in f.found:
        if st.source is not None:
            named = name_within(text, st.source)
            if named != st.source:
                st.named = named
