"""`rondetafel assign`: JSON lines in, top-three clusters out, bad input refused whole."""

import io
import json

import pytest

from analysis.assign_cli import main as assign_main
from analysis.codebook_formats import load_default_codebook, write_codebook
from tests.analysis.test_assignment import DATA_SHARING


@pytest.fixture(scope="module")
def codebook():
    return load_default_codebook()


def run_cli(lines, *args):
    out, err = io.StringIO(), io.StringIO()
    stdin = io.StringIO("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
    code = assign_main(list(args), stdin, out, err)
    return code, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_cli_writes_top_three_per_statement():
    code, rows, _ = run_cli(
        [
            {"id": "a1", "text": DATA_SHARING["nl"], "chapter": "2"},
            {"id": 7, "text": DATA_SHARING["pl"], "chapter": 2},
        ]
    )
    assert code == 0
    assert [r["id"] for r in rows] == ["a1", 7]
    assert rows[0]["clusters"][0] == rows[1]["clusters"][0] == "2.11"
    assert set(rows[0]) == {"id", "clusters", "scores"} and len(rows[0]["scores"]) == 3


def test_cli_uses_the_codebook_and_corrections_given(tmp_path, codebook):
    path = tmp_path / "codebook.yaml"
    write_codebook(codebook.renamed("2.11", "Privacy").merged("2.23", into="2.11"), path)
    corrections = tmp_path / "corrections.jsonl"
    corrections.write_text(
        json.dumps({"text": "Geen prioriteit bij de gemeente.", "cluster": "2.19"}) + "\n",
        encoding="utf-8",
    )
    code, rows, _ = run_cli(
        [{"id": 1, "text": "Ketenpartners werken niet samen.", "chapter": "2"}],
        "--codebook",
        str(path),
        "--examples",
        str(corrections),
    )
    assert code == 0 and "2.23" not in rows[0]["clusters"]


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["{not json"], "line 1, column 2"),
        ([json.dumps({"id": 1, "text": "x"})], "line 1: missing 'chapter'"),
        (
            [
                json.dumps({"id": 1, "text": "x", "chapter": "2"}),
                json.dumps({"id": 2, "text": "y", "chapter": "5"}),
            ],
            "line 2: chapter '5'",
        ),
    ],
)
def test_cli_refuses_bad_input_before_writing_anything(lines, message):
    out, err = io.StringIO(), io.StringIO()
    code = assign_main([], io.StringIO("\n".join(lines) + "\n"), out, err)
    assert code == 2 and out.getvalue() == "" and message in err.getvalue()


def test_cli_reports_a_damaged_codebook(tmp_path):
    path = tmp_path / "codebook.csv"
    path.write_text("part;number;title_nl\n1;1.x;Oeps\n", encoding="utf-8")
    code, rows, err = run_cli([], "--codebook", str(path))
    assert code == 2 and rows == [] and "line 2" in err
