"""Pull quotes: a few statements set large on a part's title page.

The work group's marks win. A part without any gets up to ``PER_PART`` chosen for it, each
from another cluster, best-fitting first, and only statements that stand on their own:
complete sentences (a capital at the start, a full stop, question or exclamation mark at the
end, no list, no line break, not opening with a word that points back at a sentence left
out) in the document's language, or a foreign statement whose Dutch translation the work
group typed is such a sentence. Only a part with none of those falls back to complete
sentences in other languages.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

import yaml

from analysis.codebook import Codebook
from analysis.languages import guess_language
from analysis.lexicon import LEXICON_DIR
from consultation.selection import Piece

PER_PART = 3
LENGTH = (60, 240)  # characters: long enough to say something, short enough to set large
_END = re.compile(r"[.!?…][\"'”’»)]*$")
_WORD = re.compile(r"\w+", re.U)


@cache
def _points_back() -> dict[str, frozenset[str]]:
    """Words that, opening a sentence, continue the one before (analysis' own word list)."""
    data = yaml.safe_load((LEXICON_DIR / "continuations.yaml").read_text(encoding="utf-8"))
    return {lang: frozenset(str(w).lower() for w in words) for lang, words in data.items()}


def complete_sentence(text: str, lang: str) -> bool:
    text = text.strip()
    if "\n" in text or not text[:1].isupper() or not _END.search(text):
        return False
    first = _WORD.search(text)
    if first is None or first.group().lower() in _points_back().get(lang, frozenset()):
        return False
    return len(_WORD.findall(text)) >= 6


def _shown(piece: Piece, locale: str) -> tuple[str, str] | None:
    """The text a pull quote would show and its language, if it can be one."""
    if piece.lang == locale:
        text = piece.text
    elif piece.translation:
        text = piece.translation
    else:
        return None
    low, high = LENGTH
    if not low <= len(text) <= high or not complete_sentence(text, locale):
        return None
    if guess_language(text, default=locale) != locale:
        return None  # an English sentence inside a Dutch answer
    return text, locale


def _fallback(piece: Piece) -> bool:
    low, high = LENGTH
    return low <= len(piece.text) <= high and complete_sentence(piece.text, piece.lang)


def _best_of(ranked: list[Piece], fits) -> list[str]:
    """The best-ranked fitting statements of up to ``PER_PART`` different clusters; the
    (slow) check runs only as far down the ranking as needed."""
    picked: list[str] = []
    clusters_used: set[str] = set()
    for p in ranked:
        if len(clusters_used) == PER_PART:
            break
        if p.cluster not in clusters_used and fits(p):
            clusters_used.add(p.cluster)
            picked.append(p.id)
    return picked


def highlight(pieces: list[Piece], codebook: Codebook, locale: str) -> list[Piece]:
    chosen = {p.id for p in pieces if p.highlight}
    for part in codebook.parts:
        members = [p for p in pieces if p.question == part.question]
        if any(p.highlight for p in members):
            continue
        ranked = sorted(members, key=lambda p: (-p.score, p.id))
        picked = _best_of(ranked, lambda p: _shown(p, locale)) or _best_of(ranked, _fallback)
        chosen.update(picked)
    return [replace(p, highlight=p.id in chosen) for p in pieces]
