"""Readable colours: the WCAG contrast ratio, a colour moved until it reaches one, and
the line filter that keeps every cell of the screen readable.

Speakers and sectors keep one hue each in every theme; where a hue is too
faint for the background it is drawn on (amber on a light grey, navy on a
dark one), ``readable`` darkens or lightens it just enough. Colours are
``(red, green, blue)`` triplets of 0-255.
"""

from __future__ import annotations

from functools import lru_cache

from rich.color import Color, ColorType
from rich.segment import Segment
from rich.style import Style
from textual.color import Color as TextualColor
from textual.filter import LineFilter

RGB = tuple[int, int, int]

TEXT_CONTRAST = 4.5
"""WCAG AA for text."""


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: RGB) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""
    r, g, b = rgb
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: RGB, b: RGB) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def blend(a: RGB, b: RGB, amount: float) -> RGB:
    """``a`` moved ``amount`` (0 to 1) of the way to ``b``."""
    return (
        round(a[0] + (b[0] - a[0]) * amount),
        round(a[1] + (b[1] - a[1]) * amount),
        round(a[2] + (b[2] - a[2]) * amount),
    )


@lru_cache(maxsize=4096)
def readable(colour: RGB, background: RGB, minimum: float = TEXT_CONTRAST) -> RGB:
    """``colour``, or the nearest shade of it (towards black or white, whichever lies
    away from ``background``) with a contrast of at least ``minimum`` on it."""
    if contrast(colour, background) >= minimum:
        return colour
    white, black = (255, 255, 255), (0, 0, 0)
    target = black if contrast(black, background) >= contrast(white, background) else white
    low, high = 0.0, 1.0  # the least blend that is readable, by bisection
    for _ in range(12):
        middle = (low + high) / 2
        if contrast(blend(colour, target, middle), background) >= minimum:
            high = middle
        else:
            low = middle
    return blend(colour, target, high)


NON_TEXT_CONTRAST = 3.0
"""WCAG 1.4.11 for marks that are no letters: borders, quote bars, legend dots."""

_MARKS = frozenset(
    [chr(c) for c in range(0x2500, 0x25A0)]  # box drawing, block elements
    + list("●■•┆▶▸◀◂…")
)


def is_mark(text: str) -> bool:
    """Whether ``text`` holds only marks and spaces (the lower contrast applies)."""
    return all(char in _MARKS or char.isspace() for char in text)


def _triplet(color: Color | None) -> RGB | None:
    if color is None or color.is_default or color.type == ColorType.DEFAULT:
        return None
    rgb = color.get_truecolor()
    return (rgb.red, rgb.green, rgb.blue)


@lru_cache(maxsize=8192)
def readable_style(style: Style, background: RGB | None, mark: bool) -> Style:
    """``style`` with a foreground readable on its background (``background`` when it
    has none); a dim foreground becomes the faded colour itself, so every terminal
    draws the same."""
    fg, bg = _triplet(style.color), _triplet(style.bgcolor) or background
    if fg is None or bg is None:
        return style
    if style.reverse:
        fg, bg = bg, fg
    shown = blend(fg, bg, 0.4) if style.dim else fg
    fixed = readable(shown, bg, NON_TEXT_CONTRAST if mark else TEXT_CONTRAST)
    if fixed == fg and not style.dim:
        return style
    colour = Color.from_rgb(*fixed)
    if style.reverse:
        return style + Style(bgcolor=colour, dim=False)
    return style + Style(color=colour, dim=False)


class ReadableColours(LineFilter):
    """Keeps every letter at WCAG AA contrast on its background, and every mark at 3:1.

    Hues stay: a colour too faint for its background is darkened (or lightened)
    just enough. Text in the terminal's default colours is left alone.
    """

    def apply(self, segments: list[Segment], background: TextualColor) -> list[Segment]:
        back = None if background.a == 0 else (background.r, background.g, background.b)
        out: list[Segment] = []
        for segment in segments:
            text, style, control = segment
            if style is None or control or text.isspace():
                out.append(segment)
                continue
            fixed = readable_style(style, back, is_mark(text))
            out.append(segment if fixed is style else Segment(text, fixed, control))
        return out
