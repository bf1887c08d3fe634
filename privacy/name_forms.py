"""Which known name a word is: as written, inflected ("Kasią", "Gáborral", "Сашком"),
with an Arabic clitic ("وعلي") or in lower case ("sanne"); kunyas ("أبو", "وام")."""

from __future__ import annotations

from privacy.lexicon import DATA, Lexicon, read_yaml

ARABIC_CLITICS = ("و", "ف", "ب", "ل")
KUNYA = frozenset({"أبو", "ابو", "أم", "ام", "abu", "abou", "umm"})  # "أبو عادل": part of the name


def kunya(word: str) -> str | None:
    """The kunya a token is ("ابو", or "وام" with a clitic), else None."""
    lowered = word.lower()
    if lowered in KUNYA:
        return lowered
    if word[:1] in ARABIC_CLITICS and word[1:] in KUNYA:
        return word[1:]
    return None


class NameForms:
    def __init__(self, lexicon: Lexicon) -> None:
        self.known = lexicon.first_names | lexicon.surnames
        self.stems = frozenset(name[:3] for name in self.known)  # cheap test before inflecting
        self.inflections = {
            lang: [(str(a), str(b)) for a, b in rules]
            for lang, rules in read_yaml(DATA / "names" / "inflections.yaml").items()
        }

    def base(self, word: str, lang: str) -> str | None:
        """The known name this word is (maybe inflected), or None."""
        if word in self.known:
            return word
        if word[:1] in ARABIC_CLITICS and word[1:] in self.known:
            return word[1:]
        if word[:3] not in self.stems:
            return None
        for ending, replacement in self.inflections.get(lang, ()):
            if word.endswith(ending) and len(word) - len(ending) >= 2:
                candidate = word[: len(word) - len(ending)] + replacement
                if candidate in self.known:
                    return candidate
        return None

    def lower_base(self, word: str, lang: str) -> str | None:
        """The known name a word in lower (or upper) case is, or None."""
        titled = word[:1].upper() + word[1:].lower()
        return self.base(titled, lang)
