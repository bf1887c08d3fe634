"""`rondetafel scrub` / `python -m privacy.scrub`: JSON lines in, anonymised JSON lines out."""

import io
import json
import subprocess
import sys
from pathlib import Path

from privacy.scrub import main

ROOT = Path(__file__).resolve().parents[2]


def run(argv, text):
    out = io.StringIO()
    code = main(argv, io.StringIO(text), out)
    return code, out.getvalue()


def test_each_line_is_anonymised_with_spans():
    lines = [
        {"id": 1, "text": "Bel Jan de Vries op 06-41234567."},
        {"id": "b", "text": "Niets te verwijderen hier."},
    ]
    code, out = run(["--lang", "nl"], "".join(json.dumps(r) + "\n" for r in lines))
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert first == {
        "id": 1,
        "text": "Bel [naam] op [telefoonnummer].",
        "spans": [
            {"start": 4, "end": 10, "label": "name", "original_start": 4, "original_end": 16},
            {
                "start": 14,
                "end": 30,
                "label": "phone",
                "original_start": 20,
                "original_end": 31,
            },
        ],
    }
    assert second == {"id": "b", "text": "Niets te verwijderen hier.", "spans": []}


def test_expert_profile_is_applied():
    code, out = run(
        ["--profile", "expert", "--lang", "nl"],
        '{"id": 7, "text": "Ik was 16 en woonde in Hoogezand."}\n',
    )
    assert code == 0
    assert json.loads(out)["text"] == "Ik was [leeftijd] en woonde in [plaats]."


def test_original_offsets_point_into_the_input_also_past_invisible_characters():
    text = "Bel Pie\u200bter Jansen op 06-41234567."
    code, out = run(["--lang", "nl"], json.dumps({"id": 1, "text": text}) + "\n")
    spans = json.loads(out)["spans"]
    assert [text[s["original_start"] : s["original_end"]] for s in spans] == [
        "Pie\u200bter Jansen",
        "06-41234567",
    ]


def test_a_bad_line_is_named_and_the_rest_of_the_batch_is_kept(capsys):
    text = (
        '{"id": 1, "text": "Jan de Vries"}\n{"id": 2, "tekst": "geheim 0612345678"}\n'
        '{"id": 3, "text": "Bel 06-41234567."}\n'
    )
    code, out = run(["--lang", "nl"], text)
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == [1, 3]
    err = capsys.readouterr().err
    assert err.strip() == 'rondetafel scrub: error: line 2: expected an object with "id" and "text"'
    assert "geheim" not in err and "0612345678" not in err


def test_a_lone_surrogate_is_one_line_of_error_not_a_traceback(capsys):
    text = '{"id": 1, "text": "Jan\\ud800 de Vries"}\n{"id": 2, "text": "Bel Jan de Vries."}\n'
    code, out = run(["--lang", "nl"], text)
    assert code == 1
    assert [json.loads(line) for line in out.splitlines()][0]["text"] == "Bel [naam]."
    err = capsys.readouterr().err.strip()
    assert err.splitlines() == [
        'rondetafel scrub: error: line 1: "text" holds a lone surrogate (U+D800), '
        "which is not valid Unicode"
    ]


def test_undecodable_bytes_spoil_only_their_line():
    raw = b'{"id": 1, "text": "caf\xe9 Jan"}\n{"id": 2, "text": "Bel 06-41234567."}\n'
    done = subprocess.run(
        [sys.executable, "-m", "privacy.scrub", "--lang", "nl"],
        input=raw,
        capture_output=True,
        cwd=ROOT,
    )
    assert done.returncode == 1
    assert json.loads(done.stdout)["text"] == "Bel [telefoonnummer]."
    assert done.stderr.decode().strip() == (
        "rondetafel scrub: error: line 1: not valid UTF-8 (byte 23)"
    )
    assert b"Traceback" not in done.stderr


def test_invalid_json_and_wrong_types_are_reported_by_line(capsys):
    assert run([], '\n{"id": 1, "text": 3}\n')[0] == 1
    assert "line 2" in capsys.readouterr().err
    assert run([], "not json\n")[0] == 1
    assert "line 1: not valid JSON" in capsys.readouterr().err


def test_bad_option_is_one_line_and_non_zero(capsys):
    code, out = run(["--profile", "journalist"], "")
    assert code != 0 and out == ""
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_help_exits_zero(capsys):
    assert run(["--help"], "")[0] == 0
    assert "--profile" in capsys.readouterr().out


def test_runs_as_a_module():
    done = subprocess.run(
        [sys.executable, "-m", "privacy.scrub", "--lang", "en"],
        input='{"id": 1, "text": "Email me at a.b@example.org"}\n',
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert json.loads(done.stdout)["text"] == "Email me at [email address]"
