"""Personal names in any of our languages.

A word starts a name when it is
- a known given or family name (data/names/*.txt, also their Latin spellings when
  written in Cyrillic), also inflected ("Kasią", "Gáborral", "Сашком"); a known name
  that is also an everyday word ("Dan", "Grace", "Nagy") only counts mid-sentence or
  next to another name;
- any capitalised word right after a title ("mevrouw", "pan", "السيد", also over
  particles: "пана ван дер Берга"), a people word ("mijn collega", "the victim,") or a
  naming word ("heet", "called", "un tal", "اسمه");
- a lower-case known name after such a cue or after "met", "with", "z", "مع" ...;
- a known name right before "van de gemeente", "from the church", "z ośrodka" (a person
  and where they work: data/cues.yaml "from" + "institutions", or a public body);
- coordinated with a name: "roos en kim", "Иван Петров и с Маргарита", "pistivel és
  marikával", "María García y con Pepe";
- an unknown capitalised word mid-sentence with a family-name ending (-ski, -escu, -енко);
- a Latin name written in Cyrillic letters ("Блесинг Нгози Окафор", NameForms.sound_key);
- in Arabic, any word after a title that is no function word ("الحاج صلاح").
A form of address that is part of what someone is called ("honorifics" in cues.yaml: "Mama
Joy", "Aunty Precious") goes with the name. The name then grows over the capitalised words
and particles (van, de, El, ال, "عبد الكريم") after it,
and over one unknown capitalised word before a known family name ("Sven Bos").
Must-keep organisations and places never become names.
"""

from __future__ import annotations

import re

from privacy.keep import MustKeep
from privacy.lexicon import DATA, Lexicon, read_yaml
from privacy.name_forms import KUNYA, NameForms
from privacy.name_forms import kunya as _kunya
from privacy.statement import Finding, Statement
from privacy.steps.name_context import NameContext

_MOTHER_KUNYA = frozenset({"أم", "ام"})  # also "or": only before a known name
_INITIAL = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯІЇЄ]")
_CUE_KINDS = ("titles", "roles", "naming", "with", "after", "and", "from")


