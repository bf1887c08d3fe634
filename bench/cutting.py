"""Benchmark of cutting answers into statements: the work group's quote boundaries, reproduced?

    .venv/bin/python bench/cutting.py [--no-frozen]

- development: answers made by joining consecutive 2022 quotes (``data/quotes-2022.jsonl``
  minus the frozen assignment split), one to four at a time, in order; the work group's quotes
  are the boundaries to find. The same from the translated development samples
  (``data/assign-{en,pl,ro,uk}.jsonl``), in a column of their own. ``--no-frozen`` leaves the
  frozen set out while tuning.
- development, round 3: ``data/cutting-round3.jsonl`` (85 answers written for the third
  cutting round, before it was tuned, in styles the joined quotes lack: messages typed on a
  phone joined by line breaks, run-on paragraphs, lists, greetings with content, one-liners,
  points of several sentences, every sentence a point; mostly Dutch and English), in the same
  format as the frozen set, in a column of its own. ``--misses`` prints its answers cut
  differently from the gold (development data only).
- frozen: ``data/frozen/cutting.jsonl``, answers in six languages with the quotes an editor
  would cut and the parts that are no quote (greetings, thanks, one-word replies). Only
  aggregate figures are printed, never a case.

Reported, side by side: exact-boundary precision and recall of the quotes (a statement counts
when its span is exactly a gold quote's span), the share of answers cut exactly right (every
quote and every not-a-quote as the gold has them), and for "not a quote" its precision and
recall; then the time to cut 10,000 answers.
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.statements import split_statements  # noqa: E402

DATA = ROOT / "bench" / "data"
GROUPS = (2, 1, 3, 2, 4, 1, 2, 3)  # how many consecutive quotes make one answer, in turn
TRANSLATED = ("en", "pl", "ro", "uk")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def development(langs: tuple[str, ...] = ("nl",)) -> list[dict]:
    """Answers joined from consecutive quotes of one part: text, quotes, no not-quotes. Dutch:
    the 2022 quotes; other languages: their translated samples (``data/assign-*.jsonl``)."""
    frozen = {q["id"] for q in read_jsonl(DATA / "frozen" / "assign-nl.jsonl")}
    answers, turn = [], 0
    for lang in langs:
        path = DATA / ("quotes-2022.jsonl" if lang == "nl" else f"assign-{lang}.jsonl")
        quotes = [q for q in read_jsonl(path) if q["id"] not in frozen]
        by_part: dict[str, list[str]] = defaultdict(list)
        for q in sorted(quotes, key=lambda q: q["id"]):
            by_part[q["chapter"]].append(q["text"].strip())
        for part in sorted(by_part):
            texts = by_part[part]
            index = 0
            while index < len(texts):
                size = GROUPS[turn % len(GROUPS)]
                turn += 1
                chosen = texts[index : index + size]
                index += size
                answers.append(
                    {"lang": lang, "text": " ".join(chosen), "quotes": chosen, "not_quotes": []}
                )
    return answers


def spans(text: str, pieces: list[str]) -> set[tuple[int, int]]:
    """Where each piece stands in the text, in order (the first place after the previous)."""
    found, cursor = set(), 0
    for piece in pieces:
        piece = piece.strip()
        at = text.find(piece, cursor)
        if at < 0:
            at = text.find(piece)
        if at >= 0:
            found.add((at, at + len(piece)))
            cursor = at + len(piece)
    return found


def score(answers: list[dict]) -> dict[str, float]:
    counts = defaultdict(int)
    for answer in answers:
        statements = split_statements(answer["text"])
        quotes = {(s.start, s.end) for s in statements if s.quotable}
        others = {(s.start, s.end) for s in statements if not s.quotable}
        gold = spans(answer["text"], answer["quotes"])
        gold_not = spans(answer["text"], answer.get("not_quotes") or [])
        counts["answers"] += 1
        counts["predicted"] += len(quotes)
        counts["gold"] += len(gold)
        counts["hits"] += len(quotes & gold)
        counts["exact"] += quotes == gold and others == gold_not
        counts["not_predicted"] += len(others)
        counts["not_gold"] += len(gold_not)
        counts["not_hits"] += len(others & gold_not)
        counts["short"] += sum(
            1
            for s in statements
            if s.quotable and len(s.text.split()) < 4 and s.text.strip() != answer["text"].strip()
        )
    return {
        "answers": counts["answers"],
        "quote precision": counts["hits"] / max(1, counts["predicted"]),
        "quote recall": counts["hits"] / max(1, counts["gold"]),
        "answers exactly right": counts["exact"] / max(1, counts["answers"]),
        "not-a-quote precision": counts["not_hits"] / max(1, counts["not_predicted"]),
        "not-a-quote recall": counts["not_hits"] / max(1, counts["not_gold"]),
        "quotes < 4 words (not the whole answer)": counts["short"],
    }


def misses(answers: list[dict]) -> None:
    """Development answers cut differently from the gold: the gold, then the cut."""
    for answer in answers:
        statements = split_statements(answer["text"])
        cut = [("" if s.quotable else "not: ") + s.text for s in statements]
        gold_spans = spans(answer["text"], answer["quotes"])
        not_spans = spans(answer["text"], answer.get("not_quotes") or [])
        gold = [
            ("" if (a, b) in gold_spans else "not: ") + answer["text"][a:b]
            for a, b in sorted(gold_spans | not_spans)
        ]
        if cut != gold:
            print(f"--- {answer['lang']}\n  gold: {gold!r}\n  cut:  {cut!r}")


def timing(answers: list[dict], count: int = 10_000) -> float:
    texts = [answers[i % len(answers)]["text"] for i in range(count)]
    started = time.perf_counter()
    for text in texts:
        split_statements(text)
    return time.perf_counter() - started


def main() -> int:
    dev = development()
    frozen_path = DATA / "frozen" / "cutting.jsonl"
    round3 = read_jsonl(DATA / "cutting-round3.jsonl")
    columns = {
        "development": score(dev),
        "dev. en/pl/ro/uk": score(development(TRANSLATED)),
        "dev. round 3": score(round3),
    }
    if "--misses" in sys.argv:
        misses(round3)
    if frozen_path.exists() and "--no-frozen" not in sys.argv:
        columns["frozen"] = score(read_jsonl(frozen_path))
    names = list(columns)
    print(f"{'':<42}" + "".join(f"{n:>18}" for n in names))
    for key in columns["development"]:
        cells = []
        for name in names:
            value = columns[name][key]
            cells.append(f"{value:>18.3f}" if isinstance(value, float) else f"{value:>18}")
        print(f"{key:<42}" + "".join(cells))
    print(f"10000 answers cut in {timing(dev):.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
