"""Arabic names of several parts, in Arabic letters ("محمد عبد الرحمن الطيب", "يوسف بن
عبد الله الودغيري", "نور الدين", "أبو سمير").

Arabic has no capitals, so the names step finds a known given name and stops there: the
rest of the name ("عبد الرحمن": servant of the Merciful, "الطيب": the good) is made of
words. Here the parts that only a name has are followed: "عبد" with an attribute of God
(always a name), "بن"/"ابن"/"بنت" (son/daughter of) and a name, a family name of the "ال...ي"
form after a name ("الحلبي": from Aleppo), "الدين"/"الهدى" after a word ("نور الدين"), and a
kunya, "أبو"/"أم" with a known given name ("أبو سمير": father of Samir, used as a name).
A chain of one word is the names step's.
"""

from __future__ import annotations

import re

from privacy.lexicon import DATA, Lexicon, read_yaml
from privacy.statement import Finding, Statement

_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def build(lexicon: Lexicon):
    raw = read_yaml(DATA / "arabic_names.yaml")
    servant = frozenset(raw["servant"])  # عبد
    of = frozenset(raw["son_of"])  # بن, ابن, بنت
    parents = frozenset(raw["kunya"])  # أبو, أم
    compounds = frozenset(raw["second_parts"])  # الدين, الهدى
    first_parts = frozenset(raw["first_parts"])  # نور, عز, صلاح
    names = frozenset(n for n in lexicon.first_names | lexicon.surnames if _ARABIC_LETTER.match(n))
    given = frozenset(n for n in lexicon.first_names if _ARABIC_LETTER.match(n))

    def nisba(word: str) -> bool:
        """ "الحلبي", "الجبوري": a family name saying where a family comes from."""
        return word.startswith("ال") and word.endswith("ي") and len(word) >= 5

    def part(words: list[str], j: int) -> int:
        """Number of words of a name part at j (0: none)."""
        word = words[j]
        nxt = words[j + 1] if j + 1 < len(words) else ""
        if word in servant and nxt.startswith("ال"):
            return 2  # عبد الرحمن
        if word in of and nxt:
            return 1 + (part(words, j + 1) or 1)  # بن عبد الله, بن يوسف
        if word in names or nisba(word):
            return 1
        return 0

    def start(st: Statement, i: int) -> int:
        """Words of the first part of a chain at i: a servant name, a kunya with a known
        given name, a compound given name, or a known given name."""
        words = st.words
        word = words[i]
        nxt = words[i + 1] if i + 1 < len(words) and _adjacent(st, i, i + 1) else ""
        if word in servant and nxt.startswith("ال"):
            return 2
        if word in parents and nxt in given:
            return 2
        if nxt in compounds and word in first_parts:
            return 2  # نور الدين (not "خلص الدين": the debt was paid)
        if word in given:
            return 1
        return 0

    def arabic_names(st: Statement) -> list[Finding]:
        if not _ARABIC_LETTER.search(st.text):
            return []
        tokens, words = st.tokens, st.words
        found: list[Finding] = []
        i = 0
        while i < len(tokens):
            n = start(st, i)
            if not n:
                i += 1
                continue
            last = i + n - 1
            while last + 1 < len(tokens) and _adjacent(st, last, last + 1):
                more = part(words, last + 1)
                if not more:
                    break
                last += more
            last = min(last, len(tokens) - 1)
            if (
                last > i
                and last + 1 < len(tokens)
                and _adjacent(st, last, last + 1)
                and words[last + 1].startswith("ال")
                and st.text[tokens[last + 1].end : tokens[last + 1].end + 1] in ("،", ",", ".", "")
            ):
                last += 1  # "الاسم: محمد عبد الرحمن الطيب،": the family name ends the name
            if last > i and not (last == i + 1 and words[i] in given and words[last] in given):
                # two given names side by side are two people as often as one ("كريم،
                # سلمى" is cut by the comma; "أحمد محمود" is one): the names step decides
                start_, end = tokens[i].start, tokens[last].end
                found.append(Finding(start_, end, "name", "arabic_names", st.text[start_:end]))
            i = last + 1
        return found

    return arabic_names


def _adjacent(st: Statement, i: int, j: int) -> bool:
    return st.text[st.tokens[i].end : st.tokens[j].start] == " "
