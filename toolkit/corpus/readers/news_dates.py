"""Publication dates as news databases print them, in several interface languages.

Exports write dates for people, in the language of the database's interface:
``January 11, 2010 Monday``, ``27. Februar 2012 Montag 9:50 PM GMT+1``,
``13 November 2017``, ``2018年5月28日`` (Chinese and Japanese), ``2018년 5월
28일`` (Korean), or ``2017-11-13``. :func:`find_date` finds the first such date in
a line and returns it as an ISO date, which :func:`toolkit.load_corpus` parses.
Month names are English, German, French, Spanish, Italian and Dutch, full or
abbreviated.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

__all__ = ["find_date", "is_date_line"]

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "january jan januar janvier enero ene gennaio gen januari janeiro",
        "february feb februar fevrier février febrero febbraio februari fevereiro",
        "march mar marz märz maerz mrz mars marzo maart março",
        "april apr avril abril aprile",
        "may mai mayo maggio mei maio",
        "june jun juni juin junio giugno junho",
        "july jul juli juillet julio luglio julho",
        "august aug aout août agosto ago augustus",
        "september sep sept septembre septiembre settembre set setembro",
        "october oct oktober okt octobre octubre ottobre ott oktober outubro out",
        "november nov novembre noviembre novembro",
        "december dec dez dezember decembre décembre diciembre dic dicembre desember dezembro",
    ],
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_WORD = r"(?P<month>[^\W\d_]{3,10})\.?"
_DAY = r"(?P<day>\d{1,2})"
_YEAR = r"(?P<year>\d{4})"
_FORMS = [
    # 2018年5月28日 (Chinese, Japanese), 2018년 5월 28일 (Korean), spaces allowed
    re.compile(rf"{_YEAR}\s*[年년]\s*(?P<mnum>\d{{1,2}})\s*[月월]\s*{_DAY}\s*[日일]?"),
    # 2017-11-13, 2017/11/13
    re.compile(rf"(?<!\d){_YEAR}[-/.](?P<mnum>\d{{1,2}})[-/.]{_DAY}(?!\d)"),
    # January 11, 2010 / Jan. 8 2010
    re.compile(rf"(?<![^\W\d_]){_WORD}\s+{_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}(?!\d)"),
    # 11 January 2010 / 27. Februar 2012 / 1er janvier 2010 / 3 de mayo de 2019
    re.compile(
        rf"(?<!\d){_DAY}(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?{_WORD},?\s+(?:de\s+)?{_YEAR}(?!\d)"
    ),
]


def _plain(word: str) -> str:
    word = word.lower()
    if word in _MONTHS:
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def find_date(text: str) -> str | None:
    """The first date written in ``text``, as ``YYYY-MM-DD``, or None.

    Examples
    --------
    >>> find_date("January 11, 2010 Monday")
    '2010-01-11'
    >>> find_date("27. Februar 2012 Montag 9:50 PM GMT+1")
    '2012-02-27'
    >>> find_date("2018年5月28日"), find_date("2018년 5월 28일 월요일")
    ('2018-05-28', '2018-05-28')
    >>> find_date("808 words") is None
    True
    """
    found = []
    for form in _FORMS:
        for m in form.finditer(text):
            parts = m.groupdict()
            if parts.get("mnum"):
                month = int(parts["mnum"])
            else:
                month = _MONTHS.get(_plain(parts["month"]), 0)
            try:
                day = dt.date(int(parts["year"]), month, int(parts["day"]))
            except ValueError:
                continue
            found.append((m.start(), day))
            break
    if not found:
        return None
    return min(found)[1].isoformat()


def is_date_line(text: str, *, max_chars: int = 80) -> bool:
    """True when a short line is a date (with perhaps a weekday, time or zone).

    Examples
    --------
    >>> is_date_line("July 1, 2019 Monday 9:20 AM GMT")
    True
    >>> is_date_line("January 11, 2018 Thursday, Late Edition - Final")
    True
    >>> is_date_line("The talks of January 11, 2010 failed because the two sides disagreed")
    False
    """
    text = text.strip()
    if not text or len(text) > max_chars or find_date(text) is None:
        return False
    if any(form.match(text) for form in _FORMS):
        return True  # a line that opens with a date: the rest is a weekday, time or edition
    # what is left once the date, times and zones are gone is at most a weekday or two
    rest = text
    for form in _FORMS:
        rest = form.sub(" ", rest)
    rest = re.sub(
        r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?|\b(?:AM|PM|GMT|UTC|CES?T|E[SD]T|[PCM][SD]T)\b", " ", rest
    )
    rest = re.sub(r"[+\-]\d{1,2}(?::?\d{2})?|[^\w]+|\d+", " ", rest)
    return len(rest.split()) <= 2
