"""Dates: of birth, and (for experience experts) every exact date.

Years, months with a year ("maart 2022") and general ages ("onder de 12 jaar",
"18-min") stay: only a full date, or a day and month, can point at a person.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from privacy import match_starts
from privacy.folding import fold
from privacy.lexicon import (
    DATA,
    Lexicon,
    keyword_pattern,
    latin_spellings,
    pattern_alternation,
    read_yaml,
)
from privacy.statement import Finding, Statement, outermost

_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH_NUM = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:19|20)\d{2}"
_NUMERIC = (
    rf"(?<![\d.,/-]){_DAY}(?P<sep>[-/.]){_MONTH_NUM}(?P=sep)(?:{_YEAR}|\d{{2}})(?![\d])"
    # year first, any separator: 1998-03-14, 1998/03/14, 1998.3.14
    rf"|(?<![\d.,/-]){_YEAR}(?P<ysep>[-/.]){_MONTH_NUM}(?P=ysep){_DAY}(?![\d])"
    # Hungarian with spaces: 1988. 05. 21.
    rf"|(?<![\d.,/-]){_YEAR}\. {_MONTH_NUM}\. {_DAY}\.?(?![\d])"
)
# a day and month in digits without a year ("el 22/04", "- 14/3: ontslag", "٥/٢"): experts
# only; not "24/7" or a fraction ("1/2", "3/4"; see _fraction)
_DAY_MONTH = re.compile(rf"(?<![\w./:-]){_DAY}/{_MONTH_NUM}(?![\w/]|[.,:]\d)")
_BIRTH_YEAR = re.compile(rf"(?<![\d/.-]){_YEAR}(?![\d/]|-\d|\.\d)")  # "2007-ben" too
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
# a year in words can only be there when one of these is ("tweeduizend negentien")
_YEAR_WORD = re.compile(r"tweeduizend|negentienhonderd|nineteen|twenty|thousand", re.I)


def _words_pattern(month: str) -> re.Pattern[str]:
    """Full dates with the day (or the year) in words, in any of our languages
    (data/date_words.yaml with the cardinals of data/numbers.yaml)."""
    words = read_yaml(DATA / "date_words.yaml")
    numbers = read_yaml(DATA / "numbers.yaml")
    days = [pattern_alternation(v) for v in words["days"].values()]
    days += [pattern_alternation(n["cardinal"]) for n in numbers.values()]
    years = [
        pattern_alternation(v).replace("{CARDINAL}", pattern_alternation(numbers[lang]["cardinal"]))
        for lang, v in words["years"].items()
    ]
    day = "(?:" + "|".join(days) + ")"
    year = rf"(?:{_YEAR}|" + "|".join(years) + ")"
    return match_starts.Lazy(
        rf"(?<![\w.]){day}\s+(?:de\s+|of\s+|من\s+)?{month},?\s*(?:de\s+|del\s+)?{year}(?!\w)"
        rf"(?:\s*(?:r\.|г\.|р\.))?"
        rf"|(?<![\w.]){_YEAR}\.?\s*{month}\s+{day}(?!\w)"  # 2019. augusztus tizedikén
        rf"|(?<![\w.]){month}\s+(?:the\s+)?{day},?\s*{year}(?!\w)",  # March third, 2019
        re.IGNORECASE,
    )


class _Patterns(NamedTuple):
    full: re.Pattern[str]  # full dates
    partial: re.Pattern[str]  # day + month without a year
    words: re.Pattern[str]  # full dates with words for numbers
    numeric: re.Pattern[str]  # the part of ``full`` without a month: 14-03-1998
    month: _MonthNames  # whether a month name is in a text


def month_names(lexicon: Lexicon) -> list[str]:
    """Month names as written in dates, longest first: as in data/months.yaml, typed
    without accents ("15 wrzesnia", "marcius") and Cyrillic ones in Latin letters ("12
    veresnia 2023", "14 fevruari")."""
    return list(_spellings(tuple(m for ms in lexicon.months.values() for m in ms)))


@cache
def _spellings(written: tuple[str, ...]) -> tuple[str, ...]:
    tables = read_yaml(DATA / "names" / "transliteration.yaml")
    months = set(written) | {fold(m) for m in written}
    months |= {latin.lower() for m in written for latin in latin_spellings(m, tables)}
    return tuple(sorted(months, key=len, reverse=True))


# the day of a date: an ordinal ("3.", "3rd") or with a Hungarian case ending ("14-én", "3-ától",
# "14-éig", "3-ai"); never the first digit of a longer number ("14-én" is no "1")
_DAY_ENDINGS = (
    "jától|jétől|ától|étől|tól|től|jáig|jéig|áig|éig|jén|ján|án|én|jei|jai|ai|ei|ig|a|e|i"
)


def _date_patterns(lexicon: Lexicon) -> _Patterns:
    """The date patterns, and what a text without a month name needs of them."""
    months = month_names(lexicon)
    month = "(?:" + "|".join(re.escape(m) for m in months) + r")\.?"
    day = rf"{_DAY}(?!\d)(?:\.|st|nd|rd|th|-?(?:{_DAY_ENDINGS}))?"
    full = (
        rf"(?<![\w.]){day}\s*(?:de\s+)?{month},?\s*(?:de\s+|del\s+)?{_YEAR}(?:\s*(?:r\.|г\.|р\.))?"
        rf"|(?<![\w.]){month}\s+{day},?\s*{_YEAR}"  # March 12, 1994
        rf"|(?<![\w.]){_YEAR}\.?\s*{month}\s*{day}"  # 1999. március 4-én
        rf"|{_NUMERIC}"
    )
    partial = rf"(?<![\w.]){day}\s*(?:de\s+|of\s+)?{month}(?![\w])|(?<![\w.]){month}\s+{day}(?!\w)"
    return _Patterns(
        match_starts.compile(full, re.IGNORECASE),  # tried only where a date can start
        match_starts.compile(partial, re.IGNORECASE),
        _words_pattern(month),
        match_starts.compile(_NUMERIC, re.IGNORECASE),
        _MonthNames(months),
    )


class _MonthNames:
    """Whether a month name (as ``{month}`` above reads it: any case) stands in a text.

    A text in ASCII (most texts with digits) is lowered and read case-sensitively, three
    times as fast: each letter of a name is replaced by the ASCII characters ``re`` with
    IGNORECASE takes for it (a name with a letter no ASCII character matches cannot be in
    such a text), so this finds a name exactly where the pattern does."""

    def __init__(self, months: list[str]) -> None:
        self.any_text = match_starts.compile("|".join(re.escape(m) for m in months), re.IGNORECASE)
        readings = [_ascii_reading(m) for m in months]
        self.ascii_text = match_starts.compile("|".join(r for r in readings if r is not None))

    def search(self, text: str) -> bool:
        if text.isascii():
            return self.ascii_text.search(text.lower()) is not None
        return self.any_text.search(text) is not None


def _ascii_reading(month: str) -> str | None:
    """A case-sensitive pattern for ``month`` in lowered ASCII text (None: cannot be in it)."""
    parts = [_ascii_letter(ch) for ch in month]
    return None if None in parts else "".join(parts)


@cache
def _ascii_letter(ch: str) -> str | None:
    one = re.compile(re.escape(ch), re.IGNORECASE)
    lowered = sorted({chr(c).lower() for c in range(128) if one.fullmatch(chr(c))})
    return "[" + "".join(re.escape(c) for c in lowered) + "]" if lowered else None


def _patterns_for(st: Statement, text: str, patterns: _Patterns) -> tuple:
    """The patterns worth running on a text: numbers in words need no digits, and every
    date but a numeric one names a month (without one, the branches that name one cannot
    match anywhere, so leaving them out changes no match)."""
    if st.has_digits:
        return patterns[:3] if patterns.month.search(text) else (patterns.numeric,)
    if _YEAR_WORD.search(text):
        return patterns[2:3] if patterns.month.search(text) else ()
    return ()


def _strip(text: str, start: int, end: int, lang: str = "") -> tuple[int, int]:
    while end > start and text[end - 1] in " ,":
        end -= 1
    if lang == "hu" and text[end - 1 : end].isdigit() and text[end : end + 1] == ".":
        end += 1  # a Hungarian date's day ends in a dot: "1988.11.02."
    return start, end


def build_birth_date(lexicon: Lexicon):
    """Dates with a birth word ("geboren", "born", "ولدت" ...) just before or after."""
    patterns = _date_patterns(lexicon)
    cues = keyword_pattern(lexicon.keywords["birth"])

    def birth_date(st: Statement) -> list[Finding]:
        text = st.text.translate(_DIGITS)
        births = [m.span() for m in cues.finditer(text)]
        if not births:
            return []
        found = _birth_years(text, births)
        chosen = _patterns_for(st, text, patterns)
        for pattern in chosen:
            for m in pattern.finditer(text):
                if any(-45 <= m.start() - end and start - m.end() <= 25 for start, end in births):
                    found.append(Finding(*_strip(text, *m.span(), st.lang), "date", "birth_date"))
        return outermost(found)

    return birth_date


def _birth_years(text: str, births: list[tuple[int, int]]) -> list[Finding]:
    """A birth year alone is the age: "born in 2009", "(1993 р.н.)"."""
    return [
        Finding(*m.span(), "date", "birth_date")
        for m in _BIRTH_YEAR.finditer(text)
        if any(_near(text, end, m.start()) or _near(text, m.end(), start) for start, end in births)
    ]


def _near(text: str, left: int, right: int) -> bool:
    """Only a few words between ("born in 2008", "Роден съм през 2006", "2007-ben született")."""
    gap = text[left:right]
    return 0 <= right - left <= 14 and all(ch.isalpha() or ch in " -" for ch in gap)


def _fraction(day_month: str) -> bool:
    """ "24/7", or a small fraction ("1/2", "2/3", "3/4") rather than a day and month."""
    top, bottom = day_month.split("/")
    return day_month == "24/7" or (len(top) == len(bottom) == 1 and int(top) < int(bottom))


def build_any_date(lexicon: Lexicon):
    """Every full date, and every day + month, and a birth year: for experience experts."""
    patterns = _date_patterns(lexicon)
    cues = keyword_pattern(lexicon.keywords["birth"])

    def any_date(st: Statement) -> list[Finding]:
        text = st.text.translate(_DIGITS)
        found = [
            Finding(*_strip(text, *m.span(), st.lang), "date", "any_date")
            for pattern in _patterns_for(st, text, patterns)
            for m in pattern.finditer(text)
        ]
        if st.has_digits:
            found += _birth_years(text, [m.span() for m in cues.finditer(text)])
            found += [
                Finding(*m.span(), "date", "any_date")
                for m in _DAY_MONTH.finditer(text)
                if not _fraction(m.group())
            ]
        return outermost(found)

    return any_date
