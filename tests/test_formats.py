"""Markdown and HTML articles open as plain text with their headings and emphasis."""

from __future__ import annotations

import pytest

from reader.document import DocumentError, load_document


def test_markdown_plain_text_and_styles(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: Grain deal\ndate: 2024-03-01\n---\n"
        "# Grain deal signed\n\nThe *ministry* said **exports** will rise.\n\n- one\n- two\n",
        encoding="utf-8",
    )
    doc = load_document(path)
    assert doc.title == "Grain deal" and doc.date == "2024-03-01"
    assert "#" not in doc.text and "*" not in doc.text
    assert doc.text.startswith("Grain deal signed\n\nThe ministry said exports will rise.")
    kinds = {(s.kind, s.span.text(doc.text)) for s in doc.styles}
    assert kinds >= {
        ("heading", "Grain deal signed"),
        ("emphasis", "ministry"),
        ("strong", "exports"),
    }
    assert [p.text(doc.text) for p in doc.paragraphs][-2:] == ["• one", "• two"]  # list items


def test_markdown_title_from_first_heading(tmp_path):
    path = tmp_path / "b.md"
    path.write_text("Intro line\n\n## Oil output\n\nText.", encoding="utf-8")
    assert load_document(path).title == "Oil output"


def test_markdown_many_headings_opens(tmp_path):
    path = tmp_path / "many.md"
    path.write_text("".join(f"# Heading {i}\n\npara {i}\n\n" for i in range(10_000)))
    doc = load_document(path)
    assert len(doc.paragraphs) == 20_000
    assert sum(s.kind == "heading" for s in doc.styles) == 10_000


def test_html_article_without_page_furniture(tmp_path):
    path = tmp_path / "a.html"
    path.write_text(
        "<html><head><title>Copper &amp; trade</title>"
        '<meta property="article:published_time" content="2024-05-02T10:00:00Z">'
        "<style>p{color:red}</style><script>alert('x')</script></head>"
        "<body><nav><a href='/'>Home</a> Menu</nav><article><h1>Copper prices</h1>"
        "<p>Chile's   mining\nminister <em>said</em> output fell.</p>"
        "<p>Second&nbsp;paragraph.</p></article><footer>© site</footer></body></html>",
        encoding="utf-8",
    )
    doc = load_document(path)
    assert doc.title == "Copper prices" and doc.date == "2024-05-02"  # the headline
    texts = [p.text(doc.text) for p in doc.paragraphs]
    assert texts == [
        "Copper prices",
        "Chile's mining minister said output fell.",
        "Second paragraph.",  # a no-break space reads as a space
    ]
    for junk in ("alert", "color", "Menu", "Home", "site"):
        assert junk not in doc.text
    assert any(s.kind == "emphasis" and s.span.text(doc.text) == "said" for s in doc.styles)


def test_html_with_no_text_is_refused(tmp_path):
    path = tmp_path / "e.html"
    path.write_text("<html><script>x()</script></html>")
    with pytest.raises(DocumentError, match="empty"):
        load_document(path)
