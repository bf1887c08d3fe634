"""The work group's round trip: export the coding sheet, code it in Excel, import it back."""

from __future__ import annotations

import re

import openpyxl
import pytest

from bot.cli import main
from consultation.review import codebook_of
from storage.records import SubmittedAnswer
from storage.store import Store

ANSWERS = [
    {
        3: "Gegevens delen tussen gemeenten en politie is lastig door de AVG.",
        2: "De samenwerking in het RIEC gaat goed.",
    },
    {
        3: "Er zijn te weinig opvangplekken voor mannelijke slachtoffers.",
        2: "Er is meer aandacht voor arbeidsuitbuiting.",
    },
    {
        3: "Professionals herkennen de signalen van uitbuiting niet.",
        1: "Steeds meer werving via sociale media.",
    },
]


@pytest.fixture
def consultation_id(tmp_path, monkeypatch):
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


def sheet_rows(path):
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    return book, sheet, {name: header.index(name) + 1 for name in header}


def test_moves_highlights_and_exclusions_come_back(consultation_id, capsys, tmp_path):
    xlsx = tmp_path / "coding.xlsx"
    code, _, err = cli(
        capsys, "export", "--consultation", consultation_id, "--format", "xlsx", "--out", str(xlsx)
    )
    assert code == 0, err
    book, sheet, col = sheet_rows(xlsx)
    assert sheet.freeze_panes == "A2"
    by_text = {sheet.cell(r, col["Citaat"]).value: r for r in range(2, sheet.max_row + 1)}
    shelter = by_text["Er zijn te weinig opvangplekken voor mannelijke slachtoffers."]
    sheet.cell(shelter, col["Cluster"]).value = "2.31 Tekort aan opvang voor mannen"
    sheet.cell(shelter, col["Uitgelicht"]).value = "ja"
    signals = by_text["Professionals herkennen de signalen van uitbuiting niet."]
    sheet.cell(signals, col["Opnemen"]).value = "nee"
    book.save(xlsx)

    code, out, err = cli(capsys, "import-coding", str(xlsx), "--consultation", consultation_id)
    assert code == 0, err
    assert "1 left out" in out
    # the typed number gives way to the one the document prints, and the summary says which
    number = re.search(r"new cluster (2\.\d+) Tekort aan opvang voor mannen", out).group(1)
    assert "(typed as 2.31)" in out

    md = tmp_path / "b.md"
    assert cli(capsys, "export", "--consultation", consultation_id, "--out", str(md))[0] == 0
    text = md.read_text()
    assert f"### {number} Tekort aan opvang voor mannen" in text
    assert "Professionals herkennen de signalen" not in text
    shelter_at = text.index("Tekort aan opvang voor mannen")
    assert text.index("te weinig opvangplekken", shelter_at) > shelter_at


def test_csv_round_trip_without_changes_changes_nothing(consultation_id, capsys, tmp_path):
    csv = tmp_path / "coding.csv"
    assert (
        cli(
            capsys,
            "export",
            "--consultation",
            consultation_id,
            "--format",
            "csv",
            "--out",
            str(csv),
        )[0]
        == 0
    )
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")
    code, out, _ = cli(capsys, "import-coding", str(csv), "--consultation", consultation_id)
    assert code == 0 and "0 placed in another cluster" in out


def test_a_changed_quote_is_refused_with_its_row_and_nothing_changes(
    consultation_id, capsys, tmp_path
):
    xlsx = tmp_path / "coding.xlsx"
    cli(capsys, "export", "--consultation", consultation_id, "--format", "xlsx", "--out", str(xlsx))
    book, sheet, col = sheet_rows(xlsx)
    sheet.cell(2, col["Opnemen"]).value = "nee"
    sheet.cell(3, col["Citaat"]).value = "Iets heel anders."
    book.save(xlsx)
    code, _, err = cli(capsys, "import-coding", str(xlsx), "--consultation", consultation_id)
    assert code == 2 and "row 3" in err and "literal" in err and err.count("\n") == 1
    store = Store.open(tmp_path / "c.db")
    assert all(s.include for s in store.statements.for_consultation(consultation_id))


