"""The readable report: highlights and tables, article text never read as markup."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

from rich.console import Console

from reader.analysis import analyze
from reader.commands.report import highlighted, print_report
from reader.document import Document, document_from_text

HOSTILE = (
    "Markup test [bold]x[/bold]\n\n"
    'The minister [@click=app.quit] said oil prices [red]rose[/red], "and [link=x]y[/link] '
    'matters," she added.\n'
)


def render(doc: Document, color: bool) -> str:
    buf = io.StringIO()
    console = Console(
        file=buf, width=100, force_terminal=color, color_system="standard" if color else None
    )
    print_report(doc, analyze(doc.text), console)
    return buf.getvalue()


def test_report_lists_speakers_quotes_and_sectors(seed_doc: Document) -> None:
    out = render(seed_doc, color=False)
    for expected in ("Speakers", "Quotes", "Sectors", "Sergei Lavrov", "Yvan Gil", "MFA Russia"):
        assert expected in out
    assert "Russian Foreign Affairs Minister" in out
    assert "Finance & banking" in out


def test_article_markup_is_shown_literally() -> None:
    doc = document_from_text(HOSTILE, path="hostile.txt")
    out = render(doc, color=True)
    assert "[bold]x[/bold]" in out
    assert "[@click=app.quit]" in out
    assert "[red]rose[/red]" in out
    assert "[link=x]y[/link]" in out


def test_highlights_follow_the_offsets(seed_doc: Document) -> None:
    result = analyze(seed_doc.text)
    text = highlighted(seed_doc, result)
    assert text.plain == seed_doc.text
    lavrov = result.speakers[0].mentions[0]
    styles = {str(span.style) for span in text.spans if span.start == lavrov.start}
    assert any("bold" in s for s in styles)


def _cli_report(seed_path: Path, **env_extra: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR"}}
    env.update(env_extra, TERM="xterm-256color", COLUMNS="100")
    return subprocess.run(
        [sys.executable, "-m", "reader", "analyze", str(seed_path)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=60,
    ).stdout


def test_cli_report_honours_no_color(seed_path: Path) -> None:
    coloured = _cli_report(seed_path, FORCE_COLOR="1")
    plain = _cli_report(seed_path, FORCE_COLOR="1", NO_COLOR="1")
    colour_codes = re.compile(r"\x1b\[[0-9;]*(?:3[0-9]|9[0-7])[;m]")
    assert colour_codes.search(coloured)
    assert not colour_codes.search(plain)
    assert "Sergei Lavrov" in plain


def test_report_mentions_a_broken_user_lexicon(
    seed_doc: Document, tmp_path: Path, monkeypatch
) -> None:
    from reader.analysis import lexicon as lexicon_module

    (tmp_path / "reader").mkdir()
    (tmp_path / "reader" / "sectors.toml").write_text("[energy\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    lexicon_module.lexicon.cache_clear()
    try:
        out = render(seed_doc, color=False)
    finally:
        lexicon_module.lexicon.cache_clear()
    assert "not valid TOML" in " ".join(out.split())
