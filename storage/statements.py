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
    quotable: bool = True  # False: a greeting, a thank-you, a one-word reply (kept, not quoted)


_COLUMNS = (
    "id, consultation_id, answer_id, question, start, end, text, cluster, suggestions, scores,"
    " fits, highlight, include, decided_by, quotable"
)


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
        quotable=bool(row["quotable"]),
    )


class Statements:
    def __init__(self, db: sqlite_utils.Database, now: Clock) -> None:
        self._db = db
        self._now = now

    def for_consultation(self, consultation_id: str) -> list[StoredStatement]:
        rows = self._db["statements"].rows_where(
            "consultation_id = ?",
            [consultation_id],
            order_by="answer_id, start",
            select=_COLUMNS,  # not the vectors: only assignment reads them (``vectors``)
        )
        return [_record(r) for r in rows]

    def add(self, statements: list[StoredStatement]) -> None:
        moment = stamp(self._now())
        with self._db.atomic():
            for s in statements:
                self._db.execute(
                    "INSERT INTO statements (id, consultation_id, answer_id, question, start, end,"
                    " text, cluster, suggestions, scores, fits, highlight, include, decided_by,"
                    " quotable, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                        int(s.quotable),
                        moment,
                    ],
                )

    def vectors(self, consultation_id: str, model: str) -> dict[str, bytes]:
        """The kept sentence vectors (raw bytes) of a consultation's statements, by id, made by
        ``model``; statements without one, or with another model's, are left out."""
        rows = self._db.execute(
            "SELECT id, vector FROM statements WHERE consultation_id = ? AND vector_model = ?"
            " AND vector IS NOT NULL",
            [consultation_id, model],
        ).fetchall()
        return {statement_id: bytes(vector) for statement_id, vector in rows}

    def set_vectors(self, model: str, vectors: dict[str, bytes]) -> None:
        """Keep each statement's sentence vector, made by ``model``."""
        with self._db.atomic():
            for statement_id, vector in vectors.items():
                self._db.execute(
                    "UPDATE statements SET vector = ?, vector_model = ? WHERE id = ?",
                    [vector, model, statement_id],
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
