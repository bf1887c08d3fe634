"""Codebook files: YAML (the whole codebook) and CSV (one row per part and per cluster).

Errors name the line and column (YAML) or the line and column name (CSV) of what is wrong.

CSV layout (``;``-separated, UTF-8 with BOM so Dutch Excel opens it as columns; ``,`` and tab
are read too): one row per part with an empty ``number`` (its title and question), then one row
per cluster, in order. Keywords are separated by ``,``; examples by line breaks in the cell.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import yaml

from analysis.codebook import (
    LOCALES,
    Codebook,
    CodebookCluster,
    CodebookError,
    CodebookPart,
)
from analysis.marked_yaml import MarkedYaml
from storage.atomic_file import atomic_path

TITLE_COLUMNS = tuple(f"title_{locale}" for locale in LOCALES)
CSV_COLUMNS = (
    "part",
    "number",
    "question",
    *TITLE_COLUMNS,
    "ours",
    "description",
    "keywords",
    "examples",
)
_REQUIRED_COLUMNS = ("part", "number", "title_nl")
_TRUE = {"1", "true", "yes", "ja", "x", "waar", "y", "j"}
_FALSE = {"", "0", "false", "no", "nee", "onwaar", "n"}


CODEBOOKS_DIR = Path(__file__).resolve().parent / "codebooks"


def load_default_codebook() -> Codebook:
    """The 2022 anthology's codebook with its quotes as assignment examples."""
    codebook = read_codebook(CODEBOOKS_DIR / "default.yaml")
    examples = json.loads((CODEBOOKS_DIR / "default-examples.json").read_text(encoding="utf-8"))
    return codebook.with_examples(examples)


def read_codebook(path: str | Path) -> Codebook:
    """A codebook from a ``.yaml``/``.yml`` or ``.csv`` file; ``CodebookError`` says where."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".yaml", ".yml", ".csv"):
        raise CodebookError(f"{path.name}: a codebook is a .yaml, .yml or .csv file")
    try:
        data = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise CodebookError(f"{path}: cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise CodebookError(f"{path.name}: not UTF-8 text (byte {exc.start})") from None
    if suffix == ".csv":
        return parse_csv(data, path.name)
    return parse_yaml(data, path.name)


def write_codebook(codebook: Codebook, path: str | Path) -> None:
    """Write as YAML or CSV by extension (atomically: never a half-written file)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        text, encoding = format_csv(codebook), "utf-8-sig"
    elif suffix in (".yaml", ".yml"):
        text, encoding = format_yaml(codebook), "utf-8"
    else:
        raise CodebookError(f"{path.name}: a codebook is written as .yaml, .yml or .csv")
    with atomic_path(path) as temporary:
        temporary.write_text(text, encoding=encoding, newline="")


# YAML ----------------------------------------------------------------------------------------


def format_yaml(codebook: Codebook) -> str:
    parts = []
    for part in codebook.parts:
        clusters = []
        for c in part.clusters:
            entry: dict[str, Any] = {"number": c.number, "title": _ordered_titles(c.titles)}
            if c.ours:
                entry["ours"] = True
            if c.description:
                entry["description"] = c.description
            if c.keywords:
                entry["keywords"] = list(c.keywords)
            if c.examples:
                entry["examples"] = list(c.examples)
            clusters.append(entry)
        parts.append(
            {
                "chapter": part.chapter,
                "question": part.question,
                "title": _ordered_titles(part.titles),
                "clusters": clusters,
            }
        )
    document = {"name": codebook.name, "parts": parts} if codebook.name else {"parts": parts}
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)


def parse_yaml(text: str, name: str = "codebook") -> Codebook:
    doc = MarkedYaml(name, CodebookError)
    root = doc.root(text)
    top = doc.mapping(root, {"name", "parts"}, required={"parts"})
    parts = []
    seen: set[str] = set()
    for part_node in doc.sequence(top["parts"]):
        fields = doc.mapping(
            part_node,
            {"chapter", "question", "title", "clusters"},
            required={"chapter", "question", "title"},
        )
        chapter = doc.scalar(fields["chapter"])
        clusters = []
        for cluster_node in doc.sequence(fields["clusters"]) if "clusters" in fields else []:
            cluster = _cluster(doc, cluster_node)
            number_node = doc.mapping(cluster_node, set(), set(), check=False)["number"]
            head, _, tail = cluster.number.partition(".")
            if head != chapter or not tail.isdigit():
                raise doc.error(
                    number_node,
                    f"a cluster of part {chapter} is numbered "
                    f"{chapter}.<number>, not {cluster.number!r}",
                )
            if cluster.number in seen:
                raise doc.error(number_node, f"cluster {cluster.number} appears twice")
            seen.add(cluster.number)
            clusters.append(cluster)
        part = CodebookPart(
            chapter=chapter,
            question=doc.integer(fields["question"], "a question number"),
            titles=_titles(doc, fields["title"]),
            clusters=tuple(clusters),
        )
        doc.checked(lambda part=part: Codebook((part,)), part_node)
        parts.append(part)
    codebook_name = doc.scalar(top["name"]) if "name" in top else ""
    return doc.checked(lambda: Codebook(tuple(parts), codebook_name), root)


