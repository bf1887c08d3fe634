"""Small builders of WordprocessingML elements for the Word renderer.

python-docx's high-level API inserts every paragraph by searching the body for its
section properties; for 10,000 quotes that is quadratic. These builders make the
elements directly (in schema order, so Word accepts them) and the renderer appends them.
Text is made XML-safe here: control characters are dropped, line breaks and tabs become
``w:br`` and ``w:tab``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import _Element

# Characters XML 1.0 cannot carry (the answer text may contain them; Word would not open).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def element(tag: str, /, **attributes: str | int) -> _Element:
    """``element("spacing", after=120)`` -> ``<w:spacing w:after="120"/>``."""
    node = OxmlElement(f"w:{tag}")
    for name, value in attributes.items():
        node.set(qn(f"w:{name}"), str(value))
    return node


def _text(value: str) -> _Element:
    node = OxmlElement("w:t")
    node.set(qn("xml:space"), "preserve")
    node.text = value
    return node


def run(
    text: str = "",
    *,
    style: str | None = None,
    bold: bool = False,
    italic: bool = False,
    colour: str | None = None,
    size: float | None = None,
    rtl: bool = False,
    lang: str | None = None,
) -> _Element:
    """One run of text with direct formatting (children of ``w:rPr`` in schema order)."""
    node = OxmlElement("w:r")
    properties = []
    if style:
        properties.append(element("rStyle", val=style))
    if bold:
        properties.append(element("b"))
    if italic:
        properties += [element("i"), element("iCs")]
    if colour:
        properties.append(element("color", val=colour))
    if size:
        properties += [element("sz", val=round(size * 2)), element("szCs", val=round(size * 2))]
    if rtl:
        properties.append(element("rtl"))
    if lang:
        languages = {"val": lang, "bidi": lang} if rtl else {"val": lang}
        properties.append(element("lang", **languages))
    if properties:
        rpr = OxmlElement("w:rPr")
        rpr.extend(properties)
        node.append(rpr)
    for i, line in enumerate(xml_safe(text).split("\n")):
        if i:
            node.append(OxmlElement("w:br"))
        for j, piece in enumerate(line.split("\t")):
            if j:
                node.append(OxmlElement("w:tab"))
            if piece:
                node.append(_text(piece))
    return node


def paragraph(
    style: str | None = None,
    children: Iterable[_Element] = (),
    *,
    keep_next: bool = False,
    page_break_before: bool = False,
    tabs: Iterable[_Element] = (),
    bidi: bool = False,
    space_after: int | None = None,
) -> _Element:
    node = OxmlElement("w:p")
    properties = []
    if style:
        properties.append(element("pStyle", val=style))
    if keep_next:
        properties.append(element("keepNext"))
    if page_break_before:
        properties.append(element("pageBreakBefore"))
    tab_list = list(tabs)
    if tab_list:
        holder = OxmlElement("w:tabs")
        holder.extend(tab_list)
        properties.append(holder)
    if bidi:
        properties.append(element("bidi"))
    if space_after is not None:
        properties.append(element("spacing", after=space_after))
    if properties:
        ppr = OxmlElement("w:pPr")
        ppr.extend(properties)
        node.append(ppr)
    node.extend(children)
    return node


def field_char(kind: str, *, dirty: bool = False) -> _Element:
    node = OxmlElement("w:r")
    char = element("fldChar", fldCharType=kind)
    if dirty:
        char.set(qn("w:dirty"), "true")
    node.append(char)
    return node


def instruction(code: str) -> _Element:
    node = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {code} "
    node.append(text)
    return node


def field(code: str, shown: Iterable[_Element]) -> list[_Element]:
    """A complex field (PAGE, TOC, PAGEREF, ...) with ``shown`` as its current result."""
    return [
        field_char("begin"),
        instruction(code),
        field_char("separate"),
        *shown,
        field_char("end"),
    ]


def bookmark(identifier: int, name: str) -> tuple[_Element, _Element]:
    return (
        element("bookmarkStart", id=identifier, name=name),
        element("bookmarkEnd", id=identifier),
    )


def hyperlink(anchor: str, children: Iterable[_Element]) -> _Element:
    node = element("hyperlink", anchor=anchor, history=1)
    node.extend(children)
    return node


def right_tab(position_twips: int, leader: str = "dot") -> _Element:
    return element("tab", val="right", leader=leader, pos=position_twips)


def tab_run() -> _Element:
    node = OxmlElement("w:r")
    node.append(OxmlElement("w:tab"))
    return node
