"""Short texts are analysed once; long ones are not kept alive by a cache."""

from __future__ import annotations

import reader.analysis as analysis_module
from reader.analysis import analyze

TEXT = "Maria Lopez said the budget for wheat exports would be cut next year."


def test_a_short_text_is_analysed_once():
    assert analyze(TEXT) is analyze(TEXT[:-1] + ".")


def test_a_long_text_is_not_cached(monkeypatch):
    monkeypatch.setattr(analysis_module, "_CACHED_UP_TO", 10)
    first = analyze(TEXT)
    assert analyze(TEXT) is not first
    assert analyze(TEXT) == first  # the same result, made again
