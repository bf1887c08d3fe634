"""Personal names in any of our languages.

A word starts a name when it is
- a known given or family name (data/names/*.txt), also inflected ("Kasią", "Gáborral");
  a known name that is also an everyday word ("Dan", "Grace", "Nagy") only counts
  mid-sentence or next to another name;
- any capitalised word right after a title ("mevrouw", "pan", "السيد"), a people word
  ("mijn collega", "the victim,") or a naming word ("heet", "called", "اسمه");
- a lower-case known name after such a cue or after "met", "with", "z", "مع" ...;
- an unknown capitalised word mid-sentence with a family-name ending (-ski, -escu, -енко).
The name then grows over the capitalised words and particles (van, de, El, ال) after it.
Must-keep organisations and places never become names.
"""

from __future__ import annotations

import re

from privacy.keep import MustKeep
from privacy.lexicon import DATA, Lexicon, read_yaml
from privacy.statement import Finding, Statement

KUNYA = frozenset({"أبو", "ابو", "أم", "abu", "abou", "umm"})  # "أبو عادل": part of the name
PARTICLES = frozenset({
    "van", "de", "der", "den", "het", "ter", "ten", "te", "von", "da", "del", "della", "di",
    "dos", "das", "du", "la", "le", "el", "al", "bin", "ibn", "bint", "abu", "ben", "y",
})
_ARABIC_PREFIXES = ("و", "ف", "ب", "ل")
# possessives that may stand between a people word and the name ("чичо ми Асен",
# "prietenul meu Florin", "колега мій Олег")
_POSSESSIVES = frozenset({"ми", "ти", "му", "ѝ", "й", "ни", "ви", "им", "мій", "моя", "мой",
                          "meu", "mea", "mei", "mele", "my", "mijn"})
_ARABIC_NAME_STARTS = ("ال", "بن", "ابن", "بنت", "أبو", "ابو")
_INITIAL = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯІЇЄ]")


