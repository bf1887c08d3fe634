"""Estimated page numbers for the pre-filled table of contents.

Word recomputes the TOC field when the document opens (``updateFields``); LibreOffice and
other readers show the pre-filled entries as they are. Their page numbers come from this
estimate: each paragraph's height from its style (font size, line spacing, spacing before
and after, indents) and a greedy word wrap with the average glyph width of the house font,
then the page breaks the document asks for (page break before, keep with next, keep lines
together). It is calibrated against LibreOffice's own layout of the house style
(``bench/render.py --check-toc``); small drift within a long part is possible.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from renderers.docx_styles import ParagraphStyle, Theme

_LINE_HEIGHT_EM = 1.217  # line pitch of Calibri, as measured in LibreOffice's layout


@cache
def _glyphs() -> tuple[dict[str, float], float, float]:
    """Advance widths (em) of the house font, from ``docx_glyph_widths.json``."""
    data = json.loads(
        (resources.files("renderers") / "docx_glyph_widths.json").read_text(encoding="utf-8")
    )
    return data["widths"], float(data["default"]), float(data["bold_factor"])


@lru_cache(maxsize=65536)
def _word_width(word: str) -> float:
    """A word's advance width in em (words recur: measured once)."""
    widths, default, _ = _glyphs()
    return sum(widths.get(ch, default) for ch in word)


@dataclass(frozen=True)
class TocEntry:
    level: int
    text: str
    anchor: str


@dataclass(frozen=True)
class Block:
    """One paragraph as laid out: its style, its text, and what it asks of the page."""

    style: str
    text: str
    page_break_before: bool = False
    anchor: str = ""
    columns: int = 1  # of its section: two for the quotes of a part and the annex list
    after: int | None = None  # its own spacing after, where it overrides the style's


class PageEstimator:
    def __init__(self, theme: Theme, styles: dict[str, ParagraphStyle]) -> None:
        self._theme = theme
        self._styles = styles

    def _style(self, style_id: str) -> ParagraphStyle:
        return self._styles.get(style_id) or self._styles["Normal"]

    def line_height(self, style: ParagraphStyle) -> float:
        """In twips."""
        if style.exact:
            return float(style.line)
        return style.size * 20 * _LINE_HEIGHT_EM * style.line / 240

    def column_width(self, columns: int) -> float:
        """Width of one column in twips."""
        if columns == 1:
            return self._theme.text_width
        gap = self._theme.twips(self._theme.page["column_gap"])
        return (self._theme.text_width - gap * (columns - 1)) / columns

    def lines(self, style: ParagraphStyle, text: str, columns: int = 1) -> int:
        """Lines ``text`` takes in ``style``: a greedy word wrap with the font's glyph widths."""
        widths, _, bold = _glyphs()
        available = self.column_width(columns) - style.left - style.right
        # Measure in em: the column's width divided by the font size (twips per em).
        scale = style.size * 20 * (bold if style.bold else 1.0)
        column = available / scale
        space = widths[" "]
        count = 0
        for paragraph_line in text.split("\n"):
            count += 1
            used = 0.0
            for word in paragraph_line.split():
                if style.caps:
                    word = word.upper()
                width = _word_width(word)
                if used and used + space + width <= column:
                    used += space + width
                    continue
                if used:
                    count += 1
                overflow = int(width // column) if width > column else 0
                count += overflow  # a word longer than a line wraps
                used = width - overflow * column
        return count

    def _must_fit(self, block: Block, style: ParagraphStyle, lines: int) -> float:
        """Height of what has to stand on one page: all lines if kept together, else two."""
        return self.line_height(style) * (lines if style.keep_lines else min(lines, 2))

    def paginate(self, blocks: Iterable[Block], first_page: int) -> dict[str, int]:
        """The estimated page of every block with an anchor. In a section of two columns a
        page holds two columns of text, the second after the first is full."""
        page, column, used, height = first_page, 0, 0.0, float(self._theme.text_height)
        pages: dict[str, int] = {}
        items = list(blocks)
        counts = [self.lines(self._style(b.style), b.text, b.columns) for b in items]

        def next_column(columns: int) -> None:
            nonlocal page, column, used
            if column + 1 < columns:
                column, used = column + 1, 0.0
            else:
                page, column, used = page + 1, 0, 0.0

        for i, block in enumerate(items):
            style = self._style(block.style)
            after = style.after if block.after is None else block.after
            if block.page_break_before and i > 0:
                page, column, used = page + 1, 0, 0.0
            if block.columns == 1:
                column = 0
            before = style.before if used > 0 or block.page_break_before else 0
            body = counts[i] * self.line_height(style)
            fit = before + self._must_fit(block, style, counts[i])
            if style.keep_next and i + 1 < len(items):
                follower = self._style(items[i + 1].style)
                fit = (
                    before
                    + body
                    + after
                    + follower.before
                    + self._must_fit(items[i + 1], follower, counts[i + 1])
                )
            if used > 0 and used + fit > height:  # moves to the next column or page whole
                next_column(block.columns)
                before = 0
            if block.anchor:
                pages[block.anchor] = page
            used += before + body
            while used > height:  # runs over the column's end and continues in the next
                rest = used - height
                next_column(block.columns)
                used = rest
            used += after  # space after may fall below the last line of a column
            if used >= height:
                next_column(block.columns)
        return pages
