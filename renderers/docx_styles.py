"""The house style of the Word bloemlezing: page, fonts, colours and paragraph styles.

Values come from ``docx_theme.yaml``; ``docx_setup`` applies them to a document. Each
paragraph style is one ``ParagraphStyle``: the same record writes the style into the
document and tells the page estimator how tall a paragraph is. Styles are written whole
(replacing python-docx's template versions) so no template font or colour leaks in.
Headings are Word's own "heading 1-3" (navigation pane, TOC field); the table of contents
uses "toc 1/2".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

# Style ids the renderer and the tests refer to.
QUOTE = "Quote"
PULL_QUOTE = "IntenseQuote"
QUOTE_TRANSLATION = "QuoteTranslation"


@dataclass(frozen=True)
class Theme:
    font: str
    colours: dict[str, str]
    sizes: dict[str, float]
    page: dict[str, float]

    @staticmethod
    def twips(millimetres: float) -> int:
        return round(millimetres * 1440 / 25.4)

    @property
    def text_width(self) -> int:
        """Width of the text column in twips."""
        return self.twips(self.page["width"] - self.page["left"] - self.page["right"])

    @property
    def text_height(self) -> int:
        return self.twips(self.page["height"] - self.page["top"] - self.page["bottom"])


@cache
def house_theme() -> Theme:
    data: dict[str, Any] = yaml.safe_load(
        (resources.files("renderers") / "docx_theme.yaml").read_text(encoding="utf-8")
    )
    return Theme(data["font"], data["colours"], data["sizes"], data["page"])


@dataclass(frozen=True)
class ParagraphStyle:
    """One paragraph style; spacing and indents in twips, ``line`` in 240ths (or twips if exact)."""

    style_id: str
    name: str
    size: float  # points
    colour: str  # hex RGB
    before: int = 0
    after: int = 120
    line: int = 276
    exact: bool = False
    left: int = 0
    right: int = 0
    first_line: int = 0
    hanging: int = 0
    bold: bool = False
    italic: bool = False
    caps: bool = False
    tracking: int = 0  # character spacing, twentieths of a point
    keep_next: bool = False
    keep_lines: bool = False
    outline: int | None = None
    based_on: str | None = "Normal"
    next_style: str | None = None
    custom: bool = False
    ui_priority: int | None = None
    borders: str = ""  # inner XML of w:pBdr
    fill: str = ""  # background colour
    tab: str = ""  # "right-dot" / "right": a tab stop at the right edge of the text

    def xml(self, theme: Theme) -> Any:
        head = f'<w:name w:val="{self.name}"/>'
        if self.based_on:
            head += f'<w:basedOn w:val="{self.based_on}"/>'
        if self.next_style:
            head += f'<w:next w:val="{self.next_style}"/>'
        if self.ui_priority is not None:
            head += f'<w:uiPriority w:val="{self.ui_priority}"/>'
        head += "<w:qFormat/>"
        custom = ' w:customStyle="1"' if self.custom else ""
        if self.based_on is None:
            custom += ' w:default="1"'  # Normal: the style of every paragraph without one
        return parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="{self.style_id}"{custom}>'
            f"{head}{self._ppr(theme)}{self._rpr()}</w:style>"
        )

    def _ppr(self, theme: Theme) -> str:
        parts = [
            "<w:keepNext/>" if self.keep_next else "",
            "<w:keepLines/>" if self.keep_lines else "",
            "<w:widowControl/>" if self.style_id == "Normal" else "",
        ]
        if self.borders:
            parts.append(f"<w:pBdr>{self.borders}</w:pBdr>")
        if self.fill:
            parts.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{self.fill}"/>')
        if self.tab:
            leader = ' w:leader="dot"' if self.tab == "right-dot" else ""
            parts.append(
                f'<w:tabs><w:tab w:val="right"{leader} w:pos="{theme.text_width}"/></w:tabs>'
            )
        rule = "exact" if self.exact else "auto"
        parts.append(
            f'<w:spacing w:before="{self.before}" w:after="{self.after}" '
            f'w:line="{self.line}" w:lineRule="{rule}"/>'
        )
        if self.left or self.right or self.first_line or self.hanging:
            indent = f'w:left="{self.left}" w:right="{self.right}"'
            indent += (
                f' w:hanging="{self.hanging}"'
                if self.hanging
                else (f' w:firstLine="{self.first_line}"')
            )
            parts.append(f"<w:ind {indent}/>")
        if self.outline is not None:
            parts.append(f'<w:outlineLvl w:val="{self.outline}"/>')
        return "<w:pPr>" + "".join(parts) + "</w:pPr>"

    def _rpr(self) -> str:  # schema order: b, i, caps, color, spacing, sz
        size = round(self.size * 2)
        return (
            "<w:rPr>"
            + ("<w:b/><w:bCs/>" if self.bold else "")
            + ("<w:i/><w:iCs/>" if self.italic else "")
            + ("<w:caps/>" if self.caps else "")
            + f'<w:color w:val="{self.colour}"/>'
            + (f'<w:spacing w:val="{self.tracking}"/>' if self.tracking else "")
            + f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
        )


def paragraph_styles(theme: Theme) -> dict[str, ParagraphStyle]:
    c, s = theme.colours, theme.sizes
    bleed_left, bleed_right = theme.twips(theme.page["left"]), theme.twips(theme.page["right"])
    heading = {
        "next_style": "Normal",
        "ui_priority": 9,
        "keep_next": True,
        "keep_lines": True,
        "bold": True,
        "colour": c["navy"],
    }
    toc = {"ui_priority": 39, "next_style": "Normal", "tab": "right-dot"}
    styles = [
        ParagraphStyle("Normal", "Normal", s["body"], c["ink"], based_on=None),
        ParagraphStyle(
            "Heading1", "heading 1", s["heading1"], after=360, line=240, outline=0, **heading
        ),
        ParagraphStyle(
            "Heading2",
            "heading 2",
            s["heading2"],
            before=400,
            after=160,
            outline=1,
            borders=f'<w:bottom w:val="single" w:sz="4" w:space="3" w:color="{c["sky"]}"/>',
            **heading,
        ),
        ParagraphStyle(
            "Heading3",
            "heading 3",
            s["heading3"],
            before=280,
            after=80,
            outline=2,
            **{**heading, "colour": c["blue"]},
        ),
        ParagraphStyle("Title", "Title", s["title"], after=320, line=240, **heading),
        ParagraphStyle(
            "Subtitle",
            "Subtitle",
            s["subtitle"],
            c["blue"],
            after=720,
            line=264,
            next_style="Normal",
            ui_priority=11,
        ),
        ParagraphStyle(
            "TOCHeading",
            "TOC Heading",
            s["heading1"],
            after=360,
            line=240,
            outline=9,
            based_on="Heading1",
            **{**heading, "ui_priority": 39},
        ),
        ParagraphStyle(
            "TOC1", "toc 1", s["body"], c["navy"], before=200, after=40, bold=True, **toc
        ),
        ParagraphStyle("TOC2", "toc 2", s["body"], c["ink"], after=20, left=567, **toc),
        ParagraphStyle(
            QUOTE,
            "Quote",
            s["quote"],
            c["ink"],
            after=160,
            left=200,
            keep_lines=True,
            ui_priority=29,
            borders=f'<w:left w:val="single" w:sz="12" w:space="6" w:color="{c["sky"]}"/>',
        ),
        ParagraphStyle(
            QUOTE_TRANSLATION,
            "Quote Translation",
            s["language_mark"] + 1,
            c["grey"],
            after=200,
            left=200,
            italic=True,
            keep_lines=True,
            custom=True,
            borders=f'<w:left w:val="single" w:sz="12" w:space="6" w:color="{c["sky"]}"/>',
        ),
        ParagraphStyle(
            PULL_QUOTE,
            "Intense Quote",
            s["pull_quote"],
            c["blue"],
            before=240,
            after=360,
            line=264,
            left=284,
            keep_lines=True,
            ui_priority=30,
            borders=f'<w:left w:val="single" w:sz="36" w:space="14" w:color="{c["blue"]}"/>',
        ),
        ParagraphStyle(
            "PartLabel",
            "Part Label",
            s["part_label"],
            c["blue"],
            before=2600,
            after=80,
            bold=True,
            caps=True,
            tracking=20,
            keep_next=True,
            next_style="Heading1",
            custom=True,
        ),
        ParagraphStyle(
            "PartQuestion",
            "Part Question",
            s["part_question"],
            c["grey"],
            after=600,
            line=264,
            italic=True,
            custom=True,
        ),
        ParagraphStyle(
            "CoverBand",
            "Cover Band",
            s["body"],
            c["white"],
            after=0,
            line=2600,
            exact=True,
            left=-bleed_left,
            right=-bleed_right,
            fill=c["navy"],
            custom=True,
        ),
        ParagraphStyle(
            "CoverProgramme",
            "Cover Programme",
            s["cover_programme"],
            c["white"],
            after=1700,
            line=1000,
            exact=True,
            left=-bleed_left,
            right=-bleed_right,
            first_line=bleed_left,
            bold=True,
            caps=True,
            tracking=30,
            fill=c["navy"],
            custom=True,
        ),
        ParagraphStyle(
            "DocumentDate",
            "Document Date",
            s["subtitle"],
            c["grey"],
            borders=f'<w:top w:val="single" w:sz="8" w:space="10" w:color="{c["sky"]}"/>',
            custom=True,
        ),
        ParagraphStyle(
            "QuestionList",
            "Question List",
            s["body"],
            c["ink"],
            after=80,
            left=425,
            hanging=425,
            custom=True,
        ),
        ParagraphStyle("Organisation", "Organisation", s["body"], c["ink"], after=40, custom=True),
        ParagraphStyle("Footer", "footer", s["footer"], c["grey"], after=0, line=240, tab="right"),
    ]
    return {style.style_id: style for style in styles}
