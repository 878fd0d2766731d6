"""Hostile text for the tests: terminal control sequences in notes, and how to find them.

``controls_in`` is written out here character class by character class, on
purpose without :mod:`reader.untrusted`, so the tests check the program
against an independent statement of what must never reach a terminal.
"""

from __future__ import annotations

from pathlib import Path

import orjson

SGR_RED = "\x1b[31m"
OSC_TITLE = "\x1b]0;PWNED\x07"
OSC_TITLE_ST = "\x1b]2;PWNED\x1b\\"  # ended by ST, which Rich does not strip as it does BEL
C1_CSI = "\x9b"
RLO = "\u202e"

HOSTILE_BODY = f"Sanctions {SGR_RED}RED{OSC_TITLE} rouble{C1_CSI}2J {RLO}reversed{OSC_TITLE_ST}"
HOSTILE_TAG = f"tr{SGR_RED}ade{RLO}{C1_CSI}"
CLEAN_BODY = "Sanctions [31mRED]0;PWNED rouble2J reversed]2;PWNED\\"
"""What a reader sees of HOSTILE_BODY: the sequences' printable rest, as plain text."""
CLEAN_TAG = "tr[31made"


def controls_in(text: str) -> list[str]:
    """The characters of ``text`` a terminal would act on (``\\n`` and ``\\t`` allowed)."""
    found = []
    for char in text:
        code = ord(char)
        c0 = code < 0x20 and char not in "\n\t"
        del_c1 = 0x7F <= code <= 0x9F
        bidi = 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069
        if c0 or del_c1 or bidi:
            found.append(char)
    return found


def make_notes_hostile(db: Path, body: str = HOSTILE_BODY, tag: str = HOSTILE_TAG) -> None:
    """Rewrite every note in the file ``db`` with ``body`` and ``tag``, as an older reader
    (or a hand edit) could have stored them: the bytes on disk, not through the program."""
    data = orjson.loads(db.read_bytes())
    for note in data["notes"].values():
        note["body"] = body
        note["tags"] = [tag]
    db.write_bytes(orjson.dumps(data))
