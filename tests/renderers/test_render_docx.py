"""The Word bloemlezing in the house format, read back the way Word would show it."""

from __future__ import annotations

import re
from dataclasses import replace

import docx
import pytest
from docx.oxml.ns import qn

from renderers.model import Quote
from renderers.render_docx import render_contributions_docx, render_docx
from tests.renderers.anthology_sample import ARABIC, POLISH, sample_anthology

PARTS = [
    "1 Trends en ontwikkelingen",
    "2 Problemen en oorzaken",
    "3 Wat gaat er goed?",
    "4 Ambities",
]


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "bloemlezing.docx"
    render_docx(sample_anthology(), path)
    return docx.Document(str(path))


def _styled(document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


def _body_xml(document) -> str:
    return document.element.body.xml


def test_cover_shows_programme_title_subtitle_and_date(document):
    cover = [p.text for p in document.paragraphs[:5]]
    assert cover == [
        "",
        "Samen tegen mensenhandel",
        "Een bloemlezing van citaten over trends, problemen en ambities",
        "Uit de consultatie van de programmagroep",
        "5 oktober 2022",
    ]
    assert document.paragraphs[2].style.name == "Title"
    # The cover is its own section (no footer); each part's title page is one column and its
    # clusters two; the annex list is a two-column section.
    assert len(document.sections) == 1 + 2 * 4 + 2


def test_headings_are_real_heading_styles_in_the_published_order(document):
    assert _styled(document, "Heading 1") == [
        "Context en verantwoording",
        *PARTS,
        "Bijlage A: betrokken organisaties",
    ]
    assert _styled(document, "Heading 2") == [
        "1.1 Kwetsbare groepen",
        "1.2 Digitalisering",
        "2.1 Aangiftebereidheid",
        "2.2 Beperkte mogelijkheid gegevensuitwisseling",
        "3.1 Meer samenwerking",
        "4.1 Slachtoffer centraal",
    ]
    assert "Context en verantwoording" in _styled(document, "Heading 1")


def test_each_part_and_its_clusters_start_on_a_new_page(document):
    paragraphs = document.paragraphs
    for part in PARTS:
        title = next(i for i, p in enumerate(paragraphs) if p.text == part)
        label = paragraphs[title - 1]
        assert label.text == f"Deel {part[0]}"
        assert label.paragraph_format.page_break_before
        first_cluster = next(p for p in paragraphs[title:] if p.style.name == "Heading 2")
        assert first_cluster.paragraph_format.page_break_before


def test_quotes_are_literal_in_the_quote_style_without_quotation_marks(document):
    quotes = _styled(document, "Quote")
    expected = [q for part in sample_anthology().parts for c in part.clusters for q in c.quotes]
    assert len(quotes) == len(expected)
    assert "Slachtoffers zien zichzelf vaak niet als slachtoffer." in quotes
    assert "Wat nodig is:\n- een vast aanspreekpunt\n- korte lijnen" in quotes
    assert "De regels <privacy> & *uitzonderingen* zijn voor niemand helder." in quotes
    assert not any("“" in quote for quote in quotes)


def test_the_quotes_of_a_part_are_set_in_two_columns(document):
    body = document.element.body
    for part in PARTS:
        heading = next(p for p in document.paragraphs if p.text == part)
        title_page = _section_of(body, heading._p)
        assert title_page.find(qn("w:cols")).get(qn("w:num")) in (None, "1")
        first_cluster = heading._p.getnext()
        while first_cluster.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) != (
            "Heading2"
        ):
            first_cluster = first_cluster.getnext()
        clusters = _section_of(body, first_cluster)
        assert clusters.find(qn("w:cols")).get(qn("w:num")) == "2"
        assert clusters.find(qn("w:type")).get(qn("w:val")) == "continuous"


def _section_of(body, paragraph):
    """The section properties that govern ``paragraph``: those of the next section end."""
    node = paragraph
    while node is not None:
        found = node.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        if found is not None:
            return found
        if node.tag == qn("w:sectPr"):
            return node
        node = node.getnext()
    return body.find(qn("w:sectPr"))


def test_pull_quotes_are_set_large_on_their_part_title_page(document):
    paragraphs = document.paragraphs
    pulls = [i for i, p in enumerate(paragraphs) if p.style.name == "Intense Quote"]
    assert [paragraphs[i].text for i in pulls] == [
        "“Zonder vertrouwen doet niemand aangifte, hoe goed de wet ook is.”",
        "“Elk slachtoffer krijgt binnen een week een vaste begeleider.”",
    ]
    part_2 = next(i for i, p in enumerate(paragraphs) if p.text == PARTS[1])
    assert paragraphs[part_2 + 2].style.name == "Intense Quote"
    pull_style = document.styles["Intense Quote"].font.size
    assert pull_style.pt > document.styles["Quote"].font.size.pt * 1.4


