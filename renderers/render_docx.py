"""The bloemlezing as a Word document in the programme's house format, and "Bijdragen".

Order: cover (own section, no footer), table of contents (a real TOC field that Word
updates on open, pre-filled with estimated page numbers so it is not empty elsewhere),
"Context en verantwoording", the parts (each opening on a title page with its question and
pull quotes; clusters from the next page), annex A (only with organisations). Running
footer ``bloemlezing - <programme>  <page>`` from page 2. Quote paragraphs carry their own
language (proofing, right-to-left for Arabic) and no statement id.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

import docx
from docx.document import Document
from docx.oxml.ns import qn
from lxml.etree import _Element

from renderers import docx_xml as x
from renderers.document_text import (
    Wording,
    contribution_question,
    is_foreign,
    is_right_to_left,
    language_mark,
    placed_mark,
    pull_quote_text,
    translated_mark,
)
from renderers.docx_pagination import Block, PageEstimator, TocEntry
from renderers.docx_setup import apply_house_style, word_language
from renderers.docx_styles import (
    PULL_QUOTE,
    QUOTE,
    QUOTE_TRANSLATION,
    Theme,
    paragraph_styles,
)
from renderers.front_matter import NumberedList, annex_organisations, front_matter
from renderers.model import Anthology, Quote
from storage.atomic_file import atomic_path

TOC_FIELD = 'TOC \\o "1-2" \\h \\z \\u'


class _Builder:
    """Appends paragraphs to one document's body and keeps their outline for pagination."""

    def __init__(self, anthology: Anthology) -> None:
        self.anthology = anthology
        self.wording = Wording(anthology.locale)
        self.document: Document = docx.Document()
        self.theme: Theme = apply_house_style(self.document, anthology.locale)
        body = self.document.element.body
        self._end = body.sectPr
        for old in list(body):
            if old is not self._end:
                body.remove(old)
        self.blocks: list[Block] = []
        self._bookmarks = 0
        self.columns = 1  # of the section being written (for the page estimate)
        self.sections = 0  # sections ended after the cover

    def add(self, paragraph: _Element, block: Block) -> _Element:
        self._end.addprevious(paragraph)
        self.blocks.append(block)
        return paragraph

    def text(self, style: str, text: str, page_break: bool = False) -> _Element:
        paragraph = x.paragraph(style, [x.run(text)], page_break_before=page_break)
        return self.add(paragraph, Block(style, text, page_break, columns=self.columns))

    def heading(self, level: int, text: str, anchor: str, page_break: bool = False) -> _Element:
        start, end = x.bookmark(self._bookmarks, anchor)
        self._bookmarks += 1
        style = f"Heading{level}"
        paragraph = x.paragraph(style, [start, x.run(text), end], page_break_before=page_break)
        return self.add(paragraph, Block(style, text, page_break, anchor, self.columns))

    def quote(self, quote: Quote, style: str = QUOTE) -> None:
        """A quote as it was written, without quotation marks (the layout marks it), its
        language named after it, and the work group's translation under it. A pull quote
        keeps its quotation marks and shows a foreign quote in translation, if there is one."""
        anthology, wording = self.anthology, self.wording
        pull = style == PULL_QUOTE
        translated = pull and is_foreign(anthology, quote) and bool(quote.translation)
        language = anthology.locale if translated else (quote.lang or anthology.locale)
        rtl = is_right_to_left(language)
        text = pull_quote_text(anthology, quote) if pull else quote.text
        shown = wording.quoted(text) if pull else text
        runs = [x.run(shown, rtl=rtl, lang=word_language(language))]
        mark = (
            translated_mark(anthology, quote, wording)
            if translated
            else language_mark(anthology, quote, wording)
        )
        if mark:
            mark = " " + placed_mark(mark, quote if not translated else Quote("", "", language))
            shown += mark
            runs.append(
                x.run(
                    mark,
                    colour=self.theme.colours["grey"],
                    size=self.theme.sizes["language_mark"],
                    lang=word_language(anthology.locale),
                )
            )
        under = bool(quote.translation) and not pull and is_foreign(anthology, quote)
        paragraph = x.paragraph(
            style, runs, bidi=rtl, keep_next=under, space_after=40 if under else None
        )
        self.add(paragraph, Block(style, shown, columns=self.columns, after=40 if under else None))
        if under:
            translation = wording.text("translation", text=quote.translation)
            run = x.run(translation, lang=word_language(anthology.locale))
            self.add(
                x.paragraph(QUOTE_TRANSLATION, [run]),
                Block(QUOTE_TRANSLATION, translation, columns=self.columns),
            )

    def end_section(self) -> None:
        """The section being written ends at the last paragraph. The first one after the cover
        starts on a new page; later ones follow on (the page break before a part's label or
        its first cluster starts their page)."""
        last = self._end.getprevious()
        properties = last.find(qn("w:pPr"))
        if properties is None:
            properties = x.element("pPr")
            last.insert(0, properties)
        top = self.theme.page["top"]
        properties.append(
            _section_properties(self.theme, top, self.columns, continuous=self.sections > 0)
        )
        self.sections += 1

    def cover(self, title: str, subtitle: str) -> None:
        """The cover: its own section with no top margin, so the band starts at the edge."""
        self.text("CoverBand", "")
        self.text("CoverProgramme", self.anthology.programme)
        self.text("Title", title)
        if subtitle:
            self.text("Subtitle", subtitle)
        date = self.text("DocumentDate", self.anthology.date or " ")
        date[0].append(_section_properties(self.theme, top_margin=0))  # date[0] is its w:pPr
        self.document.sections[0].footer.is_linked_to_previous = False  # an empty cover footer
        self.blocks.clear()  # the cover is page 1 on its own

    def footer(self) -> None:
        """``bloemlezing - <programme>`` left, the PAGE field right, on every page but the cover."""
        section_footer = self.document.sections[1].footer  # later sections inherit it
        section_footer.is_linked_to_previous = False  # its own footer, not the cover's
        footer = section_footer._element
        for child in list(footer):
            footer.remove(child)
        text = self.wording.text("footer", programme=self.anthology.programme)
        footer.append(
            x.paragraph("Footer", [x.run(text), x.tab_run(), *x.field("PAGE", [x.run("2")])])
        )

    def save(self, path: str | os.PathLike[str]) -> None:
        properties = self.document.core_properties
        properties.title = self.anthology.title
        properties.subject = self.anthology.programme
        properties.author = properties.last_modified_by = self.anthology.programme
        properties.language = word_language(self.anthology.locale)
        properties.keywords = properties.comments = ""
        properties.created = properties.modified = datetime.now(UTC).replace(
            microsecond=0, tzinfo=None
        )
        properties.revision = 1
        with atomic_path(path) as temporary:
            self.document.save(str(temporary))


