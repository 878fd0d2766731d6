"""Speakers, quotes and sectors found in a canonical text. Pure: no terminal code."""

from __future__ import annotations

from _thread import allocate_lock
from collections import OrderedDict
from typing import TYPE_CHECKING

from reader.analysis.model import Analysis, Quote, SectorHit, Speaker

if TYPE_CHECKING:
    from reader.document import Document

__all__ = ["Analysis", "Quote", "SectorHit", "Speaker", "analyze"]

_CACHE_SIZE = 32
_CACHED_UP_TO = 1 << 20
"""Texts up to this many characters are cached: articles reopened from the library.
A longer text is analysed afresh; its screen keeps the result, and caching it would
keep the whole text alive after the document is closed."""

_cache: OrderedDict[str, Analysis] = OrderedDict()
_lock = allocate_lock()  # ``threading.Lock``: the library and the reader analyse in threads


def analyze(source: Document | str) -> Analysis:
    """Analyse a document (or a bare text) over its one segmentation.

    Deterministic: the result is a function of the text alone, since the
    paragraphs are too. Cached by the text's SHA-256 when the text is short.
    """
    from reader.analysis.pipeline import run
    from reader.document import Document, text_sha256

    if isinstance(source, Document):
        text, paragraphs, posts = source.text, source.paragraphs, source.posts
    else:
        text, paragraphs, posts = source, None, None
    if len(text) > _CACHED_UP_TO:
        return run(text, paragraphs, posts)
    digest = source.sha256 if isinstance(source, Document) else text_sha256(text)
    with _lock:
        if digest in _cache:
            _cache.move_to_end(digest)
            return _cache[digest]
    result = run(text, paragraphs, posts)
    with _lock:
        _cache[digest] = result
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return result
