"""The document model: one canonical text, its title, date, paragraphs and posts."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.document import (
    REPLACEMENT,
    DocumentError,
    document_from_text,
    load_document,
    seed_path,
)


def test_seed_header_becomes_title_and_date(seed_doc):
    assert seed_doc.date == "2023-11-16"
    assert seed_doc.title.startswith("Venezuela's current economic problems")
    assert seed_doc.title.endswith("Russian FM Lavrov said.")
    assert not seed_doc.text.startswith(" date")
    assert seed_doc.text.startswith(seed_doc.title)


def test_seed_paragraphs_cover_the_body(seed_doc):
    assert len(seed_doc.paragraphs) == 10
    for para in seed_doc.paragraphs:
        chunk = para.text(seed_doc.text)
        assert chunk == chunk.strip() and "\n\n" not in chunk
    assert seed_doc.paragraphs[-1].text(seed_doc.text).endswith("national currencies.")


def test_seed_embedded_post_is_recognised(seed_doc):
    (post,) = seed_doc.posts
    assert post.author.text(seed_doc.text) == "MFA Russia"
    assert post.handle == "mfa_russia"
    assert post.handle_span.text(seed_doc.text) == "@mfa_russia"
    assert post.date == "2023-11-16"
    content = post.content.text(seed_doc.text)
    assert content.startswith("#LIVE: Russia's Foreign Minister")
    assert content.endswith("talks in Moscow")
    assert seed_doc.post_at(seed_doc.paragraph_at(post.content.start)) == post


def test_replacement_runs_collapse_to_one(seed_doc):
    assert REPLACEMENT in seed_doc.text
    assert REPLACEMENT * 2 not in seed_doc.text


def test_plain_text_takes_first_line_as_title():
    doc = document_from_text("Grain exports rise\nThe ministry said exports rose.\n")
    assert doc.title == "Grain exports rise"
    assert doc.date is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\x1b[31mred\x1b[0m b", "a[31mred[0m b"),
        ("x\x00y\x07z\x7f\x85w", "xyzw"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("one\r\ntwo\rthree", "one\ntwo\nthree"),
        ("lost " + REPLACEMENT * 9 + " chars", "lost " + REPLACEMENT + " chars"),
    ],
)
def test_sanitising(raw, expected):
    assert document_from_text(raw).text == expected


def test_markup_is_kept_as_text():
    doc = document_from_text("Title\n\n[bold]not bold[/bold] [@click=app.quit]x[/]")
    assert "[bold]not bold[/bold] [@click=app.quit]x[/]" in doc.text


def test_newswire_indented_paragraphs():
    raw = "HEADLINE HERE\n  First para line one\n  line two.\n      Second para\n  continues.\n"
    doc = document_from_text(raw)
    texts = [p.text(doc.text) for p in doc.paragraphs]
    assert texts[0] == "HEADLINE HERE"
    assert texts[1].startswith("First para") and texts[1].endswith("line two.")
    assert texts[2].startswith("Second para")


def test_sha256_is_of_the_canonical_text(seed_doc):
    import hashlib

    assert seed_doc.sha256 == hashlib.sha256(seed_doc.text.encode()).hexdigest()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: p, "is a directory"),
        (lambda p: _write(p / "bin.txt", b"abc\x00def"), "binary"),
        (lambda p: _write(p / "empty.txt", b""), "empty"),
        (lambda p: _write(p / "blank.txt", b"  \n\n \t"), "empty"),
    ],
)
def test_bad_input_raises_one_clear_line(tmp_path, make, message):
    with pytest.raises(DocumentError) as err:
        load_document(make(tmp_path))
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_encodings(tmp_path):
    bom = load_document(_write(tmp_path / "bom.txt", "\ufeffCafé news".encode()))
    assert bom.text == "Café news" and not bom.notices
    data = "Caf\xe9 \u201cquote\u201d".encode("cp1252")
    legacy = load_document(_write(tmp_path / "cp.txt", data))
    assert legacy.text == "Café \u201cquote\u201d"
    assert "Windows-1252" in legacy.notices[0]


def test_seed_path_is_bundled():
    assert seed_path().name == "000_2eaf6975ce8d05c5.txt"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
