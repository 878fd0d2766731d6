"""Untrusted text made safe to store and show: one pattern, used for every kind.

Article text, note bodies, tags, imported notes, keymap entries, titles and
paths all come from outside the program. Shown in a terminal, a control
character in them acts instead of showing (ESC starts a colour, a title, a
hyperlink; C1 ``U+009B`` is a one-byte CSI), and a bidi override makes text
read in another order than it is stored. :data:`CONTROL` matches all of those:

- C0 controls except ``\\t`` and ``\\n`` (ESC, BEL, ``\\r``, NUL, ...),
- DEL and the C1 block (``U+007F``-``U+009F``),
- the bidi embeddings, overrides and isolates (``U+202A``-``U+202E``,
  ``U+2066``-``U+2069``); the marks ``U+200E``/``U+200F`` stay, RTL text needs them.

:func:`clean_text` is for text that has lines (an article, a note body);
:func:`clean_line` for a one-line field (a tag, a title, a path, a key), where
a line break or a tab would break the layout, so each becomes one space.
Where a format can carry the characters without emitting them raw and the
value is an identity (a note's document path in JSON), :func:`escape_json`
writes them as ``\\uXXXX`` escapes instead. Pure: no terminal code.
"""

from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""One character that must never reach the terminal (keeps ``\\t`` and ``\\n``)."""

_LINE_BREAK = re.compile(r"\r\n?")
_LAYOUT = re.compile(r"[\t\n]")
# The same characters as CONTROL as they are encoded in UTF-8 JSON. orjson already
# writes C0 as \u00XX; DEL, C1 and the bidi controls it leaves raw. UTF-8 lead bytes
# never occur inside another character, so these byte pairs/triples are those characters.
_RAW_IN_JSON = re.compile(rb"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")


def clean_text(text: str) -> str:
    """``text`` without control characters; ``\\r\\n`` and ``\\r`` become ``\\n``.

    Keeps ``\\n``, ``\\t`` and every other character (letters of any script,
    RTL marks, emoji, U+FFFD). Returns ``text`` itself when it is clean.
    """
    if not CONTROL.search(text):
        return text
    if "\r" in text:
        text = _LINE_BREAK.sub("\n", text)
    return CONTROL.sub("", text)


def clean_line(text: str) -> str:
    """A one-line field: :func:`clean_text`, then each line break or tab becomes a space."""
    text = clean_text(text)
    return _LAYOUT.sub(" ", text) if "\n" in text or "\t" in text else text


def escape_json(data: bytes) -> bytes:
    """UTF-8 JSON with the :data:`CONTROL` characters that were raw written as ``\\uXXXX``.

    Outside strings JSON cannot hold these characters, so the escapes land in
    strings and the parsed value is unchanged: an identity stays exact, and
    the bytes are safe to print.
    """
    return _RAW_IN_JSON.sub(lambda m: b"\\u%04x" % ord(m.group().decode("utf-8")), data)
