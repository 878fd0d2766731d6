"""The library's screens in a real terminal (tmux), on a small generated library: from the
library to a speaker's quotes and into the article at one, the sectors' chart, a search."""

from __future__ import annotations

import os
import sys

from reader.document import load_document
from tests.conftest import REPO
from tests.corpus_library import RARE_WORD, write_corpus
from tests.terminal import Terminal, tmux_or_skip


def test_speaker_quotes_to_the_article_then_sectors_chart_then_a_rare_word(tmp_path):
    tmux_or_skip()
    folder = write_corpus(tmp_path / "corpus")
    quote_doc = load_document(folder / "beta.txt")
    at = quote_doc.paragraph_at(quote_doc.text.index("The sanctions will fail"))
    where = f"¶{at + 1}/{len(quote_doc.paragraphs)} · Sergei Lavrov (direct)"
    env = {
        "READER_DB": str(tmp_path / "notes.json"),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),  # a fresh index, built at launch
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    }
    command = [sys.executable, "-m", "reader", str(folder)]
    with Terminal(command, cwd=REPO, env=env) as term:
        term.wait_for("Gas talks in Geneva", "4 shown", timeout=60)  # every row indexed
        term.keys("P")
        term.wait_for("speakers of the library", "Sergei Lavrov", "3 docs", "3 quotes")
        term.keys("Enter")
        term.wait_for("quotes of Sergei Lavrov", "3 quotes, newest first")
        shown = term.screen()
        order = [shown.index(t) for t in ("2023-11-20", "2023-10-02", "2023-09-14")]
        assert order == sorted(order), shown  # newest first
        term.keys("j", "Enter")  # the second quote, of beta.txt
        screen = term.wait_for("Lavrov on sanctions", where)
        cursor_line = next(line for line in screen.splitlines() if "sanctions will fail" in line)
        assert "▌" in cursor_line  # the quote's own bar, on the paragraph of the cursor
        term.keys("X")
        chart = term.wait_for("sectors of the library", "Energy", "75%", "by month")
        assert "█" in chart and "2023-09" in chart
        term.keys("F", RARE_WORD)
        found = term.wait_for("1 match, best first", "Gas talks in Geneva")
        assert "Lavrov on sanctions" not in found
        term.keys("Enter", "Enter")
        term.wait_for(RARE_WORD, "¶4/4")
