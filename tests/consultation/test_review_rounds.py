"""Rounds with the work group: one numbering in sheet, codebook and document; files made from
an older revision never silently undo later work; agreement between coders."""

from __future__ import annotations

import re

import openpyxl
import pytest

from analysis.codebook_formats import read_codebook, write_codebook
from bot.cli import main
from consultation.review import codebook_of
from storage.records import SubmittedAnswer
from storage.store import Store

ANSWERS = [
    {
        3: "Gegevens delen tussen gemeenten en politie is lastig door de AVG.",
        2: "De samenwerking in het RIEC gaat goed.",
        1: "Steeds meer werving via sociale media.",
    },
    {
        3: "Er zijn te weinig opvangplekken voor mannelijke slachtoffers.",
        2: "Er is meer aandacht voor arbeidsuitbuiting.",
    },
    {
        3: "Professionals herkennen de signalen van uitbuiting niet.",
        4: "Elk slachtoffer krijgt binnen een week een vaste begeleider.",
    },
    {3: "Er is te weinig capaciteit bij de recherche om zaken op te pakken."},
]


@pytest.fixture
def cid(tmp_path, monkeypatch):
    monkeypatch.setenv("RONDETAFEL_DB", str(tmp_path / "c.db"))
    store = Store.open(tmp_path / "c.db")
    from consultation.questions import default_set, to_record

    c = store.consultations.create(
        "Ronde", "Samen tegen mensenhandel", "2026-12-01", to_record(default_set())
    )
    for i, answers in enumerate(ANSWERS):
        p = store.participants.create(c.id, "stakeholder", f"key{i}", "nl")
        store.answers.submit(
            p,
            [SubmittedAnswer(q, t, [], "nl") for q, t in answers.items()],
            withdraw_hash=f"w{i}",
            mark=f"m{i}",
        )
    store.close()
    return c.id


def cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def export(capsys, cid, path, fmt=None):
    fmt = fmt or path.suffix[1:]
    code, _, err = cli(capsys, "export", "--consultation", cid, "--format", fmt, "--out", str(path))
    assert code == 0, err
    return path


def sheet(path):
    book = openpyxl.load_workbook(path)
    rows = book.worksheets[0]
    header = [c.value for c in rows[1]]
    col = {name: header.index(name) + 1 for name in header}
    by_text = {rows.cell(r, col["Citaat"]).value: r for r in range(2, rows.max_row + 1)}
    return book, rows, col, by_text


def test_the_sheet_the_codebook_and_the_document_number_every_cluster_alike(cid, capsys, tmp_path):
    _, rows, col, by_text = sheet(export(capsys, cid, tmp_path / "a.xlsx"))
    labels = {rows.cell(r, col["Cluster"]).value for r in by_text.values()}
    text = export(capsys, cid, tmp_path / "b.md").read_text()
    headings = set(re.findall(r"^### (\d+\.\d+ .+)$", text, re.M))
    assert labels == headings  # every printed cluster, with the same number and title
    for part in "1234":  # and the document counts them 1..k, without gaps
        numbers = sorted(int(h.split()[0].split(".")[1]) for h in headings if h[0] == part)
        assert numbers == list(range(1, len(numbers) + 1))
    code, _, err = cli(
        capsys, "codebook", "export", "--consultation", cid, "--out", str(tmp_path / "c.yaml")
    )
    assert code == 0, err
    codebook = read_codebook(tmp_path / "c.yaml")
    for heading in headings:
        number, title = heading.split(" ", 1)
        assert codebook.title(number) == title


def test_a_sheet_made_before_later_decisions_is_refused_with_what_changed(cid, capsys, tmp_path):
    old = export(capsys, cid, tmp_path / "old.xlsx")
    new = export(capsys, cid, tmp_path / "new.xlsx")
    book, rows, col, by_text = sheet(new)
    rows.cell(by_text["Er is meer aandacht voor arbeidsuitbuiting."], col["Opnemen"]).value = "nee"
    book.save(new)
    assert cli(capsys, "import-coding", str(new), "--consultation", cid)[0] == 0

    book, rows, col, by_text = sheet(old)
    capacity = by_text["Er is te weinig capaciteit bij de recherche om zaken op te pakken."]
    rows.cell(capacity, col["Opnemen"]).value = "nee"
    book.save(old)
    code, _, err = cli(capsys, "import-coding", str(old), "--consultation", cid)
    assert code == 2
    assert "old.xlsx was made from revision" in err and "1 left out" in err
    store = Store.open(tmp_path / "c.db")
    included = {s.text: s.include for s in store.statements.for_consultation(cid)}
    store.close()
    assert included["Er is te weinig capaciteit bij de recherche om zaken op te pakken."]
    assert not included["Er is meer aandacht voor arbeidsuitbuiting."]  # the later decision


