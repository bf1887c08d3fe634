"""The organisation a stakeholder names, for the annex's alphabetical list of organisations.

Kept apart from the answers and never linked to a quote, so it is kept as typed ("Nails by
Linh" stays itself); contact details or numbers typed into it are removed, a person's own
name set off from it ("Jan de Vries, Politie Utrecht") is left out, and a bare name or an
"I'd rather not say" (``declines.yaml``, per language) is not an organisation at all.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from consultation.core import Core
from consultation.errors import Refused
from consultation.participation import clean

MAX_ORGANISATION_CHARS = 120


def set_organisation(core: Core, participant_id: int, name: str, lang: str | None) -> None:
    """Kept apart from the answers and printed only in the annex's alphabetical list, as
    typed (it is never linked to a quote: "Nails by Linh" stays itself); contact details or
    numbers typed into it are removed, a person's own name set off from it ("Jan de Vries,
    Politie Utrecht") is left out, and a bare name or an "I'd rather not say" is not an
    organisation and is not kept."""
    name = " ".join(clean(name).split())
    if len(name) > MAX_ORGANISATION_CHARS:
        raise Refused("error.organisation.long", limit=MAX_ORGANISATION_CHARS)
    name = _without_a_person(core, name, lang)
    cleaned = core.deidentifier.deidentify(name, None, hint=lang)
    if not name or _declines(name) or _only_a_person(cleaned.spans, cleaned.text):
        kept = None
    elif all(s.label in _NAMING for s in cleaned.spans):
        kept = name
    else:
        kept = cleaned.text
    core.store.participants.update(participant_id, organisation=kept)


_SEPARATOR = re.compile(r"(\s*[,;/|()\u2013\u2014]\s*|\s+-\s+)")


def _without_a_person(core: Core, name: str, lang: str | None) -> str:
    """The parts of what was typed, set off by commas, dashes or brackets, without those
    that are only a person's name."""
    pieces = _SEPARATOR.split(name)
    kept: list[str] = []
    for index in range(0, len(pieces), 2):
        piece = pieces[index]
        found = core.deidentifier.deidentify(piece, None, hint=lang) if piece.strip() else None
        if found is not None and _only_a_person(found.spans, found.text):
            continue
        if kept and index > 0:
            kept.append(pieces[index - 1])
        kept.append(piece)
    return _balanced("".join(kept)).strip(" ,;/|-\u2013\u2014")


def _balanced(text: str) -> str:
    """Without the brackets left unpaired by what was taken out."""
    out, open_at = list(text), []
    for index, char in enumerate(text):
        if char == "(":
            open_at.append(index)
        elif char == ")":
            if open_at:
                open_at.pop()
            else:
                out[index] = ""
    for index in open_at:
        out[index] = ""
    return "".join(out)


_NAMING = ("organisation", "employer", "place", "name")


@cache
def _decline_phrases() -> frozenset[str]:
    path = Path(__file__).with_name("declines.yaml")
    listed = yaml.safe_load(path.read_text(encoding="utf-8"))
    return frozenset(_bare(phrase) for phrases in listed.values() for phrase in phrases)


def _bare(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _declines(name: str) -> bool:
    """The whole answer is such a phrase, or starts with one of two or more words."""
    words = _bare(name).split()
    if not words or " ".join(words) in _decline_phrases():
        return True
    return len(words) <= 6 and any(
        " ".join(words[:n]) in _decline_phrases() for n in range(2, min(len(words), 5) + 1)
    )


def _only_a_person(spans, redacted: str) -> bool:
    """Nothing but a person's name: no letter is left outside the names found."""
    if not spans or any(s.label != "name" for s in spans):
        return False
    outside = redacted
    for span in sorted(spans, key=lambda s: -s.start):
        outside = outside[: span.start] + outside[span.end :]
    return not any(ch.isalpha() for ch in outside)