def test_foreign_quotes_stay_in_their_language_and_are_marked(document):
    quotes = _styled(document, "Quote")
    assert f"{POLISH.text} (Pools)" in quotes
    # after right-to-left text the mark is held together left to right, so it stands after
    # the quote (at its left end) with its brackets the right way round
    assert f"{ARABIC.text} \u200e(Arabisch)\u200e" in quotes
    arabic = next(p for p in document.paragraphs if ARABIC.text in p.text)
    assert arabic._p.pPr.find(qn("w:bidi")) is not None  # right to left
    polish = next(p for p in document.paragraphs if POLISH.text in p.text)
    assert polish.runs[0]._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "pl-PL"


def test_table_of_contents_is_a_word_field_prefilled_with_pages(document):
    body = _body_xml(document)
    assert 'TOC \\o "1-2" \\h \\z \\u' in body
    entries = [p.text for p in document.paragraphs if p.style.name in {"toc 1", "toc 2"}]
    titles = [re.sub(r"\t\d+$", "", entry) for entry in entries]
    assert titles[:5] == [
        "Context en verantwoording",
        PARTS[0],
        "1.1 Kwetsbare groepen",
        "1.2 Digitalisering",
        PARTS[1],
    ]
    pages = [int(entry.rsplit("\t", 1)[1]) for entry in entries]
    assert pages == sorted(pages) and pages[0] >= 3
    settings = document.settings.element
    assert settings.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    heading_anchors = set(re.findall(r'w:bookmarkStart w:id="\d+" w:name="([^"]+)"', body))
    links = set(re.findall(r'<w:hyperlink w:anchor="([^"]+)"', body))
    assert links and links <= heading_anchors


def test_prefilled_page_numbers_are_where_libreoffice_puts_the_headings(document):
    # Checked against this document rendered by LibreOffice (headless, to PDF): cover 1,
    # contents 2, context 3-4, each part title page followed by its clusters' page.
    entries = [
        p.text.rsplit("\t", 1) for p in document.paragraphs if p.style.name in {"toc 1", "toc 2"}
    ]
    assert {title: int(page) for title, page in entries} == {
        "Context en verantwoording": 3,
        PARTS[0]: 5,
        "1.1 Kwetsbare groepen": 6,
        "1.2 Digitalisering": 6,
        PARTS[1]: 7,
        "2.1 Aangiftebereidheid": 8,
        "2.2 Beperkte mogelijkheid gegevensuitwisseling": 8,
        PARTS[2]: 9,
        "3.1 Meer samenwerking": 10,
        PARTS[3]: 11,
        "4.1 Slachtoffer centraal": 12,
        "Bijlage A: betrokken organisaties": 13,
    }


def test_context_is_generated_from_the_consultation(document):
    start = next(
        i
        for i, p in enumerate(document.paragraphs)
        if p.text == "Context en verantwoording" and p.style.name == "Heading 1"
    )
    end = next(i for i, p in enumerate(document.paragraphs) if p.text == "Deel 1")
    context = "\n".join(p.text for p in document.paragraphs[start:end])
    assert "consultatie van het programma Samen tegen mensenhandel van 5 oktober 2022" in context
    assert "Er zijn 120 personen uitgenodigd" in context
    assert "64 stakeholders en 1 ervaringsdeskundige" in context
    assert "5.\tWat zou jij of je organisatie kunnen bijdragen?" in context
    assert "letterlijk overgenomen" in context and "[naam]" in context
    assert "De antwoorden op vraag 5" in context and "actieplan" in context
    assert "bijvoorbeeld (Pools)" in context


def test_running_footer_names_the_programme_with_page_number(document):
    body_footer = document.sections[1].footer
    assert not body_footer.is_linked_to_previous
    text = body_footer.paragraphs[0].text
    assert text.startswith("bloemlezing - Samen tegen mensenhandel\t")
    assert " PAGE " in body_footer._element.xml
    cover_footer = document.sections[0].footer
    assert not cover_footer.is_linked_to_previous
    assert all(p.text == "" for p in cover_footer.paragraphs)


def test_annex_alphabetical_and_only_with_organisations(tmp_path, document):
    assert _styled(document, "Organisation") == [
        "Ádám Stichting",
        "CoMensha",
        "Gemeente Utrecht",
        "politie",
        "Zorgnetwerk Oost",
    ]
    annex_list = document.sections[2]
    assert annex_list._sectPr.find(qn("w:cols")).get(qn("w:num")) == "2"
    assert annex_list.footer.is_linked_to_previous  # same running footer
    path = tmp_path / "zonder.docx"
    render_docx(sample_anthology(organisations=()), path)
    without = docx.Document(str(path))
    everything = "\n".join(p.text for p in without.paragraphs)
    assert "Bijlage A" not in everything and "bijlage A" not in everything
    assert _styled(without, "Organisation") == []
    assert len(without.sections) == 1 + 2 * 4


