"""Phone numbers, national and international, validated with ``phonenumbers``.

Public numbers stay: the helplines in data/keep/helplines.txt, and every toll-free,
shared-cost or premium-rate number (service lines). Company numbers (Dutch 088) go:
they point at the speaker's organisation. A digit run right after a phone
word ("bel", "tel.", "номер", "رقم" ...) is a phone number even when the metadata does
not know it (typos, numbers from countries we do not guess).
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher, PhoneNumberType

from privacy.lexicon import Lexicon, keyword_pattern
from privacy.spoken_numbers import spoken_numbers
from privacy.statement import Finding, Statement

# Regions tried for numbers written without a country code, per statement language.
# Participants live in the Netherlands, so Dutch numbers are tried in every language.
REGIONS = {
    "nl": ("NL", "BE"),
    # English is also written by people from Nigeria, Ghana, India, the Philippines
    "en": ("GB", "NL", "NG", "GH", "IN", "PH"),
    "pl": ("PL", "NL"),
    "ro": ("RO", "NL"),
    "bg": ("BG", "NL"),
    "hu": ("HU", "NL"),
    "uk": ("UA", "NL"),
    "es": ("ES", "NL", "CO", "VE", "HN", "PY", "DO"),  # Spain and Latin America
    "ar": ("NL", "MA", "EG", "SY", "IQ"),
}
PUBLIC_TYPES = {
    PhoneNumberType.TOLL_FREE,
    PhoneNumberType.SHARED_COST,
    PhoneNumberType.PREMIUM_RATE,
}
_CANDIDATE = re.compile(r"[+(]?\d[\d\s().\-–/]{5,}\d")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_KEYWORD_NUMBER = re.compile(r"\+?\(?\d[\d\s().\-]{6,20}\d")
_DATE_LIKE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")
# Written with a country code, a number is a phone number even when the metadata says the
# range is not in use (a typo, a fictional or a brand-new range): recall before precision.
# a number read out in words: at least this many number words in a row ("zero six one
# two three four five six seven eight"; "sześćset dwa, trzysta czterdzieści, pięćset ...")
SPOKEN_MIN_WORDS = 6
_INTERNATIONAL = re.compile(r"(?<![\w+])(?:\+|00)\d[\d\s().\-]{6,20}\d")


def build(lexicon: Lexicon):
    helplines = _helplines(lexicon)
    keywords = keyword_pattern(lexicon.keywords["phone"])
    # "رقم الملف 2023-4587-11", "رقم الهوية ...", "справа номер ...": a number, but of a
    # case, a document, an identity card or an account
    words = lexicon.keywords
    other_numbers = keyword_pattern(
        words["case_file"] + words["document"] + words["national_id"] + words["bank"]
    )
    # right after "رقم الهوية", "BSN", "IBAN", "passport": that step's number, not a phone's
    id_words = keyword_pattern(words["document"] + words["national_id"] + words["bank"])

    def announced_as_other(text: str, start: int) -> bool:
        words = list(id_words.finditer(text, max(0, start - 24), start))
        return bool(words) and not keywords.search(text, words[-1].end(), start)

    def is_public(number: phonenumbers.PhoneNumber) -> bool:
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return e164 in helplines or phonenumbers.number_type(number) in PUBLIC_TYPES

    spoken = spoken_numbers()

    def read_out(st: Statement) -> list[Finding]:
        """Numbers read out in words ("nul zes twaalf drie vier ..."), checked as digits."""
        found = []
        for run in spoken.runs(st.text, SPOKEN_MIN_WORDS):
            if not 8 <= len(run.digits) <= 15 or _looks_public(run.digits, st.lang, is_public):
                continue
            announced = keywords.search(st.text, max(0, run.start - 40), run.start)
            if announced or len(run.digits) >= 9 or _valid(run.digits, st.lang):
                found.append(Finding(run.start, run.end, "phone", "phone"))
        return found

    def phone(st: Statement) -> list[Finding]:
        found_in_words = read_out(st)
        if not st.has_digits:
            return found_in_words
        text = st.text.translate(_DIGITS)  # same length: offsets stay valid
        windows = _windows(text)
        if not windows:
            return found_in_words
        found: list[Finding] = found_in_words
        covered: list[tuple[int, int]] = []
        public: list[tuple[int, int]] = []
        # public numbers are no identifiers of any kind (not a BSN either)
        st.memo["public_numbers"] = public
        for region in REGIONS.get(st.lang, ("NL",)):
            for offset, window in windows:
                for match in PhoneNumberMatcher(window, region, leniency=Leniency.VALID):
                    span = (offset + match.start, offset + match.end)
                    if any(s < span[1] and span[0] < e for s, e in covered):
                        continue
                    if _DATE_LIKE.fullmatch(match.raw_string.strip()):
                        continue
                    covered.append(span)
                    if is_public(match.number):
                        public.append(span)
                    elif not announced_as_other(text, span[0]):
                        found.append(Finding(*span, "phone", "phone"))
        for number in _INTERNATIONAL.finditer(text):
            start, end = number.span()
            digits = sum(ch.isdigit() for ch in number.group())
            if not 8 <= digits <= 15 or any(s < end and start < e for s, e in covered):
                continue
            if _looks_public(number.group(), st.lang, is_public):
                continue
            covered.append((start, end))
            found.append(Finding(start, end, "phone", "phone"))
        for kw in keywords.finditer(text):
            window = text[kw.end() : kw.end() + 40]
            number = _KEYWORD_NUMBER.search(window)
            if number is None or window[: number.start()].count(" ") > 4:
                continue
            start, end = kw.end() + number.start(), kw.end() + number.end()
            digits = sum(ch.isdigit() for ch in number.group())
            if not 8 <= digits <= 15 or any(s < end and start < e for s, e in covered):
                continue
            if other_numbers.search(text, max(0, kw.start() - 16), start):
                continue  # another kind of number: its own step takes it
            if _looks_public(number.group(), st.lang, is_public):
                continue
            covered.append((start, end))
            found.append(Finding(start, end, "phone", "phone"))
        return found

    return phone


def _windows(text: str) -> list[tuple[int, str]]:
    """Stretches that could hold a phone number (>= 7 digits), with a little context.

    The matcher is slow on long texts; running it on these windows finds the same
    numbers at a fraction of the cost.
    """
    windows: list[tuple[int, str]] = []
    for m in _CANDIDATE.finditer(text):
        if sum(ch.isdigit() for ch in m.group()) < 7:
            continue
        start, end = max(0, m.start() - 2), min(len(text), m.end() + 2)
        if windows and start <= windows[-1][0] + len(windows[-1][1]):
            first = windows.pop()[0]
            start = first
        windows.append((start, text[start:end]))
    return windows


def _valid(digits: str, lang: str) -> bool:
    for region in REGIONS.get(lang, ("NL",)):
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(digits, region)):
                return True
        except phonenumbers.NumberParseException:
            continue
    return False


def _looks_public(raw: str, lang: str, is_public) -> bool:
    for region in REGIONS.get(lang, ("NL",)):
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if is_public(number):
            return True
    return False


def _helplines(lexicon: Lexicon) -> frozenset[str]:
    numbers = set()
    for region, raw in lexicon.helplines:
        try:
            parsed = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        numbers.add(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))
    return frozenset(numbers)
