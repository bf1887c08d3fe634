"""The demo check of issue 9: what a reader of the demo's bloemlezing would stumble over.

    .venv/bin/python bench/demo_quality.py [--run] [--out demo-output]

``--run`` runs the demo first (as ``scripts/demo`` does). Then, from the structured export
(``export/bloemlezing.json``, the same model the Word document is rendered from) and the
demo's database (for each quote's whole answer), it counts:

- proposed clusters with fewer than three statements;
- quotes of fewer than four words that are not the participant's whole answer;
- quotes that start with a back-reference (a word pointing at what came before, ``BACK``),
  unless the quote starts the participant's answer (then it points at the question);
- quotes that start in lower case (a sentence cut off in the middle), likewise, and unless the
  quote is an item of a list (its line starts with a bullet).

Each count should be zero; the quotes themselves are invented demo answers and are printed
with ``--show``.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storage.store import Store  # noqa: E402

# Words that, opening a quote, point back at something the quote does not contain: the
# demonstratives, personal pronouns and pronominal adverbs of each language (an independent
# list: not the cutter's own lexicon, which would measure itself).
BACK = {
    "nl": "dit dat deze die daar hier daardoor hierdoor daarom daarbij hierbij daarmee hiermee "
    "daarvoor hiervoor daarin hierin daarna zij ze hij hun hen zo'n zulke dergelijke",
    "en": "this that these those it its they them their he she his her there such",
    "pl": "to ten ta te tego tej tym tam oni one ona on jej jego ich",
    "ro": "acest această aceasta acestea asta acolo el ea ei ele lor lui",
    "uk": "це цей ця ці той та те ті там вони він вона воно її його їх",
    "bg": "това този тази тези там тя той те",
    "hu": "ez ezt ezek ezért emiatt ott ők ő",
    "ar": "هذا هذه ذلك تلك هؤلاء هناك هم هو هي",
}
_BULLET = re.compile(r"(?:^|\n)[ \t]*(?:[-*•◦▪‣●]|\d{1,2}[.)])[ \t]*$")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def counts(out: Path, show: bool = False) -> dict[str, int]:
    anthology = json.loads((out / "export" / "bloemlezing.json").read_text(encoding="utf-8"))
    store = Store.open(out / "demo.db")
    rows = store.db.execute(
        "SELECT s.id, s.start, a.text, a.lang FROM statements s"
        " JOIN answers a ON a.id = s.answer_id"
    ).fetchall()
    answers = {sid: (start, text, lang) for sid, start, text, lang in rows}
    back = {lang: set(words.split()) for lang, words in BACK.items()}
    found = {"proposals < 3": 0, "quotes < 4 words": 0, "back-reference": 0, "lower case": 0}
    for part in anthology["parts"]:
        for cluster in part["clusters"]:
            if cluster.get("proposed") and len(cluster["quotes"]) < 3:
                found["proposals < 3"] += 1
                _show(show, "proposal < 3", cluster["title"])
            for quote in cluster["quotes"]:
                start, answer, lang = answers[quote["id"]]
                text = quote["text"].strip()
                words = _WORD.findall(text)
                at_start = not answer[:start].strip()
                if len(words) < 4 and text != answer.strip():
                    found["quotes < 4 words"] += 1
                    _show(show, "< 4 words", text)
                if words and words[0].lower() in back.get(lang, ()) and not at_start:
                    found["back-reference"] += 1
                    _show(show, "back-reference", text)
                item = _BULLET.search(answer[:start]) is not None
                if text[:1].islower() and not at_start and not item:
                    found["lower case"] += 1
                    _show(show, "lower case", text)
    store.close()
    return found


def _show(show: bool, kind: str, text: str) -> None:
    if show:
        print(f"  {kind}: {text}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "demo-output")
    parser.add_argument("--run", action="store_true", help="run the demo first")
    parser.add_argument("--show", action="store_true", help="print the quotes counted")
    args = parser.parse_args()
    if args.run:
        subprocess.run(
            [str(ROOT / ".venv" / "bin" / "rondetafel"), "demo", "--out", str(args.out)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    found = counts(args.out, args.show)
    for name, count in found.items():
        print(f"{name:<22}{count:>5}")
    quotes = sum(
        len(c["quotes"])
        for p in json.loads((args.out / "export" / "bloemlezing.json").read_text(encoding="utf-8"))[
            "parts"
        ]
        for c in p["clusters"]
    )
    print(f"{'quotes in the document':<22}{quotes:>5}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
