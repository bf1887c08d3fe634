"""Names after the strongest cues: introductions and nicknames, in every language.

"My name is Tadesse Bekele", "Mijn naam is oluwaseun adeyemi", "Hallo, ik ben Tadesse",
"Nazywam się BOGDAN", "اسمي خديجة بنعلي", "Bence vagyok"; "we called him Big Mo", "noemde
hem 'Blacky'", "me decían el Flaco", "liet zich Tony Money noemen". The cues are data
(data/introductions.yaml). After "my name is" anything that is no everyday word of the
language is a name, in any case; after "I am" only a capitalised word that is no
everyday word, nationality (data/nationalities.txt) or kept place or body.
"""

from __future__ import annotations

from privacy.keep import MustKeep
from privacy.lexicon import DATA, Lexicon, read_yaml
from privacy.name_forms import NameForms
from privacy.statement import Finding, Statement

_QUOTES = "\"'“”„«»‘’"
_MAX_WORDS = 4
_NICKNAMES = ("called", "nickname")
_ARABIC_NAME_PARTS = frozenset({"عبد", "أبو", "ابو", "أم", "ام", "بن", "ابن", "بنت", "ود", "ولد"})


def _phrases(entries) -> dict[str, list[tuple[str, ...]]]:
    """First word -> phrases (longest first)."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for entry in entries or ():
        words = tuple(str(entry).lower().split())
        table.setdefault(words[0], []).append(words)
    for phrases in table.values():
        phrases.sort(key=len, reverse=True)
    return table


class _Introductions:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.keep = MustKeep(lexicon)
        self.forms = NameForms(lexicon)
        raw = read_yaml(DATA / "introductions.yaml")
        shared = raw.get("all", {})
        self.cues: dict[str, dict[str, dict[str, list[tuple[str, ...]]]]] = {}
        self.words: dict[str, dict[str, frozenset[str]]] = {}
        for lang, kinds in raw.items():
            if lang == "all":
                continue
            self.cues[lang] = {
                kind: _phrases([*(kinds.get(kind) or ()), *(shared.get(kind) or ())])
                for kind in ("name_is", "i_am", "i_am_after", "nickname", "called", "called_after")
            }
            self.words[lang] = {
                kind: frozenset(str(w).lower() for w in kinds.get(kind) or ())
                for kind in ("objects", "articles", "called_after_endings", "name_stops")
            }
        # words that start a cue of some kind: at any other word no cue starts
        self.starts = {
            lang: frozenset(word for table in kinds.values() for word in table)
            for lang, kinds in self.cues.items()
        }
        self.nationalities = lexicon.nationalities
        self.particles = lexicon.particles
        self.not_lower = lexicon.not_in_lower_case
        # capitalised words that are no names: "I", polite "U", "Usted", days, God
        not_names = read_yaml(DATA / "quasi.yaml")["not_names"]
        every = frozenset(str(w) for w in not_names.get("all") or ())
        self.not_names = {
            lang: frozenset(str(w) for w in ws or ()) | every for lang, ws in not_names.items()
        }

    def known(self, word: str, lang: str) -> bool:
        return (
            self.forms.base(word, lang) is not None or self.forms.lower_base(word, lang) is not None
        )

    def everyday(self, word: str, lang: str) -> bool:
        lowered = word.lower()
        return self.lexicon.everyday_word(lowered, lang) or lowered in self.lexicon.common_words(
            lang
        )

    def __call__(self, st: Statement) -> list[Finding]:
        cues = self.cues.get(st.lang)
        if not cues or not st.tokens:
            return []
        keep = self.keep.token_flags(st)
        words = st.lowered
        starts = self.starts[st.lang]
        found: list[Finding] = []
        n = len(words)
        for i in range(n):
            if words[i] not in starts:
                continue
            for kind in ("name_is", "i_am", "nickname", "called"):
                length = self._phrase_at(st, words, i, cues[kind])
                if not length:
                    continue
                j = i + length
                if kind in _NICKNAMES:
                    j = self._past_object(st, words, j)
                first, last = self._name_after(st, keep, j, kind)
                if last >= first:
                    found.append(self._finding(st, first, last))
                    break  # else "звали «Малий»": maybe a nickname ("called") after all
            for kind in ("i_am_after", "called_after"):
                if self._phrase_at(st, words, i, cues[kind]) and i > 0:
                    first = self._name_before(st, keep, i - 1, kind)
                    if first >= 0:
                        found.append(self._finding(st, first, i - 1))
        return found

    @staticmethod
    def _phrase_at(st: Statement, words: list[str], i: int, table) -> int:
        for phrase in table.get(words[i], ()):
            k = len(phrase)
            if tuple(words[i : i + k]) == phrase and all(
                _joined(st, m, m + 1) for m in range(i, i + k - 1)
            ):
                return k
        return 0

    def _past_object(self, st: Statement, words: list[str], j: int) -> int:
        objects = self.words[st.lang]["objects"]
        for _ in range(2):  # "na niego", "hem"
            if j < len(words) and words[j] in objects and _joined(st, j - 1, j):
                j += 1
        return j

    def _name_like(self, st: Statement, keep: list[bool], k: int, kind: str, first: bool) -> bool:
        tok = st.tokens[k]
        word, lang = tok.text, st.lang
        arabizi = kind == "name_is" and sum(ch.isalpha() for ch in word) >= 2  # "7amada"
        if keep[k] or (any(ch.isdigit() for ch in word) and not arabizi) or len(word) < 2:
            return False
        if word.lower() in self.not_names.get(lang, ()):
            return False
        cased = word.lower() != word.upper()
        known = self.known(word, lang)
        if not cased:  # Arabic
            if word[:1] == "و" and not self.known(word[1:], lang):
                return False  # "وعمري": "and my age"
            if word in _ARABIC_NAME_PARTS and kind == "name_is":
                return True  # "عبد الرحيم", "أبو سمير"
            if kind == "name_is" and self.words[lang]["name_stops"]:
                return word not in self.words[lang]["name_stops"]  # "اسمه آدم إسحاق، قال"
            if kind == "i_am":
                return known and not self.everyday(word, lang)
            return known or not self.everyday(word, lang)
        capital = word[:1].isupper()
        if kind == "i_am" and first and not capital:  # "hoi ik ben fatima", "soy mariana"
            lowered = word.lower()
            return (
                known
                and len(word) >= 3
                and not self.everyday(word, lang)
                and lowered not in self.not_lower
                and not lowered.startswith(self.nationalities)
            )
        if kind == "name_is":
            return (
                (capital and (known or not self.everyday(word, lang)))
                or (known and not self.everyday(word, lang))
                or (not self.everyday(word, lang) and len(word) > 2)
            )
        if not capital:  # "ksywa rudy", "poreclit bebe": only after a nickname cue
            function_word = word.lower() in self.lexicon.common_words(lang)
            return kind == "nickname" and first and not function_word
        if known:
            return True
        lowered = word.lower()
        if first and lowered.startswith(self.nationalities) and kind not in _NICKNAMES:
            return False  # "Ik ben Pools", "I am Eritrean" (but "le decían el Chino")
        return not self.everyday(word, lang) or kind in _NICKNAMES

    def _name_after(self, st: Statement, keep: list[bool], j: int, kind: str) -> tuple[int, int]:
        """First and last token of the name at token j (last < first: none)."""
        tokens, n = st.tokens, len(st.tokens)
        if j >= n or not _joined(
            st, j - 1, j, _QUOTES + ",:" + ("." if kind == "nickname" else "")
        ):
            return j, j - 1
        gap = st.text[tokens[j - 1].end : tokens[j].start]
        if kind == "called" and ":" in gap:
            return j, j - 1  # "i-a zis: „Dacă nu vii ...”": what was said, not a nickname
        quoted = any(q in gap for q in _QUOTES)
        if kind in _NICKNAMES and quoted:  # everything up to the closing quote
            last = j
            while last + 1 < n and last + 1 - j < _MAX_WORDS and _joined(st, last, last + 1):
                last += 1
            close = st.text[tokens[last].end : tokens[last].end + 1]
            if close and close in _QUOTES:
                return j, last
        articles = self.words[st.lang]["articles"]
        start = first = j
        if kind in _NICKNAMES and st.words[j] in articles and j + 1 < n:
            start = j + 1  # "el Flaco", "de Rus": the article is part of the nickname
        if start >= n or not self._name_like(st, keep, start, kind, True):
            return j, j - 1
        last = k = start
        longest = _MAX_WORDS + 2 if st.lang == "ar" else _MAX_WORDS  # "نور الهدى بنت صالح العمري"
        while k + 1 < n and k + 1 - start < longest and _joined(st, k, k + 1):
            k += 1
            word = st.words[k].lower()
            if word in self.particles and k + 1 < n and _joined(st, k, k + 1):
                continue  # "van", "de", "El", "bin" inside a name
            # "أم وسيم", "أبو وليد", "عبد الرحيم ود النور": a name part and the word after it
            after_kunya = st.words[k - 1] in _ARABIC_NAME_PARTS or st.words[k] in _ARABIC_NAME_PARTS
            if not after_kunya and not self._name_like(st, keep, k, kind, False):
                break
            if kind == "name_is" and st.words[k][:1].islower() and st.words[start][:1].isupper():
                break  # "My name is Tadesse and", "Mijn naam is Anna en"
            last = k
        return first, last

    def _name_before(self, st: Statement, keep: list[bool], i: int, kind: str) -> int:
        """First token of a capitalised name ending at token i (-1: none)."""
        tokens = st.tokens
        if not _joined(st, i, i + 1, _QUOTES) or tokens[i].initial and kind == "called_after":
            return -1
        if not self._name_like(st, keep, i, "i_am" if kind == "i_am_after" else "called", True):
            return -1
        endings = tuple(self.words[st.lang]["called_after_endings"])
        if kind == "called_after" and endings and not st.words[i].lower().endswith(endings):
            return -1
        first = i
        while (
            first > 0
            and first - 1 >= i - _MAX_WORDS
            and _joined(st, first - 1, first)
            and not tokens[first].initial
            and st.words[first - 1][:1].isupper()
            and self._name_like(st, keep, first - 1, "called", False)
        ):
            first -= 1
        if tokens[first].initial and kind == "called_after":
            return -1
        return first

    def _finding(self, st: Statement, first: int, last: int) -> Finding:
        start, end = st.tokens[first].start, st.tokens[last].end
        key = " ".join(w.lower() for w in st.words[first : last + 1])
        return Finding(start, end, "name", "introductions", key)


def _joined(st: Statement, i: int, j: int, allow: str = "") -> bool:
    gap = st.text[st.tokens[i].end : st.tokens[j].start]
    return gap.strip(" -" + allow) == "" and "\n" not in gap


def build(lexicon: Lexicon):
    return _Introductions(lexicon)
