"""The library screen on its index: a second launch reads the table, changes are analysed."""

from __future__ import annotations

from pathlib import Path

from reader.library import find_documents
from reader.library.build import plan
from reader.library.index import default_index_path, open_index
from reader.notes.store import NoteStore
from reader.ui.app import ReaderApp
from reader.ui.background import settled
from reader.ui.widgets.library_table import LibraryTable
from tests.library.conftest import write_library

from .conftest import SIZE


def app_on(folder: Path, db_file: Path) -> ReaderApp:
    return ReaderApp(
        None,
        NoteStore(db_file),
        library=find_documents([folder]),
        library_title="library",
        library_roots=[folder],
    )


async def table_titles(folder: Path, db_file: Path) -> tuple[list[str], list[str]]:
    """The titles the library shows once settled, and what it told the user."""
    app = app_on(folder, db_file)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app)
        await pilot.pause()
        table = app.screen.query_one(LibraryTable)
        titles = sorted(str(table.get_row_at(i)[1]) for i in range(table.row_count))
        return titles, [str(n.message) for n in app._notifications]


async def test_a_second_launch_reads_the_index_and_analyses_what_changed(tmp_path, db_file):
    folder = write_library(tmp_path / "library")
    first, _ = await table_titles(folder, db_file)
    assert first == ["Gas prices", "Lavrov on sanctions", "Lavrov visits Caracas"]
    with open_index([folder]) as index:  # the screen built it: nothing left to do
        assert plan(index, [str(p) for p in find_documents([folder])]).work == []
    b = folder / "b.txt"
    b.write_text(b.read_text().replace("Lavrov on sanctions", "Sanctions again"))
    second, told = await table_titles(folder, db_file)
    assert second == ["Gas prices", "Lavrov visits Caracas", "Sanctions again"]
    assert told == []
    with open_index([folder]) as index:
        assert plan(index, [str(p) for p in find_documents([folder])]).work == []


async def test_a_damaged_index_is_rebuilt_with_a_notice(tmp_path, db_file):
    folder = write_library(tmp_path / "library")
    await table_titles(folder, db_file)
    where = default_index_path([folder])
    where.write_bytes(b"garbage" * 1000)
    for suffix in ("-wal", "-shm"):
        Path(f"{where}{suffix}").unlink(missing_ok=True)
    titles, told = await table_titles(folder, db_file)
    assert len(titles) == 3
    assert any("rebuilt" in t for t in told)
