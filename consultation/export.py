"""Exporting: the bloemlezing (and its separate document) or the coding sheet, as files.

First the statements of answers not seen before are cut and assigned (``review.prepare``,
explicitly) and the cluster numbers settled (``numbering.settle``: the codebook, the coding
sheet and the documents number every cluster alike); then the document is built from what
is stored, and each file is written whole or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from consultation import audit
from consultation.anthology import LiteralQuoteError, build_anthology
from consultation.coding import write_sheet
from consultation.consultations import find
from consultation.core import Core
from consultation.coverage import Coverage, gaps
from consultation.errors import Refused
from consultation.numbering import settled
from consultation.review import prepare
from renderers.formats import FORMATS, separate_path


@dataclass(frozen=True)
class Export:
    files: tuple[Path, ...]
    empty: bool  # nothing submitted yet: the files hold only the frame
    fallbacks: tuple[Coverage, ...] = ()  # languages answered in that some step covers less


def check_target(fmt: str, out: str | Path) -> Path:
    """Where to write, or ``Refused`` saying why not (before anything is done)."""
    if fmt not in FORMATS:
        raise Refused("error.export.format", format=fmt, known=", ".join(FORMATS))
    path = Path(out)
    if path.is_dir():
        raise Refused("error.export.folder", path=str(path), format=fmt)
    if not path.parent.is_dir():
        raise Refused("error.export.no_folder", path=str(path.parent))
    if path.suffix.lower() != f".{fmt}":
        raise Refused("error.export.suffix", name=path.name, format=fmt)
    return path


def export(core: Core, consultation_id: str, fmt: str, out: str | Path, actor: str = "") -> Export:
    """Write the files; ``actor``: the facilitator, for the audit log."""
    consultation = find(core, consultation_id)
    path = check_target(fmt, out)
    if actor:
        audit.record(core, actor, "export", consultation.id, format=fmt)
    answers = core.store.answers.for_consultation(consultation.id)
    empty, fallbacks = not answers, tuple(gaps({a.lang for a in answers}))
    chosen = FORMATS[fmt]
    if chosen.sheet:
        write_sheet(core, consultation, path)
        return Export((path,), empty, fallbacks)
    prepare(core, consultation)
    placed = settled(core, consultation).placed
    try:
        anthology = build_anthology(core, consultation, placed=placed)
    except LiteralQuoteError as error:
        raise Refused("error.export.literal", detail=str(error)) from error
    chosen.render()(anthology, path)
    files = [path]
    if (separate := chosen.render_separate()) is not None:
        separate(anthology, separate_path(path))
        files.append(separate_path(path))
    return Export(tuple(files), empty, fallbacks)
