"""Document numbers (passport, V-number, case and file numbers) and licence plates."""

from __future__ import annotations

import re

from privacy.lexicon import Lexicon, keyword_pattern
from privacy.statement import Finding, Statement, outermost

_VALUE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .\-/]{2,40}[A-Za-z0-9]|[A-Za-z0-9]{2,4}")
_V_NUMBER = re.compile(r"\bV[- ]?\d{10}\b|\bV[- ]?nummer\s*:?\s*\d{10}\b")
_LONG_DIGITS = re.compile(r"(?<![\w.,/-])\d{8,20}(?![\w/-]|[.,]\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")
# A code: letters and digits with single separators between them ("PL0900-2023123456",
# "2023-ZED-0412", "II K 123/23" is not one piece but its "123/23" is).
_CODE = re.compile(r"(?<![\w/.:-])[^\W_]+(?:[-/.:_][^\W_]+)*")
# Case-number shapes that need no keyword: "NLA-2024-08813", "RTM-2023-0456",
# "2023-ZED-0412", "PL0900-2023123456".
_UP = "A-ZА-ЯІЇЄҐ"
_BARE_CODE = re.compile(
    rf"(?<![\w/.-])(?:[{_UP}]{{2,6}}-?\d{{2,8}}[-/]\d{{3,12}}(?:[-/]\d{{1,6}})?"
    rf"|(?:19|20)\d\d-[{_UP}]{{2,6}}-\d{{3,8}})(?![\w/-])"
)
_NOT_CODE = re.compile(
    r"(?:19|20)\d\d\s*[-–/]\s*(?:19|20)?\d\d"  # years: 2019-2023, 2023/24
    r"|\d{1,2}([-./])\d{1,2}\1\d{2,4}|\d{4}-\d{1,2}-\d{1,2}"  # dates
    r"|(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])"  # a day and month: "kontrola 07/11"
    r"|\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|\d+[.,]\d{1,2}"  # amounts: 1.250.000, 12,50
    r"|\d{1,2}[:.]\d{2}(?:[-–]\d{1,2}[:.]\d{2})?"  # times: 09:00-17:00
)
_RANGE = re.compile(r"(\d{1,7})[-–]([1-9]\d{0,7})")  # 1000-2000 (people, euros)
_CASE_GAP_WORDS = 3  # "in de zaak met nummer X": the code within three words
_CURRENCY = re.compile(
    r"(?i)€|\$|£|\b(?:eur|euro|euros|zł|złotych|lei|лв|лева|ft|forint|грн|гривень|dollar|"
    r"pound|пари|يورو|دولار)\b"
)


def _code_after(text: str, end: int, max_gap_words: int) -> tuple[int, int] | None:
    """The code (letters/digits with separators) following a keyword at ``end``."""
    window = text[end : end + 60]
    value = next(
        (v for v in _VALUE.finditer(window) if any(ch.isdigit() for ch in v.group())), None
    )
    if value is None or window[: value.start()].count(" ") > max_gap_words:
        return None
    parts = value.group().split(" ")
    start = end + value.start()
    # leading words: drop plain words ("is", "was", "to"), keep code parts ("PK", "II")
    while parts and not any(ch.isdigit() for ch in parts[0]) and not parts[0][:1].isupper():
        start += len(parts.pop(0)) + 1
    # the code ends before the next plain word: "2022/2023 hubo 1.500" is no code
    plain = next((k for k, p in enumerate(parts) if p.isalpha() and p.islower()), len(parts))
    parts = parts[:plain]
    while parts and not any(ch.isdigit() for ch in parts[-1]):
        parts.pop()
    raw = " ".join(parts).rstrip(".-/")
    digits = sum(ch.isdigit() for ch in raw)
    if digits < 3 or _YEAR.fullmatch(raw) or _NOT_CODE.fullmatch(raw):
        return None
    if digits < 5 and not re.search(r"[A-Za-z/\-]", raw):
        return None
    return start, start + len(raw)


def case_code(code: str) -> bool:
    """Whether a piece of text after a case or file word looks like its number."""
    digits = sum(ch.isdigit() for ch in code)
    if len(code) < 8 or digits < 4 or _NOT_CODE.fullmatch(code):
        return False
    return digits < len(code)  # letters or separators: bare digits are _LONG_DIGITS' job


def _a_range(code: str) -> bool:
    m = _RANGE.fullmatch(code)
    return (
        bool(m)
        and int(m.group(2)) > int(m.group(1))
        and len(m.group(2)) - len(m.group(1)) in (0, 1)
    )


def _case_codes(text: str, keywords: re.Pattern[str]) -> list[tuple[int, int]]:
    spans = []
    for kw in keywords.finditer(text):
        window = text[kw.end() : kw.end() + 80]
        for m in _CODE.finditer(window):
            before = window[: m.start()]
            if len(before.split()) > _CASE_GAP_WORDS or any(c in before for c in ".!?\n;"):
                break
            code = m.group()
            if not case_code(code):
                continue
            # "de zaak ging over 1000-2000 euro": a range, unless right after the word
            if (_a_range(code) and before.strip()) or _CURRENCY.search(
                window[m.end() : m.end() + 12]
            ):
                break
            spans.append((kw.end() + m.start(), kw.end() + m.end()))
            break
    return spans


