"""Capitals where the writer left them out: texts written all in lower case or all in
capitals ("ik en fatima el amrani van het wijkteam", "MIJN COLLEGA PIETER JANSEN").

The name recognisers rely on capitals. In a text whose writer does not use them,
:class:`Casing` writes the view the recognisers read (never the stored text) the usual
way: known names get a capital, everything else in an all-capitals text becomes lower
case (acronyms of must-keep organisations stay). Same length, so offsets hold.

Only names that cannot be an everyday word are capitalised: not in any language's
common words, not in data/names/not_in_lower_case.txt, and at least five letters; a
family name ("el amrani", "jansen") only right after such a given name. Shorter or
ambiguous names ("roos en kim") are left to the cues of the names step.
"""

from __future__ import annotations

import re

from privacy.lexicon import DATA, Lexicon, read_lines
from privacy.name_forms import NameForms

_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯІЇЄҐЁ"
_INNER_CAPITAL = re.compile(rf"[^\W\d_][{_UPPER}]")  # "iPhone", "FlexPower", "NLA"
# a capital after a word, comma, colon ... (not after ".", "!", "?" or a line break)
_MID_SENTENCE_CAPITAL = re.compile(rf"[^\s.!?…\"'“‘„«(¿¡\-–—•*][ \t\"'“‘„«(\-–—]+[{_UPPER}]")
_MIN_LETTERS = 5
_TITLE_RUN = 5  # capitalised words in a row that make a title-case run
_SHOUTED = re.compile(rf"[{_UPPER}]{{2}}")
_PARTICLES = frozenset(
    {
        "van",
        "de",
        "der",
        "den",
        "ter",
        "ten",
        "von",
        "da",
        "del",
        "di",
        "dos",
        "la",
        "le",
        "el",
        "al",
        "bin",
        "ibn",
        "ben",
        "y",
        "ван",
        "дер",
        "де",
    }
)


def writing_mode(text: str) -> str:
    """ "lower" (no capitals but at sentence starts and "I"), "upper" (capitals only)
    or "normal"."""
    upper = sum(map(str.isupper, text))
    lower = sum(map(str.islower, text))
    if upper + lower < 6:
        return "normal"
    if upper >= 0.8 * (upper + lower):
        words = [w for w in _WORD.findall(text) if len(w) > 1 and w.isupper()]
        return "upper" if len(words) >= 3 else "normal"
    if upper == 0:
        return "lower"
    if _INNER_CAPITAL.search(text):
        return "normal"
    for m in _MID_SENTENCE_CAPITAL.finditer(text):
        capital = m.end() - 1
        if text[capital] != "I" or text[capital + 1 : capital + 2].isalpha():
            return "normal"  # a capital mid-sentence, other than the pronoun "I"
    return "lower"


