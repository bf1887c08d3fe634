"""Street addresses, postcodes and (for experience experts) street names alone."""

from __future__ import annotations

import re

from privacy import match_starts
from privacy.keep import MustKeep
from privacy.lexicon import Lexicon, keyword_pattern, word_alternation
from privacy.statement import Finding, Statement, outermost

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯІЇЄҐЁ"
_WORD = r"[^\W\d_][\w'’.\-]*"
_CAP_WORD = rf"[{_UPPER}][\w'’.\-]*"
_NUMBER_TAIL = (
    r"\d{1,4}(?:[a-zа-я](?![\w])|\s?[A-ZА-Я](?![\w])|\s?-\s?\d{1,4}|\s?/\s?\d{1,4}"
    r"|\s?(?:hs|bis|bg|II|III)\b|-(?:[A-Za-z]|hs|bis|I{1,3}|IV)(?![\w-]))?"
    r"(?:,?\s*\d{1,2}\s?[º°ª](?:\s*(?:izquierda|derecha|izda\.?|dcha\.?|izq\.?|dcho\.?|centro|"
    r"interior|exterior|[A-Z](?![\w])))?)?"
    r"(?:,?\s*(?:piso|planta|puerta|pta\.|esc\.|escalera|bajo|ático)\s*\w{0,3}(?![\w]))*"
    r"(?:,?\s*(?:bl\.|sc\.|et\.|ap\.|m\.|кв\.|apt\.?|flat)\s*\w+)*"
)
_NUMBER_WORD = r"(?:nr\.?|no\.?|№|n[º°o]\.?|буд\.|رقم)"
_NL_POSTCODE = re.compile(r"(?<![\w-])[1-9]\d{3}\s?([A-Z]{2})(?![\w-])")
# lower case ("3011 ab") only glued to the digits, after a postcode word, or in a list of
# postcodes; "1200 km", "2000 en" are no postcodes
_NL_POSTCODE_ANY_CASE = re.compile(r"(?<![\w-])[1-9]\d{3}(\s?)([A-Za-z]{2})(?![\w-])")
_NOT_POSTCODE_GLUED = {
    "km",
    "kg",
    "mg",
    "ml",
    "cm",
    "mm",
    "kb",
    "mb",
    "gb",
    "pm",
    "am",
    "st",
    "nd",
    "rd",
    "th",
    "de",
    "ste",
    "ma",
    "mi",
    "pw",
    "uu",
}
_NOT_POSTCODE_LETTERS = {
    "SA",
    "SD",
    "SS",
    "EU",
    "NL",
    "BE",
    "DE",
    "PL",
    "RO",
    "BG",
    "HU",
    "UA",
    "ES",
    "UK",
    "GB",
    "US",
    "OK",
    "TV",
    "PC",
    "AM",
    "PM",
    "CE",
    "BC",
    "AD",
    "NV",
    "BV",
    "CV",
}
_UK_POSTCODE = re.compile(r"(?<![\w-])[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}(?![\w-])")
_PL_POSTCODE = re.compile(rf"(?<![\w-])\d{{2}}-\d{{3}}(?=\s+[{_UPPER}])")
_ANY_POSTCODE = re.compile(  # after a postcode word, maybe past "is", "es", "to"
    r"\s*:?\s*(?:[^\W\d_]{1,5}\s+){0,2}"
    r"([1-9]\d{3}\s?[A-Za-z]{2}(?![\w-])|\d{2}-\d{3}|\d{4,6})(?![\w-])"
)
_TRAILING_POSTCODE = re.compile(rf",?\s*(\d{{4,6}})(?=\s+[{_UPPER}])(?!\s+[A-Z]{{2}}\b)")


