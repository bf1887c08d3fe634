"""Document numbers (passport, V-number, case and file numbers) and licence plates."""

from __future__ import annotations

import re

from privacy import match_starts
from privacy.lexicon import DATA, Lexicon, keyword_pattern, read_yaml
from privacy.statement import Finding, Statement, outermost

_VALUE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .\-/]{2,40}[A-Za-z0-9]|[A-Za-z0-9]{2,4}")
_V_NUMBER = re.compile(r"\bV[- ]?\d{10}\b|\bV[- ]?nummer\s*:?\s*\d{10}\b")
# a V-number written in groups after its name: "V-nr 3019 447 285", "V-szám 3012 558 907"
_V_GROUPED = re.compile(
    r"(?<![\w-])V-?(?:nr|nummer|number|no|szám|номер)\.?:?\s*(\d(?:[ .]?\d){9})(?![\w]|[ .,]?\d)",
    re.IGNORECASE,
)
_LONG_DIGITS = re.compile(r"(?<![\w.,/-])\d{8,20}(?![\w/-]|[.,]\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")
# A code: letters and digits with single separators between them ("PL0900-2023123456",
# "2023-ZED-0412", "II K 123/23" is not one piece but its "123/23" is).
_CODE = re.compile(r"(?<![\w/.:-])[^\W_]+(?:[-/.:_][^\W_]+)*")
# the code right before a Hungarian "számon", "sz." ("2022-118406 számon")
_CODE_BEFORE = re.compile(r"(?<![\w/.:-])[^\W_]+(?:[-/.:_][^\W_]+)*\.?\s*$")
# A document number of letters and digits: one to three capitals and six to nine digits
# ("AXK 482915", "N009873412"), or six digits and two capitals (Hungarian, "482913KE").
_DOCUMENT_SHAPE = re.compile(r"(?<![\w/.-])(?:[A-Z]{1,3} ?\d{6,9}|\d{6}[A-Z]{2})(?![\w/-])")
_SHAPE_GAP_WORDS = 4  # "dowód osobisty nr DAB 482913", "al meu era VS 318274"
_SHAPE_GAP_CHARS = 40
# a sentence ends between a cue and a number (not the dot of an abbreviation: "szem. ig.")
_SENTENCE_END = re.compile(r"[!?\n;]|\w{5}\.\s")
# Case-number shapes that need no keyword: "NLA-2024-08813", "RTM-2023-0456",
# "2023-ZED-0412", "PL0900-2023123456".
_UP = "A-ZА-ЯІЇЄҐ"
_BARE_CODE = re.compile(
    rf"(?<![\w/.-])(?:(?:(?:19|20)\d\d-)?[{_UP}]{{2,6}}-?\d{{2,8}}[-/]\d{{3,12}}(?:[-/]\d{{1,6}})?"
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
    r"pound|pln|ron|bgn|huf|uah|usd|gbp|пари|يورو|دولار)\b"
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
    # the code ends before the next plain word: "2022/2023 hubo 1.500" is no code, or
    # before a slash between two references ("2024-HT-0382 / IND V-nr 3019 447 285")
    plain = next(
        (k for k, p in enumerate(parts) if (p.isalpha() and p.islower()) or p in ("/", "|")),
        len(parts),
    )
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


def cue_pattern(words: list[str]) -> re.Pattern[str]:
    """Like ``keyword_pattern``, but a cue may end a compound ("PV-nr.", "IND-zaak",
    "reg.nr.") and a sign needs no space after it ("№645123987")."""
    sensitive = sorted({w for w in words if w != w.lower()}, key=len, reverse=True)
    insensitive = sorted({w for w in words if w == w.lower()}, key=len, reverse=True)
    parts = []
    if sensitive:
        parts.append("(?-i:" + "|".join(re.escape(w) for w in sensitive) + ")")
    if insensitive:
        parts.append(
            "|".join(re.escape(w) + (r"\w{0,4}" if len(w) >= 6 else "") for w in insensitive)
        )
    body = "|".join(parts)
    return match_starts.compile(rf"(?<!\w)(?:{body})(?:(?<=\W)|(?!\w))", re.IGNORECASE)


def _law_before(text: str, start: int, laws: re.Pattern[str]) -> bool:
    """Whether a number word follows a law's name ("Legii nr. 678/2001", "Закон №")."""
    return laws.search(text[max(0, start - 24) : start]) is not None


def _case_codes(text: str, cues: re.Pattern[str], laws: re.Pattern[str]) -> list[tuple[int, int]]:
    spans = []
    for kw in cues.finditer(text):
        if _law_before(text, kw.start(), laws):
            continue
        window = text[kw.end() : kw.end() + 80]
        for m in _CODE.finditer(window):
            before = window[: m.start()]
            gap = before[1:] if before.startswith(".") else before  # "nr. 2024-0213-117"
            if len(gap.split()) > _CASE_GAP_WORDS or any(c in gap for c in ".!?\n;"):
                break
            code = m.group()
            if not case_code(code):
                continue
            # "de zaak ging over 1000-2000 euro": a range, unless right after the word
            if (_a_range(code) and gap.strip()) or _CURRENCY.search(window[m.end() : m.end() + 12]):
                break
            spans.append((kw.end() + m.start(), kw.end() + m.end()))
            break
    return spans


def _codes_before(text: str, words: re.Pattern[str]) -> list[tuple[int, int]]:
    """Hungarian puts the number first: "2022-118406 számon", "2023/ZVH-0487. sz. ügy"."""
    spans = []
    for kw in words.finditer(text):
        offset = max(0, kw.start() - 40)
        m = _CODE_BEFORE.search(text, offset, kw.start())
        code = m.group().rstrip(". \t") if m else ""
        if code and case_code(code):
            spans.append((m.start(), m.start() + len(code)))
    return spans


def _document_shapes(
    text: str, documents: re.Pattern[str], numbers: re.Pattern[str]
) -> list[tuple[int, int]]:
    """Numbers of a document's shape a few words after a document word, also in a list
    ("Passports (T4827163, U1938462)"), or after a number word in a sentence that names a
    document ("paszporty ... mój numer pamiętam – FX 204718"; "nummer ABC 123456" alone
    is no document)."""
    spans = []
    for m in _DOCUMENT_SHAPE.finditer(text):
        if _CURRENCY.fullmatch(m.group().split(" ")[0]):
            continue
        head = text[max(0, m.start() - 90) : m.start()]
        document = _last_end(head, documents)
        if document is None or _SENTENCE_END.search(head[document:]):
            continue  # no document named in this sentence
        number = _last_end(head, numbers)
        if _few_words(head[document:]) or (number is not None and _few_words(head[number:])):
            spans.append(m.span())
    return spans


def _last_end(head: str, cues: re.Pattern[str]) -> int | None:
    """Where the last cue in ``head`` ends."""
    ends = [m.end() for m in cues.finditer(head)]
    return ends[-1] if ends else None


def _few_words(gap: str) -> bool:
    return len(gap) <= _SHAPE_GAP_CHARS and len(re.findall(r"\w+", gap)) <= _SHAPE_GAP_WORDS


def build_document(lexicon: Lexicon):
    keywords = keyword_pattern(lexicon.keywords["document"])
    cues = read_yaml(DATA / "number_cues.yaml")
    numbers = lexicon.keywords["case_number"] + cues["number"]
    case_words = cue_pattern(lexicon.keywords["case_file"] + numbers)
    after_words = cue_pattern(cues["number_after"])
    laws = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(w) for w in cues["laws"]) + r")\.?\s*$", re.IGNORECASE
    )
    document_words = cue_pattern(
        lexicon.keywords["document"] + lexicon.keywords["national_id"] + cues["identity_document"]
    )
    number_words = cue_pattern(numbers)

    def document(st: Statement) -> list[Finding]:
        if not st.has_digits:
            return []
        text = st.text
        found = [
            Finding(m.start(), m.end(), "document", "document") for m in _V_NUMBER.finditer(text)
        ]
        found += [Finding(*m.span(1), "document", "document") for m in _V_GROUPED.finditer(text)]
        for kw in keywords.finditer(text):
            span = _code_after(text, kw.end(), 6)
            if span:
                found.append(Finding(*span, "document", "document"))
        spans = _case_codes(text, case_words, laws) + _codes_before(text, after_words)
        spans += _document_shapes(text, document_words, number_words)
        found += [Finding(*span, "document", "document") for span in spans]
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
