"""The standalone, printable HTML bloemlezing and the "Bijdragen" page."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from renderers.render_html import render_contributions_html, render_html
from tests.renderers.anthology_sample import ARABIC, POLISH, sample_anthology


class _Page(HTMLParser):
    """Elements in document order as (tag, attributes, text inside)."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str], list[str]]] = []
        self._open: list[tuple[str, dict[str, str], list[str]]] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        if tag in {"link", "script", "img"} or (tag == "a" and "://" in attributes.get("href", "")):
            self.external.append(tag)
        element = (tag, attributes, [])
        self.elements.append(element)
        if tag not in {"meta", "br"}:
            self._open.append(element)

    def handle_endtag(self, tag):
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data):
        for element in self._open:
            element[2].append(data)

    def texts(self, tag: str, css_class: str | None = None) -> list[str]:
        return [
            "".join(text)
            for t, attributes, text in self.elements
            if t == tag and (css_class is None or css_class in attributes.get("class", ""))
        ]

    def find(self, tag: str, **attributes: str) -> list[tuple[str, dict[str, str], list[str]]]:
        return [
            e
            for e in self.elements
            if e[0] == tag and all(e[1].get(k) == v for k, v in attributes.items())
        ]


@pytest.fixture
def source(tmp_path) -> str:
    path = tmp_path / "bloemlezing.html"
    render_html(sample_anthology(), path)
    return path.read_text(encoding="utf-8")


@pytest.fixture
def page(source) -> _Page:
    parser = _Page()
    parser.feed(source)
    return parser


def test_page_is_standalone_with_print_styles(source, page):
    assert source.startswith("<!DOCTYPE html>")
    assert page.external == []  # no stylesheet, script or image from elsewhere
    assert page.find("html")[0][1]["lang"] == "nl"
    assert "@media print" in source
    assert "break-before: page" in source
    assert '@bottom-left { content: "bloemlezing - Samen tegen mensenhandel"' in source


def test_parts_in_order_each_in_its_own_printed_section(page):
    assert page.texts("h2")[2:6] == [
        "1 Trends en ontwikkelingen",
        "2 Problemen en oorzaken",
        "3 Wat gaat er goed?",
        "4 Ambities",
    ]
    assert [e[1]["id"] for e in page.elements if "part" == e[1].get("class")] == [
        "deel-1",
        "deel-2",
        "deel-3",
        "deel-4",
    ]
    assert page.texts("p", "part-question")[2].startswith("Vraag 2: Wat gaat er nu goed")


def test_contents_link_to_clusters_that_exist(page):
    links = [e[1]["href"] for e in page.elements if e[0] == "a"]
    ids = {e[1].get("id") for e in page.elements}
    assert "#cluster-2-2" in links
    assert all(link[1:] in ids for link in links)
    assert "2.2 Beperkte mogelijkheid gegevensuitwisseling" in page.texts("h3")


def test_quotes_are_literal_escaped_and_carry_their_language(source, page):
    quotes = page.texts("blockquote", "quote")
    assert "De regels <privacy> & *uitzonderingen* zijn voor niemand helder." in quotes
    assert "&lt;privacy&gt; &amp;" in source
    assert f"{POLISH.text} (Pools)" in quotes
    polish = [e for e in page.find("blockquote", lang="pl")]
    assert polish and polish[0][1]["dir"] == "auto"
    arabic = page.find("blockquote", lang="ar")
    assert arabic[0][1]["dir"] == "rtl"
    assert f"{ARABIC.text} (Arabisch)" in "".join(arabic[0][2])
    assert '<bdi class="lang-mark" dir="ltr" lang="nl">(Arabisch)</bdi>' in source
    assert "a7-s1" not in source  # statement ids would show which quotes share an answer


def test_pull_quotes_sit_on_their_part_title(page):
    pulls = page.texts("blockquote", "pull-quote")
    assert pulls == [
        "“Zonder vertrouwen doet niemand aangifte, hoe goed de wet ook is.”",
        "“Elk slachtoffer krijgt binnen een week een vaste begeleider.”",
    ]


def test_context_and_annex(tmp_path, page):
    context = " ".join(page.texts("section", "context"))
    assert "64 stakeholders en 1 ervaringsdeskundige" in context
    assert [e[1]["value"] for e in page.find("li") if "value" in e[1]] == ["1", "2", "3", "4", "5"]
    organisations = [
        t
        for t in page.texts("li")
        if t in {"Ádám Stichting", "CoMensha", "Gemeente Utrecht", "politie", "Zorgnetwerk Oost"}
    ]
    assert organisations == [
        "Ádám Stichting",
        "CoMensha",
        "Gemeente Utrecht",
        "politie",
        "Zorgnetwerk Oost",
    ]
    path = tmp_path / "zonder.html"
    render_html(sample_anthology(organisations=()), path)
    assert "Bijlage A" not in path.read_text(encoding="utf-8")


def test_contributions_page_is_separate(tmp_path, source):
    assert "training voor wijkteams" not in source
    path = tmp_path / "bijdragen.html"
    render_contributions_html(sample_anthology(), path)
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    assert parser.texts("h1") == ["Bijdragen"]
    assert parser.texts("blockquote", "quote") == [
        "Wij kunnen twee keer per jaar een training voor wijkteams geven.",
        "Możemy tłumaczyć ulotki na język polski. (Pools)",
    ]


def test_english_document_uses_english_wording(tmp_path):
    path = tmp_path / "anthology.html"
    render_html(sample_anthology(locale="en", language_names={}), path)
    text = path.read_text(encoding="utf-8")
    assert "Context and accountability" in text
    assert "(Polish)" in text and "(Dutch)" in text
    assert '<html lang="en">' in text


def test_a_failed_write_leaves_no_partial_page(tmp_path, monkeypatch):
    path = tmp_path / "bloemlezing.html"

    def disk_full(self, text, *args, **kwargs):
        Path(self).write_bytes(text[:50].encode())
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", disk_full)
    with pytest.raises(OSError):
        render_html(sample_anthology(), path)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []
