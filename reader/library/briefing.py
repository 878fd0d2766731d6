"""A briefing on one speaker or one sector of the library, as Markdown (``reader brief``).

Queries the index's own API does not hold (a speaker's sectors, the quotes
that mention a sector), then the Markdown: the quotes with their article's
title, date and a link to the file at the quote's characters (RFC 5147
``#char=START,END``, the file's own characters: the index's offsets are into the
canonical text, which lacks a ``date`` header, say, so the quote is found in the
file near its offset), the sector counts, and the user's notes on the articles.
Every text comes from files or notes: Markdown is escaped where it could act
(headings, links), quotes are block quotes line by line.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.library.index import LibraryIndex
from reader.library.queries import (
    DocumentRef,
    LibraryNote,
    LibraryQuote,
    SpeakerSummary,
    notes,
    sector_documents,
    sector_shares,
    sector_timeline,
    since_clause,
    speaker_quotes,
    speakers,
)
from reader.untrusted import clean_line, clean_text


class BriefError(ValueError):
    """The speaker or sector asked for is not in the library, or is ambiguous: one line."""


@dataclass(frozen=True, slots=True)
class SectorCount:
    """A sector's mentions in a set of quotes (or documents)."""

    id: str
    name: str
    mentions: int
    documents: int


# -- what the index is asked ---------------------------------------------------------


def find_speaker(index: LibraryIndex, name: str) -> SpeakerSummary:
    """The one speaker called ``name`` (any case): the one of that full name, else the one
    whose name or aliases hold its words; a surname two people share is ambiguous."""
    found = speakers(index, name)
    wanted = name.casefold().strip()
    exact = [s for s in found if s.name.casefold() == wanted]
    if len(exact) == 1:
        return exact[0]
    if len(found) == 1:
        return found[0]
    if not found:
        raise BriefError(f"no speaker called {name!r} in the library")
    names = ", ".join(f"{s.name} ({s.quotes} quotes)" for s in found[:8])
    raise BriefError(f"{name!r} is more than one speaker: {names}; give the full name")


def find_sector(index: LibraryIndex, sector: str) -> tuple[str, str]:
    """The sector ``sector`` (its id or name, any case) as ``(id, name)``."""
    wanted = sector.casefold().strip()
    rows = index.db.execute("SELECT id, name FROM sectors ORDER BY id").fetchall()
    for r in rows:
        if wanted in (r[0].casefold(), r[1].casefold()):
            return r[0], r[1]
    known = ", ".join(r[0] for r in rows)
    raise BriefError(f"no sector {sector!r} (the sectors: {known})")


def speaker_sectors(
    index: LibraryIndex, speaker_id: str, since: str | None = None
) -> list[SectorCount]:
    """The sectors a speaker's quotes mention, most mentions first."""
    sql = (
        "SELECT m.sector, x.name, count(*), count(DISTINCT m.doc) FROM speakers s "
        "JOIN quotes q ON q.doc = s.doc AND q.speaker = s.local "
        'JOIN sector_mentions m ON m.doc = q.doc AND m.start >= q.start AND m."end" <= q."end" '
        "JOIN sectors x ON x.id = m.sector JOIN documents d ON d.id = s.doc "
        "WHERE s.person = ?"
    )
    args: list[object] = [speaker_id]
    sql += since_clause(since, args)
    sql += " GROUP BY m.sector ORDER BY count(*) DESC, m.sector"
    return [SectorCount(r[0], r[1], r[2], r[3]) for r in index.db.execute(sql, args)]


