"""Which known name a word is: as written, inflected ("Kasią", "Gáborral", "Сашком"),
with an Arabic clitic ("وعلي") or in lower case ("sanne"); kunyas ("أبو", "وام")."""

from __future__ import annotations

from privacy.folding import fold
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
        self._sounds: set[str] = set()  # sound keys of the Latin names, on first use
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

    def sounds_like_latin_name(self, word: str) -> bool:
        """A capitalised word in Cyrillic letters that spells a known Latin name of four
        letters or more ("Блесинг Нгози Окафор", "Нгуєн Ван Тхань", "Мехмет Озтюрк")."""
        if not self._sounds:
            self._sounds.update(
                key
                for name in self.known
                if name[:1].isascii() and name[:1].isalpha()
                for key in (sound_key(name),)
                if len(key) >= 4
            )
        return len(word) >= 4 and sound_key(word) in self._sounds

    def lower_base(self, word: str, lang: str) -> str | None:
        """The known name a word in lower (or upper) case is, or None."""
        titled = word[:1].upper() + word[1:].lower()
        return self.base(titled, lang)


# Cyrillic letters as a Latin spelling of a foreign name would read them ("Нгуен" Nguyen,
# "Блесинг" Blessing, "Мехмет" Mehmet, "Раджеш" Rajesh)
_CYRILLIC_SOUNDS = {
    **dict(
        zip(
            "абвгґдезийклмнопрстуфхцчшщъьюяіїєё", "abvggdeziiklmnoprstufhcčšša\0uaiieo", strict=True
        )
    ),
    "ж": "ž",
    "ц": "ts",
    "ю": "iu",
    "я": "ia",
    "є": "ie",
    "ї": "i",
    "щ": "št",
    "ь": "",
}
# spellings that sound alike, folded to one key: Latin first, then both scripts
_LATIN_SOUNDS = (
    ("sch", "š"),
    ("sh", "š"),
    ("ch", "č"),
    ("zh", "ž"),
    ("kh", "h"),
    ("ph", "f"),
    ("th", "t"),
    ("gh", "g"),
    ("ck", "k"),
    ("ou", "u"),
    ("ce", "se"),
    ("ci", "si"),
    ("cy", "si"),
    ("c", "k"),
    ("q", "k"),
    ("x", "ks"),
    ("w", "v"),
    ("y", "i"),
)


def sound_key(word: str) -> str:
    """A rough key of how a name sounds, the same for a Latin name and its spelling in
    Cyrillic letters: "Nguyen" and "Нгуєн", "Blessing" and "Блессінг", "Okonkwo" and
    "Оконкво". Doubled letters count once; "i" next to another vowel is dropped."""
    lowered = word.lower()
    if any("а" <= ch <= "я" or ch in "іїєґё" for ch in lowered):
        lowered = lowered.replace("дж", "j")
        key = "".join(_CYRILLIC_SOUNDS.get(ch, ch) for ch in lowered).replace("\0", "")
    else:
        key = fold(lowered)
        for latin, sound in _LATIN_SOUNDS:
            key = key.replace(latin, sound)
    key = "".join(ch for k, ch in enumerate(key) if k == 0 or ch != key[k - 1])
    vowels = "aeiou"
    return "".join(
        ch
        for k, ch in enumerate(key)
        if not (
            ch == "i"
            and ((k > 0 and key[k - 1] in vowels) or (k + 1 < len(key) and key[k + 1] in vowels))
        )
    )
