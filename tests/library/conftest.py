"""A small library of articles written for the index's tests (quick to analyse)."""

from __future__ import annotations

from pathlib import Path

import pytest

ARTICLES = {
    "a.txt": "date 2023-11-16 Lavrov visits Caracas\n\n"
    "Russian Foreign Minister Sergei Lavrov arrived in Caracas on Thursday.\n\n"
    '"We will expand bilateral trade in oil and gas," Lavrov said.\n',
    "b.txt": "date 2023-12-01 Lavrov on sanctions\n\n"
    '"The sanctions will fail," Sergey Lavrov told reporters in Moscow.\n\n'
    "John Smith, an analyst, said the wheat exports would grow.\n",
    "sub/c.md": "# Gas prices\n\n"
    '"Prices will fall," said Jane Smith, an economist at the bank.\n\n'
    '"Banks will lend more," Smith said.\n\n'
    "The word quixotically appears here only.\n",
}


def write_library(folder: Path) -> Path:
    for name, text in ARTICLES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return write_library(tmp_path / "library")
