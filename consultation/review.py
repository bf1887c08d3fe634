"""The work group's review, kept: statements cut once, assigned once, corrected by people.

``prepare`` cuts new answers into statements and assigns each to a cluster of the
consultation's codebook; exporting calls it first, explicitly, so that building a document
only reads. A statement that is no quote (a greeting, a thank-you, a one-word reply) is kept,
marked ``quotable`` False: the document holds it back, the coding sheet shows it marked, and
the work group may still include it.
With sentence vectors on (``analysis.sentence_vectors``), each new statement's vector is
computed once and kept with it. What a facilitator decided (via the coding sheet) is kept and
steers later assignments as examples. A consultation's codebook follows its question set: one
part per part of the set, the 2022 clusters where the set asks for them, else one general cluster.
"""

from __future__ import annotations

import secrets

from analysis.assignment import Assigner
from analysis.codebook import (
    Codebook,
    CodebookCluster,
    CodebookError,
    CodebookPart,
)
from analysis.codebook_formats import format_yaml, load_default_codebook, parse_yaml
from analysis.sentence_vectors import VectorCache, encoder, from_bytes, to_bytes
from analysis.statements import split_statements
from consultation.consultations import find, questions_of
from consultation.core import Core
from consultation.questions import QuestionSet
from locales import registry
from locales.texts import Texts
from storage.records import Consultation
from storage.statements import StoredStatement
from storage.store import Store


def _new_id(taken: set[str]) -> str:
    """An opaque statement id: unlike "answer 12, statement 3" it groups nothing by person."""
    while (candidate := f"s{secrets.token_hex(6)}") in taken:
        pass
    taken.add(candidate)
    return candidate


def codebook_of(store: Store, consultation: Consultation) -> Codebook:
    """The consultation's own codebook, or the one its question set starts from."""
    questions = questions_of(consultation)
    text = store.consultations.codebook(consultation.id)
    if text:
        codebook = parse_yaml(text, name=f"codebook of {consultation.id}")
    elif questions.codebook == "default":
        codebook = load_default_codebook()
    else:
        codebook = Codebook(())
    return aligned(codebook, questions)


def aligned(codebook: Codebook, questions: QuestionSet) -> Codebook:
    """The codebook's clusters under the question set's parts (titles, which question feeds
    which part); a part the codebook lacks gets one general cluster."""
    chapters = {p.chapter: p for p in codebook.parts}
    parts = []
    for part in questions.parts:
        clusters = chapters[part.number].clusters if part.number in chapters else ()
        parts.append(
            CodebookPart(part.number, part.question, dict(part.title), clusters or _general(part))
        )
    return Codebook(tuple(parts), codebook.name)


def _general(part) -> tuple[CodebookCluster, ...]:
    texts = Texts()
    titles = {lang: texts.get(lang, "codebook.general") for lang in registry.codes()}
    return (CodebookCluster(f"{part.number}.1", titles, ours=True),)


def save_codebook(store: Store, consultation: Consultation, codebook: Codebook) -> None:
    check_complete(codebook, questions_of(consultation))
    store.consultations.set_codebook(consultation.id, format_yaml(codebook))


def check_complete(codebook: Codebook, questions: QuestionSet) -> None:
    """Every statement goes in: each part of the question set needs a part with a cluster."""
    missing = [
        part.number
        for part in questions.parts
        if not any(p.chapter == part.number and p.clusters for p in codebook.parts)
    ]
    if missing:
        raise CodebookError(
            f"the codebook needs at least one cluster in part(s) {', '.join(missing)}: "
            "without it their answers would drop out of the anthology"
        )


def corrections(statements: list[StoredStatement]) -> list[tuple[str, str]]:
    """Facilitators' decisions as (statement text, cluster) examples for the assigner."""
    return [
        (s.text, s.cluster)
        for s in statements
        if s.decided_by == "facilitator" and s.cluster and s.quotable
    ]


def vector_cache(store: Store, consultation: Consultation) -> VectorCache:
    """The sentence vectors kept for this consultation's statements (and the shipped ones);
    without the optional encoder, an empty cache that turns the meaning signal off."""
    cache = VectorCache(encoder())
    if cache.on:
        kept = store.statements.vectors(consultation.id, cache.encoder.name)
        for s in store.statements.for_consultation(consultation.id):
            if s.id in kept:
                cache.add(s.text, from_bytes(kept[s.id]))
    return cache