def _section_properties(
    theme: Theme, top_margin: float, columns: int = 1, continuous: bool = False
) -> _Element:
    page = theme.page
    properties = x.element("sectPr")
    if continuous:
        properties.append(x.element("type", val="continuous"))
    properties.append(
        x.element("pgSz", w=theme.twips(page["width"]), h=theme.twips(page["height"]))
    )
    properties.append(
        x.element(
            "pgMar",
            top=theme.twips(top_margin),
            right=theme.twips(page["right"]),
            bottom=theme.twips(page["bottom"]),
            left=theme.twips(page["left"]),
            header=708,
            footer=theme.twips(page["footer"]),
            gutter=0,
        )
    )
    if columns > 1:
        properties.append(x.element("cols", num=columns, space=theme.twips(page["column_gap"])))
    else:
        properties.append(x.element("cols", space=708))
    return properties


def _toc_entries(anthology: Anthology, wording: Wording) -> list[TocEntry]:
    entries = [TocEntry(1, wording.text("context.heading"), "_TocContext")]
    for part in anthology.parts:
        entries.append(TocEntry(1, f"{part.number} {part.title}", _anchor("Part", part.number)))
        entries += [
            TocEntry(2, f"{c.number} {c.title}", _anchor("Cluster", c.number))
            for c in part.clusters
        ]
    if anthology.organisations:
        entries.append(TocEntry(1, wording.text("annex.heading"), "_TocAnnexA"))
    return entries


def _anchor(kind: str, number: str) -> str:
    safe = "".join(ch if ch.isalnum() else "_" for ch in number)
    return f"_Toc{kind}{safe}"[:40]


def _insert_toc(builder: _Builder, before: _Element) -> None:
    """The TOC field, pre-filled with the entries and their estimated pages, before ``before``."""
    entries = _toc_entries(builder.anthology, builder.wording)
    heading = builder.wording.text("toc.heading")
    outline = [Block("TOCHeading", heading), *(Block(f"TOC{e.level}", e.text) for e in entries)]
    estimator = PageEstimator(builder.theme, paragraph_styles(builder.theme))
    pages = estimator.paginate([*outline, *builder.blocks], first_page=2)
    paragraphs = [x.paragraph("TOCHeading", [x.run(heading)])]
    for i, entry in enumerate(entries):
        shown = [x.run(entry.text), x.tab_run(), x.run(str(pages.get(entry.anchor, "")))]
        runs: list[_Element] = [x.hyperlink(entry.anchor, shown)]
        if i == 0:
            runs = [
                x.field_char("begin"),
                x.instruction(TOC_FIELD),
                x.field_char("separate"),
                *runs,
            ]
        paragraphs.append(x.paragraph(f"TOC{entry.level}", runs))
    paragraphs.append(x.paragraph(None, [x.field_char("end")]))
    for paragraph in paragraphs:
        before.addprevious(paragraph)


