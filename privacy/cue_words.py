"""Cue words of a data list (place, employer and body cues, locatives), looked up as a
participant may type them: with their accents, or without any on a phone."""

from __future__ import annotations

from privacy.folding import fold_lower

_COMMA_BELOW = str.maketrans("şţ", "șț")  # Romanian typed with cedillas


class CueWords:
    """Lower-case words of a data list; an entry ending in "*" is a stem ("agencj*").
    A word typed without accents is looked up without them, as typed on a phone ("in
    satul", "orasel", "agencje"); a word with accents only as written ("że" is not "ze")."""

    def __init__(self, entries) -> None:
        entries = [str(e).lower().translate(_COMMA_BELOW) for e in entries]
        self.abbreviations = frozenset(e for e in entries if e.endswith("."))
        words = [e for e in entries if not e.endswith(".")]
        self.written = frozenset(e for e in words if not e.endswith("*"))
        self.written_stems = tuple(e[:-1] for e in words if e.endswith("*"))
        folded = [fold_lower(e) for e in words]
        self.exact = frozenset(e for e in folded if not e.endswith("*"))
        self.stems = tuple(e[:-1] for e in folded if e.endswith("*"))
        self._seen: dict[str, bool] = {}  # words looked up before (a statement repeats them)

    def __contains__(self, word: str) -> bool:
        known = self._seen.get(word)
        if known is None:
            if len(self._seen) > 50_000:
                self._seen.clear()
            known = self._seen[word] = self._lookup(word)
        return known

    def _lookup(self, word: str) -> bool:
        lowered = word.lower().translate(_COMMA_BELOW)
        folded = fold_lower(word)
        if folded != lowered:  # typed with accents: as written
            return lowered in self.written or (
                bool(self.written_stems) and lowered.startswith(self.written_stems)
            )
        return folded in self.exact or (bool(self.stems) and folded.startswith(self.stems))


def per_language(table: dict) -> dict[str, CueWords]:
    return {lang: CueWords(words or ()) for lang, words in table.items()}
