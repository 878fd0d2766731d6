"""Patterns compiled from their stored form behave as ``re.compile``'s; a bad file is ignored."""

from __future__ import annotations

import marshal
import re
from pathlib import Path

import pytest

from reader import regexes

PATTERNS = [
    (r"\b(?:said|told)\s+(?P<who>[A-Z]\w+)", 0),
    (r"\s*,?\s*that\b\s*", re.IGNORECASE),
    (r"[\"“”]|''", 0),
    (r"(\w+)[.!?…]*\s*\Z", re.MULTILINE),
]
TEXT = "Officials SAID Lavrov told Reuters, That it was over.\n“Yes,” he said."


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    for name, value in (("_known", None), ("_used", {}), ("_new", {})):
        monkeypatch.setattr(regexes, name, value)
    return tmp_path / "reader"


def next_process() -> None:
    regexes._store()
    regexes._known, regexes._used, regexes._new = None, {}, {}


def same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (
        b.pattern,
        b.flags,
        b.groups,
        b.groupindex,
    )
    assert [m.span() + m.groups() for m in a.finditer(TEXT)] == [
        m.span() + m.groups() for m in b.finditer(TEXT)
    ]


def test_stored_patterns_are_read_back_alike(cache_home: Path) -> None:
    first = [regexes.compile(p, f) for p, f in PATTERNS]
    next_process()
    again = [regexes.compile(p, f) for p, f in PATTERNS]
    assert not regexes._new  # every one read from the file
    for a, b, (p, f) in zip(first, again, PATTERNS, strict=True):
        same(a, re.compile(p, f))
        same(b, re.compile(p, f))


def test_an_edited_pattern_is_compiled_afresh(cache_home: Path) -> None:
    regexes.compile(r"\bsaid\b")
    next_process()
    edited = regexes.compile(r"\bsaid\b", re.IGNORECASE)
    assert list(regexes._new) == [(r"\bsaid\b", int(re.IGNORECASE))]
    assert edited.search("He SAID so")


@pytest.mark.parametrize("content", [b"", b"not marshal", b"\xe9\x01\x00\x00\x00"])
def test_a_corrupt_file_is_ignored(cache_home: Path, content: bytes) -> None:
    regexes.compile(PATTERNS[0][0])
    next_process()
    for path in cache_home.glob("regex-*.marshal"):
        path.write_bytes(content)
    same(regexes.compile(PATTERNS[0][0]), re.compile(PATTERNS[0][0]))


def test_stored_code_that_is_not_valid_is_compiled_afresh(cache_home: Path) -> None:
    regexes.compile(PATTERNS[0][0])
    key = (PATTERNS[0][0], 0)
    flags, code, *rest = regexes._new[key]
    regexes._new[key] = (flags, [99999, *code[1:]], *rest)  # type: ignore[assignment]
    next_process()
    same(regexes.compile(PATTERNS[0][0]), re.compile(PATTERNS[0][0]))


def test_a_long_pattern_kept_under_its_name_is_loaded_alike(cache_home: Path) -> None:
    pattern, flags = PATTERNS[0]
    assert regexes.kept("verbs") is None
    kept = regexes.keep("verbs", pattern, flags)
    same(kept, re.compile(pattern, flags))
    loaded = regexes.kept("verbs")
    assert loaded is not None
    same(loaded, re.compile(pattern, flags))
    assert regexes.kept("other verbs") is None
    assert not list(cache_home.glob("regex-*.marshal"))  # not in the file every start reads


@pytest.mark.parametrize(
    "content",
    [b"", b"not marshal", marshal.dumps(1), marshal.dumps(("x", 1)), marshal.dumps(("x",))],
)
def test_a_kept_pattern_whose_file_is_corrupt_is_not_loaded(cache_home: Path, content) -> None:
    regexes.keep("verbs", *PATTERNS[0])
    for path in cache_home.glob("long-regex-*.marshal"):
        path.write_bytes(content)
    assert regexes.kept("verbs") is None


def test_a_kept_pattern_with_invalid_code_is_not_loaded(cache_home: Path) -> None:
    regexes.keep("verbs", *PATTERNS[0])
    (path,) = cache_home.glob("long-regex-*.marshal")
    pattern, (flags, code, *rest) = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps((pattern, (flags, [99999, *code[1:]], *rest))))
    assert regexes.kept("verbs") is None
