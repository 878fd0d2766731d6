"""The built lexicon and vocabulary kept on disk: read back alike, rebuilt when stale,
corrupt or unwritable."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from reader.analysis import lexicon as lexicon_module
from reader.analysis import vocabulary
from reader.analysis.lexicon import Lexicon
from reader.analysis.sectors import find_sectors

VOCABULARY_FILE = Path(vocabulary.__file__).parent / "data" / "vocabulary.toml"
TEXT = "Crude oil and wheat exports rose; the Treasury Secretary spoke of semiconductors."


@pytest.fixture
def cache_home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    lexicon_module.lexicon.cache_clear()
    yield tmp_path / "cache" / "reader"
    lexicon_module.lexicon.cache_clear()


def fresh() -> Lexicon:
    lexicon_module.lexicon.cache_clear()
    return lexicon_module.lexicon()


def same(a: Lexicon, b: Lexicon) -> None:
    assert (a.names, a.phrases, a.case_phrases, a.warnings) == (
        b.names,
        b.phrases,
        b.case_phrases,
        b.warnings,
    )
    assert (a.heads, a.goods) == (b.heads, b.goods)
    assert list(a.names) == list(b.names)  # the order of sectors too
    found = [(h.id, [(m.start, m.end) for m in h.mentions]) for h in find_sectors(TEXT, a)]
    assert found == [(h.id, [(m.start, m.end) for m in h.mentions]) for h in find_sectors(TEXT, b)]


def cache_files(cache_home: Path) -> list[Path]:
    return sorted(cache_home.glob("lexicon-*.marshal"))


def test_the_lexicon_read_from_the_cache_is_the_one_built(cache_home):
    built = fresh()
    assert len(cache_files(cache_home)) == 1
    read = fresh()
    same(read, built)
    assert read._by_first_word == built._by_first_word


def test_a_short_text_unpacks_only_the_leading_words_it_reads(cache_home):
    fresh()
    read = fresh()
    find_sectors(TEXT, read)
    unpacked = set(read.phrases._groups)  # type: ignore[attr-defined]
    assert unpacked and unpacked <= set(re.findall(r"\w+", TEXT.lower()))
    assert len(read.phrases) == len(list(read.phrases))  # iterating unpacks every word


def test_a_packed_word_that_does_not_unpack_has_the_table_rebuilt(cache_home):
    built = fresh()
    read = fresh()
    read.phrases._packed["crude"] = b"\x00garbage"  # type: ignore[attr-defined]
    assert read.phrases.get("crude oil") == built.phrases["crude oil"]
    same(read, built)


def test_a_corrupt_cache_file_is_ignored_and_rebuilt(cache_home):
    built = fresh()
    (path,) = cache_files(cache_home)
    for junk in (b"", b"\x00garbage", path.read_bytes()[:1000], b"\xe9" * 100):
        path.write_bytes(junk)
        same(fresh(), built)
        assert path.read_bytes() not in (b"", junk)  # written again, whole


def test_an_unwritable_cache_directory_is_ignored(cache_home):
    built = fresh()
    for path in cache_files(cache_home):
        path.unlink()
    cache_home.chmod(0o500)
    try:
        if os.access(cache_home, os.W_OK):
            pytest.skip("running with rights that ignore file modes")
        same(fresh(), built)
        assert cache_files(cache_home) == []
    finally:
        cache_home.chmod(0o700)


def test_the_cache_directory_being_a_file_is_ignored(cache_home):
    cache_home.parent.mkdir(parents=True)
    cache_home.write_text("not a directory")
    lex = fresh()
    assert find_sectors(TEXT, lex)


def test_a_changed_user_lexicon_is_built_afresh(cache_home, tmp_path):
    before = fresh()
    user = tmp_path / "config" / "reader" / "sectors.toml"
    user.parent.mkdir(parents=True)
    user.write_text('[energy]\nterms = ["zorbium"]\n', encoding="utf-8")
    after = fresh()
    assert "zorbium" in after.phrases and "zorbium" not in before.phrases
    assert len(cache_files(cache_home)) == 2  # the other version's is kept, for its next run
    same(fresh(), after)


def test_only_the_newest_few_versions_are_kept(cache_home, tmp_path):
    user = tmp_path / "config" / "reader" / "sectors.toml"
    user.parent.mkdir(parents=True)
    for n in range(7):
        user.write_text(f'[energy]\nterms = ["zorbium{n}"]\n', encoding="utf-8")
        assert f"zorbium{n}" in fresh().phrases
    kept = {path: path.stat().st_mtime_ns for path in cache_files(cache_home)}
    assert len(kept) == 4
    user.write_text('[energy]\nterms = ["zorbium6"]\n', encoding="utf-8")
    assert "zorbium6" in fresh().phrases
    now = {path: path.stat().st_mtime_ns for path in cache_files(cache_home)}
    assert now == kept  # the newest version was read back, not built and written again


def test_a_directory_where_the_cache_file_goes_is_ignored(cache_home):
    built = fresh()
    (path,) = cache_files(cache_home)
    path.unlink()
    path.mkdir()  # neither readable nor replaceable as a file, whoever runs this
    same(fresh(), built)
    assert path.is_dir()
    assert list(cache_home.iterdir()) == [path]  # no half-written file left behind


def test_the_vocabulary_read_from_the_cache_is_the_one_parsed(cache_home):
    parsed = vocabulary.parse(VOCABULARY_FILE.read_text(encoding="utf-8"))
    assert vocabulary.load() == parsed  # parsed, then kept
    (path,) = sorted(cache_home.glob("vocabulary-*.marshal"))
    assert vocabulary.load() == parsed  # read back
    for junk in (b"", b"\x00garbage", path.read_bytes()[:100]):
        path.write_bytes(junk)
        assert vocabulary.load() == parsed
