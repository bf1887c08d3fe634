"""Letters without their accents, one character for one: how people type on a phone.

"tenia" for "tenía", "bogdanesti" for "Bogdănești", "mialem" for "miałem". Each
character becomes exactly one character (NFKD without combining marks; ł, ø, đ, ı and a
few more that Unicode does not decompose by hand; ș/ş and ț/ţ both become s and t), so
a folded text has the same length as the text and offsets hold. A character that would
become several (the ligature "ﬁ", German "ß") stays as it is.
"""

from __future__ import annotations

import unicodedata

# letters that NFKD leaves whole, and the apostrophes people type for one another
_BY_HAND = {
    "ł": "l",
    "Ł": "L",
    "ø": "o",
    "Ø": "O",
    "đ": "d",
    "Đ": "D",
    "ı": "i",
    "ħ": "h",
    "Ħ": "H",
    "ŀ": "l",
    "Ŀ": "L",
    "’": "'",
    "‘": "'",
    "ʼ": "'",
}


class _Folds(dict):
    """str.translate table that folds each character once, on first sight."""

    def __init__(self, lower: bool) -> None:
        super().__init__()
        self.lower = lower

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if self.lower:
            low = ch.lower()
            ch = low if len(low) == 1 else ch  # "İ".lower() is two characters
        folded = _BY_HAND.get(ch)
        if folded is None:
            folded = ch
            if code > 127 and ch.isalpha():
                bare = "".join(
                    c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
                )
                if len(bare) == 1 and bare.isalpha():
                    folded = bare
        if self.lower and len(folded.lower()) == 1:
            folded = folded.lower()
        self[code] = folded
        return folded


_FOLDS = _Folds(lower=False)  # shared: each character is folded once per process
_FOLDS_LOWER = _Folds(lower=True)


def fold(text: str) -> str:
    """``text`` without accents, same length and case ("Bogdanesti" for "Bogdănești")."""
    return text.translate(_FOLDS)


def fold_lower(text: str) -> str:
    """``text`` without accents and in lower case, same length ("bogdanesti")."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLDS_LOWER)
