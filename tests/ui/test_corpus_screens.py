"""The library's screens with keys (Pilot): speakers and their quotes, sectors, search,
notes; each opens its article at the place chosen."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from reader.ui.screens.library_notes import NotesScreen
from reader.ui.screens.library_search import SearchScreen
from reader.ui.screens.reader import ReaderScreen
from reader.ui.screens.sectors import SectorBars, SectorsScreen
from reader.ui.screens.speakers import SpeakerQuotesScreen, SpeakersScreen
from tests.corpus_library import RARE_WORD

from .conftest import SIZE
from .corpus_app import add_notes, corpus_app, ready


def shown(screen) -> list[str]:
    """The plain text of the list's options that go somewhere (not the headings)."""
    found = screen.query_one("#corpus-list", OptionList)
    return [
        str(found.get_option_at_index(i).prompt)
        for i in range(found.option_count)
        if screen.places[i] is not None
    ]


def opened_at(app, name: str, offset: int) -> None:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    assert Path(screen.doc.path).name == name
    assert screen.article.cursor == screen.doc.paragraph_at(offset)


async def test_speakers_with_counts_filtered_then_quotes_newest_first_open_at_the_quote(
    tmp_path, db_file
):
    app = corpus_app(tmp_path / "corpus", db_file)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("P")
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, SpeakersScreen)
        counts = {s.name: (s.documents, s.quotes) for s in screen.found}
        assert counts == {"Sergei Lavrov": (3, 3), "Jane Smith": (2, 2)}
        assert "3 docs" in shown(screen)[0] and "3 quotes" in shown(screen)[0]
        await pilot.press("slash", *"smith")
        await ready(pilot)
        assert [s.name for s in screen.found] == ["Jane Smith"]
        await pilot.press("escape")  # the filter cleared: everyone again
        await ready(pilot)
        assert [s.name for s in screen.found] == ["Sergei Lavrov", "Jane Smith"]
        await pilot.press("enter")
        await ready(pilot)
        quotes = app.screen
        assert isinstance(quotes, SpeakerQuotesScreen)
        assert [Path(p).name for p, _ in quotes.places] == ["gamma.txt", "beta.txt", "alpha.txt"]
        first = shown(quotes)[0]
        assert first.startswith("2023-11-20  Gas talks in Geneva") and "Gas prices" in first
        await pilot.press("j", "enter")
        await ready(pilot)
        text = (tmp_path / "corpus" / "beta.txt").read_text()
        opened_at(app, "beta.txt", text.index("The sanctions will fail"))
        await pilot.press("o")  # back to the quotes, where it was
        await ready(pilot)
        assert app.screen is quotes


async def test_sectors_show_bars_and_a_time_line_and_the_articles_behind_a_month(tmp_path, db_file):
    app = corpus_app(tmp_path / "corpus", db_file)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("X")
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, SectorsScreen)
        bars = str(screen.query_one(SectorBars).render())
        assert "Energy" in bars and "█" in bars and "75%" in bars
        timeline = str(screen.query_one("#sector-timeline").render())
        assert "2023-09" in timeline and "2023-11" in timeline
        assert screen.shares[0].id == "energy"
        assert len(screen.places) == 3  # every month: the three articles on energy
        await pilot.press("right")  # the first month, 2023-09
        await ready(pilot)
        assert [Path(p).name for p, _ in screen.places] == ["alpha.txt"]
        assert "Sergei Lavrov" in str(screen.query_one("#sector-speakers").render())
        await pilot.press("enter")  # to the articles
        assert app.focused is screen.options
        await pilot.press("enter")  # open the article at its first mention
        await ready(pilot)
        text = (tmp_path / "corpus" / "alpha.txt").read_text()
        opened_at(app, "alpha.txt", text.index("oil"))


async def test_search_finds_the_word_of_one_article_and_opens_at_it(tmp_path, db_file):
    app = corpus_app(tmp_path / "corpus", db_file)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("F", *RARE_WORD)
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert [Path(p).name for p, _ in screen.places] == ["gamma.txt"]
        await pilot.press("backspace", "backspace", "asterisk")  # a prefix: quixotical*
        await ready(pilot)
        assert [Path(p).name for p, _ in screen.places] == ["gamma.txt"]
        await pilot.press("enter", "enter")  # to the results, then open the first
        await ready(pilot)
        text = (tmp_path / "corpus" / "gamma.txt").read_text()
        opened_at(app, "gamma.txt", text.index(RARE_WORD))


