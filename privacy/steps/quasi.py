"""Quasi-identifiers for experience experts: small places and named small employers.

Cities, provinces, countries and public organisations stay (must-keep lists); what is
left after a place word ("ons dorp", "село"), a locative preposition ("in", "w", "біля")
or an employer word ("uitzendbureau", "firma", "مطعم"), or before a legal form
("B.V.", "Kft.", "ЕООД"), is taken out.
"""

from __future__ import annotations

import re

from privacy.keep import MustKeep
from privacy.lexicon import DATA, Lexicon, read_yaml
from privacy.statement import Finding, Statement

CONNECTORS = frozenset({
    "van", "de", "den", "der", "het", "aan", "op", "bij", "ter", "ten", "&", "en", "and", "y",
    "și", "del", "la", "on", "upon", "sur", "am",
})
_QUOTES = "\"'“”„«»‘’"


def _settings() -> dict:
    return read_yaml(DATA / "quasi.yaml")


def _is_name_like(word: str) -> bool:
    """Capitalised, or with a capital inside (FlexPower, eLiberare, 's-Gravenzande)."""
    return any(ch.isupper() for ch in word[:4])


class _Sequence:
    """Walk a run of capitalised words (with connectors) starting at token i."""

    def __init__(self, st: Statement, keep: list[bool]) -> None:
        self.st, self.keep = st, keep

    def adjacent(self, i: int, j: int, allow: str = "") -> bool:
        gap = self.st.text[self.st.tokens[i].end:self.st.tokens[j].start]
        return gap.strip(" " + allow) == "" and "\n" not in gap

    def run(self, i: int) -> int:
        """Index of the last token of the capitalised run starting at i (-1: none)."""
        tokens, n = self.st.tokens, len(self.st.tokens)
        if i >= n or self.keep[i] or not _is_name_like(tokens[i].text):
            return -1
        last, j = i, i + 1
        while j < n and self.adjacent(j - 1, j, _QUOTES):
            word = tokens[j].text
            if self.keep[j]:
                break
            if _is_name_like(word) and not tokens[j].initial:
                last, j = j, j + 1
                continue
            k = j
            while k < n and tokens[k].text.lower() in CONNECTORS and self.adjacent(k - 1, k):
                k += 1
            if k > j and k < n and self.adjacent(k - 1, k) and _is_name_like(tokens[k].text):
                last, j = k, k + 1
                continue
            break
        return last


def build_place(lexicon: Lexicon):
    settings = _settings()
    keep = MustKeep(lexicon)
    fillers = frozenset(settings["fillers"])
    postpositions = frozenset(settings["postpositions"])
    endings = {lang: tuple(e) for lang, e in settings["place_endings"].items()}
    names = lexicon.first_names | lexicon.surnames

    def place(st: Statement) -> list[Finding]:
        tokens = st.tokens
        if not tokens:
            return []
        flags = keep.token_flags(st)
        seq = _Sequence(st, flags)
        cues = frozenset(settings["place_cues"].get(st.lang, ()))
        locatives = frozenset(settings["locatives"].get(st.lang, ()))
        found = []
        for i, tok in enumerate(tokens):
            word = tok.text.lower()
            if word in cues:
                j = i + 1
                while j < len(tokens) and tokens[j].text.lower() in fillers and j - i <= 4:
                    j += 1
                if j >= len(tokens) or not seq.adjacent(j - 1, j, ",:" + _QUOTES):
                    continue
                if st.lang == "ar":
                    if not flags[j] and tokens[j].text not in lexicon.common_words("ar"):
                        found.append(_finding(st, j, j, "place", "place_cue"))
                    continue
                last = seq.run(j)
                if last >= 0:
                    found.append(_finding(st, j, last, "place", "place_cue"))
            elif word in locatives and i + 1 < len(tokens) and seq.adjacent(i, i + 1):
                nxt = tokens[i + 1]
                if _is_name_like(nxt.text) and not nxt.text.isupper():
                    last = seq.run(i + 1)
                    if last >= 0:
                        found.append(_finding(st, i + 1, last, "place"))
            elif word in postpositions and i > 0 and seq.adjacent(i - 1, i):
                prev = tokens[i - 1]
                if prev.text[:1].isupper() and not prev.initial and not flags[i - 1]:
                    found.append(_finding(st, i - 1, i - 1, "place"))
            elif (st.lang in endings and tok.text[:1].isupper() and not tok.initial
                  and not flags[i] and len(tok.text) >= 5 and tok.text.endswith(endings[st.lang])
                  and not tok.text.isupper() and not any(tok.text.startswith(n) for n in
                                                         _name_stems(tok.text, names))):
                found.append(_finding(st, i, i, "place"))
        return found

    return place


