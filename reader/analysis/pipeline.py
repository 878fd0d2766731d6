"""The analysis pipeline: sectors, then statements, then the speakers behind them."""

from __future__ import annotations

import gc
from collections.abc import Iterable

from reader.analysis.flow import Flow
from reader.analysis.found import Found
from reader.analysis.layout import Layout
from reader.analysis.model import Analysis
from reader.analysis.quotes import find_quotes
from reader.analysis.sectors import find_sectors
from reader.analysis.speakers import SpeakerBuilder
from reader.document import Post, find_posts
from reader.paragraphs import split_paragraphs
from reader.spans import SpanArray


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
    speakers, quotes = SpeakerBuilder(text).build(found)
    del found  # freed before the sector pass: a long text's peak memory stays low
    return Analysis(speakers=speakers, quotes=quotes, sectors=find_sectors(text))


def _statements(text: str, paragraphs: SpanArray, posts: list[Found]) -> list[Found]:
    """Every attributed statement: quotes found by their cues, then embedded posts."""
    layout = Layout(text, paragraphs)
    skip = [layout.paragraph_of(f.source.start) for f in posts if f.source is not None]
    found = find_quotes(text, layout, skip)
    found.extend(posts)  # appended: ``follows`` indexes stay valid
    return found
