"""The export formats, beside the renderers that make them.

A document format renders the anthology (and, where it has one, the separate document for
the questions whose answers go to the action plan); a sheet format writes the work group's
coding sheet. Renderers are imported only when their format is used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from renderers.model import Anthology

Renderer = Callable[[Anthology, Path], None]


@dataclass(frozen=True)
class Format:
    name: str  # also the file suffix
    description: str
    renderer: str = ""  # "module:function" rendering the anthology
    separate: str = ""  # "module:function" rendering the separate (action plan) document
    sheet: bool = False  # the coding sheet, not a document

    def render(self) -> Renderer:
        return _load(self.renderer)

    def render_separate(self) -> Renderer | None:
        return _load(self.separate) if self.separate else None


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "docx",
            "Word, in the house format of the bloemlezing",
            "renderers.render_docx:render_docx",
            "renderers.render_docx:render_contributions_docx",
        ),
        Format(
            "html",
            "a standalone, printable web page",
            "renderers.render_html:render_html",
            "renderers.render_html:render_contributions_html",
        ),
        Format(
            "md",
            "Markdown",
            "renderers.render_markdown:render_markdown",
            "renderers.render_markdown:render_contributions_markdown",
        ),
        Format("json", "the anthology as data", "renderers.render_json:render_json"),
        Format("xlsx", "the coding sheet for the work group (Excel)", sheet=True),
        Format("csv", "the coding sheet for the work group (CSV)", sheet=True),
    )
}


def separate_path(path: Path) -> Path:
    """Where the separate document of ``path`` goes: ``bloemlezing-bijdragen.docx``."""
    return path.with_name(f"{path.stem}-bijdragen{path.suffix}")


def _load(spec: str) -> Renderer:
    module, _, name = spec.partition(":")
    return getattr(import_module(module), name)
