"""Fixtures shared by every test: the seed document and the shared dev data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.document import Document, load_document

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_2eaf6975ce8d05c5.txt"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_doc() -> Document:
    return load_document(SEED)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only development data beside the repository; skip when absent."""
    if not (SHARED / "data" / "dev").is_dir():
        pytest.skip(f"development data not found at {SHARED}/data/dev")
    return SHARED


@pytest.fixture
def db_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh notes file path; READER_DB points at it so nothing touches the repo's."""
    path = tmp_path / "annotations.json"
    monkeypatch.setenv("READER_DB", str(path))
    return path


def run_reader(
    *args: str, cwd: Path = REPO, env: dict | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``reader ARGS`` as a user does: a separate process, text output."""
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


@pytest.fixture(scope="session")
def _cache_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _private_cache(_cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The user's cache (library indexes, built tables) is a folder of this test session's,
    never the real one: each library's index is named by its folder, so tests do not meet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(_cache_home))
