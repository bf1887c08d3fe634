"""Language of a statement: langdetect with a fixed seed, limited to our languages.

Only the profiles of the nine supported languages are loaded (faster, and a Dutch
text is never called Afrikaans). Texts in Arabic script are Arabic without asking
langdetect; Cyrillic texts choose between Ukrainian and Bulgarian.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from privacy.lexicon import SUPPORTED_LANGUAGES

DEFAULT_LANGUAGE = "nl"
SEED = 0
_MAX_CHARS = 200  # enough to tell the language, keeps detection cheap on long answers
_TRIALS = 3

_ARABIC = re.compile(r"[\u0600-\u06FF]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
_BULGARIAN_LETTERS = re.compile(r"[ъЪ]")


@cache
def _factory(languages: tuple[str, ...]) -> DetectorFactory:
    factory = DetectorFactory()
    profiles = [
        (Path(PROFILES_DIRECTORY) / code).read_text(encoding="utf-8") for code in languages
    ]
    factory.load_json_profile(profiles)
    factory.set_seed(SEED)
    return factory


def _langdetect(text: str, languages: tuple[str, ...]) -> str:
    detector = _factory(languages).create()
    detector.n_trial = _TRIALS
    detector.set_max_text_length(_MAX_CHARS)
    detector.append(text)
    try:
        return detector.detect()
    except LangDetectException:
        return DEFAULT_LANGUAGE


_NOT_LANGUAGE = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|\S+\.(?:com|nl|org|net)\S*|@\w+")


def detect_language(text: str) -> str:
    """Deterministic language code of ``text``, one of SUPPORTED_LANGUAGES."""
    sample = _NOT_LANGUAGE.sub(" ", text[: _MAX_CHARS * 2])[:_MAX_CHARS]
    arabic = len(_ARABIC.findall(sample))
    cyrillic = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    if arabic > latin and arabic >= cyrillic:
        return "ar"
    if cyrillic > latin:
        if _UKRAINIAN_LETTERS.search(sample):
            return "uk"
        if _BULGARIAN_LETTERS.search(sample):
            return "bg"
        return _langdetect(sample, ("bg", "uk"))
    if not latin:
        return DEFAULT_LANGUAGE
    return _langdetect(sample, LATIN_LANGUAGES)


LATIN_LANGUAGES = tuple(code for code in SUPPORTED_LANGUAGES if code not in ("ar", "bg", "uk"))


def warm_up() -> None:
    """Load the profiles now rather than on the first statement."""
    _factory(LATIN_LANGUAGES)
    _factory(("bg", "uk"))
