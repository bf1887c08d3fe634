"""Remarks: what participants write that is no quote (a greeting, a thank-you, a one-word reply).

The bloemlezing quotes points about the subject; "Hoi", "Bedankt voor deze consultatie" or a
bare "Nee" are none. Such a statement is still kept (the facilitator sees it in the coding
sheet, marked), but it is not quoted. The phrases per language are data:
``lexicon/not_quotes.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from analysis.concepts import fold
from analysis.lexicon import LEXICON_DIR

OPENING_MAX_WORDS = 10  # "Bedankt voor deze mooie consultatie en uw tijd": still a thank-you
GREETING_TAIL = 2  # words after a greeting that keep it one ("Hoi allemaal", "Dear team")
_PLACEHOLDER = re.compile(r"\[[^\]]*\]")
_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1)
def _phrases() -> dict[str, frozenset[str]]:
    """Each kind of phrase, of every language together (a Polish participant may greet in
    English)."""
    data = yaml.safe_load((LEXICON_DIR / "not_quotes.yaml").read_text(encoding="utf-8"))
    kinds: dict[str, set[str]] = {"greetings": set(), "opening": set(), "replies": set()}
    kinds["contrast"] = set()
    for lists in data.values():
        for kind, found in kinds.items():
            found.update(_normal(str(p)) for p in lists.get(kind, ()))
    return {kind: frozenset(found) for kind, found in kinds.items()}


def _normal(text: str) -> str:
    return " ".join(_WORD.findall(fold(_PLACEHOLDER.sub(" ", text))))


def is_remark(text: str, whole_answer: bool = False) -> bool:
    """True when ``text`` says nothing to quote: a greeting or a thank-you, or (when it is
    the ``whole_answer``) a reply that says nothing on its own, or a single word."""
    normal = _normal(text)
    if not normal:
        return whole_answer
    words = normal.split()
    if whole_answer and len(words) == 1 and not words[0].isdigit():
        return True
    phrases = _phrases()
    if whole_answer and normal in phrases["replies"]:
        return True
    for greeting in phrases["greetings"]:
        if _opens(normal, greeting) and len(words) - len(greeting.split()) <= GREETING_TAIL:
            return True
    if len(words) <= OPENING_MAX_WORDS and not phrases["contrast"].intersection(words):
        return any(_opens(normal, opening) for opening in phrases["opening"])
    return False


def _opens(normal: str, phrase: str) -> bool:
    return normal == phrase or normal.startswith(phrase + " ")
