"""How alike two short words are, as ``rapidfuzz.fuzz.ratio`` scores them, in plain Python.

The words compared are given names, a few letters long: a longest common
subsequence over them costs less than loading rapidfuzz in a short process.
"""

from __future__ import annotations


def ratio(a: str, b: str) -> float:
    """The normalized Indel similarity of ``a`` and ``b`` times 100 (``fuzz.ratio``'s score)."""
    total = len(a) + len(b)
    if not total:
        return 100.0
    row = [0] * (len(b) + 1)
    for ca in a:
        diagonal = 0
        for j, cb in enumerate(b, 1):
            above = row[j]
            row[j] = diagonal + 1 if ca == cb else max(above, row[j - 1])
            diagonal = above
    distance = total - 2 * row[-1]
    return (1.0 - distance / total) * 100