async def test_search_phrases_words_and_nothing_to_search(tmp_path, db_file):
    app = corpus_app(tmp_path / "corpus", db_file)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("F", *'"gas prices"')
        await ready(pilot)
        screen = app.screen
        names = {Path(p).name for p, _ in screen.places}
        assert names == {"gamma.txt"}  # the phrase, not "gas" and "prices" apart
        screen.filter_box.value = '"'  # no word: said, never an error of the database
        await ready(pilot)
        assert screen.places == []
        assert "nothing to search for" in str(screen.query_one("#corpus-status").render())


async def test_notes_by_document_tag_and_date_filtered_open_at_the_note(tmp_path, db_file):
    app = corpus_app(tmp_path / "corpus", db_file)
    notes = add_notes(tmp_path / "corpus", db_file)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("M")
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        bodies = [line.split("\n")[1].strip() for line in shown(screen)]
        assert bodies == ["Oil and gas first", "Harvest [bold]record[/bold]", "Ask who blocked it"]
        await pilot.press("s")  # by tag: a note under each of its tags
        await ready(pilot)
        assert screen.order == "tag"
        assert len(screen.places) == 4 + 4  # four headings (3 tags, no tag), four entries
        await pilot.press("s")  # by date, newest first
        await ready(pilot)
        assert "Harvest" in shown(screen)[0]
        await pilot.press("slash", *"#telecom", "enter")
        await ready(pilot)
        assert len(shown(screen)) == 1 and "Ask who blocked it" in shown(screen)[0]
        await pilot.press("enter")
        await ready(pilot)
        assert notes[1].target is not None
        opened_at(app, "gamma.txt", notes[1].target.start)


async def test_each_screen_is_a_key_from_the_reader_and_in_the_palette(tmp_path, db_file):
    app = corpus_app(tmp_path / "corpus", db_file)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        names = [name for name, _cb, _help in app.screen.palette_commands()]
        for name in ("Speakers of the library", "Sectors of the library", "Search the whole"):
            assert any(n.startswith(name) for n in names), names
        await pilot.press("enter")  # the first article
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        names = [name for name, _cb, _help in app.screen.palette_commands()]
        assert any(n.startswith("Every note of the library") for n in names)
        await pilot.press("X")
        await ready(pilot)
        assert isinstance(app.screen, SectorsScreen)
        await pilot.press("P")  # one library screen replaces another: no pile
        await ready(pilot)
        assert isinstance(app.screen, SpeakersScreen)
        await pilot.press("escape")
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen)


async def test_without_a_library_the_keys_do_nothing(seed_doc, db_file, analysis):
    from reader.notes.store import NoteStore
    from reader.ui.app import ReaderApp

    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("P", "X", "F", "M")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        names = [name for name, _cb, _help in app.screen.palette_commands()]
        assert not any(n.startswith("Speakers of the library") for n in names)


def test_the_new_keys_clash_with_no_other_where_they_act():
    from textual.binding import Binding

    from reader.ui.app import focus_chains
    from reader.ui.screens.corpus_keys import CORPUS_BINDINGS

    ours = {b.key for b in CORPUS_BINDINGS if isinstance(b, Binding)}
    for chain in focus_chains():
        if chain.typing:
            continue  # a text field has the focus: the letters are typed
        keys = [
            k.strip()
            for node in chain.nodes
            for b in node.BINDINGS
            if isinstance(b, Binding)
            for k in b.key.split(",")
        ]
        for key in ours & set(keys):
            assert keys.count(key) == 1, (chain.where, key)


async def test_help_names_the_library_screens_keys(tmp_path, db_file, seed_doc, analysis):
    from reader.notes.store import NoteStore
    from reader.ui.app import ReaderApp
    from reader.ui.screens.help import HelpScreen

    app = corpus_app(tmp_path / "corpus", db_file)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("P")
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        sections = dict(app.screen_stack[-2].help_sections())
        ids = {b.id for b in sections["Speakers of the library"]}
        assert {"corpus.choose", "corpus.filter", "corpus.sectors"} <= ids
    alone = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)
    async with alone.run_test(size=SIZE):
        listed = {b.id for _, bindings in alone.screen.help_sections() for b in bindings}
        assert "corpus.speakers" not in listed  # no library: not offered