def _context(builder: _Builder) -> _Element:
    context = front_matter(builder.anthology, builder.wording)
    first = builder.heading(1, context.heading, "_TocContext", page_break=True)
    for section in context.sections:
        builder.text("Heading3", section.heading)
        for block in section.blocks:
            if not isinstance(block, NumberedList):
                builder.text("Normal", block)
                continue
            for number, text in block.items:
                runs = [x.run(f"{number}."), x.tab_run(), x.run(text)]
                builder.add(x.paragraph("QuestionList", runs), Block("QuestionList", text))
    return first


def _parts(builder: _Builder) -> None:
    """Each part: its title page (label, title, question, pull quotes) across the page, then
    its clusters from the next page in two columns, as the published anthology sets them."""
    wording = builder.wording
    for part in builder.anthology.parts:
        if builder.columns == 2:  # the clusters of the part before end here
            builder.end_section()
            builder.columns = 1
        builder.text("PartLabel", wording.text("part.label", number=part.number), page_break=True)
        builder.heading(1, f"{part.number} {part.title}", _anchor("Part", part.number))
        question = wording.text("part.question", number=part.question_number)
        builder.text("PartQuestion", f"{question}: {part.question_text}")
        for quote in part.pull_quotes:
            builder.quote(quote, PULL_QUOTE)
        if not part.clusters:
            continue
        builder.end_section()  # the title page
        builder.columns = 2
        for i, cluster in enumerate(part.clusters):
            builder.heading(
                2,
                f"{cluster.number} {cluster.title}",
                _anchor("Cluster", cluster.number),
                page_break=i == 0,
            )
            for quote in cluster.quotes:
                builder.quote(quote)


def _annex(builder: _Builder) -> None:
    """Annex A: heading and intro across the page, then the organisations in two columns."""
    wording = builder.wording
    if builder.columns == 2:  # the last part's clusters end here
        builder.end_section()
        builder.columns = 1
    builder.heading(1, wording.text("annex.heading"), "_TocAnnexA", page_break=True)
    builder.text("Normal", wording.text("annex.intro"))
    builder.end_section()
    builder.columns = 2  # the list: a continuous two-column section
    for name in annex_organisations(builder.anthology):
        builder.text("Organisation", name)


def render_docx(anthology: Anthology, path: str | os.PathLike[str]) -> None:
    builder = _Builder(anthology)
    builder.cover(anthology.title, anthology.subtitle)
    context = _context(builder)
    _parts(builder)
    if anthology.organisations:
        _annex(builder)
    _last_section(builder)
    _insert_toc(builder, before=context)
    builder.footer()
    builder.save(path)


def _last_section(builder: _Builder) -> None:
    """The document's own section properties are those of its last section: the annex list
    or the last part's clusters in two columns, following on."""
    if not builder.sections:
        return  # one section after the cover: it starts on a new page, one column
    last = builder.document.sections[-1]._sectPr
    last.insert(0, x.element("type", val="continuous"))
    if builder.columns == 2:
        columns = last.find(qn("w:cols"))
        columns.set(qn("w:num"), "2")
        columns.set(qn("w:space"), str(builder.theme.twips(builder.theme.page["column_gap"])))


def render_contributions_docx(anthology: Anthology, path: str | os.PathLike[str]) -> None:
    builder = _Builder(anthology)
    wording = builder.wording
    question = contribution_question(anthology)
    number = question.number if question else ""
    builder.cover(
        wording.text("contributions.title"), wording.text("contributions.subtitle", number=number)
    )
    if question is not None:
        builder.text(
            "Normal", wording.text("contributions.intro", number=number, question=question.text)
        )
    if anthology.contributions:
        builder.text(
            "Heading3", wording.plural("contributions.count", len(anthology.contributions))
        )
    else:
        builder.text("Normal", wording.text("contributions.empty"))
    for quote in anthology.contributions:
        builder.quote(quote)
    builder.footer()
    builder.save(path)
