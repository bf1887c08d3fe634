"""Quasi-identifiers: small places (both profiles; named employers: employers.py).

Cities, provinces, countries and public organisations stay (must-keep lists); what is
left after a place word ("ons dorp", "село"), a locative preposition ("in", "w", "біля")
or an employer word ("uitzendbureau", "firma", "مطعم"), or before a legal form
("B.V.", "Kft.", "ЕООД"), is taken out. After a place word, a village typed in lower
case and without accents ("din satul bogdanesti") is looked up in the folded gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from privacy.cue_words import CueWords, per_language
from privacy.folding import fold_lower
from privacy.keep import MustKeep
from privacy.lexicon import DATA, Lexicon, read_lines, read_yaml
from privacy.name_run import QUOTES as _QUOTES
from privacy.name_run import NameRun
from privacy.sound_keys import HeardPlaces
from privacy.statement import Finding, Statement, outermost

# a Dutch, Polish or four/five-digit postcode right before a town ("3082 KL", "26-050")
_POSTCODE = re.compile(
    r"(?<![\w-])(?:[1-9]\d{3}\s?[A-Z]{2}|\d{2}-\d{3}|\d{4,5})(?=\s+(?:[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯІЇЄҐ]|'s-))"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_SUFFIXED = re.compile(r"(\w{4,})[-'’][a-záéíóöőúüű]{1,4}$")
_OF = frozenset(
    {"de", "of", "van", "din", "del", "lui", "z", "ze", "з", "от", "із"}
)  # "pueblo de X"


class _Settings:
    """data/quasi.yaml, read once, with per-language word sets."""

    def __init__(self, lexicon: Lexicon) -> None:
        raw = read_yaml(DATA / "quasi.yaml")
        self.raw = raw
        self.keep = MustKeep(lexicon)
        self.common = lexicon.common_words
        self.everyday = lexicon.everyday_word
        self.small_places = lexicon.small_places
        self.small_places_folded = lexicon.small_places_folded
        self._lexicon = lexicon
        self.typed_words = lexicon.typed_words
        self.place_words = frozenset(
            fold_lower(w) for w in read_lines(DATA / "places_not_in_lower_case.txt")
        )
        self.typed_endings = {
            lang: (tuple(map(fold_lower, endings)), tuple(map(fold_lower, restore)))
            for lang, (endings, restore) in self.keep.case_endings.items()
        }
        connectors = raw["connectors"]
        shared = frozenset(connectors.get("all", ()))
        self.connectors = {lang: frozenset(ws or ()) | shared for lang, ws in connectors.items()}
        not_names = raw["not_names"]
        every = frozenset(not_names.get("all") or ())
        self.not_names = {lang: frozenset(ws or ()) | every for lang, ws in not_names.items()}
        self.not_names_all = frozenset().union(*self.not_names.values())
        self.place_cues = per_language(raw["place_cues"])
        self.locatives = per_language(raw["locatives"])
        self.weak_locatives = {
            lang: frozenset(words) for lang, words in raw["weak_locatives"].items()
        }
        self.employer_cues = per_language(raw["employer_cues"])
        self.body_cues = per_language(raw["body_cues"])
        self.fillers = frozenset(raw["fillers"])
        self.postpositions = frozenset(raw["postpositions"])
        self.nationalities = lexicon.nationalities
        self.instrumental = {
            lang: tuple(str(e) for e in ends) for lang, ends in raw["instrumental_endings"].items()
        }
        self.endings = {lang: tuple(e) for lang, e in raw["place_endings"].items()}
        self.business = frozenset(w.lower() for w in raw["business_words"])
        self.names = lexicon.first_names | lexicon.surnames
        self.given_names = lexicon.first_names
        self.family_names = lexicon.name_parts  # "De Vries", "El Amrani"
        # what people work at ("z Policją", "de la Primărie") is no place or business
        self.institutions = frozenset(
            w.lower() for kinds in lexicon.cues.values() for w in kinds.get("institutions", ())
        )
        self.institution_stems = tuple(w[:5] for w in self.institutions if len(w) >= 6)
        # "фермі пана ван дер Берга": a title, then a person
        self.titles = frozenset(
            w.lower() for kinds in lexicon.cues.values() for w in kinds.get("titles", ())
        )
        self.heard = HeardPlaces(raw, lexicon, self.locatives.get("ar", CueWords(())))

    def nationality(self, word: str) -> bool:
        """ "Nigeryjką", "Polakiem": a nationality word, no person's name."""
        return word.lower().startswith(self.nationalities)

    def institution(self, word: str) -> bool:
        lowered = word.lower()
        return lowered in self.institutions or lowered.startswith(self.institution_stems)

    def typed_place(self, st: Statement, i: int) -> int:
        """Number of words of a village or small town starting at token i as typed on a
        phone, in lower case and maybe without accents ("bogdanesti", "ветово"); 0 when
        none, or when the words are a kept city, county or country ("suceava") or
        everyday words of the language."""
        words = st.memo.get("folded_words")
        if words is None:
            words = st.memo["folded_words"] = [fold_lower(w) for w in st.words]
        n = self.small_places_folded.match_at(words, i)  # type: ignore[arg-type]
        if n and " ".join(words[i : i + n]) in self.place_words:  # type: ignore[index]
            n = 0  # "in sat" (the village word), "у теплиці" (the greenhouse)
        if not n:
            n = int(self.typed_case_form(words[i], st.lang))  # type: ignore[index]
        if not n:
            return 0
        ordinary = self._lexicon.typed_words(st.lang)
        if all(w in ordinary for w in words[i : i + n]):  # type: ignore[index]
            return 0
        return n

    def typed_case_form(self, folded: str, lang: str) -> bool:
        """A case form of a village typed without capitals or accents ("w sokolce":
        Sokółka, "kisvardarol": Kisvárda, "з кам'янки": Кам'янка)."""
        table = self.typed_endings.get(lang)
        if not table:
            return False
        endings, restore = table
        for ending in endings:
            if folded.endswith(ending) and len(folded) - len(ending) >= 4:
                stem = folded[: len(folded) - len(ending)]
                # Hungarian lengthens a final vowel before a case ending ("Kisvárdáról")
                stems = (stem, stem[:-1] + "a", stem[:-1] + "e") if lang == "hu" else (stem,)
                for base in (b + extra for b in stems for extra in restore):
                    if base in self.small_places_folded and base not in self.place_words:
                        return True
        return False

    def sequence(self, st: Statement) -> NameRun:
        return NameRun(
            st,
            self.keep.token_flags(st),
            self.connectors.get(st.lang, self.connectors["all"]),
            self.not_names.get(st.lang, self.not_names_all),
            self.business,
        )


