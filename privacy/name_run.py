"""Runs of capitalised words that may make one name: a village, a business, a body.

``NameRun(statement, keep, connectors, stop).run(i)`` walks from token i over capitalised
words and the short words that join them ("Alphen aan den Rijn", "Kwekerij Van den Berg",
"Lovely Nails & Spa"), stopping at a kept word unless a business's name goes on after it
("firma Transilvania Staff", "Champignons Van Tilburg").
"""

from __future__ import annotations

from privacy.statement import Statement

QUOTES = "\"'“”„«»‘’"


def is_name_like(word: str) -> bool:
    """Capitalised, or with a capital inside (FlexPower, eLiberare, 's-Gravenzande)."""
    return any(ch.isupper() for ch in word[:4])


_FAMILY = frozenset({"van", "de", "den", "der"})


class NameRun:
    """Walk a run of capitalised words (with connectors) starting at token i.

    Words in ``stop`` (the pronoun "I", polite "U" and "Usted", English days and months)
    are capitalised but never part of a name: a run neither starts nor goes on at them.
    """

    def __init__(
        self,
        st: Statement,
        keep: list[bool],
        connectors: frozenset[str],
        stop: frozenset[str],
        business: frozenset[str] = frozenset(),
    ) -> None:
        self.st, self.keep, self.connectors, self.stop = st, keep, connectors, stop
        self.business = business

    def name_like(self, i: int) -> bool:
        word = self.st.tokens[i].text
        return is_name_like(word) and word.lower() not in self.stop

    def adjacent(self, i: int, j: int, allow: str = "") -> bool:
        gap = self.st.text[self.st.tokens[i].end : self.st.tokens[j].start]
        return gap.strip(" " + allow) == "" and "\n" not in gap

    def run(self, i: int, through_kept: bool = False) -> int:
        """Index of the last token of the capitalised run starting at i (-1: none); after a
        business word kept words may be part of it ("firma Transilvania Staff": the
        must-keep filter drops the run only when all of it is kept)."""
        tokens, n = self.st.tokens, len(self.st.tokens)
        if i >= n or not self.name_like(i) or (self.keep[i] and not self._inside(i, through_kept)):
            return -1
        last, j = i, i + 1
        while j < n and self.adjacent(j - 1, j, QUOTES + "&"):  # "Lovely Nails & Spa"
            if self.keep[j] and not (
                self._inside(j, through_kept)
                or self._family(j, through_kept)
                or self._after_business(j, through_kept)
            ):
                break
            if self.name_like(j) and not tokens[j].initial:
                last, j = j, j + 1
                continue
            k = j
            while k < n and tokens[k].text.lower() in self.connectors and self.adjacent(k - 1, k):
                k += 1
            if (
                k > j
                and k < n
                and self.adjacent(k - 1, k)
                and self.name_like(k)
                and (not self.keep[k] or self._family(k, through_kept))
            ):
                last, j = k, k + 1
                continue
            break
        return last

    def _family(self, j: int, through_kept: bool) -> bool:
        """A kept word after "van" in a business's name is a family name ("Champignons Van
        Tilburg", "Kwekerij van Amsterdam")."""
        return through_kept and j > 0 and self.st.tokens[j - 1].text.lower() in _FAMILY

    def _after_business(self, j: int, through_kept: bool) -> bool:
        """A kept place right after a kind of business names it ("Grillroom Aleppo",
        "Shoarma Damascus")."""
        return through_kept and self.st.tokens[j - 1].text.lower() in self.business

    def _inside(self, j: int, through_kept: bool) -> bool:
        """A kept word that a business name goes on after ("Trans Haaglanden Logistics")."""
        k = j + 1
        return (
            through_kept
            and k < len(self.st.tokens)
            and self.adjacent(j, k)
            and self.name_like(k)
            and not self.keep[k]
        )
