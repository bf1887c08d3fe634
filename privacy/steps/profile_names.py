"""Names of recruiters' profiles and groups on social media ("Tomek Praca NL", "Vasko
Rabota Holandia", "Munca in Olanda cu Mihai"), and a profile's name after the network
("pe fb Larisa Popa Olanda", "профил „Niki Rabota NL“"): found as a handle.

A profile name is not a person's name in the lists, and it is made of everyday words:
what gives it away is its shape. Either it joins a word for work and a word for the
Netherlands in one capitalised run, or it stands right after the network's name, in
quotes or as two to four capitalised words. Words: data/profile_names.yaml.
"""

from __future__ import annotations

import re

from privacy.lexicon import DATA, Lexicon, read_yaml, word_alternation
from privacy.statement import Finding, Statement

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯІЇЄҐ"
_CAP = rf"[{_UPPER}][\w'’\-]*"
# a quoted profile name: capitalised, a few words, no comma (not a quoted advert)
_QUOTED = rf"[„\"«“'‘]([{_UPPER}][^\"”»“'’\n,]{{2,40}})[\"”»“'’]"


def build(lexicon: Lexicon):
    data = read_yaml(DATA / "profile_names.yaml")
    work = frozenset(w.lower() for w in data["work"])
    country = frozenset(w.lower() for w in data["country"])
    joins = word_alternation(data["joins"])
    run = re.compile(rf"(?<![\w@.])(?:{_CAP})(?:[ \t]+(?:{_CAP}|(?:{joins})(?=[ \t]))){{1,5}}")
    joins_set = frozenset(data["joins"])
    network = word_alternation(data["networks"])

    def ordinary(word: str, lang: str) -> bool:
        """An everyday word that is neither work nor the Netherlands."""
        lowered = word.lower()
        return (
            lowered not in work
            and lowered not in country
            and (lexicon.everyday_word(word, lang) or lowered in lexicon.common_words(lang))
        )

    after_network = re.compile(
        rf"(?i:(?<![\w@.])(?:{network}))[\w-]*[ \t]*(?:(?i:{word_alternation(data['as'])})[ \t]+)?"
        rf"(?:{_QUOTED}|((?-i:{_CAP})(?:[ \t]+(?-i:{_CAP})){{1,3}}))"
    )

    def profile_names(st: Statement) -> list[Finding]:
        lowered = st.text.lower()
        found = []
        if any(w in lowered for w in work):
            for m in run.finditer(st.text):
                words = m.group().split()
                while words and words[-1].lower() in joins_set:
                    words.pop()
                start = m.start()
                while words and ordinary(words[0], st.lang):  # "Grupa Ania Praca Holandia"
                    start = st.text.index(words.pop(0), start) + 1
                    start = st.text.index(words[0], start) if words else start
                folded = {w.lower().strip(".,") for w in words}
                own = [
                    w
                    for w in words
                    if w.lower() not in work | country | joins_set and not ordinary(w, st.lang)
                ]
                # a name or brand of its own among the words ("Tomek"): "Praca w Holandii
                # jest ciężka" is a sentence
                if len(words) >= 2 and folded & work and folded & country and own:
                    found.append(_finding(st, start, _end(st.text, start, words)))
        if any(n in lowered for n in data["networks"]):
            for m in after_network.finditer(st.text):
                group = 1 if m.group(1) is not None else 2
                start, end = m.span(group)
                if group == 2 and all(
                    lexicon.everyday_word(w, st.lang) for w in m.group(group).split()
                ):
                    continue  # "на фейсбук Много хора ...": a sentence goes on
                found.append(_finding(st, start, end))
        return found

    return profile_names


def _end(text: str, start: int, words: list[str]) -> int:
    """End of the run's kept words in the text (they may be separated by tabs)."""
    pos = start
    for word in words:
        pos = text.index(word, pos) + len(word)
    return pos


def _finding(st: Statement, start: int, end: int) -> Finding:
    while end > start and st.text[end - 1] in ".,;:":
        end -= 1
    return Finding(start, end, "handle", "profile_name", st.text[start:end].lower())
