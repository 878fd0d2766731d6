"""The plain-Python name similarity scores exactly as rapidfuzz's ``fuzz.ratio``."""

import pytest
from rapidfuzz.fuzz import ratio as rapidfuzz_ratio

from reader.analysis.similarity import ratio


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("", ""),
        ("jon", ""),
        ("jon", "john"),
        ("sergei", "sergey"),
        ("mohammed", "muhammad"),
        ("aleksandr", "alexander"),
        ("abcdefghij", "abcdefg"),  # 2 * 7 / 17
        ("abcdefg", "abcxyzw"),
        ("zoë", "zoe"),
    ],
)
def test_ratio_is_rapidfuzz_score(a: str, b: str) -> None:
    assert ratio(a, b) == rapidfuzz_ratio(a, b)
    assert ratio(b, a) == rapidfuzz_ratio(b, a)