class _Patterns:
    # match_starts.compile: the same matches as re.compile, tried only where one can start
    # and with the street words as tries (several times faster on long texts)
    def __init__(self, lexicon: Lexicon) -> None:
        streets = lexicon.streets
        suffixes = word_alternation(streets["dutch_suffixes"])
        alone = word_alternation(streets["dutch_suffixes_alone"])
        translit = word_alternation(streets["transliterated_suffixes"])
        before = word_alternation([w for ws in streets["before"].values() for w in ws])
        after_en = word_alternation(streets["after"]["en"])
        after_hu = word_alternation(streets["after"]["hu"])
        particles = r"(?:(?:Van|De|Den|Der|Het|'t|Ter|Ten|Sint|St\.)\s+)"
        self.dutch_address = match_starts.compile(
            rf"(?<![\w-])(?:{_CAP_WORD}\s+{particles}*|{particles}+)?"
            rf"[{_UPPER}][\w'’\-]*(?:{suffixes}|{translit})\s+{_NUMBER_TAIL}"
            # a street that opens with its type word: "Laan van Meerdervoort 1034"
            rf"|(?<![\w-])(?:Laan|Plein|Weg|Kade|Singel|Dreef|Hof|Pad)\s+"
            rf"(?:van|der|de|den|op|naar|ter|te|achter|over)\s+(?:(?:de|der|den|het)\s+)?"
            rf"{_CAP_WORD}(?:\s+{_CAP_WORD})?\s+{_NUMBER_TAIL}"
        )  # "Kerkstraat 12", also in Cyrillic or Arabic letters ("Вейнгаардсвег 14")
        connector = r"(?:de|del|la|las|los|lui|di|van|der|den|el|al)"
        self.before_address = match_starts.compile(
            rf"(?<![\w-])(?i:{before})\s*[„\"«]?"
            rf"((?:{_CAP_WORD}|\d{{1,2}}|{connector})(?:[“\"»]?\s+(?:{_CAP_WORD}|{connector}))"
            rf"{{0,3}})[“\"»]?,?\s*(?:{_NUMBER_WORD}\s*)?{_NUMBER_TAIL}"
            rf"|(?<![\w-])(?:شارع|زنقة|درب|طريق)\s+(?:\S+\s+[\d٠-٩]{{1,4}}"
            rf"|\S+(?:\s+\S+)?\s+رقم\s+[\d٠-٩]{{1,4}})"
        )
        # no street-type suffix ("Lange Voorhout 14", "Spui 21"): a capitalised name and a
        # house number before a postcode, or after "woont op", "ingeschreven aan", "adres:"
        name = rf"(?:{_CAP_WORD}\s+{particles}*|{particles}+)?{_CAP_WORD}(?:\s+{_CAP_WORD})?"
        self.before_postcode = match_starts.compile(
            rf"(?<![\w-])({name})\s+{_NUMBER_TAIL},?\s+(?=[1-9]\d{{3}}\s?[A-Z]{{2}}(?![\w-])"
            rf"|\d{{2}}-\d{{3}}(?![\w-])|\d{{4,5}}\s+[{_UPPER}])"
        )
        self.after_living = match_starts.compile(
            rf"(?i:\b(?:woon\w*|woonachtig|ingeschreven|verbl[ie]\w*|adres(?:\s+is)?:?|"
            rf"address(?:\s+is)?:?|lived|lives|living|stayed)\s+(?:op|aan|at|on|in)?\s*"
            rf"(?:de\s+|het\s+|the\s+)?)({name}\s+{_NUMBER_TAIL})"
        )
        self.english_address = match_starts.compile(
            rf"(?<![\w-])\d{{1,4}}[A-Za-z]?,?\s+(?:{_CAP_WORD}\s+){{1,3}}(?:{after_en})\b\.?"
        )
        self.hungarian_address = match_starts.compile(
            rf"(?<![\w-])(?:{_CAP_WORD}\s+){{1,3}}(?:{after_hu})\s*\d{{1,4}}\.?(?:\s*\d+/\d+)?"
        )
        self.dutch_street = match_starts.compile(
            rf"(?<![\w-])[{_UPPER}][\w'’\-]*(?:{alone})(?![\w-])"
            rf"|(?<![\w-])[^\W\d_]+(?:{translit})(?![\w-])"
        )
        # a street without a number only after its own language's word: "al." is a Polish
        # avenue, but "in januari al. Niet pas in juni" is Dutch
        self.before_street = {
            lang: match_starts.compile(
                rf"(?<![\w-])(?i:{word_alternation(words)})\s*[„\"«]?((?:{_CAP_WORD}\s?){{1,3}})|"
                rf"(?<![\w-])(?:شارع|زنقة|درب)\s+([^\W\d_]+)"
            )
            for lang, words in streets["before"].items()
            if words
        }
        self.after_street = match_starts.compile(
            rf"(?<![\w-])(?:{_CAP_WORD}\s+){{1,2}}(?:{after_en})\b(?!\s*\d)"
        )


def _next_to_postcode(text: str, m: re.Match[str], found: list[Finding]) -> bool:
    """In a list of postcodes: "1012AB en 3011 ab"."""
    for f in found:
        between = text[f.end : m.start()] if f.end <= m.start() else text[m.end() : f.start]
        if len(between) <= 8 and re.fullmatch(
            r"[\s,;/]*(?:en|and|of|or|i|și|и|és|y|&)?[\s,;/]*", between, re.IGNORECASE
        ):
            return True
    return False


