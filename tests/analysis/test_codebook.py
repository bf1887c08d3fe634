from pathlib import Path

import pytest

from analysis.codebook import (
    LOCALES,
    CodebookError,
)
from analysis.codebook_formats import load_default_codebook, read_codebook, write_codebook


@pytest.fixture(scope="module")
def default():
    return load_default_codebook()


def test_default_codebook_is_the_2022_anthology_in_every_language(default):
    assert [p.chapter for p in default.parts] == ["1", "2", "3", "4"]
    assert [p.question for p in default.parts] == [1, 3, 2, 4]
    assert default.title("2.11") == "Beperkte mogelijkheid gegevensuitwisseling"
    assert default.title("2") == "Problemen en oorzaken"
    assert default.part("3").title("en") == "What is going well?"
    for cluster in default.clusters():
        assert set(cluster.titles) == set(LOCALES), cluster.number
    ours = {c.number for c in default.clusters() if c.ours}
    assert ours == {"1.1", "1.3", "2.5", "2.8", "2.10", "2.14", "2.18"}
    assert default.cluster("2.23").examples  # the anthology's quotes steer assignment
    assert default.part_for_question(3).chapter == "2"


def test_lookups_fail_clearly(default):
    with pytest.raises(KeyError, match="2.99"):
        default.cluster("2.99")
    with pytest.raises(KeyError):
        default.part("7")


def test_a_missing_translation_falls_back_to_dutch(default):
    renamed = default.renamed("3.9", "Meer en betere samenwerking")
    assert renamed.title("3.9", "pl") == "Meer en betere samenwerking"
    assert renamed.renamed("3.9", "Lepsza współpraca", "pl").title("3.9", "pl") == (
        "Lepsza współpraca"
    )
    assert default.title("3.9") == "Meer samenwerking"  # edits never change the original


@pytest.mark.parametrize("suffix", [".yaml", ".csv"])
def test_round_trip_keeps_everything(default, tmp_path: Path, suffix):
    path = tmp_path / f"codebook{suffix}"
    write_codebook(default, path)
    again = read_codebook(path)
    assert again.parts == default.parts
    if suffix == ".csv":
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Dutch Excel reads UTF-8


def test_csv_with_commas_from_another_spreadsheet_is_read(tmp_path: Path):
    path = tmp_path / "codebook.csv"
    path.write_text(
        "part,number,question,title_nl,title_en\n"
        "1,,1,Trends,Trends\n"
        "1,1.1,,Digitalisering,Digitalisation\n",
        encoding="utf-8",
    )
    codebook = read_codebook(path)
    assert codebook.title("1.1", "en") == "Digitalisation"


def test_edits_rename_add_merge_remove_reorder(default):
    edited = (
        default.renamed("2.24", "Versnipperde regionale aanpak")
        .added("2", "Uitbuiting in de zorg", after="2.21")
        .merged("2.5", into="2.6")
        .removed("2.10")
    )
    numbers = [c.number for c in edited.clusters("2")]
    assert "2.28" in numbers and numbers.index("2.28") == numbers.index("2.21") + 1
    assert "2.5" not in numbers and "2.10" not in numbers
    assert set(default.cluster("2.5").examples) <= set(edited.cluster("2.6").examples)
    assert edited.cluster("2.28").ours
    reordered = edited.reordered("2", reversed(numbers))
    assert [c.number for c in reordered.clusters("2")] == list(reversed(numbers))
    changes = edited.changes_from(default)
    assert "added 2.28 Uitbuiting in de zorg" in changes
    assert any(line.startswith("removed 2.5") for line in changes)
    assert any(line.startswith("renamed 2.24") for line in changes)


def test_impossible_edits_are_refused(default):
    with pytest.raises(CodebookError):
        default.merged("2.5", into="3.9")
    with pytest.raises(CodebookError):
        default.reordered("3", ["3.1", "3.2"])
    with pytest.raises(CodebookError):
        default.renamed("3.1", "   ")


YAML_HEAD = "parts:\n- chapter: '1'\n  question: 1\n  title: Trends\n  clusters:\n"


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        (YAML_HEAD + "  - number: '1.1'\n    titel: Oeps\n", "line 7, column 5", "titel"),
        (YAML_HEAD + "  - number: '2.1'\n    title: Verkeerd\n", "line 6, column 13", "1.<"),
        (YAML_HEAD + "  - number: '1.1'\n    title: [a, b]\n", "line 7, column 12", "title"),
        (
            YAML_HEAD + "  - number: '1.1'\n    title: A\n  - number: '1.1'\n    title: B\n",
            "line 8, column 13",
            "twice",
        ),
        ("parts:\n- chapter: '1'\n  question: een\n  title: T\n", "line 3, column 13", "question"),
        ("parts: [\n", "line 2, column 1", "not valid YAML"),
    ],
)
def test_yaml_errors_say_where(tmp_path: Path, text, where, what):
    path = tmp_path / "codebook.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CodebookError) as error:
        read_codebook(path)
    assert where in str(error.value) and what in str(error.value)


CSV_HEAD = "part;number;question;title_nl\n1;;1;Trends\n"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (CSV_HEAD + "1;1.x;;Digitaal\n", "line 3, column 2 (number)"),
        (CSV_HEAD + "1;1.1;;\n", "line 3, column 4 (title_nl)"),
        (CSV_HEAD + "een;1.1;;Digitaal\n", "line 3, column 1 (part)"),
        (CSV_HEAD + "1;1.1;;A\n1;1.1;;B\n", "line 4, column 2 (number)"),
        ("part;number;question;title_nl;kleur\n", "line 1, column 5"),
        ("part;number;title_nl\n2;2.1;Geen deelrij\n", "part 2 has no row of its own"),
    ],
)
def test_csv_errors_say_where(tmp_path: Path, text, where):
    path = tmp_path / "codebook.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CodebookError) as error:
        read_codebook(path)
    assert where in str(error.value)


def test_unreadable_files_are_refused(tmp_path: Path, default):
    binary = tmp_path / "codebook.csv"
    binary.write_bytes(b"part;number\n\xff\xfe\n")
    with pytest.raises(CodebookError, match="UTF-8"):
        read_codebook(binary)
    with pytest.raises(CodebookError, match=".yaml"):
        read_codebook(tmp_path / "codebook.docx")
    with pytest.raises(CodebookError):
        write_codebook(default, tmp_path / "codebook.txt")
    assert list(tmp_path.iterdir()) == [binary]  # no half-written file left behind
