"""Colours on the rendered screen: theme colours everywhere, readable text and selection."""

from __future__ import annotations

import pytest
from textual.geometry import Offset
from textual.selection import Selection

from reader.notes.store import NoteStore
from reader.ui.app import ReaderApp
from reader.ui.contrast import contrast, readable

from .conftest import note_on
from .screen_colours import colour_problems, screen_cells


def test_contrast_follows_wcag():
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("background", [(216, 216, 216), (30, 30, 30), (128, 128, 128)])
def test_a_faint_colour_is_moved_just_enough_to_be_readable(background):
    amber = (229, 164, 69)
    fixed = readable(amber, background)
    assert contrast(fixed, background) >= 4.5
    assert readable(fixed, background) == fixed
    assert readable((0, 0, 0), (255, 255, 255)) == (0, 0, 0)  # readable already: kept


def _app(seed_doc, analysis, db_file) -> ReaderApp:
    store = NoteStore(db_file)
    store.add(note_on(seed_doc, 3, "Check the commission resolutions #follow-up", id="a1"))
    return ReaderApp(seed_doc, NoteStore(db_file), analysis=analysis)


@pytest.mark.parametrize("theme", ["textual-light", "textual-dark"])
@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_every_cell_has_theme_colours_and_text_keeps_aa_contrast(
    seed_doc, analysis, db_file, theme, size
):
    app = _app(seed_doc, analysis, db_file)
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        await pilot.press("j", "j", "j")  # the cursor on the paragraph with a note
        article = app.screen.article
        app.screen.selections = {article: Selection(Offset(5, 5), Offset(20, 7))}
        await pilot.pause()
        problems = colour_problems(app)
        assert not problems, "\n".join(problems[:20])


async def test_a_mouse_selection_is_drawn_in_its_own_colour(seed_doc, analysis, db_file):
    app = _app(seed_doc, analysis, db_file)
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = "textual-light"
        await pilot.pause()
        article = app.screen.article
        region = article.content_region
        row = region.y + 5
        before = {c.x: c.style.bgcolor for c in screen_cells(app) if c.y == row}
        app.screen.selections = {article: Selection(Offset(5, 5), Offset(20, 5))}
        await pilot.pause()
        after = {c.x: c for c in screen_cells(app) if c.y == row}
        selected = [after[region.x + x] for x in range(5, 20)]
        assert all(c.style.bgcolor != before[c.x] for c in selected)
        assert after[region.x + 30].style.bgcolor == before[region.x + 30]
        assert not colour_problems(app)  # its letters readable on it
