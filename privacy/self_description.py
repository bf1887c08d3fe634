"""What a statement says about the person who wrote it, beyond names: nationality, age range,
place and sector ("I came from Poland to work in the greenhouses" -> nationality PL, sector
agriculture).

Pure text analysis on anonymised text (exact ages and small places are already removed). A
statement speaks about its writer when it has a first-person word ("ik", "my", "mnie", "аз");
``traits`` returns nothing for other statements, so "Polish workers are exploited" said by a
police officer describes nobody who took part. The re-identification rule that counts who
shares a combination is the consultation's (``consultation.reidentification``).

Word lists are data (``data/self_description.yaml``; places from ``data/keep/places.txt``);
country and language names in every document language come from Babel's CLDR data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from babel import Locale

from privacy.lexicon import DATA, read_yaml

KINDS = ("nationality", "age", "place", "sector")
LANGUAGES = ("nl", "en", "pl", "ro", "bg", "uk", "ar", "es", "hu")
_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
_ARABIC_PREFIXES = ("وال", "بال", "فال", "لل", "ال", "و", "ب")
_DECADE_DIGITS = re.compile(r"\b([1-9])0\s*(?:s|'s|\+|er|-er)(?!\w)", re.I)
_DASHES = r"(?:-|–|—|tot|to|a|și|до|і|és|y|und)"


@dataclass(frozen=True, order=True)
class Trait:
    kind: str  # nationality | age | place | sector
    value: str  # "PL", "minor", "20", "westland", "agriculture"


def words_of(text: str, lang: str = "") -> list[str]:
    """Lower-case words; Arabic words also without their article or a clinging "and"/"in"."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    if lang != "ar":
        return words
    return [_arabic_stem(w) for w in words]


def _arabic_stem(word: str) -> str:
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


class Phrases:
    """Phrases of one or more words; a word ending in "*" also matches longer words."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        self._exact: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._prefix: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for entry, value in entries:
            pattern = tuple(words_of_pattern(entry))
            if not pattern:
                continue
            head = pattern[0]
            if head.endswith("*"):
                self._prefix.setdefault(head[:3], []).append((pattern, value))
            else:
                self._exact.setdefault(head, []).append((pattern, value))

    def find(self, words: list[str]) -> Iterator[str]:
        """The value of every phrase found in ``words``."""
        for i, word in enumerate(words):
            for pattern, value in self._exact.get(word, []) + self._prefix.get(word[:3], []):
                if _matches(pattern, words, i):
                    yield value


def words_of_pattern(entry: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in str(entry).split()]


def _matches(pattern: tuple[str, ...], words: list[str], i: int) -> bool:
    if i + len(pattern) > len(words):
        return False
    for part, word in zip(pattern, words[i : i + len(pattern)], strict=False):
        if part.endswith("*"):
            if not word.startswith(part[:-1]):
                return False
        elif part != word:
            return False
    return True


def _stem(name: str) -> str:
    """A name and its inflected forms: "polska" -> "polsk*"; short names stay exact."""
    name = name.lower()
    if " " in name or len(name) < 6:
        return name
    return name[:-1] + "*"


class SelfDescription:
    def __init__(self) -> None:
        data = read_yaml(DATA / "self_description.yaml")
        self._first_person = {
            lang: Phrases((w, "me") for w in words) for lang, words in data["first_person"].items()
        }
        self._countries = Phrases(_country_forms(data["countries"]))
        ages = data["ages"]
        self._ages = {
            lang: Phrases(
                [(w, "minor") for w in ages["minor"].get(lang, ())]
                + [(w, str(d)) for w, d in (ages["decades"].get(lang) or {}).items()]
            )
            for lang in LANGUAGES
        }
        units = "|".join(re.escape(u) for u in ages["range_units"])
        self._range = re.compile(
            rf"\b(\d{{1,2}})\s*{_DASHES}\s*\d{{1,2}}\s*(?:{units})(?!\w)", re.I
        )
        sectors = data["sectors"]
        self._sectors = {
            lang: Phrases((w, sector) for sector, words in sectors.items() for w in words[lang])
            for lang in LANGUAGES
        }
        self._places = Phrases((name, name.rstrip("*").lower()) for name in _places())

    def speaks_of_self(self, text: str, lang: str) -> bool:
        words = words_of(text, lang)
        phrases = [self._first_person[lang]] if lang in self._first_person else []
        phrases = phrases or list(self._first_person.values())
        return any(next(p.find(words), None) for p in phrases)

    def mentions(self, text: str, lang: str) -> frozenset[Trait]:
        """Every nationality, age range, place and sector the text names."""
        words = words_of(text, lang)
        own = [lang] if lang in LANGUAGES else list(LANGUAGES)
        found = {Trait("nationality", code) for code in self._countries.find(words)}
        found |= {Trait("place", name) for name in self._places.find(words)}
        for language in own:
            found |= {Trait("age", age) for age in self._ages[language].find(words)}
            found |= {Trait("sector", sector) for sector in self._sectors[language].find(words)}
        for match in self._range.finditer(text):
            found.add(Trait("age", str(int(match.group(1)) // 10 * 10)))
        for match in _DECADE_DIGITS.finditer(text):
            found.add(Trait("age", f"{match.group(1)}0"))
        return frozenset(found)

    def traits(self, text: str, lang: str) -> frozenset[Trait]:
        """What the text says about its writer: its mentions, if it speaks in the first person."""
        if not self.speaks_of_self(text, lang):
            return frozenset()
        return self.mentions(text, lang)


def _country_forms(countries: dict) -> Iterator[tuple[str, str]]:
    locales = [Locale.parse(lang) for lang in LANGUAGES]
    for code, forms in countries.items():
        for locale in locales:
            names = [locale.territories.get(code, "")]
            if forms.get("language"):
                names.append(locale.languages.get(forms["language"], ""))
            for name in filter(None, names):
                if locale.language == "ar":
                    name = _arabic_stem(name)
                yield _stem(name), code
        for lang in LANGUAGES:
            for form in forms.get(lang) or ():
                yield str(form), code


def _places() -> list[str]:
    """Cities and provinces from the must-keep list (the lines before its countries)."""
    names = []
    for line in (DATA / "keep" / "places.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("# --- countries"):
            break
        if line.strip() and not line.startswith("#"):
            names.append(line.strip())
    return names


@cache
def get_self_description() -> SelfDescription:
    return SelfDescription()
