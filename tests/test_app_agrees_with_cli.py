"""The app highlights exactly what `reader analyze --json` prints."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys

from reader.document import load_document
from reader.notes.store import NoteStore
from tests.conftest import REPO, SEED


def test_highlights_match_the_json(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "reader", "analyze", str(SEED), "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    expected = {("speaker", m["start"], m["end"]) for s in out["speakers"] for m in s["mentions"]}
    expected |= {("sector", m["start"], m["end"]) for s in out["sectors"] for m in s["mentions"]}
    expected |= {
        ("quote", q["content"]["start"], q["content"]["end"]) for q in out["quotes"] if q["content"]
    }
    assert expected, "the seed has speakers, quotes and sectors"

    shown = asyncio.run(_marks_in_app(tmp_path))
    assert shown == expected


async def _marks_in_app(tmp_path) -> set[tuple[str, int, int]]:
    from reader.ui.app import ReaderApp
    from reader.ui.background import settled

    doc = load_document(SEED)
    app = ReaderApp(doc, NoteStore(tmp_path / "notes.json"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()  # the first paint: the analysis starts in its own thread then
        await settled(app)
        await pilot.pause()
        screen = app.screen
        assert screen.reading.analysis is not None
        return {
            (m.layer, m.start, m.end)
            for layer in ("speaker", "quote", "sector")
            for m in screen.reading.layers.layer(layer)
        }