def build_place(lexicon: Lexicon):
    settings = _Settings(lexicon)
    empty = CueWords(())

    def place(st: Statement) -> list[Finding]:
        tokens = st.tokens
        if not tokens:
            return []
        seq = settings.sequence(st)
        flags = seq.keep
        cues = settings.place_cues.get(st.lang, empty)
        locatives = settings.locatives.get(st.lang, empty)
        # Dutch neighbourhoods in any language ("en la Schilderswijk", "w Tarwewijk")
        endings = settings.endings.get(st.lang, ()) + (
            settings.endings["nl"] if st.lang not in ("nl", "ar") else ()
        )
        found = []
        for i, tok in enumerate(tokens):
            word = tok.text.lower()
            if word in cues or (
                word + "." in cues.abbreviations and st.text[tok.end : tok.end + 1] == "."
            ):
                j = i + 1
                while j < len(tokens) and tokens[j].text.lower() in settings.fillers and j - i <= 4:
                    j += 1
                j = _past_region(seq, j, locatives)  # "un pueblo de Extremadura, Zahínos"
                # "ons dorp, X", "с. Ябълково"; a full stop only after an abbreviation
                # ("van de gemeente. Soms ..." ends a sentence)
                dot = "." if word not in cues else ""
                if j >= len(tokens) or not seq.adjacent(j - 1, j, ",:" + dot + _QUOTES):
                    continue
                if st.lang == "ar":
                    if (
                        not flags[j]
                        and tokens[j].text not in settings.common("ar")
                        and tokens[j].text not in seq.stop
                        and not settings.everyday(tokens[j].text, "ar")
                    ):
                        found.append(_finding(st, j, j, "place", "place_cue"))
                    continue
                last = seq.run(j)
                if (
                    last == j
                    and st.lang in ("bg", "uk")
                    and last + 1 < len(tokens)
                    and seq.adjacent(last, last + 1)
                    and tokens[last + 1].text.islower()
                    and tokens[last + 1].text not in settings.common(st.lang)
                    and st.text[tokens[last + 1].end : tokens[last + 1].end + 1] in ",.;:)"
                ):
                    last += 1  # "село Бяла черква, ...": a second word in lower case
                if last >= 0:
                    found.append(_finding(st, j, last, "place", "place_cue"))
                else:  # "din satul bogdanesti", "een gehucht bij heeswijk"
                    k = j + 1 if tokens[j].text.lower() in locatives else j
                    n = settings.typed_place(st, k) if k < len(tokens) else 0
                    if n and seq.adjacent(k - 1, k) and not flags[k]:
                        found.append(_finding(st, k, k + n - 1, "place", "place_cue"))
            elif word in locatives and i + 1 < len(tokens) and seq.adjacent(i, i + 1):
                nxt = tokens[i + 1]
                if nxt.text.islower() and not flags[i + 1]:  # "uit maasdijk", "w sokolce"
                    if settings.nationality(nxt.text):
                        continue  # "з українками": with Ukrainian women, not from Українка
                    n = settings.typed_place(st, i + 1)
                    if n:
                        found.append(_finding(st, i + 1, i + n, "place", "typed_place"))
                    continue
                if (
                    seq.name_like(i + 1)
                    and not nxt.text.isupper()
                    and not settings.institution(nxt.text)
                ):
                    weak = word in settings.weak_locatives.get(st.lang, ())
                    last = seq.run(i + 1)
                    instrumental = settings.instrumental.get(st.lang, ("\0",))
                    run = tokens[i + 1 : last + 1]
                    if weak and any(t.text.endswith(instrumental) for t in run):
                        # "z Ołeną Kowalczuk", "z Różą": with someone, not from somewhere
                        # (a kept body, "z La Stradą", is dropped by the must-keep filter)
                        if (
                            last >= 0
                            and not settings.nationality(nxt.text)
                            and not any(settings.everyday(t.text, st.lang) for t in run)
                        ):
                            found.append(_finding(st, i + 1, last, "name", "with_someone"))
                        continue
                    if (
                        last == i + 1
                        and weak
                        and settings.everyday(nxt.text, st.lang)
                        and not settings.small_places.match_at(st.words, i + 1)
                    ):
                        continue  # "Ministerio de Inclusión", "із Законом": a word, no
                        # place ("in Velden", "din Vaslui": places in the gazetteer)
                    if last >= 0 and not all(t.text.lower() in seq.connectors for t in run):
                        found.append(_finding(st, i + 1, last, "place"))  # not "La" alone
            elif word in settings.postpositions and i > 0 and seq.adjacent(i - 1, i):
                prev = tokens[i - 1]
                known = settings.small_places.match_at(st.words, i - 1)  # "Boxtel mellett" first
                if prev.text[:1].isupper() and (known or not prev.initial) and not flags[i - 1]:
                    found.append(_finding(st, i - 1, i - 1, "place"))
            elif (
                st.lang == "hu"
                and tok.text.islower()
                and len(tok.text) >= 8
                and not flags[i]
                and settings.typed_case_form(fold_lower(tok.text), "hu")
                and fold_lower(tok.text) not in settings.typed_words("hu")
            ):  # Hungarian says "from" with a suffix: "kisvárdáról jöttem", "tiszalökön"
                found.append(_finding(st, i, i, "place", "typed_place"))
            elif (
                endings
                and st.lang == "ar"
                and tok.text.endswith(endings)
                and len(tok.text) >= 6
                and not flags[i]
            ):
                found.append(_finding(st, i, i, "place"))  # "بليسفايك": Bleiswijk
            elif st.lang == "ar" and not flags[i] and (heard := settings.heard(st, i)):
                end = tok.end  # "بزوتفن": the place without the glued "in"
                found.append(Finding(end - heard, end, "place", "heard_place", tok.text[-heard:]))
            elif (
                endings
                and tok.text[:1].isupper()
                and not tok.initial
                and not flags[i]
                and len(tok.text) >= 5
                and tok.text.endswith(endings)
                and not tok.text.isupper()
                and not _inflected_name(tok.text, endings, settings.names)
                and not _suffixed_word(tok.text, settings.everyday)
            ):
                found.append(_finding(st, i, i, "place"))  # "Ózdról", "de Schilderswijk"
            elif not flags[i] and tok.text[:1].isupper() and not tok.text.isupper():
                n = 0 if tok.initial else settings.small_places.match_at(st.words, i)
                if not n and not tok.initial and _SUFFIXED.match(tok.text):
                    # a suffix after a hyphen or apostrophe: "Wassenaar-i", "Asten'e"
                    head = _SUFFIXED.match(tok.text).group(1)  # type: ignore[union-attr]
                    n = settings.small_places.match_at([head], 0)
                if n and not _known_name(st, i, settings):
                    found.append(_finding(st, i, i + n - 1, "place", "gazetteer"))
                elif (
                    not n
                    and settings.keep.inflected_in(tok.text, st.lang, settings.small_places)
                    and not _known_name(st, i, settings)
                    and not settings.common(st.lang).intersection((tok.text.lower(),))
                ):  # a case form is evidence enough, also first: "Tiszabőn nőttem fel"
                    found.append(_finding(st, i, i, "place", "gazetteer"))
        if st.has_digits:
            found += _places_after_postcodes(st, flags, settings.everyday)
        return outermost(found)

    return place


