"""A note's body written in the user's own editor (``$VISUAL``, else ``$EDITOR``, else vi).

The editor opens a temporary file: the body first, then a scissors line, and
below it, as ``#`` comment lines, what the note is on (its quote) and its tags.
Everything from the scissors line down is left out when the file is read back
(a ``#tag`` in the body stays a tag). A body saved empty cancels the edit.
Nothing here touches the terminal: the app suspends itself around :func:`run_editor`.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from reader.untrusted import clean_line, clean_text

SCISSORS = "# ------------------------ >8 ------------------------"


class EditorError(Exception):
    """The editor could not be run, or failed; the message is one line for the user."""


def editor_command() -> list[str]:
    """The user's editor as a command line (``EDITOR="code --wait"`` is two words)."""
    chosen = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        words = shlex.split(chosen)
    except ValueError as exc:
        raise EditorError(f"cannot read the editor command {chosen!r}: {exc}") from None
    if not words:
        raise EditorError("the editor command ($VISUAL or $EDITOR) is empty")
    return words


def place_label(document: str, paragraph: int | None, *, whole: bool, orphan: bool) -> str:
    """What a note is on, as the editor file says it: ``¶8 of article.txt``."""
    name = clean_line(document)
    if whole:
        return f"the whole of {name}"
    if orphan or paragraph is None:
        return f"words no longer found in {name}"
    return f"¶{paragraph + 1} of {name}"


def compose(body: str, *, where: str, quote: str | None, tags: Iterable[str]) -> str:
    """The file the editor opens: ``body``, the scissors line, then comments about the note.

    ``where``: what the note is on (``¶8 of article.txt``); ``quote``: its words (None:
    a note on the whole document). Untrusted text is cleaned and kept below the scissors.
    """
    lines = [clean_text(body).strip(), "", SCISSORS]
    lines.append("# Write the note above the line; everything from it down is left out.")
    lines.append("# Save the note empty to cancel.")
    tag_list = " ".join(f"#{clean_line(t)}" for t in tags)
    if tag_list:
        lines.append(f"# Tags: {tag_list} (a #tag in the note adds one)")
    lines.append(f"# The note is on {clean_line(where)}" + (":" if quote else "."))
    if quote:
        lines.extend(f"# > {line}".rstrip() for line in clean_text(quote).splitlines())
    return "\n".join(lines) + "\n"


def body_of(text: str) -> str:
    """The body written in the file: what is above the scissors line, cleaned and stripped."""
    kept: list[str] = []
    for line in text.splitlines():
        if line.strip() == SCISSORS:
            break
        kept.append(line)
    return clean_text("\n".join(kept)).strip()


def run_editor(text: str, *, suffix: str = ".txt") -> str:
    """Open ``text`` in the user's editor in a temporary file; what the file holds after.

    Raises :class:`EditorError` when the editor cannot be started or exits with an error.
    The temporary file is removed in every case.
    """
    command = editor_command()
    fd, name = tempfile.mkstemp(prefix="reader-note-", suffix=suffix)
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        try:
            done = subprocess.run([*command, str(path)], check=False)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise EditorError(f"cannot run the editor {command[0]!r}: {reason}") from None
        if done.returncode != 0:
            raise EditorError(
                f"the editor {command[0]!r} exited with status {done.returncode}: nothing saved"
            )
        try:
            return path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise EditorError(f"cannot read the edited note back: {exc.strerror}") from None
    finally:
        path.unlink(missing_ok=True)


def edit_body(body: str, *, where: str, quote: str | None, tags: Iterable[str]) -> str | None:
    """The body as the user saved it in the editor; None when saved empty (cancelled)."""
    written = body_of(run_editor(compose(body, where=where, quote=quote, tags=tags)))
    return written or None
