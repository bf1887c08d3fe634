"""The coding sheet as an Excel workbook: writing it for the work group, reading it back.

Sheet "Citaten": frozen header with filter, readable widths, wrapped quotes, a drop-down of
the part's clusters in the cluster column (from the hidden sheet "Clusters"; typing a new
cluster is allowed after a warning) and ja/nee drop-downs for the flags.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping, Sequence
from itertools import groupby
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from renderers.coding_sheet_cells import COLUMNS, CodingRow, CodingSheetError, cells, flag_word
from renderers.document_text import Wording, all_wordings

_WIDTHS = {
    "statement_id": 11,
    "part": 7,
    "cluster": 42,
    "suggestions": 18,
    "score": 8,
    "text": 80,
    "translation": 50,
    "lang": 7,
    "notes": 36,
    "highlight": 11,
    "include": 10,
    "revision": 8,
}
_HEADER_FILL = PatternFill("solid", fgColor="154273")
_HEADER_FONT = Font(name="Calibri", size=11, bold=True, color="FFFFFF")
_MUTED = Font(name="Calibri", size=11, color="696969")
_NOTE_FILL = PatternFill("solid", fgColor="FCE9C6")


def _lines(text: str) -> int:
    """Lines the wrapped quote takes in its column (not every reader sizes rows itself)."""
    per_line = int(_WIDTHS["text"] * 1.05)
    return max(1, sum(max(1, -(-len(line) // per_line)) for line in text.split("\n")))


def _column(key: str) -> str:
    return get_column_letter(COLUMNS.index(key) + 1)


def _choices_sheet(
    book: Workbook, choices: Mapping[str, Sequence[tuple[str, str]]], wording: Wording
) -> dict[str, str]:
    """The hidden list of clusters, one column per part; returns part -> range reference."""
    sheet = book.create_sheet(wording.text("coding_sheet.choices_sheet"))
    ranges = {}
    for index, (part, clusters) in enumerate(choices.items(), start=1):
        letter = get_column_letter(index)
        sheet.cell(1, index, wording.text("coding_sheet.choices_header", part=part))
        for offset, (number, title) in enumerate(clusters, start=2):
            sheet.cell(offset, index, f"{number} {title}".strip()).data_type = "s"
        last = max(2, len(clusters) + 1)
        ranges[part] = f"{quote_sheetname(sheet.title)}!${letter}$2:${letter}${last}"
        sheet.column_dimensions[letter].width = 50
    sheet.sheet_state = "hidden"
    return ranges


def _validations(
    sheet: Worksheet, rows: Sequence[CodingRow], ranges: Mapping[str, str], wording: Wording
) -> None:
    column = _column("cluster")
    start = 2
    for part, group in groupby(rows, key=lambda row: row.part):
        count = len(list(group))
        if part in ranges:
            choice = DataValidation(
                type="list",
                formula1=ranges[part],
                allow_blank=True,
                showErrorMessage=True,
                showInputMessage=True,
                errorStyle="warning",
                error=wording.text("coding_sheet.cluster_warning"),
                prompt=wording.text("coding_sheet.cluster_prompt")[:255],
            )
            choice.add(f"{column}{start}:{column}{start + count - 1}")
            sheet.add_data_validation(choice)
        start += count
    if rows:
        flags = DataValidation(
            type="list",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="stop",
            formula1=f'"{flag_word(True, wording)},{flag_word(False, wording)}"',
            error=wording.text("coding_sheet.flag_error"),
        )
        flags.add(f"{_column('highlight')}2:{_column('include')}{len(rows) + 1}")
        sheet.add_data_validation(flags)


def write_xlsx(
    rows: Sequence[CodingRow],
    path: Path,
    choices: Mapping[str, Sequence[tuple[str, str]]],
    wording: Wording,
) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = wording.text("coding_sheet.sheet")
    headers = wording.table("coding_sheet.headers")
    sheet.append([headers[key] for key in COLUMNS])
    for cell in sheet[1]:
        cell.fill, cell.font = _HEADER_FILL, _HEADER_FONT
        cell.alignment = Alignment(vertical="center")
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    wrapped = {COLUMNS.index(key) + 1 for key in ("text", "translation", "notes")}
    muted = {COLUMNS.index(key) + 1 for key in ("statement_id", "revision")}
    score_column = COLUMNS.index("score") + 1
    for number, row in enumerate(rows, start=2):  # cell by cell: max_row scans the sheet
        for column, value in enumerate(cells(row, wording), start=1):
            cell = sheet.cell(number, column)
            if isinstance(value, str):
                cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
                cell.data_type = "s"  # never a formula, whatever the text starts with
            else:
                cell.value = value
            cell.alignment = wrap if column in wrapped else top
        for column in muted:
            sheet.cell(number, column).font = _MUTED
        sheet.cell(number, score_column).number_format = "0.00"
        sheet.row_dimensions[number].height = 15 * _lines(row.text)
    for key, width in _WIDTHS.items():
        sheet.column_dimensions[_column(key)].width = width
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"  # printed: header on every page, landscape, one page wide
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.auto_filter.ref = f"A1:{_column(COLUMNS[-1])}{max(1, len(rows)) + 1}"
    if any(row.notes for row in rows):  # held-back statements stand out
        for number, row in enumerate(rows, start=2):
            if row.notes:
                sheet.cell(number, COLUMNS.index("notes") + 1).fill = _NOTE_FILL
    _validations(sheet, rows, _choices_sheet(book, choices, wording), wording)
    book.properties.creator = "Rondetafel"
    book.save(path)


def read_xlsx_table(path: Path) -> list[list[object]]:
    """The cell values of the coding sheet (header row first)."""
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        raise CodingSheetError(f"{path.name}: cannot be read ({exc.strerror})") from exc
    except (
        zipfile.BadZipFile,
        InvalidFileException,
        KeyError,
        ValueError,
        EOFError,
        TypeError,
    ) as exc:
        raise CodingSheetError(
            f"{path.name}: not a readable Excel workbook (.xlsx); it may be damaged or "
            f"another kind of file ({type(exc).__name__})"
        ) from exc
    try:
        names = {wording.text("coding_sheet.sheet") for wording in all_wordings()}
        sheet = next((book[n] for n in book.sheetnames if n in names), book.worksheets[0])
        return [list(values) for values in sheet.iter_rows(values_only=True)]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, IndexError) as exc:
        raise CodingSheetError(
            f"{path.name}: the workbook is damaged and cannot be read ({type(exc).__name__})"
        ) from exc
    finally:
        book.close()
