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
    key = "context.origin.consultation" if anthology.date else "context.origin.consultation_undated"
    sentences = [wording.text(key, programme=anthology.programme, date=anthology.date)]
    if taking_part.invited:
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


def _literal(anthology: Anthology, wording: Wording) -> Section:
    blocks: list[Block] = [
        wording.text("context.literal.literal"),
        wording.text("context.literal.anonymous"),
    ]
    foreign = next(
        (
            quote
            for part in anthology.parts
            for cluster in part.clusters
            for quote in cluster.quotes
            if is_foreign(anthology, quote)
        ),
        None,
    )
    if foreign is not None:
        example = language_mark(anthology, foreign, wording)
        blocks.append(wording.text("context.literal.languages", example=example))
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
