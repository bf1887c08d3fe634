"""Which supported language a statement is written in: a quick, deterministic guess.

Statements are short and many (10,000 in a few seconds), so the guess reads the script and
counts frequent function words (``lexicon/stopwords.yaml``) and letters only one language uses,
instead of running a statistical detector per statement.
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from analysis.lexicon import LEXICON_DIR

SUPPORTED = ("nl", "en", "pl", "ro", "bg", "hu", "uk", "ar")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# Letters that mark one language among those sharing a script (lower case).
_MARKERS = {
    "pl": set("ąęłńśźż"),
    "ro": set("ăâîșşțţ"),
    "hu": set("őű"),
    "uk": set("іїєґ"),
    "bg": set("ъѝ"),
    "es": set("ñ¿¡"),
}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")


@lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    """Function words per language, from ``lexicon/stopwords.yaml``."""
    data = yaml.safe_load((LEXICON_DIR / "stopwords.yaml").read_text(encoding="utf-8"))
    return {lang: frozenset(str(w).lower() for w in words) for lang, words in data.items()}


def guess_language(text: str, default: str = "nl") -> str:
    """The most likely language code of ``text``; ``default`` when nothing tells them apart."""
    lowered = text.lower()
    words = WORD.findall(lowered)
    letters = sum(map(len, words)) or 1
    if not lowered.isascii():
        if len(_ARABIC.findall(lowered)) / letters > 0.3:
            return "ar"
        if len(_CYRILLIC.findall(lowered)) / letters > 0.3:
            # Ukrainian is hardly written without і, ї, є or ґ; Bulgarian never uses them
            order = ("uk", "bg") if _MARKERS["uk"] & set(lowered) else ("bg", "uk")
            return _best(words, lowered, order, default=order[0])
    candidates = ("nl", "en", "pl", "ro", "hu", "es")
    return _best(words, lowered, candidates, default=default)


def _best(words: list[str], lowered: str, candidates: tuple[str, ...], default: str) -> str:
    lists = stopwords()
    scores = {}
    for lang in candidates:
        listed = lists.get(lang, frozenset())
        score = float(len([w for w in words if w in listed]))
        markers = _MARKERS.get(lang)
        if markers and not lowered.isascii():
            score += 2.0 * sum(lowered.count(ch) for ch in markers)
        scores[lang] = score
    best = max(candidates, key=lambda lang: (scores[lang], -candidates.index(lang)))
    if scores[best] == 0:
        return default if default in candidates else candidates[0]
    return best
