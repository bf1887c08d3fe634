"""Benchmark: the whole export path, as `rondetafel export` runs it, for many statements.

Answers built from the 2022 quotes (two or three statements each) are stored as submitted;
then, timed: the sentence vectors of the new statements (the one slow step, which the
running bot does ahead in the background), the first export to DOCX (cut, assign, store,
number, build, render), the next export (the goal: 50,000 statements in <= 15 s), and the
parts of it. Prints the figures, the goal and peak memory.

    .venv/bin/python bench/export.py [--statements 50000] [--no-vectors]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import docx
from docx.oxml import OxmlElement

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import sentence_vectors  # noqa: E402
from analysis.statements import split_statements  # noqa: E402
from consultation import review  # noqa: E402
from consultation.anthology import build_anthology  # noqa: E402
from consultation.core import Core  # noqa: E402
from consultation.export import export  # noqa: E402
from consultation.questions import default_set, to_record  # noqa: E402
from consultation.review import encode  # noqa: E402
from privacy.keys import Keyring  # noqa: E402
from renderers.render_docx import render_docx  # noqa: E402
from storage.records import SubmittedAnswer  # noqa: E402
from storage.store import Store  # noqa: E402

QUOTES = Path(__file__).resolve().parent / "data" / "quotes-2022.jsonl"
QUESTION_OF_PART = {"1": 1, "2": 3, "3": 2, "4": 4}


def _answers(count: int) -> list[tuple[int, str]]:
    quotes = [json.loads(line) for line in QUOTES.read_text(encoding="utf-8").splitlines() if line]
    rng, answers, statements = random.Random(7), [], 0
    while statements < count:
        question = rng.choice([1, 2, 3, 4])
        pool = [q["text"] for q in quotes if QUESTION_OF_PART[q["chapter"]] == question]
        picked = rng.sample(pool, rng.choice([2, 3]))
        answers.append((question, "\n\n".join(picked)))
        statements += len(picked)
    return answers


def _seconds(step) -> tuple[float, object]:
    start = time.perf_counter()
    result = step()
    return time.perf_counter() - start, result


def _plain_docx(anthology, path: Path) -> None:
    """The ceiling measured in the same run: every quote of the anthology as a plain
    paragraph, appended straight to the document's XML and saved by python-docx (no layout,
    styles, contents or pagination): what writing this much text costs at the least."""
    document = docx.Document()
    end = document.element.body.sectPr
    for part in anthology.parts:
        for cluster in part.clusters:
            for quote in cluster.quotes:
                paragraph, run, text = OxmlElement("w:p"), OxmlElement("w:r"), OxmlElement("w:t")
                text.text = quote.text
                run.append(text)
                paragraph.append(run)
                end.addprevious(paragraph)
    document.save(str(path))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=10_000)
    parser.add_argument(
        "--no-vectors", action="store_true", help="as without the optional sentence vectors"
    )
    args = parser.parse_args()
    if args.no_vectors:
        for module in (sentence_vectors, review):
            module.encoder = lambda: None  # type: ignore[assignment]
    answers = _answers(args.statements)
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "bench.db")
        consultation = store.consultations.create(
            "Bench", "Samen tegen mensenhandel", "2026-12-01", to_record(default_set())
        )
        with store.transaction():
            for number in range(0, len(answers), 3):
                p = store.participants.create(consultation.id, "stakeholder", f"k{number}", "nl")
                store.answers.submit(
                    p,
                    [SubmittedAnswer(q, t, [], "nl") for q, t in answers[number : number + 3]],
                    withdraw_hash=f"w{number}",
                    mark=f"m{number}",
                )
        texts = [a.text for a in store.answers.for_consultation(consultation.id)]
        split_s, pieces = _seconds(lambda: [s for t in texts for s in split_statements(t)])
        core = Core(store, Keyring(b"bench" * 8), None)
        out = Path(folder) / "b.docx"
        vectors_s, _ = _seconds(lambda: encode(store, consultation))
        first_s, _ = _seconds(lambda: export(core, consultation.id, "docx", out))
        again_s, _ = _seconds(lambda: export(core, consultation.id, "docx", out))
        build_s, anthology = _seconds(lambda: build_anthology(core, consultation))
        docx_s, _ = _seconds(lambda: render_docx(anthology, Path(folder) / "c.docx"))
        quotes = sum(len(c.quotes) for p in anthology.parts for c in p.clusters)
        ceiling_s, _ = _seconds(lambda: _plain_docx(anthology, Path(folder) / "plain.docx"))
        store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"answers: {len(answers)}, statements: {len(pieces)}, quoted: {quotes}")
    print(f"vectors: {'off' if args.no_vectors else sentence_vectors.status()}")
    print(f"split into statements                    {split_s:7.2f} s")
    print(f"sentence vectors, once (ahead, no lock)  {vectors_s:7.2f} s")
    print(f"first export to DOCX (cut, assign, ...)  {first_s:7.2f} s")
    print(
        f"next export to DOCX                      {again_s:7.2f} s   goal <= 15 s"
        f"   ratio {again_s / 15:.2f}"
    )
    print(
        f"ceiling: the quotes as plain paragraphs   {ceiling_s:7.2f} s"
        f"   next export / ceiling {again_s / ceiling_s:.1f}"
    )
    print(f"  of which building the anthology        {build_s:7.2f} s")
    print(f"  of which rendering the DOCX            {docx_s:7.2f} s")
    print(f"peak resident memory                     {peak:7.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
