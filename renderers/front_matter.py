"""The "Context en verantwoording" section, generated from the anthology, for every renderer.

The result is format-free: sections of paragraphs and numbered lists. Each renderer
(markdown, html, docx) lays it out in its own way, so the wording is identical everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from renderers.document_text import (
    Wording,
    contribution_question,
    is_foreign,
    language_mark,
)
from renderers.document_text import marked as marked_quote
from renderers.model import Anthology


@dataclass(frozen=True)
class NumberedList:
    items: tuple[tuple[int, str], ...]  # (number, text)


Block = str | NumberedList


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class FrontMatter:
    heading: str
    sections: tuple[Section, ...]


def front_matter(anthology: Anthology, wording: Wording) -> FrontMatter:
    return FrontMatter(
        heading=wording.text("context.heading"),
        sections=(
            _origin(anthology, wording),
            _structure(anthology, wording),
            _literal(anthology, wording),
            Section(
                wording.text("context.value.heading"),
                wording.paragraphs("context.value.paragraphs"),
            ),
        ),
    )


def _origin(anthology: Anthology, wording: Wording) -> Section:
    taking_part = anthology.participation
    sessions = anthology.sessions or ((anthology.date,) if anthology.date else ())
    if len(sessions) > 1:
        sentences = [
            wording.text(
                "context.origin.consultation_sessions",
                programme=anthology.programme,
                count=wording.number(len(sessions)),
                dates=wording.join(list(sessions)),
            )
        ]
    else:
        key = "context.origin.consultation" if sessions else "context.origin.consultation_undated"
        date = sessions[0] if sessions else ""
        sentences = [wording.text(key, programme=anthology.programme, date=date)]
    if taking_part.invited:  # only where the invite links count people
        sentences.append(wording.plural("context.origin.invited", taking_part.invited))
    sentences.append(
        wording.text(
            "context.origin.submitted",
            stakeholders=wording.plural(
                "context.origin.stakeholders", taking_part.submitted_stakeholders
            ),
            experts=wording.plural("context.origin.experts", taking_part.submitted_experts),
        )
    )
    questions = NumberedList(tuple((q.number, q.text) for q in anthology.questions))
    return Section(
        wording.text("context.origin.heading"),
        (
            " ".join(sentences),
            wording.text("context.origin.personal"),
            wording.text("context.origin.questions_intro"),
            questions,
        ),
    )


def _structure(anthology: Anthology, wording: Wording) -> Section:
    items = [
        wording.text(
            "context.structure.part_item",
            title=f"{part.number} {part.title}",
            question=part.question_number,
        )
        for part in anthology.parts
    ]
    overview = wording.plural(
        "context.structure.parts",
        len(items),
        count=wording.number(len(items)),
        parts=wording.join(items),
    )
    rest = contribution_question(anthology)
    if rest is not None:
        overview += " " + wording.text("context.structure.contributions", number=rest.number)
    blocks: list[Block] = [overview, wording.text("context.structure.clusters")]
    if any(part.pull_quotes for part in anthology.parts):
        blocks.append(wording.text("context.structure.pull_quotes"))
    return Section(wording.text("context.structure.heading"), tuple(blocks))


def _quotes(anthology: Anthology):
    return (q for part in anthology.parts for cluster in part.clusters for q in cluster.quotes)


def _literal(anthology: Anthology, wording: Wording) -> Section:
    """What the reader is reading: literal quotes, which were left out and why, languages."""
    blocks: list[Block] = [wording.text("context.literal.literal")]
    if anthology.left_out or anthology.held_back:
        selection = [wording.text("context.literal.selected")]
        if anthology.left_out:
            selection.append(wording.plural("context.literal.left_out", anthology.left_out))
        if anthology.held_back:
            selection.append(wording.plural("context.literal.held_back", anthology.held_back))
        blocks.append(" ".join(selection))
    else:
        blocks.append(wording.text("context.literal.everything"))
    blocks.append(wording.text("context.literal.anonymous"))
    languages = []
    marked = next((q for q in _quotes(anthology) if language_mark(anthology, q, wording)), None)
    if marked is not None:
        example = language_mark(anthology, marked, wording)
        languages.append(wording.text("context.literal.languages", example=example))
        if any(
            is_foreign(anthology, q) and not marked_quote(anthology, q) for q in _quotes(anthology)
        ):
            languages.append(wording.text("context.literal.unmarked"))
    if any(q.translation and is_foreign(anthology, q) for q in _quotes(anthology)):
        languages.append(wording.text("context.literal.translations"))
    if languages:
        blocks.append(" ".join(languages))
    if anthology.organisations:
        blocks.append(wording.text("context.literal.organisations"))
    return Section(wording.text("context.literal.heading"), tuple(blocks))


def annex_organisations(anthology: Anthology) -> tuple[str, ...]:
    """The organisations for annex A, alphabetical regardless of case and accents."""

    def key(name: str) -> tuple[tuple[tuple[int, str], ...], str]:
        plain = unicodedata.normalize("NFKD", name)
        plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
        # Natural order: "Team 2" before "Team 10".
        pieces = tuple(
            (int(p), "") if p.isdigit() else (0, p) for p in re.split(r"(\d+)", plain) if p
        )
        return pieces, name

    return tuple(sorted(dict.fromkeys(anthology.organisations), key=key))