def build_address(lexicon: Lexicon):
    patterns = _Patterns(lexicon)
    keep = MustKeep(lexicon)
    postcode_words = keyword_pattern(lexicon.keywords["postcode"])

    def address(st: Statement) -> list[Finding]:
        text = st.text
        found: list[Finding] = []
        if st.has_digits:
            flags = keep.token_flags(st)
            common = lexicon.common_words(st.lang)
            for pattern in (
                patterns.dutch_address,
                patterns.english_address,
                patterns.hungarian_address,
            ):
                for m in pattern.finditer(text):
                    i = st.token_index_at(m.start())
                    if pattern is patterns.dutch_address and i < len(flags) and flags[i]:
                        continue  # "RIEC Rotterdam 40 controles": a city, not a street
                        # (a street type after the name decides: "Petőfi Sándor utca 12.",
                        # "14 London Road")
                    start = _past_sentence_start(st, i, m.span(), common)
                    found.append(Finding(start, _trim(text, start, m.end()), "address", "address"))
            for pattern in (patterns.before_postcode, patterns.after_living):
                for m in pattern.finditer(text):
                    i = st.token_index_at(m.start(1))
                    if i < len(flags) and flags[i]:
                        continue
                    start = m.start(1)
                    end = _trim(
                        text, start, m.end() if pattern is patterns.after_living else m.end()
                    )
                    end = _trim(text, start, end)
                    found.append(Finding(start, end, "address", "address"))
            for m in patterns.before_address.finditer(text):
                found.append(
                    Finding(m.start(), _trim(text, m.start(), m.end()), "address", "address")
                )
            found += _postcodes(text, found, postcode_words)
        return outermost(found)

    return address


def _past_sentence_start(
    st: Statement, i: int, span: tuple[int, int], common: frozenset[str]
) -> int:
    """Start of an address found from token i, without the short everyday word that opens
    the sentence ("A Petőfi Sándor utca 12.", "In Kerkstraat 12", "At 14 Station Road")."""
    tokens = st.tokens
    tok = tokens[i] if i < len(tokens) else None
    if (
        tok is not None
        and tok.start == span[0]
        and tok.initial
        and len(tok.text) <= 4
        and tok.text.lower() in common
        and i + 1 < len(tokens)
        and tokens[i + 1].start < span[1]
    ):
        return tokens[i + 1].start
    return span[0]


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " ,":
        end -= 1
    return end


def _postcodes(text: str, addresses: list[Finding], keyword: re.Pattern[str]) -> list[Finding]:
    found = []
    for m in _NL_POSTCODE.finditer(text):
        if m.group(1) not in _NOT_POSTCODE_LETTERS:
            found.append(Finding(m.start(), m.end(), "postcode", "address"))
    cues = [k.end() for k in keyword.finditer(text)]
    for m in _NL_POSTCODE_ANY_CASE.finditer(text):
        letters = m.group(2)
        if letters.isupper() or letters.upper() in _NOT_POSTCODE_LETTERS:
            continue
        glued = not m.group(1) and letters.lower() not in _NOT_POSTCODE_GLUED
        after_cue = any(0 <= m.start() - end <= 40 for end in cues)
        if glued or after_cue or _next_to_postcode(text, m, found):
            found.append(Finding(m.start(), m.end(), "postcode", "address"))
    for k in cues:  # "código postal 28013", "kod pocztowy 00-950", "irányítószám: 1051"
        m = _ANY_POSTCODE.match(text, k)
        if m:
            found.append(Finding(m.start(1), m.end(1), "postcode", "address"))
    for pattern in (_UK_POSTCODE, _PL_POSTCODE):
        found += [
            Finding(m.start(), m.end(), "postcode", "address") for m in pattern.finditer(text)
        ]
    for address in addresses:
        m = _TRAILING_POSTCODE.match(text, address.end)
        if m:
            found.append(Finding(m.start(1), m.end(1), "postcode", "address"))
    return found


def build_street(lexicon: Lexicon):
    """Street names without a house number: quasi-identifiers for experience experts."""
    patterns = _Patterns(lexicon)

    def street(st: Statement) -> list[Finding]:
        text = st.text
        found = [
            Finding(m.start(), m.end(), "street", "street")
            for m in patterns.dutch_street.finditer(text)
        ]
        languages = sorted(st.plausible & patterns.before_street.keys())
        for m in (m for lang in languages for m in patterns.before_street[lang].finditer(text)):
            group = 1 if m.group(1) else 2
            found.append(
                Finding(
                    m.start(group), _trim(text, m.start(group), m.end(group)), "street", "street"
                )
            )
        found += [
            Finding(m.start(), m.end(), "street", "street")
            for m in patterns.after_street.finditer(text)
        ]
        return found

    return street
