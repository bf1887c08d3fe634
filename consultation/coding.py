"""The coding sheet, out: each statement as the document places it.

The sheet shows each statement with the cluster number the document prints, whether it is a
pull quote and whether it is printed, a translation the work group typed, and for a statement
a check holds back, why. It carries the consultation's revision it was made from. Reading it
back is ``consultation.coding_import``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from consultation import revisions
from consultation.anthology import build_anthology
from consultation.coding_notes import note
from consultation.core import Core
from consultation.numbering import settle
from consultation.review import codebook_of, prepare
from consultation.selection import select
from renderers.coding_sheet import (
    CodingRow,
    write_coding_sheet,
)
from storage.records import Consultation
from storage.revisions import StatementReview


@dataclass(frozen=True)
class Shown:
    """How the document shows one statement: the view the sheet starts from."""

    part: str
    number: str  # the cluster number the document prints (a proposed cluster's too)
    title: str
    highlight: bool
    include: bool  # printed in the document
    proposed: bool = False
    notes: str = ""  # why a check holds it back
    held: bool = False  # a check holds it back and the work group has not included it


def shown_view(core: Core, consultation: Consultation) -> dict[str, Shown]:
    store = core.store
    codebook = codebook_of(store, consultation)
    selection = select(store, consultation, codebook)
    anthology = build_anthology(core, consultation)

    def notes(sid: str) -> str:
        review = selection.reviews.get(sid, StatementReview())
        return note(selection.holds.get(sid, ()), review.released)

    view: dict[str, Shown] = {}
    for part in anthology.parts:
        for cluster in part.clusters:
            for quote in cluster.quotes:
                view[quote.id] = Shown(
                    part.number,
                    cluster.number,
                    cluster.title,
                    quote.highlight,
                    True,
                    cluster.proposed,
                    notes(quote.id),
                )
    chapters = {p.question: p.chapter for p in codebook.parts}
    for s in selection.statements.values():
        if s.id not in view:
            title = codebook.title(s.cluster) if s.cluster else ""
            view[s.id] = Shown(
                chapters[s.question],
                s.cluster,
                title,
                s.highlight,
                False,
                notes=notes(s.id),
                held=selection.held(s.id),
            )
    return view


def write_sheet(core: Core, consultation: Consultation, path: Path) -> None:
    """One row per statement of the parts, in the document's order, the others last."""
    prepare(core, consultation)
    settle(core, consultation)
    store = core.store
    view = shown_view(core, consultation)
    codebook = codebook_of(store, consultation)
    statements = {s.id: s for s in store.statements.for_consultation(consultation.id)}
    reviews = store.revisions.reviews(consultation.id)
    langs = {a.id: a.lang for a in store.answers.for_consultation(consultation.id)}
    revision = revisions.current(core, consultation)
    rows = [
        _row(statements[sid], shown, langs, reviews.get(sid, StatementReview()), revision)
        for sid, shown in view.items()
    ]
    choices: dict[str, dict[str, str]] = {
        p.chapter: {c.number: codebook.title(c.number) for c in p.clusters} for p in codebook.parts
    }
    for shown in view.values():
        if shown.proposed:
            choices[shown.part][shown.number] = shown.title
    ordered = {
        part: sorted(clusters.items(), key=lambda item: _key(item[0]))
        for part, clusters in choices.items()
    }
    write_coding_sheet(rows, path, ordered)


def _key(number: str) -> tuple[int, ...]:
    return tuple(int(x) for x in number.split(".") if x.isdigit())


def _row(s, shown: Shown, langs, review: StatementReview, revision: int) -> CodingRow:
    return CodingRow(
        statement_id=s.id,
        part=shown.part,
        cluster_number=shown.number,
        cluster_title=shown.title,
        suggestions=tuple(s.suggestions),
        score=s.scores[0] if s.scores else 0.0,
        text=s.text,
        lang=langs.get(s.answer_id, ""),
        highlight=shown.highlight,
        include=shown.include,
        translation=review.translation,
        notes=shown.notes,
        revision=revision,
    )
