"""Saved web pages turned into plain text plus style spans.

The article of a page as trafilatura finds it (its text, headline, date,
author and site), else the whole page read by the standard library's HTML
parser. Loaded only when a web page opens: neither is needed for text or
Markdown.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from typing import Any

from reader.formats import ISO_DATE, Builder, Converted, StyleKind
from reader.untrusted import clean_line

_SKIP = {
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript",
    "svg", "button", "iframe", "template", "select", "figure",
}  # fmt: skip
_BLOCK = {
    "p", "div", "section", "article", "main", "li", "blockquote", "pre", "br",
    "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "ul", "ol", "dd", "dt",
}  # fmt: skip
_HTML_STYLE: dict[str, StyleKind] = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading",
    "em": "emphasis", "i": "emphasis", "strong": "strong", "b": "strong", "code": "code",
}  # fmt: skip
_VOID = {"br", "img", "hr", "meta", "link", "input", "wbr", "source", "area", "col", "base"}


class _ArticleHTML(HTMLParser):
    """Collects the readable text of an HTML page, block by block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = Builder()
        self.skip_depth = 0
        self.stack: list[str] = []
        self.title_parts: list[str] = []
        self.in_title = False
        self.date: str | None = None
        self.url: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link":
            found = dict(attrs)
            if self.url is None and (found.get("rel") or "").lower() == "canonical":
                self.url = web_url(found.get("href"))
            return
        if tag == "meta":
            found = dict(attrs)
            prop = (found.get("property") or found.get("name") or "").lower()
            if self.date is None and "published" in prop and found.get("content"):
                m = ISO_DATE.search(found["content"] or "")
                self.date = m.group() if m else None
            return
        if tag in _VOID:
            if tag == "br" and not self.skip_depth:
                self.out.write("\n")
            return
        self.stack.append(tag)
        if tag == "title":
            self.in_title = True
        if tag in _SKIP:
            self.skip_depth += 1
        elif not self.skip_depth:
            if tag in _BLOCK:
                self.out.end_block()
            if tag in _HTML_STYLE:
                self.out.open(_HTML_STYLE[tag])

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in self.stack:
            return
        while self.stack:
            top = self.stack.pop()
            if top == "title":
                self.in_title = False
            if top in _SKIP:
                self.skip_depth -= 1
            elif not self.skip_depth:
                if top in _HTML_STYLE:
                    self.out.close(_HTML_STYLE[top])
                if top in _BLOCK:
                    self.out.end_block()
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skip_depth and "head" not in self.stack:
            collapsed = re.sub(r"[ \t\n\r\f]+", " ", data)
            if self.out.length == 0 or self.out.parts[-1].endswith(("\n", " ")):
                collapsed = collapsed.lstrip()
            self.out.write(collapsed)


def html_to_text(source: str) -> Converted:
    """Plain text of an HTML article: its main text as trafilatura finds it.

    A page where it finds none is read whole by ``html_page_text`` instead, so a
    page never opens empty.
    """
    return _main_text(source) or html_page_text(source)


def html_page_text(source: str) -> Converted:
    """Plain text of a whole HTML page: title and body paragraphs, page furniture dropped."""
    parser = _ArticleHTML()
    parser.feed(source)
    parser.close()
    text, styles = parser.out.result()
    title = " ".join(clean_line("".join(parser.title_parts)).split()) or None
    if title is None:
        first = next((s for s in styles if s.kind == "heading"), None)
        title = first.span.text(text) if first else None
    return Converted(text, styles, title, parser.date, url=parser.url)


def web_url(value: str | None) -> str | None:
    """``value`` when it is an absolute ``http(s)`` address on one line, else None."""
    url = (value or "").strip()
    if not url.lower().startswith(("https://", "http://")) or any(c.isspace() for c in url):
        return None
    return url if clean_line(url) == url else None


# trafilatura's XML: blocks, and the ``rend`` of its <hi> elements.
_XML_BLOCK = {"p", "head", "item", "quote", "code", "row", "list", "table"}
_XML_HI: dict[str, StyleKind] = {"#b": "strong", "#i": "emphasis", "#t": "code"}
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())  # its warnings: no stderr


def _main_text(source: str) -> Converted | None:
    """The article of a page as trafilatura finds it, or None where it finds no text.

    Nothing is ever fetched: no URL is given, and the extractor gets a parsed tree,
    never a string (htmldate downloads a string that looks like a URL).
    """
    import trafilatura  # lxml and trafilatura load only when a web page opens
    from trafilatura.settings import set_date_params
    from trafilatura.utils import load_html  # parses only; its loader never downloads

    try:
        tree = load_html(source)
        if tree is None:
            return None
        found = trafilatura.bare_extraction(
            tree,
            url=None,
            favor_precision=True,
            include_comments=False,
            include_formatting=True,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=True,
            # No free-text date search: it runs dateparser over 200 locales, seconds per
            # page, for one more date in 54 on the dev pages.
            date_extraction_params=set_date_params(extensive=False),
        )
    except Exception:  # a page it cannot parse is read by the plain reader
        return None
    body = getattr(found, "body", None)
    if body is None:
        return None
    out = Builder()
    title = _meta(found, "title")
    if title:  # the headline, where the extracted body does not start with it
        first = "".join(body.itertext()).lstrip()
        if not first.startswith(title):
            out.open("heading")
            out.write(title)
            out.close("heading")
            out.end_block()
    _xml(out, body)
    text, styles = out.result()
    if not text.strip() or (title and text.strip() == title):
        return None
    found_date = ISO_DATE.match(_meta(found, "date") or "")
    return Converted(
        text,
        styles,
        title,
        found_date.group() if found_date else None,
        _meta(found, "author"),
        _meta(found, "sitename"),
        web_url(_meta(found, "url")),
    )


def _meta(found: object, name: str) -> str | None:
    value = getattr(found, name, None)
    if not isinstance(value, str):
        return None
    return " ".join(clean_line(value).split()) or None


def _xml(out: Builder, node: Any) -> None:
    """Write one element of trafilatura's XML and its children, then its tail."""
    tag = node.tag if isinstance(node.tag, str) else ""
    kind: StyleKind | None = None
    if tag == "head":
        kind = "heading"
    elif tag == "hi":
        kind = _XML_HI.get(node.get("rend", ""))
    elif tag == "code":
        kind = "code"
    if tag in _XML_BLOCK:
        out.end_block()
    if tag == "item":
        out.write("• ")
    if kind:
        out.open(kind)
    if tag == "lb":
        out.write("\n")
    elif tag == "cell" and node.getprevious() is not None:
        out.write("\t")
    if node.text:
        out.write(_collapse(node.text, out) if tag != "code" else node.text)
    for child in node:
        _xml(out, child)
    if kind:
        out.close(kind)
    if tag in _XML_BLOCK:
        out.end_block()
    if node.tail:
        out.write(_collapse(node.tail, out))


def _collapse(data: str, out: Builder) -> str:
    collapsed = re.sub(r"[ \t\n\r\f]+", " ", data)
    if out.length == 0 or out.parts[-1].endswith(("\n", " ", "\t")):
        collapsed = collapsed.lstrip()
    return collapsed
