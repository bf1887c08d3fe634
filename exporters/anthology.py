"""From stored, anonymised answers to the bloemlezing model, in ordered, named steps.

collect -> split -> assign -> order -> verify -> assemble. Each step is a small function;
``build_anthology`` runs them in order.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass

from babel import Locale
from babel.dates import format_date

from exporters.assignment import Assigner
from exporters.codebook import Codebook
from exporters.model import Anthology, Cluster, Part, Participation, Question, Quote
from exporters.statements import split_statements
from storage.progress import progress
from storage.records import Consultation, StoredAnswer
from storage.store import Store

MIN_ORGANISATIONS = 5  # fewer, and the annex could point at the people who took part
CONTRIBUTION_QUESTION = 5


class LiteralQuoteError(RuntimeError):
    """A quote is not a literal part of a stored anonymised answer: the export is refused."""


@dataclass(frozen=True)
class Piece:
    """One statement on its way into the anthology."""

    id: str
    text: str
    lang: str
    question: int
    respondent: str
    answer_id: int
    cluster: str = ""


def collect(store: Store, consultation: Consultation) -> list[StoredAnswer]:
    return store.answers.for_consultation(consultation.id)


def split(answers: list[StoredAnswer]) -> list[Piece]:
    pieces = []
    for answer in answers:
        for number, statement in enumerate(split_statements(answer.text), start=1):
            pieces.append(
                Piece(
                    id=f"a{answer.id}-s{number}",
                    text=statement.text,
                    lang=answer.lang,
                    question=answer.question,
                    respondent=answer.respondent_id,
                    answer_id=answer.id,
                )
            )
    return pieces


def assign(pieces: list[Piece], codebook: Codebook, assigner: Assigner) -> list[Piece]:
    """Give each statement of questions 1-4 its most applicable cluster of its part."""
    chapters = {part.question: part.number for part in codebook.parts}
    todo = [p for p in pieces if p.question in chapters]
    results = assigner.assign_many([(p.text, chapters[p.question], p.lang) for p in todo])
    placed = {p.id: result.clusters[0] for p, result in zip(todo, results, strict=True)}
    return [Piece(**{**p.__dict__, "cluster": placed.get(p.id, "")}) for p in pieces]


def _key(consultation_id: str, piece: Piece) -> str:
    return hashlib.sha256(f"{consultation_id}/{piece.id}".encode()).hexdigest()


def order(pieces: list[Piece], consultation_id: str) -> list[Piece]:
    """A stable order that never puts one person's statements in a row where avoidable."""
    queue = sorted(pieces, key=lambda p: _key(consultation_id, p))
    ordered: list[Piece] = []
    while queue:
        pick = next(
            (
                i
                for i, p in enumerate(queue)
                if not ordered or p.respondent != ordered[-1].respondent
            ),
            0,
        )
        ordered.append(queue.pop(pick))
    return ordered


def verify(pieces: list[Piece], answers: list[StoredAnswer]) -> None:
    texts = {a.id: a.text for a in answers}
    for piece in pieces:
        if piece.text not in texts.get(piece.answer_id, ""):
            raise LiteralQuoteError(f"statement {piece.id} is not literal in its stored answer")


def _quote(piece: Piece) -> Quote:
    return Quote(id=piece.id, text=piece.text, lang=piece.lang)


def assemble(
    store: Store,
    consultation: Consultation,
    codebook: Codebook,
    pieces: list[Piece],
    locale: str = "nl",
) -> Anthology:
    by_cluster: dict[str, list[Piece]] = defaultdict(list)
    for piece in pieces:
        by_cluster[piece.cluster].append(piece)
    parts = []
    for part in codebook.parts:
        clusters, shown = [], 0
        for cluster in part.clusters:
            members = order(by_cluster.get(cluster.number, []), consultation.id)
            if not members:
                continue  # empty clusters are left out, the rest renumbered
            shown += 1
            clusters.append(
                Cluster(
                    number=f"{part.number}.{shown}",
                    title=codebook.title(cluster.number, locale),
                    quotes=tuple(_quote(p) for p in members),
                    source_number=cluster.number,
                )
            )
        parts.append(
            Part(
                number=part.number,
                title=part.title(locale),
                question_number=part.question,
                question_text=consultation.question(part.question, locale),
                clusters=tuple(clusters),
            )
        )
    report = progress(store.db, consultation.id)
    names = sorted(
        {name for name, _ in store.answers.organisations(consultation.id)}, key=str.casefold
    )
    contributions = order(
        [p for p in pieces if p.question == CONTRIBUTION_QUESTION], consultation.id
    )
    languages = Locale.parse(locale).languages
    return Anthology(
        programme=consultation.programme,
        title="Een bloemlezing van citaten",
        subtitle=consultation.title,
        date=format_date(_day(consultation.date), format="long", locale=locale),
        locale=locale,
        questions=tuple(
            Question(n, consultation.question(n, locale)) for n in sorted(consultation.questions)
        ),
        participation=Participation(
            invited=report["stakeholder"]["invited"] + report["expert"]["invited"],
            submitted_stakeholders=report["stakeholder"]["submitted"],
            submitted_experts=report["expert"]["submitted"],
        ),
        parts=tuple(parts),
        organisations=tuple(names) if len(names) >= MIN_ORGANISATIONS else (),
        contributions=tuple(_quote(p) for p in contributions),
        language_names={code: languages.get(code, code) for code in {p.lang for p in pieces}},
    )


def _day(iso: str):
    from datetime import date

    return date.fromisoformat(iso)


def build_anthology(
    store: Store, consultation: Consultation, codebook: Codebook, assigner: Assigner
) -> Anthology:
    answers = collect(store, consultation)
    pieces = assign(split(answers), codebook, assigner)
    verify(pieces, answers)
    return assemble(store, consultation, codebook, pieces)
