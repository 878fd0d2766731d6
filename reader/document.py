"""Load and sanitise a file into a Document: one canonical text and its parts.

Every offset in the program indexes ``Document.text``. Loading strips control
characters, normalises line endings, collapses runs of U+FFFD (characters lost
before the file reached us) into one, and lifts a leading ``date YYYY-MM-DD``
header into ``Document.date``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from reader import regexes
from reader.dates import line_date, opening_date
from reader.formats import Converted, StyleSpan, markdown_to_text
from reader.paragraphs import find_dateline, find_headline, split_paragraphs
from reader.records import field, record
from reader.spans import Span, SpanArray
from reader.untrusted import CONTROL as _CONTROL

if TYPE_CHECKING:
    from hashlib import sha256
else:
    try:  # the interpreter's own SHA-256: hashlib loads OpenSSL, a tenth of a short run
        from _sha256 import sha256
    except ImportError:  # pragma: no cover - an interpreter without it
        from hashlib import sha256

MAX_BYTES = 200 * 1024 * 1024
"""Files larger than this are refused rather than read into memory."""

REPLACEMENT = "\ufffd"

_HEADER = regexes.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]+")
_NONBLANK = regexes.compile(r"\S")
# A post embedded from a social network, as news sites flatten them:
# "<text> — Author Name (@handle) November 16, 2023"
_POST = regexes.compile(
    r"(?P<body>\S.*?)\s+[—–-]{1,2}\s*(?P<author>[^\s()—–][^()\n—–]{0,80}?)\s*"
    r"\(@(?P<handle>\w{1,30})\)\s*"
    r"(?P<date>(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+\d{1,2},\s+\d{4})\s*\Z",
    re.DOTALL,
)
_MAX_POST_CHARS = 2000
_URL_TAIL = regexes.compile(
    r"(?:\s*(?:https?://\S+|pic\.twitter\.com/\S+|" + REPLACEMENT + r"))+\s*\Z"
)
_JUNK_HEAD = regexes.compile(r"[\s" + REPLACEMENT + r"]+")


class DocumentError(Exception):
    """A file that cannot be opened as a document; the message is one clear line."""


@record(frozen=True, slots=True)
class Post:
    """An embedded social-media post: its paragraph, its words and who posted it."""

    span: Span
    content: Span
    author: Span
    handle: str
    handle_span: Span
    date: str | None


@record(frozen=True)
class Document:
    """A loaded article: the canonical text and what was read from it."""

    path: str
    text: str
    title: str
    date: str | None
    paragraphs: SpanArray
    posts: tuple[Post, ...] = ()
    headline: Span | None = None
    dateline: Span | None = None
    notices: tuple[str, ...] = ()
    styles: tuple[StyleSpan, ...] = ()
    author: str | None = None  # as a web page declares it
    site: str | None = None  # the web site's name, as the page declares it
    url: str | None = None  # a web page's address, as its canonical link declares it
    sha256: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sha256", text_sha256(self.text))

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph holding ``offset`` (the nearest one before it)."""
        return max(bisect_right(self.paragraphs.starts, offset) - 1, 0)

    def post_at(self, paragraph: int) -> Post | None:
        span = self.paragraphs[paragraph]
        return next((p for p in self.posts if p.span == span), None)


