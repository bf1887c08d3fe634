"""Bank account and national identity numbers.

Bare numbers are removed when their check digits are right (IBAN mod 97, Polish NRB,
Luhn for cards, Hungarian giro accounts; BSN, PESEL, CNP, EGN, DNI/NIE, TAJ, személyi
szám, RNOKPP). After a keyword ("IBAN", "rekening", "PESEL", "رقم الهوية" ...) a number
is removed whatever its check digits, so a typo does not let it through.
"""

from __future__ import annotations

import re

from privacy import checksums
from privacy.lexicon import Lexicon, keyword_pattern
from privacy.statement import Finding, Statement

# groups apart by a space, a dash or a dot ("GB29-NWBK-6016-...", "NL91.ABNA.0417...")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ .\-]?[A-Z0-9]{1,4}){3,8}\b", re.IGNORECASE)
# Hungarian accounts "11773016-20458931(-00000000)": three groups of eight are one whatever
# their check digits, two when they are right
_GIRO = re.compile(r"(?<![\d\w-])\d{8}-\d{8}(-\d{8})?(?![\d\w-])")
_NRB = re.compile(r"(?<![\d\w])\d{2}(?:[ ]?\d{4}){6}(?![\d\w])")
_GROUPED_CARD = re.compile(r"(?<![\d\w])[2-6]\d{3}(?:([ -])\d{4})(?:\1\d{4}){2}(?![\d\w])")
_CARD = re.compile(r"(?<![\d\w])\d{4}(?:[ -]?\d{4}){2}[ -]?\d{1,7}(?![\d\w])")
_BARE_NUMBER = re.compile(r"(?<![\w.,/-])\d(?:\d|[ .\-](?=\d)){7,15}(?![\w/]|[.,]\d)")
_DNI_NIE = re.compile(r"(?<![\w-])[XYZxyz]?[- ]?\d{7,8}[- ]?[A-Za-z](?![\w-])")
# identity numbers written with dots: a Spanish DNI "48.765.432-K", a Latin American cédula
# "V-24.583.117" or RUT "12.345.678-5"; an amount has neither the letter before nor the
# check character after ("1.250.000")
_DOTTED_ID = re.compile(
    r"(?<![\w.,-])(?:[VE]-?\d{1,2}\.\d{3}\.\d{3}(?:-[0-9A-Z])?|\d{1,2}\.\d{3}\.\d{3}-[0-9A-Z])"
    r"(?![\w-]|[.,]\d)"
)
_PL_DOCUMENT = re.compile(r"(?<![\w-])[A-Z]{2,3} ?\d{6,7}(?![\w-])")  # ABA 300000
_NINO = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
_KEYWORD_VALUE = re.compile(r"[A-Z0-9][A-Z0-9 .\-/]{4,30}[A-Z0-9]", re.IGNORECASE)


def _after_keyword(text: str, pattern: re.Pattern[str], min_digits: int):
    """(start, end) of values that follow a keyword within a few words."""
    for kw in pattern.finditer(text):
        window = text[kw.end() : kw.end() + 40]
        value = next(
            (v for v in _KEYWORD_VALUE.finditer(window) if any(ch.isdigit() for ch in v.group())),
            None,
        )
        if value is None or window[: value.start()].count(" ") > 4:
            continue
        parts = value.group().split(" ")
        start = kw.end() + value.start()
        # drop words without digits around the number ("is 12345678 op naam van")
        while parts and not any(ch.isdigit() for ch in parts[0]):
            start += len(parts.pop(0)) + 1
        digitless = next(
            (k for k, part in enumerate(parts) if not any(ch.isdigit() for ch in part)), None
        )
        if digitless is not None:  # "34101-5678912-3 and phone 06": the number ends
            parts = parts[:digitless]
        raw = " ".join(parts).rstrip(".-/")  # "PESEL to 44051401458. Pracowałam"
        if sum(ch.isdigit() for ch in raw) < min_digits:
            continue
        yield start, start + len(raw)


def build_bank(lexicon: Lexicon):
    keywords = keyword_pattern(lexicon.keywords["bank"])

    def bank(st: Statement) -> list[Finding]:
        if not st.has_digits:
            return []
        text = st.text
        found = []
        position = 0  # a greedy match may run into the next IBAN: go on after the one found
        while match := _IBAN.search(text, position):
            span = _longest_valid(text, match.start(), match.end(), checksums.iban)
            span = span or _longest_valid(text, match.start(), match.end(), checksums.iban_shaped)
            if span:
                found.append(Finding(*span, "bank", "bank"))
            position = span[1] if span else match.end()
        for pattern, check in (
            (_NRB, checksums.polish_nrb),
            (_CARD, checksums.luhn),
            (_GROUPED_CARD, lambda value: True),  # "5168 7573 2104 8890": a card all the same
            (_GIRO, lambda value: value.count("-") == 2 or checksums.hungarian_giro(value)),
        ):
            for match in pattern.finditer(text):
                if check(match.group()):
                    found.append(Finding(match.start(), match.end(), "bank", "bank"))
        for start, end in _after_keyword(text, keywords, 8):
            found.append(Finding(start, end, "bank", "bank"))
        found += [Finding(*span, "bank", "bank") for span in _ibans_after(text, keywords)]
        return found

    return bank


def _ibans_after(text: str, keywords: re.Pattern[str]) -> list[tuple[int, int]]:
    """An IBAN of its country's length a few words after an account word, also with a
    mistyped or hidden character ("Contul: RO09 BTRL 0440 1205 N839 2174", "...93XX")."""
    spans = []
    for kw in keywords.finditer(text):
        window = text[kw.end() : kw.end() + 60]
        match = _IBAN.search(window)
        if match is None or len(window[: match.start()].split()) > 4:
            continue
        span = _longest_valid(text, kw.end() + match.start(), kw.end() + match.end(), _iban_length)
        if span:
            spans.append(span)
    return spans


def _iban_length(value: str) -> bool:
    value = checksums.clean(value)
    return value[2:4].isdigit() and len(value) == checksums.IBAN_LENGTHS.get(value[:2], -1)


def _longest_valid(text: str, start: int, end: int, check) -> tuple[int, int] | None:
    """Shorten a greedy match group by group until the check passes."""
    while end - start >= 15:
        if check(text[start:end]):
            return start, end
        cut = max(text.rfind(sep, start, end) for sep in " -.")
        if cut <= start:
            end -= 1
        else:
            end = cut
    return None


def build_national_id(lexicon: Lexicon):
    keywords = keyword_pattern(lexicon.keywords["national_id"])

    def national_id(st: Statement) -> list[Finding]:
        if not st.has_digits:
            return []
        text = st.text
        found = []
        for match in _BARE_NUMBER.finditer(text):
            if checksums.national_id(match.group()):
                found.append(Finding(match.start(), match.end(), "national_id", "national_id"))
        found += [
            Finding(m.start(), m.end(), "national_id", "national_id")
            for m in _DOTTED_ID.finditer(text)
        ]
        for match in _DNI_NIE.finditer(text):
            if checksums.dni_nie(match.group()):
                found.append(Finding(match.start(), match.end(), "national_id", "national_id"))
        for match in _PL_DOCUMENT.finditer(text):
            if checksums.polish_id_card(match.group()) or checksums.polish_passport(match.group()):
                found.append(Finding(match.start(), match.end(), "national_id", "national_id"))
        for match in _NINO.finditer(text):
            found.append(Finding(match.start(), match.end(), "national_id", "national_id"))
        for start, end in _after_keyword(text, keywords, 6):
            found.append(Finding(start, end, "national_id", "national_id"))
        return found

    return national_id
