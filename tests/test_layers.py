"""The architecture holds: the core layers never import the terminal UI."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO

CORE = ("reader.document", "reader.spans", "reader.analysis", "reader.notes")


def test_import_contracts_hold():
    """import-linter checks the forbidden and layered contracts of pyproject.toml."""
    exe = shutil.which("lint-imports")
    if exe is None:
        pytest.fail("lint-imports is missing: install the project with its test extras")
    run = subprocess.run([exe], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ["analyze", "seeds/000_2eaf6975ce8d05c5.txt", "--json"],
        ["notes", "list", "--json", "--db", "{db}"],
        ["notes", "list", "--status", "anchored", "--db", "{db}"],
        ["notes", "add", "--doc", "seeds/000_2eaf6975ce8d05c5.txt", "--paragraph", "2",
         "--body", "x", "--db", "{db}"],
        ["notes", "export", "--format", "w3c", "--db", "{db}"],
    ],
)  # fmt: skip
def test_scripting_commands_do_not_load_textual(argv, tmp_path):
    """`reader analyze --json` and `reader notes` start fast: no Textual, no Rich."""
    argv = [a.replace("{db}", str(tmp_path / "notes.json")) for a in argv]
    code = (
        "import contextlib, io, sys\n"
        "from reader.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    rc = main({argv!r})\n"
        "print(rc, sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "0 []"


def test_ruff_is_clean():
    exe = shutil.which("ruff")
    if exe is None:
        pytest.fail("ruff is missing: install the project with its test extras")
    run = subprocess.run([exe, "check", "."], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout
