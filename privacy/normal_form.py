"""The text as the recognisers read it, with offsets back to what the participant wrote.

Recognisers match one spelling of each character; people (and keyboards) write others:
decomposed accents (NFD "José" is "Jose" + U+0301), non-breaking and thin spaces inside
IBANs and phone numbers, full-width characters ("＠", "０６"), invisible zero-width
characters inside words, and words that mix Latin and Cyrillic look-alike letters
("Венлo" with a Latin o). :class:`NormalForm` holds a view in which all of these are
written one way (NFC, plain space, ASCII, one script per word) and maps offsets in the
view back to the original, so the anonymised text keeps every untouched character
exactly as written.
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
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_NEEDS_WORK = re.compile(
    "[" + _SPACES + "\uff01-\uff5e\ufe6b\u2010\u2011\u2024" + "".join(_INVISIBLE) + "]"
)
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

    __slots__ = ("raw", "text", "_starts", "_ends")

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        text = raw
        if not raw.isascii():
            if not unicodedata.is_normalized("NFC", raw) or _NEEDS_WORK.search(raw):
                text, self._starts, self._ends = _compose(raw)
            if _HAS_LATIN.search(text) and _HAS_CYRILLIC.search(text):
                text = _MIXED_WORD.sub(_one_script, text)  # same length
        self.text = text

    @property
    def identical(self) -> bool:
        return self.text == self.raw

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
        if segment[0] in _INVISIBLE:
            segment = segment[1:]
        composed = unicodedata.normalize("NFC", segment).translate(_FOLD)
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
