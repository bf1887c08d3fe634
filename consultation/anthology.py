"""From stored, anonymised answers to the bloemlezing model, in ordered, named steps.

select -> verify -> highlight -> order -> assemble. Each step is a small function;
``build_anthology`` runs them in order. It only reads: statements are cut and assigned
beforehand (``consultation.review.prepare``) and cluster numbers settled
(``consultation.numbering.settle``), so every cluster carries the number the codebook and the
coding sheet give it.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

import numpy as np
from babel import Locale
from babel.dates import format_date

from analysis.codebook import Codebook, number_key
from analysis.proposals import propose_clusters
from analysis.sentence_vectors import MODEL, from_bytes
from consultation.consultations import questions_of
from consultation.core import Core
from consultation.progress import report
from consultation.pull_quotes import highlight
from consultation.review import codebook_of
from consultation.selection import LiteralQuoteError, Piece, Selection, select, verify
from renderers.document_text import Wording
from renderers.model import Anthology, Cluster, Part, Participation, Question, Quote
from storage.records import Consultation, StoredAnswer

__all__ = ["LiteralQuoteError", "build_anthology", "layout"]

MIN_ORGANISATIONS = 5  # fewer, and the annex could point at the people who took part


def _key(consultation_id: str, piece: Piece) -> str:
    return hashlib.sha256(f"{consultation_id}/{piece.id}".encode()).hexdigest()


def order(pieces: list[Piece], consultation_id: str) -> list[Piece]:
    """A stable order that never puts one person's statements in a row where avoidable."""
    queues: dict[str, list[Piece]] = defaultdict(list)
    for piece in sorted(pieces, key=lambda p: _key(consultation_id, p)):
        queues[piece.respondent].append(piece)
    # the person with most statements left goes next, never twice in a row if avoidable; a
    # heap keeps this linear in the number of statements (times the log of people)
    heap = [(-len(q), _key(consultation_id, q[0]), r) for r, q in queues.items()]
    heapq.heapify(heap)
    position = {r: 0 for r in queues}
    ordered: list[Piece] = []
    while heap:
        entry = heapq.heappop(heap)
        if ordered and entry[2] == ordered[-1].respondent and heap:
            entry = heapq.heapreplace(heap, entry)
        left, rank, respondent = entry
        ordered.append(queues[respondent][position[respondent]])
        position[respondent] += 1
        if left + 1 < 0:
            heapq.heappush(heap, (left + 1, rank, respondent))
    return ordered


def _quote(piece: Piece) -> Quote:
    return Quote(
        id=piece.id,
        text=piece.text,
        lang=piece.lang,
        highlight=piece.highlight,
        translation=piece.translation,
    )


def kept_vectors(core: Core, consultation_id: str) -> dict[str, np.ndarray]:
    """The sentence vectors kept with the consultation's statements, by statement id (none
    when they were never computed); reading them needs no encoder."""
    kept = core.store.statements.vectors(consultation_id, MODEL)
    return {statement_id: from_bytes(raw) for statement_id, raw in kept.items()}


def _proposed(pieces: list[Piece], others: list[Piece], consultation_id: str, vectors):
    """Statements that fit no cluster, grouped by meaning and named in Dutch
    (``analysis.proposals``): the proposed clusters (title, members), and the statements in no
    proposal, which go back to their best existing cluster for the work group."""
    groups = propose_clusters(
        [p.text for p in pieces],
        [p.lang for p in pieces],
        vectors=[vectors.get(p.id) for p in pieces],
        context=[p.text for p in others],
        context_langs=[p.lang for p in others],
    )
    proposals, placed = [], set()
    for group in groups:
        members = [pieces[i] for i in group.members]
        proposals.append((group.title, order(members, consultation_id)))
        placed.update(group.members)
    return proposals, [p for i, p in enumerate(pieces) if i not in placed]


@dataclass(frozen=True)
class PartLayout:
    """Where the printed statements of one part go: codebook clusters in codebook order, then
    the proposed clusters (title, members)."""

    chapter: str
    clusters: list[tuple[str, list[Piece]]]  # (codebook number, members), only non-empty
    proposals: list[tuple[str, list[Piece]]]

    def proposal_numbers(self) -> list[str]:
        """Proposals are numbered after the highest printed number of the codebook's."""
        last = max((number_key(n)[-1] for n, _ in self.clusters), default=0)
        return [f"{self.chapter}.{last + i}" for i in range(1, len(self.proposals) + 1)]


