"""Names after the strongest cues: introductions and nicknames, in every language.

"My name is Tadesse Bekele", "Mijn naam is oluwaseun adeyemi", "Hallo, ik ben Tadesse",
"Nazywam się BOGDAN", "اسمي خديجة بنعلي", "Bence vagyok"; "we called him Big Mo", "noemde
hem 'Blacky'", "me decían el Flaco", "liet zich Tony Money noemen". The cues are data
(data/introductions.yaml). After "my name is" anything that is no everyday word of the
language is a name, in any case; after "I am" only a capitalised word that is no
everyday word, nationality (data/nationalities.txt) or kept place or body.
Round 8: a second nickname after "or" ("call him Soefie or Sof"), a nickname before "му
викаха" ("Кирчо му викаха"), a quoted nickname between a given and a family name ("Rodel
'Dong' Bautista"), Spanish nickname words after an article ("el Flaco"); a people word in
lower case after "called" ("„шефа“", "de baas") and a quoted term in lower case without a
pronoun ("в нас називають «просто людське»") stay.
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
                for kind in (
                    "objects",
                    "articles",
                    "called_after_endings",
                    "name_stops",
                    "or",
                    "nickname_words",
                )
            }
            self.words[lang]["roles"] = lexicon.cue_words(lang, "roles")
        # languages whose called_after needs an object pronoun between ("Кирчо му викаха";
        # "Иван викаше" is Ivan shouting)
        self.institutions = frozenset(
            str(w).lower() for kinds in lexicon.cues.values() for w in kinds.get("institutions", ())
        )
        self.after_object = frozenset(
            lang
            for lang, kinds in raw.items()
            if lang != "all" and kinds.get("called_after_object")
        )
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
                # "called him", "му викаха", not "what we call"
                person = j > i + length or (
                    st.lang in self.after_object
                    and i > 0
                    and words[i - 1] in self.words[st.lang]["objects"]
                )
                first, last = self._name_after(st, keep, j, kind, person)
                if last >= first and kind in _NICKNAMES and self._role(st, first, last):
                    break  # "Кирчо му викаха „шефа“", "we called him the boss": a role stays
                if last >= first:
                    found.append(self._finding(st, first, last))
                    if kind in _NICKNAMES:
                        found.extend(self._or_nicknames(st, keep, last, kind))
                    break  # else "звали «Малий»": maybe a nickname ("called") after all
            for kind in ("i_am_after", "called_after"):
                if self._phrase_at(st, words, i, cues[kind]) and i > 0:
                    end, pronoun = i - 1, False
                    if kind == "called_after" and st.lang in self.after_object:
                        if words[end] not in self.words[st.lang]["objects"] or end < 1:
                            continue
                        end, pronoun = end - 1, True  # "Кирчо му викаха": before the pronoun
                    first = self._name_before(st, keep, end, kind, pronoun)
                    if first >= 0:
                        found.append(self._finding(st, first, end))
        found.extend(self._quoted_between(st, keep))
        if self.words[st.lang]["nickname_words"]:
            found.extend(self._adjective_nicknames(st, keep))
        return found

    def _adjective_nicknames(self, st: Statement, keep: list[bool]) -> list[Finding]:
        """A word that nicknames a person (data: nickname_words, mostly adjectives),
        capitalised inside a sentence after an article: a nickname ("el Flaco", "El Chino
        sigue libre", "el capataz, el Rubio", "la Chata"); a longer capitalised name ("el
        Gordo de Navidad") stays."""
        tokens, words, n, found = st.tokens, st.lowered, len(st.tokens), []
        articles = self.words[st.lang]["articles"]
        for k in range(1, n):
            word = st.words[k]
            if (
                words[k - 1] not in articles
                or tokens[k].initial
                or keep[k]
                or not word[:1].isupper()
                or not word[1:].islower()
                or len(word) < 4
                or words[k] in self.institutions
                or not _joined(st, k - 1, k)
            ):
                continue
            nxt = k + 2 if k + 2 < n and words[k + 1] in self.particles else k + 1
            if nxt < n and _joined(st, k, nxt) and st.words[nxt][:1].isupper():
                continue  # "la Trata de Personas", "el Código Penal"
            if words[k] in self.words[st.lang]["nickname_words"]:
                found.append(self._finding(st, k - 1, k))
        return found

    def _role(self, st: Statement, first: int, last: int) -> bool:
        """A nickname that is only a people word in lower case ("шефа", "de baas", "the
        boss"): a role ("called The Boss" is a name)."""
        words = self.words[st.lang]
        parts = [w for w in st.words[first : last + 1] if w.lower() not in words["articles"]]
        return bool(parts) and all(w.islower() and w in words["roles"] for w in parts)

    def _or_nicknames(self, st: Statement, keep: list[bool], last: int, kind: str) -> list[Finding]:
        """A second nickname after "or" ("his friends call him Soefie or Sof")."""
        k = last + 1
        if k + 1 >= len(st.tokens) or st.lowered[k] not in self.words[st.lang]["or"]:
            return []
        if not _joined(st, last, k, _QUOTES):
            return []
        first, end = self._name_after(st, keep, k + 1, kind)
        if end < first or self._role(st, first, end):
            return []
        return [self._finding(st, first, end)]

    def _quoted_between(self, st: Statement, keep: list[bool]) -> list[Finding]:
        """A nickname in quotes between a given name and a family name, one of them known:
        "Rodel 'Dong' Bautista", "Horváth „Kecske” Attila", "Андрій «Кабан» Мельничук"."""
        tokens, words, n, found = st.tokens, st.words, len(st.tokens), []
        for j in range(1, n - 1):
            opening = st.text[tokens[j - 1].end : tokens[j].start]
            if opening.strip(" ") not in _QUOTES or not opening.strip(" "):
                continue
            m = j
            while m + 1 < n and m - j < 2 and _joined(st, m, m + 1):
                closing = st.text[tokens[m].end : tokens[m + 1].start]
                if closing.strip(" "):
                    break
                m += 1
            if m + 1 >= n:
                continue
            closing = st.text[tokens[m].end : tokens[m + 1].start]
            if closing.strip(" ") not in _QUOTES or not closing.strip(" ") or "\n" in closing:
                continue
            before, after = j - 1, m + 1
            if not all(self._capital_name(st, keep, k) for k in (before, after)):
                continue
            if not any(self.known(words[k], st.lang) for k in (before, after)):
                continue
            found.append(self._finding(st, before, after))
        return found

    def _capital_name(self, st: Statement, keep: list[bool], k: int) -> bool:
        word = st.words[k]
        return (
            not keep[k]
            and word[:1].isupper()
            and word[1:].islower()
            and len(word) >= 2
            and not self.everyday(word, st.lang)
            or (not keep[k] and self.known(word, st.lang) and word[:1].isupper())
        )

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

    def _name_after(
        self, st: Statement, keep: list[bool], j: int, kind: str, person: bool = True
    ) -> tuple[int, int]:
        """First and last token of the name at token j (last < first: none); without a
        pronoun before it ("в нас називають «просто людське»") a quoted phrase in lower
        case is a term, not a nickname."""
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
            term = kind == "called" and not person and st.words[j].islower()
            if close and close in _QUOTES and not term:
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

    def _name_before(
        self, st: Statement, keep: list[bool], i: int, kind: str, pronoun: bool = False
    ) -> int:
        """First token of a capitalised name ending at token i (-1: none); after a pronoun
        ("Кирчо му викаха") the name may open the sentence."""
        tokens = st.tokens
        initial = tokens[i].initial and not pronoun
        if not _joined(st, i, i + 1, _QUOTES) or initial and kind == "called_after":
            return -1
        if not self._name_like(st, keep, i, "i_am" if kind == "i_am_after" else "called", True):
            return -1
        if pronoun and self.everyday(st.words[i], st.lang) and not self.known(st.words[i], st.lang):
            return -1  # "Всички му викаха": everyone called him
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
        if tokens[first].initial and kind == "called_after" and not pronoun:
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
