"""The text as the recognisers read it, with offsets back to what the participant wrote.

Recognisers match one spelling of each character; people (and keyboards) write others:
decomposed accents (NFD "José" is "Jose" + U+0301), non-breaking and thin spaces inside
IBANs and phone numbers, full-width characters ("＠", "０６"), invisible characters
inside words (zero-width spaces and joiners, soft hyphens, bidi marks, overrides and
isolates, word joiners, variation selectors, tags: every format character), and words
that mix Latin and Cyrillic look-alike letters ("Венлo" with a Latin o).
:class:`NormalForm` holds a view in which all of these are written one way (NFC, plain
space, ASCII, one script per word) and maps offsets in the view back to the original,
so the anonymised text keeps every untouched character exactly as written.

A right-to-left override (U+202E) shows the Latin letters and digits after it in
reverse: "\u202e87654321-60" reads as "06-12345678". :meth:`NormalForm.displayed`
gives the view in the order a reader sees, for the recognisers to read as well.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_FOLD = {ord(ch): " " for ch in _SPACES}
_FOLD.update({code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)})  # full-width ASCII
_FOLD.update({0xFE6B: "@", 0x2010: "-", 0x2011: "-", 0x2024: "."})
# apostrophes: "В'єтнаму", "Вʼєтнаму" and "В’єтнаму" are one word (the lists use "'")
_FOLD.update({0x02BC: "'", 0x2019: "'"})
# Format characters (Unicode category Cf), variation selectors, the combining grapheme
# joiner and Hangul fillers: invisible, so dropped from the view; Arabic short vowels and
# other optional marks too ("يُعرف باسم" reads as "يعرف باسم", as the lists write it).
_ARABIC_MARKS = "\u064b-\u0652\u0670"  # short vowels, shadda, sukun, dagger alif
_INVISIBLE_RANGES = (
    "\u00ad\u034f\u0600-\u0605\u061c"
    + _ARABIC_MARKS
    + "\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u17b4"
    "\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164"
    "\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    "\U000e0100-\U000e01ef"
)
_INVISIBLE_CHAR = re.compile("[" + _INVISIBLE_RANGES + "]")
_ARABIC_MARK = re.compile("[" + _ARABIC_MARKS + "]")
_NEEDS_WORK = re.compile(
    "[" + _SPACES + "\uff01-\uff5e\ufe6b\u2010\u2011\u2024\u02bc\u2019" + _INVISIBLE_RANGES + "]"
)
# bidi overrides: what follows them, up to a pop (U+202C) or the end of the line, is
# shown in their direction whatever its letters
_RLO, _LRO, _PDF = "\u202e", "\u202d", "\u202c"
_OVERRIDE = re.compile("[\u202d\u202e]")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_HAS_LATIN = re.compile(r"[A-Za-z]")
_HAS_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_MIXED_WORD = re.compile(r"\w*(?:[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z])\w*")
# Latin and Cyrillic letters that look alike; a mixed word is written in its main script
_LATIN = "aceiopxyABCEHIKMOPTXY"
_CYRILLIC = "асеіорхуАВСЕНІКМОРТХУ"
_TO_CYRILLIC = str.maketrans(_LATIN, _CYRILLIC)
_TO_LATIN = str.maketrans(_CYRILLIC, _LATIN)


class NormalForm:
    """``text``: the view; :meth:`original` maps an offset in it to one in ``raw``."""

    __slots__ = ("raw", "text", "_starts", "_ends", "_positions", "_written")

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        self._positions: list[int] | None = None  # see displayed()
        self._written = raw
        text = raw
        if not raw.isascii():
            if not unicodedata.is_normalized("NFC", raw) or _NEEDS_WORK.search(raw):
                text, self._starts, self._ends = _compose(raw)
            if _HAS_LATIN.search(text) and _HAS_CYRILLIC.search(text):
                text = _MIXED_WORD.sub(_one_script, text)  # same length
        self.text = text

    @property
    def identical(self) -> bool:
        return self.text == self.raw and self._positions is None

    def original(self, offset: int) -> int:
        """Offset in ``raw`` where the character at ``offset`` in the view starts."""
        if self._starts is None:
            return offset
        if offset >= len(self._starts):
            return len(self.raw)
        return self._starts[offset]

    def original_end(self, offset: int) -> int:
        """Offset in ``raw`` just after the view's characters before ``offset``."""
        if self._starts is None:
            return offset
        return self._ends[offset - 1] if offset > 0 else 0

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The stretch of the participant's text that view[start:end] comes from, with
        the invisible characters right around it ("\u202eJan\u202c" goes whole)."""
        s, e = self.original(start), self.original_end(end)
        if self._positions is not None:  # a displayed view: back to the written order
            written = self._positions[s:e] or [self._positions[min(s, len(self._positions) - 1)]]
            s, e = min(written), max(written) + 1
        raw = self._written
        while s > 0 and _INVISIBLE_CHAR.match(raw, s - 1):
            s -= 1
        while e < len(raw) and _INVISIBLE_CHAR.match(raw, e):
            e += 1
        return s, e

    def displayed(self) -> NormalForm | None:
        """The view in the order a reader sees it, when a bidi override reorders the
        text (None otherwise); its :meth:`span` maps back to the written text."""
        if not _OVERRIDE.search(self.raw):
            return None
        chars, positions = _display_order(self.raw)
        form = NormalForm("".join(chars))
        form._positions = positions
        form._written = self.raw
        return form


def _compose(raw: str) -> tuple[str, list[int], list[int]]:
    """NFC, folded and without invisible characters; where each character starts and
    ends in the original."""
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1  # a base character with its combining marks
        segment = raw[i:j]
        if _INVISIBLE_CHAR.match(segment):
            segment = segment[1:]
        composed = unicodedata.normalize("NFC", segment).translate(_FOLD)
        if _ARABIC_MARK.search(composed):
            composed = _ARABIC_MARK.sub("", composed)
        parts.append(composed)
        starts.extend([i] * len(composed))
        ends.extend([j] * len(composed))
        i = j
    return "".join(parts), starts, ends


def _one_script(match: re.Match[str]) -> str:
    word = match.group()
    latin = len(_HAS_LATIN.findall(word))
    cyrillic = len(_HAS_CYRILLIC.findall(word))
    return word.translate(_TO_CYRILLIC if cyrillic >= latin else _TO_LATIN)


def _display_order(raw: str) -> tuple[list[str], list[int]]:
    """Characters in the order they are shown, and the written position of each: the
    stretch after a right-to-left override (or a left-to-right override holding Arabic)
    is reversed up to its pop or the end of the line."""
    chars: list[str] = []
    positions: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if ch not in (_RLO, _LRO):
            chars.append(ch)
            positions.append(i)
            i += 1
            continue
        j = i + 1
        while j < n and raw[j] not in (_PDF, _RLO, _LRO, "\n"):
            j += 1
        inside = raw[i + 1 : j]
        chars.append(ch)
        positions.append(i)
        if ch == _RLO or _ARABIC_LETTER.search(inside):
            order = range(j - 1, i, -1)
        else:
            order = range(i + 1, j)
        for k in order:
            chars.append(raw[k])
            positions.append(k)
        i = j
    return chars, positions
