"""The status line's "who speaks here" index agrees with a plain dict of paragraphs."""

from __future__ import annotations

from reader.analysis import analyze
from reader.document import document_from_text
from reader.speaking import Speaking


def plain(doc, analysis):
    names = {s.id: s.name for s in analysis.speakers}
    out: dict[int, list[tuple[str, str]]] = {}
    for q in analysis.quotes:
        spans = [s for s in (q.content, q.source, q.cue) if s is not None]
        entry = (names.get(q.speaker, q.speaker), q.kind)
        para = doc.paragraph_at(min(s.start for s in spans))
        if entry not in out.setdefault(para, []):
            out[para].append(entry)
    return out


def test_matches_a_plain_dict_on_the_seed(seed_doc):
    analysis = analyze(seed_doc.text)
    speaking = Speaking(seed_doc, analysis)
    expected = plain(seed_doc, analysis)
    assert expected, "the seed has quotes"
    for para in range(len(seed_doc.paragraphs)):
        assert speaking(para) == expected.get(para, [])


def test_several_speakers_in_one_paragraph_and_none_elsewhere():
    text = (
        "Talks\n\n"
        '"Prices will fall," said Maria Lopez. "They will not," said John Smith.\n\n'
        "Nobody speaks here.\n\n"
        '"Again," Lopez said. "And again," Lopez said.'
    )
    doc = document_from_text(text)
    analysis = analyze(doc.text)
    speaking = Speaking(doc, analysis)
    assert speaking(1) == [("Maria Lopez", "direct"), ("John Smith", "direct")]
    assert speaking(2) == []
    assert speaking(3) == [("Maria Lopez", "direct")]
    assert Speaking()(0) == []
