"""Sound keys: how a Dutch place name sounds, written as its consonants, so that the name
can be recognised when an Arabic writer spells it by ear ("بزوتفن": in Zutphen, "فاسنار":
Wassenaar, "درونتن": Dronten).

Arabic writes long vowels only, and each Dutch sound has several Arabic spellings (g as
غ, خ, ج or ك; v and w as ف or و). So both sides are reduced to classes of consonants:
vowels and the letters that also write vowels (ا و ي ع ...) drop out, letters that stand
for one Dutch sound share a class, and doubled classes fall together. A Dutch spelling
that Arabic writers render in two ways (w as ف or as a vowel, "sch" as سخ or ش) gets a
key for each.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import product

# Arabic letter -> class; letters missing here (vowels, ع, ء ...) drop out
_ARABIC = {
    **dict.fromkeys("بپ", "B"),
    **dict.fromkeys("تطدض", "T"),
    **dict.fromkeys("ثسصزذظشژ", "S"),
    **dict.fromkeys("جغخكقگ", "K"),
    **dict.fromkeys("فڤ", "F"),
    **dict.fromkeys("هح", "H"),
    "ل": "L",
    "م": "M",
    "ن": "N",
    "ر": "R",
}
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # short vowels, tatweel

# Dutch spellings, the longest first; each gives one or more alternative class strings
_DUTCH: list[tuple[str, tuple[str, ...]]] = [
    ("sch", ("SK", "S")),
    ("ch", ("K",)),
    ("ng", ("NK", "N")),
    ("ph", ("F",)),
    ("th", ("T",)),
    ("dt", ("T",)),
    ("ck", ("K",)),
    ("ts", ("TS",)),
    ("ij", ("",)),
    ("ei", ("",)),
    ("x", ("KS",)),
    ("w", ("F", "")),
    ("v", ("F",)),
    ("f", ("F",)),
    ("b", ("B",)),
    ("p", ("B",)),
    ("t", ("T",)),
    ("d", ("T",)),
    ("s", ("S",)),
    ("z", ("S",)),
    ("g", ("K",)),
    ("k", ("K",)),
    ("q", ("K",)),
    ("h", ("H",)),
    ("l", ("L",)),
    ("m", ("M",)),
    ("n", ("N",)),
    ("r", ("R",)),
]
_SOFT_C = re.compile(r"c(?=[eiy])")
_HARD_C = re.compile(r"c(?!h)")


def _collapse(classes: str) -> str:
    """Doubled classes fall together ("Vassenaar": one S)."""
    out = []
    for c in classes:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def arabic_key(word: str) -> str:
    """The consonant classes of a word in Arabic letters ("زوتفن" -> "STFN")."""
    word = _ARABIC_MARKS.sub("", unicodedata.normalize("NFC", word))
    return _collapse("".join(_ARABIC.get(ch, "") for ch in word))


def dutch_keys(name: str) -> set[str]:
    """The consonant classes of a one-word Dutch place name, one key per way an Arabic
    writer may hear it ("Wassenaar" -> {"FSNR", "SNR"})."""
    text = unicodedata.normalize("NFD", name.lower())
    text = "".join(ch for ch in text if ch.isalpha() and ch.isascii())
    text = _HARD_C.sub("k", _SOFT_C.sub("s", text))
    pieces: list[tuple[str, ...]] = []
    i = 0
    while i < len(text):
        for spelling, classes in _DUTCH:
            if text.startswith(spelling, i):
                pieces.append(classes)
                i += len(spelling)
                break
        else:
            i += 1  # a vowel
    variants = [p for p in pieces if len(p) > 1]
    if len(variants) > 3:  # keep the number of keys small: first spelling for the rest
        pieces = [p if len(p) == 1 or p in variants[:3] else p[:1] for p in pieces]
    return {_collapse("".join(choice)) for choice in product(*pieces)}
