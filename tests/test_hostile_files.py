"""Hostile files: each opens safely in the app or is refused with one clear line."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.document import DocumentError, load_document
from reader.notes.store import NoteStore
from tests.conftest import REPO
from tests.hostile import OSC_TITLE, RLO, controls_in

SIZE = (120, 40)


def _markup() -> bytes:
    return (
        b"[bold]Title[/bold]\n\n[@click=app.quit]click me[/] and [red]red[/red] $x [link=x]y[/]\n"
    )


def _escapes() -> bytes:
    return (
        b"Escapes\n\n\x1b[31mred\x1b[0m \x1b]0;pwned\x07 \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\"
        b" \x9b2J bell\x07 end\n"
    )


def _bidi() -> bytes:
    return "Bidi\n\nabc \u202edcba\u202c \u2066iso\u2069 \u200f rtl\n".encode()


def _long_line() -> bytes:
    word = b"The ministry said exports of oil rose. "
    return b"Long line\n\n" + word * (5 * 2**20 // len(word))


def _invalid_utf8() -> bytes:
    return b"Invalid\n\ncaf\xe9 \xff\xfe \x80\x81 na\xefve\n"


def _many_headings() -> bytes:
    return "".join(
        f"# Heading {i}\n\nText {i} said the minister.\n\n" for i in range(10_000)
    ).encode()


OPENS: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "markup": ("markup.txt", _markup, "[@click=app.quit]click me[/]"),
    "escapes": ("escapes.txt", _escapes, "[31mred[0m"),
    "bidi": ("bidi.txt", _bidi, "dcba"),
    "long-line": ("long.txt", _long_line, "The ministry said exports"),
    "invalid-utf8": ("invalid.txt", _invalid_utf8, "café"),
    "many-headings": ("headings.md", _many_headings, "Heading 9999"),
}

REFUSED: dict[str, tuple[str, bytes, str]] = {
    "nul-bytes": ("nul.txt", b"text\x00with\x00nul", "binary"),
    "empty": ("empty.txt", b"", "empty"),
}


@pytest.mark.parametrize("case", sorted(OPENS))
def test_hostile_file_opens_safely(case: str, tmp_path: Path) -> None:
    name, make, visible = OPENS[case]
    path = tmp_path / name
    path.write_bytes(make())
    doc = load_document(path)
    assert visible in doc.text
    assert not any(ord(c) < 32 and c not in "\n\t" for c in doc.text)
    assert "\x1b" not in doc.text and "\x9b" not in doc.text
    assert not any("\u202a" <= c <= "\u202e" or "\u2066" <= c <= "\u2069" for c in doc.text)
    asyncio.run(_drive(doc, tmp_path / "notes.json"))


async def _drive(doc, db: Path) -> None:
    from reader.ui.app import ReaderApp

    app = ReaderApp(doc, NoteStore(db))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in ("j", "G", "k", "g", "space"):
            await pilot.press(key)
        await pilot.pause()
        assert app.is_running, "a hostile file closed the app"
        assert app.screen.query("ArticleView")


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_hostile_file_is_refused_clearly(case: str, tmp_path: Path) -> None:
    name, data, message = REFUSED[case]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DocumentError) as err:
        load_document(path)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_a_hostile_file_name_reaches_no_terminal(tmp_path: Path, seed_path: Path) -> None:
    """`reader analyze` prints the path, and an error quotes it: both cleaned."""
    article = tmp_path / f"a{OSC_TITLE}{RLO}.txt"
    shutil.copy(seed_path, article)
    empty = tmp_path / f"e{OSC_TITLE}.txt"
    empty.write_text(" \n")
    for path, code in ((article, 0), (empty, 2)):
        run = subprocess.run(
            [sys.executable, "-m", "reader", "analyze", str(path)],
            cwd=REPO, capture_output=True, timeout=60,
        )  # fmt: skip
        out = (run.stdout + run.stderr).decode("utf-8")
        assert run.returncode == code and controls_in(out) == [], out
        assert f"{path.name[0]}]0;PWNED" in "".join(out.split())  # a long path is wrapped