def _cluster(doc: MarkedYaml, node: yaml.Node) -> CodebookCluster:
    allowed = {"number", "title", "ours", "description", "keywords", "examples"}
    fields = doc.mapping(node, allowed, required={"number", "title"})
    ours = False
    if "ours" in fields:
        value = doc.scalar(fields["ours"]).lower()
        if value not in _TRUE | _FALSE:
            raise doc.error(fields["ours"], "'ours' must be true or false")
        ours = value in _TRUE
    return CodebookCluster(
        number=doc.scalar(fields["number"]),
        titles=_titles(doc, fields["title"]),
        ours=ours,
        description=doc.scalar(fields["description"]) if "description" in fields else "",
        keywords=doc.strings(fields.get("keywords")),
        examples=doc.strings(fields.get("examples")),
    )


def _titles(doc: MarkedYaml, node: yaml.Node) -> dict[str, str]:
    if isinstance(node, yaml.ScalarNode):
        return {"nl": doc.scalar(node)}
    if not isinstance(node, yaml.MappingNode):
        raise doc.error(node, "a title is text, or a mapping of locale to title")
    fields = doc.mapping(node, set(LOCALES), required={"nl"})
    return {locale: doc.scalar(value) for locale, value in fields.items()}


# CSV -----------------------------------------------------------------------------------------


def format_csv(codebook: Codebook) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for part in codebook.parts:
        titles = [part.titles.get(locale, "") for locale in LOCALES]
        writer.writerow([part.chapter, "", part.question, *titles, "", "", "", ""])
        for c in part.clusters:
            titles = [c.titles.get(locale, "") for locale in LOCALES]
            writer.writerow(
                [
                    part.chapter,
                    c.number,
                    "",
                    *titles,
                    "ja" if c.ours else "",
                    c.description,
                    ", ".join(c.keywords),
                    "\n".join(c.examples),
                ]
            )
    return out.getvalue()


def parse_csv(text: str, name: str = "codebook.csv") -> Codebook:
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise CodebookError(f"{name}: the file is empty") from None
    for position, column in enumerate(header, start=1):
        if column not in CSV_COLUMNS:
            raise CodebookError(f"{name}: line 1, column {position}: unknown column {column!r}")
    for column in _REQUIRED_COLUMNS:
        if column not in header:
            raise CodebookError(f"{name}: line 1: missing column {column!r}")
    parts: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                raise CodebookError(
                    f"{name}: line {line}: {len(row)} cells, the header has {len(header)}"
                )
            cells = dict(zip(header, [c.strip() for c in row], strict=False))
            _csv_row(cells, header, parts, order, line, name)
    except csv.Error as exc:
        raise CodebookError(f"{name}: line {reader.line_num}: {exc}") from None
    built = []
    for chapter in order:
        entry = parts[chapter]
        if entry["titles"] is None:
            raise CodebookError(
                f"{name}: part {chapter} has no row of its own (empty 'number') with its title"
            )
        built.append(
            CodebookPart(chapter, entry["question"], entry["titles"], tuple(entry["clusters"]))
        )
    try:
        return Codebook(tuple(built))
    except CodebookError as exc:
        raise CodebookError(f"{name}: {exc}") from None


def _csv_row(cells, header, parts, order, line, name) -> None:
    def fail(column: str, message: str) -> CodebookError:
        where = f"column {header.index(column) + 1} ({column})" if column in header else column
        return CodebookError(f"{name}: line {line}, {where}: {message}")

    chapter = cells.get("part", "")
    if not chapter.isdigit():
        raise fail("part", f"expected a part number, not {chapter!r}")
    if chapter not in parts:
        parts[chapter] = {"titles": None, "question": 0, "clusters": []}
        order.append(chapter)
    titles = {loc: cells[f"title_{loc}"] for loc in LOCALES if cells.get(f"title_{loc}")}
    if not titles.get("nl"):
        raise fail("title_nl", "a Dutch title is required")
    number = cells.get("number", "")
    if not number:
        question = cells.get("question", "")
        if not question.isdigit():
            raise fail("question", f"a part row needs the question number, not {question!r}")
        if parts[chapter]["titles"] is not None:
            raise fail("number", f"part {chapter} has two rows of its own")
        parts[chapter].update(titles=titles, question=int(question))
        return
    head, _, tail = number.partition(".")
    if head != chapter or not tail.isdigit():
        raise fail("number", f"expected {chapter}.<number>, not {number!r}")
    ours = cells.get("ours", "").lower()
    if ours not in _TRUE | _FALSE:
        raise fail("ours", f"expected ja or empty, not {ours!r}")
    keywords = tuple(k.strip() for k in cells.get("keywords", "").split(",") if k.strip())
    examples = tuple(e.strip() for e in cells.get("examples", "").splitlines() if e.strip())
    if any(c.number == number for p in parts.values() for c in p["clusters"]):
        raise fail("number", f"cluster {number} appears twice")
    parts[chapter]["clusters"].append(
        CodebookCluster(
            number,
            titles,
            ours=ours in _TRUE,
            description=cells.get("description", ""),
            keywords=keywords,
            examples=examples,
        )
    )


def _ordered_titles(titles) -> dict[str, str]:
    return {locale: titles[locale] for locale in LOCALES if titles.get(locale)}
