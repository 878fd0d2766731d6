"""Colours: one per speaker and one per sector, the same in every pane."""

from __future__ import annotations

SPEAKER_COLOURS = (
    "#e5a445",  # amber
    "#5fa8e8",  # blue
    "#c678dd",  # violet
    "#4ec9b0",  # teal
    "#e06c75",  # rose
    "#98c379",  # green
    "#d19a66",  # copper
    "#7f9cf5",  # periwinkle
)

SECTOR_COLOURS = {
    "energy": "#f0a030",
    "utilities": "#e8c547",
    "mining-metals": "#b0a090",
    "agriculture-food": "#8bc34a",
    "health-pharma": "#ef6f8e",
    "telecom": "#4fc3f7",
    "technology": "#7e8cf8",
    "space": "#b388ff",
    "defense": "#e57373",
    "finance": "#4db6ac",
    "trade": "#ffb74d",
    "transport": "#90a4ae",
    "industry": "#a1887f",
    "construction": "#ffd54f",
    "tourism": "#f06292",
    "education-science": "#81c784",
}
_FALLBACK = "#9e9e9e"


def speaker_colour(index: int) -> str:
    """The colour of the ``index``-th speaker of an analysis."""
    return SPEAKER_COLOURS[index % len(SPEAKER_COLOURS)]


def sector_colour(sector_id: str) -> str:
    """The colour of a sector id of the fixed taxonomy (grey for an unknown id)."""
    return SECTOR_COLOURS.get(sector_id, _FALLBACK)
