"""Addresses that the street step misses: street names without a type word and streets
typed in lower case, always with a house number (data: ``data/streets.yaml``).

- Dutch names that open with a preposition and an article ("Achter de Kerk 3", "Bij de
  Molen 7"), never first in a sentence, or with an adjective before a street noun ("Oude
  Gracht 44");
- a street typed in lower case: Dutch with its suffix after "op"/"aan" ("op kerkstraat
  12a"), English before its type word ("14b high street"), after a type word ("str.
  florilor nr 5", "c/ mayor 23");
- a Polish street in the locative after "na"/"przy" ("na Lipowej 7 m. 12").
"""

from __future__ import annotations

import re

from privacy.lexicon import Lexicon, word_alternation
from privacy.statement import Finding, Statement

_NUMBER = r"\d{1,4}(?:[a-z](?!\w)|\s?-\s?\d{1,4}|\s?/\s?\d{1,4})?(?!\s?[.,:]?\d)"
_FLAT = r"(?:\s*(?:m\.|/|,\s*\d{1,2}\s?[º°ª](?:\s*(?:izq|dcha|izda|dch)\.?)?)\s*\d{0,4})?"
_CAP = r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž'’\-]+"
_LOWER = r"[a-zß-öø-ÿā-ž]+"
_SENTENCE_END = ".!?\n"


def build(lexicon: Lexicon):
    streets = lexicon.streets
    openers = word_alternation(streets["dutch_openers"])
    adjectives = word_alternation(streets["dutch_adjectives"])
    nouns = word_alternation(streets["dutch_street_nouns"])
    suffixes = word_alternation(streets["dutch_suffixes"])
    after_en = word_alternation(streets["lower_after_en"])
    before = word_alternation(streets["lower_before"])
    locatives = word_alternation(streets["polish_locatives"])
    dutch_named = re.compile(
        rf"(?<![\w-])(?:(?:{openers})\s+(?:de|het|den|der|'t)\s+{_CAP}(?:\s+{_CAP})?"
        rf"|(?:{adjectives})\s+(?:{nouns}))\s+{_NUMBER}(?![\w-])"
    )
    lower_dutch = re.compile(rf"(?<![\w-])(?i:op|aan)\s+({_LOWER}(?:{suffixes}))\s+{_NUMBER}")
    lower_english = re.compile(
        rf"(?<![\w-])\d{{1,4}}[a-z]?,?\s+(?:{_LOWER}\s+){{1,2}}(?:{after_en})(?![\w-])"
    )
    lower_before = re.compile(
        rf"(?<![\w-])(?:{before})(?:(?<=[./])|(?!\w))\s*{_LOWER}(?:\s+{_LOWER})?\s+"
        rf"(?:nr\.?\s*)?{_NUMBER}{_FLAT}"  # "calle mayor 23", not "called 0800-7000"
    )
    polish = re.compile(
        rf"(?<![\w-])(?:{locatives})\s+([A-ZŁŚŻŹ][a-ząćęłńóśźż]+(?:ej|iej))\s+{_NUMBER}{_FLAT}"
    )

    def loose(st: Statement) -> list[Finding]:
        text = st.text
        if not st.has_digits:
            return []
        found = []
        for m in dutch_named.finditer(text):
            if not _opens_sentence(text, m.start()):
                found.append(_finding(text, m.start(), m.end()))
        for m in lower_dutch.finditer(text):
            found.append(_finding(text, m.start(1), m.end()))
        for m in (*lower_english.finditer(text), *lower_before.finditer(text)):
            found.append(_finding(text, m.start(), m.end()))
        if st.lang == "pl" or "pl" in st.plausible:
            found += [_finding(text, m.start(1), m.end()) for m in polish.finditer(text)]
        return found

    return loose


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in _SENTENCE_END


def _finding(text: str, start: int, end: int) -> Finding:
    while end > start and text[end - 1] in " ,":
        end -= 1
    return Finding(start, end, "address", "loose_address")
