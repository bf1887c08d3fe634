"""Check-digit validators for bank and national identity numbers.

Each function takes the number as written (spaces, dots and hyphens are ignored) and
says whether its check digits are right. A valid check digit is what lets a bare
number be removed without a keyword next to it.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s.\-/]")

# IBAN lengths per country (ISO 13616 registry, the countries participants mention most).
IBAN_LENGTHS = {
    "AL": 28,
    "AT": 20,
    "BA": 20,
    "BE": 16,
    "BG": 22,
    "CH": 21,
    "CY": 28,
    "CZ": 24,
    "DE": 22,
    "DK": 18,
    "EE": 20,
    "ES": 24,
    "FI": 18,
    "FR": 27,
    "GB": 22,
    "GR": 27,
    "HR": 21,
    "HU": 28,
    "IE": 22,
    "IT": 27,
    "LT": 20,
    "LU": 20,
    "LV": 21,
    "MA": 28,
    "MD": 24,
    "ME": 22,
    "MK": 19,
    "MT": 31,
    "NL": 18,
    "NO": 15,
    "PL": 28,
    "PT": 25,
    "RO": 24,
    "RS": 22,
    "SE": 24,
    "SI": 19,
    "SK": 24,
    "TR": 26,
    "UA": 29,
    "EG": 29,
    "JO": 30,
    "LB": 28,
    "SA": 24,
    "TN": 24,
    "IQ": 23,
    "LY": 25,
    "SY": 0,
    "DZ": 26,
}


def clean(value: str) -> str:
    return _SEPARATORS.sub("", value).upper()


def _digits(value: str, length: int) -> list[int] | None:
    value = clean(value)
    if len(value) != length or not value.isdigit():
        return None
    return [int(ch) for ch in value]


def iban(value: str) -> bool:
    value = clean(value)
    expected = IBAN_LENGTHS.get(value[:2])
    if not expected or len(value) != expected or not value[2:4].isdigit():
        return False
    if not value.isalnum():
        return False
    rearranged = value[4:] + value[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def iban_shaped(value: str) -> bool:
    """An IBAN with a wrong check digit (mistyped, or half-remembered): the country's
    length, check digits, and for NL and GB a four-letter bank code then digits. It
    identifies an account all the same."""
    value = clean(value).upper()
    expected = IBAN_LENGTHS.get(value[:2])
    if not expected or len(value) != expected or not value[2:4].isdigit():
        return False
    if value[:2] in ("NL", "GB"):
        return value[4:8].isalpha() and value[8:].isdigit()
    return value[4:].isalnum() and sum(ch.isdigit() for ch in value[4:]) >= expected - 8


def polish_nrb(value: str) -> bool:
    """Polish domestic account number: the 26 digits of a PL IBAN."""
    value = clean(value)
    return len(value) == 26 and value.isdigit() and iban("PL" + value)


def hungarian_giro(value: str) -> bool:
    """Hungarian domestic account number (8+8 or 8+16 digits): each part's digits weighed
    9, 7, 3, 1 in turn add up to a multiple of 10."""
    parts = value.split("-")
    if len(parts) not in (2, 3) or not all(len(p) == 8 and p.isdigit() for p in parts):
        return False
    first, rest = parts[0], "".join(parts[1:])
    return all(
        sum(int(d) * (9, 7, 3, 1)[i % 4] for i, d in enumerate(block)) % 10 == 0
        for block in (first, rest)
    )


def luhn(value: str) -> bool:
    value = clean(value)
    if not value.isdigit() or not 13 <= len(value) <= 19:
        return False
    total = 0
    for i, ch in enumerate(reversed(value)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def bsn(value: str) -> bool:
    """Dutch citizen service number (11-proef)."""
    d = _digits(value, 9)
    if d is None or d[0] == 0 and d[1] == 0:
        return False
    total = sum(w * x for w, x in zip(range(9, 1, -1), d[:8], strict=False)) - d[8]
    return total % 11 == 0 and any(d)


def pesel(value: str) -> bool:
    d = _digits(value, 11)
    if d is None:
        return False
    month = (d[2] * 10 + d[3]) % 20
    day = d[4] * 10 + d[5]
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    total = sum(w * x for w, x in zip((1, 3, 7, 9, 1, 3, 7, 9, 1, 3), d[:10], strict=False))
    return (10 - total % 10) % 10 == d[10]


def cnp(value: str) -> bool:
    """Romanian personal numeric code."""
    d = _digits(value, 13)
    if d is None or d[0] == 0:
        return False
    month, day = d[3] * 10 + d[4], d[5] * 10 + d[6]
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    weights = (2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9)
    total = sum(w * x for w, x in zip(weights, d[:12], strict=True)) % 11
    return (1 if total == 10 else total) == d[12]


def egn(value: str) -> bool:
    """Bulgarian unified civil number."""
    d = _digits(value, 10)
    if d is None:
        return False
    month, day = (d[2] * 10 + d[3]) % 20, d[4] * 10 + d[5]
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    total = sum(w * x for w, x in zip((2, 4, 8, 5, 10, 9, 7, 3, 6), d[:9], strict=False)) % 11
    return (0 if total == 10 else total) == d[9]


_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def dni_nie(value: str) -> bool:
    """Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter)."""
    value = clean(value)
    if len(value) != 9:
        return False
    head, letter = value[:8], value[8]
    if head[0] in "XYZ":
        head = str("XYZ".index(head[0])) + head[1:]
    return head.isdigit() and _DNI_LETTERS[int(head) % 23] == letter


def taj(value: str) -> bool:
    """Hungarian social security number (TAJ)."""
    d = _digits(value, 9)
    if d is None:
        return False
    return sum(x * (3 if i % 2 == 0 else 7) for i, x in enumerate(d[:8])) % 10 == d[8]


def hungarian_personal(value: str) -> bool:
    """Hungarian personal identification number (személyi szám)."""
    d = _digits(value, 11)
    if d is None or d[0] == 0:
        return False
    month, day = d[3] * 10 + d[4], d[5] * 10 + d[6]
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    forward = sum(x * (i + 1) for i, x in enumerate(d[:10])) % 11
    backward = sum(x * (10 - i) for i, x in enumerate(d[:10])) % 11
    return d[10] in {c for c in (forward, backward) if c < 10}


def hungarian_tax(value: str) -> bool:
    d = _digits(value, 10)
    if d is None or d[0] != 8:
        return False
    return sum(x * (i + 1) for i, x in enumerate(d[:9])) % 11 == d[9]


def rnokpp(value: str) -> bool:
    """Ukrainian taxpayer registration number (RNOKPP / IPN)."""
    d = _digits(value, 10)
    if d is None:
        return False
    total = sum(w * x for w, x in zip((-1, 5, 7, 9, 4, 6, 10, 5, 7), d[:9], strict=False))
    return total % 11 % 10 == d[9]


def _letter_value(ch: str) -> int | None:
    if ch.isdigit():
        return int(ch)
    if "A" <= ch <= "Z":
        return ord(ch) - ord("A") + 10
    return None


def polish_id_card(value: str) -> bool:
    """Polish identity card (dowód osobisty): three letters, six digits; the first digit
    checks the rest (weights 7 3 1 9 7 3 1 7 3)."""
    value = clean(value).upper()
    if len(value) != 9 or not value[:3].isalpha() or not value[3:].isdigit():
        return False
    values = [_letter_value(ch) for ch in value]
    total = sum(w * v for w, v in zip((7, 3, 1, 9, 7, 3, 1, 7, 3), values, strict=True))
    return total % 10 == 0


def polish_passport(value: str) -> bool:
    """Polish passport: two letters, seven digits; the first digit checks the rest."""
    value = clean(value).upper()
    if len(value) != 9 or not value[:2].isalpha() or not value[2:].isdigit():
        return False
    values = [_letter_value(ch) for ch in value]
    total = sum(w * v for w, v in zip((7, 3, 9, 1, 7, 3, 1, 7, 3), values, strict=True))
    return total % 10 == 0


NATIONAL_IDS = {
    9: (bsn, taj),
    10: (egn, rnokpp, hungarian_tax),
    11: (pesel, hungarian_personal),
    13: (cnp,),
}


def national_id(value: str) -> bool:
    """True if a bare number passes the check digits of one of the national schemes."""
    digits = clean(value)
    if not digits.isdigit():
        return dni_nie(digits)
    return any(check(digits) for check in NATIONAL_IDS.get(len(digits), ()))
