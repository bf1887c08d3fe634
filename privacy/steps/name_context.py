"""What the names step knows about one statement while it looks for names: which
tokens are known names or must-keep items, which cue stands before a token, and whether
a token can extend or join a name (privacy/steps/names.py uses it)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from privacy.name_forms import ARABIC_CLITICS, KUNYA
from privacy.name_forms import kunya as _kunya
from privacy.statement import LINE_TIME, Statement
from privacy.steps.name_family import FamilyNames

if TYPE_CHECKING:
    from privacy.steps.names import _Names

# possessives that may stand between a people word and the name ("чичо ми Асен",
# "prietenul meu Florin", "колега мій Олег")
POSSESSIVES = frozenset(
    {
        "ми",
        "ти",
        "му",
        "ѝ",
        "й",
        "ни",
        "ви",
        "им",
        "мій",
        "моя",
        "мой",
        "meu",
        "mea",
        "mei",
        "mele",
        "my",
        "mijn",
        "mi",
    }
)
# articles and "of" words: a person's name rarely follows them ("de Werelddag", "het
# Juridisch Loket", "uitzending van Zembla", "el Barça", "a Fradinak", "de Paști")
_LABEL_END = re.compile(r"(?:\s+[^\W\d_][\w'’-]*)?\s*:")  # "Yeni:", "Marek Brygadzista:"
_NO_PERSON_AFTER = frozenset(
    {"de", "het", "een", "van", "the", "a", "an", "of", "el", "la", "los", "las", "del", "un",
     "una", "az", "egy", "din", "des", "du", "le", "les"}
)  # fmt: skip
_CYRILLIC_LANGS = frozenset({"bg", "uk"})
_SERVANT = frozenset({"عبد", "عبدال"})
ARABIC_NAME_STARTS = ("ال", "بن", "ابن", "بنت", "أبو", "ابو")
_COLON_ENDS_LINE = re.compile(r"[^\S\n]*:[^\S\n]*(?:\n|\Z)")  # what follows a heading


class NameContext(FamilyNames):
    """What the names step knows about one statement while it looks for names."""

    def __init__(self, names: _Names, st: Statement) -> None:
        self.names, self.st = names, st
        lexicon, lang = names.lexicon, st.lang
        self.keep = names.keep.token_flags(st)
        self.common = lexicon.common_words(lang)
        self.cues = names.cues(lang)
        words = st.words
        # a known name, or the start of a known family name of several words; the tests
        # before each call are the ones NameForms.base and PhraseList.match_at start with
        forms, parts = names.forms, lexicon.name_parts
        stems, heads = forms.stems, parts.heads
        self.known = [
            ((w[:3] in stems or w[:1] in ARABIC_CLITICS) and forms.base(w, lang) is not None)
            or ((w in heads or w[:3] in heads) and parts.match_at(words, i) > 0)
            for i, w in enumerate(words)
        ]
        if lang in _CYRILLIC_LANGS:  # "Блесинг Нгози Окафор": a Latin name in Cyrillic
            self.known = [
                known or self._foreign_in_cyrillic(w, lang)
                for known, w in zip(self.known, words, strict=True)
            ]
        # words that may be a cue for the word after them (cue_before looks no further
        # when the word before is none of these); "any" holds the kunyas
        cue_words = self.cues["any"]
        self.may_cue = [
            w in cue_words or w in POSSESSIVES or (word[:1] in ARABIC_CLITICS and word[1:] in KUNYA)
            for w, word in zip(st.lowered, words, strict=True)
        ]

    def _foreign_in_cyrillic(self, word: str, lang: str) -> bool:
        lowered = word.lower()
        lexicon = self.names.lexicon
        return ("А" <= word[:1] <= "Я" or word[:1] in "ІЄЇҐ") and (
            word[1:].islower()
            and lowered not in self.common
            and not lexicon.everyday_word(lowered, lang)
            and not lowered.startswith(self.names.nationalities)
            and self.names.forms.sounds_like_latin_name(word)
        )

    def nationality(self, i: int) -> bool:
        """A language or nationality word, not a name: in lower case ("magyar, román vagy
        ukrán"), or capitalised before a capitalised word that is no known name: the
        name of a national body ("a Magyar Vöröskereszt"; not "Magyar Péter")."""
        st = self.st
        word = st.words[i]
        if st.lowered[i] not in self.names.language_names:
            return False
        if word.islower():
            return True
        j = i + 1
        return (
            word[:1].isupper()
            and j < len(st.tokens)
            and self.adjacent(i, j)
            and st.words[j][:1].isupper()
            and not self.known[j]
        )

    def unknown_proper(self, i: int) -> bool:
        """A capitalised word inside a sentence that no list knows: no everyday word of
        any of our languages, no kept place or body, no village, no language or
        nationality, and no part of a longer capitalised name. In our languages only
        proper names are written so; it is taken for a person ("Gisteren heeft Wessel
        ons geholpen", "Вчора Дзвінка нам допомогла")."""
        st, names = self.st, self.names
        tok = st.tokens[i]
        word = tok.text
        sender = tok.initial and self.sender(i)
        if sender and word.lower() in self.names.all_roles:
            return False  # "[18:02] Koordynator: ...": a role, not who it is
        if (
            (tok.initial and not sender)
            or len(word) < 3
            or not word[1:].isalpha()
            or not word[1:].islower()
            or self.keep[i]
        ):
            return False  # also no compound with a hyphen ("V-nummer")
        lowered = word.lower()
        lexicon = names.lexicon
        if (
            lowered in self.common
            or self._word_in_plural(lowered)
            or lowered in names.language_names
            or lowered.startswith(names.nationalities)
            or names.institution(word)
            or names.platform(lowered)
            or any(lexicon.everyday_word(lowered, code) for code in lexicon.everyday)
            or lexicon.small_places.match_at(st.words, i)
            or names.inflected_word(word, st.lang)
            or names.compound(lowered, st.lang)
        ):
            return False
        before = st.text[st.tokens[i - 1].end if i else 0 : tok.start]
        if any(q in before for q in "\"'“„«‘("):
            return False  # a title in quotes or brackets
        previous = st.words[i - 1].lower() if i else ""
        if previous in _NO_PERSON_AFTER and not before.strip():
            return False  # "de Werelddag", "van Zembla", "el Barça": a thing, not a person
        if previous in names.locatives.get(st.lang, ()):
            return False  # "в Наалдвейку": a place (the place step decides)
        if self._in_longer_name(i):
            return False  # "Samen tegen Mensenhandel", "Work and Pensions"
        j = i + 1
        if j < len(st.tokens) and self.adjacent(i, j) and st.words[j][:1].isupper():
            return self.known[j]  # "Fair Work Agency": a name only before a known name
        return True

    def _word_in_plural(self, lowered: str) -> bool:
        """ "Mondays", "Fridays", "Catholics": the plural of a weekday, month, feast or
        everyday word is no person (a name is not written in the plural)."""
        if lowered.endswith(("'s", "’s")):
            lowered = lowered[:-2]
        elif lowered.endswith("s") and len(lowered) > 4 and not lowered.endswith("ss"):
            lowered = lowered[:-1]
        else:
            return lowered in self.names.not_names
        lexicon = self.names.lexicon
        return (
            lowered in self.names.not_names
            or lowered in self.common
            or any(lexicon.everyday_word(lowered, code) for code in lexicon.everyday)
        )

    def sender(self, i: int) -> bool:
        """The sender of a chat line, after its time: "[22:13] Yeni: ...", "08:14 Ola:"
        (without a time, "Interviewer:" is a label, not a person)."""
        st = self.st
        tok = st.tokens[i]
        line_start = st.text.rfind("\n", 0, tok.start) + 1
        before = st.text[line_start : tok.start].strip()
        if not before or not LINE_TIME.fullmatch(before):
            return False
        after = st.text[tok.end : tok.end + 40]
        return bool(_LABEL_END.match(after))

    def heading(self, i: int) -> bool:
        """A word alone on its line before a colon ("Дані:", "Conclusions:"): a heading
        or a form's label, not a person."""
        st = self.st
        tok = st.tokens[i]
        if not _COLON_ENDS_LINE.match(st.text, tok.end):
            return False  # the same test as below, without copying the rest of the line
        line_start = st.text.rfind("\n", 0, tok.start) + 1
        line_end = st.text.find("\n", tok.end)
        before = st.text[line_start : tok.start]
        after = st.text[tok.end : len(st.text) if line_end < 0 else line_end]
        return not before.strip(" \t-–•*") and after.strip() == ":"

    def _in_longer_name(self, i: int) -> bool:
        """Token i continues a capitalised name: the word before it, or the one before a
        short joining word ("tegen", "and", "de"), is capitalised too."""
        st = self.st
        for k, via in ((i - 1, None), (i - 2, i - 1)):
            if k < 0 or st.tokens[k + 1 if via is None else via].initial:
                continue
            if via is not None and (len(st.words[via]) > 5 or not st.words[via].islower()):
                continue
            if not self.adjacent(k, k + 1) or (via is not None and not self.adjacent(via, i)):
                continue
            if st.words[k][:1].isupper() and not self.known[k] and not st.tokens[k].initial:
                return True
        return False

    def adjacent(self, i: int, j: int) -> bool:
        gap = self.st.text[self.st.tokens[i].end : self.st.tokens[j].start]
        return gap.strip() in ("", "-") and "\n" not in gap

    def kunya_before(self, i: int) -> str | None:
        return _kunya(self.st.words[i - 1]) if i > 0 else None

    def cue_before(self, i: int) -> str | None:
        """Kind of cue word directly before token i ("titles", "roles", ...), if any."""
        if i == 0 or not self.may_cue[i - 1]:
            return None
        st, cues = self.st, self.cues
        j = i - 1
        if (
            j > 0
            and st.words[j].lower() in POSSESSIVES
            and st.text[st.tokens[j].end : st.tokens[i].start].strip() == ""
        ):
            i, j = j, j - 1  # look past the possessive
        if j < 0:
            return None
        word = st.tokens[j].text.lower().rstrip(".")
        gap = st.text[st.tokens[j].end : st.tokens[i].start]
        stripped = gap.strip()
        if stripped == "" and _kunya(st.tokens[j].text):
            return "kunya"
        if word not in cues["any"] and st.words[j].lower() not in cues["any"]:
            return None
        if stripped in ("", ".", '"', "'", "“", "„", "«"):
            for kind in ("titles", "naming", "roles", "with"):
                if word in cues[kind] or st.tokens[j].text.lower() in cues[kind]:
                    return kind
        elif stripped in (",", ":") and word in cues["roles"]:
            return "roles"
        return None

    def next_is_name(self, i: int) -> bool:
        """Whether a name (known, or an unknown capitalised word) follows token i."""
        j = i + 1
        if j >= len(self.st.tokens) or not self.adjacent(i, j) or self.keep[j]:
            return False
        word = self.st.tokens[j].text
        if not self.names.cased(word):
            return self.known[j]
        return word[:1].isupper() and (
            self.known[j] or (word.lower() not in self.common and not word.isupper())
        )

    def extends(self, j: int) -> bool:
        tok = self.st.tokens[j]
        word = tok.text
        if self.keep[j] or tok.initial:
            return False
        if not self.names.cased(word):  # "مريم حداد": a known name, even if a word too
            return (
                self.known[j]
                or (word.startswith(ARABIC_NAME_STARTS) and word not in self.common)
                or self._servant_of(j)
            )
        if word.isupper() and len(word) > 1:
            return False
        if not word[0].isupper():
            return False
        if self.known[j] or word.lower() not in self.common:
            return True
        # after a given name a capitalised word is the family name even when it is a word
        # too ("Інна Гончар", "Оксана Вовк")
        return len(word) >= 4 and j > 0 and self.adjacent(j - 1, j) and self.given_name(j - 1)

    def _servant_of(self, j: int) -> bool:
        """ "عبد" before a word with the article: one name ("حيدر عبد الكريم الجبوري")."""
        st, k = self.st, j + 1
        return (
            st.words[j] in _SERVANT
            and k < len(st.tokens)
            and self.adjacent(j, k)
            and st.words[k].startswith("ال")
            and len(st.words[k]) > 3
        )

    def is_and(self, j: int) -> bool:
        return self.st.tokens[j].text.lower() in self.cues["and"]

    def could_be_name(self, k: int, before: bool = False) -> bool:
        """Token k, next to a name across "and": a name too if it can be one."""
        if k < 0 or k >= len(self.st.tokens) or self.keep[k] or self.nationality(k):
            return False
        tok = self.st.tokens[k]
        word, lowered = tok.text, tok.text.lower()
        if self.known[k]:
            return word[:1].isupper() or (
                lowered not in self.names.not_lower and lowered not in self.cues["any"]
            )
        if self.names.cased(word) and not word[:1].isupper():
            return self.lower_known(k) and lowered not in self.cues["any"]
        if before or not self.names.cased(word) or tok.initial or self.names.institution(word):
            return False
        return word[0].isupper() and not word.isupper() and lowered not in self.common

    def lower_known(self, i: int) -> bool:
        """A known name written in lower case ("kim", "jurka"), not an everyday word."""
        word = self.st.words[i]
        return (
            word.lower() not in self.names.not_lower
            and self.names.forms.lower_base(word, self.st.lang) is not None
        )

    def works_at(self, i: int) -> bool:
        """Token i followed by "van de gemeente", "from the church", "z ośrodka" ..."""
        st, n = self.st, len(self.st.tokens)
        j = i + 1
        if j >= n or st.words[j].lower() not in self.cues["from"] or not self.adjacent(i, j):
            return False
        word = st.words[i].lower()
        if not st.words[i][:1].isupper() and word in self.names.not_lower:
            return False
        k = j + 1
        while k < n and k - j <= 2 and len(st.words[k]) <= 3 and st.words[k].islower():
            k += 1  # "van de", "van het", "from the", "de la"
        if k >= n:
            return False
        return (
            st.words[k].lower() in self.names.institutions
            or self.names.keep.names.match_at(st.words, k) > 0
        )