def test_a_damaged_file_is_refused(consultation_id, capsys, tmp_path):
    xlsx = tmp_path / "coding.xlsx"
    cli(capsys, "export", "--consultation", consultation_id, "--format", "xlsx", "--out", str(xlsx))
    xlsx.write_bytes(xlsx.read_bytes()[:500])
    code, _, err = cli(capsys, "import-coding", str(xlsx), "--consultation", consultation_id)
    assert code == 2 and "coding.xlsx" in err and err.count("\n") == 1


def test_importing_the_same_sheet_twice_changes_nothing_the_second_time(
    consultation_id, capsys, tmp_path
):
    xlsx = tmp_path / "coding.xlsx"
    cli(capsys, "export", "--consultation", consultation_id, "--format", "xlsx", "--out", str(xlsx))
    book, sheet, col = sheet_rows(xlsx)
    by_text = {sheet.cell(r, col["Citaat"]).value: r for r in range(2, sheet.max_row + 1)}
    row = by_text["Er zijn te weinig opvangplekken voor mannelijke slachtoffers."]
    sheet.cell(row, col["Cluster"]).value = "Nieuw thema opvang"
    signals = by_text["Professionals herkennen de signalen van uitbuiting niet."]
    sheet.cell(signals, col["Cluster"]).value = "Gebrek bewustzijn in maatschappij"  # a title only
    book.save(xlsx)
    code, first, err = cli(capsys, "import-coding", str(xlsx), "--consultation", consultation_id)
    assert code == 0, err
    assert re.search(r"new cluster 2\.\d+ Nieuw thema opvang", first)
    assert first.count("new cluster") == 1
    code, second, _ = cli(capsys, "import-coding", str(xlsx), "--consultation", consultation_id)
    assert code == 0
    assert "0 placed in another cluster, 0 pull quotes changed" in second
    assert "new cluster" not in second
    store = Store.open(tmp_path / "c.db")
    placed = {s.text: s.cluster for s in store.statements.for_consultation(consultation_id)}
    codebook = codebook_of(store, store.consultations.get(consultation_id))
    signals = placed["Professionals herkennen de signalen van uitbuiting niet."]
    assert codebook.title(signals) == "Gebrek bewustzijn in maatschappij"


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_awkward_answers_make_an_untouched_sheet_that_reads_back(
    tmp_path, monkeypatch, capsys, fmt
):
    """Formula-like starts, an apostrophe and a control character from an older answer: the
    sheet shows them as text, and an untouched sheet is taken back as it is."""
    monkeypatch.setenv("RONDETAFEL_DB", str(tmp_path / "a.db"))
    store = Store.open(tmp_path / "a.db")
    from consultation.questions import default_set, to_record

    c = store.consultations.create("R", "P", "2026-12-01", to_record(default_set()))
    awkward = [
        '=HYPERLINK("http://x") is wat ik zag bij de werving van jongeren.',
        "'=1+1 stond er in het contract, dat begreep niemand van ons.",
        "+31 was het nummer van de werver en dat belde iedereen in de groep.",
        "- Er is te weinig opvang\x07 voor mannen in de regio.",
        "@iedereen: de samenwerking met de gemeente gaat veel beter dan vroeger.",
    ]
    for i, text in enumerate(awkward):
        p = store.participants.create(c.id, "stakeholder", f"k{i}", "nl")
        store.answers.submit(
            p, [SubmittedAnswer(3, text, [], "nl")], withdraw_hash=f"w{i}", mark=f"m{i}"
        )
    store.close()
    sheet = tmp_path / f"coding.{fmt}"
    assert (
        cli(capsys, "export", "--consultation", c.id, "--format", fmt, "--out", str(sheet))[0] == 0
    )
    if fmt == "xlsx":
        book = openpyxl.load_workbook(sheet)
        types = {
            cell.data_type
            for row in book.worksheets[0].iter_rows()
            for cell in row
            if isinstance(cell.value, str) and cell.value.startswith("=")
        }
        assert types <= {"s"}
    code, out, err = cli(capsys, "import-coding", str(sheet), "--consultation", c.id)
    assert code == 0, err
    assert "0 placed in another cluster" in out
