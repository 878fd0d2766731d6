"""SVG snapshots of the library's screens on the generated library (fixed size, no blinking,
every background job awaited)."""

from __future__ import annotations

from .corpus_app import add_notes, corpus_app, ready

SIZE = (100, 30)


def _run(*keys: str):
    async def settle(pilot) -> None:
        await ready(pilot)
        for key in keys:
            await pilot.press(key)
            await ready(pilot)

    return settle


def test_speakers_screen(snap_compare, tmp_path, db_file):
    app = corpus_app(tmp_path / "corpus", db_file)
    assert snap_compare(app, terminal_size=SIZE, run_before=_run("P"))


def test_speaker_quotes_screen(snap_compare, tmp_path, db_file):
    app = corpus_app(tmp_path / "corpus", db_file)
    assert snap_compare(app, terminal_size=SIZE, run_before=_run("P", "enter", "j"))


def test_sectors_screen_a_month_chosen(snap_compare, tmp_path, db_file):
    app = corpus_app(tmp_path / "corpus", db_file)
    assert snap_compare(app, terminal_size=SIZE, run_before=_run("X", "right", "right"))


def test_search_screen(snap_compare, tmp_path, db_file):
    app = corpus_app(tmp_path / "corpus", db_file)
    assert snap_compare(app, terminal_size=SIZE, run_before=_run("F", *"gas", "enter"))


def test_notes_screen_by_tag(snap_compare, tmp_path, db_file):
    app = corpus_app(tmp_path / "corpus", db_file)
    add_notes(tmp_path / "corpus", db_file)
    assert snap_compare(app, terminal_size=SIZE, run_before=_run("M", "s"))
