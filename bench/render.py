"""Benchmark: rendering the bloemlezing of 10,000 invented quotes.

Prints the time to render DOCX (goal: <= 15 s for 10,000 quotes) and its peak memory, and
for comparison Markdown, HTML, JSON and the xlsx/csv coding sheet. With ``--check-toc`` it
also converts the DOCX with LibreOffice (if installed) and counts how many pre-filled table
of contents entries show the page LibreOffice actually puts the heading on.

    .venv/bin/python bench/render.py [--quotes 10000] [--check-toc] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from renderers.coding_sheet import CodingRow, write_coding_sheet  # noqa: E402
from renderers.model import (  # noqa: E402
    Anthology,
    Cluster,
    Part,
    Participation,
    Question,
    Quote,
)
from renderers.render_docx import render_docx  # noqa: E402
from renderers.render_html import render_html  # noqa: E402
from renderers.render_json import render_json  # noqa: E402
from renderers.render_markdown import render_markdown  # noqa: E402

# Invented wording with the word lengths of Dutch policy prose (no participant's words).
_WORDS = (
    "de het een en van in is op te dat voor met niet er zijn aan bij ook maar nog meer "
    "wordt worden kan moet vaak veel minder steeds goed beter slachtoffers gemeenten "
    "politie zorg opvang signalen uitbuiting samenwerking informatie kennis aanpak "
    "organisaties partners landelijk regionaal capaciteit wetgeving melden jongeren "
    "arbeidsmigranten werkgevers begeleiding vertrouwen opsporing preventie toezicht"
).split()
_PARTS = (
    ("1", "Trends en ontwikkelingen", 1),
    ("2", "Problemen en oorzaken", 3),
    ("3", "Wat gaat er goed?", 2),
    ("4", "Ambities", 4),
)


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(5, 24))]
    return " ".join(words).capitalize() + rng.choice(".....?!")


def invented_anthology(quotes: int, clusters_per_part: int = 25, seed: int = 7) -> Anthology:
    rng = random.Random(seed)
    questions = tuple(Question(n, f"Vraag {n} zoals gesteld?") for n in range(1, 6))
    per_cluster = max(1, quotes // (len(_PARTS) * clusters_per_part))
    parts, made = [], 0
    for number, title, question in _PARTS:
        clusters = []
        for c in range(1, clusters_per_part + 1):
            items = []
            for _ in range(per_cluster):
                made += 1
                language = "pl" if made % 40 == 0 else "ar" if made % 97 == 0 else "nl"
                text = " ".join(_sentence(rng) for _ in range(rng.choice((1, 1, 2, 2, 3))))
                translation = _sentence(rng) if made % 80 == 0 else ""  # typed by the work group
                items.append(
                    Quote(
                        f"a{made}-s1",
                        text,
                        language,
                        highlight=made % 900 == 0,
                        translation=translation,
                    )
                )
            clusters.append(
                Cluster(
                    f"{number}.{c}",
                    f"Thema {number}.{c} " + rng.choice(_WORDS),
                    tuple(items),
                    source_number=f"{number}.{c}",
                )
            )
        parts.append(Part(number, title, question, questions[question - 1].text, tuple(clusters)))
    return Anthology(
        programme="Samen tegen mensenhandel",
        title="Een bloemlezing (benchmark)",
        subtitle="Verzonnen citaten",
        date="1 januari 2025",
        locale="nl",
        questions=questions,
        participation=Participation(400, 300, 40),
        parts=tuple(parts),
        organisations=tuple(f"Organisatie {i}" for i in range(80)),
        language_names={"pl": "Pools"},
    )


def coding_rows(anthology: Anthology) -> list[CodingRow]:
    return [
        CodingRow(
            q.id, part.number, c.number, c.title, (c.number,), 0.5, q.text, q.lang, q.highlight
        )
        for part in anthology.parts
        for c in part.clusters
        for q in c.quotes
    ]


def _peak_rss_mb() -> float:
    """Peak resident memory of this process (includes lxml's C memory, unlike tracemalloc)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def seconds(action: Callable[[], None]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def traced_peak(action: Callable[[], None]) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def check_toc(docx_path: Path) -> None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        print("check-toc: LibreOffice not installed, skipped")
        return
    subprocess.run(
        [
            office,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(docx_path.parent),
            str(docx_path),
        ],
        capture_output=True,
        timeout=1800,
        check=True,
    )
    pdf = subprocess.run(
        ["pdftotext", "-layout", str(docx_path.with_suffix(".pdf")), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    actual: dict[str, int] = {}
    body_started = False
    for page_number, page in enumerate(pdf.split("\f"), start=1):
        body_started = body_started or "De totstandkoming van de bloemlezing" in page
        if body_started:
            # a heading starts a line, or stands in the second column of a two-column page
            for match in re.finditer(r"(?:^\s*|\s{2,})(\d\.\d+) Thema ", page, re.M):
                actual.setdefault(match.group(1), page_number)
    xml = zipfile.ZipFile(docx_path).read("word/document.xml").decode()
    estimated = {}
    for match in re.finditer(r'w:anchor="_TocCluster(\d+)_(\d+)".*?</w:hyperlink>', xml, re.S):
        pages = re.findall(r"<w:t[^>]*>(\d+)</w:t>", match.group(0))
        estimated[f"{match.group(1)}.{match.group(2)}"] = int(pages[-1])
    off = [estimated.get(k, 0) - v for k, v in actual.items()]
    exact = sum(1 for d in off if d == 0)
    print(
        f"check-toc: {exact}/{len(off)} cluster entries on LibreOffice's page; "
        f"off by at most {max(map(abs, off), default=0)} page(s)"
    )


def main(argv: list[str] | None = None) -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--quotes", type=int, default=10_000)
    options.add_argument("--check-toc", action="store_true")
    options.add_argument("--keep", type=Path, help="keep the rendered files in this folder")
    arguments = options.parse_args(argv)

    anthology = invented_anthology(arguments.quotes)
    count = sum(len(c.quotes) for p in anthology.parts for c in p.clusters)
    folder = Path(arguments.keep or tempfile.mkdtemp(prefix="rondetafel-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    docx_path = folder / "bloemlezing.docx"
    rows = coding_rows(anthology)

    before = _peak_rss_mb()
    took = seconds(lambda: render_docx(anthology, docx_path))
    after = _peak_rss_mb()
    python_peak = traced_peak(lambda: render_docx(anthology, folder / "again.docx"))
    print(f"quotes: {count}")
    print(f"docx: {took:.2f} s (goal <= 15 s), file {docx_path.stat().st_size / 1e6:.1f} MB")
    print(
        f"docx peak memory: resident {after:.0f} MB (+{after - before:.0f} MB over the "
        f"{before:.0f} MB before rendering; Python objects alone {python_peak / 1e6:.0f} MB)"
    )
    for name, action in (
        ("markdown", lambda: render_markdown(anthology, folder / "bloemlezing.md")),
        ("html", lambda: render_html(anthology, folder / "bloemlezing.html")),
        ("json", lambda: render_json(anthology, folder / "bloemlezing.json")),
        ("coding sheet xlsx", lambda: write_coding_sheet(rows, folder / "codering.xlsx")),
        ("coding sheet csv", lambda: write_coding_sheet(rows, folder / "codering.csv")),
    ):
        print(f"{name}: {seconds(action):.2f} s")
    print(f"process peak resident memory: {_peak_rss_mb():.0f} MB")
    if arguments.check_toc:
        check_toc(docx_path)
    if arguments.keep is None:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
