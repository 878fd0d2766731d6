"""The status line: where the cursor is, who speaks there, the search, hidden layers."""

from __future__ import annotations

from collections.abc import Collection

from rich.text import Text
from textual.widgets import Static

from reader.reading import Reading
from reader.ui.preview import PreviewDocument


class StatusLine(Static):
    """``5 ¶3/10 · Sergei Lavrov (direct) · 2/6 matches “oil” · hidden: quote``."""

    def show(
        self,
        reading: Reading,
        paragraph: int,
        *,
        loading: bool,
        hidden: Collection[str],
        typed: str = "",
    ) -> None:
        """Say where ``paragraph`` is; ``loading``: the text is a preview of a longer file;
        ``typed``: a count or ``:`` number typed and waiting for its motion (``5``, ``:12``)."""
        doc = reading.doc
        status = Text(f"¶{paragraph + 1}/{len(doc.paragraphs)}", no_wrap=True, end="")
        if loading and isinstance(doc, PreviewDocument):  # the whole file is not counted yet
            head = doc.paragraphs[paragraph].start < doc.head_end
            status = Text(f"¶{paragraph + 1}/…" if head else "¶…", no_wrap=True, end="")
        if typed:
            status = Text.assemble((typed, "bold reverse"), " ", status, no_wrap=True, end="")
        who = reading.who_speaks(paragraph)
        if who:
            status.append(" · ")
            status.append(", ".join(f"{name} ({kind})" for name, kind in who))
        search = reading.search
        if search.query and loading:
            status.append(" · searching once the file is read “")
            status.append(search.query[:24])
            status.append("”")
        elif search.error:
            status.append(" · not a regular expression “", "bold")
            status.append(search.query[:24])
            status.append("”")
        elif search.query:
            where = f"{search.index + 1}/" if search.index is not None else ""
            status.append(f" · {where}{len(search.matches)} matches “")
            status.append(search.query[:24])
            status.append("”")
        if hidden:
            status.append(" · hidden: " + ", ".join(sorted(hidden)), "dim")
        self.update(status)
