"""A file's decoded text and the canonical text: spans mapped both ways, each undoing the other."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.document import DocumentError, load_document, sanitise
from reader.notes.sourcetext import source_text

PIECES = ["a", "Word", " ", "\t", "\n", "\n\n", "\r\n", "\r", "\ufffd", "\x1b", "\u202e", "é", "🙂"]
texts = st.tuples(st.booleans(), st.lists(st.sampled_from(PIECES), min_size=1, max_size=60))


def spans(n: int) -> list[tuple[int, int]]:
    return [(s, e) for s in range(n + 1) for e in range(s, n + 1)]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts)
def test_every_span_of_a_plain_text_maps_to_the_file_and_back(tmp_path_factory, parts):
    header, pieces = parts
    raw = ("date 2024-01-02 " if header else "") + "Start " + "".join(pieces)
    path = Path(tmp_path_factory.mktemp("t")) / "a.txt"
    path.write_bytes(raw.encode("utf-8"))
    try:
        doc = load_document(path)
    except DocumentError:
        return  # nothing readable in it
    mapped = source_text(path, doc)
    assert mapped is not None and mapped.text == raw
    for start, end in spans(len(doc.text)):
        fstart, fend = mapped.to_file(start, end)
        assert mapped.to_canonical(fstart, fend) == (start, end)
        # The file's characters there are the canonical ones as loading gives them.
        assert sanitise(raw[fstart:fend]) == doc.text[start:end]


def test_markdown_and_html_spans_map_back(tmp_path):
    files = {
        "a.md": "# Title\n\nSome **bold** and *it* &amp; more.\n\n- one\n- two\n",
        "b.html": "<html><head><title>T</title></head><body><article><h1>Head</h1>"
        "<p>Para &amp; one with <b>bold</b> words.</p><p>Second para.</p></article></body></html>",
    }
    for name, raw in files.items():
        path = tmp_path / name
        path.write_text(raw, encoding="utf-8")
        doc = load_document(path)
        mapped = source_text(path, doc)
        assert mapped is not None
        for start, end in spans(len(doc.text)):
            assert mapped.to_canonical(*mapped.to_file(start, end)) == (start, end)
        for para in doc.paragraphs:  # a paragraph's words are the file's, markup aside
            fstart, fend = mapped.to_file(para.start, para.end)
            assert doc.text[para.start : para.end].split()[-1].strip(".") in raw[fstart:fend]
