"""Codebook files: YAML (the whole codebook) and CSV (one row per part and per cluster).

Errors name the line and column (YAML) or the line and column name (CSV) of what is wrong.

CSV layout (``;``-separated, UTF-8 with BOM so Dutch Excel opens it as columns; ``,`` and tab
are read too): one row per part with an empty ``number`` (its title and question), then one row
per cluster, in order. Keywords are separated by ``,``; examples by line breaks in the cell.
"""

from __future__ import annotations

import csv
import io
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


def read_codebook(path: Path) -> Codebook:
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


def write_codebook(codebook: Codebook, path: Path) -> None:
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
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise CodebookError(f"{name}: {where}not valid YAML ({exc.problem})") from None
    if root is None:
        raise CodebookError(f"{name}: the file is empty")
    top = _mapping(root, name, {"name", "parts"}, required={"parts"})
    parts = []
    seen: set[str] = set()
    for part_node in _sequence(top["parts"], name):
        fields = _mapping(
            part_node,
            name,
            {"chapter", "question", "title", "clusters"},
            required={"chapter", "question", "title"},
        )
        chapter = _scalar(fields["chapter"], name)
        clusters = []
        for cluster_node in _sequence(fields["clusters"], name) if "clusters" in fields else []:
            cluster = _cluster(cluster_node, name)
            number_node = _mapping(cluster_node, name, set(), set(), check=False)["number"]
            head, _, tail = cluster.number.partition(".")
            if head != chapter or not tail.isdigit():
                raise _error(
                    number_node,
                    name,
                    f"a cluster of part {chapter} is numbered "
                    f"{chapter}.<number>, not {cluster.number!r}",
                )
            if cluster.number in seen:
                raise _error(number_node, name, f"cluster {cluster.number} appears twice")
            seen.add(cluster.number)
            clusters.append(cluster)
        part = CodebookPart(
            chapter=chapter,
            question=_integer(fields["question"], name),
            titles=_titles(fields["title"], name),
            clusters=tuple(clusters),
        )
        _check(lambda part=part: Codebook((part,)), part_node, name)
        parts.append(part)
    codebook_name = _scalar(top["name"], name) if "name" in top else ""
    return _check(lambda: Codebook(tuple(parts), codebook_name), root, name)


def _cluster(node: yaml.Node, name: str) -> CodebookCluster:
    allowed = {"number", "title", "ours", "description", "keywords", "examples"}
    fields = _mapping(node, name, allowed, required={"number", "title"})
    ours = False
    if "ours" in fields:
        value = _scalar(fields["ours"], name).lower()
        if value not in _TRUE | _FALSE:
            raise _error(fields["ours"], name, "'ours' must be true or false")
        ours = value in _TRUE
    return CodebookCluster(
        number=_scalar(fields["number"], name),
        titles=_titles(fields["title"], name),
        ours=ours,
        description=_scalar(fields["description"], name) if "description" in fields else "",
        keywords=_strings(fields.get("keywords"), name),
        examples=_strings(fields.get("examples"), name),
    )


def _titles(node: yaml.Node, name: str) -> dict[str, str]:
    if isinstance(node, yaml.ScalarNode):
        return {"nl": _scalar(node, name)}
    if not isinstance(node, yaml.MappingNode):
        raise _error(node, name, "a title is text, or a mapping of locale to title")
    fields = _mapping(node, name, set(LOCALES), required={"nl"})
    return {locale: _scalar(value, name) for locale, value in fields.items()}


def _mapping(
    node: yaml.Node, name: str, allowed: set[str], required: set[str], check: bool = True
) -> dict:
    if not isinstance(node, yaml.MappingNode):
        raise _error(node, name, f"expected a mapping with {', '.join(sorted(required))}")
    fields: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if not check:
            fields[key] = value_node
            continue
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            raise _error(key_node, name, f"unknown field {key!r} (known: {known})")
        if key in fields:
            raise _error(key_node, name, f"field {key!r} appears twice")
        fields[key] = value_node
    missing = sorted(required - set(fields))
    if missing:
        raise _error(node, name, f"missing field {missing[0]!r}")
    return fields


def _sequence(node: yaml.Node, name: str) -> list[yaml.Node]:
    if not isinstance(node, yaml.SequenceNode):
        raise _error(node, name, "expected a list")
    return list(node.value)


def _scalar(node: yaml.Node, name: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise _error(node, name, "expected a single value")
    return str(node.value).strip()


def _integer(node: yaml.Node, name: str) -> int:
    value = _scalar(node, name)
    if not value.isdigit():
        raise _error(node, name, f"expected a question number, not {value!r}")
    return int(value)


def _strings(node: yaml.Node | None, name: str) -> tuple[str, ...]:
    if node is None:
        return ()
    return tuple(s for s in (_scalar(item, name) for item in _sequence(node, name)) if s)


def _check(build, node: yaml.Node, name: str):
    try:
        return build()
    except CodebookError as exc:
        raise _error(node, name, str(exc)) from None


def _error(node: yaml.Node, name: str, message: str) -> CodebookError:
    mark = node.start_mark
    return CodebookError(f"{name}: line {mark.line + 1}, column {mark.column + 1}: {message}")


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
