"""The facilitator's review commands: codebook out and in, assign, scrub, purge."""

from __future__ import annotations

import io
import json
import sys

import pytest

from analysis.codebook_formats import read_codebook, write_codebook
from bot.cli import main


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("RONDETAFEL_DB", str(tmp_path / "r.db"))
    monkeypatch.delenv("RONDETAFEL_SECRET", raising=False)
    return tmp_path


def cli(capsys, monkeypatch, *argv, stdin: str = ""):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_codebook_round_trip_renames_a_cluster_in_the_export(env, capsys, monkeypatch):
    _, cid, _ = cli(capsys, monkeypatch, "consultation", "create", "--title", "R")
    cid = cid.strip()
    yaml_file = env / "codebook.yaml"
    code, _, err = cli(capsys, monkeypatch, "codebook", "export", "--out", str(yaml_file))
    assert code == 0, err
    write_codebook(
        read_codebook(yaml_file).renamed("2.11", "Gegevens delen blijft lastig"), yaml_file
    )
    code, out, err = cli(
        capsys, monkeypatch, "codebook", "import", str(yaml_file), "--consultation", cid
    )
    assert code == 0, err
    assert "1 changes" in out and "2.11" in out
    code, _, _ = cli(
        capsys,
        monkeypatch,
        "codebook",
        "export",
        "--consultation",
        cid,
        "--out",
        str(env / "mine.csv"),
    )
    assert code == 0
    assert "Gegevens delen blijft lastig" in (env / "mine.csv").read_text(encoding="utf-8-sig")


def test_a_broken_codebook_is_refused_with_its_place(env, capsys, monkeypatch):
    _, cid, _ = cli(capsys, monkeypatch, "consultation", "create", "--title", "R")
    broken = env / "broken.yaml"
    broken.write_text("parts:\n  - chapter: '1'\n    clusters: [oops\n", encoding="utf-8")
    code, _, err = cli(
        capsys, monkeypatch, "codebook", "import", str(broken), "--consultation", cid.strip()
    )
    assert code == 2 and "broken.yaml" in err and err.count("\n") == 1


def test_assign_reads_and_writes_json_lines(env, capsys, monkeypatch):
    lines = [
        {
            "id": "x1",
            "text": "Gemeenten en politie mogen gegevens niet met elkaar delen.",
            "chapter": "2",
        },
        {
            "id": "x2",
            "text": "Organizacje nie mogą wymieniać się danymi o ofiarach.",
            "chapter": "2",
        },
    ]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\n"
    code, out, err = cli(capsys, monkeypatch, "assign", stdin=stdin)
    assert code == 0, err
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in results] == ["x1", "x2"]
    assert all(len(r["clusters"]) == 3 and len(r["scores"]) == 3 for r in results)
    assert results[0]["clusters"][0] == results[1]["clusters"][0]  # same theme, any language


def test_scrub_removes_identifiers_and_reports_spans(env, capsys, monkeypatch):
    stdin = json.dumps({"id": 7, "text": "Mijn collega Jan belt met 06-12345678."}) + "\n"
    code, out, err = cli(capsys, monkeypatch, "scrub", "--lang", "nl", stdin=stdin)
    assert code == 0, err
    result = json.loads(out)
    assert result["id"] == 7 and "06-12345678" not in result["text"] and "Jan" not in result["text"]
    assert {s["label"] for s in result["spans"]} == {"name", "phone"}


def test_purge_reports_what_it_removed(env, capsys, monkeypatch):
    code, out, _ = cli(capsys, monkeypatch, "purge", "--days", "30")
    assert code == 0 and out.startswith("purged 0 unsubmitted participants")


def test_a_codebook_that_would_drop_answers_is_refused(env, capsys, monkeypatch):
    _, cid, _ = cli(capsys, monkeypatch, "consultation", "create", "--title", "R")
    empty = env / "empty.yaml"
    empty.write_text("name: x\nparts: []\n", encoding="utf-8")
    code, _, err = cli(
        capsys, monkeypatch, "codebook", "import", str(empty), "--consultation", cid.strip()
    )
    assert code == 2 and "part(s) 1, 2, 3, 4" in err and err.count("\n") == 1


def test_statements_of_a_removed_cluster_find_another(env, capsys, monkeypatch):
    from storage.records import SubmittedAnswer
    from storage.store import Store
    from tests.consultation.test_anthology import build

    _, cid, _ = cli(capsys, monkeypatch, "consultation", "create", "--title", "R")
    store = Store.open(env / "r.db")
    consultation = store.consultations.get(cid.strip())
    p = store.participants.create(consultation.id, "stakeholder", "k", "nl")
    text = "Gegevens delen tussen gemeenten en politie is lastig door de AVG."
    store.answers.submit(p, [SubmittedAnswer(3, text, [], "nl")], withdraw_hash="w", mark="m")
    (cluster,) = [c for c in build(store, consultation).parts[1].clusters]
    store.close()
    yaml_file = env / "cb.yaml"
    code, _, err = cli(
        capsys, monkeypatch, "codebook", "export", "--out", str(yaml_file), "--consultation", cid
    )
    assert code == 0, err
    marker = yaml_file.read_text().splitlines()[0]
    write_codebook(read_codebook(yaml_file).removed(cluster.source_number), yaml_file)
    yaml_file.write_text(marker + "\n" + yaml_file.read_text())
    code, out, err = cli(
        capsys, monkeypatch, "codebook", "import", str(yaml_file), "--consultation", consultation.id
    )
    assert code == 0, err
    assert f"removed {cluster.source_number} {cluster.title}" in out
    assert f"1 quotes of removed cluster {cluster.source_number}" in out
    store = Store.open(env / "r.db")
    (moved,) = build(store, consultation).parts[1].clusters
    assert moved.title != cluster.title
    assert [q.text for q in moved.quotes] == [text]