class _Names:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.keep = MustKeep(lexicon)
        self.known = lexicon.first_names | lexicon.surnames
        self.stems = frozenset(name[:3] for name in self.known)  # cheap test before inflecting
        self.inflections = {
            lang: [(str(a), str(b)) for a, b in rules]
            for lang, rules in read_yaml(DATA / "names" / "inflections.yaml").items()
        }
        endings = read_yaml(DATA / "names" / "surname_endings.yaml")
        self.surname_ending = re.compile("(?:" + "|".join(endings) + ")$")

    # -- what a single word is -------------------------------------------------------

    def base(self, word: str, lang: str) -> str | None:
        """The known name this word is (maybe inflected), or None."""
        if word in self.known:
            return word
        if word[:1] in _ARABIC_PREFIXES and word[1:] in self.known:
            return word[1:]
        if word[:3] not in self.stems:
            return None
        for ending, replacement in self.inflections.get(lang, ()):
            if word.endswith(ending) and len(word) - len(ending) >= 2:
                candidate = word[: len(word) - len(ending)] + replacement
                if candidate in self.known:
                    return candidate
        return None

    def lower_base(self, word: str, lang: str) -> str | None:
        titled = word[:1].upper() + word[1:]
        return self.base(titled, lang)

    @staticmethod
    def cased(word: str) -> bool:
        """Whether the script has capitals (Arabic has not)."""
        return word.lower() != word.upper()

    # -- the step ------------------------------------------------------------------

    def __call__(self, st: Statement) -> list[Finding]:
        tokens, words, lang = st.tokens, st.words, st.lang
        if not tokens:
            return []
        keep = self.keep.token_flags(st)
        common = self.lexicon.common_words(lang)
        cues = {kind: self.lexicon.cue_words(lang, kind)
                for kind in ("titles", "roles", "naming", "with", "after")}
        cues["any"] = frozenset().union(*cues.values()) | KUNYA
        n = len(tokens)
        multi = [self.lexicon.name_parts.match_at(words, i) for i in range(n)]
        known = [self.base(w, lang) is not None or multi[i] > 0 for i, w in enumerate(words)]
        seeds: set[int] = set()

        for i, tok in enumerate(tokens):
            if keep[i]:
                continue
            word = tok.text
            lowered = word.lower()
            cased = self.cased(word)
            is_acronym = cased and len(word) > 1 and word.isupper()
            prev = self._cue_before(st, i, cues)
            if lowered.rstrip(".") in cues["titles"] and lowered not in KUNYA:
                continue  # "Dr." after "my colleague" is a title, not a name
            if known[i] and not is_acronym:
                if i + 1 < n and words[i + 1].lower() in cues["after"]:
                    seeds.add(i)  # "Tóth asszony"
                    continue
                if not cased:
                    if (lowered not in common or prev
                            or self._next_known(st, i, known, keep, common)):
                        seeds.add(i)
                elif word[0].isupper():
                    ambiguous = lowered in common or (self.base(word, lang) or "").lower() in common
                    if not ambiguous or prev or (not tok.initial) or self._next_known(
                            st, i, known, keep, common):
                        seeds.add(i)
                elif prev and lowered not in common:
                    seeds.add(i)  # lower-case known name after a cue
                continue
            if prev and not is_acronym and lowered not in common:
                if not cased:
                    if prev in ("titles", "naming", "kunya"):
                        seeds.add(i)
                elif word[0].isupper():
                    if prev != "with" and not tok.initial:
                        seeds.add(i)
                elif self.lower_base(word, lang):
                    seeds.add(i)  # "mijn collega jan", "met sanne", "z kasią"
                continue
            if (cased and word[0].isupper() and not tok.initial and not is_acronym
                    and len(word) >= 5 and self.surname_ending.search(word)):
                seeds.add(i)
                continue
            if cased and word[0].isupper() and not is_acronym and i + 1 < n:
                after = words[i + 1].lower()
                if after in cues["after"] and self._adjacent(st, i, i + 1):
                    seeds.add(i)

        return self._grow(st, seeds, keep, known, common)

    def _cue_before(self, st: Statement, i: int, cues: dict) -> str | None:
        """Kind of cue word directly before token i ("titles", "roles", ...), if any."""
        j = i - 1
        if j > 0 and st.words[j].lower() in _POSSESSIVES and st.text[
            st.tokens[j].end:st.tokens[i].start
        ].strip() == "":
            i, j = j, j - 1  # look past the possessive
        if j < 0:
            return None
        if st.words[j].lower() not in cues["any"] and st.words[j].lower().rstrip(".") not in cues[
            "any"
        ]:
            return None
        gap = st.text[st.tokens[j].end:st.tokens[i].start]
        stripped = gap.strip()
        word = st.tokens[j].text.lower().rstrip(".")
        if stripped == "" and word in KUNYA:
            return "kunya"
        if stripped in ("", ".", '"', "'", "“", "„", "«"):
            for kind in ("titles", "naming", "roles", "with"):
                if word in cues[kind] or st.tokens[j].text.lower() in cues[kind]:
                    return kind
        elif stripped in (",", ":") and word in cues["roles"]:
            return "roles"
        return None

    def _adjacent(self, st: Statement, i: int, j: int) -> bool:
        gap = st.text[st.tokens[i].end:st.tokens[j].start]
        return gap.strip() in ("", "-") and "\n" not in gap

    def _next_known(self, st: Statement, i: int, known: list[bool], keep, common) -> bool:
        """Whether a name (known, or an unknown capitalised word) follows token i."""
        j = i + 1
        if j >= len(st.tokens) or not self._adjacent(st, i, j) or keep[j]:
            return False
        word = st.tokens[j].text
        if not self.cased(word):
            return known[j]
        return word[:1].isupper() and (known[j] or (
            word.lower() not in common and not word.isupper()))

    def _extends(self, st: Statement, j: int, keep, known, common) -> bool:
        tok = st.tokens[j]
        word = tok.text
        if keep[j] or tok.initial:
            return False
        if not self.cased(word):
            return (known[j] or word.startswith(_ARABIC_NAME_STARTS)) and word not in common
        if word.isupper() and len(word) > 1:
            return False
        return word[0].isupper() and (known[j] or word.lower() not in common)

    def _grow(self, st: Statement, seeds: set[int], keep, known, common) -> list[Finding]:
        tokens, n = st.tokens, len(st.tokens)
        found: list[Finding] = []
        done: set[int] = set()
        for i in sorted(seeds):
            if i in done:
                continue
            first = last = i
            j = i + 1
            while j < n and self._adjacent(st, j - 1, j):
                if self._extends(st, j, keep, known, common) or j in seeds:
                    last = j
                    j += 1
                    continue
                # particles: "de Vries", "van der Linden", "El Amrani", "de la Cruz"
                k = j
                while (k < n and tokens[k].text.lower() in PARTICLES
                       and self._adjacent(st, k - 1, k)):
                    k += 1
                if k > j and k < n and self._adjacent(st, k - 1, k) and (
                    self._extends(st, k, keep, known, common)
                ):
                    last = k
                    j = k + 1
                    continue
                break
            if first > 0 and tokens[first - 1].text.lower() in KUNYA and self._adjacent(
                st, first - 1, first
            ):
                first -= 1
            # initials before a name: "R. Bouzid", "J.P. de Vries"
            while first > 0 and _INITIAL.fullmatch(tokens[first - 1].text) and (
                st.text[tokens[first - 1].end:tokens[first].start].strip() == "."
            ):
                first -= 1
            done.update(range(first, last + 1))
            start, end = tokens[first].start, tokens[last].end
            if st.text[end - 2:end] in ("'s", "’s"):
                end -= 2
            key = " ".join(self._key(t.text, st.lang) for t in tokens[first:last + 1]
                           if t.text.lower() not in PARTICLES)
            found.append(Finding(start, end, "name", "names", key))
        return found

    def _key(self, word: str, lang: str) -> str:
        base = self.base(word, lang) or self.lower_base(word, lang) or word
        return base.lower()


def build(lexicon: Lexicon):
    return _Names(lexicon)
