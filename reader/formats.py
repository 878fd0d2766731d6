"""Marked-up articles turned into plain text plus style spans; Markdown read here.

The reader keeps one canonical plain text per document; markup becomes
``StyleSpan``s over it (headings, emphasis) so offsets stay plain-text offsets.
Web pages are read by ``reader.webpage`` with the same builder.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from reader import regexes
from reader.records import record
from reader.spans import Span
from reader.untrusted import clean_text

if TYPE_CHECKING:
    from markdown_it.token import Token

StyleKind = Literal["heading", "emphasis", "strong", "code"]


@record(frozen=True, slots=True)
class StyleSpan:
    """A piece of the canonical text the source file marked up."""

    span: Span
    kind: StyleKind


@record(frozen=True, slots=True)
class Converted:
    """Plain text of a marked-up file, what it styled, and the title/date it declared."""

    text: str
    styles: tuple[StyleSpan, ...]
    title: str | None = None
    date: str | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None  # a web page's own address, as its canonical link gives it


class Builder:
    """Accumulates blocks of text separated by blank lines, with style spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.styles: list[StyleSpan] = []
        self._open: dict[StyleKind, list[int]] = {}

    def write(self, chunk: str) -> None:
        chunk = clean_text(chunk)  # a character reference (&#x1b;, &#x202e;) decodes to one
        if chunk:
            self.parts.append(chunk)
            self.length += len(chunk)

    def end_block(self) -> None:
        """Close the current block: the next text starts a new paragraph."""
        while self.parts and not self.parts[-1].strip():
            self.length -= len(self.parts.pop())
        if self.parts:
            last = self.parts[-1]
            self.parts[-1] = last.rstrip()
            self.length -= len(last) - len(self.parts[-1])
        if self.length:
            self.write("\n\n")

    def open(self, kind: StyleKind) -> None:
        self._open.setdefault(kind, []).append(self.length)

    def close(self, kind: StyleKind) -> None:
        starts = self._open.get(kind)
        if starts:
            start = starts.pop()
            if self.length > start:
                self.styles.append(StyleSpan(Span(start, self.length), kind))

    def result(self) -> tuple[str, tuple[StyleSpan, ...]]:
        text = "".join(self.parts).rstrip()
        styles = tuple(
            StyleSpan(Span(s.span.start, min(s.span.end, len(text))), s.kind)
            for s in sorted(self.styles, key=lambda s: (s.span.start, s.span.end))
            if s.span.start < len(text)
        )
        return text, styles


_FRONT_MATTER = regexes.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_FM_FIELD = regexes.compile(r"^(title|date)\s*:\s*[\"']?(.*?)[\"']?\s*$", re.MULTILINE)
ISO_DATE = regexes.compile(r"\d{4}-\d{2}-\d{2}")

_INLINE_STYLE: dict[str, StyleKind] = {"em": "emphasis", "strong": "strong"}


def markdown_to_text(source: str) -> Converted:
    """Plain text of a Markdown article: headings and emphasis kept as styles."""
    title = date = None
    fm = _FRONT_MATTER.match(source)
    if fm:
        fields = dict(_FM_FIELD.findall(fm.group(1)))
        title = fields.get("title") or None
        found = ISO_DATE.search(fields.get("date", ""))
        date = found.group() if found else None
        source = source[fm.end() :]
    from markdown_it import MarkdownIt  # loaded only when a Markdown file opens

    md = MarkdownIt("commonmark")
    out = Builder()
    for token in md.parse(source):
        if token.type == "heading_open":
            out.open("heading")
        elif token.type == "heading_close":
            out.close("heading")
            out.end_block()
        elif token.type == "paragraph_close" and token.hidden:
            out.write("\n")  # an item of a tight list: one line each
        elif token.type in ("paragraph_close", "bullet_list_close", "ordered_list_close"):
            out.end_block()
        elif token.type == "list_item_open":
            out.write("• ")
        elif token.type in ("fence", "code_block"):
            out.open("code")
            out.write(token.content.rstrip("\n"))
            out.close("code")
            out.end_block()
        elif token.type == "inline":
            _inline(out, token.children or [])
    text, styles = out.result()
    if title is None:
        first = next((s for s in styles if s.kind == "heading"), None)
        title = first.span.text(text) if first else None
    return Converted(text, styles, title, date)


def _inline(out: Builder, children: list[Token]) -> None:
    for child in children:
        kind = child.type
        if kind in ("text", "html_inline"):
            out.write(child.content)
        elif kind == "code_inline":
            out.open("code")
            out.write(child.content)
            out.close("code")
        elif kind == "softbreak" or kind == "hardbreak":
            out.write("\n")
        elif kind == "image":
            out.write(child.content)
        elif kind.endswith("_open") and kind[:-5] in _INLINE_STYLE:
            out.open(_INLINE_STYLE[kind[:-5]])
        elif kind.endswith("_close") and kind[:-6] in _INLINE_STYLE:
            out.close(_INLINE_STYLE[kind[:-6]])