def _places_after_postcodes(
    st: Statement, flags: list[bool], everyday: Callable[[str, str], bool]
) -> list[Finding]:
    """The town right after a postcode ("2514 ED Den Haag" stays: a kept city;
    "26-050 Wąchock" goes); a year is no postcode when a word follows ("In 2019 I left",
    "sinds 2020 We")."""
    places = []
    tokens = st.tokens
    for m in _POSTCODE.finditer(st.text):
        i = st.token_index_at(m.end())
        if (
            _YEAR.fullmatch(m.group())
            and i < len(tokens)
            and (len(tokens[i].text) == 1 or everyday(tokens[i].text, st.lang))
        ):
            continue
        last = i - 1
        while (
            last + 1 < len(tokens)
            and last + 1 - i < 3
            and (tokens[last + 1].text[:1].isupper() or tokens[last + 1].text[:3] == "'s-")
            and st.text[
                (tokens[last].end if last >= i else m.end()) : tokens[last + 1].start
            ].strip(" -'")  # "2691 BH 's-Gravenzande"
            == ""
            and not flags[last + 1]
        ):
            last += 1
        if last >= i:
            places.append(Finding(tokens[i].start, tokens[last].end, "place", "place_cue"))
    return places


def _known_name(st: Statement, i: int, settings: _Settings) -> bool:
    """A town that is also a given or family name ("Zoë", "Jansen") needs a cue."""
    word = st.words[i]
    return word in settings.names or settings.everyday(word, st.lang)