class Casing:
    def __init__(self, lexicon: Lexicon, forms: NameForms) -> None:
        self.forms = forms
        self.lexicon = lexicon
        self.common = frozenset().union(*lexicon.common.values())
        self.everyday = tuple(lexicon.everyday)
        self.not_lower = frozenset(
            w.lower() for w in read_lines(DATA / "names" / "not_in_lower_case.txt")
        )
        self.surnames = frozenset(s.lower() for s in lexicon.surnames)
        self.parts = {
            tuple(w.lower() for w in words): None for words in [*lexicon.name_parts.exact]
        }

    def view(self, text: str, lang: str) -> str:
        """``text`` with capitals as a careful writer would have put them (same length)."""
        mode = writing_mode(text)
        if mode == "normal":
            text = self._title_case_runs(text, lang)
            return self._shouted_names(text, lang) if _SHOUTED.search(text) else text
        tokens = list(_WORD.finditer(text))
        words = [m.group().lower() for m in tokens]
        cased = [
            m.group() if mode == "lower" else self._lower_or_acronym(m.group()) for m in tokens
        ]
        i = 0
        while i < len(words):
            if not self._given_name(words[i], lang):
                i += 1
                continue
            cased[i] = _title(cased[i])
            i += 1
            while i < len(words):  # family names after it: "fatima el amrani"
                n = self._family_name_at(words, i)
                if not n:
                    break
                for k in range(i, i + n):
                    if words[k] not in _PARTICLES:
                        cased[k] = _title(cased[k])
                i += n
        parts, cursor = [], 0
        for m, word in zip(tokens, cased, strict=True):
            parts.append(text[cursor : m.start()])
            parts.append(word if len(word) == len(m.group()) else m.group())
            cursor = m.end()
        parts.append(text[cursor:])
        return "".join(parts)

    def _title_case_runs(self, text: str, lang: str) -> str:
        """A heading or a sentence written With Every Word Capitalised ("I Was Told I
        Would Work In A Hotel"): a run of at least five capitalised words, most of them
        everyday words, is read in lower case, except the known names in it."""
        tokens = list(_WORD.finditer(text))
        runs, start = [], 0
        for k in range(1, len(tokens) + 1):
            if (
                k == len(tokens)
                or not tokens[k].group()[:1].isupper()
                or text[tokens[k - 1].end() : tokens[k].start()] != " "
                or not tokens[k - 1].group()[:1].isupper()
            ):
                if k - start >= _TITLE_RUN:
                    runs.append(tokens[start:k])
                start = k
        if not runs:
            return text
        chars = list(text)
        for run in runs:
            words = [m.group() for m in run]
            if any(w.isupper() and len(w) > 1 for w in words):
                continue  # acronyms: a name of a body ("Fair Work Agency NLA")
            everyday = [w for w in words if self.lexicon.everyday_word(w.lower(), lang)]
            if 2 * len(everyday) <= len(words):
                continue  # "Samen tegen Mensenhandel" is no run; "Golden Palace Massage" keeps
            for m in run:
                word = m.group()
                lowered = word.lower()
                if (
                    self.forms.lower_base(word, lang) is not None
                    and lowered not in self.common
                    and not any(self.lexicon.everyday_word(lowered, c) for c in self.everyday)
                ) or word in self.lexicon.keep_names:
                    continue
                if len(lowered) == len(word):
                    chars[m.start() : m.end()] = lowered
        return "".join(chars)

    def _shouted_names(self, text: str, lang: str) -> str:
        """Names in capitals inside a normal text ("met PIETER VAN DAM van de FNV",
        "Jestem BOGDAN"): a run of words in capitals with a known name in it, and no
        kept acronym (IND, FNV) or everyday word, is written as a name in the view."""
        tokens = list(_WORD.finditer(text))
        parts, cursor, i = [], 0, 0
        while i < len(tokens):
            if not self._shouted(tokens[i].group()):
                i += 1
                continue
            j = i
            while (
                j + 1 < len(tokens)
                and self._shouted(tokens[j + 1].group())
                and text[tokens[j].end() : tokens[j + 1].start()] in (" ", "-")
            ):
                j += 1
            run = [m.group() for m in tokens[i : j + 1]]
            if self._shouted_name(run, lang):
                for m in tokens[i : j + 1]:
                    word = m.group()
                    parts.append(text[cursor : m.start()])
                    lowered = word.lower()
                    parts.append(lowered if lowered in _PARTICLES else _title(lowered))
                    cursor = m.end()
            i = j + 1
        parts.append(text[cursor:])
        return "".join(parts)

    @staticmethod
    def _shouted(word: str) -> bool:
        return len(word) > 1 and word.isupper()

    def _shouted_name(self, run: list[str], lang: str) -> bool:
        names = [w for w in run if w.lower() not in _PARTICLES]
        if not names or len(names) > 4:
            return False
        for word in names:
            if word in self.lexicon.keep_names or word in self.lexicon.keep_places:
                return False  # IND, FNV, RIEC, NLA
            titled = _title(word.lower())
            if titled in self.lexicon.keep_names or titled in self.lexicon.keep_places:
                return False
        known = [w for w in names if self.forms.lower_base(w, lang) is not None]
        titled = tuple(w.lower() if w.lower() in _PARTICLES else _title(w.lower()) for w in run)
        family = any(self.lexicon.name_parts.match_at(list(titled), k) for k in range(len(titled)))
        with_particle = len(names) >= 2 and len(names) < len(run)  # "MARLEEN DE WIT"
        if not known and not family and not with_particle:
            return False
        if len(names) == 1:  # "BOGDAN" alone: a known name that is no word or acronym
            word = names[0].lower()
            return (
                len(word) >= 3
                and word not in self.common
                and word not in self.not_lower
                and not self.lexicon.everyday_word(word, lang)
            )
        return not all(self.lexicon.everyday_word(w, lang) for w in names)

    def _given_name(self, word: str, lang: str) -> bool:
        return (
            len(word) >= _MIN_LETTERS
            and word not in self.common
            and word not in self.not_lower
            and word not in self.lexicon.language_names  # "román", "magyar"
            and self.forms.lower_base(word, lang) is not None
        )

    def _family_name_at(self, words: list[str], i: int) -> int:
        for n in (3, 2):
            if tuple(words[i : i + n]) in self.parts:
                return n
        word = words[i]
        if word in self.surnames and word not in self.common and word not in self.not_lower:
            return 1
        return 0

    def _lower_or_acronym(self, word: str) -> str:
        if word in self.lexicon.keep_names or word in self.lexicon.keep_places:
            return word  # IND, NLA, RIEC
        return word.lower()


def _title(word: str) -> str:
    return word[:1].upper() + word[1:]