def sector_quotes(index: LibraryIndex, sector: str, since: str | None = None) -> list[LibraryQuote]:
    """The quotes that mention ``sector``, newest document first, in the text's order."""
    sql = (
        'SELECT DISTINCT d.path, d.title, d.date, s.name, q.kind, q.start, q."end", q.text '
        "FROM quotes q JOIN speakers s ON s.doc = q.doc AND s.local = q.speaker "
        "JOIN documents d ON d.id = q.doc "
        'JOIN sector_mentions m ON m.doc = q.doc AND m.start >= q.start AND m."end" <= q."end" '
        "WHERE m.sector = ?"
    )
    args: list[object] = [sector]
    sql += since_clause(since, args)
    sql += " ORDER BY d.date IS NULL, d.date DESC, d.path, q.start"
    return [
        LibraryQuote(DocumentRef(r[0], r[1], r[2]), r[3], r[4], r[5], r[6], r[7], None, None)
        for r in index.db.execute(sql, args)
    ]


def notes_on(index: LibraryIndex, paths: Iterable[str]) -> list[LibraryNote]:
    """The notes of the library on the documents at ``paths``, by document then place."""
    wanted = set(paths)
    return [n for n in notes(index) if n.document.path in wanted]


# -- Markdown -------------------------------------------------------------------------

_ACTIVE = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md_inline(text: str) -> str:
    """Untrusted text as one line of Markdown that reads as itself (no link, no emphasis)."""
    return _ACTIVE.sub(r"\\\1", clean_line(text))


def md_quote(text: str) -> str:
    """Untrusted text as a Markdown block quote, every line of it quoted."""
    lines = clean_text(text).splitlines() or [""]
    return "\n".join(f"> {md_inline(line)}".rstrip() for line in lines)


class FileText:
    """The files' own texts, read once each, to find the characters of a quote in them."""

    def __init__(self) -> None:
        self._texts: dict[str, str | None] = {}

    def text(self, path: str) -> str | None:
        if path not in self._texts:
            try:
                with open(path, encoding="utf-8", errors="replace", newline="") as f:
                    self._texts[path] = f.read()
            except OSError:
                self._texts[path] = None
        return self._texts[path]

    def chars(self, path: str, words: str, start: int) -> tuple[int, int] | None:
        """Where ``words`` (found at ``start`` of the canonical text) are in the file: the
        occurrence nearest to ``start``, or None (a converted page, a file gone)."""
        raw = self.text(path)
        if raw is None or not words:
            return None
        best: int | None = None
        at = raw.find(words)
        while at != -1:
            if best is None or abs(at - start) < abs(best - start):
                best = at
            at = raw.find(words, at + 1)
        return None if best is None else (best, best + len(words))


def link(
    path: str,
    start: int,
    end: int,
    root: Path | None,
    words: str = "",
    files: FileText | None = None,
) -> str:
    """``[file, characters A–B](file:///…#char=A,B)``: RFC 5147 offsets into the file itself,
    where ``words`` are found in it; else the text's offsets, without a fragment."""
    file = Path(path)
    shown = file.name
    if root is not None:
        with contextlib.suppress(ValueError):  # a file outside the folder: its name
            shown = str(file.relative_to(root))
    found = files.chars(path, words, start) if files is not None else None
    if found is None:
        return f"[{md_inline(shown)}, text characters {start}–{end}]({file.as_uri()})"
    a, b = found
    return f"[{md_inline(shown)}, characters {a}–{b}]({file.as_uri()}#char={a},{b})"


def _dated(doc: DocumentRef) -> str:
    return f"{md_inline(doc.title)} ({doc.date or 'no date'})"


def _quotes_section(quotes: list[LibraryQuote], root: Path | None, with_speaker: bool) -> list[str]:
    out = ["## Quotes", ""]
    if not quotes:
        return [*out, "None.", ""]
    files = FileText()
    current: str | None = None
    for q in quotes:
        if q.document.path != current:
            current = q.document.path
            out += [f"### {_dated(q.document)}", ""]
        out.append(md_quote(q.text))
        who = f"{md_inline(q.speaker)} · " if with_speaker else ""
        where = link(q.document.path, q.start, q.end, root, q.text, files)
        out += ["", f"— {who}{q.kind} · {where}", ""]
    return out


