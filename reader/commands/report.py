"""The readable report of `reader analyze FILE`: the text with highlights, then tables.

Article text is data: every piece of it goes into a Rich ``Text`` built from
plain strings and styled by offsets, never parsed as markup. Rich's console
honours ``NO_COLOR`` (colour off, emphasis kept) and plain output when piped.
"""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from reader.analysis.lexicon import lexicon
from reader.analysis.model import Analysis
from reader.document import Document
from reader.untrusted import clean_line

SPEAKER_COLOURS = (
    "bright_cyan",
    "bright_magenta",
    "bright_yellow",
    "bright_green",
    "bright_blue",
    "bright_red",
    "cyan",
    "magenta",
)
SECTOR_COLOURS = {
    "energy": "dark_orange",
    "utilities": "gold3",
    "mining-metals": "grey62",
    "agriculture-food": "green3",
    "health-pharma": "red3",
    "telecom": "deep_sky_blue1",
    "technology": "medium_purple1",
    "space": "slate_blue1",
    "defense": "indian_red",
    "finance": "spring_green2",
    "trade": "orange1",
    "transport": "steel_blue1",
    "industry": "tan",
    "construction": "light_salmon3",
    "tourism": "hot_pink",
    "education-science": "khaki1",
}
QUOTE_STYLE = "italic"
_SNIPPET = 160


def speaker_colours(analysis: Analysis) -> dict[str, str]:
    """One colour per speaker id, in the order speakers are listed."""
    return {
        s.id: SPEAKER_COLOURS[i % len(SPEAKER_COLOURS)] for i, s in enumerate(analysis.speakers)
    }


def highlighted(doc: Document, analysis: Analysis) -> Text:
    """The canonical text, quotes in italics, sector terms underlined, speakers in colour."""
    text = Text(doc.text)
    for q in analysis.quotes:
        if q.content is not None:
            text.stylize(QUOTE_STYLE, q.content.start, q.content.end)
    for hit in analysis.sectors:
        style = f"underline {SECTOR_COLOURS.get(hit.id, 'white')}"
        for m in hit.mentions:
            text.stylize(style, m.start, m.end)
    colours = speaker_colours(analysis)
    for s in analysis.speakers:
        for m in s.mentions:
            text.stylize(f"bold {colours[s.id]}", m.start, m.end)
    return text


def _snippet(value: str) -> str:
    flat = " ".join(value.split())
    return flat if len(flat) <= _SNIPPET else flat[: _SNIPPET - 1] + "…"


def speakers_table(analysis: Analysis) -> Table:
    counts = Counter(q.speaker for q in analysis.quotes)
    colours = speaker_colours(analysis)
    table = Table(title=Text("Speakers"), title_justify="left", expand=True)
    table.add_column(Text("Name"))
    table.add_column(Text("Kind"))
    table.add_column(Text("Role"))
    table.add_column(Text("Quotes"), justify="right")
    table.add_column(Text("Also called"))
    for s in analysis.speakers:
        table.add_row(
            Text(s.name, style=f"bold {colours[s.id]}"),
            Text(s.kind),
            Text(s.role or "—"),
            Text(str(counts[s.id])),
            Text(", ".join(s.aliases) or "—"),
        )
    return table


def quotes_table(doc: Document, analysis: Analysis) -> Table:
    colours = speaker_colours(analysis)
    names = {s.id: s.name for s in analysis.speakers}
    table = Table(title=Text("Quotes"), title_justify="left", expand=True)
    table.add_column(Text("Speaker"), no_wrap=True)
    table.add_column(Text("Kind"), no_wrap=True)
    table.add_column(Text("Cue"), max_width=22)
    table.add_column(Text("What was said"), ratio=1)
    for q in analysis.quotes:
        table.add_row(
            Text(names.get(q.speaker, q.speaker), style=colours.get(q.speaker, "")),
            Text(q.kind),
            Text(_snippet(q.cue.text(doc.text)) if q.cue else "—"),
            Text(_snippet(q.content.text(doc.text)) if q.content else "—", style=QUOTE_STYLE),
        )
    return table


def sectors_table(doc: Document, analysis: Analysis) -> Table:
    table = Table(title=Text("Sectors"), title_justify="left", expand=True)
    table.add_column(Text("Sector"), no_wrap=True)
    table.add_column(Text("Mentions"), justify="right")
    table.add_column(Text("Terms"), ratio=1)
    for hit in analysis.sectors:
        terms = Counter(" ".join(m.text(doc.text).lower().split()) for m in hit.mentions)
        listed = ", ".join(f"{t} ×{n}" if n > 1 else t for t, n in terms.most_common())
        table.add_row(
            Text("■ ", style=SECTOR_COLOURS.get(hit.id, "")) + Text(hit.name),
            Text(str(len(hit.mentions))),
            Text(listed),
        )
    return table


def print_report(doc: Document, analysis: Analysis, console: Console | None = None) -> None:
    """Print the article with its highlights, then speakers, quotes and sectors."""
    console = console or Console()
    path = clean_line(doc.path)  # a file name may hold anything
    header = Text(doc.title or path, style="bold")
    if doc.date:
        header.append(f"  {doc.date}", style="dim")
    console.print(header)
    console.print(Text(path, style="dim"))
    console.print(Rule())
    console.print(highlighted(doc, analysis))
    console.print(Rule())
    if analysis.speakers:
        console.print(speakers_table(analysis))
    else:
        console.print(Text("No speakers found."))
    if analysis.quotes:
        console.print(quotes_table(doc, analysis))
    if analysis.sectors:
        console.print(sectors_table(doc, analysis))
    else:
        console.print(Text("No sector mentioned."))
    for warning in lexicon().warnings:
        console.print(Text(f"note: {warning}", style="dim"))