class _Names:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.keep = MustKeep(lexicon)
        self.forms = NameForms(lexicon)
        self.particles = lexicon.particles
        self.surnames = lexicon.surnames
        # multi-word family names in lower case: ("de", "vries"), ("el", "amrani")
        self.lower_parts = frozenset(
            tuple(w.lower() for w in words) for words in lexicon.name_parts.exact
        )
        self.not_lower = lexicon.not_in_lower_case
        # people words of every language: a chat line's sender may be a role
        self.all_roles = frozenset(
            str(w).lower() for kinds in lexicon.cues.values() for w in kinds.get("roles", ())
        )
        # "magyar, román vagy ukrán", "a Magyar Vöröskereszt": languages and nationalities
        self.language_names = lexicon.language_names
        self.nationalities = lexicon.nationalities
        self.platforms = tuple(str(w).lower() for w in lexicon.keywords["platform"])
        # after "in", "w", "قرب" an unknown capitalised word is the place step's ("в
        # Наалдвейку", "قرب Lutten")
        self.locatives = {
            lang: frozenset(str(w).lower() for w in words or ())
            for lang, words in read_yaml(DATA / "quasi.yaml")["locatives"].items()
        }
        self.keep_words = self.keep
        # weekdays, months, feasts, pronouns: capitalised, never a person ("on Mondays")
        self.not_names = frozenset(
            str(w).lower()
            for ws in read_yaml(DATA / "quasi.yaml")["not_names"].values()
            for w in ws or ()
        )
        self._everyday: dict[str, _EverydayWords] = {}
        self.institutions = frozenset(
            w.lower() for ws in lexicon.cues.values() for w in ws.get("institutions", ())
        )
        # inflected forms too: "Policją", "Poliția", "Фондация"
        self.institution_stems = frozenset(w[:5] for w in self.institutions if len(w) >= 6)
        endings = read_yaml(DATA / "names" / "surname_endings.yaml")
        self.surname_ending = re.compile("(?:" + "|".join(endings) + ")$")
        # "Hotel Zonneveld", "Farm Jansen": a business, not "Sven Bos"
        self.business = frozenset(
            w.lower() for w in read_yaml(DATA / "quasi.yaml")["business_words"]
        ) | frozenset(
            str(w).lower()
            for ws in read_yaml(DATA / "quasi.yaml")["employer_cues"].values()
            for w in ws
            if not str(w).endswith("*")
        )
        self._cues: dict[str, dict[str, frozenset[str]]] = {}
        self.arabic_stops = frozenset(read_yaml(DATA / "introductions.yaml")["ar"]["name_stops"])
        self.honorifics = lexicon.cue_words("", "honorifics")  # "Mama Joy", "Aunty Precious"

    def base(self, word: str, lang: str) -> str | None:
        return self.forms.base(word, lang)

    def platform(self, lowered: str) -> bool:
        """ "Insta", "Telegramie", "Фейсбуку": a platform, also inflected."""
        return lowered.startswith(tuple(p for p in self.platforms if len(p) >= 4))

    def inflected_word(self, word: str, lang: str) -> bool:
        """A case form of an everyday word or of a kept name, place or holiday
        ("Polakach", "Paști", "Держстату")."""
        keep = self.keep_words
        lexicon = self.lexicon
        return (
            keep.inflected_in(word, lang, lexicon.keep_names)
            or keep.inflected_in(word, lang, lexicon.keep_places)
            or keep.inflected_in(word, lang, self._everyday_words(lang))
        )

    def _everyday_words(self, lang: str) -> _EverydayWords:
        words = self._everyday.get(lang)
        if words is None:
            words = self._everyday[lang] = _EverydayWords(self.lexicon, lang)
        return words

    def compound(self, lowered: str, lang: str) -> bool:
        """A Dutch or Hungarian compound that ends in an everyday word of three letters or
        more, or starts with one of four ("Werelddag", "Fraudehelpdesk"): a noun."""
        if lang not in ("nl", "hu"):
            return False
        every = self.lexicon.everyday_word
        return any(
            every(lowered[k:], lang) or (k >= 4 and every(lowered[:k], lang))
            for k in range(3, len(lowered) - 2)
        )

    def institution(self, word: str) -> bool:
        lowered = word.lower()
        return lowered in self.institutions or lowered[:5] in self.institution_stems

    def cues(self, lang: str) -> dict[str, frozenset[str]]:
        """Cue words of a language by kind, and "any" (built once per language)."""
        if lang not in self._cues:
            cues = {kind: self.lexicon.cue_words(lang, kind) for kind in _CUE_KINDS}
            cues["any"] = (
                frozenset().union(
                    *(cues[k] for k in ("titles", "roles", "naming", "with", "after"))
                )
                | KUNYA
            )
            self._cues[lang] = cues
        return self._cues[lang]

    @staticmethod
    def cased(word: str) -> bool:
        """Whether the script has capitals (Arabic has not)."""
        return word.lower() != word.upper()

    # -- the step ------------------------------------------------------------------

    def __call__(self, st: Statement) -> list[Finding]:
        if not st.tokens:
            return []
        ctx = NameContext(self, st)
        seeds = self._seeds(ctx)
        spans = self._grow(ctx, seeds)
        for _ in range(3):  # names coordinated with names found so far
            more = self._coordinated(ctx, spans) - seeds
            if not more:
                break
            seeds |= more
            spans = self._grow(ctx, seeds)
        return [self._finding(st, first, last) for first, last in spans]

    def _seeds(self, ctx: NameContext) -> set[int]:
        st, tokens, words, known, keep = ctx.st, ctx.st.tokens, ctx.st.words, ctx.known, ctx.keep
        cues, common, n = ctx.cues, ctx.common, len(st.tokens)
        seeds: set[int] = set()
        lowered_words, from_words, may_cue = st.lowered, cues["from"], ctx.may_cue
        for i, tok in enumerate(tokens):
            if (
                not known[i]
                and not tok.text[:1].isupper()
                and (i == 0 or not may_cue[i - 1])
                and (i + 1 >= n or lowered_words[i + 1] not in from_words)
            ):
                continue  # no known name, no capital, no cue before, no "van de gemeente"
            if keep[i] or ctx.nationality(i) or ctx.heading(i) or tok.text[:1].isdigit():
                continue  # "I called 0800-7000": a number is no name
            word = tok.text
            lowered = word.lower()
            cased = self.cased(word)
            is_acronym = cased and len(word) > 1 and word.isupper()
            prev = ctx.cue_before(i)
            if lowered.rstrip(".") in cues["titles"] and not _kunya(word):
                continue  # "Dr." after "my colleague" is a title, not a name
            if known[i] and not is_acronym:
                if i + 1 < n and words[i + 1].lower() in cues["after"]:
                    seeds.add(i)  # "Tóth asszony"
                elif not cased:
                    if prev == "kunya" and ctx.kunya_before(i) in _MOTHER_KUNYA:
                        seeds.add(i)  # "أم علي": علي is a name here, not "on me"
                    elif lowered not in common or prev or ctx.next_is_name(i):
                        seeds.add(i)
                elif word[0].isupper():
                    base = (self.base(word, st.lang) or "").lower()
                    ambiguous = (
                        lowered in common
                        or base in common
                        or (tok.initial and self.lexicon.everyday_word(lowered, st.lang))
                    )  # "[10:14] Anya: ..." (mother), "Dan gingen we"
                    if ctx.sender(i):  # "[08:14] Ola: ...", not "[10:14] Mama: ..."
                        if not ambiguous or ctx.next_is_name(i):
                            seeds.add(i)
                    elif (
                        not ambiguous
                        or prev
                        or not tok.initial
                        or ctx.next_is_name(i)
                        or ctx.works_at(i)
                    ):
                        seeds.add(i)
                elif prev and lowered not in common and lowered not in self.not_lower:
                    seeds.add(i)  # lower-case known name after a cue
                elif ctx.works_at(i) and lowered not in common:
                    seeds.add(i)  # "roos van de gemeente" (not Hungarian "sem a főnök")
                continue
            if cased and not word[0].isupper() and ctx.works_at(i) and ctx.lower_known(i):
                seeds.add(i)  # "roos van de gemeente"
                continue
            if (
                prev
                and not is_acronym
                and (
                    lowered not in common
                    # capitalised inside a sentence after a title or a people word:
                    # "Mama Joy", "Madam Gift", "my wife's sister Hope"
                    or (
                        prev in ("titles", "roles")
                        and word[:1].isupper()
                        and not tok.initial
                        and lowered not in self.not_names
                    )
                    or (
                        prev in ("titles", "roles", "naming")
                        and cased
                        and not word[0].isupper()
                        and ctx.lower_known(i)
                    )
                    # Arabic has no capitals: after a title any word that is no function
                    # word ("الحاج صلاح", "مدام ريم", "السيد حيدر")
                    or (
                        prev == "titles"
                        and not cased
                        and word not in self.arabic_stops
                        and lowered not in ctx.cues["any"]
                        and not word.startswith(("و", "ب", "ل"))
                    )
                )
            ):  # "my friend grace"
                if lowered in self.particles and prev in ("titles", "roles", "naming"):
                    if ctx.capital_after_particles(i):
                        seeds.add(i)  # "пана ван дер Берга", "mevrouw van der Berg"
                elif not cased:
                    if prev in ("titles", "naming") or (
                        prev == "kunya" and ctx.kunya_before(i) not in _MOTHER_KUNYA
                    ):
                        seeds.add(i)
                elif word[0].isupper():
                    if prev != "with" and not tok.initial:
                        seeds.add(i)
                elif (
                    lowered not in self.not_lower
                    and lowered not in ctx.cues["any"]
                    and self.forms.lower_base(word, st.lang)
                ):
                    seeds.add(i)  # "mijn collega jan", "met sanne", "z kasią"
                continue
            if not (cased and word[0].isupper() and not is_acronym):
                continue
            if not tok.initial and len(word) >= 5 and self.surname_ending.search(word):
                seeds.add(i)
            elif i + 1 < n and words[i + 1].lower() in cues["after"] and ctx.adjacent(i, i + 1):
                seeds.add(i)
            elif (
                not tok.initial
                and lowered not in common
                and not self.institution(word)
                and ctx.works_at(i)
            ):
                seeds.add(i)  # "met Yara van het wijkteam"
            elif ctx.unknown_proper(i):
                seeds.add(i)  # "Gisteren heeft Wessel ons geholpen"
        return seeds

    def _coordinated(self, ctx: NameContext, spans: list[tuple[int, int]]) -> set[int]:
        """Names joined to a found name by "en", "and", "i", "و" (and maybe "with" again)."""
        tokens, n, found = ctx.st.tokens, len(ctx.st.tokens), set()
        for first, last in spans:
            j = last + 1
            if j + 1 < n and ctx.is_and(j) and ctx.adjacent(last, j):
                k = j + 1
                if k + 1 < n and tokens[k].text.lower() in ctx.cues["with"]:
                    k += 1  # "и с Маргарита", "y con Pepe", "i do jurka"
                if ctx.could_be_name(k):
                    found.add(k)
            j = first - 1
            if j >= 1 and ctx.is_and(j) and ctx.adjacent(j, first):
                k = j - 1
                if ctx.could_be_name(k, before=True):
                    found.add(k)
        return found

    def _grow(self, ctx: NameContext, seeds: set[int]) -> list[tuple[int, int]]:
        st, tokens, n = ctx.st, ctx.st.tokens, len(ctx.st.tokens)
        spans: list[tuple[int, int]] = []
        done: set[int] = set()
        for i in sorted(seeds):
            if i in done:
                continue
            first = last = i
            j = i + 1
            while j < n and ctx.adjacent(j - 1, j):
                if ctx.extends(j) or j in seeds:
                    last = j
                    j += 1
                    continue
                # particles: "de Vries", "van der Linden", "El Amrani", "de la Cruz"
                k = j
                while k < n and tokens[k].text.lower() in self.particles and ctx.adjacent(k - 1, k):
                    k += 1
                if k > j and k < n and ctx.adjacent(k - 1, k) and ctx.family_after_particle(k):
                    # "Carmen del Valle", "Lucía del Río Campos": after a name and a particle
                    # a capitalised word is a family name even when it is a word too
                    last = k
                    j = k + 1
                    if j < n and ctx.adjacent(k, j) and ctx.family_after_particle(j):
                        last = j
                        j += 1
                    continue
                # written in lower case: "mijn collega jan de vries", "met jan jansen"
                k = ctx.lower_family_name(first, j)
                if k:
                    last = k
                    j = k + 1
                    continue
                break
            if first > 0 and _kunya(tokens[first - 1].text) and ctx.adjacent(first - 1, first):
                first -= 1
            elif first > 0 and ctx.unknown_before_surname(first):
                first -= 1  # "Sven Bos"
            elif first > 0 and ctx.capitals_before_given(first):
                first -= 1  # "KOWAL Wiesław", "POPESCU Ion": the family name first, as in forms
            # initials before a name: "R. Bouzid", "J.P. de Vries"
            while (
                first > 0
                and _INITIAL.fullmatch(tokens[first - 1].text)
                and (st.text[tokens[first - 1].end : tokens[first].start].strip() == ".")
            ):
                first -= 1
            done.update(range(first, last + 1))
            spans.append((first, last))
        return spans

    def _finding(self, st: Statement, first: int, last: int) -> Finding:
        tokens = st.tokens
        start, end = tokens[first].start, tokens[last].end
        kunya = _kunya(tokens[first].text)
        if kunya and kunya != tokens[first].text.lower():
            start = tokens[first].end - len(kunya)  # "وام علي": the "و" (and) stays
        before = tokens[first - 1] if first > 0 else None
        if before and before.text.lower() in self.honorifics and before.end + 1 == start:
            start = before.start  # "Mama Joy", "Aunty Precious"
        if st.text[end - 2 : end] in ("'s", "’s"):
            end -= 2
        key = " ".join(
            self._key(t.text, st.lang)
            for t in tokens[first : last + 1]
            if t.text.lower() not in self.particles
        )
        return Finding(start, end, "name", "names", key)

    def _key(self, word: str, lang: str) -> str:
        base = self.base(word, lang) or self.forms.lower_base(word, lang) or word
        return base.lower()


class _EverydayWords:
    """The everyday words of one language as a phrase list ("in", for inflected_in)."""

    def __init__(self, lexicon: Lexicon, lang: str) -> None:
        self.lexicon, self.lang = lexicon, lang

    def __contains__(self, word: str) -> bool:
        return self.lexicon.everyday_word(word, self.lang)


def build(lexicon: Lexicon):
    return _Names(lexicon)
