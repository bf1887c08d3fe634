"""Names written with initials, as case notes write them.

"J.P. de Wit", "R.M. Ștefănescu", "Г.И. Петрова" (initials before a family name) and
"Paweł K.", "Khalid B.", "Красимир Д." (a given name and the family name's initial, which
the name steps find without its initial); initials alone after a people word ("cliënte
M.K.", "klientka M. K.", Hungarian "K. Zs.") or after a title ("Dhr. G.", "Mrs K."); Hungarian
initials of two letters before a given name ("Sz. Boglárka"); Arabic initials ("م. ر.", "أ. ح.
البدوي").
The family name after initials is a known family or given name ("J.P. Nowak-Dąbrowski";
not "U.S. Army", "de K.M. Marechaussee"), any capitalised word after a particle ("J.P. de
Wit") or after a people word ("clientă D. Mocanu"); kept places and bodies are dropped
afterwards by the must-keep filter.
"""

from __future__ import annotations

import re

from privacy.lexicon import Lexicon
from privacy.name_forms import NameForms
from privacy.statement import Finding, Statement

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽȘȚА-ЯІЇЄҐЁ"
# Hungarian initials may be two or three letters ("Sz. Boglárka", "Zs. Kovács")
_INITIALS = rf"(?:[{_UPPER}](?:[sz]|zs|y)?\.[ ]?){{1,3}}"
_WORD = rf"[{_UPPER}][\w'’]+(?:-[{_UPPER}][\w'’]+)?"
_PARTICLES = r"(?P<particles>(?:[a-zа-яіїє]{1,3} ){0,3})"
_BEFORE = re.compile(rf"(?<![\w.]){_INITIALS}{_PARTICLES}(?P<word>{_WORD})")
_ALONE = re.compile(rf"(?<![\w.])(?P<initials>(?:[{_UPPER}](?:[sz]|zs|y)?\.[ ]?){{2,3}})(?![\w])")
# Arabic initials ("م. ر."), not after a number ("2020 م." is a year of the common era)
_ARABIC = re.compile(
    r"(?<![\w.\u0640\u064b-\u0652])(?<!\d )"  # a letter alone, not the end of "جدًا."
    r"(?:(?:[\u0621-\u063f\u0641-\u064a]\.\s?){1,2}ال[\u0621-\u063f\u0641-\u064a]+"
    r"|(?:[\u0621-\u063f\u0641-\u064a]\.\s?){2,3}(?![\w\u0640]))"  # "أ. ح. البدوي", "م. ر."
)
# a title and initials alone: "Dhr. G. wil", "Mr. K. said", "pani H."
_TITLED = re.compile(
    rf"(?<![\w.])(?P<title>[^\W\d_]{{2,8}})\.? (?P<initials>(?:[{_UPPER}]\.[ ]?){{1,3}})(?![\w])"
)
_AFTER = re.compile(rf"(?<![\w.])(?P<word>{_WORD}) [{_UPPER}]\.(?![\w.])")


def build(lexicon: Lexicon):
    particles = lexicon.particles
    forms = NameForms(lexicon)

    def everyday(word: str, lang: str) -> bool:
        lowered = word.lower()
        return lexicon.everyday_word(lowered, lang) or lowered in lexicon.common_words(lang)

    titles = frozenset(
        str(w).lower().rstrip(".")
        for kinds in lexicon.cues.values()
        for w in kinds.get("titles", ())
    )
    people = frozenset(
        str(w).lower().rstrip(".")
        for kinds in lexicon.cues.values()
        for kind in ("roles", "titles")
        for w in kinds.get(kind, ())
    )

    def after_people_word(text: str, start: int) -> bool:
        before = text[max(0, start - 30) : start].rstrip(" :(").split()
        return bool(before) and before[-1].lower().rstrip(".,:") in people

    def initials(st: Statement) -> list[Finding]:
        text, lang = st.text, st.lang
        found = []
        for m in _ALONE.finditer(text):  # "cliënte M.K.", "klientka M. K.": initials alone
            if after_people_word(text, m.start()):
                found.append(
                    Finding(m.start(), m.end() - (text[m.end() - 1] == " "), "name", "initials")
                )
        for m in _TITLED.finditer(text):  # "Dhr. G.": a title before initials
            if m.group("title").lower() in titles:
                end = m.end() - (text[m.end() - 1] == " ")
                found.append(Finding(m.start("initials"), end, "name", "initials"))
        for m in _ARABIC.finditer(text):
            end = m.end() - (text[m.end() - 1] == " ")
            found.append(Finding(m.start(), end, "name", "initials"))
        for m in _BEFORE.finditer(text):
            words = m.group("particles").split()
            if words and not all(w in particles for w in words):
                continue
            parts = m.group("word").split("-")
            unknown = all(forms.base(part, lang) is None for part in parts)
            if not words and unknown and not after_people_word(text, m.start()):
                continue
            found.append(Finding(m.start(), m.end(), "name", "initials"))
        for m in _AFTER.finditer(text):
            word = m.group("word")
            if everyday(word, lang) or word.isupper():
                continue
            found.append(Finding(m.start(), m.end(), "name", "initials"))
        return found

    return initials
