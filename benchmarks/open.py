"""How fast the reader opens and jumps in documents of 100 KB to 20 MB.

Builds documents of 100 KB, 1 MB, 5 MB and 20 MB by repeating the dev
articles (``../shared/data/dev``, or the bundled seed when absent), then, for
each size in a fresh process, runs the app headless (``run_test``) and
measures, side by side:

- load: reading and sanitising the whole file into a Document (measured apart);
- first paint: from opening the file, as ``reader FILE`` does (a long file
  paints a preview of its first paragraphs), to the first article line drawn;
- whole: when the whole document is loaded and laid out (in workers);
- G: once it is, pressing ``G`` (end) until the screen has repainted;
- analysed: when the analysis (in a worker) has been drawn;
- peak RSS of the process, against the budget of 6 x the file size + 80 MB.

Usage: python benchmarks/open.py [--sizes 0.1,1,5,20] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "data" / "dev"
MB = 2**20


def sources() -> list[Path]:
    found = sorted(DEV.glob("*/docs/*")) if DEV.is_dir() else []
    return found or sorted((REPO / "seeds").glob("*.txt"))


def build(size: int, folder: Path) -> Path:
    """A document of about ``size`` bytes: the dev articles, repeated, blank-line separated."""
    chunks = [p.read_text(encoding="utf-8", errors="replace").strip() for p in sources()]
    blob = "\n\n".join(c for c in chunks if c)
    text = (blob + "\n\n") * (size // max(1, len(blob.encode())) + 1)
    data = text.encode("utf-8")[:size]
    data = data[: data.rfind(b"\n\n")] if b"\n\n" in data else data
    path = folder / f"bench-{size // 1024}k.txt"
    path.write_bytes(data + b"\n")
    return path


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(path: str) -> dict[str, float]:
    """Run in a child process: open ``path`` headless and time the first paint and ``G``."""
    import asyncio

    t0 = time.perf_counter()
    from reader.document import load_document
    from reader.notes.store import NoteStore
    from reader.ui.app import ReaderApp
    from reader.ui.preview import preview_document
    from reader.ui.widgets.article import ArticleView

    painted: list[float] = []
    repaint: list[float] = []
    render_line = ArticleView.render_line

    def timed_render_line(self: ArticleView, y: int):
        strip = render_line(self, y)
        now = time.perf_counter()
        if not painted and strip.text.strip():
            painted.append(now)
        if not repaint and self.scroll_y > 0:
            repaint.append(now)
        return strip

    ArticleView.render_line = timed_render_line  # type: ignore[method-assign]
    t_import = time.perf_counter()
    doc = preview_document(path)
    pending = Path(path) if doc is not None else None
    doc = doc or load_document(path)
    with tempfile.TemporaryDirectory() as tmp:
        app = ReaderApp(doc, NoteStore(Path(tmp) / "notes.json"), pending=pending)
        result: dict[str, float] = {}

        async def run() -> None:
            async with app.run_test(size=(120, 40)) as pilot:
                while not painted:
                    await pilot.pause(0.001)
                result["first_paint"] = painted[0] - t_import
                article = app.screen.query_one(ArticleView)
                while app.screen.pending is not None or not article.text_layout.complete:
                    await pilot.pause(0.01)
                result["whole"] = time.perf_counter() - t_import
                await pilot.pause()
                # G as the key binding runs it, then wait for the repaint at the end.
                repaint.clear()
                start = time.perf_counter()
                article.action_last()
                while not repaint:
                    await asyncio.sleep(0)
                result["g_ms"] = (repaint[0] - start) * 1000
                whole = app.screen.doc
                result["g_cursor_at_end"] = float(article.cursor == len(whole.paragraphs) - 1)
                result["peak_before_analysis"] = peak_mb()
                deadline = time.perf_counter() + 300
                while app.screen.reading.analysis is None and time.perf_counter() < deadline:
                    await pilot.pause(0.05)
                result["analysed"] = time.perf_counter() - t_import

        asyncio.run(run())
    result["imports"] = t_import - t0
    result["peak_mb"] = peak_mb()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.1,1,5,20", help="sizes in MB, comma-separated")
    parser.add_argument("--keep", metavar="DIR", help="write the documents here and keep them")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--load", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load:
        from reader.document import load_document

        start = time.perf_counter()
        load_document(args.load)
        print(json.dumps({"load": time.perf_counter() - start}))
        return 0
    if args.child:
        print(json.dumps(measure(args.child)))
        sys.stdout.flush()
        os._exit(0)  # do not wait for a long analysis still running in its thread
    folder = Path(args.keep or tempfile.mkdtemp(prefix="reader-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for size_mb in (float(s) for s in args.sizes.split(",")):
        path = build(int(size_mb * MB), folder)
        row = {}
        for flag in ("--load", "--child"):
            out = subprocess.run(
                [sys.executable, __file__, flag, str(path)],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "READER_DB": str(folder / "unused.json")},
            )
            row.update(json.loads(out.stdout.strip().splitlines()[-1]))
        row["size_mb"] = path.stat().st_size / MB
        rows.append(row)
    base = rows[0]["first_paint"]
    header = (
        f"{'size':>8} {'load s':>7} {'paint s':>8} {'vs first':>8} {'whole s':>8} "
        f"{'G ms':>7} {'G at end':>8} {'peak MB':>8} {'analysed s':>10} {'peak MB':>8} "
        f"{'budget MB':>9}"
    )
    print(header)
    for row in rows:
        budget = 6 * row["size_mb"] + 80
        print(
            f"{row['size_mb']:>6.1f}MB {row['load']:>7.2f} {row['first_paint']:>8.2f} "
            f"{row['first_paint'] / base:>7.2f}x {row['whole']:>8.2f} {row['g_ms']:>7.1f} "
            f"{'yes' if row['g_cursor_at_end'] else 'NO':>8} {row['peak_before_analysis']:>8.0f} "
            f"{row['analysed']:>10.2f} {row['peak_mb']:>8.0f} {budget:>9.0f}"
        )
    print("paint: from opening the file to the first article line drawn (imports excluded)")
    print("whole: the whole document loaded and laid out; G is measured after that")
    print("peak MB: resident memory before the analysis ends, then with it drawn")
    print(
        f"budget: 6 x size + 80 MB, the target for 20 MB; the reader's fixed cost "
        f"(Python, Textual) is the first row's {rows[0]['peak_mb']:.0f} MB"
    )
    if not args.keep:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