def build_document(lexicon: Lexicon):
    keywords = keyword_pattern(lexicon.keywords["document"])
    case_words = keyword_pattern(lexicon.keywords["case_file"] + lexicon.keywords["case_number"])

    def document(st: Statement) -> list[Finding]:
        if not st.has_digits:
            return []
        text = st.text
        found = [
            Finding(m.start(), m.end(), "document", "document") for m in _V_NUMBER.finditer(text)
        ]
        for kw in keywords.finditer(text):
            span = _code_after(text, kw.end(), 6)
            if span:
                found.append(Finding(*span, "document", "document"))
        found += [Finding(*span, "document", "document") for span in _case_codes(text, case_words)]
        found += [
            Finding(m.start(), m.end(), "document", "document")
            for m in _BARE_CODE.finditer(text)
            if not _NOT_CODE.fullmatch(m.group())
        ]
        for match in _LONG_DIGITS.finditer(text):
            context = text[max(0, match.start() - 12) : match.end() + 12]
            if not _CURRENCY.search(context):
                found.append(Finding(match.start(), match.end(), "document", "document"))
        return outermost(found)

    return document


# Dutch side codes (sidecodes 1-14), written with hyphens.
_NL_PLATE = (
    r"[A-Z]{2}-\d{2}-\d{2}|\d{2}-\d{2}-[A-Z]{2}|\d{2}-[A-Z]{2}-\d{2}|[A-Z]{2}-\d{2}-[A-Z]{2}"
    r"|[A-Z]{2}-[A-Z]{2}-\d{2}|\d{2}-[A-Z]{2}-[A-Z]{2}|\d{2}-[A-Z]{3}-\d|\d-[A-Z]{3}-\d{2}"
    r"|[A-Z]{2}-\d{3}-[A-Z]|[A-Z]-\d{3}-[A-Z]{2}|[A-Z]{3}-\d{2}-[A-Z]|[A-Z]-\d{2}-[A-Z]{3}"
    r"|\d-[A-Z]{2}-\d{3}|\d{3}-[A-Z]{2}-\d"
)
_CYR = "АВЕКМНОРСТУХІ"
_STRICT_PLATES = re.compile(
    r"(?<![\w-])(?:"
    + _NL_PLATE
    + r"|[A-Z]{2}\d{2} ?[A-Z]{3}"  # United Kingdom
    + r"|(?:B|[A-Z]{2}) \d{2,3} [A-Z]{3}"  # Romania
    + rf"|[{_CYR}]{{1,2}} ?\d{{4}} ?[{_CYR}]{{2}}"  # Bulgaria, Ukraine (Cyrillic)
    + r"|[A-Z]{1,2} \d{4} [A-Z]{2}"  # Bulgaria, Ukraine (Latin look-alikes)
    + r"|[A-Z]{3}-\d{3}|[A-Z]{2} [A-Z]{2}-\d{3}"  # Hungary
    # Poland: district (2-3 letters, first the voivodeship), a space, then 4-5 letters
    # and digits with at least two digits: "WA 12345", "KR 4G7H2", "PO 1AB23", "KRA 12AB"
    + r"|[BCDEFGKLNOPRSTWZ][A-Z] (?=(?:[A-Z]*\d){2})[0-9A-Z]{5}"
    + r"|[BCDEFGKLNOPRSTWZ][A-Z]{2} (?=(?:[A-Z]*\d){2})(?=[0-9]*[A-Z])[0-9A-Z]{4,5}"
    + r")(?![\w-])"
)
_PLATE_VALUE = re.compile(
    rf"(?<![\w-])[A-Z0-9{_CYR}]{{1,4}}(?:[ -]?[A-Z0-9{_CYR}]{{1,5}}){{1,3}}(?![\w-])"
)


def _plate_like(raw: str) -> bool:
    return (
        any(ch.isdigit() for ch in raw)
        and any(ch.isalpha() for ch in raw)
        and (len(re.sub(r"[ -]", "", raw)) >= 5)
    )


def build_plate(lexicon: Lexicon):
    keywords = keyword_pattern(lexicon.keywords["plate"])

    def plate(st: Statement) -> list[Finding]:
        if not st.has_digits:
            return []
        text = st.text
        found = [
            Finding(m.start(), m.end(), "plate", "plate") for m in _STRICT_PLATES.finditer(text)
        ]
        strict = list(found)
        for kw in keywords.finditer(text):
            after = text[kw.end() : kw.end() + 30]
            value = _PLATE_VALUE.search(after)
            if value and after[: value.start()].count(" ") <= 3 and _plate_like(value.group()):
                found.append(
                    Finding(kw.end() + value.start(), kw.end() + value.end(), "plate", "plate")
                )
            offset = max(0, kw.start() - 14)
            before = text[offset : kw.start()]
            value = _PLATE_VALUE.search(before)
            if value and before[value.end() :].strip() in ("", "-") and _plate_like(value.group()):
                found.append(
                    Finding(offset + value.start(), offset + value.end(), "plate", "plate")
                )
        return strict + [
            f for f in found[len(strict) :] if not any(f.overlaps(s.start, s.end) for s in strict)
        ]

    return plate
