"""The Markdown bloemlezing and the separate "Bijdragen" document, read as a reader would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from renderers.render_markdown import render_contributions_markdown, render_markdown
from tests.renderers.anthology_sample import ARABIC, BULLETS, POLISH, sample_anthology


def _unescape(markdown: str) -> str:
    """What a Markdown reader shows for backslash escapes (CommonMark: any ASCII punctuation)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


@pytest.fixture
def markdown(tmp_path):
    path = tmp_path / "bloemlezing.md"
    render_markdown(sample_anthology(), path)
    return path.read_text(encoding="utf-8")


def test_parts_come_in_the_order_of_the_published_anthology(markdown):
    headings = re.findall(r"^## (\d) (.+)$", markdown, re.M)
    assert headings == [
        ("1", "Trends en ontwikkelingen"),
        ("2", "Problemen en oorzaken"),
        ("3", "Wat gaat er goed?"),
        ("4", "Ambities"),
    ]
    assert "*Vraag 2: Wat gaat er nu goed op het gebied van mensenhandel?*" in markdown


def test_clusters_are_numbered_headings_under_their_part(markdown):
    part_2 = markdown.index("## 2 Problemen en oorzaken")
    part_3 = markdown.index("## 3 Wat gaat er goed?")
    cluster = markdown.index("### 2.2 Beperkte mogelijkheid gegevensuitwisseling")
    assert part_2 < cluster < part_3


def test_every_quote_is_there_literally_and_once_per_cluster(markdown):
    shown = _unescape(markdown)
    for part in sample_anthology().parts:
        for cluster in part.clusters:
            for quote in cluster.quotes:
                first_line = quote.text.split("\n")[0]
                assert f"> {first_line}" in shown
    assert "De regels <privacy> & *uitzonderingen* zijn voor niemand helder." in shown
    assert "\\<privacy> & \\*uitzonderingen\\*" in markdown  # not read as HTML or emphasis
    assert "> \\- een vast aanspreekpunt\\" in markdown  # the answer's own bullet stays text


def test_foreign_quotes_are_marked_with_their_language(markdown):
    assert f"{POLISH.text} *(Pools)*" in markdown
    assert f"{ARABIC.text} *\u200e(Arabisch)\u200e*" in markdown  # whole after right-to-left
    assert "ook is. *(" not in markdown  # Dutch quotes carry no mark


def test_pull_quotes_open_their_part_in_bold(markdown):
    part_2 = markdown.index("## 2 Problemen en oorzaken")
    first_cluster = markdown.index("### 2.1 Aangiftebereidheid")
    pull = markdown.index("> **“Zonder vertrouwen doet niemand aangifte")
    assert part_2 < pull < first_cluster


def test_contents_link_to_every_part_and_cluster(markdown):
    contents = markdown[
        markdown.index("## Inhoud") : markdown.index("## Context en verantwoording")
    ]
    assert "- [Context en verantwoording](#context-en-verantwoording)" in contents
    assert (
        "  - [2.2 Beperkte mogelijkheid gegevensuitwisseling]"
        "(#22-beperkte-mogelijkheid-gegevensuitwisseling)" in contents
    )
    assert "- [Bijlage A: betrokken organisaties]" in contents


def test_context_tells_how_the_anthology_was_made(markdown):
    context = markdown[markdown.index("## Context en verantwoording") : markdown.index("## 1 ")]
    assert "5 oktober 2022" in context
    assert "64 stakeholders en 1 ervaringsdeskundige" in context
    assert "4. Wat zouden wij volgens u per se moeten bereiken" in context
    assert "letterlijk overgenomen" in context
    assert "De antwoorden op vraag 5" in context


def test_annex_lists_organisations_alphabetically_only_when_there_are_any(tmp_path, markdown):
    annex = markdown[markdown.index("## Bijlage A: betrokken organisaties") :]
    names = re.findall(r"^- (.+)$", annex, re.M)
    assert names == [
        "Ádám Stichting",
        "CoMensha",
        "Gemeente Utrecht",
        "politie",
        "Zorgnetwerk Oost",
    ]

    numbered = tmp_path / "genummerd.md"
    render_markdown(sample_anthology(organisations=("Team 10", "team 2", "Team 1")), numbered)
    assert re.findall(r"^- (Team.*|team.*)$", numbered.read_text(encoding="utf-8"), re.M) == [
        "Team 1",
        "team 2",
        "Team 10",
    ]

    path = tmp_path / "zonder.md"
    render_markdown(sample_anthology(organisations=()), path)
    without = path.read_text(encoding="utf-8")
    assert "Bijlage A" not in without
    assert "bijlage A" not in without


def test_question_5_answers_are_a_separate_document(tmp_path, markdown):
    assert "training voor wijkteams" not in markdown
    path = tmp_path / "bijdragen.md"
    render_contributions_markdown(sample_anthology(), path)
    contributions = path.read_text(encoding="utf-8")
    assert contributions.splitlines()[2] == "# Bijdragen"
    assert "Wat zou jij of je organisatie kunnen bijdragen?" in contributions
    assert "> Wij kunnen twee keer per jaar een training voor wijkteams geven." in contributions
    assert "> Możemy tłumaczyć ulotki na język polski. *(Pools)*" in contributions
    assert "**2 bijdragen**" in contributions
    assert "Aangiftebereidheid" not in contributions


def test_footer_names_the_programme(markdown):
    assert markdown.rstrip().endswith("*bloemlezing - Samen tegen mensenhandel*")


def test_a_failed_write_leaves_the_old_file_and_no_partial_one(tmp_path, monkeypatch):
    path = tmp_path / "bloemlezing.md"
    path.write_text("vorige versie", encoding="utf-8")

    def disk_full(self, text, *args, **kwargs):
        with open(self, "w", encoding="utf-8") as half:
            half.write(text[:100])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", disk_full)
    with pytest.raises(OSError):
        render_markdown(sample_anthology(), path)
    with pytest.raises(OSError):
        render_contributions_markdown(sample_anthology(), tmp_path / "bijdragen.md")
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == "vorige versie"
    assert [p.name for p in tmp_path.iterdir()] == ["bloemlezing.md"]


def test_bullets_of_an_answer_keep_their_line_breaks(markdown):
    lines = [line for line in markdown.splitlines() if line.startswith("> ")]
    start = lines.index("> Wat nodig is:\\")
    assert lines[start : start + 3] == [
        "> Wat nodig is:\\",
        "> \\- een vast aanspreekpunt\\",
        "> \\- korte lijnen",
    ]
    assert BULLETS.text.count("\n") == 2