def layout(
    codebook: Codebook,
    pieces: list[Piece],
    consultation_id: str,
    vectors: dict[str, np.ndarray] | None = None,
) -> list[PartLayout]:
    """Where each piece goes; ``vectors`` (kept sentence vectors by statement id) let
    statements that fit nothing be grouped by meaning, not only by concepts."""
    vectors = vectors or {}
    by_cluster: dict[str, list[Piece]] = defaultdict(list)
    unfit: dict[int, list[Piece]] = defaultdict(list)
    for piece in pieces:
        if piece.proposed:
            unfit[piece.question].append(piece)
        else:
            by_cluster[piece.cluster].append(piece)
    parts = []
    for part in codebook.parts:
        others = [p for p in pieces if p.question == part.question and not p.proposed]
        proposals, rest = _proposed(unfit[part.question], others, consultation_id, vectors)
        for piece in rest:
            by_cluster[piece.cluster].append(piece)
        clusters = [
            (c.number, order(by_cluster[c.number], consultation_id))
            for c in part.clusters
            if by_cluster.get(c.number)
        ]
        parts.append(PartLayout(part.chapter, clusters, proposals))
    return parts


def _rebound(placed: list[PartLayout], pieces: list[Piece]) -> list[PartLayout] | None:
    """A layout made earlier, holding today's pieces; None when a piece is not there."""
    by_id = {p.id: p for p in pieces}
    laid = [p.id for part in placed for _, m in part.clusters + part.proposals for p in m]
    if len(laid) != len(by_id) or not all(i in by_id for i in laid):
        return None

    def members(groups):
        return [(name, [by_id[p.id] for p in m]) for name, m in groups]

    return [PartLayout(p.chapter, members(p.clusters), members(p.proposals)) for p in placed]


def _parts(consultation, codebook, pieces, locale, vectors, earlier=None) -> tuple[Part, ...]:
    questions = questions_of(consultation)
    wording = Wording(locale)
    parts = []
    placements = (earlier and _rebound(earlier, pieces)) or layout(
        codebook, pieces, consultation.id, vectors
    )
    for part, placed in zip(codebook.parts, placements, strict=True):
        clusters = [
            Cluster(
                number=number,
                title=codebook.title(number, locale),
                quotes=tuple(_quote(p) for p in members),
                source_number=number,
            )
            for number, members in placed.clusters
        ]
        for number, (title, members) in zip(
            placed.proposal_numbers(), placed.proposals, strict=True
        ):
            clusters.append(
                Cluster(
                    number=number,
                    title=wording.text("proposed_cluster", title=title),
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


def people_invited(core: Core, consultation: Consultation) -> int:
    """How many people were invited, when the invite links say so: only personal links (one
    use each) count people; a shared link's limit is no count of anyone (0: not known)."""
    links = core.store.progress.invites(consultation.id)
    if not links or any(max_uses != 1 for _, max_uses, _ in links):
        return 0
    return len(links)


def sessions_of(consultation: Consultation) -> tuple[str, ...]:
    """The dates the consultation ran on (ISO): one session on its date. Catch-up sessions
    add their dates here."""
    return (consultation.date,)


def _long_date(iso: str, locale: str) -> str:
    return format_date(date.fromisoformat(iso), format="long", locale=locale) if iso else ""


def assemble(
    core, consultation, codebook, selection: Selection, locale: str = "nl", placed=None
) -> Anthology:
    store, questions = core.store, questions_of(consultation)
    progress = report(core, consultation.id)
    names = _distinct(name for name, _ in store.answers.organisations(consultation.id))
    languages = Locale.parse(locale).languages
    pieces = selection.pieces
    return Anthology(
        programme=consultation.programme,
        title="Een bloemlezing van citaten",
        subtitle=consultation.title,
        date=_long_date(consultation.date, locale),
        locale=locale,
        questions=tuple(Question(q.number, q.wording(locale)) for q in questions.questions),
        participation=Participation(
            invited=people_invited(core, consultation),
            submitted_stakeholders=progress.roles["stakeholder"].submitted,
            submitted_experts=progress.roles["expert"].submitted,
        ),
        parts=_parts(
            consultation, codebook, pieces, locale, kept_vectors(core, consultation.id), placed
        ),
        organisations=tuple(names) if len(names) >= MIN_ORGANISATIONS else (),
        contributions=contributions(selection.answers, consultation.id, questions.separately),
        language_names={code: languages.get(code, code) for code in {p.lang for p in pieces}},
        sessions=tuple(_long_date(day, locale) for day in sessions_of(consultation)),
        left_out=selection.left_out,
        held_back=selection.held_back,
        unmarked_languages=tuple(sorted(selection.hidden_languages)),
    )


def build_anthology(
    core: Core,
    consultation: Consultation,
    locale: str = "nl",
    placed: list[PartLayout] | None = None,
) -> Anthology:
    """``placed``: the layout numbering settled on just before (``numbering.settled``),
    used when it holds exactly the statements selected now."""
    codebook = codebook_of(core.store, consultation)
    selection = select(core.store, consultation, codebook, locale)
    verify(selection.pieces, selection.answers)
    pieces = highlight(selection.pieces, codebook, locale)
    return assemble(core, consultation, codebook, replace(selection, pieces=pieces), locale, placed)
