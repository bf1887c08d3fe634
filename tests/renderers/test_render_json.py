"""The whole structured anthology as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from renderers.render_json import read_json, render_json
from tests.renderers.anthology_sample import POLISH, sample_anthology


def test_json_holds_the_whole_anthology_and_reads_back_equal(tmp_path):
    path = tmp_path / "bloemlezing.json"
    anthology = sample_anthology()
    render_json(anthology, path)
    assert read_json(path) == anthology
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "rondetafel-bloemlezing"
    assert [p["title"] for p in data["parts"]] == [
        "Trends en ontwikkelingen",
        "Problemen en oorzaken",
        "Wat gaat er goed?",
        "Ambities",
    ]
    cluster = data["parts"][1]["clusters"][0]
    assert cluster["number"] == "2.1" and cluster["quotes"][0]["highlight"] is True
    assert data["contributions"][0]["text"].startswith("Wij kunnen")


def test_json_is_readable_utf8_not_escaped(tmp_path):
    path = tmp_path / "bloemlezing.json"
    render_json(sample_anthology(), path)
    assert POLISH.text in path.read_text(encoding="utf-8")


def test_something_else_is_refused(tmp_path):
    path = tmp_path / "ander.json"
    path.write_text('{"format": "iets anders"}', encoding="utf-8")
    with pytest.raises(ValueError, match="not a rondetafel-bloemlezing"):
        read_json(path)
    path.write_text('{"format": "rondetafel-bloemlezing", "version": 1}', encoding="utf-8")
    with pytest.raises(ValueError, match="not a complete"):
        read_json(path)


def test_a_failed_write_leaves_nothing(tmp_path, monkeypatch):
    def disk_full(self, text, *args, **kwargs):
        Path(self).write_bytes(text[:10].encode())
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", disk_full)
    with pytest.raises(OSError):
        render_json(sample_anthology(), tmp_path / "bloemlezing.json")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []
