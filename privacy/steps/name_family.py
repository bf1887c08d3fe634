"""Family names around a name the names step found: a family name after a given name or
a particle, in lower case, in capitals before a given name, an unknown word before a
family name. A part of :class:`privacy.steps.name_context.NameContext`, which holds the
statement, its must-keep flags and the names step these methods read."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from privacy.statement import Statement
    from privacy.steps.names import _Names


class FamilyNames:
    """Family-name tests of a :class:`NameContext`, which sets these attributes and
    provides ``adjacent`` and ``extends``."""

    names: _Names
    st: Statement
    keep: list[bool]
    common: frozenset[str]
    cues: dict[str, frozenset[str]]

    def capitals_before_given(self, first: int) -> bool:
        """A family name in capitals right before a given name ("KOWAL Wiesław")."""
        i = first - 1
        word = self.st.words[i]
        return (
            len(word) >= 3
            and word.isalpha()
            and word.isupper()
            and self.names.cased(word)
            and self.adjacent(i, first)
            and not self.keep[i]
            and self.given_name(first)
        )

    def given_name(self, k: int) -> bool:
        base = self.names.base(self.st.words[k], self.st.lang)
        return base is not None and base in self.names.lexicon.first_names

    def family_after_particle(self, j: int) -> bool:
        """A capitalised word after a name and a particle ("del Valle", "de la Fuente"),
        unless it is kept (a city, a body) or opens a sentence."""
        tok = self.st.tokens[j]
        word = tok.text
        if self.extends(j):
            return True
        if self.keep[j] or tok.initial or not self.names.cased(word):
            return False
        return word[0].isupper() and not word.isupper() and word.lower() not in self.names.not_names

    def lower_family_name(self, first: int, j: int) -> int:
        """Last token of a known family name in lower case from token j after a given name
        ("jan de vries", "jan jansen"; not "jan de baas", "jan van de gemeente"), or 0."""
        tokens, n, names = self.st.tokens, len(self.st.tokens), self.names
        k = j
        while k < n and tokens[k].text.lower() in names.particles and self.adjacent(k - 1, k):
            k += 1
        if (
            k >= n
            or not names.cased(tokens[first].text)
            or not self.adjacent(k - 1, k)
            or not tokens[k].text.islower()
        ):
            return 0
        words = tuple(t.text.lower() for t in tokens[j : k + 1])
        word = words[-1]
        known = words in names.lower_parts or (
            word not in self.common
            and word not in names.not_lower
            and names.base(word[:1].upper() + word[1:], self.st.lang) in names.surnames
        )
        return k if known else 0

    def capital_after_particles(self, i: int) -> bool:
        tokens, k = self.st.tokens, i
        while k < len(tokens) and tokens[k].text.lower() in self.names.particles:
            k += 1
        return (
            k < len(tokens)
            and k > i
            and self.adjacent(k - 1, k)
            and (tokens[k].text[:1].isupper() and not self.keep[k])
        )

    def unknown_before_surname(self, first: int) -> bool:
        """An unknown capitalised word right before a known family name ("Sven Bos"), or
        one that is no word of the language before a name found ("Ріні Вербек")."""
        st = self.st
        i = first - 1
        word, tok = st.words[i], st.tokens[i]
        base = self.names.base(st.words[first], st.lang)
        return bool(
            (base in self.names.surnames or not self.names.lexicon.everyday_word(word, st.lang))
            and self.adjacent(i, first)
            and not tok.initial
            and self.names.cased(word)
            and word[:1].isupper()
            and not word.isupper()
            and not self.keep[i]
            and word.lower() not in self.common
            and word.lower().rstrip(".") not in self.cues["any"]
            and word.lower() not in self.names.business
        )
