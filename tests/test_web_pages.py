"""Saved web pages open as their article: menus, banners and footers left out."""

from __future__ import annotations

import socket

from reader.document import load_document

ARTICLE = [
    "The finance ministry said on Tuesday that copper exports rose by a fifth in the "
    "first quarter, as new mines in the north came into production ahead of schedule.",
    "Officials expect the trade surplus to widen further this year, although falling "
    "prices on the London Metal Exchange could erase part of the gain, the minister said.",
    "Economists at the central bank warned that the currency had strengthened sharply "
    "and that exporters of manufactured goods were already losing orders to neighbours.",
]
BOILERPLATE = ["Subscribe now", "We use cookies", "Accept all", "Privacy policy",
               "Most read", "Football scores", "All rights reserved"]  # fmt: skip

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<title>Copper exports surge | The Daily Ledger</title>
<meta property="og:site_name" content="The Daily Ledger">
<meta property="article:published_time" content="2024-03-05T08:30:00Z">
<meta name="author" content="Ana Morales">
<link rel="canonical" href="https://ledger.example/copper">
<meta property="og:url" content="https://ledger.example/copper">
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your
experience on our site.</p><button>Accept all</button></div>
<header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a>
</li><li><a href="/markets">Markets</a></li><li><a href="/s">Subscribe now</a></li></ul>
</nav></header>
<main><article>
<h1>Copper exports surge</h1>
<p class="byline">By Ana Morales, <time datetime="2024-03-05">5 March 2024</time></p>
<p>{ARTICLE[0]}</p>
<h2>Surplus to widen</h2>
<p>{ARTICLE[1].replace("London Metal Exchange", "<em>London Metal Exchange</em>")}</p>
<p>{ARTICLE[2]}</p>
</article>
<aside class="related"><h3>Most read</h3><ul><li><a href="/a">Football scores from the
weekend</a></li><li><a href="/b">Ten recipes for spring</a></li></ul></aside>
</main>
<footer><p>© 2024 The Daily Ledger. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def test_article_kept_and_boilerplate_dropped(tmp_path):
    path = tmp_path / "copper.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = load_document(path)
    texts = [p.text(doc.text) for p in doc.paragraphs]
    for paragraph in ARTICLE:
        assert paragraph in texts
    for junk in BOILERPLATE:
        assert junk not in doc.text
    assert doc.title == "Copper exports surge"
    assert doc.date == "2024-03-05"
    assert doc.author == "Ana Morales" and doc.site == "The Daily Ledger"
    styled = {(s.kind, s.span.text(doc.text)) for s in doc.styles}
    assert ("heading", "Surplus to widen") in styled
    assert ("emphasis", "London Metal Exchange") in styled


def test_page_without_main_text_still_opens(tmp_path):
    path = tmp_path / "links.html"
    path.write_text(
        # The extractor takes a "menu" block for furniture and finds no main text.
        "<html><head><title>Port notices</title></head><body>"
        "<div class='menu'>Berth 4 closed.</div></body></html>",
        encoding="utf-8",
    )
    doc = load_document(path)
    assert doc.title == "Port notices" and doc.text == "Berth 4 closed."


def test_entities_cannot_smuggle_controls(tmp_path):
    path = tmp_path / "bidi.html"
    page = PAGE.replace("Ana Morales", "Ana &#x202e;Morales&#x1b;[31m")
    page = page.replace("Copper exports surge</h1>", "Copper &#x202e;exports surge</h1>")
    path.write_text(page.replace(ARTICLE[0], "&#x202e;" + ARTICLE[0] + "&#x9b;"), "utf-8")
    doc = load_document(path)
    for value in (doc.text, doc.title, doc.author or ""):
        assert not any("\u202a" <= c <= "\u202e" or c in "\x1b\x9b" for c in value)
    assert "first quarter" in doc.text


def test_reading_a_page_never_touches_the_network(tmp_path, monkeypatch):
    attempts: list[tuple[object, ...]] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)  # recorded: a library may swallow the error raised here
        raise OSError("network used")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    page = tmp_path / "copper.html"
    page.write_text(PAGE, encoding="utf-8")
    assert load_document(page).date == "2024-03-05"
    bare_url = tmp_path / "url.html"
    bare_url.write_text("https://ledger.example/copper", encoding="utf-8")
    assert "ledger.example" in load_document(bare_url).text
    assert attempts == []
