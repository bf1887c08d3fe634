"""Numbers read out in words, turned back into digits: "nul zes twaalf drie vier" -> "061234".

People who type a phone number on a phone in a chat often spell it the way they would
say it: digit by digit ("zero six one two ..."), in groups ("sześćset dwa, trzysta
czterdzieści") or mixed ("nul zes twaalf"). ``SpokenNumbers.runs`` finds runs of such
words (data/digit_words.yaml, every language at once: a Spanish answer may read its
number in English) and gives each run's digits, so the phone step can check them like
any written number. Words are compared without accents and case ("sapte", "szesc").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from privacy.folding import fold_lower
from privacy.lexicon import read_yaml

DATA = Path(__file__).resolve().parent / "data" / "digit_words.yaml"
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_GAP = re.compile(r"[\s,.;:/\-–]{1,4}")  # what may stand between two words of one number


@dataclass(frozen=True, slots=True)
class Run:
    start: int
    end: int
    digits: str
    words: int  # number words in the run (joiners not counted)


class SpokenNumbers:
    def __init__(self, table: dict[str, dict]) -> None:
        self.values: dict[str, tuple[int, str]] = {}  # word -> (value, kind)
        self.joiners: set[str] = set()
        self.prefixes: set[str] = set()
        for spec in table.values():
            for kind in ("units", "teens", "tens", "hundreds", "repeat"):
                for word, value in (spec.get(kind) or {}).items():
                    self.values.setdefault(fold_lower(str(word)), (int(value), kind))
            self.joiners.update(fold_lower(w) for w in spec.get("joiners", ()))
            if spec.get("prefix"):
                self.prefixes.add(fold_lower(spec["prefix"]))
            glued = spec.get("glued") or {}
            units = {w: v for w, v in spec["units"].items() if 0 < v}
            for link in glued.get("unit_first", ()):  # "vierendertig"
                for unit, u in units.items():
                    for tens, t in spec["tens"].items():
                        self.values.setdefault(fold_lower(f"{unit}{link}{tens}"), (t + u, "teens"))
            for stem, t in (glued.get("tens_first") or {}).items():  # "harmincegy"
                for unit, u in units.items():
                    self.values.setdefault(fold_lower(f"{stem}{unit}"), (t + u, "teens"))

    def lookup(self, word: str) -> tuple[int, str] | None:
        found = self.values.get(word)
        if found is None and len(word) > 2 and word[0] in self.prefixes:
            found = self.values.get(word[1:])  # Arabic "وخمسة": "and five"
        return found

    def runs(self, text: str, min_words: int = 5) -> list[Run]:
        """Runs of at least ``min_words`` number words, with their digits."""
        folded = fold_lower(text)
        if self._count(folded) < min_words:
            return []  # a run counts only number words: fewer in all the text, no run
        runs: list[Run] = []
        current: list[tuple[int, int, str, bool]] = []  # (start, end, word, after a pause)
        last_end = -1
        for m in _WORD.finditer(folded):
            word = m.group()
            found = self.lookup(word)
            if found is None and not current:  # most words: no number, and no run open
                last_end = m.end()
                continue
            known = found is not None or (current and word in self.joiners)
            joined = current and _GAP.fullmatch(folded[last_end : m.start()] or " ")
            if known and (joined or not current):
                pause = bool(current) and not folded[last_end : m.start()].isspace()
                current.append((m.start(), m.end(), word, pause))
                last_end = m.end()
                continue
            runs.extend(self._close(current, min_words))
            current = [(m.start(), m.end(), word, False)] if found is not None else []
            last_end = m.end()
        runs.extend(self._close(current, min_words))
        return runs

    def _count(self, folded: str) -> int:
        """Number words in the text (``lookup`` in one pass over its words)."""
        values, prefixes = self.values, self.prefixes
        return sum(
            1
            for word in _WORD.findall(folded)
            if word in values or (len(word) > 2 and word[0] in prefixes and word[1:] in values)
        )

    def _close(self, words: list[tuple[int, int, str, bool]], min_words: int) -> list[Run]:
        while words and words[-1][2] in self.joiners and self.lookup(words[-1][2]) is None:
            words = words[:-1]
        count = sum(1 for w in words if self.lookup(w[2]) is not None)
        if count < min_words:
            return []
        digits = self._digits([(w[2], w[3]) for w in words])
        return [Run(words[0][0], words[-1][1], digits, count)]

    def _digits(self, words: list[tuple[str, bool]]) -> str:
        """Digits of the words; a comma or dash between two words ends a group."""
        out: list[str] = []
        group: list = []  # [value, kind] of the number being built
        repeat = 1

        def flush() -> None:
            nonlocal repeat
            if group:
                out.append(str(group[0]) * repeat)
                repeat = 1
                group.clear()

        for word, pause in words:
            found = self.lookup(word)
            if found is None:
                continue  # a joiner: "treinta y cuatro"
            if pause:
                flush()
            value, kind = found
            if kind == "repeat":
                flush()
                repeat = value
            elif kind == "hundreds":
                flush()
                group[:] = [value, "hundreds"]
            elif group and group[1] == "hundreds" and kind != "hundreds":
                group[:] = [group[0] + value, "tens" if kind == "tens" else "closed"]
            elif group and group[1] == "tens" and kind == "units" and value > 0:
                group[:] = [group[0] + value, "closed"]
            else:
                flush()
                group[:] = [value, kind if kind == "tens" else "closed"]
                if kind == "units" and value == 0 or kind == "units" and repeat > 1:
                    flush()
        flush()
        return "".join(out)


_INSTANCE: SpokenNumbers | None = None


def spoken_numbers() -> SpokenNumbers:
    global _INSTANCE
    if _INSTANCE is None:
        _INSTANCE = SpokenNumbers(read_yaml(DATA))
    return _INSTANCE
