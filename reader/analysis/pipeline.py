"""The analysis pipeline: statements, then the speakers behind them, then sectors."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable

from reader.analysis.cues import read_cues
from reader.analysis.flow import Flow
from reader.analysis.found import Found
from reader.analysis.joins import join_firm_names, join_name_parts, join_same_names
from reader.analysis.layout import Layout
from reader.analysis.mentions import scan_name_mentions, scan_role_mentions
from reader.analysis.model import Analysis, QuoteList, Speaker
from reader.analysis.passes import (
    cut_overlaps,
    headline_names,
    name_only_sources,
    transcript_turns,
    unattributed_quotations,
)
from reader.analysis.quotes import QuoteFinder
from reader.analysis.resolution import resolve_sources
from reader.analysis.sectors import find_sectors
from reader.analysis.speakers import (
    SpeakerBuilder,
    finish,
    follow_continuations,
    name_sources,
)
from reader.document import Post, find_posts
from reader.paragraphs import split_paragraphs
from reader.spans import Span, SpanArray

STATEMENT_PASSES: tuple[Callable[[QuoteFinder], None], ...] = (
    read_cues,  # every reporting cue, read in its sentence (patterns.FINITE, ...)
    transcript_turns,  # "PENCE: ..." paragraphs
    headline_names,  # "Pat Caddell: ..." at the top, if that name speaks elsewhere
    unattributed_quotations,  # a quotation with no cue continues its paragraph's speaker
    cut_overlaps,  # an indirect content stops where the next statement begins
    name_only_sources,  # "Ken Hitchcock" of "Oilers head coach Ken Hitchcock"
)
"""The passes that find statements, in their order; each sees what the ones before found."""

SPEAKER_PASSES: tuple[Callable[[SpeakerBuilder], None], ...] = (
    name_sources,  # a named source makes (or joins) a speaker
    scan_name_mentions,  # every name of those speakers in the text; first names join surnames
    resolve_sources,  # roles, pronouns, headline names: the speaker each stands for
    join_firm_names,  # "Alcan" after "Alcan Aluminium Ltd": the firm
    follow_continuations,  # a statement that continues another takes its speaker
    scan_role_mentions,  # "the Russian minister" wherever it stands, for that speaker
    join_name_parts,  # "Sheikh Ali" after "Sheikh Ali al-Sabah": that person
    join_same_names,  # two speakers under one name are one
)
"""The passes that make speakers of the statements' sources, in their order."""


def embedded_posts(posts: Iterable[Post], flow: Flow) -> list[Found]:
    """The document's embedded social-media posts, each a statement of its author."""
    return [
        Found(
            "embedded",
            flow.span_from_source(post.content),
            None,
            flow.span_from_source(post.author),
            also_names=flow.span_from_source(post.handle_span),
        )
        for post in posts
    ]


def run(
    text: str, paragraphs: SpanArray | None = None, posts: Iterable[Post] | None = None
) -> Analysis:
    """Analyse ``text``: who speaks, what they said, which sectors come up.

    ``paragraphs`` and ``posts`` are the document's segmentation; when absent
    they are made by the same functions a Document is loaded with. The text is
    read flowed (a line break inside a paragraph is a space, ``Flow``) and
    every span of the result is an offset into ``text`` itself.

    The cyclic garbage collector is paused meanwhile: the analysis makes many
    small acyclic objects, and collections over a growing heap would make the
    cost grow faster than the text.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        if paragraphs is None:
            paragraphs = split_paragraphs(text)
        if posts is None:
            posts = find_posts(text, paragraphs)
        flow = Flow(text, paragraphs)
        found = embedded_posts(posts, flow)
        return flow.to_source_analysis(_run(flow.text, flow.paragraphs, found))
    finally:
        if enabled:
            gc.enable()


def _run(text: str, paragraphs: SpanArray, posts: list[Found]) -> Analysis:
    found = _statements(text, paragraphs, posts)  # the layout is gone once statements are found
    speakers, quotes = find_speakers(text, found)
    del found  # freed before the sector pass: a long text's peak memory stays low
    return Analysis(speakers=speakers, quotes=quotes, sectors=find_sectors(text))


def _statements(text: str, paragraphs: SpanArray, posts: list[Found]) -> list[Found]:
    """Every attributed statement: quotes found by their cues, then embedded posts."""
    layout = Layout(text, paragraphs)
    skip = [layout.paragraph_of(f.source.start) for f in posts if f.source is not None]
    found = find_quotes(text, layout, skip)
    found.extend(posts)  # appended: ``follows`` indexes stay valid
    return found


def find_quotes(text: str, layout: Layout, skip: list[Span]) -> list[Found]:
    """Every attributed statement of ``text`` but embedded posts: the statement passes."""
    finder = QuoteFinder(text, layout, skip)
    for step in STATEMENT_PASSES:
        step(finder)
    return finder.found


def find_speakers(text: str, found: list[Found]) -> tuple[list[Speaker], QuoteList]:
    """The speakers behind the statements, and the statements as their quotes."""
    builder = SpeakerBuilder(text, found)
    for step in SPEAKER_PASSES:
        step(builder)
    return finish(builder)
