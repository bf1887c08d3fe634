"""Before anything is published: quotes that together single out an experience expert are held
back (and said why in the coding sheet) until the work group includes them; a language mark
only names a language at least three participants wrote in. Statements that are no quote stay
out the same way."""

from __future__ import annotations

import json
from dataclasses import replace

import docx
import openpyxl
import pytest

from bot.cli import main
from storage.records import SubmittedAnswer
from storage.store import Store

# Invented answers. Three experts say they worked in the greenhouses (shared by three: no one
# stands out); one writes in Bulgarian (the only one) about the slaughterhouse; one is the only
# Romanian, in sex work, in Rotterdam.
GREENHOUSE = [
    "Ik werkte in de kassen en het bureau hield mijn paspoort vast.",
    "Ik werkte in de kassen en kreeg nooit mijn loonstrook te zien.",
    "Ik werkte in de kassen en sliep met zes man op een kamer.",
]
BULGARIAN = "Аз съм от България и работех в кланица без договор."
ROMANIAN = "Ik kom uit Roemenië en heb in de prostitutie in Rotterdam gewerkt."
SAFE = "Niemand vroeg ooit hoe het met mij ging."
STAKEHOLDER = "Wij zien steeds meer uitbuiting in de bouw en de schoonmaak."


@pytest.fixture
def cid(tmp_path, monkeypatch):
    monkeypatch.setenv("RONDETAFEL_DB", str(tmp_path / "c.db"))
    store = Store.open(tmp_path / "c.db")
    from consultation.questions import default_set, to_record

    c = store.consultations.create(
        "Ronde", "Samen tegen mensenhandel", "2026-12-01", to_record(default_set())
    )
    people = [("expert", {3: text}, "nl") for text in GREENHOUSE]
    people += [
        ("expert", {3: BULGARIAN}, "bg"),
        ("expert", {3: ROMANIAN, 1: SAFE}, "nl"),
        ("stakeholder", {3: STAKEHOLDER}, "nl"),
        ("stakeholder", {1: "Het wordt beter, maar langzaam."}, "nl"),
    ]
    for i, (role, answers, lang) in enumerate(people):
        p = store.participants.create(c.id, role, f"key{i}", lang)
        store.answers.submit(
            p,
            [SubmittedAnswer(q, t, [], lang) for q, t in answers.items()],
            withdraw_hash=f"w{i}",
            mark=f"m{i}",
        )
    store.close()
    return c.id


def cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def exported(capsys, cid, tmp_path) -> dict[str, str]:
    texts = {}
    for fmt in ("docx", "md", "html", "json"):
        path = tmp_path / f"b.{fmt}"
        code, _, err = cli(
            capsys, "export", "--consultation", cid, "--format", fmt, "--out", str(path)
        )
        assert code == 0, err
        if fmt == "docx":
            texts[fmt] = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
        else:
            texts[fmt] = path.read_text(encoding="utf-8")
    return texts


def test_nothing_that_singles_out_an_expert_reaches_the_document(cid, capsys, tmp_path):
    for fmt, text in exported(capsys, cid, tmp_path).items():
        for identifying in ("България", "кланица", "Roemenië", "prostitutie", "Bulgaars"):
            assert identifying not in text, (fmt, identifying)
        for kept in GREENHOUSE + [SAFE, STAKEHOLDER]:
            assert kept in text or json.dumps(kept, ensure_ascii=False)[1:-1] in text, fmt
    context = exported(capsys, cid, tmp_path)["docx"]
    assert "2 uitspraken zijn achtergehouden" in context


def test_the_sheet_says_why_and_the_work_group_decides(cid, capsys, tmp_path):
    path = tmp_path / "s.xlsx"
    assert (
        cli(capsys, "export", "--consultation", cid, "--format", "xlsx", "--out", str(path))[0] == 0
    )
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    col = {name: header.index(name) + 1 for name in header}
    rows = {sheet.cell(r, col["Citaat"]).value: r for r in range(2, sheet.max_row + 1)}
    bulgarian, romanian = rows[BULGARIAN], rows[ROMANIAN]
    assert "Bulgaars" in sheet.cell(bulgarian, col["Let op"]).value
    note = sheet.cell(romanian, col["Let op"]).value
    assert "nationaliteit Roemenië" in note and "sector prostitutie" in note
    assert "plaats Rotterdam" in note
    assert sheet.cell(romanian, col["Opnemen"]).value == "nee"
    for text in GREENHOUSE + [SAFE]:
        assert not sheet.cell(rows[text], col["Let op"]).value
    sheet.cell(bulgarian, col["Opnemen"]).value = "ja"  # the work group includes it
    sheet.cell(
        bulgarian, col["Vertaling"]
    ).value = "Ik kom uit Bulgarije en werkte zonder contract."
    book.save(path)
    code, out, err = cli(capsys, "import-coding", str(path), "--consultation", cid)
    assert code == 0, err
    assert "1 included although a check held them back" in out
    text = exported(capsys, cid, tmp_path)["md"]
    assert BULGARIAN in text
    assert "Bulgaars" not in text  # fewer than three wrote in it: no mark, still
    assert "Vertaling: Ik kom uit Bulgarije en werkte zonder contract." in text
    assert ROMANIAN not in text


def test_a_statement_marked_not_a_quote_stays_out_until_included(
    cid, capsys, tmp_path, monkeypatch
):
    original = Store.open(tmp_path / "c.db").statements.__class__.for_consultation

    def marked(self, consultation_id):
        return [
            replace(s, quotable=s.text != "Het wordt beter, maar langzaam.")
            for s in original(self, consultation_id)
        ]

    monkeypatch.setattr("storage.statements.Statements.for_consultation", marked)
    text = exported(capsys, cid, tmp_path)["md"]
    assert "Het wordt beter, maar langzaam." not in text
    path = tmp_path / "s.csv"
    assert (
        cli(capsys, "export", "--consultation", cid, "--format", "csv", "--out", str(path))[0] == 0
    )
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    row = next(line for line in lines if "Het wordt beter" in line)
    assert "geen citaat" in row and row.endswith(";nee;nee;" + row.rsplit(";", 1)[1])
    path.write_text(
        "\n".join(
            line.replace(";nee;nee;", ";nee;ja;") if "Het wordt beter" in line else line
            for line in lines
        ),
        encoding="utf-8-sig",
    )
    assert cli(capsys, "import-coding", str(path), "--consultation", cid)[0] == 0
    assert "Het wordt beter, maar langzaam." in exported(capsys, cid, tmp_path)["md"]
