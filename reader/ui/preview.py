"""A first screenful of a long file, and its last, shown while the whole file is read.

A plain-text file over ``PREVIEW_BYTES`` (Markdown: a quarter of it) is
opened in two steps: its first paragraphs (cut at a blank line), a line saying
the middle is still being read, and its last paragraphs (from a blank line),
each converted on its own, become a preview Document at once, so ``g``, ``G``
and paging reach both ends of the file straight away; the whole Document
replaces it when loaded and converted. Loading and converting are local, so
the head of the preview is a prefix of the whole text and its tail a suffix
(``PreviewDocument.to_whole`` carries an offset over, and stops where they
differ: a Markdown link defined further down, a file changed). A web page is
read whole: trafilatura needs all of it.
"""

from __future__ import annotations

from pathlib import Path

from reader.document import (
    FORMATS,
    MAX_BYTES,
    Document,
    convert,
    decode,
    document_from_converted,
    sanitise,
)
from reader.formats import Converted, StyleSpan
from reader.records import init_fields, record
from reader.spans import Span

PREVIEW_BYTES = 512 * 1024
"""Plain-text files larger than this paint a preview first."""

HEAD_BYTES = 256 * 1024
"""How much of a plain-text file's beginning the preview reads."""

TAIL_BYTES = 64 * 1024
"""How much of a plain-text file's end the preview reads."""

GAP = "⋯ the middle of the file is still being read ⋯"
_SEPARATOR = "\n\n" + GAP + "\n\n"

SLOWER = {"text": 1, "markdown": 4}
"""The formats a preview is made of (a web page is read whole: trafilatura needs all of
it), and how many times slower than plain text each is converted: its preview threshold,
head and tail are that many times shorter, so each paints as soon."""


@record(frozen=True)
class PreviewDocument(Document):
    """The head and the tail of a long file, with a line for the gap between them.

    Offsets below ``head_end`` are the whole text's own; offsets from
    ``tail_start`` on are its last characters (no tail: ``tail_start`` is the
    end of the text).
    """

    head_end: int = 0
    tail_start: int = 0

    def to_whole(self, offset: int, whole: Document) -> int:
        """Where ``offset`` of this preview lies in ``whole``, the file read whole."""
        size = len(whole.text)
        if offset < self.head_end:
            return min(offset, self._same_head(whole))
        if offset < self.tail_start or self.tail_start >= len(self.text):
            return min(self.head_end, size)  # the gap: where the unread middle begins
        tail = self.text[self.tail_start :]
        if not whole.text.endswith(tail):  # the file changed meanwhile: go to its end
            return size
        return size - (len(self.text) - offset)

    def _same_head(self, whole: Document) -> int:
        """How much of the head ``whole`` begins with: all of it, unless the file changed
        or a Markdown head reads otherwise alone (a link defined further down)."""
        text, head_end = whole.text, self.head_end
        if text.startswith(self.text[:head_end]):
            return head_end
        low, high = 0, min(head_end, len(text))  # the longest common prefix, by halves
        while low < high:
            mid = (low + high + 1) // 2
            if text.startswith(self.text[:mid]):
                low = mid
            else:
                high = mid - 1
        return low


def _read(path: Path, fmt: str) -> tuple[bytes, bytes] | None:
    """The head and tail bytes of a file that gets a preview, else None."""
    try:
        slower = SLOWER.get(fmt)
        size = path.stat().st_size
        if slower is None or size <= PREVIEW_BYTES // slower or size > MAX_BYTES:
            return None
        head_bytes, tail_bytes = HEAD_BYTES // slower, TAIL_BYTES // slower
        with path.open("rb") as f:
            head = f.read(head_bytes)
            f.seek(max(head_bytes, size - tail_bytes))
            tail = f.read(tail_bytes)
    except OSError:
        return None
    return head, tail


def _tail_text(tail: bytes, fmt: str) -> Converted | None:
    """The file's last paragraphs, from the first blank line of ``tail`` (None if none)."""
    cut = tail.find(b"\n\n")
    if cut < 0 or b"\x00" in tail:
        return None
    try:
        text = tail[cut + 2 :].decode("utf-8")
    except UnicodeDecodeError:
        return None
    converted = convert(sanitise(text), fmt)
    return converted if converted.text.strip() else None


def _joined(head: Converted, tail: Converted | None) -> Converted:
    """``head``, the line saying the middle is still read, and ``tail``: one converted text
    (the gap's own style is added once the Document is built)."""
    if tail is None:
        return head
    tail_start = len(head.text) + len(_SEPARATOR)
    moved = (
        StyleSpan(Span(s.span.start + tail_start, s.span.end + tail_start), s.kind)
        for s in tail.styles
    )
    return Converted(
        head.text + _SEPARATOR + tail.text,
        (*head.styles, *moved),
        head.title,
        head.date,
        head.author,
        head.site,
    )


def preview_document(path: str | Path) -> PreviewDocument | None:
    """The preview of a long plain-text or Markdown file, or None when it should load whole."""
    fmt = FORMATS.get(Path(path).suffix.lower(), "text")
    read = _read(Path(path), fmt)
    if read is None:
        return None
    head_bytes, tail_bytes = read
    cut = head_bytes.rfind(b"\n\n")
    if b"\x00" in head_bytes or cut <= 0:
        return None
    raw, notices = decode(head_bytes[:cut])
    if not raw.strip() or notices:  # not UTF-8: let the whole load decide the encoding
        return None
    head = convert(sanitise(raw), fmt)
    tail = _tail_text(tail_bytes, fmt)
    doc = document_from_converted(_joined(head, tail), str(path), (), fmt)
    text = doc.text  # a plain text's date header is lifted from its start: count from the end
    tail_start = len(text) - len(tail.text) if tail else len(text)
    head_end = tail_start - len(_SEPARATOR) if tail else len(text)
    if tail and (text[head_end:tail_start] != _SEPARATOR or not text.endswith(tail.text)):
        return None  # not cut where expected: open the file whole
    values = {name: getattr(doc, name) for name in init_fields(Document)}
    if tail:  # placed in the text as built: a plain text's date header is gone from it
        gap = StyleSpan(Span(head_end + 2, head_end + 2 + len(GAP)), "emphasis")
        values["styles"] = tuple(sorted((*doc.styles, gap), key=lambda s: s.span.start))
    return PreviewDocument(**values, head_end=head_end, tail_start=tail_start)