def test_a_stale_sheet_can_be_applied_to_untouched_rows_only(cid, capsys, tmp_path):
    old = export(capsys, cid, tmp_path / "old.xlsx")
    new = export(capsys, cid, tmp_path / "new.xlsx")
    book, rows, col, by_text = sheet(new)
    rows.cell(by_text["Er is meer aandacht voor arbeidsuitbuiting."], col["Opnemen"]).value = "nee"
    book.save(new)
    assert cli(capsys, "import-coding", str(new), "--consultation", cid)[0] == 0

    book, rows, col, by_text = sheet(old)
    rows.cell(by_text["Er is meer aandacht voor arbeidsuitbuiting."], col["Opnemen"]).value = "ja"
    capacity = by_text["Er is te weinig capaciteit bij de recherche om zaken op te pakken."]
    rows.cell(capacity, col["Opnemen"]).value = "nee"
    book.save(old)
    code, out, err = cli(
        capsys, "import-coding", str(old), "--consultation", cid, "--only-untouched"
    )
    assert code == 0, err
    assert "decided on since; not applied" in out and "1 left out" in out
    store = Store.open(tmp_path / "c.db")
    included = {s.text: s.include for s in store.statements.for_consultation(cid)}
    store.close()
    assert not included["Er is te weinig capaciteit bij de recherche om zaken op te pakken."]
    assert not included["Er is meer aandacht voor arbeidsuitbuiting."]  # not undone


def test_an_older_codebook_file_cannot_remove_clusters_added_since(cid, capsys, tmp_path):
    codebook_file = tmp_path / "cb.yaml"
    cli(capsys, "codebook", "export", "--consultation", cid, "--out", str(codebook_file))
    path = export(capsys, cid, tmp_path / "s.xlsx")
    book, rows, col, by_text = sheet(path)
    shelter = by_text["Er zijn te weinig opvangplekken voor mannelijke slachtoffers."]
    rows.cell(shelter, col["Cluster"]).value = "Opvang voor mannen"
    book.save(path)
    code, out, _ = cli(capsys, "import-coding", str(path), "--consultation", cid)
    assert code == 0 and "Opvang voor mannen" in out

    code, _, err = cli(capsys, "codebook", "import", str(codebook_file), "--consultation", cid)
    assert code == 2 and "cb.yaml was made from revision" in err
    assert "with new clusters" in err
    store = Store.open(tmp_path / "c.db")
    titles = [c.title() for c in codebook_of(store, store.consultations.get(cid)).clusters()]
    store.close()
    assert "Opvang voor mannen" in titles


def test_a_renumbered_codebook_keeps_each_quote_with_its_cluster(cid, capsys, tmp_path):
    export(capsys, cid, tmp_path / "first.md")
    codebook_file = tmp_path / "cb.yaml"
    cli(capsys, "codebook", "export", "--consultation", cid, "--out", str(codebook_file))
    marker = codebook_file.read_text().splitlines()[0]
    codebook = read_codebook(codebook_file)
    part = codebook.part("2")
    numbers = [c.number for c in part.clusters]
    swapped = codebook.reordered("2", [numbers[1], numbers[0], *numbers[2:]])
    from dataclasses import replace

    from analysis.codebook import Codebook

    renumbered = Codebook(  # the work group renumbers after moving a cluster up
        tuple(
            replace(
                p,
                clusters=tuple(
                    replace(c, number=f"2.{i}") for i, c in enumerate(p.clusters, start=1)
                ),
            )
            if p.chapter == "2"
            else p
            for p in swapped.parts
        )
    )
    write_codebook(renumbered, codebook_file)
    codebook_file.write_text(marker + "\n" + codebook_file.read_text())
    before = _placed(tmp_path, cid)
    code, out, err = cli(capsys, "codebook", "import", str(codebook_file), "--consultation", cid)
    assert code == 0, err
    assert f"cluster {numbers[0]}" in out and "is now" in out
    assert _placed(tmp_path, cid) == before  # every quote under the same title


def _placed(tmp_path, cid):
    store = Store.open(tmp_path / "c.db")
    codebook = codebook_of(store, store.consultations.get(cid))
    placed = {s.text: codebook.title(s.cluster) for s in store.statements.for_consultation(cid)}
    store.close()
    return placed


def test_agreement_between_coders_and_with_the_machine(cid, capsys, tmp_path):
    export(capsys, cid, tmp_path / "base.xlsx")
    ann, ben = tmp_path / "ann.xlsx", tmp_path / "ben.xlsx"
    for path, moved in ((ann, False), (ben, True)):
        book, rows, col, by_text = sheet(tmp_path / "base.xlsx")
        if moved:
            signals = by_text["Professionals herkennen de signalen van uitbuiting niet."]
            rows.cell(signals, col["Cluster"]).value = "Bewustwording bij professionals"
        book.save(path)
    code, out, err = cli(capsys, "agreement", str(ann), str(ben))
    assert code == 0, err
    assert "coders: ann.xlsx, ben.xlsx" in out
    alpha = float(re.search(r"Krippendorff's alpha \(nominal\): ([-\d.]+)", out).group(1))
    assert 0 < alpha < 1  # one statement of nine placed differently
    assert "1 statements the coders placed differently" in out
    assert "Professionals herkennen de signalen" in out and "bewustwording bij professionals" in out
    machine = re.findall(r"part (\d): (\d+) statements, top-1 ([\d.]+), top-3 ([\d.]+)", out)
    assert {m[0] for m in machine} == {"1", "2", "3", "4"}
    part_2 = next(m for m in machine if m[0] == "2")
    assert part_2[1] == "4" and float(part_2[2]) == 0.75  # ben moved one of four away
    same = tmp_path / "ann-again.xlsx"
    same.write_bytes(ann.read_bytes())
    code, out, _ = cli(capsys, "agreement", str(ann), str(same))
    assert "alpha (nominal): 1.000" in out and "placed differently" not in out
