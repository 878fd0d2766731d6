"""An article's date as plain text gives it: a date line near the top, or a dated dateline.

Wire archives and saved copy carry the date in the text itself: ``26-FEB-1987``
above the story, ``Published: March 3, 2019`` under the headline, or
``WASHINGTON, March 3, 2019 (Reuters) -``. Only the opening lines are read, and
only a line that is a date (with at most a label before it and a time after
it), so a date mentioned in the story is never taken for the article's.
"""

from __future__ import annotations

import re

from reader import regexes

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_TIME = (  # 16:46:14.77, at 4:05 p.m. ET
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\.\d+)?"
    r"(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?"
)
_LABEL = r"(?:(?:published|updated|posted|last\s+updated|date|dated)\s*(?:on\s*)?:?\s+)?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_FORMS = (
    r"(?P<day>\d{1,2})-" + _MONTH + r"-(?P<year>\d{4})",  # 26-FEB-1987
    r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})",  # 2019-03-03
    _MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})",  # March 3, 2019
    r"(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>\d{4})",  # 3 March 2019
)
_DATE_LINE = tuple(
    regexes.compile(r"[ \t]*" + _LABEL + _WEEKDAY + form + _TIME + r"[ \t]*\Z", re.IGNORECASE)
    for form in _FORMS
)
_PLACE = r"[ \t]*[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
_DATED_DATELINE = tuple(
    regexes.compile(_PLACE + r",\s+" + form + r"\s*(?:\([A-Za-z][A-Za-z. -]{0,24}\)\s*)?[-—–]")
    for form in _FORMS[2:]
)
_OPENING_LINES = 6


def line_date(line: str) -> str | None:
    """The ISO date a line consists of (``Updated: Nov. 3, 2019 4:05 p.m.``), else None."""
    for pattern in _DATE_LINE:
        m = pattern.match(line)
        if m:
            return _iso(m)
    return None


def opening_date(text: str) -> str | None:
    """The date of an article from a date line or a dated dateline among its first lines."""
    for n, line in enumerate(text.lstrip().splitlines()):
        if n >= _OPENING_LINES:
            break
        if len(line) <= 80 and (found := line_date(line)):
            return found
        for pattern in _DATED_DATELINE:
            m = pattern.match(line)
            if m:
                return _iso(m)
    return None


def _iso(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    if groups.get("mnum"):
        month: int | None = int(groups["mnum"])
    else:
        month = _MONTHS.get(groups["month"].casefold())
    if month is None:
        return None
    from datetime import date  # only for a date line found: most texts have none

    try:
        return date(int(groups["year"]), month, int(groups["day"])).isoformat()
    except ValueError:
        return None
