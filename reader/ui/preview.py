"""A first screenful of a long file, and its last, shown while the whole file is read.

A plain-text file over ``PREVIEW_BYTES`` is opened in two steps: its first
paragraphs (cut at a blank line), a line saying the middle is still being
read, and its last paragraphs (from a blank line) become a preview Document
at once, so ``g``, ``G`` and paging reach both ends of the file straight away;
the whole Document replaces it when loaded. Loading is local, so the head of
the preview is a prefix of the whole text and its tail a suffix:
``PreviewDocument.to_whole`` carries an offset over.
"""

from __future__ import annotations

from pathlib import Path

from reader.document import (
    FORMATS,
    MAX_BYTES,
    Document,
    decode,
    document_from_text,
    sanitise,
)
from reader.formats import StyleSpan
from reader.records import init_fields, record
from reader.spans import Span

PREVIEW_BYTES = 512 * 1024
"""Files larger than this paint a preview first."""

HEAD_BYTES = 256 * 1024
"""How much of the file's beginning the preview reads."""

TAIL_BYTES = 64 * 1024
"""How much of the file's end the preview reads."""

GAP = "⋯ the middle of the file is still being read ⋯"
_SEPARATOR = "\n\n" + GAP + "\n\n"


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
            return min(offset, size)
        if offset < self.tail_start or self.tail_start >= len(self.text):
            return min(self.head_end, size)  # the gap: where the unread middle begins
        tail = self.text[self.tail_start :]
        if not whole.text.endswith(tail):  # the file changed meanwhile: go to its end
            return size
        return size - (len(self.text) - offset)


def _read(path: Path) -> tuple[bytes, bytes] | None:
    """The head and tail bytes of a file that gets a preview, else None."""
    try:
        size = path.stat().st_size
        if size <= PREVIEW_BYTES or size > MAX_BYTES or path.suffix.lower() in FORMATS:
            return None
        with path.open("rb") as f:
            head = f.read(HEAD_BYTES)
            f.seek(max(HEAD_BYTES, size - TAIL_BYTES))
            tail = f.read(TAIL_BYTES)
    except OSError:
        return None
    return head, tail


def _tail_text(tail: bytes) -> str:
    """The file's last paragraphs, from the first blank line of ``tail`` ('' if none)."""
    cut = tail.find(b"\n\n")
    if cut < 0 or b"\x00" in tail:
        return ""
    try:
        text = tail[cut + 2 :].decode("utf-8")
    except UnicodeDecodeError:
        return ""
    return sanitise(text) if text.strip() else ""


def preview_document(path: str | Path) -> PreviewDocument | None:
    """The preview of a long plain-text file, or None when the file should load whole."""
    read = _read(Path(path))
    if read is None:
        return None
    head, tail_bytes = read
    cut = head.rfind(b"\n\n")
    if b"\x00" in head or cut <= 0:
        return None
    raw, notices = decode(head[:cut])
    if not raw.strip() or notices:  # not UTF-8: let the whole load decide the encoding
        return None
    tail = _tail_text(tail_bytes)
    doc = document_from_text(raw + (_SEPARATOR + tail if tail else ""), path=str(path))
    text = doc.text
    tail_start = len(text) - len(tail) if tail else len(text)
    head_end = tail_start - len(_SEPARATOR) if tail else len(text)
    if tail and (text[head_end:tail_start] != _SEPARATOR or not text.endswith(tail)):
        return None  # not cut where expected: open the file whole
    styles = doc.styles
    if tail:
        gap = Span(head_end + 2, head_end + 2 + len(GAP))
        styles = (*styles, StyleSpan(gap, "emphasis"))
    values = {name: getattr(doc, name) for name in init_fields(Document)}
    values["styles"] = styles
    return PreviewDocument(**values, head_end=head_end, tail_start=tail_start)
