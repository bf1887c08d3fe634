"""Arabic names of villages and small businesses, read from the cue noun before them.

Arabic has no capitals, so a name is what follows a cue noun in the construct state
(``data/arabic_premises.yaml``): "قرية عين عيشة" (a village), "شركة النور للتوظيف",
"مزرعة الحاج عمر" (employers). The name is one word that is no stop word and is definite
or no everyday word ("شركة تنظيف" is a cleaning firm), two when the first opens a name
("أبو", "بني", "عين", "الحاج"); what a business does ("للتوظيف", "للخدمات الزراعية")
belongs to its name. The cue goes with the name. A definite cue ("القرية", "الشركة")
or a stop word after it ("قرية صغيرة", "شركة في") names nothing, nor does a word that says
what a business does ("مصنع اللحوم"). After "named" the name alone goes, in Arabic script or
Latin letters: "بمدينة صغيرة اسمها هوخفين", "وكالة اسمها Quick Staff Venlo".
"""

from __future__ import annotations

import re

from privacy.lexicon import DATA, Lexicon, read_yaml, word_alternation
from privacy.statement import Finding, Statement

_WORD = re.compile(r"[\u0621-\u064A\u0660-\u0669\u0671-\u06D3\u064B-\u0652]+")
_CONJUNCTION = ("و", "ف", "ب", "ل")


def _words(entries) -> frozenset[str]:
    return frozenset(str(e) for e in entries)


def build(lexicon: Lexicon):
    data = read_yaml(DATA / "arabic_premises.yaml")
    places, employers = _words(data["place_cues"]), _words(data["employer_cues"])
    openers, stops = _words(data["openers"]), _words(data["stops"])

    def cue_label(word: str) -> str | None:
        for form in (word, word[1:] if word.startswith(_CONJUNCTION) else word):
            if form in places:
                return "place"
            if form in employers:
                return "employer"
        return None

    named_places = _words(data["named_place_cues"])
    named = word_alternation(data["named"])
    cue_words = word_alternation([*employers, *named_places])
    adjectives = word_alternation(data["named_adjectives"])
    named_pattern = re.compile(
        rf"(?<![\u0621-\u064A])(?:[وفبل])?(?P<cue>{cue_words})"
        rf"(?:\s+(?:{adjectives})){{0,2}}\s+(?:{named})\s+"
        rf"(?P<name>{_LATIN_RUN}|[\u0621-\u064A]+(?:\s+(?!{named})[\u0621-\u064A]+)?)"
    )

    def named_premises(st: Statement) -> list[Finding]:
        """ "وكالة اسمها Quick Staff Venlo", "قرية اسمها هورست": the name after "named"."""
        found = []
        for m in named_pattern.finditer(st.text):
            start, end = m.span("name")
            while end > start and m.string[end - 1] in ".,":
                end -= 1  # "Quick Staff Venlo." ends the sentence
            words = m.string[start:end].split()
            if words[0] in stops:
                continue
            if len(words) == 2 and (words[1] in stops or words[1][:1] in _CONJUNCTION):
                end = start + len(words[0])  # "هورست يعني": the name is one word
            # a cued name: it wins over a person found after "اسمها", and a business
            # keeps its name when part of it is a kept place ("Quick Staff Venlo")
            if m.group("cue") in named_places:
                found.append(Finding(start, end, "place", "place_cue"))
            else:
                found.append(Finding(start, end, "employer", "employer_cue"))
        return found

    def premises(st: Statement) -> list[Finding]:
        if st.lang != "ar" and "ar" not in st.plausible:
            return []
        words = list(_WORD.finditer(st.text))
        found = named_premises(st)
        for i, cue in enumerate(words):
            label = cue_label(cue.group())
            if label is None or i + 1 >= len(words):
                continue
            if not _adjacent(st.text, cue, words[i + 1]):
                continue
            first = words[i + 1].group()
            if first in stops or cue_label(first):
                continue
            if not (first in openers or first.startswith("ال")) and lexicon.everyday_word(
                first, "ar"
            ):
                continue
            last = i + 1
            if (
                first in openers
                and i + 2 < len(words)
                and _adjacent(st.text, words[i + 1], words[i + 2])
            ):
                if words[i + 2].group() not in stops:
                    last = i + 2
            if label == "employer":
                last = _descriptors(st.text, words, last)
            found.append(Finding(cue.start(), words[last].end(), label, "arabic_premises"))
        return found

    return premises


_LATIN_RUN = r"[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|&|by|van|de|der|den|al|el)){0,4}"


def _adjacent(text: str, left: re.Match, right: re.Match) -> bool:
    return text[left.end() : right.start()].strip() == ""


def _descriptors(text: str, words: list[re.Match], last: int) -> int:
    """'للتوظيف', 'للخدمات الزراعية': what the business does is part of its name (a word
    with 'لل', then possibly one with 'ال', each right after the one before)."""
    for prefix in ("لل", "ال"):
        j = last + 1
        if not (
            j < len(words)
            and _adjacent(text, words[last], words[j])
            and words[j].group().startswith(prefix)
        ):
            break
        last = j
    return last
