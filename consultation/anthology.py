"""From stored, anonymised answers to the bloemlezing model, in ordered, named steps.

select -> verify -> highlight -> order -> assemble. Each step is a small function;
``build_anthology`` runs them in order. It only reads: statements are cut and assigned
beforehand (``consultation.review.prepare``).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from babel import Locale
from babel.dates import format_date

from analysis.codebook import Codebook
from analysis.proposals import propose_clusters
from consultation.consultations import questions_of
from consultation.core import Core
from consultation.progress import report
from consultation.review import codebook_of
from renderers.document_text import Wording
from renderers.model import Anthology, Cluster, Part, Participation, Question, Quote
from storage.records import Consultation, StoredAnswer
from storage.store import Store

MIN_ORGANISATIONS = 5  # fewer, and the annex could point at the people who took part
PULL_QUOTES_PER_PART = 3
MIN_PROPOSAL_SIZE = 3  # fewer unfit statements alike are no theme: they stay in their best cluster
PULL_QUOTE_LENGTH = (60, 240)  # characters: long enough to say something, short enough to set large


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
    cluster: str
    score: float
    start: int  # where the statement stands in the stored answer
    end: int
    highlight: bool
    proposed: bool = False  # fitted no cluster well and nobody placed it: a proposed cluster


def select(
    store: Store, consultation: Consultation, codebook: Codebook
) -> tuple[list[Piece], list[StoredAnswer]]:
    """The included statements, with their text taken from the stored answer."""
    answers = store.answers.for_consultation(consultation.id)
    by_id = {a.id: a for a in answers}
    pieces = []
    for s in store.statements.for_consultation(consultation.id):
        answer = by_id.get(s.answer_id)
        if answer is None or not s.include:
            continue
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
            )
        )
    return pieces, answers


def verify(pieces: list[Piece], answers: list[StoredAnswer]) -> None:
    """Refuse the export if any quote is not literally in its stored anonymised answer."""
    texts = {a.id: a.text for a in answers}
    for piece in pieces:
        answer = texts.get(piece.answer_id, "")
        if not piece.text or answer[piece.start : piece.end] != piece.text:
            raise LiteralQuoteError(f"statement {piece.id} is not literal in its stored answer")


def highlight(pieces: list[Piece], codebook: Codebook) -> list[Piece]:
    """Pull quotes: the work group's marks; a part without any gets a few chosen for it."""
    chosen = {p.id for p in pieces if p.highlight}
    for part in codebook.parts:
        members = [p for p in pieces if p.question == part.question]
        if any(p.highlight for p in members):
            continue
        low, high = PULL_QUOTE_LENGTH
        fitting = sorted(
            (p for p in members if low <= len(p.text) <= high),
            key=lambda p: (-p.score, p.id),
        )
        clusters_used: set[str] = set()
        for p in fitting:
            if len(clusters_used) == PULL_QUOTES_PER_PART:
                break
            if p.cluster not in clusters_used:
                clusters_used.add(p.cluster)
                chosen.add(p.id)
    return [replace(p, highlight=p.id in chosen) for p in pieces]


def _key(consultation_id: str, piece: Piece) -> str:
    return hashlib.sha256(f"{consultation_id}/{piece.id}".encode()).hexdigest()


def order(pieces: list[Piece], consultation_id: str) -> list[Piece]:
    """A stable order that never puts one person's statements in a row where avoidable."""
    queues: dict[str, list[Piece]] = defaultdict(list)
    for piece in sorted(pieces, key=lambda p: _key(consultation_id, p)):
        queues[piece.respondent].append(piece)
    rank = {r: _key(consultation_id, q[0]) for r, q in queues.items()}
    ordered: list[Piece] = []
    while queues:
        last = ordered[-1].respondent if ordered else None
        # the person with most statements left goes next (never twice in a row if avoidable)
        candidates = sorted(queues, key=lambda r: (r == last, -len(queues[r]), rank[r]))
        respondent = candidates[0]
        ordered.append(queues[respondent].pop(0))
        if not queues[respondent]:
            del queues[respondent]
    return ordered


def _quote(piece: Piece) -> Quote:
    return Quote(id=piece.id, text=piece.text, lang=piece.lang, highlight=piece.highlight)


