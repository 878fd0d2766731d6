"""Notes out of the store: Markdown, JSON (as stored) and W3C JSON-LD (:mod:`.interchange`
reads them back in)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import orjson

from reader.notes import w3c
from reader.notes.model import Note
from reader.untrusted import clean_line, clean_text, escape_json

FORMATS = ("md", "json", "w3c")

_MD_LINE_START = re.compile(r"^(\s*)([#>+*=|`~-]|\d+[.)])", re.MULTILINE)


def md_text(text: str) -> str:
    """Plain text made safe for Markdown: no control characters, raw HTML or block markup."""
    text = clean_text(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _stamp(iso: str) -> str:
    return iso.replace("T", " ").replace("Z", " UTC")


def to_markdown(notes: list[Note], titles: Mapping[str, str] | None = None) -> str:
    """Notes grouped by document, in document order: quote, note, tags, date, id."""
    titles = titles or {}
    groups: dict[str, list[Note]] = {}
    for note in notes:
        groups.setdefault(note.document, []).append(note)
    out = ["# Notes", ""]
    for document, group in groups.items():
        title = titles.get(document)
        path = f"`{clean_line(document)}`"
        heading = f"{md_text(clean_line(title))} ({path})" if title else path
        out += [f"## {heading}", ""]
        group.sort(key=lambda n: (n.target.start, n.target.end) if n.target else (-1, -1))
        for note in group:
            if note.target is not None:
                quote = " ".join(note.target.exact.split())
                out += [f"> {md_text(quote)}", ""]
            else:
                out += ["*On the whole document.*", ""]
            if note.body.strip():
                out += [md_text(note.body.strip()), ""]
            meta = []
            if note.tags:
                meta.append(" ".join(f"`#{clean_line(t)}`" for t in note.tags))
            meta.append(_stamp(clean_line(note.modified)))
            meta.append(f"id `{clean_line(note.id)}`")
            out += [" · ".join(meta), ""]
    if not groups:
        out += ["No notes.", ""]
    return "\n".join(out)


def to_json(notes: list[Note]) -> bytes:
    """The notes as stored: a JSON array of note objects (no raw control character)."""
    data = orjson.dumps([n.to_dict() for n in notes], option=orjson.OPT_INDENT_2)
    return escape_json(data) + b"\n"


def export(
    notes: list[Note],
    fmt: str,
    titles: Mapping[str, str] | None = None,
    folder: str | Path | None = None,
) -> bytes:
    """``titles`` by document name; ``folder``: the notes file's, for W3C source IRIs."""
    if fmt == "md":
        return to_markdown(notes, titles).encode("utf-8")
    if fmt == "json":
        return to_json(notes)
    if fmt == "w3c":
        return w3c.dumps(notes, folder)
    raise ValueError(f"unknown export format {fmt!r} (use one of {', '.join(FORMATS)})")
