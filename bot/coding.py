"""The coding sheet round trip: out as the document groups it, back in all or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from exporters.anthology import build_anthology
from exporters.codebook import Codebook
from exporters.coding_sheet import (
    CodingRow,
    CodingSheetError,
    read_coding_sheet,
    write_coding_sheet,
)
from exporters.review import codebook_of, save_codebook
from storage.records import Consultation
from storage.store import Store

HEADER_ROWS = 1  # the sheet's first data row is row 2


def write_sheet(store: Store, consultation: Consultation, path: Path) -> None:
    """One row per statement of parts 1-4, in the document's order, excluded ones last."""
    anthology = build_anthology(store, consultation)
    codebook = codebook_of(store, consultation)
    statements = {s.id: s for s in store.statements.for_consultation(consultation.id)}
    langs = {a.id: a.lang for a in store.answers.for_consultation(consultation.id)}
    rows, placed = [], set()
    for part in anthology.parts:
        for cluster in part.clusters:
            for quote in cluster.quotes:
                s = statements[quote.id]
                rows.append(
                    _row(
                        s, part.number, cluster.source_number, cluster.title, quote.highlight, langs
                    )
                )
                placed.add(quote.id)
    chapters = {p.question: p.chapter for p in codebook.parts}
    for s in statements.values():
        if s.id not in placed and s.question in chapters:
            title = codebook.title(s.cluster) if s.cluster else ""
            rows.append(_row(s, chapters[s.question], s.cluster, title, s.highlight, langs))
    choices = {
        p.chapter: [(c.number, codebook.title(c.number)) for c in p.clusters]
        for p in codebook.parts
    }
    write_coding_sheet(rows, path, choices)


def _row(s, part: str, number: str, title: str, highlight: bool, langs) -> CodingRow:
    return CodingRow(
        statement_id=s.id,
        part=part,
        cluster_number=number,
        cluster_title=title,
        suggestions=tuple(s.suggestions),
        score=s.scores[0] if s.scores else 0.0,
        text=s.text,
        lang=langs.get(s.answer_id, ""),
        highlight=highlight,
        include=s.include,
    )


@dataclass
class ImportSummary:
    rows: int = 0
    moved: int = 0
    highlights: int = 0
    excluded: int = 0
    new_clusters: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [
            f"{self.rows} statements read: {self.moved} placed in another cluster, "
            f"{self.highlights} highlighted, {self.excluded} left out"
        ]
        lines += [f"new cluster {c}" for c in self.new_clusters]
        return "\n".join(lines)


def import_sheet(store: Store, consultation: Consultation, path) -> ImportSummary:
    """Apply the work group's sheet; on any problem raise ``CodingSheetError``, change nothing."""
    rows = read_coding_sheet(path)
    statements = {s.id: s for s in store.statements.for_consultation(consultation.id)}
    codebook = codebook_of(store, consultation)
    chapters = {p.question: p.chapter for p in codebook.parts}
    summary, decisions = ImportSummary(rows=len(rows)), []
    new_titles: dict[tuple[str, str], str] = {}
    for index, row in enumerate(rows, start=HEADER_ROWS + 1):
        stored = statements.get(row.statement_id)
        if stored is None:
            raise CodingSheetError(
                f"row {index}: statement {row.statement_id} is not in consultation "
                f"{consultation.id}",
                row=index,
            )
        if row.text.strip() != stored.text.strip():
            raise CodingSheetError(
                f"row {index}: the statement text was changed; quotes stay literal, so change "
                "only the cluster, highlight and include columns",
                row=index,
            )
        if row.part != chapters.get(stored.question):
            raise CodingSheetError(f"row {index}: the part was changed", row=index)
        codebook, number = _cluster(codebook, row, index, new_titles, summary)
        if (number, row.highlight, row.include) == (
            stored.cluster,
            stored.highlight,
            stored.include,
        ):
            continue
        summary.moved += number != stored.cluster
        summary.highlights += row.highlight and not stored.highlight
        summary.excluded += stored.include and not row.include
        decisions.append((stored.id, number, row.highlight, row.include))
    if summary.new_clusters:
        save_codebook(store, consultation, codebook)
    store.statements.review(decisions)
    return summary


def _cluster(codebook: Codebook, row: CodingRow, index: int, new_titles, summary):
    """The cluster a row puts its statement in; unknown numbers or titles make new clusters."""
    part = codebook.part(row.part)
    known = {c.number for c in part.clusters}
    if row.cluster_number in known:
        return codebook, row.cluster_number
    title = row.cluster_title.strip()
    if not title:
        raise CodingSheetError(
            f"row {index}: cluster {row.cluster_number or '(empty)'} is not in the codebook "
            "and has no title",
            row=index,
        )
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