def _past_region(seq: NameRun, j: int, locatives: CueWords) -> int:
    """Index after "de Extremadura," / "in Limburg," between a place word and its name."""
    tokens, n = seq.st.tokens, len(seq.st.tokens)
    k = j
    word = tokens[k].text.lower() if k < n else ""
    if k + 1 < n and (word in locatives or word in _OF) and seq.adjacent(k, k + 1):
        k += 1
    if k >= n or not seq.keep[k]:
        return j
    while k < n and seq.keep[k]:
        k += 1
    if k < n and seq.st.text[tokens[k - 1].end : tokens[k].start].strip() in (",", ":", "-", "–"):
        return k
    return j


def _suffixed_word(word: str, everyday: Callable[[str, str], bool]) -> bool:
    """A case ending glued to an acronym or a Dutch word with a hyphen ("BSN-igénylésnél",
    "Ministerie-nél", "FNV-nél"): no place."""
    head = word.split("-")[0]
    return "-" in word and (head.isupper() or everyday(head, "nl") or everyday(head, "en"))


def _inflected_name(word: str, endings: tuple[str, ...], names: frozenset[str]) -> bool:
    """Whether a word with a place ending is rather a known name with a case ending
    ("Robiról"); a neighbourhood's head word is no case ending ("Schilderswijk" stays a
    place although "Schilder" is a family name)."""
    if any(word.endswith(e) for e in endings if len(e) > _CASE_ENDING):
        return False
    return bool(_name_stems(word, names))


_CASE_ENDING = 3  # letters at most: "ról", "nál"; "wijk", "buurt" are words of their own


def _name_stems(word: str, names: frozenset[str]) -> list[str]:
    """Known names the word could be an inflected form of (Robival -> Robi); endings are
    short, so "Transvaalbuurt" is no form of "Tran"."""
    return [word[:k] for k in range(len(word) - 1, max(2, len(word) - 6), -1) if word[:k] in names]


def _finding(st: Statement, first: int, last: int, label: str, step: str = "") -> Finding:
    start, end = st.tokens[first].start, st.tokens[last].end
    text = st.text
    if start > 0 and text[start - 1] in _QUOTES and end < len(text) and text[end] in _QUOTES:
        start, end = start - 1, end + 1
    elif end < len(text) and text[end] in _QUOTES and any(q in text[start:end] for q in _QUOTES):
        end += 1  # ТОВ «Агро-Захід»
    return Finding(start, end, label, step or label, text[start:end].lower())
