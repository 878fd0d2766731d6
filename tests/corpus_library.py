"""A small generated library for the library's screens and ``reader brief``: Sergei Lavrov
quoted in three articles of three months, other speakers, sectors, one rare word."""

from __future__ import annotations

from pathlib import Path

RARE_WORD = "quixotically"
"""A word of one article only (``gamma.txt``)."""

ARTICLES = {
    "alpha.txt": "date 2023-09-14 Lavrov visits Caracas\n\n"
    "Russian Foreign Minister Sergei Lavrov arrived in Caracas on Thursday.\n\n"
    '"We will expand bilateral trade in oil and gas," Lavrov said.\n\n'
    "The ministers also discussed wheat exports and new pipelines.\n",
    "beta.txt": "date 2023-10-02 Lavrov on sanctions\n\n"
    "Officials met in Moscow on Monday to discuss energy supplies.\n\n"
    '"The sanctions will fail, and our oil exports will grow," Sergei Lavrov told reporters.\n\n'
    '"Banks will lend more to farmers," said Jane Smith, an economist at the bank.\n',
    "gamma.txt": "date 2023-11-20 Gas talks in Geneva\n\n"
    "Delegations met in Geneva to talk about gas prices.\n\n"
    '"Gas prices will fall next year," Sergei Lavrov said at the talks.\n\n'
    f"The talks ended {RARE_WORD}, with no agreement on telecommunications.\n",
    "delta.md": "# Harvest report\n\n"
    '"The wheat harvest was the best in a decade," said Jane Smith.\n\n'
    "Grain exports rose and shipping costs fell.\n",
}


def write_corpus(folder: Path) -> Path:
    """The articles in ``folder`` (made); returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
