"""Named employers and other bodies (both profiles): a company, farm, agency, restaurant
or salon becomes an ``employer`` ([werkgever]), also one named after its owner ("ferma de
legume Dumitrescu", "Fehér Farm Kft."); a foundation or shelter an ``organisation``
([organisatie]). Found after a kind of business ("uitzendbureau FlexPlus", "agencja pracy
Polmex", "the packing plant of X"), before a legal form ("B.V.", "Kft.", "ЕООД"), or as a
capitalised name with a kind of business in it ("Car Wash Speedy"). Must-keep national
organisations stay (data/keep/).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from privacy.cue_words import CueWords
from privacy.lexicon import DATA, Lexicon, read_yaml
from privacy.name_run import QUOTES as _QUOTES
from privacy.name_run import NameRun
from privacy.statement import Finding, Statement, outermost
from privacy.steps.quasi import _OF, _finding, _Settings

# a brand made of a word, "4" or "2" and a word: staffing agencies ("Work4You", "Go4Work",
# "Flex4U", "Jobs2Go")
_NUMBER_BRAND = re.compile(r"(?<![\w.@/])[A-Z][A-Za-z]+[24](?:[A-Z][A-Za-z]*)(?![\w.@/])")


def build_organisation(lexicon: Lexicon):
    settings = _Settings(lexicon)
    raw = settings.raw
    empty = CueWords(())
    forms = sorted(raw["legal_forms"], key=len, reverse=True)
    legal_form = re.compile(r"\s*(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")
    after = sorted(raw["organisation_after"], key=len, reverse=True)
    after_noun = re.compile(r"\s+(?:" + "|".join(re.escape(a) for a in after) + r")\b", re.I)
    form_words = frozenset(f.rstrip(".") for f in forms if " " not in f)
    lowercase_names = frozenset(raw["lowercase_names"])
    prefix_forms = frozenset(str(f) for f in raw["prefix_legal_forms"])
    suffix_forms = form_words - prefix_forms

    # the words after an Arabic cue that say what a business does, not its name (one list,
    # data/arabic_premises.yaml, for this step and steps/arabic_premises.py)
    arabic_trades = frozenset(str(w) for w in read_yaml(DATA / "arabic_premises.yaml")["stops"])
    dutch_employers = settings.employer_cues.get("nl", empty)
    dutch_bodies = settings.body_cues.get("nl", empty)

    def organisation(st: Statement) -> list[Finding]:
        tokens = st.tokens
        if not tokens:
            return []
        seq = settings.sequence(st)
        flags = seq.keep
        employers = settings.employer_cues.get(st.lang, empty)
        bodies = settings.body_cues.get(st.lang, empty)
        common = settings.common(st.lang)
        found = []
        for i, tok in enumerate(tokens):
            lowered = tok.text.lower()
            # a capitalised Dutch cue opens a name in any language ("Stichting Het Baken",
            # "Tuinbouwbedrijf Van Leeuwen" in a Romanian or Spanish answer)
            dutch = tok.text[:1].isupper() and st.lang != "nl"
            body = lowered in bodies or (dutch and lowered in dutch_bodies)
            employer = lowered in employers or (dutch and lowered in dutch_employers)
            if (body or employer) and i + 1 < len(tokens):
                label, step = (
                    ("organisation", "organisation") if body else ("employer", "employer_cue")
                )
                j = i + 1
                if tok.text[:1].isupper() and j < len(tokens) and tokens[j].text in suffix_forms:
                    # "Fehér Farm Kft.": the kind of business ends the name
                    first = i
                    while first > 0 and seq.name_like(first - 1) and seq.adjacent(first - 1, first):
                        first -= 1
                    f = _finding(st, first, i, label, step)
                    found.append(_extend(f, st, legal_form))
                    continue
                if j + 1 < len(tokens) and tokens[j].text in _OF:
                    j += 1  # "the packing plant of X", "ferma lui X"
                j = _past_kind(st, j, common, settings)  # "agencja pracy X", "ferma de legume X"
                while j < len(tokens) and tokens[j].text in prefix_forms:  # ТОВ «Агро-Захід»
                    j += 1
                if j >= len(tokens) or not seq.adjacent(j - 1, j, _QUOTES + "".join(form_words)):
                    continue
                if tokens[j].initial:
                    continue  # "... in a hotel. In reality": a new sentence names nothing
                if st.lang == "ar" and not tokens[j].text[:1].isascii():  # Latin: as others
                    if (
                        not flags[j]
                        and tokens[j].text not in common
                        and tokens[j].text not in seq.stop
                        and tokens[j].text not in arabic_trades  # "مصنع اللحوم"
                        and (  # "مطعم الوردة" names it, "صالون تجميل" says what it is
                            tokens[j].text.startswith("ال")
                            or not settings.everyday(tokens[j].text, "ar")
                        )
                    ):
                        found.append(_finding(st, i + 1, j, label, step))
                    continue
                last = seq.run(j, through_kept=True)
                if last < 0:
                    continue
                last = _to_closing_quote(st, j, last)  # хотел „Морска звезда“
                if (
                    st.lang in lowercase_names
                    and last == j
                    and last + 1 < len(tokens)
                    and seq.adjacent(last, last + 1)
                    and tokens[last + 1].text.islower()
                    and tokens[last + 1].text not in common
                ):
                    last += 1  # "ресторант Златна рибка"
                first = i if tok.text[:1].isupper() and not tok.initial else i + 1
                if j > i + 1 and not tokens[i + 1].text[:1].isupper():
                    first = j  # the kind of business in lower case stays: "agencji pracy [X]"
                found.append(_extend(_finding(st, first, last, label, step), st, legal_form))
        found += _business_runs(seq, settings.business, common, settings.everyday)
        found += _dutch_named(seq, settings)
        if st.has_digits:
            found += [_number_brand(seq, m) for m in _NUMBER_BRAND.finditer(st.text)]
        for m in legal_form.finditer(st.text):
            i = st.token_index_at(m.start()) - 1
            if i < 0 or tokens[i].end > m.start() or not seq.name_like(i):
                continue
            if m.group().strip() in prefix_forms:
                continue  # "ТОВ", "SC" stand before the name (below)
            first = i
            while first > 0 and not tokens[first].initial:
                if (
                    seq.name_like(first - 1)
                    and seq.adjacent(first - 1, first)
                    and not flags[first - 1]
                ):
                    first -= 1
                elif (  # "Kovács és Társa Kft." (not "Anna en Bakker B.V.")
                    first > 1
                    and tokens[first - 1].text.lower() in seq.connectors
                    and seq.adjacent(first - 2, first - 1)
                    and seq.adjacent(first - 1, first)
                    and seq.name_like(first - 2)
                    and not flags[first - 2]
                    and tokens[first - 2].text not in settings.given_names
                ):
                    first -= 2
                elif (  # "Jansen & Zonen B.V."
                    seq.adjacent(first - 1, first, "&")
                    and "&" in st.text[tokens[first - 1].end : tokens[first].start]
                    and seq.name_like(first - 1)
                    and not flags[first - 1]
                ):
                    first -= 1
                else:
                    break
            if tokens[first].initial and first < i and tokens[first].text.lower() in common:
                first += 1  # "A Kovács és Társa Kft.": the article stays
            if seq.name_like(first) and not flags[first]:
                start = tokens[first].start
                if (
                    start
                    and st.text[start - 1] in _QUOTES
                    and any(q in st.text[start : m.end()] for q in _QUOTES)
                ):
                    start -= 1  # „Агро Експрес“ ЕООД
                found.append(Finding(start, m.end(), "employer", "organisation"))
        for i, tok in enumerate(tokens):  # "ТОВ «Світанок-Агро»", "SC Agro Best SRL"
            if tok.text not in prefix_forms or i + 1 >= len(tokens):
                continue
            if not seq.adjacent(i, i + 1, _QUOTES) or flags[i + 1]:
                continue
            last = seq.run(i + 1)
            if last >= 0:
                found.append(
                    _extend(_finding(st, i, last, "employer", "organisation"), st, legal_form)
                )
        for m in after_noun.finditer(st.text):
            i = st.token_index_at(m.start()) - 1
            if i < 0:
                continue
            first = i
            while (
                first > 0
                and seq.name_like(first - 1)
                and seq.adjacent(first - 1, first)
                and not tokens[first].initial
            ):
                first -= 1
            if tokens[first].initial and first < i and tokens[first].text.lower() in common:
                first += 1  # "A Zöldmező Kertészet": the article stays
            if seq.name_like(i) and not flags[i] and not tokens[first].initial:
                if m.group().strip()[:1].isupper():  # "Happy Nails": the noun is in the name
                    found.append(Finding(tokens[first].start, m.end(), "employer", "organisation"))
                else:
                    found.append(_finding(st, first, i, "employer", "organisation"))
        return outermost(found)

    return organisation


_OPENING = "„“«\"'‘"
_CLOSING = "“”»\"'’"


def _to_closing_quote(st: Statement, j: int, last: int) -> int:
    """The last token of a quoted name that opens right before token j: a name in quotes
    runs to its closing quote, lower-case words too ("„Морска звезда“", "'De oude
    schuur'"), when that quote comes within four words."""
    tokens, text = st.tokens, st.text
    before = text[tokens[j - 1].end if j else 0 : tokens[j].start]
    if not before.strip() or before.strip()[-1] not in _OPENING:
        return last
    for k in range(last, min(j + 4, len(tokens))):
        gap_end = tokens[k + 1].start if k + 1 < len(tokens) else len(text)
        gap = text[tokens[k].end : gap_end]
        if gap.strip()[:1] in _CLOSING and gap.strip():
            return k
        if gap.strip(" -"):
            break
    return last


def _past_kind(st: Statement, j: int, common: frozenset[str], settings: _Settings) -> int:
    """Past one or two lower-case words saying what kind of business it is, when a name
    follows: "agencja pracy Polmex", "ferma de căpșuni Ionescu" (not "the farm where
    Jan worked": "where" is an everyday function word)."""
    tokens, n = st.tokens, len(st.tokens)
    k = j
    while (
        k < n
        and k - j < 3
        and tokens[k].text.islower()
        and len(tokens[k].text) >= 3
        and tokens[k].text not in common
        and tokens[k].text not in settings.titles
        or (k < n and k > j and tokens[k].text in _OF)
    ):
        k += 1
    if k > j and k < n and tokens[k].text[:1].isupper() and not tokens[k].initial:
        return k
    return j


_DUTCH_ARTICLES = frozenset({"De", "Het", "'t"})


def _dutch_named(seq: NameRun, settings: _Settings) -> list[Finding]:
    """A Dutch article written with a capital inside a sentence opens the name of a farm,
    a camping, a shelter or a business ("De Zonnehoeve", "De Regenboog", "bij De Linde"),
    in any language; a village named so is the place step's ("De Lier")."""
    tokens, found = seq.st.tokens, []
    for i, tok in enumerate(tokens[:-1]):
        if tok.text not in _DUTCH_ARTICLES or tok.initial or seq.keep[i]:
            continue
        if settings.small_places.match_at(seq.st.words, i) or not seq.adjacent(i, i + 1):
            continue
        last = seq.run(i + 1)
        if last < 0 or settings.small_places.match_at(seq.st.words, i + 1):
            continue
        if settings.family_names.match_at(seq.st.words, i):
            continue  # "De Vries", "De Groot": a person (the names step)
        found.append(_finding(seq.st, i, last, "employer", "employer_cue"))
    return found


def _number_brand(seq: NameRun, m: re.Match[str]) -> Finding:
    """ "Work4You", and the capitalised words that go on with it ("Work4You Polska")."""
    st, end = seq.st, m.end()
    i = st.token_index_at(m.start())
    last = i
    while (
        last + 1 < len(st.tokens)
        and seq.adjacent(last, last + 1)
        and seq.name_like(last + 1)
        and not st.tokens[last + 1].initial
    ):
        last += 1
    end = max(end, st.tokens[last].end)
    return Finding(m.start(), end, "employer", "employer_cue", st.text[m.start() : end].lower())


# words shaped like a kind of business: "Flexwork", "Flexpoint" (not "flexibel"), Dutch
# compounds ("Bouwbedrijf", "Champignonkwekerij"), and brands written as one word with a
# capital inside ("BalkanFlex", "JobStar")
_BUSINESS_SHAPE = re.compile(
    r"(?i:(?<!\w)flex(?!ib)\w{2,}|\w{2,}(?:bedrijf|kwekerij|tuinderij|slachterij|bakkerij)(?!\w))"
    r"|(?<!\w)[A-Z][a-z]+[A-Z][a-z]+(?!\w)"
)
_CAMEL_PARTS = re.compile(r"[A-Z][a-z]+")


def _business_shaped(word: str, business: frozenset[str]) -> bool:
    """A word that is a kind of business by its shape (a run with it is a business's
    name: "Flexwork Plus", "Bouwbedrijf Kaczmarek Holland")."""
    lowered = word.lower()
    if lowered.startswith("flex") and not lowered.startswith("flexib") and len(lowered) > 5:
        return True
    if lowered.endswith(("bedrijf", "kwekerij", "tuinderij", "slachterij", "bakkerij")):
        return len(lowered) > 9
    return _camel_business(word, business)


def _camel_business(word: str, business: frozenset[str]) -> bool:
    """ "BalkanFlex", "JobStar": one word, two capitalised parts, one a kind of business."""
    parts = _CAMEL_PARTS.findall(word)
    return len(parts) >= 2 and "".join(parts) == word and any(p.lower() in business for p in parts)


def _business_runs(
    seq: NameRun,
    business: frozenset[str],
    common: frozenset[str],
    everyday: Callable[[str, str], bool],
) -> list[Finding]:
    """Capitalised names with a kind of business in them: "Car Wash Speedy", "Golden
    Palace Massage", "Hotel Zonneveld" (not the word that starts the sentence: "At")."""
    shaped = _BUSINESS_SHAPE.search(seq.st.text)
    if business.isdisjoint(seq.st.lowered) and not shaped:
        return []  # a run is taken only with a kind of business in it
    plain = business  # a run of these alone names no one ("Car Wash")
    if shaped:  # a shaped word names a business and is part of its own name ("FlexStar")
        business = business | {w.lower() for w in seq.st.words if _business_shaped(w, business)}
    tokens, found, i = seq.st.tokens, [], 0
    while i < len(tokens):
        last = seq.run(i, through_kept=True)  # "Damascus Grill": the filter keeps all-kept
        if last < 0:
            i += 1
            continue
        if (
            tokens[i].initial
            and (tokens[i].text.lower() in common or everyday(tokens[i].text, seq.st.lang))
            and i < last
        ):
            i += 1
            continue
        words = [t.text.lower() for t in tokens[i : last + 1]]
        if last > i and any(w in business for w in words) and not all(w in plain for w in words):
            found.append(_finding(seq.st, i, last, "employer", "employer_cue"))
        elif last == i and _camel_business(tokens[i].text, business):
            found.append(_finding(seq.st, i, i, "employer", "employer_cue"))  # "BalkanFlex"
        i = last + 1
    return found


def _extend(finding: Finding, st: Statement, legal_form: re.Pattern[str]) -> Finding:
    m = legal_form.match(st.text, finding.end)
    if m:
        return Finding(finding.start, m.end(), finding.label, finding.step, finding.key)
    return finding
