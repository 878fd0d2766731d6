"""Helpers for the app's tests: a fixed analysis of the seed and a private notes file."""

from __future__ import annotations

import asyncio
import inspect
import re
from pathlib import Path

import pytest

from reader.analysis.model import Analysis, Quote, SectorHit, Speaker
from reader.document import Document
from reader.identity import document_path
from reader.notes.anchoring import describe
from reader.notes.model import Note
from reader.spans import Span

SIZE = (120, 40)


def note_on(doc: Document, paragraph: int, body: str, **fields: object) -> Note:
    """A note on one whole paragraph of ``doc`` (other Note fields by keyword)."""
    para = doc.paragraphs[paragraph]
    target = describe(doc.text, para.start, para.end)
    return Note(
        document=str(document_path(doc.path)), sha256=doc.sha256, body=body, target=target, **fields
    )


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests in a fresh event loop (no async plugin needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    kwargs = {name: pyfuncitem.funcargs[name] for name in names}
    asyncio.run(pyfuncitem.obj(**kwargs))
    return True


def spans_of(text: str, pattern: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in re.finditer(pattern, text)]


def seed_analysis(doc: Document) -> Analysis:
    """A fixed analysis of the seed, found with plain searches of its text.

    The app is tested against this rather than the live pipeline so that the
    screen tests and snapshots do not move whenever the analysis improves.
    """
    text = doc.text
    lavrov = Speaker(
        id="sergei-lavrov",
        name="Sergei Lavrov",
        kind="person",
        role="Russian Foreign Affairs Minister",
        mentions=spans_of(text, r"(?:Sergei |Sergey )?Lavrov|The Russian minister"),
    )
    gil = Speaker(
        id="yvan-gil", name="Yvan Gil", kind="person", mentions=spans_of(text, r"Yvan Gil|Gil\b")
    )
    post = doc.posts[0]
    mfa = Speaker(id="mfa-russia", name="MFA Russia", kind="organization", mentions=[post.author])
    quotes = []
    for match in re.finditer(r'"([^"]+)," (Lavrov|Gil) said', text):
        who = "sergei-lavrov" if match.group(2) == "Lavrov" else "yvan-gil"
        quotes.append(
            Quote(
                who,
                "direct",
                Span(match.start(1), match.end(1)),
                None,
                Span(match.start(2), match.end(2)),
            )
        )
    quotes.append(Quote("mfa-russia", "embedded", post.content, None, post.author))
    sectors = [
        SectorHit("energy", "Energy", spans_of(text, r"oil extraction|natural gas deposits")),
        SectorHit("trade", "Trade", spans_of(text, r"bilateral trade|import substitution")),
        SectorHit("space", "Space", spans_of(text, r"\bspace\b")),
    ]
    return Analysis(speakers=[lavrov, gil, mfa], quotes=quotes, sectors=sectors)


@pytest.fixture
def analysis(seed_doc: Document) -> Analysis:
    return seed_analysis(seed_doc)


@pytest.fixture
def store(db_file: Path):
    from reader.notes.store import NoteStore

    return NoteStore(db_file)


def status(app) -> str:
    """What the reading screen's status line says."""
    from textual.widgets import Static

    return str(app.screen.query_one("#status", Static).render())


def long_doc(paragraphs: int = 60) -> Document:
    """An article of ``paragraphs`` paragraphs of two wrapped lines or more."""
    from reader.document import document_from_text

    body = "\n\n".join(
        f"Paragraph {i} says something about trade and energy, at some length so it wraps. " * 2
        for i in range(1, paragraphs + 1)
    )
    return document_from_text("A long article\n\n" + body, path="long.txt")
