"""Notes and prepared stores for the notes tests (written as JSON directly, for speed)."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import orjson

from reader.notes import schema
from reader.notes.model import Note, Target
from reader.notes.storage import serialise


def sample_note(i: int, document: str = "article.txt", sha256: str = "0" * 64) -> Note:
    exact = f"words of note {i}"
    return Note(
        document=document,
        sha256=sha256,
        body=f"note number {i} about trade and energy",
        target=Target(
            exact=exact,
            prefix="some text before ",
            suffix=" and after it",
            start=i,
            end=i + len(exact),
        ),
        tags=("sample", f"n{i % 7}"),
        id=f"prep{i:08d}",
        created="2026-01-02T03:04:05Z",
    )


def write_store(path: Path, count: int) -> set[str]:
    """A valid store of ``count`` notes at ``path``; returns their ids."""
    tables = schema.empty()
    notes = [sample_note(i) for i in range(count)]
    tables[schema.NOTES] = {str(i + 1): n.to_dict() for i, n in enumerate(notes)}
    path.write_bytes(serialise(tables))
    return {n.id for n in notes}


def stored_ids(path: Path) -> list[str]:
    """Ids in the file, read with nothing but a JSON parser (raises if it does not parse)."""
    if not path.exists():
        return []
    data = orjson.loads(path.read_bytes())
    return [doc["id"] for doc in data.get(schema.NOTES, {}).values()]


def temp_files(path: Path) -> list[str]:
    return [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def editor_script(tmp_path: Path, new_body: str) -> Path:
    """An $EDITOR that keeps a copy of the file it was given and writes ``new_body``
    above the scissors line, keeping the rest of the file as it was."""
    script = tmp_path / "editor.py"
    script.write_text(
        f"#!{sys.executable}\n"
        "import pathlib, sys\n"
        "path = pathlib.Path(sys.argv[1])\n"
        "text = path.read_text()\n"
        f"pathlib.Path({str(tmp_path / 'seen.txt')!r}).write_text(text)\n"
        "rest = text[text.index('# ---'):]\n"
        f"path.write_text({new_body!r} + '\\n\\n' + rest)\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script
