"""The article's lines and the screen's panes: offsets survive wrapping, widths are respected,
the article keeps 40 columns at any terminal size and every pane stays in reach."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader import reading
from reader.analysis.model import Analysis, SectorHit, Speaker
from reader.document import document_from_text
from reader.notes.store import NoteStore
from reader.spans import Span
from reader.ui.app import ReaderApp
from reader.ui.background import settled
from reader.ui.layout import Kind, Layout, drawn, wrap
from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.legend import Legend, legend_row
from reader.ui.widgets.notes_pane import NoteList

words = st.lists(
    st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzé漢"), min_size=1, max_size=25),
    min_size=1,
    max_size=60,
)
separators = st.sampled_from([" ", "  ", "\n", " \n "])


@settings(max_examples=150, deadline=None)
@given(words=words, seps=st.lists(separators, min_size=60, max_size=60), width=st.integers(4, 70))
def test_wrap_keeps_every_word_in_order_within_the_width(words, seps, width):
    text = "".join(w + s for w, s in zip(words, seps, strict=False)).rstrip()
    lines = wrap(text, 0, len(text), width)
    for start, end in lines:
        shown, columns = drawn(text, start, end)
        assert cell_len(shown) <= max(width, 2)  # as drawn: a newline and its indent are one space
        assert "\n" not in shown
        assert text[start:end] == text[start:end].strip()
        if columns is not None:
            assert len(columns) == end - start + 1 and columns[-1] == len(shown)
            assert all(a <= b for a, b in itertools.pairwise(columns))
    # Nothing lost or repeated: the non-space characters read the same, in order.
    assert "".join("".join(text[s:e].split()) for s, e in lines) == "".join(text.split())
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(lines))


def test_wrap_breaks_at_spaces_and_splits_only_overlong_words():
    text = "alpha beta gamma " + "x" * 12
    lines = [text[s:e] for s, e in wrap(text, 0, len(text), 10)]
    assert lines == ["alpha beta", "gamma", "xxxxxxxxxx", "xx"]


def test_layout_maps_offsets_to_lines_and_back(seed_doc):
    layout = Layout(seed_doc, 50)
    for index, para in enumerate(seed_doc.paragraphs):
        first = layout.first_line[index]
        assert layout.paragraph_of(first) == index
        assert layout.last_line(index) >= first
        if seed_doc.post_at(index) is None:
            assert layout[first].start == para.start
            last = layout.last_line(index)
            if layout[last].kind == Kind.DATE:
                last -= 1
            assert layout.line_of(para.end - 1) == last
    assert layout[0].kind == Kind.TITLE
    kinds = {layout[y].kind for y in range(len(layout))}
    assert {Kind.TITLE, Kind.DATE, Kind.TEXT, Kind.BLANK, Kind.POST_HEADER, Kind.POST} <= kinds


def test_narrower_layout_has_more_lines_and_same_paragraph_starts(seed_doc):
    wide, narrow = Layout(seed_doc, 90), Layout(seed_doc, 30)
    assert len(narrow) > len(wide)
    for index in range(len(seed_doc.paragraphs)):
        assert narrow[narrow.first_line[index]].start == wide[wide.first_line[index]].start


def test_plain_text_without_header_has_no_date_line():
    doc = document_from_text("A title\n\nOne paragraph here.\n\nAnother one.")
    layout = Layout(doc, 40)
    assert [layout[y].kind for y in range(len(layout))] == [
        Kind.TITLE,
        Kind.BLANK,
        Kind.TEXT,
        Kind.BLANK,
        Kind.TEXT,
    ]


HARD_WRAPPED = "      First line of a\n  paragraph that goes on\n  over three lines."


def test_a_newline_and_its_indent_inside_a_paragraph_are_drawn_as_one_space():
    start = HARD_WRAPPED.index("First")
    shown, columns = drawn(HARD_WRAPPED, start, len(HARD_WRAPPED))
    assert shown == "First line of a paragraph that goes on over three lines."
    for word in ("paragraph", "over", "lines"):  # offsets still find their words
        at = HARD_WRAPPED.index(word) - start
        assert shown[columns[at] : columns[at + len(word)]] == word
    assert drawn("no break here", 0, 13) == ("no break here", None)


def test_wrap_measures_hard_wrapped_lines_as_drawn():
    text = HARD_WRAPPED
    lines = [drawn(text, s, e)[0] for s, e in wrap(text, 0, len(text), 25)]
    assert lines == ["First line of a paragraph", "that goes on over three", "lines."]
    assert [drawn(text, s, e)[0] for s, e in wrap(text, 0, len(text), 60)] == [
        "First line of a paragraph that goes on over three lines."
    ]


# -- the screen at any size ---------------------------------------------------------------


def test_a_legend_row_fills_its_width_with_the_count_in_its_own_column():
    row = legend_row("●", "#ffffff", "U.S. Agriculture Department", 1457, 24, 4)
    assert row.plain == "● U.S. Agriculture… 1457"
    short = legend_row("■", "#ffffff", "Energy", 2, 24, 4)
    assert short.plain == "■ Energy               2"
    assert len(short.plain) == len(row.plain) == 24


def _busy_analysis(doc) -> Analysis:
    """A speaker and a sector with the counts of a 20 MB file."""
    first = Span(0, 5)
    speakers = [
        Speaker(id="record", name="Record February", kind="person", mentions=[first] * 4383),
        Speaker(
            id="usda",
            name="U.S. Agriculture Department",
            kind="organization",
            mentions=[first] * 457,
        ),
    ]
    sectors = [SectorHit("agriculture-food", "Agriculture & food", [first] * 12)]
    return Analysis(speakers=speakers, quotes=[], sectors=sectors)


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (60, 20)])
async def test_side_pane_names_truncate_and_counts_align_right(seed_doc, db_file, size):
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=_busy_analysis(seed_doc))
    async with app.run_test(size=size) as pilot:
        app.screen.show_pane("side")
        await pilot.pause()
        legend = app.screen.query_one(Legend)
        width = legend.scrollable_content_region.width
        lines = [legend.render_line(y).text for y in range(legend.size.height)]
        rows = {line.split()[1]: line for line in lines if line[:1] in "●■"}
        assert set(rows) == {"Record", "U.S.", "Agriculture"}  # one line each: none wraps
        assert "Record February" in rows["Record"] and rows["Record"].rstrip().endswith(" 4383")
        assert rows["U.S."].rstrip().endswith(" 457") and "…" in rows["U.S."]
        ends = {len(line.rstrip()) for line in rows.values()}
        assert ends == {width}  # every count ends at the pane's edge


def _crowded_analysis(doc) -> Analysis:
    """More speakers, with roles, than a side pane has rows: a folder's or a wire file's."""
    first = Span(0, 5)
    speakers = [
        Speaker(
            id=f"p{i}",
            name=f"Person {i}",
            kind="person",
            role="minister of trade",
            mentions=[first] * (i * 7 + 1),
        )
        for i in range(40)
    ]
    return Analysis(speakers=speakers, quotes=[], sectors=[])


@pytest.mark.parametrize("when", ["at once", "from the worker"])
async def test_a_list_longer_than_the_pane_keeps_every_count_beside_its_name(
    seed_doc, db_file, monkeypatch, when
):
    # The scrollbar such a list needs appears without a resize: rows made for the
    # width before it wrapped, each count pushed onto a line of its own.
    given = None
    if when == "at once":
        given = _crowded_analysis(seed_doc)
    else:
        monkeypatch.setattr(reading, "analyze", _crowded_analysis)
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=given)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(app)
        await pilot.pause()
        legend = app.screen.query_one(Legend)
        assert legend.show_vertical_scrollbar
        width = legend.scrollable_content_region.width
        lines = [legend.render_line(y).text for y in range(legend.size.height)]
        named = [line for line in lines if line.startswith("● ")]
        assert len(named) >= 15
        for line in named:
            number = int(line.split()[2])
            assert line.rstrip().endswith(f" {number * 7 + 1}"), line
            assert len(line.rstrip()) == width
        assert all(line.startswith(("● ", "  minister", "Speakers")) for line in lines), lines


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_article_keeps_40_columns_and_every_pane_is_reached_with_tab(
    seed_doc, analysis, db_file, size
):
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        article = screen.query_one(ArticleView)
        legend, notes = screen.query_one(Legend), screen.query_one(NoteList)
        await pilot.pause()
        assert article.text_width >= 40
        assert article.outer_size.width == size[0]  # the side panes folded away
        seen = []
        for _ in range(3):
            await pilot.press("tab")
            await pilot.pause()
            seen.append(app.focused)
            if app.focused is not article:  # shown over the article, not beside it
                pane = (
                    app.focused.parent if app.focused is notes else legend
                )  # the side pane is the legend itself
                assert pane.display and pane.region.width > 20
                assert article.outer_size.width == size[0]
                assert pane.region.right <= size[0]
                if app.focused is legend:
                    assert "Sergei Lavrov" in legend.render_line(1).text
        assert seen == [notes, legend, article]
        assert not legend.display and not notes.parent.display
        await pilot.press("shift+tab")
        assert app.focused is legend
        await pilot.press("escape")  # back to the article, the overlay gone
        await pilot.pause()
        assert app.focused is article and not legend.display


async def test_wide_terminals_keep_three_panes_and_z_zooms_the_article(seed_doc, analysis, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        article, legend = screen.query_one(ArticleView), screen.query_one(Legend)
        await pilot.pause()
        assert legend.display and 40 <= article.outer_size.width < 120
        narrow = article.text_width
        await pilot.press("z")
        await pilot.pause()
        assert article.outer_size.width == 120 and not legend.display
        assert article.text_width > narrow
        await pilot.press("tab", "tab")  # the notes, then the side pane, over the article
        assert app.focused is legend
        await pilot.press("z")
        await pilot.pause()
        assert legend.display and article.outer_size.width < 120
        assert article.text_width == narrow


async def test_on_a_wide_terminal_the_text_keeps_to_the_line_length(seed_doc, analysis, db_file):
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)
    async with app.run_test(size=(200, 30)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        assert article.text_width == app.line_length == 80
        left = article.styles.padding.left
        right = article.scrollable_content_region.width - 3 - 80
        assert abs(left - right) <= 1  # a centred column
        assert max(len(article.render_line(y).text.rstrip()) for y in range(20)) <= 3 + 80
        app.line_length = 0  # as wide as the pane
        await pilot.resize_terminal(199, 30)
        await pilot.pause()
        assert article.text_width > 150


async def test_esc_on_a_pane_over_the_article_goes_back_and_keeps_the_search(
    seed_doc, analysis, db_file
):
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"oil", "enter", "tab")
        await pilot.pause()
        notes = app.screen.query_one(NoteList)
        assert app.focused is notes and notes.parent.display
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, ArticleView) and not notes.parent.display
        assert app.screen.reading.search.query == "oil"


@pytest.mark.parametrize(
    ("written", "length", "told"),
    [(None, 80, False), (72, 72, False), (0, 0, False), ("wide", 80, True), (5, 80, True)],
)
def test_line_length_comes_from_settings_json(tmp_path, written, length, told):
    import json

    from reader.ui.settings import load_line_length

    if written is not None:
        (tmp_path / "settings.json").write_text(json.dumps({"line_length": written}))
    value, problem = load_line_length(tmp_path)
    assert value == length
    assert bool(problem) == told
    if told:
        assert "line_length" in problem and "80 used" in problem


async def test_the_app_reads_the_line_length_and_reports_a_bad_one(seed_doc, db_file, tmp_path):
    (tmp_path / "settings.json").write_text('{"line_length": 60, "theme": "textual-light"}')
    app = ReaderApp(seed_doc, NoteStore(db_file), settings_dir=tmp_path)
    assert app.line_length == 60 and not app.notices
    (tmp_path / "settings.json").write_text('{"line_length": -3}')
    app = ReaderApp(seed_doc, NoteStore(db_file), settings_dir=tmp_path)
    assert app.line_length == 80 and any("line_length" in n for n in app.notices)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_text_paints_first_at_the_width_it_keeps_once_the_side_panes_join(
    seed_doc, analysis, db_file, size, monkeypatch
):
    first_frame: list[tuple[int, int]] = []
    mount_panes = ReaderScreen._mount_side_panes

    async def record_then_mount(screen: ReaderScreen) -> None:
        # Called after the first refresh: the text is on screen, the side panes not yet.
        assert not screen.query(Legend) and not screen.query(NoteList)
        first_frame.append((screen.article.size.width, screen.article.text_width))
        await mount_panes(screen)

    monkeypatch.setattr(ReaderScreen, "_mount_side_panes", record_then_mount)
    app = ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        assert first_frame == [(article.size.width, article.text_width)]  # no reflow
        assert app.screen.query_one(Legend) and not app.screen.setting_up
