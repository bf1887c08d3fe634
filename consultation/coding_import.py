"""The coding sheet, back in: all or nothing, never undoing later work.

Only what the work group changed against the view the sheet was written from becomes a
decision, so importing the same sheet twice changes nothing the second time (the same file is
also recognised after it was applied). A sheet made from an older revision is refused with
what changed since, or (``only_untouched``) applied to the statements nobody decided on
since, its cluster numbers carried through every renumbering since.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from analysis.codebook import Codebook
from consultation import revisions
from consultation.coding import Shown, shown_view
from consultation.core import Core
from consultation.numbering import settle
from consultation.review import codebook_of, save_codebook
from renderers.coding_sheet import (
    CodingRow,
    CodingSheetError,
    as_in_a_sheet,
    read_coding_sheet,
)
from renderers.document_text import Wording
from storage.records import Consultation
from storage.revisions import StatementReview

HEADER_ROWS = 1  # the sheet's first data row is row 2


@dataclass
class ImportSummary:
    rows: int = 0
    moved: int = 0
    highlights: int = 0
    excluded: int = 0
    included: int = 0
    released: int = 0
    translations: int = 0
    new_clusters: list[str] = field(default_factory=list)
    missing: int = 0
    revision: int = 0
    renumbered: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # only_untouched: rows not applied, why

    def __str__(self) -> str:
        lines = [
            f"{self.rows} statements read: {self.moved} placed in another cluster, "
            f"{self.highlights} pull quotes changed, {self.excluded} left out, "
            f"{self.included} taken back in"
        ]
        if self.released:
            lines.append(f"{self.released} included although a check held them back")
        if self.translations:
            lines.append(f"{self.translations} translations changed")
        lines += [f"new cluster {c}" for c in self.new_clusters]
        lines += self.renumbered
        if self.missing:
            lines.append(f"{self.missing} statements were not in the sheet and stay as they are")
        lines += self.skipped
        if self.revision:
            lines.append(f"the consultation is now at revision {self.revision}")
        return "\n".join(lines)


@dataclass
class _Import:
    """What one import is about to change."""

    codebook: Codebook
    summary: ImportSummary
    decisions: list = field(default_factory=list)
    reviews: dict = field(default_factory=dict)
    highlights: dict = field(default_factory=dict)
    new_titles: dict = field(default_factory=dict)
    typed: dict = field(default_factory=dict)  # new cluster -> the number typed for it
    stale: bool = False  # made from an older revision, applied to untouched rows only


def import_sheet(
    core: Core, consultation: Consultation, path, only_untouched: bool = False
) -> ImportSummary:
    """Apply the work group's sheet; on any problem raise ``CodingSheetError`` or ``Refused``
    and change nothing."""
    rows = read_coding_sheet(path)
    made_from = rows[0].revision if rows else revisions.current(core, consultation)
    name, source = Path(path).name, fingerprint(rows)
    stale = bool(core.store.revisions.since(consultation.id, made_from or 0))
    if stale and made_from is not None:
        if before := revisions.applied_before(core, consultation, made_from, source):
            summary = ImportSummary(rows=len(rows), revision=revisions.current(core, consultation))
            summary.skipped.append(f"this sheet was imported before (revision {before})")
            return summary
    if not only_untouched or made_from is None:
        revisions.require_current(core, consultation, made_from, name)
    store = core.store
    statements = {s.id: s for s in store.statements.for_consultation(consultation.id)}
    view = shown_view(core, consultation)
    reviews = store.revisions.reviews(consultation.id)
    work = _Import(codebook_of(store, consultation), ImportSummary(rows=len(rows)), stale=stale)
    adopted = _adopted(rows, view)
    for index, row in enumerate(rows, start=HEADER_ROWS + 1):
        stored, shown = _check(row, index, statements, view, consultation)
        review = reviews.get(row.statement_id, StatementReview())
        number = row.cluster_number
        if stale:
            if review.revision > (made_from or 0):
                work.summary.skipped.append(f"row {index}: decided on since; not applied")
                continue
            number = revisions.carried(core, consultation, made_from or 0, number)
        _apply(work, row, index, number, stored, shown, review, adopted)
    work.summary.missing = len(view) - len(rows)
    _commit(core, consultation, work, view, source)
    return work.summary


def fingerprint(rows: list[CodingRow]) -> str:
    """The sheet's decisions, so that importing the same file again is recognised."""
    digest = hashlib.sha256()
    for row in rows:
        values = (row.statement_id, row.cluster_label, row.translation, row.highlight, row.include)
        digest.update(repr((*values, row.revision)).encode())
    return digest.hexdigest()


def _adopted(rows: list[CodingRow], view: dict[str, Shown]) -> dict[tuple[str, str], str]:
    """Proposed clusters the work group moved other statements into: they become clusters,
    with every statement shown in them."""
    proposals = {(s.part, s.number): s.title for s in view.values() if s.proposed and s.include}
    adopted = {}
    for row in rows:
        key = (row.part, row.cluster_number)
        shown = view.get(row.statement_id)
        if key in proposals and shown is not None and shown.number != row.cluster_number:
            adopted[key] = proposals[key]
    return adopted


