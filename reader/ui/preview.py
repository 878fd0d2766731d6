"""A first screenful of a long file, shown while the whole file is read.

A plain-text file over ``PREVIEW_BYTES`` is opened in two steps: its first
paragraphs (cut at a blank line) become a preview Document at once; the whole
Document replaces it when loaded. Offsets agree: loading is local, so the
preview's text is a prefix of the whole text.
"""

from __future__ import annotations

from pathlib import Path

from reader.document import FORMATS, MAX_BYTES, Document, decode, document_from_text

PREVIEW_BYTES = 512 * 1024
"""Files larger than this paint a preview first."""

HEAD_BYTES = 256 * 1024
"""How much of the file the preview reads."""


def preview_document(path: str | Path) -> Document | None:
    """The preview of a long plain-text file, or None when the file should load whole."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size <= PREVIEW_BYTES or size > MAX_BYTES or p.suffix.lower() in FORMATS:
            return None
        with p.open("rb") as f:
            head = f.read(HEAD_BYTES)
    except OSError:
        return None
    cut = head.rfind(b"\n\n")
    if b"\x00" in head or cut <= 0:
        return None
    raw, notices = decode(head[:cut])
    if not raw.strip() or notices:  # not UTF-8: let the whole load decide the encoding
        return None
    return document_from_text(raw, path=str(path))
