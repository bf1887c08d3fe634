"""Consultations: a title, a date, the question set asked, open or closed."""

from __future__ import annotations

import json
import secrets

import sqlite_utils

from storage.clock import Clock, stamp
from storage.records import Consultation

_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def _new_id() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(6))


def _record(row: dict) -> Consultation:
    return Consultation(
        id=row["id"],
        title=row["title"],
        programme=row["programme"],
        date=row["date"],
        questions=json.loads(row["questions"]),
        status=row["status"],
        created_at=row["created_at"],
    )


class Consultations:
    def __init__(self, db: sqlite_utils.Database, now: Clock) -> None:
        self._db = db
        self._now = now

    def create(self, title: str, programme: str, date: str, questions: dict) -> Consultation:
        row = {
            "id": _new_id(),
            "title": title,
            "programme": programme,
            "date": date,
            "questions": json.dumps(questions, ensure_ascii=False),
            "status": "open",
            "created_at": stamp(self._now()),
        }
        while self.get(row["id"]) is not None:
            row["id"] = _new_id()
        self._db["consultations"].insert(row)
        return _record(row)

    def get(self, consultation_id: str) -> Consultation | None:
        rows = list(self._db["consultations"].rows_where("id = ?", [consultation_id]))
        return _record(rows[0]) if rows else None

    def all(self) -> list[Consultation]:
        return [_record(r) for r in self._db["consultations"].rows_where(order_by="created_at")]

    def set_status(self, consultation_id: str, status: str) -> None:
        self._db["consultations"].update(consultation_id, {"status": status})

    def codebook(self, consultation_id: str) -> str | None:
        """The consultation's own codebook (YAML), if a facilitator imported one."""
        row = self._db.execute(
            "SELECT codebook FROM consultations WHERE id = ?", [consultation_id]
        ).fetchone()
        return row[0] if row else None

    def set_codebook(self, consultation_id: str, text: str) -> None:
        self._db["consultations"].update(consultation_id, {"codebook": text})
