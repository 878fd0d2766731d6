"""The wheel, as a new user gets it: built from the tracked files, installed in an empty venv.

Then `reader` runs from a folder with no source tree: the version, the seed
analysed, the seed opened in the app (its stylesheet found), and `pip show`
naming the distribution. Building and installing take a minute or two; the
dependencies come from the package index (or pip's cache).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from reader import __version__

REPO = Path(__file__).resolve().parent.parent
DIST = "trade-news-reader"

pytestmark = pytest.mark.slow

OPEN_SEED = """
import asyncio
from pathlib import Path
from reader.commands.app import build_app

async def main():
    app = build_app([], Path("notes.json"), settings_dir=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        print(app.screen.__class__.__name__, app.export_screenshot())

asyncio.run(main())
"""


def _run(*args: str | Path, cwd: Path, timeout: float = 600) -> str:
    run = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=timeout
    )
    assert run.returncode == 0, f"{args}: {run.stdout}\n{run.stderr}"
    return run.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs the git checkout to take its files as a clone would")
    root = tmp_path_factory.mktemp("wheel")
    clone = root / "clone"
    files = _run("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=REPO)
    for name in filter(None, files.split("\0")):
        if (REPO / name).is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, clone / name)
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "-q",
        "--no-deps",
        "-w",
        root / "dist",
        clone,
        cwd=root,
    )
    (built,) = (root / "dist").glob("*.whl")
    return built


def test_the_wheel_holds_the_seed_the_word_lists_and_the_stylesheets(wheel: Path) -> None:
    assert wheel.name.startswith("trade_news_reader-" + __version__)
    names = set(zipfile.ZipFile(wheel).namelist())
    assert any(n.startswith("reader/seeds/") and n.endswith(".txt") for n in names)
    assert {"reader/analysis/data/sectors.toml", "reader/analysis/data/vocabulary.toml"} <= names
    assert "reader/ui/reader.tcss" in names
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert f"Name: {DIST}\n" in text and f"Version: {__version__}\n" in text
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "reader = reader.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_the_installed_wheel_runs_with_no_source_tree(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python, reader, pip = (env_dir / "bin" / n for n in ("python", "reader", "pip"))
    _run(pip, "install", "-q", wheel, cwd=tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    assert _run(reader, "--version", cwd=elsewhere).strip() == f"reader {__version__}"
    where = _run(
        python,
        "-c",
        "import reader, reader.document as d; print(reader.__file__); print(d.seed_path())",
        cwd=elsewhere,
    ).splitlines()
    assert all(Path(p).is_relative_to(env_dir) for p in where), where
    report = json.loads(_run(reader, "analyze", where[1], "--json", cwd=elsewhere))
    # The seed analysed with the installed word lists and lexicon.
    assert "Lavrov" in json.dumps(report)
    opened = _run(python, "-c", OPEN_SEED, cwd=elsewhere)
    assert opened.startswith("ReaderScreen") and "Venezuela" in opened, opened[:500]
    show = _run(pip, "show", DIST, cwd=elsewhere)
    assert f"Name: {DIST}" in show and f"Version: {__version__}" in show
