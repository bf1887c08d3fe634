"""The development set in bench/data stays caught: a guard against regressions.

bench/privacy.py prints the full figures (per language, per label, plain deduce); this
only checks the goals of the issue on the development set.
"""

import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "bench" / "data"


def records():
    for path in sorted(DATA.glob("privacy-??.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            yield json.loads(line)


def spans_caught(record: dict, removed: list[tuple[int, int]]) -> int:
    """How many of the record's labelled spans are removed whole (spaces inside may stay)."""
    return sum(
        all(
            any(s <= i < e for s, e in removed) or record["text"][i].isspace()
            for i in range(gold["start"], gold["end"])
        )
        for gold in record["spans"]
    )


def test_development_set_reaches_the_goals(deidentifier):
    caught = total = wrongly_altered = texts = 0
    for record in records():
        findings, lang = deidentifier.find(record["text"], None, record["profile"])
        assert lang == record["lang"], record["id"]
        removed = [(f.start, f.end) for f in findings]
        total += len(record["spans"])
        caught += spans_caught(record, removed)
        golds = [(g["start"], g["end"]) for g in record["spans"]]
        texts += 1
        wrongly_altered += any(not any(s < ge and gs < e for gs, ge in golds) for s, e in removed)
    assert texts > 250 and total > 200
    assert caught / total >= 0.99
    assert wrongly_altered / texts <= 0.05


def test_texts_with_nothing_to_remove_stay_as_written(deidentifier):
    """bench/data/privacy-clean-*.jsonl: policy prose, lists, capitals, countries,
    regions, public bodies and figures, words that are also names ("Victoria pírrica",
    "Kowal, murarz, spawacz"): at most 5% of them may lose anything."""
    touched = texts = 0
    for path in sorted(DATA.glob("privacy-clean-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            findings, _ = deidentifier.find(record["text"], None, record["profile"])
            texts += 1
            touched += bool(findings)
    assert texts >= 9 * 40
    assert touched / texts <= 0.05


def test_cases_per_weak_category_stay_caught(deidentifier):
    """bench/data/privacy-recall-*.jsonl: ages, employers, villages, handles, bank and
    national id numbers, names in styles the first development set did not have."""
    caught = total = 0
    for path in sorted(DATA.glob("privacy-recall-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            findings, _ = deidentifier.find(record["text"], None, record["profile"])
            total += len(record["spans"])
            caught += spans_caught(record, [(f.start, f.end) for f in findings])
    assert total >= 150
    assert caught / total >= 0.98
