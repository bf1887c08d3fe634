"""The coding sheet round trip: out as the document groups it, back in all or nothing.

The sheet shows each statement as the document places it (cluster, pull quote, included);
reading it back, only what the work group changed against that view becomes a decision,
so importing the same sheet twice changes nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from analysis.codebook import Codebook
from consultation.anthology import build_anthology
from consultation.core import Core
from consultation.review import codebook_of, prepare, save_codebook
from renderers.coding_sheet import (
    CodingRow,
    CodingSheetError,
    read_coding_sheet,
    write_coding_sheet,
)
from storage.records import Consultation
from storage.statements import StoredStatement

HEADER_ROWS = 1  # the sheet's first data row is row 2


@dataclass(frozen=True)
class Shown:
    """How the document shows one statement: the view the sheet starts from."""

    part: str
    number: str  # the codebook's cluster number, "" for a proposed cluster
    title: str
    highlight: bool
    include: bool


def shown_view(core: Core, consultation: Consultation) -> dict[str, Shown]:
    store = core.store
    anthology = build_anthology(core, consultation)
    codebook = codebook_of(store, consultation)
    view: dict[str, Shown] = {}
    for part in anthology.parts:
        for cluster in part.clusters:
            for quote in cluster.quotes:
                view[quote.id] = Shown(
                    part.number, cluster.source_number, cluster.title, quote.highlight, True
                )
    chapters = {p.question: p.chapter for p in codebook.parts}
    for s in store.statements.for_consultation(consultation.id):
        if s.id not in view and s.question in chapters:
            title = codebook.title(s.cluster) if s.cluster else ""
            view[s.id] = Shown(chapters[s.question], s.cluster, title, s.highlight, s.include)
    return view


def write_sheet(core: Core, consultation: Consultation, path: Path) -> None:
    """One row per statement of the parts, in the document's order, left-out ones last."""
    prepare(core, consultation)
    store = core.store
    view = shown_view(core, consultation)
    codebook = codebook_of(store, consultation)
    statements = {s.id: s for s in store.statements.for_consultation(consultation.id)}
    langs = {a.id: a.lang for a in store.answers.for_consultation(consultation.id)}
    rows = [_row(statements[sid], shown, langs) for sid, shown in view.items()]
    choices = {
        p.chapter: [(c.number, codebook.title(c.number)) for c in p.clusters]
        for p in codebook.parts
    }
    write_coding_sheet(rows, path, choices)


def _row(s: StoredStatement, shown: Shown, langs) -> CodingRow:
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
    )


@dataclass
class ImportSummary:
    rows: int = 0
    moved: int = 0
    highlights: int = 0
    excluded: int = 0
    included: int = 0
    new_clusters: list[str] = field(default_factory=list)
    missing: int = 0

    def __str__(self) -> str:
        lines = [
            f"{self.rows} statements read: {self.moved} placed in another cluster, "
            f"{self.highlights} pull quotes changed, {self.excluded} left out, "
            f"{self.included} taken back in"
        ]
        lines += [f"new cluster {c}" for c in self.new_clusters]
        if self.missing:
            lines.append(f"{self.missing} statements were not in the sheet and stay as they are")
        return "\n".join(lines)


def import_sheet(core: Core, consultation: Consultation, path) -> ImportSummary:
    """Apply the work group's sheet; on any problem raise ``CodingSheetError``, change nothing."""
    rows = read_coding_sheet(path)
    store = core.store
    statements = {s.id: s for s in store.statements.for_consultation(consultation.id)}
    view = shown_view(core, consultation)
    codebook = codebook_of(store, consultation)
    summary, decisions, new_titles = ImportSummary(rows=len(rows)), [], {}
    highlights: dict[str, dict[str, bool]] = {}
    for index, row in enumerate(rows, start=HEADER_ROWS + 1):
        stored, shown = _check(row, index, statements, view, consultation)
        codebook, number = _cluster(codebook, row, shown, index, new_titles, summary)
        highlights.setdefault(row.part, {})[row.statement_id] = row.highlight
        summary.highlights += row.highlight != shown.highlight
        if number == shown.number and row.include == shown.include:
            continue
        summary.moved += number != shown.number
        summary.excluded += shown.include and not row.include
        summary.included += row.include and not shown.include
        decisions.append((stored.id, number or stored.cluster, stored.highlight, row.include))
    summary.missing = len(view) - len(rows)
    changed_parts = {
        part
        for part, marks in highlights.items()
        if any(marks[sid] != view[sid].highlight for sid in marks)
    }
    with store.transaction():
        if summary.new_clusters:
            save_codebook(store, consultation, codebook)
        store.statements.review(decisions)
        for part in changed_parts:  # the sheet's pull quotes become the part's, all of them
            store.statements.set_highlights(highlights[part])
    return summary


def _check(row: CodingRow, index: int, statements, view, consultation):
    stored = statements.get(row.statement_id)
    if stored is None or row.statement_id not in view:
        raise CodingSheetError(
            f"row {index}: statement {row.statement_id} is not in consultation {consultation.id}",
            row=index,
        )
    if row.text.strip() != stored.text.strip():
        raise CodingSheetError(
            f"row {index}: the statement text was changed; quotes stay literal, so change "
            "only the cluster, highlight and include columns",
            row=index,
        )
    shown = view[row.statement_id]
    if row.part != shown.part:
        raise CodingSheetError(f"row {index}: the part was changed", row=index)
    return stored, shown


def _cluster(codebook: Codebook, row: CodingRow, shown: Shown, index: int, new_titles, summary):
    """The cluster a row puts its statement in ("" = the proposal it was shown in); a title
    the codebook has is that cluster; an unknown number or title makes a new cluster."""
    part = codebook.part(row.part)
    known = {c.number for c in part.clusters}
    title = row.cluster_title.strip()
    if row.cluster_number in known:
        return codebook, row.cluster_number
    if not row.cluster_number and title == shown.title.strip() and not shown.number:
        return codebook, ""  # a proposed cluster left as it was
    if not title:
        raise CodingSheetError(
            f"row {index}: cluster {row.cluster_number or '(empty)'} is not in the codebook "
            "and has no title",
            row=index,
        )
    if not row.cluster_number:
        same = [
            c.number
            for c in part.clusters
            if codebook.title(c.number).casefold() == title.casefold()
        ]
        if same:
            return codebook, same[0]
    key = (row.part, title.casefold())
    if key in new_titles:
        return codebook, new_titles[key]
    number = row.cluster_number or None
    if number and not number.startswith(f"{row.part}."):
        raise CodingSheetError(
            f"row {index}: cluster {number} does not belong to part {row.part}", row=index
        )
    codebook = codebook.added(row.part, title, number=number)
    created = next(c.number for c in codebook.part(row.part).clusters if c.number not in known)
    new_titles[key] = created
    summary.new_clusters.append(f"{created} {title}")
    return codebook, created
