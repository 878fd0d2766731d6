"""The reader's own settings: a keymap file the user writes, and ``settings.json``.

``settings.json`` beside the keymap holds what the app remembers (the theme, the
library's sort), which the app writes, never the user's keymap, and
``"line_length"``, the longest line of article text (80; 0: no limit), which
the user may set.

``$XDG_CONFIG_HOME/reader/keymap.toml`` maps binding ids to keys::

    "article.cursor_down" = "j,down,ctrl+n"
    [keys]                       # a table works too
    "search.open" = "ctrl+o"

A keymap file that cannot be read is reported and ignored, never fatal.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from reader.untrusted import clean_line

KEYMAP_FILE = "keymap.toml"
SETTINGS_FILE = "settings.json"


def config_dir() -> Path:
    """``$XDG_CONFIG_HOME/reader`` when set, else the platform's config folder."""
    xdg = os.environ.get("XDG_CONFIG_HOME")
    if xdg:
        return Path(xdg) / "reader"
    from platformdirs import user_config_dir  # not needed when XDG_CONFIG_HOME says

    return Path(user_config_dir("reader", appauthor=False))


def load_keymap(path: Path, known: set[str] | None = None) -> tuple[dict[str, str], list[str]]:
    """Binding id -> keys from ``path``, and what was wrong with it (one line each)."""
    if not path.exists():
        return {}, []
    import tomllib  # only when there is a keymap file

    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, [f"keymap {path} ignored: {exc}"]
    entries = dict(data.pop("keys", {}) if isinstance(data.get("keys"), dict) else {})
    entries.update({k: v for k, v in data.items() if k != "keys"})
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in entries.items():
        if isinstance(keys, list) and all(isinstance(k, str) for k in keys):
            keys = ",".join(keys)
        if isinstance(keys, str):
            keys = "".join(clean_line(keys).split())  # untrusted: shown in the help and footer
        if not isinstance(keys, str) or not keys:
            problems.append(f"keymap {path}: {binding_id!r} needs a key string, ignored")
        elif known is not None and binding_id not in known:
            problems.append(f"keymap {path}: no binding has the id {binding_id!r}, ignored")
        else:
            keymap[binding_id] = keys
    return keymap, problems


def read_settings(folder: Path) -> dict[str, Any]:
    """What ``settings.json`` in ``folder`` holds (nothing when it is missing or unreadable)."""
    try:
        data = json.loads((folder / SETTINGS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_setting(folder: Path, name: str) -> Any:
    """The value remembered under ``name`` (None when there is none or the file is unreadable)."""
    return read_settings(folder).get(name)


LINE_LENGTH = 80
"""The longest line of article text, in cells, unless ``settings.json`` says otherwise."""


def load_line_length(folder: Path) -> tuple[int, str | None]:
    """``"line_length"`` of ``settings.json`` (0: as wide as the pane), and what was wrong."""
    value = read_settings(folder).get("line_length", LINE_LENGTH)
    if isinstance(value, int) and not isinstance(value, bool) and (value == 0 or value >= 20):
        return value, None
    shown = clean_line(repr(value))[:40]
    problem = f"settings {folder / SETTINGS_FILE}: line_length {shown} is not 0 or 20 and more"
    return LINE_LENGTH, problem + f", {LINE_LENGTH} used"


def save_setting(folder: Path, name: str, value: Any) -> None:
    """Remember ``value`` under ``name`` (best effort: a file that cannot be written is skipped)."""
    path = folder / SETTINGS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        if not isinstance(data, dict):
            data = {}
        data[name] = value
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except (OSError, ValueError):
        pass


def load_theme(folder: Path) -> str | None:
    """The theme chosen last time, if one was saved."""
    theme = load_setting(folder, "theme")
    return theme if isinstance(theme, str) else None


def save_theme(folder: Path, theme: str) -> None:
    """Remember ``theme``."""
    save_setting(folder, "theme", theme)
