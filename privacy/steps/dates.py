"""Dates: of birth, and (for experience experts) every exact date.

Years, months with a year ("maart 2022") and general ages ("onder de 12 jaar",
"18-min") stay: only a full date, or a day and month, can point at a person.
"""

from __future__ import annotations

import re

from privacy.lexicon import Lexicon, keyword_pattern
from privacy.statement import Finding, Statement, outermost

_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH_NUM = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:19|20)\d{2}"
_NUMERIC = (
    rf"(?<![\d.,/-]){_DAY}(?P<sep>[-/.]){_MONTH_NUM}(?P=sep)(?:{_YEAR}|\d{{2}})(?![\d])"
    # year first, any separator: 1998-03-14, 1998/03/14, 1998.3.14
    rf"|(?<![\d.,/-]){_YEAR}(?P<ysep>[-/.]){_MONTH_NUM}(?P=ysep){_DAY}(?![\d])"
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def _date_patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(full dates, day + month without a year)."""
    months = sorted({m for ms in lexicon.months.values() for m in ms}, key=len, reverse=True)
    month = "(?:" + "|".join(re.escape(m) for m in months) + r")\.?"
    day = rf"{_DAY}(?:\.|st|nd|rd|th|-?(?:án|én|jén|ján|a|e|i|ei|ig))?"
    full = (
        rf"(?<![\w.]){day}\s*(?:de\s+)?{month},?\s*(?:de\s+|del\s+)?{_YEAR}(?:\s*(?:r\.|г\.|р\.))?"
        rf"|(?<![\w.]){month}\s+{day},?\s*{_YEAR}"  # March 12, 1994
        rf"|(?<![\w.]){_YEAR}\.?\s*{month}\s*{day}"  # 1999. március 4-én
        rf"|{_NUMERIC}"
    )
    partial = rf"(?<![\w.]){day}\s*(?:de\s+)?{month}(?![\w])|(?<![\w.]){month}\s+{day}(?!\w)"
    return (re.compile(full, re.IGNORECASE), re.compile(partial, re.IGNORECASE))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,":
        end -= 1
    return start, end


def build_birth_date(lexicon: Lexicon):
    """Dates with a birth word ("geboren", "born", "ولدت" ...) just before or after."""
    full, partial = _date_patterns(lexicon)
    cues = keyword_pattern(lexicon.keywords["birth"])

    def birth_date(st: Statement) -> list[Finding]:
        if not st.has_digits:
            return []
        text = st.text.translate(_DIGITS)
        births = [m.span() for m in cues.finditer(text)]
        if not births:
            return []
        found = []
        for pattern in (full, partial):
            for m in pattern.finditer(text):
                if any(-45 <= m.start() - end and start - m.end() <= 25 for start, end in births):
                    found.append(Finding(*_strip(text, *m.span()), "date", "birth_date"))
        return outermost(found)

    return birth_date


def build_any_date(lexicon: Lexicon):
    """Every full date, and every day + month: for experience experts."""
    full, partial = _date_patterns(lexicon)

    def any_date(st: Statement) -> list[Finding]:
        if not st.has_digits:
            return []
        text = st.text.translate(_DIGITS)
        return outermost(
            [
                Finding(*_strip(text, *m.span()), "date", "any_date")
                for pattern in (full, partial)
                for m in pattern.finditer(text)
            ]
        )

    return any_date
