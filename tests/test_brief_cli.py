"""`reader brief` as a user runs it: a Markdown briefing on a speaker or a sector."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

from tests.conftest import run_reader
from tests.corpus_library import write_corpus
from tests.library.conftest import write_library

LINK = re.compile(r"\]\((file://[^)#]+)#char=(\d+),(\d+)\)")


def quoted_by_links(markdown: str) -> list[tuple[str, str]]:
    """Each link's file name and the characters it points at, read from the file."""
    found = []
    for url, start, end in LINK.findall(markdown):
        path = Path(unquote(urlparse(url).path))
        found.append((path.name, path.read_text(encoding="utf-8")[int(start) : int(end)]))
    return found


def test_a_speakers_brief_quotes_newest_first_links_sectors_and_notes(tmp_path, db_file):
    folder = write_corpus(tmp_path / "corpus")
    add = run_reader(
        "notes", "add", "--doc", str(folder / "beta.txt"), "--quote", "The sanctions will fail",
        "--body", "Compare with the [EU](http://x) line", "--tag", "sanctions",
    )  # fmt: skip
    assert add.returncode == 0, add.stderr
    done = run_reader("brief", str(folder), "--speaker", "sergei lavrov")
    assert done.returncode == 0, done.stderr
    md = done.stdout
    assert md.startswith("# Briefing: Sergei Lavrov\n")
    assert "3 quotes in 3 articles" in md
    titles = re.findall(r"^### (.+)$", md.split("## Sectors")[0], re.M)
    assert titles == [
        "Gas talks in Geneva (2023-11-20)",
        "Lavrov on sanctions (2023-10-02)",
        "Lavrov visits Caracas (2023-09-14)",
    ]
    links = quoted_by_links(md.split("## Sectors")[0])
    assert links == [
        ("gamma.txt", "Gas prices will fall next year,"),
        ("beta.txt", "The sanctions will fail, and our oil exports will grow,"),
        ("alpha.txt", "We will expand bilateral trade in oil and gas,"),
    ]
    assert "| Energy | 3 | 3 |" in md
    notes = md.split("## Notes")[1]
    assert "Compare with the \\[EU\\]\\(http://x\\) line" in notes  # shown, not a link
    assert "`#sanctions`" in notes


def test_since_keeps_the_later_articles_and_o_writes_a_file(tmp_path, db_file):
    folder = write_corpus(tmp_path / "corpus")
    out = tmp_path / "brief.md"
    done = run_reader("brief", str(folder), "--speaker", "Lavrov", "--since", "2023-10-01",
                      "-o", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    md = out.read_text(encoding="utf-8")
    assert "2 quotes in 2 articles · since 2023-10-01" in md
    assert "Caracas" not in md


def test_a_sectors_brief_counts_by_month_and_the_quotes_on_it(tmp_path, db_file):
    folder = write_corpus(tmp_path / "corpus")
    done = run_reader("brief", str(folder), "--sector", "energy")
    assert done.returncode == 0, done.stderr
    md = done.stdout
    assert md.startswith("# Briefing: Energy\n")
    months = re.findall(r"^\| (\d{4}-\d\d) \| (\d+) \| (\d+) \|$", md, re.M)
    assert [m for m, _, _ in months] == ["2023-09", "2023-10", "2023-11"]
    assert "— Sergei Lavrov · direct · [gamma.txt" in md
    assert all(name in md for name in ("alpha.txt", "beta.txt", "gamma.txt"))
    assert "delta.md" not in md  # a harvest, no energy


def test_an_unknown_or_ambiguous_speaker_or_sector_is_one_line_and_exit_2(tmp_path, db_file):
    folder = write_library(tmp_path / "library")  # John Smith and Jane Smith
    for args, said in (
        (["--speaker", "Nobody Here"], "no speaker called 'Nobody Here'"),
        (["--speaker", "Smith"], "'Smith' is more than one speaker"),
        (["--sector", "poetry"], "no sector 'poetry'"),
        (["--speaker", "Lavrov", "--since", "last week"], "expected a date"),
    ):
        done = run_reader("brief", str(folder), *args)
        assert done.returncode == 2, (args, done.stderr)
        assert said in done.stderr and done.stderr.count("\n") == 1, done.stderr
        assert done.stdout == ""


def test_markdown_in_a_title_is_shown_not_followed(tmp_path, db_file):
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "x.txt").write_text(
        "date 2024-01-01 [Click](javascript:alert) *now*\n\n"
        '"Prices will rise," said Jane Smith, an economist.\n'
    )
    done = run_reader("brief", str(folder), "--speaker", "Jane Smith")
    assert done.returncode == 0, done.stderr
    assert "### \\[Click\\]\\(javascript:alert\\) \\*now\\* (2024-01-01)" in done.stdout
