"""The development sets, scored in-process with the project's scorer (skips without them).

Guards the measured quality against regressions: these are the acceptance
thresholds of the analysis, not the figures reached on these sets.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from reader.analysis.contract import to_contract
from reader.analysis.pipeline import run
from reader.document import load_document


def load_tool(shared_dir: Path, name: str) -> ModuleType:
    path = shared_dir / "tools" / f"{name}.py"
    if not path.is_file():
        pytest.skip(f"{name} not found at {path}")
    spec = importlib.util.spec_from_file_location(f"reader_dev_{name}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scorer(shared_dir: Path) -> ModuleType:
    return load_tool(shared_dir, "score")


def outputs(scorer: ModuleType, setdir: Path) -> list[tuple[dict, dict]]:
    pairs = []
    for doc in scorer.load_set(str(setdir)):
        loaded = load_document(doc["path"])
        obj = json.loads(
            json.dumps(to_contract(loaded, run(loaded.text, loaded.paragraphs, loaded.posts)))
        )
        pairs.append((doc, obj))
    return pairs


def quote_metrics(scorer: ModuleType, setdir: Path) -> dict[str, dict]:
    keys = ("source_overlap", "content")
    tot = {k: [0, 0, 0, 0] for k in keys}
    speaker = [0, 0, 0]
    for doc, obj in outputs(scorer, setdir):
        preds, problems, _ = scorer.predicted_quotes(doc, {"obj": obj})
        assert not problems, problems
        r = scorer.score_quotes_doc(doc, preds)
        for k in keys:
            for i in range(4):
                tot[k][i] += r[k][i]
        for i in range(3):
            speaker[i] += r["speaker"][i]
    out = {k: scorer.prf(*tot[k]) for k in keys}
    out["speaker"] = {"accuracy": speaker[0] / speaker[2] if speaker[2] else None}
    return out


def test_polnear_quotes(scorer: ModuleType, shared_dir: Path) -> None:
    m = quote_metrics(scorer, shared_dir / "data" / "dev" / "polnear-dev")
    assert m["source_overlap"]["f1"] >= 0.90
    assert m["content"]["f1"] >= 0.84


def test_ggt_quotes(scorer: ModuleType, shared_dir: Path) -> None:
    m = quote_metrics(scorer, shared_dir / "data" / "dev" / "ggt-dev")
    assert m["source_overlap"]["f1"] >= 0.88
    assert m["content"]["f1"] >= 0.785


@pytest.mark.parametrize(("width", "indent", "first"), [(66, 2, 6), (60, 3, 5)])
def test_hard_wrapped_copy_scores_as_the_original(
    scorer: ModuleType,
    shared_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    width: int,
    indent: int,
    first: int,
) -> None:
    """Wire-style line breaks change nothing the analysis finds."""
    wrap_set = load_tool(shared_dir, "wrap_set")
    original = shared_dir / "data" / "dev" / "polnear-dev"
    wrapped = tmp_path / "wrapped"
    args = [str(original), str(wrapped), "--width", str(width)]
    args += ["--indent", str(indent), "--first", str(first)]
    monkeypatch.setattr("sys.argv", ["wrap_set.py", *args])
    wrap_set.main()
    plain, hard = quote_metrics(scorer, original), quote_metrics(scorer, wrapped)
    assert hard["source_overlap"]["f1"] >= plain["source_overlap"]["f1"] - 0.01
    assert hard["content"]["f1"] >= plain["content"]["f1"] - 0.02


def test_seed_quotes_and_speakers(scorer: ModuleType, shared_dir: Path) -> None:
    m = quote_metrics(scorer, shared_dir / "data" / "dev" / "seed")
    assert m["content"]["f1"] == 1.0
    assert m["speaker"]["accuracy"] == 1.0


def test_reuters_sectors(scorer: ModuleType, shared_dir: Path) -> None:
    order = {s: i for i, s in enumerate(scorer.SECTOR_IDS)}
    gold_n = hit_n = with_pred = dominant_ok = 0
    for doc, obj in outputs(scorer, shared_dir / "data" / "dev" / "reuters-train"):
        counts = {s["id"]: len(s["mentions"]) for s in obj["sectors"]}
        gold = set(doc.get("sectors", []))
        gold_n += len(gold)
        hit_n += len(gold & set(counts))
        if counts:
            with_pred += 1
            dominant = min(counts, key=lambda s: (-counts[s], order[s]))
            dominant_ok += dominant in gold
    assert hit_n / gold_n >= 0.96
    assert dominant_ok / with_pred >= 0.945


def test_ggt_speakers(scorer: ModuleType, shared_dir: Path) -> None:
    """Who speaks, on a set whose gold names every quote's speaker."""
    names = load_tool(shared_dir, "score_speakers")
    setdir = shared_dir / "data" / "dev" / "ggt-dev"
    ok = matched = listed = listed_ok = gold_n = gold_found = 0
    for doc, obj in outputs(scorer, setdir):
        preds, problems, _ = scorer.predicted_quotes(doc, {"obj": obj})
        assert not problems, problems
        right, found, _ = scorer.score_quotes_doc(doc, preds)["speaker"]
        ok, matched = ok + right, matched + found
        quoted = {q["speaker"] for q in obj["quotes"]}
        alts = [[s["name"], *s["aliases"]] for s in obj["speakers"] if s["id"] in quoted]
        gold = {q["speaker"] for q in doc["quotes"] if q.get("speaker")}
        listed += len(alts)
        listed_ok += sum(any(names.same(x, g) for x in a for g in gold) for a in alts)
        gold_n += len(gold)
        gold_found += sum(any(names.same(x, g) for a in alts for x in a) for g in gold)
    assert ok / matched >= 0.90  # speaker accuracy on the quotes found
    assert listed_ok / listed >= 0.895  # speakers listed that are real
    assert gold_found / gold_n >= 0.86  # real speakers listed
