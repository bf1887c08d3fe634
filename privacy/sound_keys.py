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
from collections.abc import Container
from itertools import product

from privacy.lexicon import DATA, Lexicon, read_lines
from privacy.statement import Statement

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


class HeardPlaces:
    """Dutch villages, towns and neighbourhoods written by ear in Arabic letters
    ("بزوتفن": in Zutphen, "قرب هورست", "فاسنار"). Settings in data/quasi.yaml."""

    def __init__(self, raw: dict, lexicon: Lexicon, locatives: Container[str]) -> None:
        self.village_keys, self.city_keys = _dutch_place_keys()
        self.everyday = lexicon.everyday_word
        self.locatives = locatives
        self.not_places = frozenset(raw["not_names"]["ar"])  # "كرفان": a caravan
        self.clitics = tuple(raw["arabic_clitics"])
        # the article, also after a glued "in", "and", "to" ("بالمستودع", "فالمساعدة")
        self.articles = tuple(c + "ال" for c in ("", *self.clitics)) + ("لل",)
        self.endings = tuple(raw["arabic_word_endings"])
        self.verb_prefixes = tuple(raw["arabic_verb_prefixes"])

    def __call__(self, st: Statement, i: int) -> int:
        """Length of the place's name in token i (the word less a glued "ب"), 0 when it
        is none. Its sound key must be a village's and no city's, the word no Arabic word,
        and the key long enough not to be chance: five consonants, or four after "in",
        "near" ("ب", "في", "قرب"). A word with the article ("المستودع"), an Arabic ending
        ("انتظرتا") or a dialect's verb prefix on an Arabic word ("كنغسل") is none."""
        word = st.tokens[i].text
        if word.startswith(self.articles) or word.endswith(self.endings):
            return 0
        if word in self.not_places:
            return 0
        after_locative = i > 0 and st.tokens[i - 1].text in self.locatives
        candidates = [(word, after_locative)]
        for clitic in self.clitics:
            if word.startswith(clitic) and len(word) - len(clitic) >= 4:
                candidates.append((word[len(clitic) :], clitic.endswith("ب") or after_locative))
        for candidate, located in candidates:
            if len(candidate) < 4 or self._arabic_word(candidate):
                continue
            key = arabic_key(candidate)
            if len(key) >= (4 if located else 5) and key in self.village_keys:
                return 0 if key in self.city_keys else len(candidate)
        return 0

    def _arabic_word(self, word: str) -> bool:
        return (
            word.startswith(("ال", "لل"))
            or self.everyday(word, "ar")
            or any(
                word.startswith(p) and self.everyday(word[len(p) :], "ar")
                for p in self.verb_prefixes
            )
        )


def _dutch_place_keys() -> tuple[frozenset[str], frozenset[str]]:
    """Sound keys of Dutch villages, towns and neighbourhoods, and of Dutch cities and
    other kept places (which stay)."""
    villages: set[str] = set()
    cities: set[str] = set()
    for line in read_lines(DATA / "generated" / "dutch_places.txt"):
        size, name = line.split("\t")
        if size == "residence":
            continue  # a hamlet only deduce knows: too many to hear in Arabic letters
        name = name.replace("-", " ").split()[0]  # "Alphen aan den Rijn": Alphen
        if len(name) >= 4 and not name.startswith("'"):
            (cities if size == "city" else villages).update(dutch_keys(name))
    for name in read_lines(DATA / "neighbourhoods.txt"):  # "سلوترفارت": Slotervaart
        if " " not in name:
            villages.update(dutch_keys(name))
    for name in read_lines(DATA / "keep" / "places.txt"):  # "فستلاند": Westland stays
        if name.isascii() and " " not in name:
            cities.update(dutch_keys(name.rstrip("*")))
    return frozenset(villages - cities), frozenset(cities)
