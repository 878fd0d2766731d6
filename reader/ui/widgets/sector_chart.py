"""Terminal charts of the library's sectors, drawn with block characters as Rich ``Text``.

``share_bars``: one bar a sector, its share of the library's documents.
``month_columns``: one column a month, the height its mentions, for a time line.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from reader.untrusted import clean_line

_EIGHTHS = " ▏▎▍▌▋▊▉█"
_LEVELS = " ▁▂▃▄▅▆▇█"


def bar(fraction: float, width: int) -> str:
    """A horizontal bar of ``fraction`` (0 to 1) of ``width`` cells, in eighths of a cell."""
    eighths = round(max(0.0, min(1.0, fraction)) * width * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + (_EIGHTHS[part] if part else "")).ljust(width)


def share_bars(
    rows: Sequence[tuple[str, float, int, int]],
    selected: int | None,
    width: int,
    colours: Sequence[str] = (),
) -> Text:
    """``name  ████▌     42%  12 docs  30 mentions``, one line a sector, the selected one marked.

    ``rows``: (name, share, documents, mentions); ``colours``: a colour a row.
    """
    name_width = max(8, min(24, max((len(r[0]) for r in rows), default=8)))
    figures = 28  # " 100%  1234 docs  12345 ×"
    bar_width = max(4, width - name_width - figures - 4)
    out = Text(no_wrap=True, end="")
    for i, (name, share, documents, mentions) in enumerate(rows):
        mark = "▸ " if i == selected else "  "
        style = "reverse" if i == selected else ""
        colour = colours[i] if i < len(colours) else "cyan"
        shown = clean_line(name)
        if len(shown) > name_width:
            shown = shown[: name_width - 1] + "…"
        out.append(mark, "bold")
        out.append(f"{shown:<{name_width}} ", style)
        out.append(bar(share, bar_width), colour)
        figures_style = "dim" if i != selected else ""
        docs = f"{documents} doc{'s' * (documents != 1)}"
        out.append(f" {share:>4.0%}  {docs:>9}  {mentions:>5} ×", figures_style)
        if i < len(rows) - 1:
            out.append("\n")
    return out


def month_columns(
    months: Sequence[str],
    values: Sequence[int],
    selected: int | None,
    height: int,
    width: int,
    colour: str = "cyan",
) -> Text:
    """A time line: a column of block characters a month, ``height`` rows high, the month
    labels below (``YYYY-MM`` where they fit); with a month selected, the others are dim
    and its label is marked.

    When the months do not fit in ``width``, the last ones that do (and the selected) show.
    """
    if not months:
        return Text("no dated article mentions it", "dim italic")
    column = max(1, min(7, width // len(months)))
    fit = max(1, width // column)
    first = max(0, len(months) - fit)
    if selected is not None and selected < first:
        first = selected
    shown = range(first, min(len(months), first + fit))
    top = max((values[i] for i in shown), default=0) or 1
    out = Text(no_wrap=True, end="")
    for row in range(height, 0, -1):
        for i in shown:
            level = values[i] * height * 8 // top  # in eighths of a row
            cell = _LEVELS[max(0, min(8, level - (row - 1) * 8))]
            if values[i] and row == 1 and cell == " ":
                cell = "▁"  # a month with mentions always shows
            style = colour if selected in (None, i) else f"{colour} dim"
            out.append((cell * max(1, column - 1)).ljust(column), style)
        out.append(f" {top}" if row == height else "", "dim")
        out.append("\n")
    mark = -1 if selected is None else selected - first
    out.append_text(_labels([months[i] for i in shown], column, mark))
    return out


def _labels(months: Sequence[str], column: int, selected: int) -> Text:
    """The months' labels under their columns, as many as fit with a space between; the
    selected month's (its index in ``months``; out of range: none) always, marked."""
    wanted = len(months[0]) + 1 if months else 0
    taken: list[tuple[int, int]] = []
    if 0 <= selected < len(months):
        taken.append((selected * column, selected * column + wanted))
    for n in range(len(months)):
        start = n * column
        if all(start + wanted <= a or start >= b for a, b in taken):
            taken.append((start, start + wanted))
    line = Text(end="")
    for start, _ in sorted(taken):
        n = start // column
        line.pad_right(start - line.cell_len)
        line.append(months[n], "bold reverse" if n == selected else "dim")
    return line