def _notes_section(found: list[LibraryNote], root: Path | None) -> list[str]:
    out = ["## Notes", ""]
    if not found:
        return [*out, "No notes on these articles.", ""]
    current: str | None = None
    files = FileText()
    for n in found:
        if n.document.path != current:
            current = n.document.path
            out += [f"### {_dated(n.document)}", ""]
        if n.exact:
            out += [md_quote(n.exact), ""]
        out.append(md_inline(n.body) if "\n" not in n.body else md_quote(n.body))
        tags = " ".join(f"`#{clean_line(t).replace('`', '')}`" for t in n.tags)
        where = (
            link(n.document.path, n.start, n.end, root, n.exact or "", files)
            if n.start is not None and n.end is not None
            else "on the whole article"
        )
        out += ["", " · ".join(x for x in (tags, n.created[:10], where) if x), ""]
    return out


def speaker_brief(
    index: LibraryIndex, name: str, *, since: str | None = None, root: Path | None = None
) -> str:
    """The Markdown briefing on the speaker ``name``: quotes, sectors in them, notes."""
    who = find_speaker(index, name)
    quotes = speaker_quotes(index, who.id, since=since)
    docs = {q.document.path for q in quotes}
    out = [f"# Briefing: {md_inline(who.name)}", ""]
    facts = [who.kind, f"{len(quotes)} quotes in {len(docs)} articles"]
    if since:
        facts.append(f"since {since}")
    if who.aliases:
        facts.append("also " + ", ".join(md_inline(a) for a in who.aliases))
    out += [" · ".join(facts), ""]
    out += _quotes_section(quotes, root, with_speaker=False)
    out += ["## Sectors in these quotes", ""]
    counted = speaker_sectors(index, who.id, since)
    if counted:
        out += ["| sector | mentions | articles |", "|---|---:|---:|"]
        out += [f"| {md_inline(c.name)} | {c.mentions} | {c.documents} |" for c in counted]
    else:
        out.append("No sector is mentioned in these quotes.")
    out.append("")
    out += _notes_section(notes_on(index, docs), root)
    return "\n".join(out).rstrip() + "\n"


def sector_brief(
    index: LibraryIndex, sector: str, *, since: str | None = None, root: Path | None = None
) -> str:
    """The Markdown briefing on a sector: its counts by month, the quotes on it, the notes."""
    sector_id, name = find_sector(index, sector)
    documents = [
        d
        for d in sector_documents(index, sector_id)
        if since is None or (d.document.date or "") >= since
    ]
    months = [m for m in sector_timeline(index, sector_id) if since is None or m.month >= since[:7]]
    share = next((s for s in sector_shares(index) if s.id == sector_id), None)
    out = [f"# Briefing: {md_inline(name)}", ""]
    facts = [f"sector `{sector_id}`", f"{sum(d.mentions for d in documents)} mentions"]
    facts.append(f"in {len(documents)} articles")
    if since:
        facts.append(f"since {since}")
    elif share is not None:
        facts.append(f"{share.share:.0%} of the library")
    out += [" · ".join(facts), "", "## Counts", ""]
    if months:
        out += ["| month | mentions | articles |", "|---|---:|---:|"]
        out += [f"| {m.month} | {m.mentions} | {m.documents} |" for m in months]
        out.append("")
    if documents:
        out += ["| article | date | mentions |", "|---|---|---:|"]
        for d in documents:
            title = md_inline(d.document.title)
            out.append(f"| {title} | {d.document.date or ''} | {d.mentions} |")
    else:
        out.append("No article mentions it.")
    out.append("")
    out += _quotes_section(sector_quotes(index, sector_id, since), root, with_speaker=True)
    out += _notes_section(notes_on(index, {d.document.path for d in documents}), root)
    return "\n".join(out).rstrip() + "\n"


__all__ = [
    "BriefError",
    "SectorCount",
    "find_sector",
    "find_speaker",
    "md_inline",
    "md_quote",
    "notes_on",
    "sector_brief",
    "sector_quotes",
    "speaker_brief",
    "speaker_sectors",
]
