"""The example notes of a clean clone: the README's export is what the command prints."""

from __future__ import annotations

import re
import shutil

from tests.conftest import REPO, run_reader


def readme_export() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.search(r"````markdown\n(.*?)````", readme, re.DOTALL)
    assert found, "the README shows the Markdown export of the example notes"
    return found.group(1)


def test_the_readme_export_is_true_from_the_repository_and_from_elsewhere(tmp_path):
    here = run_reader("notes", "export", "--format", "md", "--db", "annotations.json")
    assert here.returncode == 0, here.stderr
    assert here.stdout == readme_export()
    db = str(REPO / "annotations.json")
    elsewhere = run_reader("notes", "export", "--format", "md", "--db", db, cwd=tmp_path)
    assert elsewhere.stdout == here.stdout


def test_the_example_notes_move_with_their_folder(tmp_path):
    """A copy of the notes file and the seeds folder, anywhere: the same one section."""
    shutil.copyfile(REPO / "annotations.json", tmp_path / "annotations.json")
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    run = run_reader("notes", "list", "--doc", "seeds/000_2eaf6975ce8d05c5.txt", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert [line.split()[1] for line in run.stdout.splitlines()] == ["anchored"] * 3
    md = run_reader("notes", "export", "--format", "md", cwd=tmp_path).stdout
    assert md == readme_export()
