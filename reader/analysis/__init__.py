"""Speakers, quotes and sectors found in a canonical text. Pure: no terminal code."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from reader.analysis.model import Analysis, Quote, SectorHit, Speaker

__all__ = ["Analysis", "Quote", "SectorHit", "Speaker", "analyze"]


@lru_cache(maxsize=32)
def _analyze_cached(digest: str, text: str) -> Analysis:
    from reader.analysis.pipeline import run

    return run(text)


def analyze(text: str) -> Analysis:
    """Analyse ``text``; deterministic, cached by the text's SHA-256."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return _analyze_cached(digest, text)
