"""The analysis pipeline: sectors, speakers and quotes over one text."""

from __future__ import annotations

from reader.analysis.model import Analysis


def run(text: str) -> Analysis:
    """Analyse ``text`` (placeholder until the analysis lands)."""
    return Analysis()