def text_sha256(text: str, chunk: int = 1 << 20) -> str:
    """SHA-256 of the UTF-8 text, encoded a chunk at a time (no full copy)."""
    digest = sha256()
    for start in range(0, len(text), chunk):
        digest.update(text[start : start + chunk].encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _sanitise_owned(box: list[str]) -> None:
    """Sanitise ``box[0]`` in place of the only reference, so each step frees the last.

    Whole-string ``replace``/``translate`` steps, each run only when needed:
    a 20 MB file never holds more than two copies of its text at once.
    """
    if "\r" in box[0]:  # before the controls: \r is one of them
        box[0] = box[0].replace("\r\n", "\n")
        box[0] = box[0].replace("\r", "\n")
    if _CONTROL.search(box[0]):
        # A chunk at a time, the source dropped before the join: two copies at most.
        chunk = 1 << 20
        text = box.pop()
        parts = [_CONTROL.sub("", text[i : i + chunk]) for i in range(0, len(text), chunk)]
        del text
        box.append("".join(parts))
        del parts
    while REPLACEMENT * 2 in box[0]:
        box[0] = box[0].replace(REPLACEMENT * 2, REPLACEMENT)


def sanitise(raw: str) -> str:
    """Normalise line endings, drop control characters, collapse U+FFFD runs."""
    box = [raw]
    _sanitise_owned(box)
    return box[0]


def _with_handles(text: str, paragraphs: Iterable[Span]) -> Iterator[Span]:
    """The paragraphs that may be posts: short, with "(@" in them.

    The post pattern is quadratic in a long paragraph; posts are short. The
    test reads the text in place: no copy of each paragraph, and no ``Span``
    made for the many that fail it when the paragraphs are a ``SpanArray``.
    """
    if isinstance(paragraphs, SpanArray):
        pairs: Iterable[tuple[int, int]] = zip(paragraphs.starts, paragraphs.ends, strict=True)
    else:
        pairs = ((para.start, para.end) for para in paragraphs)
    for start, end in pairs:
        if end - start <= _MAX_POST_CHARS and text.find("(@", start, end) >= 0:
            yield Span(start, end)


def find_posts(text: str, paragraphs: Iterable[Span]) -> tuple[Post, ...]:
    """Embedded posts: paragraphs ending in ``— Author (@handle) Month D, YYYY``."""
    posts = []
    for para in _with_handles(text, paragraphs):
        chunk = text[para.start : para.end]
        m = _POST.search(chunk)
        if not m:
            continue
        base = para.start
        body_start = base + m.start("body")
        body_end = base + m.end("body")
        head = _JUNK_HEAD.match(text, body_start, body_end)
        if head:
            body_start = head.end()
        tail = _URL_TAIL.search(text[body_start:body_end])
        if tail:
            body_end = body_start + tail.start()
        author_start, author_end = base + m.start("author"), base + m.end("author")
        author_text = text[author_start:author_end].rstrip(" \t" + REPLACEMENT)
        author_end = author_start + len(author_text)
        if body_end <= body_start or author_end <= author_start:
            continue
        posts.append(
            Post(
                span=para,
                content=Span(body_start, body_end),
                author=Span(author_start, author_end),
                handle=m.group("handle"),
                handle_span=Span(base + m.start("handle") - 1, base + m.end("handle")),
                date=line_date(m.group("date")),
            )
        )
    return tuple(posts)


FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


def document_from_text(
    raw: str,
    path: str = "<text>",
    notices: tuple[str, ...] = (),
    fmt: str = "text",
) -> Document:
    """Build a Document from decoded text: ``fmt`` is text, markdown or html."""
    return _build(sanitise(raw), path, notices, fmt)


def _build(text: str, path: str, notices: tuple[str, ...], fmt: str) -> Document:
    return document_from_converted(convert(text, fmt), path, notices, fmt)


def convert(text: str, fmt: str) -> Converted:
    """Sanitised ``text`` of format ``fmt`` as plain text and styles (text: as it is)."""
    if fmt == "markdown":
        return markdown_to_text(text)
    if fmt == "html":
        from reader.webpage import html_to_text  # the HTML readers load with a first web page

        return html_to_text(text)
    return Converted(text, ())


def document_from_converted(
    converted: Converted, path: str, notices: tuple[str, ...], fmt: str
) -> Document:
    """The Document of a converted file: its segmentation, headline, dateline, date, title."""
    text = converted.text
    date = converted.date
    header = _HEADER.match(text) if fmt == "text" else None
    if header:
        date = header.group(1)
        text = text[header.end() :]
    if date is None and fmt != "html":  # a page's date is its metadata's, or none
        date = opening_date(text)
    paragraphs = split_paragraphs(text)
    headline = find_headline(paragraphs)
    if headline is not None:
        first = headline.text(text)
    else:
        first = paragraphs[0].text(text).split("\n", 1)[0] if paragraphs else ""
    title = " ".join((converted.title or first).split())
    return Document(
        path=path,
        text=text,
        title=title,
        date=date,
        paragraphs=paragraphs,
        posts=find_posts(text, paragraphs),
        headline=headline,
        dateline=find_dateline(text, paragraphs, headline),
        notices=notices,
        styles=converted.styles,
        author=converted.author,
        site=converted.site,
        url=converted.url,
    )


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """UTF-8 (a BOM is dropped); anything else as cp1252, falling back to latin-1."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), ("not UTF-8: decoded as Windows-1252",)
    except UnicodeDecodeError:
        return data.decode("latin-1"), ("not UTF-8: decoded as Latin-1",)


def load_document(path: str | Path) -> Document:
    """Read ``path`` into a Document, or raise DocumentError with one clear line."""
    p = Path(path)
    shown = str(path)
    try:
        if not p.exists():
            raise DocumentError(f"no such file: {shown}")
        if p.is_dir():
            raise DocumentError(f"{shown} is a directory, not a document")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(
                f"{shown} is {size / 2**20:.0f} MB; the reader opens files up to "
                f"{MAX_BYTES // 2**20} MB"
            )
        data = p.read_bytes()
    except PermissionError:
        raise DocumentError(f"cannot read {shown}: permission denied") from None
    except OSError as exc:
        raise DocumentError(f"cannot read {shown}: {exc.strerror or exc}") from None
    if b"\x00" in data:
        raise DocumentError(f"{shown} looks like a binary file (it contains NUL bytes)")
    raw, notices = decode(data)
    del data
    box = [raw]
    del raw
    _sanitise_owned(box)
    fmt = FORMATS.get(p.suffix.lower(), "text")
    doc = _build(box.pop(), shown, notices, fmt)
    if not _NONBLANK.search(doc.text):
        raise DocumentError(f"{shown} is empty" + ("" if fmt == "text" else " (no readable text)"))
    return doc


def seed_path() -> Path:
    """The bundled seed article: inside the installed package, or beside the source tree."""
    here = Path(__file__).resolve().parent
    for folder in (here / "seeds", here.parent / "seeds"):
        found = sorted(folder.glob("*.txt")) if folder.is_dir() else []
        if found:
            return found[0]
    raise DocumentError("the bundled seed article is missing from this installation")
