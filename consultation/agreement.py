"""How far coders agree: Krippendorff's alpha between people who coded copies of the same
coding sheet, the machine's agreement with the work group's final sheet per part, and the
statements the coders placed differently, to discuss.

A statement's code is the cluster a sheet puts it in ("left out" when it is not included).
The machine's code is the first of the sheet's suggestions (its top three for the top-3
figure); statements the final sheet leaves out are not counted for the machine, which never
decides inclusion. Alpha is nominal, computed by the maintained ``krippendorff`` package.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import krippendorff
import numpy as np

from renderers.coding_sheet import CodingRow, read_coding_sheet

LEFT_OUT = "(left out)"


@dataclass(frozen=True)
class MachinePart:
    part: str
    statements: int  # included in the final sheet
    top1: float  # share whose final cluster is the machine's first suggestion
    top3: float  # share whose final cluster is among the machine's three
    alpha: float | None  # between the machine's first suggestion and the final sheet


@dataclass(frozen=True)
class Disagreement:
    statement_id: str
    part: str
    text: str
    codes: dict[str, str]  # coder -> cluster


@dataclass(frozen=True)
class Agreement:
    coders: tuple[str, ...]
    statements: int  # coded by at least two coders
    alpha: float | None  # over all parts; None when there is nothing to compare
    alpha_per_part: dict[str, float | None]
    final: str
    machine: tuple[MachinePart, ...]
    disagreements: tuple[Disagreement, ...]


def code(row: CodingRow) -> str:
    """The cluster a row puts its statement in: its number, or a new cluster's title."""
    if not row.include:
        return LEFT_OUT
    if row.cluster_number:
        return row.cluster_number
    return " ".join(row.cluster_title.split()).casefold()


def alpha(codes: list[dict[str, str]]) -> float | None:
    """Nominal alpha of coders' codes (one dict of statement -> code per coder)."""
    units = sorted({unit for coder in codes for unit in coder})
    values = sorted({c for coder in codes for c in coder.values()})
    pairable = [u for u in units if sum(u in coder for coder in codes) >= 2]
    if len(codes) < 2 or not pairable:
        return None
    if len(values) < 2:
        return 1.0  # everyone agrees on one value everywhere: no disagreement to expect
    index = {value: i for i, value in enumerate(values)}
    data = np.full((len(codes), len(pairable)), np.nan)
    for row, coder in enumerate(codes):
        for column, unit in enumerate(pairable):
            if unit in coder:
                data[row, column] = index[coder[unit]]
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def agreement(sheets: list[Path], final: Path | None = None) -> Agreement:
    """Agreement between the coders of ``sheets`` and of the machine with ``final`` (by
    default the last sheet). ``CodingSheetError`` when a sheet cannot be read."""
    read = {_name(path, sheets): read_coding_sheet(path) for path in sheets}
    final_name = _name(final, sheets) if final is not None else _name(sheets[-1], sheets)
    final_rows = read_coding_sheet(final) if final is not None else read[final_name]
    coders = {name: {r.statement_id: code(r) for r in rows} for name, rows in read.items()}
    rows_by_id = {r.statement_id: r for rows in read.values() for r in rows}
    parts = sorted({r.part for r in rows_by_id.values()}, key=_part_key)
    per_part = {
        part: alpha(
            [
                {sid: c for sid, c in coder.items() if rows_by_id[sid].part == part}
                for coder in coders.values()
            ]
        )
        for part in parts
    }
    coded_twice = [sid for sid in rows_by_id if sum(sid in coder for coder in coders.values()) >= 2]
    disagreements = []
    for sid in coded_twice:
        codes = {name: coder[sid] for name, coder in coders.items() if sid in coder}
        if len(set(codes.values())) > 1:
            row = rows_by_id[sid]
            disagreements.append(Disagreement(sid, row.part, row.text, codes))
    disagreements.sort(key=lambda d: (_part_key(d.part), d.statement_id))
    return Agreement(
        coders=tuple(coders),
        statements=len(coded_twice),
        alpha=alpha(list(coders.values())),
        alpha_per_part=per_part,
        final=final_name,
        machine=tuple(_machine(final_rows)),
        disagreements=tuple(disagreements),
    )


def _machine(rows: list[CodingRow]) -> list[MachinePart]:
    by_part: dict[str, list[CodingRow]] = defaultdict(list)
    for row in rows:
        if row.include and row.suggestions:
            by_part[row.part].append(row)
    found = []
    for part in sorted(by_part, key=_part_key):
        members = by_part[part]
        final = {r.statement_id: code(r) for r in members}
        machine = {r.statement_id: r.suggestions[0] for r in members}
        top1 = sum(machine[s] == final[s] for s in final) / len(members)
        top3 = sum(final[r.statement_id] in r.suggestions[:3] for r in members) / len(members)
        found.append(MachinePart(part, len(members), top1, top3, alpha([machine, final])))
    return found


def _name(path: Path, sheets: list[Path]) -> str:
    """A coder's name: the file's name, or its path where two files share a name."""
    names = [p.name for p in sheets]
    return path.name if names.count(path.name) <= 1 else str(path)


def _part_key(part: str) -> tuple[int, str]:
    return (int(part), part) if part.isdigit() else (0, part)
