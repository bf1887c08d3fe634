"""One row of the coding sheet: the record, its cells, and reading them back with checks.

Every problem is reported as ``CodingSheetError`` with the row number and column as the
spreadsheet shows them ("row 12, column I 'Opnemen'").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from renderers.document_text import Wording

COLUMNS = (
    "statement_id",
    "part",
    "cluster",
    "suggestions",
    "score",
    "text",
    "translation",
    "lang",
    "notes",
    "highlight",
    "include",
    "revision",
)
OPTIONAL = frozenset({"translation", "notes", "revision"})  # sheets from before have none
STATEMENT_ID = re.compile(r"^s[0-9a-f]{12}$")  # opaque: says nothing about who said it
_CLUSTER = re.compile(r"^(\d+(?:\.\d+)+)(?:\s+(.*))?$", re.S)
_PART = re.compile(r"^\d+$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]+)*$")


class CodingSheetError(ValueError):
    """A coding sheet that cannot be read as it is; ``row``/``column`` as the sheet shows them."""

    def __init__(self, message: str, row: int | None = None, column: str | None = None) -> None:
        super().__init__(message)
        self.row = row
        self.column = column


@dataclass(frozen=True)
class CodingRow:
    statement_id: str
    part: str  # "1".."4"
    cluster_number: str  # "2.11"; "" for a new cluster given by its title only
    cluster_title: str
    suggestions: tuple[str, ...]  # top-3 cluster numbers of the automatic assignment
    score: float
    text: str
    lang: str
    highlight: bool = False
    include: bool = True
    translation: str | None = ""  # typed into Dutch, printed under the quote (None: no column)
    notes: str = ""  # why the statement is held back (it could point at a person, no quote)
    revision: int | None = None  # the consultation's revision the sheet was made from

    @property
    def cluster_label(self) -> str:
        """As the sheet shows it: ``"2.11 Beperkte mogelijkheid gegevensuitwisseling"``."""
        return f"{self.cluster_number} {self.cluster_title}".strip()


def flag_word(value: bool, wording: Wording) -> str:
    return wording.text("coding_sheet.yes" if value else "coding_sheet.no")


def cells(row: CodingRow, wording: Wording, decimal_comma: bool = False) -> list[object]:
    """The cells of one row, in ``COLUMNS`` order."""
    return [
        row.statement_id,
        row.part,
        row.cluster_label,
        ", ".join(row.suggestions),
        repr(row.score).replace(".", ",") if decimal_comma else row.score,
        row.text,
        row.translation or "",
        row.lang,
        row.notes,
        flag_word(row.highlight, wording),
        flag_word(row.include, wording),
        "" if row.revision is None else row.revision,
    ]


def column_name(index: int, letters: bool) -> str:
    """Column ``index`` (0-based) as the sheet shows it: "C" in Excel, "3" in a CSV file."""
    if not letters:
        return str(index + 1)
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class RowReader:
    """Reads the cells of data rows, given where each column is."""

    def __init__(
        self,
        name: str,
        positions: Mapping[str, int],
        header: Sequence[str],
        letters: bool,
        flags: Mapping[str, bool],
    ) -> None:
        self._name = name
        self._positions = positions
        self._header = header
        self._letters = letters
        self._flags = flags

    def error(self, row: int, key: str, problem: str) -> CodingSheetError:
        index = self._positions[key]
        column = column_name(index, self._letters)
        return CodingSheetError(
            f"{self._name}: row {row}, column {column} {self._header[index]!r}: {problem}",
            row=row,
            column=column,
        )

    def _cell(self, values: Sequence[object], key: str) -> object:
        index = self._positions.get(key)
        if index is None:
            return None
        return values[index] if index < len(values) else None

    def read(self, row: int, values: Sequence[object]) -> CodingRow:
        statement_id = _text(self._cell(values, "statement_id"))
        if not STATEMENT_ID.match(statement_id):
            shown = repr(statement_id) if statement_id else "empty"
            raise self.error(
                row,
                "statement_id",
                f"{shown} is not a statement id (like s3f09a1c2b7de); leave this column "
                "as it was exported",
            )
        part = _text(self._cell(values, "part"))
        if not _PART.match(part):
            raise self.error(row, "part", f"{part!r} is not a part number (1-4)")
        include = self._flag(row, values, "include", default=True)
        number, title = self._cluster(row, values, part, include)
        return CodingRow(
            statement_id=statement_id,
            part=part,
            cluster_number=number,
            cluster_title=title,
            suggestions=tuple(
                re.findall(r"\d+(?:\.\d+)+", _text(self._cell(values, "suggestions")))
            ),
            score=self._score(row, values),
            text=str(self._cell(values, "text") or ""),
            lang=self._language(row, values),
            highlight=self._flag(row, values, "highlight", default=False),
            include=include,
            translation=(
                str(self._cell(values, "translation") or "").strip()
                if "translation" in self._positions
                else None
            ),
            notes=_text(self._cell(values, "notes")),
            revision=self._revision(row, values),
        )

    def _revision(self, row: int, values: Sequence[object]) -> int | None:
        text = _text(self._cell(values, "revision"))
        if not text:
            return None
        if not text.isdigit():
            raise self.error(row, "revision", f"{text!r} is not a revision number; leave it as is")
        return int(text)

    def _cluster(
        self, row: int, values: Sequence[object], part: str, include: bool
    ) -> tuple[str, str]:
        value = self._cell(values, "cluster")
        if isinstance(value, int | float) and not isinstance(value, bool):
            raise self.error(
                row,
                "cluster",
                f"{value!r} is a bare number (Excel reads 2.10 as 2.1); choose "
                "the cluster from the list, as number and title",
            )
        label = " ".join(_text(value).split())
        if not label:
            if include:
                raise self.error(row, "cluster", "empty; choose a cluster from the list")
            return "", ""
        match = _CLUSTER.match(label)
        if match is None:
            return "", label  # a new cluster, named by its title only
        number, title = match.group(1), (match.group(2) or "").strip()
        if number.split(".")[0] != part:
            raise self.error(
                row,
                "cluster",
                f"cluster {number} belongs to part {number.split('.')[0]}, "
                f"but this statement is in part {part}",
            )
        return number, title

    def _score(self, row: int, values: Sequence[object]) -> float:
        value = self._cell(values, "score")
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        text = _text(value).replace(",", ".")
        if not text:
            return 0.0
        try:
            return float(text)
        except ValueError:
            raise self.error(row, "score", f"{text!r} is not a number") from None

    def _language(self, row: int, values: Sequence[object]) -> str:
        language = _text(self._cell(values, "lang"))
        if not _LANGUAGE.match(language):
            shown = repr(language) if language else "empty"
            raise self.error(row, "lang", f"{shown} is not a language code (like nl, pl)")
        return language

    def _flag(self, row: int, values: Sequence[object], key: str, default: bool) -> bool:
        value = self._cell(values, key)
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float) and value in (0, 1):
            return bool(value)
        text = _text(value).casefold()
        if not text:
            return default
        if text not in self._flags:
            raise self.error(row, key, f"{_text(value)!r} is not ja/nee (yes/no)")
        return self._flags[text]
