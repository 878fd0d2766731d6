"""What the analysis reports of a sentence, as the words of each quote's parts."""

from __future__ import annotations

from reader.analysis import analyze


def statements(text: str) -> list[tuple[str, str, str]]:
    """``(source, cue, content)`` of every quote found in ``text``, in order ("" for none)."""
    return [
        (
            q.source.text(text) if q.source else "",
            q.cue.text(text) if q.cue else "",
            q.content.text(text),
        )
        for q in analyze(text).quotes
    ]


def speakers_by_source(text: str) -> list[tuple[str, str]]:
    """``(source, speaker name)`` of every quote with a source, in order."""
    result = analyze(text)
    names = {s.id: s.name for s in result.speakers}
    return [(q.source.text(text), names[q.speaker]) for q in result.quotes if q.source]
