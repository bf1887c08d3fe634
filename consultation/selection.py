"""Which stored statements the bloemlezing may print, and why the others stay out.

A statement stays out when the work group left it out (include = no), or while a check holds
it back and the work group has not included it: it could point at a person
(``consultation.reidentification``), or it is no quote at all (a greeting, a one-word reply:
``not_a_quote``). The coding sheet shows every statement with the reason; the documents show
only what is selected here.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.codebook import Codebook
from consultation.reidentification import Check, Hold, Quoted, check
from storage.records import Consultation, StoredAnswer
from storage.revisions import StatementReview
from storage.statements import StoredStatement
from storage.store import Store


def not_a_quote(statement: StoredStatement) -> bool:
    """Cutting found it is no quote (a greeting, a thank-you, a one-word reply)."""
    return not statement.quotable


@dataclass(frozen=True)
class Piece:
    """One statement on its way into the anthology."""

    id: str
    text: str
    lang: str
    question: int
    respondent: str
    answer_id: int
    cluster: str
    score: float
    start: int  # where the statement stands in the stored answer
    end: int
    highlight: bool
    proposed: bool = False  # fitted no cluster well and nobody placed it: a proposed cluster
    translation: str = ""  # the work group's Dutch translation


@dataclass(frozen=True)
class Selection:
    pieces: list[Piece]  # what the documents may print
    answers: list[StoredAnswer]
    statements: dict[str, StoredStatement]  # every statement of the parts, by id
    reviews: dict[str, StatementReview]
    holds: dict[str, tuple[Hold, ...]]  # every statement a check holds back, released or not
    hidden_languages: frozenset[str]  # languages whose marks are not shown
    left_out: int  # left out by the work group
    held_back: int  # held back by a check and not included by the work group

    def held(self, statement_id: str) -> bool:
        """Held back now: a check holds it and the work group has not included it."""
        review = self.reviews.get(statement_id)
        return statement_id in self.holds and not (review and review.released)


def holds_of(
    statements: list[StoredStatement],
    answers: list[StoredAnswer],
    reviews: dict[str, StatementReview],
    locale: str,
) -> Check:
    quoted = [
        Quoted(s.id, s.text, s.answer_id, reviews.get(s.id, StatementReview()).translation)
        for s in statements
    ]
    found = check(quoted, answers, locale)
    holds = dict(found.holds)
    for s in statements:
        if not_a_quote(s):
            holds[s.id] = (*holds.get(s.id, ()), Hold("not_a_quote"))
    return Check(holds, found.hidden_languages)


def select(
    store: Store, consultation: Consultation, codebook: Codebook, locale: str = "nl"
) -> Selection:
    """The statements of the parts with their text taken from the stored answer."""
    answers = store.answers.for_consultation(consultation.id)
    by_id = {a.id: a for a in answers}
    questions = {part.question for part in codebook.parts}
    statements = [
        s
        for s in store.statements.for_consultation(consultation.id)
        if s.answer_id in by_id and s.question in questions
    ]
    reviews = store.revisions.reviews(consultation.id)
    found = holds_of(statements, answers, reviews, locale)

    def held(statement_id: str) -> bool:
        review = reviews.get(statement_id)
        return statement_id in found.holds and not (review and review.released)

    pieces = []
    for s in statements:
        if not s.include or held(s.id):
            continue
        answer = by_id[s.answer_id]
        pieces.append(
            Piece(
                id=s.id,
                text=s.text,
                lang=answer.lang,
                question=s.question,
                respondent=answer.respondent_id,
                answer_id=answer.id,
                cluster=s.cluster,
                start=s.start,
                end=s.end,
                score=s.scores[0] if s.scores else 0.0,
                highlight=s.highlight,
                proposed=not s.fits and s.decided_by == "auto",
                translation=reviews.get(s.id, StatementReview()).translation,
            )
        )
    return Selection(
        pieces,
        answers,
        {s.id: s for s in statements},
        reviews,
        found.holds,
        found.hidden_languages,
        left_out=sum(not s.include for s in statements),
        held_back=sum(s.include and held(s.id) for s in statements),
    )


class LiteralQuoteError(RuntimeError):
    """A quote is not a literal part of a stored anonymised answer: the export is refused."""


def verify(pieces: list[Piece], answers: list[StoredAnswer]) -> None:
    """Refuse the export if any quote is not literally in its stored anonymised answer."""
    texts = {a.id: a.text for a in answers}
    for piece in pieces:
        answer = texts.get(piece.answer_id, "")
        if not piece.text or answer[piece.start : piece.end] != piece.text:
            raise LiteralQuoteError(f"statement {piece.id} is not literal in its stored answer")
