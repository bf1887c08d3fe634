"""Must-keep: what de-identification leaves alone, so quotes stay useful.

Public bodies and national organisations, platforms, well-known public figures,
cities, provinces and countries (data/keep/*.txt), titles of projects and programmes
("het project Koers en Kansen", data/keep/titles.txt) and legal references
(data/keep/legal.yaml). A name, place, street or organisation finding that touches one
of them is dropped; a number inside a legal reference ("ECLI:NL:HR:2016:1234",
"Richtlijn 2011/36/EU") is not an identifier, nor is one inside a public phone number
that the phone step recognised (0800 ...). A name right after an article that never
stands before a person's name ("het Rijk", "the Salvation Army") is not a name.
"""

from __future__ import annotations

import itertools

from privacy import match_starts
from privacy.lexicon import DATA, Lexicon, PhraseList, read_yaml
from privacy.statement import HARD_LABELS, Finding, Statement

_TITLE_JOINS = frozenset(
    {
        "en",
        "and",
        "&",
        "of",
        "voor",
        "van",
        "de",
        "het",
        "the",
        "for",
        "y",
        "i",
        "și",
        "и",
        "і",
        "és",
        "del",
        "la",
        "el",
        "на",
        "за",
    }
)
# words inside a portfolio between an office and a name ("ministra de Igualdad",
# "minister van Justitie", "Secretary of State for the Home Department")
_PORTFOLIO_JOINS = frozenset(
    {
        "de",
        "del",
        "la",
        "el",
        "van",
        "voor",
        "of",
        "for",
        "the",
        "на",
        "за",
        "з",
        "do",
        "spraw",
        "pentru",
        "al",
        "a",
    }
)  # fmt: skip (not "en", "and": "de minister en Anna Jansen")
_TITLE_QUOTES = " \"'“”„«»‘’"
# words between a region and its compass word: "Africa de Vest", "Europa del Este"
_COMPASS_JOINS = frozenset({"de", "del", "of", "van"})
_MAX_TITLE_WORDS = 8


_CUED = frozenset({"employer_cue", "organisation"})  # steps that name a business by its cue


