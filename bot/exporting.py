"""``rondetafel export``: build the anthology once, hand it to the renderer of the format."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from bot.errors import UsageError
from consultation.anthology import LiteralQuoteError, build_anthology
from renderers.model import Anthology
from storage.records import Consultation
from storage.store import Store

Renderer = Callable[[Anthology, Path], None]


def _renderers(fmt: str) -> tuple[Renderer, Renderer | None]:
    """The anthology renderer of a format and, where there is one, its contributions renderer."""
    if fmt == "md":
        from renderers.render_markdown import render_contributions_markdown, render_markdown

        return render_markdown, render_contributions_markdown
    if fmt == "html":
        from renderers.render_html import render_contributions_html, render_html

        return render_html, render_contributions_html
    if fmt == "docx":
        from renderers.render_docx import render_contributions_docx, render_docx

        return render_docx, render_contributions_docx
    if fmt == "json":
        from renderers.render_json import render_json

        return render_json, None
    raise UsageError(f"unknown format {fmt!r}")


def contributions_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}-bijdragen{path.suffix}")


def export_consultation(store: Store, consultation: Consultation, fmt: str, out) -> list[Path]:
    """Write the export; return the files written. Nothing half-written is ever left."""
    path = Path(out)
    if not path.parent.is_dir():
        raise UsageError(f"the folder {path.parent} does not exist")
    if path.is_dir():
        raise UsageError(f"{path} is a folder: give a file name like bloemlezing.{fmt}")
    if path.suffix.lower() != f".{fmt}":
        raise UsageError(f"--out {path.name} does not end in .{fmt} (--format {fmt})")
    if not store.answers.for_consultation(consultation.id):
        print(
            f"rondetafel: note: consultation {consultation.id} has no submitted answers yet",
            file=sys.stderr,
        )
    if fmt in ("xlsx", "csv"):
        from bot.coding import write_sheet

        write_sheet(store, consultation, path)
        return [path]
    render, render_contributions = _renderers(fmt)
    try:
        anthology = build_anthology(store, consultation)
    except LiteralQuoteError as error:
        raise UsageError(f"export refused: {error}") from error
    render(anthology, path)
    written = [path]
    if render_contributions is not None:
        render_contributions(anthology, contributions_path(path))
        written.append(contributions_path(path))
    return written