def _proposed(pieces: list[Piece], consultation_id: str):
    """Statements that fit no cluster, grouped with each other and named by their words.

    Returns the proposed clusters (title, members) and the statements left over: a group
    too small to be a theme goes back to its best existing cluster, for the work group.
    """
    if not pieces:
        return [], []
    groups = propose_clusters([p.text for p in pieces], [p.lang for p in pieces])
    proposals, rest = [], []
    for group in groups:
        members = [pieces[i] for i in group.members]
        if len(members) >= MIN_PROPOSAL_SIZE and group.title.strip():
            proposals.append((group.title, order(members, consultation_id)))
        else:
            rest += members
    return proposals, rest


def _parts(consultation, codebook, pieces, locale) -> tuple[Part, ...]:
    questions = questions_of(consultation)
    by_cluster: dict[str, list[Piece]] = defaultdict(list)
    unfit: dict[int, list[Piece]] = defaultdict(list)
    for piece in pieces:
        if piece.proposed:
            unfit[piece.question].append(piece)
        else:
            by_cluster[piece.cluster].append(piece)
    parts = []
    for part in codebook.parts:
        proposals, rest = _proposed(unfit[part.question], consultation.id)
        for piece in rest:
            by_cluster[piece.cluster].append(piece)
        clusters = []
        for cluster in part.clusters:
            members = order(by_cluster.get(cluster.number, []), consultation.id)
            if not members:
                continue  # empty clusters are left out, the rest renumbered
            clusters.append(
                Cluster(
                    number=f"{part.chapter}.{len(clusters) + 1}",
                    title=codebook.title(cluster.number, locale),
                    quotes=tuple(_quote(p) for p in members),
                    source_number=cluster.number,
                )
            )
        for title, members in proposals:
            clusters.append(
                Cluster(
                    number=f"{part.chapter}.{len(clusters) + 1}",
                    title=Wording(locale).text("proposed_cluster", title=title),
                    quotes=tuple(_quote(p) for p in members),
                    proposed=True,
                )
            )
        parts.append(
            Part(
                number=part.chapter,
                title=part.title(locale),
                question_number=part.question,
                question_text=questions.question(part.question).wording(locale),
                clusters=tuple(clusters),
            )
        )
    return tuple(parts)


def _distinct(names) -> list[str]:
    """Each organisation once, however it was typed ("gemeente rotterdam", "Gemeente
    Rotterdam"), in the spelling most people used; alphabetical."""
    spellings: dict[str, list[str]] = defaultdict(list)
    for name in names:
        spellings[" ".join(name.split()).casefold()].append(" ".join(name.split()))
    chosen = [max(sorted(set(v)), key=v.count) for v in spellings.values()]
    return sorted(chosen, key=str.casefold)


def contributions(
    answers: list[StoredAnswer], consultation_id: str, separately: tuple[int, ...]
) -> tuple[Quote, ...]:
    """Answers to the questions that go to their own document, each whole (the action plan
    needs the offer in full), in an order that says nothing about who wrote them."""
    whole = [a for a in answers if a.question in separately]
    key = {a.id: hashlib.sha256(f"{consultation_id}/{a.id}".encode()).hexdigest() for a in whole}
    return tuple(
        Quote(id=f"c{key[a.id][:12]}", text=a.text, lang=a.lang)
        for a in sorted(whole, key=lambda a: key[a.id])
    )


def assemble(core, consultation, codebook, pieces, answers, locale: str = "nl") -> Anthology:
    store, questions = core.store, questions_of(consultation)
    progress = report(core, consultation.id)
    names = _distinct(name for name, _ in store.answers.organisations(consultation.id))
    languages = Locale.parse(locale).languages
    return Anthology(
        programme=consultation.programme,
        title="Een bloemlezing van citaten",
        subtitle=consultation.title,
        date=format_date(date.fromisoformat(consultation.date), format="long", locale=locale),
        locale=locale,
        questions=tuple(Question(q.number, q.wording(locale)) for q in questions.questions),
        participation=Participation(
            invited=sum(r.invited for r in progress.roles.values()),
            submitted_stakeholders=progress.roles["stakeholder"].submitted,
            submitted_experts=progress.roles["expert"].submitted,
        ),
        parts=_parts(consultation, codebook, pieces, locale),
        organisations=tuple(names) if len(names) >= MIN_ORGANISATIONS else (),
        contributions=contributions(answers, consultation.id, questions.separately),
        language_names={code: languages.get(code, code) for code in {p.lang for p in pieces}},
    )


def build_anthology(core: Core, consultation: Consultation, locale: str = "nl") -> Anthology:
    codebook = codebook_of(core.store, consultation)
    pieces, answers = select(core.store, consultation, codebook)
    verify(pieces, answers)
    pieces = highlight(pieces, codebook)
    return assemble(core, consultation, codebook, pieces, answers, locale)
