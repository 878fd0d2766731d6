"""The colours of a running app's screen, cell by cell, as a terminal would draw them."""

from __future__ import annotations

import io
from dataclasses import dataclass

from rich.color import Color
from rich.console import Console
from rich.style import Style
from textual.app import App

from reader.ui.contrast import NON_TEXT_CONTRAST, RGB, TEXT_CONTRAST, blend, contrast, is_mark


@dataclass(frozen=True)
class Cell:
    char: str
    x: int
    y: int
    style: Style


def screen_cells(app: App) -> list[Cell]:
    """Every cell of the screen as the compositor sends it to the terminal."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        legacy_windows=False,
        safe_box=False,
    )
    update = app.screen._compositor.render_update(full=True)
    cells: list[Cell] = []
    x = y = 0
    for segment in console.render(update):
        if segment.control:
            for control in segment.control:
                if len(control) == 3:  # (MOVE_TO, x, y)
                    x, y = control[1], control[2]
            continue
        for char in segment.text:
            if char == "\n":
                x, y = 0, y + 1
                continue
            cells.append(Cell(char, x, y, segment.style or Style()))
            x += 1
    return cells


def _rgb(color: Color | None) -> RGB | None:
    if color is None or color.is_default:
        return None
    triplet = color.get_truecolor()
    return (triplet.red, triplet.green, triplet.blue)


def colour_problems(app: App) -> list[str]:
    """Cells drawn in the terminal's default colours, and text under the WCAG contrast."""
    problems: list[str] = []
    for cell in screen_cells(app):
        style = cell.style
        fg, bg = _rgb(style.color), _rgb(style.bgcolor)
        if bg is None or (fg is None and not cell.char.isspace()):
            problems.append(f"default colour at {cell.x},{cell.y} {cell.char!r}: {style}")
            continue
        if cell.char.isspace() or fg is None:
            continue
        if style.reverse:
            fg, bg = bg, fg
        if style.dim:
            fg = blend(fg, bg, 0.4)  # as a terminal (and the SVG export) fades it
        need = NON_TEXT_CONTRAST if is_mark(cell.char) else TEXT_CONTRAST
        ratio = contrast(fg, bg)
        if ratio < need:
            problems.append(f"contrast {ratio:.2f} at {cell.x},{cell.y} {cell.char!r}: {style}")
    return problems
