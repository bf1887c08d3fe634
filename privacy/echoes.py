"""Echoes: a person, village or employer found once is removed at every mention.

A step finds "Mijn naam is Ioana Popescu" by its cue; later in the same answer "ioana zei
toen", "IOANA" or "Popescu" stand alone, and no step would know them. After the
recognisers and the must-keep filter, :class:`Echoes` takes the words of every name
(also nicknames and aliases), small place and employer found, and marks each other
whole-word occurrence of them with the same label, matched in lower case and without
accents (privacy/folding.py: "Bogdănești" = "bogdanesti", "ș" = "ş").

- A name of several words also echoes its distinctive parts alone ("Popescu" after
  "Ioana Popescu"); never a part shorter than three letters or an ordinary word of any
  of our languages (everyday and common words, particles such as "Van" or "De", names
  that are also words such as "Rose" or "Mai", cue and business words, legal forms).
- A name that is itself such a word ("Rose", "Dan", "De Boer") echoes only where it is
  written with its capitals, and, for a single word, not as the first word of a
  sentence ("Dan gingen we"). In a script without capitals it does not echo.
- A distinctive single word also echoes in its case forms, from the inflection rules
  of the text's language (data/names/inflections.yaml for names, "Ioanei", "Kovácsnak";
  data/keep/case_endings.yaml for places and employers), and in Arabic after a clitic
  ("وأحمد": only the name goes).

Numbers, dates, phone numbers and the other validated identifiers are exact already and
do not echo; nor do streets and organisations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from privacy.folding import fold_lower
from privacy.lexicon import DATA, Lexicon, read_lines, read_yaml
from privacy.name_forms import ARABIC_CLITICS
from privacy.statement import Finding, Statement

ECHOED = frozenset({"name", "place", "employer"})
MIN_LETTERS = 3  # a shorter part never echoes; a shorter name only with its capitals
MIN_STEM = 4  # letters a case form keeps of its word
_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
_TOKEN = re.compile(r"\w+")  # "Ioana's", "Popescu-Ionescu": "Ioana", "Popescu" are words
_ARABIC = re.compile(r"[\u0600-\u06ff]")


@dataclass(frozen=True, slots=True)
class _Form:
    words: tuple[str, ...]  # folded, split at anything that is no letter or digit
    label: str
    key: str
    strict: bool  # an ordinary or short word: only where written with capitals


class Echoes:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.ordinary = _ordinary_words(lexicon)
        # ... with the common and everyday words of every language: one lookup (~4 MB)
        self.ordinary_anywhere = self.ordinary.union(
            *lexicon.common.values(), *lexicon.everyday.values()
        )
        self.particles = lexicon.particles
        self.name_rules = {
            lang: [(fold_lower(str(a)), fold_lower(str(b))) for a, b in rules]
            for lang, rules in read_yaml(DATA / "names" / "inflections.yaml").items()
        }
        self.place_rules = {
            lang: [
                (fold_lower(ending), fold_lower(restore))
                for ending in table["endings"]
                for restore in table["restore"]
            ]
            for lang, table in read_yaml(DATA / "keep" / "case_endings.yaml").items()
        }

    def distinctive(self, word: str, lang: str) -> bool:
        """Long enough and no ordinary word of any of our languages (nor, typed without
        accents, of the text's language)."""
        letters = sum(ch.isalpha() for ch in word)
        return letters >= MIN_LETTERS and not self.is_ordinary(word, lang)

    def is_ordinary(self, word: str, lang: str) -> bool:
        if word.lower() in self.ordinary_anywhere:
            return True
        return fold_lower(word) in self.lexicon.typed_words(lang)

    def __call__(self, st: Statement, findings: list[Finding]) -> list[Finding]:
        """New findings at the other mentions of what ``findings`` hold (offsets in
        ``st.text``), none overlapping a finding."""
        forms = self.forms(st, findings)
        if not forms:
            return []
        by_first: dict[str, list[_Form]] = {}
        for form in sorted(forms, key=lambda form: -len(form.words)):  # longest first
            by_first.setdefault(form.words[0], []).append(form)
        text = st.text
        tokens = [(m.start(), m.end(), _folded(m.group())) for m in _TOKEN.finditer(text)]
        echoes: list[Finding] = []
        for i, (start, end, word) in enumerate(tokens):
            candidates = by_first.get(word)
            if candidates is None and word[:1] in ARABIC_CLITICS and _ARABIC.match(word[1:2]):
                candidates, start = by_first.get(word[1:]), start + 1  # "وأحمد"
            for form in candidates or ():
                last = i + len(form.words) - 1
                if last >= len(tokens) or not _continues(text, tokens, i, form):
                    continue
                end = tokens[last][1]
                if any(f.start < end and start < f.end for f in findings):
                    break
                if form.strict and not self._written_as_name(st, start, end):
                    continue
                echoes.append(Finding(start, end, form.label, "echo", form.key))
                break
        return echoes

    def forms(self, st: Statement, findings: list[Finding]) -> list[_Form]:
        """What each name, place and employer found is written as, its distinctive parts
        and their case forms."""
        forms: dict[tuple[str, ...], _Form] = {}

        def add(form: _Form) -> None:
            known = forms.get(form.words)
            if known is None or (known.strict and not form.strict):
                forms[form.words] = form

        for f in findings:
            if f.label not in ECHOED:
                continue
            surface = st.text[f.start : f.end]
            words = _WORD.findall(surface)
            if not words:
                continue
            key = f.key or surface.lower()
            distinct = [self.distinctive(w, st.lang) for w in words]
            add(_Form(_split(" ".join(words)), f.label, key, strict=not any(distinct)))
            parts = [(words[0], key)] if len(words) == 1 and distinct[0] else []
            if len(words) > 1:
                parts = [(w, w.lower()) for w, d in zip(words, distinct, strict=True) if d]
            for word, part_key in parts:
                add(_Form(_split(word), f.label, part_key, strict=False))
                for variant in self._case_forms(fold_lower(word), f.label, st.lang):
                    add(_Form(_split(variant), f.label, part_key, strict=False))
        return list(forms.values())

    def _case_forms(self, word: str, label: str, lang: str) -> set[str]:
        rules = (self.name_rules if label == "name" else self.place_rules).get(lang, ())
        variants = set()
        for ending, base_end in rules:
            if not word.endswith(base_end) or len(word) - len(base_end) < MIN_STEM:
                continue
            variant = word[: len(word) - len(base_end)] + ending
            if variant != word and not self.is_ordinary(variant, lang):
                variants.add(variant)
        return variants

    def _written_as_name(self, st: Statement, start: int, end: int) -> bool:
        """A strict form counts where each of its words that is no particle starts with a
        capital, and a single everyday word ("Rose", "Dan") not first in a sentence."""
        words = _WORD.findall(st.text[start:end])
        if not all(w[:1].isupper() for w in words if w.lower() not in self.particles):
            return False
        if len(words) == 1 and self.is_ordinary(words[0], st.lang):
            i = st.token_index_at(start)
            return not (i < len(st.tokens) and st.tokens[i].initial)
        return True


def _ordinary_words(lexicon: Lexicon) -> frozenset[str]:
    """Words besides the common and everyday words of each language (looked up where
    they are) that are ordinary in one of our languages, in lower case."""
    words: set[str] = set(lexicon.particles) | set(lexicon.language_names)
    for kinds in lexicon.cues.values():
        for cue_words in kinds.values():
            words |= cue_words
    words |= {w.lower() for w in read_lines(DATA / "names" / "not_in_lower_case.txt")}
    quasi = read_yaml(DATA / "quasi.yaml")
    for section in (
        "place_cues",
        "employer_cues",
        "body_cues",
        "business_words",
        "organisation_after",
        "legal_forms",
        "prefix_legal_forms",
    ):
        for entry in _strings(quasi.get(section)):
            words |= {w.lower() for w in _WORD.findall(entry)}
    return frozenset(words)


def _strings(value) -> list[str]:
    """Every string in a YAML value (a list, or lists per language)."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [str(value)] if value is not None else []


def _folded(word: str) -> str:
    return word.lower() if word.isascii() else fold_lower(word)


def _split(words: str) -> tuple[str, ...]:
    return tuple(_folded(w) for w in _TOKEN.findall(words))


def _continues(text: str, tokens: list[tuple[int, int, str]], i: int, form: _Form) -> bool:
    """Whether the tokens from i on are the words of ``form``, separated by spaces or a
    hyphen ("Sint-Oedenrode" = "sint oedenrode"), or an apostrophe ("O'Brien")."""
    for k in range(1, len(form.words)):
        gap = text[tokens[i + k - 1][1] : tokens[i + k][0]]
        if tokens[i + k][2] != form.words[k]:
            return False
        if gap not in ("'", "’") and not (gap.replace("-", " ").isspace() and "\n" not in gap):
            return False
    return True
