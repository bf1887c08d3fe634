"""Concepts: language-independent meanings that words of every supported language map to.

``lexicon/concepts.<lang>.txt`` lists, per concept, the word stems that express it in that
language. A Polish statement about "wymiana danych" and a Dutch one about
"gegevensuitwisseling" both map to the concepts ``information`` and ``exchange``, which is
what lets Dutch examples steer the assignment of statements in other languages.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from analysis.lexicon import LEXICON_DIR

IGNORED = "_"  # the concept of words that look like a concept's but are not
COMPOUNDING = frozenset({"nl", "hu"})  # languages that glue nouns together: scan inside words
_ARABIC_CLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_TOKEN = re.compile(r"[^\W_]+")
_APOSTROPHE = re.compile(r"(?<=[\u0400-\u04ff])['’ʼ](?=[\u0400-\u04ff])")  # сім'я: one word
_MARKS = re.compile(r"[\u0300-\u036f\u0483-\u0489\u064b-\u065f\u0670\u06d6-\u06ed]")
_FOLD = str.maketrans(
    {
        "ł": "l",
        "ß": "ss",
        "ø": "o",
        "æ": "ae",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ـ": None,
        "’": "'",
    }
)


def fold(text: str) -> str:
    """Lower case without accents or Arabic vowel marks: the form stems are matched in."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    lowered = _APOSTROPHE.sub("", lowered)
    decomposed = unicodedata.normalize("NFD", lowered.translate(_FOLD))
    return unicodedata.normalize("NFC", _MARKS.sub("", decomposed)).translate(_FOLD)


def tokens(text: str) -> list[str]:
    """Folded words (letters and digits) of ``text``."""
    return _TOKEN.findall(fold(text))


@dataclass
class _Table:
    stems: dict[str, tuple[str, ...]]
    exact: dict[str, tuple[str, ...]]
    longest: int


class ConceptLexicon:
    """Stems per language and concept, read from ``lexicon/concepts.<lang>.txt``."""

    def __init__(self, tables: dict[str, _Table]) -> None:
        self._tables = tables
        self._cache: dict[tuple[str, str], tuple[str, ...]] = {}

    @classmethod
    def load(cls) -> ConceptLexicon:
        tables = {}
        for path in sorted(LEXICON_DIR.glob("concepts.*.txt")):
            lang = path.name.split(".")[1]
            tables[lang] = _parse(path.read_text(encoding="utf-8"), path.name)
        return cls(tables)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(self._tables))

    def concepts(self, lang: str | None = None) -> frozenset[str]:
        """Concepts known in ``lang`` (in any language when ``None``)."""
        names = set()
        tables = self._tables.values() if lang is None else [self._tables[lang]]
        for table in tables:
            for found in (*table.stems.values(), *table.exact.values()):
                names.update(found)
        names.discard(IGNORED)
        return frozenset(names)

    def of_word(self, word: str, lang: str) -> tuple[str, ...]:
        """Concepts a folded word expresses in ``lang`` (empty when none)."""
        key = (lang, word)
        found = self._cache.get(key)
        if found is None:
            found = self._match(word, lang)
            if len(self._cache) < 500_000:
                self._cache[key] = found
        return found

    def _match(self, word: str, lang: str) -> tuple[str, ...]:
        table = self._tables.get(lang)
        if table is None:
            return ()
        candidates = [word]
        if lang == "ar":
            candidates += [
                word[len(c) :]
                for c in _ARABIC_CLITICS
                if word.startswith(c) and len(word) - len(c) >= 3
            ]
        for candidate in candidates:
            found = table.exact.get(candidate) or (
                _scan(candidate, table) if lang in COMPOUNDING else _prefix(candidate, table, 0)
            )
            if found:
                return tuple(c for c in found if c != IGNORED)
        return ()


def _prefix(word: str, table: _Table, start: int, shortest: int = 2) -> tuple[str, ...]:
    for size in range(min(len(word) - start, table.longest), shortest - 1, -1):
        found = table.stems.get(word[start : start + size])
        if found:
            return found
    return ()


def _scan(word: str, table: _Table) -> tuple[str, ...]:
    """Greedy left-to-right longest stems inside a compound word."""
    found: list[str] = []
    index = 0
    while index < len(word) - 2:
        shortest = 3 if index == 0 else 4
        for size in range(min(len(word) - index, table.longest), shortest - 1, -1):
            hit = table.stems.get(word[index : index + size])
            if hit:
                if IGNORED in hit and index == 0:
                    return ()
                found.extend(hit)
                index += size
                break
        else:
            index += 1
    return tuple(dict.fromkeys(found))


def _parse(text: str, name: str) -> _Table:
    stems: dict[str, list[str]] = {}
    exact: dict[str, list[str]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        concept, sep, words = line.partition(":")
        if not sep or not concept.strip() or " " in concept.strip():
            raise ValueError(f"{name}, line {number}: expected 'concept: stem stem ...'")
        for word in words.split():
            target = exact if word.startswith("=") else stems
            key = fold(word.lstrip("="))
            if key:
                target.setdefault(key, [])
                if concept.strip() not in target[key]:
                    target[key].append(concept.strip())
    longest = max((len(s) for s in stems), default=1)
    return _Table(
        {k: tuple(v) for k, v in stems.items()}, {k: tuple(v) for k, v in exact.items()}, longest
    )


@lru_cache(maxsize=1)
def default_lexicon() -> ConceptLexicon:
    return ConceptLexicon.load()


@lru_cache(maxsize=1)
def dutch_names() -> dict[str, str]:
    """The Dutch word that names each concept in a title (``lexicon/concept_names.nl.txt``);
    concepts too general to name a group by are left out."""
    names = {}
    path = LEXICON_DIR / "concept_names.nl.txt"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        concept, sep, name = line.partition(":")
        if not sep or not name.strip():
            raise ValueError(f"{path.name}, line {number}: expected 'concept: name'")
        if name.strip() != "-":
            names[concept.strip()] = name.strip()
    return names
