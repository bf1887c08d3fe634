"""Statements cut from submitted answers, with their cluster and the facilitator's review."""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlite_utils

from storage.clock import Clock, stamp


@dataclass(frozen=True)
class StoredStatement:
    id: str
    consultation_id: str
    answer_id: int
    question: int
    start: int
    end: int
    text: str
    cluster: str
    suggestions: list[str]
    scores: list[float]
    fits: bool
    highlight: bool
    include: bool
    decided_by: str


def _record(row: dict) -> StoredStatement:
    return StoredStatement(
        id=row["id"],
        consultation_id=row["consultation_id"],
        answer_id=row["answer_id"],
        question=row["question"],
        start=row["start"],
        end=row["end"],
        text=row["text"],
        cluster=row["cluster"] or "",
        suggestions=json.loads(row["suggestions"] or "[]"),
        scores=json.loads(row["scores"] or "[]"),
        fits=bool(row["fits"]),
        highlight=bool(row["highlight"]),
        include=bool(row["include"]),
        decided_by=row["decided_by"],
    )


class Statements:
    def __init__(self, db: sqlite_utils.Database, now: Clock) -> None:
        self._db = db
        self._now = now

    def for_consultation(self, consultation_id: str) -> list[StoredStatement]:
        rows = self._db["statements"].rows_where(
            "consultation_id = ?", [consultation_id], order_by="answer_id, start"
        )
        return [_record(r) for r in rows]

    def add(self, statements: list[StoredStatement]) -> None:
        moment = stamp(self._now())
        with self._db.atomic():
            for s in statements:
                self._db.execute(
                    "INSERT INTO statements (id, consultation_id, answer_id, question, start, end,"
                    " text, cluster, suggestions, scores, fits, highlight, include, decided_by,"
                    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        s.id,
                        s.consultation_id,
                        s.answer_id,
                        s.question,
                        s.start,
                        s.end,
                        s.text,
                        s.cluster,
                        json.dumps(s.suggestions),
                        json.dumps(s.scores),
                        int(s.fits),
                        int(s.highlight),
                        int(s.include),
                        s.decided_by,
                        moment,
                    ],
                )

    def review(self, decisions: list[tuple[str, str, bool, bool]]) -> None:
        """Apply (id, cluster, highlight, include) from the work group, all or nothing."""
        moment = stamp(self._now())
        with self._db.atomic():
            for statement_id, cluster, highlight, include in decisions:
                self._db.execute(
                    "UPDATE statements SET cluster = ?, highlight = ?, include = ?,"
                    " decided_by = 'facilitator', updated_at = ? WHERE id = ?",
                    [cluster, int(highlight), int(include), moment, statement_id],
                )

    def set_highlights(self, marks: dict[str, bool]) -> None:
        """Pull quotes as the work group marked them (highlight only; the cluster stays)."""
        with self._db.atomic():
            for statement_id, highlight in marks.items():
                self._db.execute(
                    "UPDATE statements SET highlight = ? WHERE id = ?",
                    [int(highlight), statement_id],
                )

    def reassign(self, placements: list[tuple[str, str, list[str], list[float], bool]]) -> None:
        """New automatic clusters (id, cluster, suggestions, scores, fits) for statements."""
        moment = stamp(self._now())
        with self._db.atomic():
            for statement_id, cluster, suggestions, scores, fits in placements:
                self._db.execute(
                    "UPDATE statements SET cluster = ?, suggestions = ?, scores = ?, fits = ?,"
                    " decided_by = 'auto', updated_at = ? WHERE id = ?",
                    [
                        cluster,
                        json.dumps(suggestions),
                        json.dumps(scores),
                        int(fits),
                        moment,
                        statement_id,
                    ],
                )