def _apply(work: _Import, row, index, number, stored, shown, review, adopted) -> None:
    summary = work.summary
    cluster = _cluster(work, row, shown, index, number, adopted)
    if cluster is None:
        summary.skipped.append(f"row {index}: a new cluster is made only from a current sheet")
        return
    work.highlights.setdefault(row.part, {})[row.statement_id] = row.highlight
    summary.highlights += row.highlight != shown.highlight
    released = review.released or (row.include and not shown.include and shown.held)
    translation = review.translation if row.translation is None else row.translation
    moved = cluster != shown.number
    changed = moved or row.include != shown.include
    if changed:
        summary.moved += moved
        summary.excluded += shown.include and not row.include
        summary.included += row.include and not shown.include and not stored.include
        work.decisions.append((stored.id, cluster or stored.cluster, stored.highlight, row.include))
    summary.released += released != review.released
    summary.translations += translation != review.translation
    if changed or released != review.released or translation != review.translation:
        work.reviews[stored.id] = StatementReview(0, translation, released)


def _commit(core: Core, consultation: Consultation, work: _Import, view, source: str) -> None:
    store, summary = core.store, work.summary
    changed_parts = {
        part
        for part, marks in work.highlights.items()
        if any(marks[sid] != view[sid].highlight for sid in marks)
    }
    if not (work.decisions or work.reviews or changed_parts or summary.new_clusters):
        summary.revision = revisions.current(core, consultation)
        return
    with store.transaction():
        if summary.new_clusters:
            save_codebook(store, consultation, work.codebook)
        store.statements.review(work.decisions)
        for part in changed_parts:  # the sheet's pull quotes become the part's, all of them
            store.statements.set_highlights(work.highlights[part])
        kind = revisions.SHEET_AND_CLUSTERS if summary.new_clusters else revisions.SHEET
        number = store.revisions.add(
            consultation.id, kind, str(summary).splitlines(), source=source
        )
        store.revisions.set_reviews(
            {
                sid: StatementReview(number, r.translation, r.released)
                for sid, r in work.reviews.items()
            }
        )
        mapping = settle(core, consultation)
    summary.new_clusters = [
        _named(mapping.get(created, created), title, work.typed.get(created, ""))
        for created, title in (c.split(" ", 1) for c in summary.new_clusters)
    ]
    placed = {s.cluster for s in store.statements.for_consultation(consultation.id)}
    summary.renumbered = [
        f"cluster {old} is now {new}"
        for old, new in mapping.items()
        if old not in work.typed and new in placed
    ]
    summary.revision = revisions.current(core, consultation)


def _named(number: str, title: str, typed: str) -> str:
    return f"{number} {title}" + (f" (typed as {typed})" if typed and typed != number else "")


def _check(row: CodingRow, index: int, statements, view, consultation):
    stored = statements.get(row.statement_id)
    if stored is None or row.statement_id not in view:
        raise CodingSheetError(
            f"row {index}: statement {row.statement_id} is not in consultation {consultation.id}",
            row=index,
        )
    if as_in_a_sheet(row.text) != as_in_a_sheet(stored.text):
        raise CodingSheetError(
            f"row {index}: the statement text was changed; quotes stay literal, so change "
            "only the cluster, translation, highlight and include columns",
            row=index,
        )
    shown = view[row.statement_id]
    if row.part != shown.part:
        raise CodingSheetError(f"row {index}: the part was changed", row=index)
    return stored, shown


def _cluster(work: _Import, row: CodingRow, shown: Shown, index: int, number: str, adopted):
    """The cluster a row puts its statement in ("" = the proposal it was shown in); a title
    the codebook has is that cluster; an unknown number or title makes a new cluster."""
    codebook = work.codebook
    part = codebook.part(row.part)
    known = {c.number for c in part.clusters}
    title = row.cluster_title.strip()
    if number in known:
        return number
    if (row.part, number) in adopted:
        title = adopted[(row.part, number)]
    elif shown.proposed and title == shown.title.strip() and number in ("", shown.number):
        return ""  # a proposed cluster left as it was
    if not title:
        raise CodingSheetError(
            f"row {index}: cluster {number or '(empty)'} is not in the codebook and has no title",
            row=index,
        )
    title = _without_proposal_prefix(title)
    if not number or (row.part, number) in adopted:
        same = [
            c.number
            for c in part.clusters
            if codebook.title(c.number).casefold() == title.casefold()
        ]
        if same:
            return same[0]
    key = (row.part, title.casefold())
    if key in work.new_titles:
        return work.new_titles[key]
    if number and not number.startswith(f"{row.part}."):
        raise CodingSheetError(
            f"row {index}: cluster {number} does not belong to part {row.part}", row=index
        )
    if work.stale:
        return None
    work.codebook = codebook.added(row.part, title)
    created = next(c.number for c in work.codebook.part(row.part).clusters if c.number not in known)
    work.new_titles[key] = created
    work.typed[created] = number
    work.summary.new_clusters.append(f"{created} {title}")
    return created


def _without_proposal_prefix(title: str) -> str:
    for wording in (Wording("nl"), Wording("en")):
        prefix = wording.text("proposed_cluster", title="")
        if prefix and title.startswith(prefix):
            return title[len(prefix) :].strip()
    return title
