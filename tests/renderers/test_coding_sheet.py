"""The work group's coding sheet: written as xlsx/csv, edited, read back, or refused precisely."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from renderers.coding_sheet import (
    CodingRow,
    CodingSheetError,
    read_coding_sheet,
    write_coding_sheet,
)

ROWS = [
    CodingRow(
        "s000001000001",
        "1",
        "1.1",
        "Kwetsbare groepen",
        ("1.1", "1.2", "1.5"),
        0.812,
        "Steeds jongere slachtoffers melden zich.",
        "nl",
    ),
    CodingRow(
        "s000001000002",
        "1",
        "1.2",
        "Digitalisering",
        ("1.2", "1.1", "1.5"),
        0.64,
        "- werving via apps\n- advertenties verdwijnen snel",
        "nl",
        highlight=True,
    ),
    CodingRow(
        "s000002000001",
        "2",
        "2.11",
        "Beperkte mogelijkheid gegevensuitwisseling",
        ("2.11", "2.3", "2.1"),
        0.557,
        "Coraz więcej danych nie wolno udostępniać.",
        "pl",
    ),
    CodingRow(
        "s000003000001",
        "2",
        "2.3",
        "Capaciteit",
        ("2.3", "2.11", "2.1"),
        0.31,
        "=geen formule, gewoon tekst",
        "nl",
        include=False,
    ),
]
CHOICES = {
    "1": [("1.1", "Kwetsbare groepen"), ("1.2", "Digitalisering"), ("1.5", "Opsporing")],
    "2": [
        ("2.1", "Aangifte"),
        ("2.3", "Capaciteit"),
        ("2.11", "Beperkte mogelijkheid gegevensuitwisseling"),
    ],
}


@pytest.fixture
def xlsx(tmp_path) -> Path:
    path = tmp_path / "codering.xlsx"
    write_coding_sheet(ROWS, path, CHOICES)
    return path


@pytest.fixture
def csv_path(tmp_path) -> Path:
    path = tmp_path / "codering.csv"
    write_coding_sheet(ROWS, path, CHOICES)
    return path


def test_round_trip_xlsx_and_csv(xlsx, csv_path):
    assert read_coding_sheet(xlsx) == ROWS
    assert read_coding_sheet(csv_path) == ROWS


def test_xlsx_is_ready_for_the_work_group(xlsx):
    book = openpyxl.load_workbook(xlsx)
    sheet = book["Citaten"]
    assert [c.value for c in sheet[1]] == [
        "ID",
        "Deel",
        "Cluster",
        "Suggesties (top 3)",
        "Score",
        "Citaat",
        "Vertaling",
        "Taal",
        "Let op",
        "Uitgelicht",
        "Opnemen",
        "Versie",
    ]
    assert sheet.freeze_panes == "A2"
    assert sheet["C2"].value == "1.1 Kwetsbare groepen"
    assert sheet["D2"].value == "1.1, 1.2, 1.5"
    assert sheet["F3"].alignment.wrap_text
    assert sheet.column_dimensions["F"].width >= 60
    assert sheet["F5"].value == "=geen formule, gewoon tekst"
    assert sheet["F5"].data_type == "s"  # text, never a formula
    lists = book["Clusters"]
    assert lists.sheet_state == "hidden"
    assert [c.value for c in lists["B"]][:4] == [
        "Deel 2",
        "2.1 Aangifte",
        "2.3 Capaciteit",
        "2.11 Beperkte mogelijkheid gegevensuitwisseling",
    ]
    validations = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    assert validations["C2:C3"].formula1 == "'Clusters'!$A$2:$A$4"
    assert validations["C4:C5"].formula1 == "'Clusters'!$B$2:$B$4"
    assert validations["C4:C5"].errorStyle == "warning"  # a new cluster can be typed
    assert validations["J2:K5"].formula1 == '"ja,nee"'


def test_csv_opens_in_dutch_excel(csv_path):
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == (
        "ID;Deel;Cluster;Suggesties (top 3);Score;Citaat;Vertaling;Taal;Let op;Uitgelicht;"
        "Opnemen;Versie"
    )
    assert lines[1] == (
        "s000001000001;1;1.1 Kwetsbare groepen;1.1, 1.2, 1.5;0,812;"
        "Steeds jongere slachtoffers melden zich.;;nl;;nee;ja;"
    )
    assert "'=geen formule" in raw.decode("utf-8-sig")  # Excel must not evaluate it


def test_work_group_edits_in_excel_are_read(xlsx):
    book = openpyxl.load_workbook(xlsx)
    sheet = book["Citaten"]
    sheet["C2"] = "1.2 Digitalisering"  # moved
    sheet["C3"] = "1.9 Nieuwe werkvormen"  # new cluster, number and title
    sheet["C4"] = "Ketensamenwerking"  # new cluster, title only
    sheet["J4"] = "ja"  # highlight
    sheet["K2"] = "Nee"  # excluded duplicate
    book.save(xlsx)
    rows = read_coding_sheet(xlsx)
    assert (rows[0].cluster_number, rows[0].include) == ("1.2", False)
    assert (rows[1].cluster_number, rows[1].cluster_title) == ("1.9", "Nieuwe werkvormen")
    assert (rows[2].cluster_number, rows[2].cluster_title) == ("", "Ketensamenwerking")
    assert rows[2].highlight is True
    assert rows[3] == ROWS[3]


def test_work_group_edits_in_csv_are_read(csv_path):
    text = csv_path.read_text(encoding="utf-8-sig")
    text = text.replace("s000001000001;1;1.1 Kwetsbare groepen", "s000001000001;1;1.5 Opsporing")
    text = text.replace("nl;;nee;ja;\n", "nl;;ja;nee;\n", 1)
    csv_path.write_text(text, encoding="utf-8-sig", newline="")
    first = read_coding_sheet(csv_path)[0]
    assert (first.cluster_number, first.cluster_title) == ("1.5", "Opsporing")
    assert (first.highlight, first.include) == (True, False)


def test_csv_saved_by_older_excel_in_windows_encoding(tmp_path):
    path = tmp_path / "codering.csv"
    path.write_bytes(
        "ID;Deel;Cluster;Suggesties (top 3);Score;Citaat;Taal;Uitgelicht;Opnemen\r\n"
        "s000005000001;3;3.2 Coöperatie;3.2;0,5;Een coördinator werkt goed.;nl;nee;ja\r\n".encode(
            "cp1252"
        )
    )
    [row] = read_coding_sheet(path)
    assert row.cluster_title == "Coöperatie" and row.text == "Een coördinator werkt goed."
    assert row.score == 0.5


def _edit(path: Path, cell: str, value: object) -> None:
    book = openpyxl.load_workbook(path)
    book["Citaten"][cell] = value
    book.save(path)


@pytest.mark.parametrize(
    ("cell", "value", "message"),
    [
        ("A3", "regel-7", "row 3, column A 'ID': 'regel-7' is not a statement id"),
        ("A4", None, "row 4, column A 'ID': empty is not a statement id"),
        ("K3", "misschien", "row 3, column K 'Opnemen': 'misschien' is not ja/nee"),
        ("J5", "jawel", "row 5, column J 'Uitgelicht': 'jawel' is not ja/nee"),
        ("L3", "drie", "row 3, column L 'Versie': 'drie' is not a revision number"),
        (
            "C2",
            "2.11 Beperkte mogelijkheid gegevensuitwisseling",
            "row 2, column C 'Cluster': cluster 2.11 belongs to part 2, but this statement is in "
            "part 1",
        ),
        ("C2", 1.1, "row 2, column C 'Cluster': 1.1 is a bare number"),
        ("C3", None, "row 3, column C 'Cluster': empty; choose a cluster"),
        ("E4", "hoog", "row 4, column E 'Score': 'hoog' is not a number"),
        (
            "A5",
            "s000001000001",
            "row 5, column A 'ID': statement s000001000001 is already in row 2",
        ),
        ("B2", "Trends", "row 2, column B 'Deel': 'Trends' is not a part number"),
    ],
)
def test_a_wrong_cell_is_named_by_row_and_column(xlsx, cell, value, message):
    _edit(xlsx, cell, value)
    before = xlsx.read_bytes()
    with pytest.raises(CodingSheetError) as caught:
        read_coding_sheet(xlsx)
    assert message in str(caught.value)
    assert caught.value.row == int(cell[1:])
    assert caught.value.column == cell[0]
    assert xlsx.read_bytes() == before


def test_excluded_row_may_lose_its_cluster(xlsx):
    _edit(xlsx, "C5", None)
    assert read_coding_sheet(xlsx)[3].cluster_label == ""


def test_missing_or_renamed_column_is_named(xlsx, csv_path):
    book = openpyxl.load_workbook(xlsx)
    book["Citaten"].delete_cols(11)
    book.save(xlsx)
    with pytest.raises(CodingSheetError, match="row 1: missing column\\(s\\) 'Opnemen'"):
        read_coding_sheet(xlsx)

    text = csv_path.read_text(encoding="utf-8-sig").replace(";Uitgelicht;", ";Highlights;")
    csv_path.write_text(text, encoding="utf-8-sig")
    with pytest.raises(CodingSheetError) as caught:
        read_coding_sheet(csv_path)
    assert "missing column(s) 'Uitgelicht'; unrecognised headers: 10 'Highlights'" in str(
        caught.value
    )
    assert caught.value.column == "10"


def test_a_bad_value_in_csv_names_row_and_column_number(csv_path):
    text = csv_path.read_text(encoding="utf-8-sig").replace("nl;;nee;nee", "nl;;nee;soms")
    csv_path.write_text(text, encoding="utf-8-sig")
    # Row as Excel numbers it: the multi-line quote of row 3 is still one row.
    with pytest.raises(CodingSheetError, match="row 5, column 11 'Opnemen': 'soms'"):
        read_coding_sheet(csv_path)


def test_not_a_workbook_or_a_truncated_one_is_refused(tmp_path, xlsx):
    fake = tmp_path / "geen.xlsx"
    fake.write_text("ID;Deel\n", encoding="utf-8")
    with pytest.raises(CodingSheetError, match="geen.xlsx: not a readable Excel workbook"):
        read_coding_sheet(fake)
    truncated = tmp_path / "half.xlsx"
    truncated.write_bytes(xlsx.read_bytes()[: xlsx.stat().st_size // 2])
    with pytest.raises(CodingSheetError, match="half.xlsx: not a readable Excel workbook"):
        read_coding_sheet(truncated)
    empty = tmp_path / "leeg.csv"
    empty.write_bytes(b"")
    with pytest.raises(CodingSheetError, match="leeg.csv: the sheet is empty"):
        read_coding_sheet(empty)
    with pytest.raises(CodingSheetError, match="is .xlsx or .csv"):
        read_coding_sheet(tmp_path / "codering.ods")


def test_writing_is_all_or_nothing(tmp_path, monkeypatch):
    with pytest.raises(ValueError, match="is .xlsx or .csv"):
        write_coding_sheet(ROWS, tmp_path / "codering.txt")

    def interrupted(self, filename):
        Path(filename).write_bytes(b"PK\x03\x04")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", interrupted)
    with pytest.raises(OSError):
        write_coding_sheet(ROWS, tmp_path / "codering.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_drop_down_lists_default_to_the_clusters_in_use(tmp_path):
    path = tmp_path / "codering.xlsx"
    write_coding_sheet(ROWS, path)
    lists = openpyxl.load_workbook(path)["Clusters"]
    assert [c.value for c in lists["B"]] == [
        "Deel 2",
        "2.3 Capaciteit",
        "2.11 Beperkte mogelijkheid gegevensuitwisseling",
    ]


def test_english_sheet_reads_back_too(tmp_path):
    path = tmp_path / "coding.xlsx"
    write_coding_sheet(ROWS, path, CHOICES, locale="en")
    sheet = openpyxl.load_workbook(path)["Quotes"]
    assert sheet["K2"].value == "yes"
    assert read_coding_sheet(path) == ROWS


def test_translation_notes_and_revision_come_back_and_mixed_sheets_are_refused(tmp_path):
    rows = [
        replace(row, revision=7, translation="Steeds meer." if row.lang == "pl" else "")
        for row in ROWS
    ]
    rows[3] = replace(rows[3], notes="Achtergehouden tot u bij Opnemen 'ja' kiest: geen citaat.")
    for name in ("s.xlsx", "s.csv"):
        path = tmp_path / name
        write_coding_sheet(rows, path, CHOICES)
        assert read_coding_sheet(path) == rows
    path = tmp_path / "s.xlsx"
    _edit(path, "L4", 6)  # a row pasted from an older sheet
    with pytest.raises(CodingSheetError, match="row 4, column L 'Versie': revision 6 differs"):
        read_coding_sheet(path)
