"""The audit log: which facilitator did what, when. Never anyone's words."""

from __future__ import annotations

import sqlite_utils

from storage.clock import Clock, stamp
from storage.records import AuditEntry


class Audit:
    def __init__(self, db: sqlite_utils.Database, now: Clock) -> None:
        self._db = db
        self._now = now

    def add(self, who: str, action: str, consultation_id: str | None, detail: str) -> None:
        self._db["audit"].insert(
            {
                "at": stamp(self._now()),
                "who": who,
                "consultation_id": consultation_id,
                "action": action,
                "detail": detail,
            }
        )

    def entries(self, consultation_id: str | None = None) -> list[AuditEntry]:
        where, values = (
            ("consultation_id = ?", [consultation_id]) if consultation_id else (None, [])
        )
        rows = self._db["audit"].rows_where(where, values, order_by="id")
        return [
            AuditEntry(r["at"], r["who"], r["consultation_id"], r["action"], r["detail"] or "")
            for r in rows
        ]
