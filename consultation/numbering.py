"""One numbering everywhere: the codebook's cluster numbers are the ones the documents print.

The documents print only clusters that hold quotes; the codebook also keeps empty ones (new
answers may still land there). So the consultation's own codebook is renumbered: per part,
the clusters the bloemlezing prints come first, numbered 1..k in the codebook's order, then
the proposed clusters take k+1.. (they are not in the codebook, but their numbers are
reserved), then the empty clusters. Statements, their suggestions and the codebook move
together in one transaction, as a new revision that says which numbers moved, so a coding
sheet or codebook file made before is recognised as stale.

``settle`` runs before anything is shown to the work group (coding sheet, codebook file,
document) and after the work group's files are read back; it changes nothing when the numbers
already fit, so a new cluster typed into the sheet gets the number it will have in the
document.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from analysis.codebook import Codebook
from consultation.anthology import PartLayout, kept_vectors, layout
from consultation.core import Core
from consultation.review import codebook_of, save_codebook
from consultation.selection import select
from storage.records import Consultation

KIND = "numbering"


@dataclass(frozen=True)
class Settled:
    moved: dict[str, str]  # old -> new cluster number, for every number that moved
    placed: list[PartLayout] | None  # the layout it was decided on, when nothing moved


def settle(core: Core, consultation: Consultation) -> dict[str, str]:
    """Renumber the consultation's codebook if the printed clusters are not numbered 1..k;
    return the numbers that moved (old -> new)."""
    return settled(core, consultation).moved


def settled(core: Core, consultation: Consultation) -> Settled:
    """As ``settle``, keeping the layout it looked at: an export builds on it when nothing
    was renumbered, instead of laying every statement out twice."""
    store = core.store
    with store.transaction():
        codebook = codebook_of(store, consultation)
        selection = select(store, consultation, codebook)
        vectors = kept_vectors(core, consultation.id)
        placed = layout(codebook, selection.pieces, consultation.id, vectors)
        printed = {part.chapter: [n for n, _ in part.clusters] for part in placed}
        reserved = {part.chapter: len(part.proposals) for part in placed}
        renumbered, mapping = compact(codebook, printed, reserved)
        if not mapping:
            return Settled({}, placed)
        save_codebook(store, consultation, renumbered)
        store.revisions.renumber_statements(consultation.id, mapping)
        lines = [
            f"cluster {old} is now {new} {renumbered.title(new)}"
            for old, new in sorted(mapping.items(), key=lambda item: _key(item[1]))
        ]
        store.revisions.add(consultation.id, KIND, lines, mapping)
    return Settled(mapping, None)


def compact(
    codebook: Codebook, printed: dict[str, list[str]], reserved: dict[str, int]
) -> tuple[Codebook, dict[str, str]]:
    """The codebook with each part's printed clusters first (1..k), ``reserved`` numbers
    skipped, the other clusters after; and old -> new for every number that moved."""
    mapping: dict[str, str] = {}
    parts = []
    for part in codebook.parts:
        shown = [c for c in part.clusters if c.number in printed.get(part.chapter, ())]
        rest = [c for c in part.clusters if c.number not in printed.get(part.chapter, ())]
        numbers = [f"{part.chapter}.{i}" for i in range(1, len(shown) + 1)]
        skip = len(shown) + reserved.get(part.chapter, 0)
        numbers += [f"{part.chapter}.{skip + i}" for i in range(1, len(rest) + 1)]
        clusters = []
        for cluster, number in zip(shown + rest, numbers, strict=True):
            if cluster.number != number:
                mapping[cluster.number] = number
            clusters.append(replace(cluster, number=number))
        parts.append(replace(part, clusters=tuple(clusters)))
    if not mapping:
        return codebook, {}
    return Codebook(tuple(parts), codebook.name), mapping


def _key(number: str) -> tuple[int, ...]:
    return tuple(int(x) for x in number.split(".") if x.isdigit())
