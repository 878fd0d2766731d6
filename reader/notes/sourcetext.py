"""A document's file text as decoded, and its offsets mapped to and from the canonical text.

Notes point into the canonical text (``Document.text``); a W3C annotation's
selectors point into the resource its ``source`` names, here the file as it is
decoded (:func:`reader.document.decode`: UTF-8 without a BOM, else cp1252 or
Latin-1). The two differ where loading changed the text: line endings, control
characters dropped, runs of U+FFFD collapsed, a plain text's ``date`` header
lifted; the markup of Markdown and HTML. :class:`SourceText` maps spans both ways.

Each canonical character stands for a range of the file (one character, a
``\\r\\n``, a whole run of U+FFFD; empty for a character loading added, such as
a list bullet). A span ``[start, end)`` of the canonical text is the file from
the start of its first character's range to the end of its last one's, and
back, so the maps invert each other wherever each character has a range of its own.

A plain text is mapped by replaying its sanitising, in linear time; Markdown and
HTML by a longest-common-subsequence alignment (rapidfuzz ``Indel``), for files
up to :data:`MAX_ALIGNED` characters squared.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader.document import FORMATS, Document, decode
from reader.untrusted import CONTROL

MAX_ALIGNED = 4 * 10**10
"""Largest product of file and canonical lengths aligned (a second or so of rapidfuzz)."""

_NOT_CR = "(?:(?!\r)" + CONTROL.pattern + ")"
# What plain-text loading changes, in the order it does: a U+FFFD run (controls between
# its characters are dropped first, so they join it), a line ending, a control.
_SANITISED = re.compile("\ufffd(?:" + _NOT_CR + "*\ufffd)+|\r\n|\r|" + CONTROL.pattern)


@dataclass(frozen=True, slots=True)
class _Run:
    """``clen`` canonical characters from ``cstart`` for ``flen`` file characters from
    ``fstart``: one to one when ``equal``, else the whole file range for each."""

    cstart: int
    clen: int
    fstart: int
    flen: int
    equal: bool


@dataclass(frozen=True)
class SourceText:
    """The file's text as decoded and the map between its offsets and the canonical text's."""

    text: str
    length: int
    """Characters in the canonical text."""
    runs: tuple[_Run, ...]
    _starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [r.cstart for r in self.runs])

    def _range(self, c: int) -> tuple[int, int]:
        """The file range canonical character ``c`` stands for."""
        i = bisect_right(self._starts, c) - 1
        while i > 0 and self.runs[i].clen == 0:
            i -= 1
        run = self.runs[i]
        if run.equal:
            at = run.fstart + (c - run.cstart)
            return at, at + 1
        return run.fstart, run.fstart + run.flen

    def _start_of(self, c: int) -> int:
        return self._range(c)[0] if c < self.length else len(self.text)

    def _end_of(self, c: int) -> int:
        """Where the file range of the canonical text before ``c`` ends."""
        return self._range(c - 1)[1] if c > 0 else self._start_of(0)

    def to_file(self, start: int, end: int) -> tuple[int, int]:
        """The file span of the canonical span ``[start, end)``."""
        begin = self._start_of(start)
        return (begin, begin) if end <= start else (begin, self._end_of(end))

    def to_canonical(self, start: int, end: int) -> tuple[int, int]:
        """The canonical span of the file span ``[start, end)``: the characters it touches."""
        first = _first(self.length, lambda c: self._range(c)[1] > start)
        if end <= start:
            return first, first
        last = _first(self.length, lambda c: self._range(c)[0] >= end)
        return first, max(first, last)


def _first(n: int, past: Callable[[int], bool]) -> int:
    """The least ``c`` in ``[0, n)`` for which the monotone ``past(c)`` holds, else ``n``."""
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi) // 2
        if past(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo


def _plain_runs(file_text: str, canonical: str) -> tuple[_Run, ...] | None:
    """The runs of a plain text, replaying :func:`reader.document.sanitise` and the header."""
    runs: list[_Run] = []
    parts: list[str] = []
    at = done = 0  # position in the sanitised text; in the file
    for m in _SANITISED.finditer(file_text):
        if m.start() > done:
            n = m.start() - done
            runs.append(_Run(at, n, done, n, True))
            parts.append(file_text[done : m.start()])
            at += n
        found = m.group()
        out = "\ufffd" if found[0] == "\ufffd" else ("\n" if found[0] == "\r" else "")
        runs.append(_Run(at, len(out), m.start(), len(found), False))
        parts.append(out)
        at += len(out)
        done = m.end()
    if done < len(file_text):
        n = len(file_text) - done
        runs.append(_Run(at, n, done, n, True))
        parts.append(file_text[done:])
    sanitised = "".join(parts)
    if not sanitised.endswith(canonical):
        return None
    head = len(sanitised) - len(canonical)  # the date header lifted off the start
    return tuple(_shift(r, head) for r in runs) if head else tuple(runs)


def _shift(run: _Run, head: int) -> _Run:
    """``run`` in canonical offsets once the first ``head`` sanitised characters are gone."""
    if run.cstart + run.clen <= head:
        return _Run(0, 0, run.fstart, run.flen, False)
    if run.cstart >= head:
        return _Run(run.cstart - head, run.clen, run.fstart, run.flen, run.equal)
    cut = head - run.cstart  # an equal run the header ends in (a special run has 0 or 1)
    return _Run(0, run.clen - cut, run.fstart + cut, run.flen - cut, run.equal)


def _aligned_runs(file_text: str, canonical: str) -> tuple[_Run, ...] | None:
    """The runs of a converted text (Markdown, HTML) from an alignment with its file.

    Between two matched stretches, the canonical characters and the file's that
    differ (``• `` for ``- ``, a blank line for ``</p><p>``) are paired in order;
    file characters left over stand for nothing, canonical ones for no file text.
    """
    if len(file_text) * max(len(canonical), 1) > MAX_ALIGNED:
        return None
    from rapidfuzz.distance import Indel

    runs: list[_Run] = []
    c0 = f0 = 0
    for op in Indel.opcodes(canonical, file_text):
        if op.tag != "equal":
            continue
        runs += _paired(c0, op.src_start - c0, f0, op.dest_start - f0)
        n = op.src_end - op.src_start
        runs.append(_Run(op.src_start, n, op.dest_start, n, True))
        c0, f0 = op.src_end, op.dest_end
    runs += _paired(c0, len(canonical) - c0, f0, len(file_text) - f0)
    return tuple(runs) if runs else (_Run(0, 0, 0, 0, False),)


def _paired(cstart: int, clen: int, fstart: int, flen: int) -> list[_Run]:
    """Runs for ``clen`` canonical and ``flen`` file characters that differ, paired in order."""
    both = min(clen, flen)
    runs = [_Run(cstart, both, fstart, both, True)] if both else []
    if flen > both:
        runs.append(_Run(cstart + both, 0, fstart + both, flen - both, False))
    runs += [_Run(cstart + i, 1, fstart + flen, 0, False) for i in range(both, clen)]
    return runs


def source_text(path: str | Path, doc: Document) -> SourceText | None:
    """The file of ``doc`` at ``path`` mapped to ``doc.text`` (None: unreadable, unmappable)."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    file_text, _ = decode(data)
    fmt = FORMATS.get(Path(path).suffix.lower(), "text")
    runs = _plain_runs(file_text, doc.text) if fmt == "text" else None
    if runs is None:
        runs = _aligned_runs(file_text, doc.text)
    if runs is None:
        return None
    return SourceText(file_text, len(doc.text), runs)
