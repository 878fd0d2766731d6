"""`reader [--db PATH] [FILE | DIR | FILE...]`: what the command opens, without a terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROBE = (
    "import reader.ui.app as m\n"
    "def run(self):\n"
    "    what = 'LIBRARY ' + ' '.join(sorted(p.name for p in self.library)) if self.library "
    "else 'DOCUMENT ' + self.doc.title[:20] + (' PREVIEW' if self.pending else '')\n"
    "    print(what)\n"
    "m.ReaderApp.run = run\n"
    "import sys\n"
    "from reader.cli import main\n"
    "raise SystemExit(main(sys.argv[1:]))\n"
)


def reader(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env["READER_DB"] = str(tmp_path / "notes.json")
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=60, env=env
    )


def test_no_file_opens_the_seed(tmp_path):
    out = reader(tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "DOCUMENT Venezuela's current"


def test_a_folder_or_several_files_open_the_library(tmp_path, seed_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("A\n\ntext")
    (folder / "b.md").write_text("# B\n\ntext")
    (folder / "skip.bin").write_bytes(b"\x00")
    assert reader(tmp_path, str(folder)).stdout.strip() == "LIBRARY a.txt b.md"
    out = reader(tmp_path, str(folder / "a.txt"), str(seed_path))
    assert out.stdout.strip() == f"LIBRARY {seed_path.name} a.txt"


def test_an_empty_folder_is_one_line_and_exit_2(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    out = reader(tmp_path, str(empty))
    assert out.returncode == 2
    assert out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1
    assert "no articles" in out.stderr and "Traceback" not in out.stderr


def test_a_long_text_file_opens_as_a_preview(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Big file\n\n" + "\n\n".join(["Some paragraph of text."] * 150_000))
    out = reader(tmp_path, str(big))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "DOCUMENT Big file PREVIEW"
