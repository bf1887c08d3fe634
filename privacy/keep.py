"""Must-keep: what de-identification leaves alone, so quotes stay useful.

Public bodies and national organisations, platforms, cities, provinces and countries
(data/keep/*.txt) and legal references (data/keep/legal.yaml). A name, place, street
or organisation finding that touches one of them is dropped; a number inside a legal
reference ("ECLI:NL:HR:2016:1234", "Richtlijn 2011/36/EU") is not an identifier, nor
is one inside a public phone number that the phone step recognised (0800 ...).
"""

from __future__ import annotations

import re

from privacy.lexicon import Lexicon
from privacy.statement import HARD_LABELS, Finding, Statement


class MustKeep:
    def __init__(self, lexicon: Lexicon) -> None:
        self.legal = re.compile("|".join(f"(?:{p})" for p in lexicon.legal))
        self.names = lexicon.keep_names
        self.places = lexicon.keep_places

    def token_flags(self, st: Statement) -> list[bool]:
        """Per token: part of a must-keep organisation or place."""
        flags = st.memo.get("keep_tokens")
        if flags is None:
            words = st.words
            flags = [False] * len(words)
            for i in range(len(words)):
                n = max(self.names.match_at(words, i), self.places.match_at(words, i))
                for j in range(i, i + n):
                    flags[j] = True
                # hyphenated compounds: Noord-Brabant, Észak-Magyarországról
                if not n and "-" in words[i]:
                    parts = words[i].split("-")
                    flags[i] = any(p and (p in self.places or p in self.names) for p in parts)
            st.memo["keep_tokens"] = flags
        return flags  # type: ignore[return-value]

    def spans(self, st: Statement) -> list[tuple[int, int]]:
        spans = st.memo.get("keep_spans")
        if spans is None:
            spans = [m.span() for m in self.legal.finditer(st.text)]
            flags = self.token_flags(st)
            spans += [(t.start, t.end) for t, keep in zip(st.tokens, flags, strict=False) if keep]
            st.memo["keep_spans"] = spans
        return spans  # type: ignore[return-value]

    def legal_spans(self, st: Statement) -> list[tuple[int, int]]:
        return [m.span() for m in self.legal.finditer(st.text)]

    def filter(self, st: Statement, findings: list[Finding]) -> list[Finding]:
        spans = self.spans(st)
        legal = self.legal_spans(st) + list(st.memo.get("public_numbers", ()))
        kept = []
        for f in findings:
            if any(s <= f.start and f.end <= e for s, e in legal):
                continue
            if f.label not in HARD_LABELS and any(f.overlaps(s, e) for s, e in spans):
                continue
            kept.append(f)
        return kept
