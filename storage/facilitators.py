"""Facilitators of one consultation (keyed hashes of their accounts) and the one-time links
that make someone a facilitator; only the hash of a link's token is kept."""

from __future__ import annotations

from datetime import datetime

import sqlite_utils

from storage.clock import Clock, stamp
from storage.invites import new_token, token_hash


class Facilitators:
    def __init__(self, db: sqlite_utils.Database, now: Clock) -> None:
        self._db = db
        self._now = now

    def add(self, consultation_id: str, user_key: str) -> bool:
        """True when the account was not a facilitator of this consultation yet."""
        with self._db.atomic():
            return bool(
                self._db.execute(
                    "INSERT OR IGNORE INTO facilitators (consultation_id, user_key, added_at)"
                    " VALUES (?, ?, ?)",
                    [consultation_id, user_key, stamp(self._now())],
                ).rowcount
            )

    def remove(self, consultation_id: str, user_key: str) -> bool:
        with self._db.atomic():
            return bool(
                self._db.execute(
                    "DELETE FROM facilitators WHERE consultation_id = ? AND user_key = ?",
                    [consultation_id, user_key],
                ).rowcount
            )

    def of_consultation(self, consultation_id: str) -> list[str]:
        rows = self._db["facilitators"].rows_where(
            "consultation_id = ?", [consultation_id], order_by="added_at"
        )
        return [r["user_key"] for r in rows]

    def consultations_of(self, user_key: str) -> list[str]:
        rows = self._db["facilitators"].rows_where("user_key = ?", [user_key])
        return [r["consultation_id"] for r in rows]

    def new_link(self, consultation_id: str, expires_at: datetime) -> str:
        """A one-time token that makes whoever opens it a facilitator (shown once)."""
        token = "f" + new_token()
        self._db["facilitator_links"].insert(
            {
                "token_hash": token_hash(token),
                "consultation_id": consultation_id,
                "expires_at": stamp(expires_at),
            }
        )
        return token

    def take_link(self, token: str) -> str | None:
        """The consultation of a valid link, which is used up by taking it; else None."""
        hashed = token_hash(token)
        row = self._db.execute(
            "SELECT consultation_id, expires_at FROM facilitator_links WHERE token_hash = ?",
            [hashed],
        ).fetchone()
        if row is None:
            return None
        with self._db.atomic():
            self._db.execute("DELETE FROM facilitator_links WHERE token_hash = ?", [hashed])
        return row[0] if row[1] > stamp(self._now()) else None
