"""Consultations: a title, a date, the question set asked, open or closed."""

from __future__ import annotations

import json
import secrets
from functools import lru_cache

import sqlite_utils

from storage.clock import Clock, stamp
from storage.records import Consultation, Meeting

_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def _new_id() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(6))


@lru_cache(maxsize=64)
def _questions(raw: str) -> dict:
    """A stored question set, parsed once per distinct text (read on nearly every turn;
    shared between the records made from it: read it, never change it)."""
    return json.loads(raw)


def _record(row: dict) -> Consultation:
    return Consultation(
        id=row["id"],
        title=row["title"],
        programme=row["programme"],
        date=row["date"],
        questions=_questions(row["questions"]),
        status=row["status"],
        created_at=row["created_at"],
        closes_on=row.get("closes_on"),
        remind_after_hours=row.get("remind_after_hours"),
    )


class Consultations:
    def __init__(self, db: sqlite_utils.Database, now: Clock) -> None:
        self._db = db
        self._now = now

    def create(
        self,
        title: str,
        programme: str,
        date: str,
        questions: dict,
        closes_on: str | None = None,
    ) -> Consultation:
        row = {
            "id": _new_id(),
            "title": title,
            "programme": programme,
            "date": date,
            "questions": json.dumps(questions, ensure_ascii=False),
            "status": "open",
            "created_at": stamp(self._now()),
            "closes_on": closes_on,
        }
        while self.get(row["id"]) is not None:
            row["id"] = _new_id()
        self._db["consultations"].insert(row)
        self.add_meeting(row["id"], date)
        return _record(row)

    def get(self, consultation_id: str) -> Consultation | None:
        rows = list(self._db.query("SELECT * FROM consultations WHERE id = ?", [consultation_id]))
        return _record(rows[0]) if rows else None

    def all(self) -> list[Consultation]:
        return [_record(r) for r in self._db["consultations"].rows_where(order_by="created_at")]

    def set_status(self, consultation_id: str, status: str) -> None:
        self._db["consultations"].update(consultation_id, {"status": status})

    def update(self, consultation_id: str, **fields) -> None:
        """Change ``closes_on`` or ``remind_after_hours``."""
        self._db["consultations"].update(consultation_id, fields)

    def past_closing(self, today: str) -> list[Consultation]:
        """Open consultations whose closing day lies before ``today``."""
        rows = self._db["consultations"].rows_where(
            "status = 'open' AND closes_on IS NOT NULL AND closes_on < ?", [today]
        )
        return [_record(r) for r in rows]

    # sessions (the round table and catch-up meetings) ----------------------------------

    def add_meeting(self, consultation_id: str, date: str) -> Meeting:
        number = self._db.execute(
            "SELECT COALESCE(MAX(number), 0) + 1 FROM meetings WHERE consultation_id = ?",
            [consultation_id],
        ).fetchone()[0]
        row = {
            "consultation_id": consultation_id,
            "number": number,
            "date": date,
            "created_at": stamp(self._now()),
        }
        self._db["meetings"].insert(row)
        return Meeting(**row)

    def meetings(self, consultation_id: str) -> list[Meeting]:
        rows = self._db["meetings"].rows_where(
            "consultation_id = ?", [consultation_id], order_by="number"
        )
        return [Meeting(**r) for r in rows]

    def codebook(self, consultation_id: str) -> str | None:
        """The consultation's own codebook (YAML), if a facilitator imported one."""
        row = self._db.execute(
            "SELECT codebook FROM consultations WHERE id = ?", [consultation_id]
        ).fetchone()
        return row[0] if row else None

    def set_codebook(self, consultation_id: str, text: str) -> None:
        self._db["consultations"].update(consultation_id, {"codebook": text})
