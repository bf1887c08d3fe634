"""The work group's review, kept: statements cut once, assigned once, corrected by people.

``refresh`` cuts new answers into statements and assigns each to a cluster of the
consultation's codebook; what a facilitator decided (via the coding sheet) is kept and
steers later assignments as examples.
"""

from __future__ import annotations

import secrets

from analysis.assignment import Assigner
from analysis.codebook import Codebook, CodebookError, load_default_codebook
from analysis.codebook_formats import format_yaml, parse_yaml
from analysis.statements import split_statements
from storage.records import Consultation
from storage.statements import StoredStatement
from storage.store import Store

ANTHOLOGY_QUESTIONS = (1, 2, 3, 4)


def _new_id(taken: set[str]) -> str:
    """An opaque statement id: unlike "answer 12, statement 3" it groups nothing by person."""
    while (candidate := f"s{secrets.token_hex(6)}") in taken:
        pass
    taken.add(candidate)
    return candidate


def codebook_of(store: Store, consultation: Consultation) -> Codebook:
    """The consultation's own codebook, or the default (the 2022 anthology's)."""
    text = store.consultations.codebook(consultation.id)
    if not text:
        return load_default_codebook()
    return parse_yaml(text, name=f"codebook of {consultation.id}")


def save_codebook(store: Store, consultation: Consultation, codebook: Codebook) -> None:
    check_complete(codebook)
    store.consultations.set_codebook(consultation.id, format_yaml(codebook))


def check_complete(codebook: Codebook) -> None:
    """Every statement goes in: each of questions 1-4 needs a part with a cluster."""
    missing = [
        str(q)
        for q in ANTHOLOGY_QUESTIONS
        if (part := codebook.part_for_question(q)) is None or not part.clusters
    ]
    if missing:
        raise CodebookError(
            f"the codebook needs a part with at least one cluster for question(s) "
            f"{', '.join(missing)}: without it their answers would drop out of the anthology"
        )


def corrections(statements: list[StoredStatement]) -> list[tuple[str, str]]:
    """Facilitators' decisions as (statement text, cluster) examples for the assigner."""
    return [(s.text, s.cluster) for s in statements if s.decided_by == "facilitator" and s.cluster]


def refresh(store: Store, consultation: Consultation, codebook: Codebook) -> list[StoredStatement]:
    """Cut and assign the statements of answers not seen before; return all of them."""
    answers = store.answers.for_consultation(consultation.id)
    existing = store.statements.for_consultation(consultation.id)
    cut = {s.answer_id for s in existing}
    taken = {s.id for s in existing}
    chapters = {part.question: part.chapter for part in codebook.parts}
    fresh = []
    for answer in answers:
        if answer.id in cut or answer.question not in chapters:
            continue  # cut before, or question 5: kept whole for the action plan
        for statement in split_statements(answer.text):
            fresh.append((_new_id(taken), answer, statement))
    if _reassign_orphans(store, codebook, existing, chapters):
        existing = store.statements.for_consultation(consultation.id)
    assigner = Assigner(codebook, examples=corrections(existing))
    results = assigner.assign_many([(st.text, chapters[a.question], a.lang) for _, a, st in fresh])
    new = [
        StoredStatement(
            id=sid,
            consultation_id=consultation.id,
            answer_id=answer.id,
            question=answer.question,
            start=statement.start,
            end=statement.end,
            text=statement.text,
            cluster=result.clusters[0] if result.clusters else "",
            suggestions=list(result.clusters),
            scores=list(result.scores),
            fits=bool(result.fits),
            highlight=False,
            include=True,
            decided_by="auto",
        )
        for (sid, answer, statement), result in zip(fresh, results, strict=True)
    ]
    store.statements.add(new)
    return existing + new if new else existing


def _reassign_orphans(store: Store, codebook: Codebook, existing, chapters) -> bool:
    """Statements whose cluster left the codebook (removed, merged) find a new one."""
    numbers = {c.number for c in codebook.clusters()}
    orphans = [
        s for s in existing if s.question in chapters and s.cluster and s.cluster not in numbers
    ]
    if not orphans:
        return False
    assigner = Assigner(codebook, examples=corrections(existing))
    results = assigner.assign_many([(s.text, chapters[s.question]) for s in orphans])
    store.statements.reassign(
        [
            (s.id, r.clusters[0], r.clusters, r.scores, r.fits)
            for s, r in zip(orphans, results, strict=True)
        ]
    )
    return True
