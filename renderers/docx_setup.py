"""Setting up a Word document in the house style: page, default font and language, the
paragraph styles of ``docx_styles``, and the settings Word reads on opening (update the TOC).
"""

from __future__ import annotations

from babel.core import get_global
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from renderers.docx_styles import Theme, house_theme, paragraph_styles
from renderers.docx_xml import element


def word_language(code: str) -> str:
    """``"pl"`` -> ``"pl-PL"`` (the tag Word's proofing tools expect)."""
    language = code.replace("-", "_").split("_")[0].lower()
    likely = get_global("likely_subtags").get(language, "")
    territory = likely.split("_")[-1] if "_" in likely else ""
    return f"{language}-{territory}" if territory.isupper() else language


def _replace_styles(document: Document, theme: Theme) -> None:
    styles = document.styles.element
    for style in paragraph_styles(theme).values():
        for old in styles.findall(qn("w:style")):
            if old.get(qn("w:styleId")) == style.style_id:
                styles.remove(old)
        styles.append(style.xml(theme))


def _defaults(document: Document, theme: Theme, locale: str) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    for child in list(rpr):
        rpr.remove(child)
    rpr.append(
        element("rFonts", ascii=theme.font, hAnsi=theme.font, eastAsia=theme.font, cs=theme.font)
    )
    size = round(theme.sizes["body"] * 2)
    rpr.append(element("sz", val=size))
    rpr.append(element("szCs", val=size))
    rpr.append(element("lang", val=word_language(locale), eastAsia="zh-CN", bidi="ar-SA"))


def _page(document: Document, theme: Theme) -> None:
    section = document.sections[0]
    page = theme.page
    section.page_width, section.page_height = Mm(page["width"]), Mm(page["height"])
    section.top_margin, section.bottom_margin = Mm(page["top"]), Mm(page["bottom"])
    section.left_margin, section.right_margin = Mm(page["left"]), Mm(page["right"])
    section.footer_distance = Mm(page["footer"])


# Children of w:settings that must follow w:updateFields (ECMA-376 schema order).
_AFTER_UPDATE_FIELDS = frozenset(
    qn(f"w:{name}")
    for name in (
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "mathPr",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "schemaLibrary",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    )
)


def _settings(document: Document, locale: str) -> None:
    """Ask Word to update fields (TOC page numbers) on open; set the proofing language."""
    settings = document.settings.element
    update = element("updateFields", val="true")
    successor = next((child for child in settings if child.tag in _AFTER_UPDATE_FIELDS), None)
    if successor is None:
        settings.append(update)
    else:
        successor.addprevious(update)
    font_language = settings.find(qn("w:themeFontLang"))
    if font_language is not None:
        font_language.set(qn("w:val"), word_language(locale))


def apply_house_style(document: Document, locale: str) -> Theme:
    theme = house_theme()
    _page(document, theme)
    _defaults(document, theme, locale)
    _replace_styles(document, theme)
    _settings(document, locale)
    return theme
