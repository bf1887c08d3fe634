"""The work group's coding sheet: one row per statement, written as .xlsx or .csv and read back.

The work group moves statements to other clusters (or new ones: a number or title not in the
codebook), marks highlights and excludes duplicates. Reading back checks every cell; a
changed or damaged sheet raises ``CodingSheetError`` naming the row and column, and nothing
else happens. Column headers and yes/no words come from ``texts/<locale>.yaml``; a sheet
written in any supported document language is read.

CSV is UTF-8 with a byte order mark and ``;`` between fields, the way Dutch Excel opens
it; scores use a decimal comma there. Cells that Excel would take for a formula (starting
with ``= + - @``) get a leading apostrophe, removed again on reading.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from renderers.coding_sheet_cells import (
    COLUMNS,
    OPTIONAL,
    CodingRow,
    CodingSheetError,
    RowReader,
    cells,
    column_name,
)
from renderers.coding_sheet_xlsx import read_xlsx_table, write_xlsx
from renderers.document_text import Wording, all_wordings
from storage.atomic_file import atomic_path

__all__ = ["CodingRow", "CodingSheetError", "read_coding_sheet", "write_coding_sheet"]

_FORMULA_START = ("=", "+", "-", "@")


Choices = Mapping[str, Sequence[tuple[str, str]]]  # part -> [(cluster number, title), ...]


def cluster_choices(rows: Iterable[CodingRow]) -> dict[str, list[tuple[str, str]]]:
    """The clusters the rows use, per part, in number order (when no codebook is given)."""
    found: dict[str, dict[str, str]] = {}
    for row in rows:
        if row.cluster_number:
            found.setdefault(row.part, {}).setdefault(row.cluster_number, row.cluster_title)
    return {
        part: sorted(clusters.items(), key=lambda item: _number_key(item[0]))
        for part, clusters in sorted(found.items(), key=lambda item: _number_key(item[0]))
    }


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in number.split("."))


# --- writing -----------------------------------------------------------------------------


def write_coding_sheet(
    rows: Sequence[CodingRow],
    path: str | os.PathLike[str],
    choices: Choices | None = None,
    locale: str = "nl",
) -> None:
    """Write ``rows`` to ``path`` (.xlsx or .csv). ``choices``: the codebook's clusters per part
    for the drop-down lists (default: the clusters the rows use)."""
    target = Path(path)
    suffix = target.suffix.lower()
    wording = Wording(locale)
    if suffix == ".xlsx":
        with atomic_path(target) as temporary:
            write_xlsx(rows, temporary, choices or cluster_choices(rows), wording)
    elif suffix == ".csv":
        with atomic_path(target) as temporary:
            temporary.write_text(_csv_text(rows, wording), encoding="utf-8-sig", newline="")
    else:
        raise ValueError(f"{target.name}: a coding sheet is .xlsx or .csv, not {suffix!r}")


def _csv_text(rows: Sequence[CodingRow], wording: Wording) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    headers = wording.table("coding_sheet.headers")
    writer.writerow([headers[key] for key in COLUMNS])
    for row in rows:
        writer.writerow([_guard(v) for v in cells(row, wording, decimal_comma=True)])
    return out.getvalue()


def _guard(value: object) -> object:
    """A leading apostrophe before what Excel would take for a formula, and before a text
    that starts with an apostrophe itself (so reading back removes exactly one)."""
    if isinstance(value, str) and value.startswith((*_FORMULA_START, "'")):
        return "'" + value
    return value


# --- reading -----------------------------------------------------------------------------


def read_coding_sheet(path: str | os.PathLike[str]) -> list[CodingRow]:
    """Read a coding sheet (.xlsx or .csv); ``CodingSheetError`` if anything is off."""
    source = Path(path)
    suffix = source.suffix.lower()
    if suffix == ".xlsx":
        table = read_xlsx_table(source)
    elif suffix == ".csv":
        table = _read_csv_table(source)
    else:
        raise CodingSheetError(f"{source.name}: a coding sheet is .xlsx or .csv, not {suffix!r}")
    return parse_table(table, source.name, letters=suffix == ".xlsx")


def _read_csv_table(source: Path) -> list[list[object]]:
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise CodingSheetError(f"{source.name}: cannot be read ({exc.strerror})") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # "CSV (puntkomma)" from older Excel
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    try:
        table: list[list[object]] = [
            [_unguard(cell) for cell in row]
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        ]
    except csv.Error as exc:
        raise CodingSheetError(f"{source.name}: not a readable CSV file ({exc})") from exc
    return table


def _unguard(cell: str) -> str:
    if len(cell) > 1 and cell[0] == "'" and cell[1] in (*_FORMULA_START, "'"):
        return cell[1:]
    return cell


def as_in_a_sheet(text: str) -> str:
    """A text as a sheet can hold it: the characters a spreadsheet cannot keep (control
    characters) left out, the way the writer leaves them out. Compare stored texts with what
    a sheet gives back in this form."""
    return ILLEGAL_CHARACTERS_RE.sub("", text).strip()


def _known_headers() -> dict[str, str]:
    """Every header text of every language (case-folded) -> column key."""
    known: dict[str, str] = {}
    for wording in all_wordings():
        for key, header in wording.table("coding_sheet.headers").items():
            known[header.strip().casefold()] = key
    return known


def _flag_words() -> dict[str, bool]:
    words = {
        "1": True,
        "0": False,
        "true": True,
        "false": False,
        "waar": True,
        "onwaar": False,
        "x": True,
        "yes": True,
        "no": False,
        "y": True,
        "n": False,
        "j": True,
    }
    for wording in all_wordings():
        words[wording.text("coding_sheet.yes").casefold()] = True
        words[wording.text("coding_sheet.no").casefold()] = False
    return words


def parse_table(table: list[list[object]], name: str, letters: bool) -> list[CodingRow]:
    """Rows of cell values (header first) -> coding rows, checking every cell."""
    if not table or not any(_filled(v) for v in table[0]):
        raise CodingSheetError(f"{name}: the sheet is empty (no header row)", row=1)
    header = [str(v).strip() if v is not None else "" for v in table[0]]
    known = _known_headers()
    positions: dict[str, int] = {}
    for index, text in enumerate(header):
        key = known.get(text.casefold())
        if key is None:
            continue
        if key in positions:
            raise CodingSheetError(
                f"{name}: row 1: column {column_name(index, letters)} repeats the header "
                f"{text!r} of column {column_name(positions[key], letters)}",
                row=1,
                column=column_name(index, letters),
            )
        positions[key] = index
    missing = [key for key in COLUMNS if key not in positions and key not in OPTIONAL]
    if missing:
        expected = Wording("nl").table("coding_sheet.headers")
        unknown = [
            f"{column_name(i, letters)} {text!r}"
            for i, text in enumerate(header)
            if text and text.casefold() not in known
        ]
        found = f"; unrecognised headers: {', '.join(unknown)}" if unknown else ""
        raise CodingSheetError(
            f"{name}: row 1: missing column(s) "
            f"{', '.join(repr(expected[key]) for key in missing)}{found}",
            row=1,
            column=unknown[0].split()[0] if unknown else None,
        )
    reader = RowReader(name, positions, header, letters, _flag_words())
    rows: list[CodingRow] = []
    seen: dict[str, int] = {}
    for number, values in enumerate(table[1:], start=2):
        if not any(_filled(v) for v in values):
            continue
        row = reader.read(number, values)
        if row.statement_id in seen:
            raise reader.error(
                number,
                "statement_id",
                f"statement {row.statement_id} is already in row {seen[row.statement_id]}",
            )
        seen[row.statement_id] = number
        if rows and row.revision != rows[0].revision:
            raise reader.error(
                number,
                "revision",
                f"revision {row.revision} differs from revision {rows[0].revision} of row "
                f"{seen[rows[0].statement_id]}: rows of two sheets were mixed",
            )
        rows.append(row)
    return rows


def _filled(value: object) -> bool:
    return value is not None and str(value).strip() != ""