def prepare(
    core: Core, consultation: Consultation, cache: VectorCache | None = None
) -> list[StoredStatement]:
    """Cut and assign the statements of answers not seen before; return all of them.

    The slow part (sentence vectors of the new statements) happens first, outside any
    transaction, so that nobody waits for it; ``cache``: vectors computed beforehand
    (``encode``), e.g. by the running bot in a worker thread."""
    cache = cache if cache is not None else encode(core.store, consultation)
    with core.store.transaction():
        return _refresh(core.store, consultation, codebook_of(core.store, consultation), cache)


def encode(store: Store, consultation: Consultation) -> VectorCache:
    """The vectors of the statements not cut yet, computed without holding any lock (only
    reads): the one slow step of preparing an export. Safe on a connection of its own."""
    cache = vector_cache(store, consultation)
    if cache.on:
        fresh = _uncut(store, consultation, codebook_of(store, consultation))
        cache.vectors([statement.text for _, statement in fresh])
    return cache


def needs_preparing(store: Store, consultation: Consultation) -> bool:
    """Answers submitted that are not cut into statements yet."""
    return bool(_uncut(store, consultation, codebook_of(store, consultation)))


def _uncut(store: Store, consultation: Consultation, codebook: Codebook, existing=None):
    """(answer, statement) of the answers that feed a part and were not cut before;
    ``existing``: the statements already read, if they were."""
    if existing is None:
        existing = store.statements.for_consultation(consultation.id)
    cut = {s.answer_id for s in existing}
    chapters = {part.question for part in codebook.parts}
    return [
        (answer, statement)
        for answer in store.answers.for_consultation(consultation.id)
        if answer.id not in cut and answer.question in chapters
        for statement in split_statements(answer.text)
    ]


def _refresh(store: Store, consultation: Consultation, codebook: Codebook, cache):
    existing = store.statements.for_consultation(consultation.id)
    taken = {s.id for s in existing}
    chapters = {part.question: part.chapter for part in codebook.parts}
    # answers of questions that feed no part (the action plan) are kept whole, never cut
    fresh = [(_new_id(taken), a, st) for a, st in _uncut(store, consultation, codebook, existing)]
    if _reassign_orphans(store, codebook, existing, chapters, cache):
        existing = store.statements.for_consultation(consultation.id)
    if not fresh:
        return existing
    assigner = Assigner(codebook, examples=corrections(existing), vectors=cache)
    vectors = cache.vectors([st.text for _, _, st in fresh]) if cache.on else None
    results = assigner.assign_many(
        [(st.text, chapters[a.question], a.lang) for _, a, st in fresh], vectors=vectors
    )
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
            include=True,  # a no-quote is held back by the selection until the work group says
            decided_by="auto",
            quotable=statement.quotable,
        )
        for (sid, answer, statement), result in zip(fresh, results, strict=True)
    ]
    store.statements.add(new)
    if vectors is not None and new:
        store.statements.set_vectors(
            cache.encoder.name,
            {s.id: to_bytes(v) for s, v in zip(new, vectors, strict=True)},
        )
    return existing + new if new else existing


def _reassign_orphans(store: Store, codebook: Codebook, existing, chapters, cache) -> bool:
    """Statements whose cluster left the codebook (removed, merged) find a new one."""
    numbers = {c.number for c in codebook.clusters()}
    orphans = [
        s for s in existing if s.question in chapters and s.cluster and s.cluster not in numbers
    ]
    if not orphans:
        return False
    assigner = Assigner(codebook, examples=corrections(existing), vectors=cache)
    results = assigner.assign_many([(s.text, chapters[s.question]) for s in orphans])
    store.statements.reassign(
        [
            (s.id, r.clusters[0], r.clusters, r.scores, r.fits)
            for s, r in zip(orphans, results, strict=True)
        ]
    )
    return True


def codebook_for(core: Core, consultation_id: str | None) -> Codebook:
    """The codebook of a consultation, or with no consultation the default (2022) one."""
    if not consultation_id:
        return load_default_codebook()
    return codebook_of(core.store, find(core, consultation_id))
