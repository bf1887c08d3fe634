"""Exact ages tied to a person (experience experts), in digits or in words.

Patterns per language are data (data/ages.yaml), numbers in words too
(data/numbers.yaml). An age that is one end of a range ("18-25 years old", "tussen
16 en 18 jaar") is a general age and stays. Text and patterns are matched without
accents (privacy/folding.py: "tenia 15", "mialem 15 lat" as typed on a phone), with the
patterns of the text's language and of every language it plausibly is in.
"""

from __future__ import annotations

import re

from privacy import match_starts
from privacy.folding import fold
from privacy.lexicon import DATA, Lexicon, pattern_alternation, read_yaml
from privacy.statement import Finding, Statement, outermost

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
# "18-25", "16 tot 18", "fifteen or sixteen", "خمسة عشر أو ستة عشر"
_RANGE_WORDS = (
    r"to|tot(?: en met)?|and|en|or|of|a|o|do|lub|albo|i|la|și|sau|до|или|и|або|і|y|és"
    r"|vagy|أو"
)
_RANGE_JOIN = rf"(?:\s*[-–—/]\s*|\s+(?:{_RANGE_WORDS})\s+|\s+و\s*)"
# a list of ages in digits is a group too: "de meisjes van 14 15 16", "14, 15, 16"
_LIST_AFTER = re.compile(r"[ ,]{1,2}\d{1,2}(?!\w)")  # not "20 3am" (Arabizi: 20 years)
_LIST_BEFORE = re.compile(r"(?<!\d)\d{1,2}[ ,]{1,2}$")


def compile_bounds() -> re.Pattern[str]:
    """A bound or an estimate right before an age ("poniżej 18", "around 40"): a group's
    age or a guess, no person's (data/ages.yaml: bounds)."""
    words = sorted((fold(str(w)) for w in read_yaml(DATA / "ages.yaml")["bounds"]), key=len)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in reversed(words))
    return re.compile(rf"(?:^|[^\w])(?:{alternation})\.?\s+$", re.IGNORECASE)


def compile_patterns() -> dict[str, tuple[re.Pattern[str], _Ranges, re.Pattern[str]]]:
    ages = read_yaml(DATA / "ages.yaml")
    numbers = read_yaml(DATA / "numbers.yaml")
    units = pattern_alternation(ages["units"])
    durations = re.sub(r"\s+", " ", ages["not_after_years"].strip()).replace("| ", "|")
    patterns = {}
    for lang, numbers_of in numbers.items():
        if lang not in ages:
            continue
        words = pattern_alternation(numbers_of["cardinal"])
        ordinal = pattern_alternation(numbers_of.get("ordinal", r"\d{1,2}"))
        number = (
            rf"(\d{{1,2}}(?![\d]|[.,]\d)|(?<!\w)(?:{words})(?!\w))"
            rf"(?!\s*(?:{units}))(?!\s*{durations})"
        )
        ordinal_group = rf"((?<!\w)(?:{ordinal})(?!\w))"
        years = pattern_alternation(ages["years"])
        body = "|".join(
            "(?:"
            + p.replace("{N}", number)
            .replace("{ORD}", ordinal_group)
            .replace("{YEARS}", f"(?:{years})")
            + ")"
            for p in [*ages[lang], *ages["apposition"]]
        )
        # every age pattern holds a number: a text without one skips the long alternation
        has_number = re.compile(fold(rf"\d|(?<!\w)(?:{words}|{ordinal})(?!\w)"), re.IGNORECASE)
        # tried only where an age pattern can start (its first four characters: most
        # words start like a number word or a cue), number words as tries (same matches,
        # three times as fast); compiled when the language's first statement comes
        pattern = match_starts.Lazy(fold_pattern(body), re.IGNORECASE, depth=4)
        patterns[lang] = (pattern, _Ranges(fold(words)), has_number)
    return patterns


_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\]")


def fold_pattern(pattern: str) -> str:
    """A pattern for folded text: words and letters without accents, the ranges of its
    character classes as written (folded, "[A-ZÀ-ÖØ-Þ]" would become "[A-ZA-OO-Þ]", which
    holds every lower-case letter: any word before ", 60" was taken for a name)."""
    parts, last = [], 0
    for m in _CLASS.finditer(pattern):
        members = m.group()
        kept = "".join(  # letters without accents, the ends of a range as written
            ch if "-" in (members[k - 1], members[k + 1 : k + 2]) else fold(ch)
            for k, ch in enumerate(members)
        )
        parts += [fold(pattern[last : m.start()]), kept]
        last = m.end()
    return "".join(parts) + fold(pattern[last:])


class _Ranges:
    """Whether an age is one end of a range of ages (then it is a general age)."""

    def __init__(self, words: str) -> None:
        number = rf"(?:\d|(?<!\w)(?:{words}))"
        self.before = re.compile(rf"{number}{_RANGE_JOIN}$", re.IGNORECASE)
        self.after = re.compile(rf"{_RANGE_JOIN}(?:\d|(?:{words})(?!\w))", re.IGNORECASE)

    def __call__(self, text: str, start: int, end: int) -> bool:
        if text[start:end].isdigit() and (
            _LIST_AFTER.match(text, end) or _LIST_BEFORE.search(text, max(0, start - 4), start)
        ):
            return True
        return bool(
            self.before.search(text, max(0, start - 40), start) or self.after.match(text, end)
        )


def build(lexicon: Lexicon):
    patterns = compile_patterns()
    bounded = compile_bounds()
    # "е на 18 октомври", "el 18 de octubre": a day of a date, no age
    months = sorted({m for ms in lexicon.months.values() for m in ms}, key=len, reverse=True)
    month_after = re.compile(
        r"\s*(?:de\s+)?(?:" + "|".join(re.escape(m) for m in months) + r")(?!\w)", re.IGNORECASE
    )

    def age(st: Statement) -> list[Finding]:
        # the text's language first; a language it may also be in too ("aveam 16 ani
        # cand am plecat", typed without accents, reads as English to the detector)
        langs = [st.lang, *sorted(st.plausible - {st.lang})]
        langs = [lang for lang in langs if lang in patterns]
        if not langs:
            return []
        text = fold(st.text.translate(_DIGITS))
        found = []
        for lang in langs:
            pattern, in_range, has_number = patterns[lang]
            if not has_number.search(text):
                continue
            for m in pattern.finditer(text):
                group = next(
                    (g for g in range(1, (m.lastindex or 0) + 1) if m.group(g) is not None), None
                )
                if group is None or in_range(text, m.start(group), m.end(group)):
                    continue
                if month_after.match(text, m.end(group)):
                    continue
                if bounded.search(text, max(0, m.start() - 25), m.start()):
                    continue  # "under 18", "около 40": no one's age
                found.append(Finding(m.start(group), m.end(group), "age", "age"))
        return outermost(found) if len(langs) > 1 else found

    return age
