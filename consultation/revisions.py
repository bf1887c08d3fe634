"""Round trips that never silently undo work: every change of the work group's decisions is a
new revision of the consultation, and every coding sheet or codebook file carries the
revision it was made from.

A file made from an older revision is refused with what changed since (``Refused``, one line
per change); a coding sheet can instead be applied to the statements nobody decided on since
(``coding.import_sheet(only_untouched=True)``), its cluster numbers carried through every
renumbering since.
"""

from __future__ import annotations

from consultation.core import Core
from consultation.errors import Refused
from storage.records import Consultation
from storage.revisions import Revision

SHEET = "coding sheet"
SHEET_AND_CLUSTERS = "coding sheet with new clusters"
CODEBOOK = "codebook"
CODEBOOK_KINDS = frozenset({SHEET_AND_CLUSTERS, CODEBOOK, "numbering"})  # the codebook changed


def current(core: Core, consultation: Consultation) -> int:
    return core.store.revisions.current(consultation.id)


def described(revisions: list[Revision]) -> str:
    """What changed, for a person: "revision 4 (2026-12-03, coding sheet): ..." per change."""
    lines = []
    for revision in revisions:
        lines.append(f"revision {revision.number} ({revision.day}, {revision.kind}):")
        shown = list(revision.changes[:8])
        if len(revision.changes) > len(shown):
            shown.append(f"... and {len(revision.changes) - len(shown)} more")
        lines += [f"  {line}" for line in shown]
    return "\n".join(lines)


def require_current(
    core: Core,
    consultation: Consultation,
    made_from: int | None,
    name: str,
    kinds: frozenset[str] | None = None,
) -> None:
    """Refuse a file made from an older revision (of the changes of ``kinds``, or any)."""
    since = core.store.revisions.since(consultation.id, made_from or 0)
    if kinds is not None:
        since = [r for r in since if r.kind in kinds]
    if made_from is None and since:
        raise Refused("error.review.unversioned", name=name, changes=described(since))
    if since:
        raise Refused(
            "error.review.stale",
            name=name,
            made_from=made_from,
            current=current(core, consultation),
            changes=described(since),
        )


def applied_before(core: Core, consultation: Consultation, made_from: int, source: str) -> int:
    """The revision this very file made, if everything since is that import and the
    renumbering that followed it (0: not so)."""
    since = core.store.revisions.since(consultation.id, made_from)
    if since and since[0].source == source and all(r.kind == "numbering" for r in since[1:]):
        return since[0].number
    return 0


def carried(core: Core, consultation: Consultation, made_from: int, number: str) -> str:
    """A cluster number as it was at revision ``made_from``, as it is now."""
    for revision in core.store.revisions.since(consultation.id, made_from):
        number = revision.renumbered.get(number, number)
    return number
