"""Language of a statement, with how sure we are: langdetect's profiles, read once.

Only the profiles of the nine supported languages are loaded (faster, and a Dutch
text is never called Afrikaans). Texts in Arabic script are Arabic without asking;
Cyrillic texts choose between Ukrainian and Bulgarian.

langdetect's own detector samples n-grams at random until one language passes
99.999 %, so even "Ja" or "ok" come back as certain. We use its profiles and n-grams
but score every n-gram of the sample once (naive Bayes with langdetect's smoothing):
deterministic, about twice as fast, and the probabilities say how much evidence the
text holds, so a short "Dank je" is unsure and the participant's language can decide.
"""

from __future__ import annotations

import math
import re
from functools import cache
from pathlib import Path

from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.utils.ngram import NGram

from privacy.lexicon import SUPPORTED_LANGUAGES

DEFAULT_LANGUAGE = "nl"
_MAX_CHARS = 200  # enough to tell the language, keeps detection cheap on long answers
_WEIGHT = Detector.ALPHA_DEFAULT / Detector.BASE_FREQ  # langdetect's smoothing
_MAX_CACHED_WORDS = 50_000

_ARABIC = re.compile(r"[\u0600-\u06FF]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
_BULGARIAN_LETTERS = re.compile(r"[ъЪ]")
_NOT_LANGUAGE = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|\S+\.(?:com|nl|org|net)\S*|@\w+")
_SPACES = re.compile(r"\s+")


class _Profiles:
    """langdetect's n-gram profiles for a set of languages, with log-weights cached."""

    def __init__(self, languages: tuple[str, ...]) -> None:
        factory = DetectorFactory()
        factory.load_json_profile(
            [(Path(PROFILES_DIRECTORY) / code).read_text(encoding="utf-8") for code in languages]
        )
        self.languages: list[str] = list(factory.langlist)
        self.table = factory.word_lang_prob_map
        self.logs: dict[str, tuple[float, ...]] = {}
        self.words: dict[tuple[str, bool], tuple[float, ...] | None] = {}

    def scores(self, text: str) -> list[tuple[str, float]]:
        """(language, probability), most probable first; empty without evidence."""
        normal = text.translate(_NORMAL_CHARS)
        words = normal.split(" ")
        vectors = [self._word(word, True) for word in words[:-1] if word]
        if words[-1]:  # the text's last word has no space after it
            vectors.append(self._word(words[-1], False))
        vectors = [v for v in vectors if v is not None]
        if not vectors:
            return []
        totals = [sum(column) for column in zip(*vectors, strict=True)]
        top = max(totals)
        exps = [math.exp(t - top) for t in totals]
        norm = sum(exps)
        return sorted(
            ((code, e / norm) for code, e in zip(self.languages, exps, strict=True)),
            key=lambda pair: -pair[1],
        )

    def _word(self, word: str, space_after: bool) -> tuple[float, ...] | None:
        """Sum of the log-weights of a word's n-grams (cached: words recur)."""
        key = (word, space_after)
        if key in self.words:
            return self.words[key]
        grams = [g for g in _ngrams(word, space_after) if g in self.table]
        vector = None
        if grams:
            for gram in grams:
                if gram not in self.logs:
                    self.logs[gram] = tuple(math.log(_WEIGHT + p) for p in self.table[gram])
            columns = zip(*(self.logs[g] for g in grams), strict=True)
            vector = tuple(sum(column) for column in columns)
        if len(self.words) >= _MAX_CACHED_WORDS:
            self.words.clear()
        self.words[key] = vector
        return vector


class _NormalChars(dict):
    """langdetect's per-character normalisation, as a ``str.translate`` table."""

    def __missing__(self, code: int) -> str:
        self[code] = ch = NGram.normalize(chr(code))
        return ch


_NORMAL_CHARS = _NormalChars()


def _ngrams(word: str, space_after: bool) -> list[str]:
    """langdetect's 1-3 grams of one normalised word with a space before it (and after
    it, unless it ends the text); as langdetect, none from the second capital of a run
    on ("NLA", "IBAN")."""
    padded = f" {word} " if space_after else f" {word}"
    if not _has_capital_run(word):
        return [
            *word,
            *(padded[i : i + 2] for i in range(len(padded) - 1)),
            *(padded[i : i + 3] for i in range(len(padded) - 2)),
        ]
    grams, capital, last = [], False, " "
    for k, ch in enumerate(padded[1:]):
        capital = ch.isupper() and (capital or last.isupper())
        last = ch
        if not capital:
            grams += [
                g
                for g in (ch, padded[k : k + 2], padded[k - 1 : k + 2] if k else "")
                if g and g != " "
            ]
    return grams


def _has_capital_run(word: str) -> bool:
    return any(a.isupper() and b.isupper() for a, b in zip(word, word[1:], strict=False))


LATIN_LANGUAGES = tuple(code for code in SUPPORTED_LANGUAGES if code not in ("ar", "bg", "uk"))


@cache
def _profiles(languages: tuple[str, ...]) -> _Profiles:
    return _Profiles(languages)


def _sample(text: str) -> str:
    sample = _NOT_LANGUAGE.sub(" ", text[: _MAX_CHARS * 2])
    sample = _SPACES.sub(" ", sample)[:_MAX_CHARS]
    letters = [ch for ch in sample if ch.isalpha()]
    if letters and sum(ch.isupper() for ch in letters) * 2 > len(letters):
        sample = sample.lower()  # "MIJN COLLEGA BELDE": langdetect skips words in capitals
    return sample


def language_scores(text: str) -> list[tuple[str, float]]:
    """Supported languages that ``text`` may be in, with probabilities, best first.

    Always at least one entry; a script that tells the language gives probability 1.
    """
    sample = _sample(text)
    arabic = len(_ARABIC.findall(sample))
    cyrillic = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    if arabic > latin and arabic >= cyrillic:
        return [("ar", 1.0)]
    if cyrillic > latin:
        if _UKRAINIAN_LETTERS.search(sample):
            return [("uk", 1.0)]
        if _BULGARIAN_LETTERS.search(sample):
            return [("bg", 1.0)]
        return _profiles(("bg", "uk")).scores(sample) or [("bg", 0.5), ("uk", 0.5)]
    if not latin:
        return [(DEFAULT_LANGUAGE, 0.0)]
    return _profiles(LATIN_LANGUAGES).scores(sample) or [(DEFAULT_LANGUAGE, 0.0)]


def detect_language(text: str) -> str:
    """Deterministic language code of ``text``, one of SUPPORTED_LANGUAGES."""
    return language_scores(text)[0][0]


def warm_up() -> None:
    """Load the profiles now rather than on the first statement."""
    _profiles(LATIN_LANGUAGES)
    _profiles(("bg", "uk"))