def build_organisation(lexicon: Lexicon):
    settings = _settings()
    keep = MustKeep(lexicon)
    forms = sorted(settings["legal_forms"], key=len, reverse=True)
    legal_form = re.compile(
        r"\s*(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w])"
    )
    after = sorted(settings["organisation_after"], key=len, reverse=True)
    after_noun = re.compile(r"\s+(?:" + "|".join(re.escape(a) for a in after) + r")\b", re.I)
    form_words = frozenset(f.rstrip(".") for f in forms if " " not in f)
    lowercase_names = frozenset(settings["lowercase_names"])

    def organisation(st: Statement) -> list[Finding]:
        tokens = st.tokens
        if not tokens:
            return []
        flags = keep.token_flags(st)
        seq = _Sequence(st, flags)
        cues = frozenset(settings["organisation_cues"].get(st.lang, ()))
        common = lexicon.common_words(st.lang)
        found = []
        for i, tok in enumerate(tokens):
            if tok.text.lower() in cues and i + 1 < len(tokens):
                j = i + 1
                while j < len(tokens) and tokens[j].text in form_words:  # ТОВ «Агро-Захід»
                    j += 1
                if j >= len(tokens) or not seq.adjacent(i, j, _QUOTES + "".join(form_words)):
                    continue
                if st.lang == "ar":
                    if not flags[j] and tokens[j].text not in common:
                        found.append(_finding(st, i + 1, j, "organisation"))
                    continue
                last = seq.run(j)
                if last < 0:
                    continue
                if (st.lang in lowercase_names and last == j and last + 1 < len(tokens)
                        and seq.adjacent(last, last + 1) and tokens[last + 1].text.islower()
                        and tokens[last + 1].text not in common):
                    last += 1  # "ресторант Златна рибка"
                first = i if tok.text[:1].isupper() and not tok.initial else i + 1
                found.append(_extend(_finding(st, first, last, "organisation"), st, legal_form))
        for m in legal_form.finditer(st.text):
            i = st.token_index_at(m.start()) - 1
            if i < 0 or tokens[i].end > m.start():
                continue
            first = i
            while first > 0 and _is_name_like(tokens[first - 1].text) and seq.adjacent(
                first - 1, first
            ) and not tokens[first].initial and not flags[first - 1]:
                first -= 1
            if _is_name_like(tokens[first].text) and not flags[first]:
                found.append(Finding(tokens[first].start, m.end(), "organisation",
                                     "organisation"))
        for m in after_noun.finditer(st.text):
            i = st.token_index_at(m.start()) - 1
            if i < 0:
                continue
            first = i
            while first > 0 and _is_name_like(tokens[first - 1].text) and seq.adjacent(
                first - 1, first) and not tokens[first].initial:
                first -= 1
            if _is_name_like(tokens[i].text) and not flags[i] and not tokens[first].initial:
                if m.group().strip()[:1].isupper():  # "Happy Nails": the noun is in the name
                    found.append(Finding(tokens[first].start, m.end(), "organisation",
                                         "organisation"))
                else:
                    found.append(_finding(st, first, i, "organisation"))
        return found

    return organisation


def _name_stems(word: str, names: frozenset[str]) -> list[str]:
    """Known names the word could be an inflected form of (Robival -> Robi)."""
    return [word[:k] for k in range(len(word) - 1, 2, -1) if word[:k] in names]


def _finding(st: Statement, first: int, last: int, label: str, step: str = "") -> Finding:
    start, end = st.tokens[first].start, st.tokens[last].end
    text = st.text
    if start > 0 and text[start - 1] in _QUOTES and end < len(text) and text[end] in _QUOTES:
        start, end = start - 1, end + 1
    elif end < len(text) and text[end] in _QUOTES and any(q in text[start:end] for q in _QUOTES):
        end += 1  # ТОВ «Агро-Захід»
    return Finding(start, end, label, step or label, text[start:end].lower())


def _extend(finding: Finding, st: Statement, legal_form: re.Pattern[str]) -> Finding:
    m = legal_form.match(st.text, finding.end)
    if m:
        return Finding(finding.start, m.end(), finding.label, finding.step, finding.key)
    return finding
