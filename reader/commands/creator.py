"""Who the user is, for the ``creator`` of exported notes: a name they chose, or nobody.

``$READER_USER`` when set, else ``"user"`` in ``settings.json`` (in the config folder
beside the keymap). Unset: exports name no creator; nothing is guessed from the system.
"""

from __future__ import annotations

import os

from reader.untrusted import clean_line


def user_agent() -> tuple[tuple[str, str], ...]:
    """The user as W3C Agent properties (a ``Person`` with a ``name``), or () when unset."""
    name = os.environ.get("READER_USER")
    if name is None:
        from reader.ui.settings import config_dir, load_setting  # no Textual: plain JSON

        value = load_setting(config_dir(), "user")
        name = value if isinstance(value, str) else ""
    name = " ".join(clean_line(name).split())
    return (("type", "Person"), ("name", name)) if name else ()