def test_contributions_are_a_separate_document(tmp_path, document):
    assert all("training voor wijkteams" not in p.text for p in document.paragraphs)
    path = tmp_path / "bijdragen.docx"
    render_contributions_docx(sample_anthology(), path)
    contributions = docx.Document(str(path))
    assert _styled(contributions, "Title") == ["Bijdragen"]
    assert _styled(contributions, "Quote") == [
        "Wij kunnen twee keer per jaar een training voor wijkteams geven.",
        "Możemy tłumaczyć ulotki na język polski. (Pools)",
    ]
    assert all("Aangiftebereidheid" not in p.text for p in contributions.paragraphs)


def test_text_word_cannot_store_is_dropped_not_fatal(tmp_path):
    anthology = sample_anthology()
    cluster = anthology.parts[0].clusters[0]
    odd = Quote("s000028000001", "Bel\x07 ons\x0b maar\tgewoon.", "nl")
    part = replace(anthology.parts[0], clusters=(replace(cluster, quotes=(odd,)),))
    path = tmp_path / "vreemd.docx"
    render_docx(sample_anthology(parts=(part,)), path)
    assert "Bel ons maar\tgewoon." in _styled(docx.Document(str(path)), "Quote")


def test_english_document(tmp_path):
    path = tmp_path / "anthology.docx"
    render_docx(sample_anthology(locale="en", language_names={}), path)
    english = docx.Document(str(path))
    assert _styled(english, "Heading 1")[0] == "Context and accountability"
    assert "Part 1" in [p.text for p in english.paragraphs]
    assert f"{POLISH.text} (Polish)" in _styled(english, "Quote")
    assert (
        english.sections[1]
        .footer.paragraphs[0]
        .text.startswith("anthology - Samen tegen mensenhandel")
    )


def test_a_failed_save_leaves_the_old_document_and_no_partial_file(tmp_path, monkeypatch):
    path = tmp_path / "bloemlezing.docx"
    path.write_bytes(b"vorige versie")

    def interrupted(self, target):
        with open(target, "wb") as half:
            half.write(b"PK\x03\x04 half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", interrupted)
    with pytest.raises(OSError):
        render_docx(sample_anthology(), path)
    assert path.read_bytes() == b"vorige versie"
    assert [p.name for p in tmp_path.iterdir()] == ["bloemlezing.docx"]


def test_an_early_export_without_answers_still_renders(tmp_path):
    empty_parts = tuple(replace(p, clusters=()) for p in sample_anthology().parts)
    path = tmp_path / "leeg.docx"
    render_docx(
        sample_anthology(parts=empty_parts, organisations=(), contributions=(), date=""), path
    )
    empty = docx.Document(str(path))
    assert _styled(empty, "Heading 1") == ["Context en verantwoording", *PARTS]
    assert _styled(empty, "Quote") == []
    assert any(
        p.text.startswith(
            "Deze bloemlezing bundelt de antwoorden uit de consultatie "
            "van het programma Samen tegen mensenhandel."
        )
        for p in empty.paragraphs
    )
    render_contributions_docx(sample_anthology(contributions=()), tmp_path / "b.docx")
    assert "Er zijn geen antwoorden op deze vraag gegeven." in [
        p.text for p in docx.Document(str(tmp_path / "b.docx")).paragraphs
    ]


def test_a_translation_stands_under_its_quote_and_a_pull_quote_shows_it(tmp_path):
    anthology = sample_anthology()
    part = anthology.parts[0]
    translated = replace(POLISH, translation="Steeds meer slachtoffers werken zonder contract.")
    cluster = replace(
        part.clusters[0], quotes=(translated, replace(translated, id="s1", highlight=True))
    )
    path = tmp_path / "vertaald.docx"
    render_docx(sample_anthology(parts=(replace(part, clusters=(cluster,)),)), path)
    paragraphs = docx.Document(str(path)).paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.style.name == "Quote")
    assert paragraphs[at].text == f"{POLISH.text} (Pools)"
    assert paragraphs[at + 1].style.name == "Quote Translation"
    assert paragraphs[at + 1].text == "Vertaling: Steeds meer slachtoffers werken zonder contract."
    assert _styled(docx.Document(str(path)), "Intense Quote") == [
        "“Steeds meer slachtoffers werken zonder contract.” (vertaald uit het Pools)"
    ]