class MustKeep:
    def __init__(self, lexicon: Lexicon) -> None:
        # the same matches as re.compile, tried only where a reference can start
        self.legal = match_starts.compile("|".join(f"(?:{p})" for p in lexicon.legal))
        self.names = lexicon.keep_names
        self.places = lexicon.keep_places
        self.typed_places = lexicon.keep_places_typed
        self.small_places = lexicon.small_places
        self.compass = lexicon.keep_compass
        self.titles = lexicon.keep_titles
        self.not_before_names = {
            lang: kinds.get("not_before", frozenset()) for lang, kinds in lexicon.cues.items()
        }
        self.particles = lexicon.particles
        self.offices = {
            lang: kinds.get("offices", frozenset()) for lang, kinds in lexicon.cues.items()
        }
        self._inflected: dict[tuple[str, str, int], bool] = {}
        # a token that is none of these starts no kept place or body as written
        # (PhraseList.match_at's own test)
        self._heads = lexicon.keep_heads()
        self.case_endings = {
            lang: (tuple(table["endings"]), tuple(table["restore"]))
            for lang, table in read_yaml(DATA / "keep" / "case_endings.yaml").items()
        }

    def inflected_place(self, word: str, lang: str) -> bool:
        """A case form of a kept place: "Dubaju" (Dubaj), "Lisszabonban", "Дубаї"."""
        return self.inflected_in(word, lang, self.places)

    def inflected_in(self, word: str, lang: str, places: PhraseList) -> bool:
        """A case form of a place in ``places`` ("Tiszabőn": Tiszabő)."""
        key = (word, lang, id(places))
        known = self._inflected.get(key)
        if known is None:
            if len(self._inflected) > 100_000:
                self._inflected.clear()
            known = self._inflected[key] = self._inflected_in(word, lang, places)
        return known

    def _inflected_in(self, word: str, lang: str, places: PhraseList) -> bool:
        table = self.case_endings.get(lang)
        if not table or not word[:1].isupper():
            return False
        endings, restore = table
        for ending in endings:
            if not word.endswith(ending) or len(word) - len(ending) < 4:
                continue
            stem = word[: len(word) - len(ending)]
            if lang == "hu" and stem[-1] in "áé":  # Indiába -> India
                stem_forms = (stem, stem[:-1] + ("a" if stem[-1] == "á" else "e"))
            else:
                stem_forms = (stem,)
            for base in stem_forms:
                if any(base + extra in places for extra in restore):
                    return True
        return False

    def _bases(self, word: str, lang: str, first: bool = True) -> list[str]:
        """The word and what it may be the case form of ("Stradą": Strada, Stradą); a
        first word only when capitalised ("Трудової інспекції")."""
        table = self.case_endings.get(lang)
        bases = [word]
        if table and (word[:1].isupper() or not first):
            endings, restore = table
            for ending in endings:
                if word.endswith(ending) and len(word) - len(ending) >= 3:
                    stem = word[: len(word) - len(ending)]
                    bases += [stem + extra for extra in restore]
        return bases

    def inflected_name_at(self, words: list[str], i: int, lang: str) -> int:
        """Words of a kept body in a case form at ``words[i]``: "z La Stradą", "Armii
        Zbawienia", "з Нацполіцією", "Инспекцията по труда" (0: none)."""
        if lang not in self.case_endings or not words[i][:1].isupper():
            return 0
        heads = self.names.heads
        firsts = [b for b in self._bases(words[i], lang) if b in heads or b[:3] in heads]
        if not firsts:
            return 0  # no kept name starts so: most words end here
        for n in range(min(3, len(words) - i), 0, -1):
            rest = [self._bases(w, lang, False) for w in words[i + 1 : i + n]]
            options = [firsts, *rest]
            if firsts == [words[i]] and all(len(o) == 1 for o in rest):
                continue  # nothing inflected: the plain match has had its turn
            for candidate in itertools.islice(itertools.product(*options), 200):
                if self.names.match_at(list(candidate), 0) == n:
                    return n
        return 0

    def token_flags(self, st: Statement) -> list[bool]:
        """Per token: part of a must-keep organisation or place."""
        flags = st.memo.get("keep_tokens")
        if flags is None:
            words = st.words
            flags = [False] * len(words)
            places = [False] * len(words)
            heads, inflects = self._heads, st.lang in self.case_endings
            for i, word in enumerate(words):
                listed = word in heads or word[:3] in heads
                # only a capitalised word of a language with case forms is inflected
                if not listed and not (inflects and word[:1].isupper()):
                    n = 0
                else:
                    at_place = (
                        (listed and self.places.match_at(words, i))
                        or (listed and self.typed_places.match_at(words, i))
                        or int(self.inflected_place(word, st.lang))
                    )
                    at_name = (listed and self.names.match_at(words, i)) or self.inflected_name_at(
                        words, i, st.lang
                    )
                    n = max(at_name, at_place)
                    if n and self.small_places.match_at(words, i) > n:
                        n = 0  # "Нова Загора": a town, although "Нова" is a channel
                for j in range(i, i + n):
                    flags[j] = True
                    places[j] = places[j] or j < i + at_place
                # hyphenated compounds of places and compass words: Noord-Brabant,
                # Észak-Magyarországról (not a village named after its county:
                # "Vânători-Neamț")
                if not n and "-" in words[i]:
                    parts = [p for p in words[i].split("-") if p]
                    at = [p in self.places or self.inflected_place(p, st.lang) for p in parts]
                    places[i] = any(at) and all(
                        found or p.lower() in self.compass
                        for p, found in zip(parts, at, strict=True)
                    )
                    flags[i] = places[i] or any(p in self.names for p in parts)
                if words[i].lower() in self.titles:
                    for j in self._title_after(st, i):
                        flags[j] = True
            self._compass_words(st, places, flags)
            st.memo["keep_tokens"] = flags
        return flags  # type: ignore[return-value]

    def _compass_words(self, st: Statement, places: list[bool], flags: list[bool]) -> None:
        """Flag "Central" in "Central Asia", "Środkowej" in "Azji Środkowej", "Vest" in
        "Africa de Vest": a compass word next to a kept place belongs to it."""
        words, tokens, n = st.words, st.tokens, len(st.words)

        def joined(i: int, j: int) -> bool:
            gap = st.text[tokens[i].end : tokens[j].start]
            return gap.strip(" -") == "" and "\n" not in gap

        for i in range(n):
            if flags[i] or words[i].lower() not in self.compass:
                continue
            for j, via in ((i + 1, None), (i - 1, None), (i - 2, i - 1), (i + 2, i + 1)):
                if not 0 <= j < n or not places[j]:
                    continue
                if via is None and joined(min(i, j), max(i, j)):
                    flags[i] = True
                elif (
                    via is not None
                    and 0 <= via < n
                    and words[via].lower() in _COMPASS_JOINS
                    and joined(min(i, via), max(i, via))
                    and joined(min(j, via), max(j, via))
                ):
                    flags[i] = flags[via] = True
                if flags[i]:
                    break

    @staticmethod
    def _title_after(st: Statement, i: int) -> range:
        """Tokens of the capitalised title after token i ("project Koers en Kansen")."""
        tokens, n = st.tokens, len(st.tokens)
        last, j = i, i + 1
        while j < n and j - i <= _MAX_TITLE_WORDS:
            if (
                st.text[tokens[j - 1].end : tokens[j].start].strip(_TITLE_QUOTES)
                or tokens[j].initial
            ):
                break
            word = tokens[j].text
            if word[:1].isupper():
                last = j
            elif word.lower() not in _TITLE_JOINS:
                break
            j += 1
        return range(i + 1, last + 1)

    def after_article(self, st: Statement, f: Finding) -> bool:
        """A name finding right after "het", "the" ...: "het Rijk" is no person."""
        articles = self.not_before_names.get(st.lang)
        if not articles:
            return False
        i = st.token_index_at(f.start) - 1
        if i < 0 or st.text[st.tokens[i].end : f.start].strip():
            return False
        return st.words[i].lower() in articles and (
            i == 0 or st.words[i - 1].lower() not in self.particles
        )

    def in_office(self, st: Statement, f: Finding) -> bool:
        """A name right after a national public office, also over its portfolio
        ("Minister Van Hijum", "ministra de Igualdad Ana Redondo", "رئيس الوزراء"), or
        (Hungarian) right before one ("Orbán Viktor miniszterelnök"): a public figure."""
        offices = self.offices.get(st.lang)
        if not offices:
            return False
        words, tokens = st.words, st.tokens
        first = st.token_index_at(f.start)
        k = first - 1
        while k >= 0 and first - k <= 4:
            if st.text[tokens[k].end : tokens[k + 1].start].strip(" ,"):
                return False
            word = words[k].lower()
            if word in offices:
                return True
            if not (words[k][:1].isupper() or word in _PORTFOLIO_JOINS):
                return False
            k -= 1
        if st.lang == "hu":
            after = st.token_index_at(f.end)
            return after < len(words) and words[after].lower() in offices
        return False

    def spans(self, st: Statement) -> list[tuple[int, int]]:
        spans = st.memo.get("keep_spans")
        if spans is None:
            spans = list(self.legal_spans(st))
            flags = self.token_flags(st)
            spans += [(t.start, t.end) for t, keep in zip(st.tokens, flags, strict=False) if keep]
            st.memo["keep_spans"] = spans
        return spans  # type: ignore[return-value]

    def legal_spans(self, st: Statement) -> list[tuple[int, int]]:
        spans = st.memo.get("legal_spans")
        if spans is None:  # the filter runs twice per statement (findings, then echoes)
            spans = st.memo["legal_spans"] = [m.span() for m in self.legal.finditer(st.text)]
        return spans  # type: ignore[return-value]

    @staticmethod
    def _all_kept(st: Statement, f: Finding, spans: list[tuple[int, int]]) -> bool:
        inside = [
            t
            for t in st.tokens
            if f.start <= t.start and t.end <= f.end and t.text.lower() != t.text  # "și", "&"
        ]
        return all(any(s <= t.start and t.end <= e for s, e in spans) for t in inside)

    def filter(self, st: Statement, findings: list[Finding]) -> list[Finding]:
        spans = self.spans(st)
        legal = self.legal_spans(st) + list(st.memo.get("public_numbers", ()))
        kept = []
        for f in findings:
            if any(s <= f.start and f.end <= e for s, e in legal):
                continue
            if f.label not in HARD_LABELS and any(f.overlaps(s, e) for s, e in spans):
                # a business named after a cue word keeps its name when only part of it is
                # a kept place or body ("firma Transilvania Staff", "Champi Brabant BV")
                if f.step not in _CUED or self._all_kept(st, f, spans):
                    continue
            if f.label == "name" and self.after_article(st, f):
                continue
            if f.label in ("name", "place") and self.in_office(st, f):
                continue
            kept.append(f)
        return kept
