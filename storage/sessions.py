"""Dialog state per chat user (keyed hash) and the ids of the chat's messages for wiping."""

from __future__ import annotations

import json

import sqlite_utils

from storage.clock import Clock, stamp


class Sessions:
    def __init__(self, db: sqlite_utils.Database, now: Clock) -> None:
        self._db = db
        self._now = now

    def load(self, user_key: str) -> dict | None:
        rows = list(self._db["sessions"].rows_where("user_key = ?", [user_key]))
        return json.loads(rows[0]["data"]) if rows else None

    def save(self, user_key: str, data: dict) -> None:
        self._db["sessions"].upsert(
            {"user_key": user_key, "data": json.dumps(data), "updated_at": stamp(self._now())},
            pk="user_key",
        )

    def delete(self, user_key: str) -> None:
        with self._db.conn:
            self._db.execute("DELETE FROM sessions WHERE user_key = ?", [user_key])

    def remember_message(self, user_key: str, message_id: int) -> None:
        with self._db.conn:
            self._db.execute(
                "INSERT OR IGNORE INTO chat_messages (user_key, message_id, at) VALUES (?, ?, ?)",
                [user_key, message_id, stamp(self._now())],
            )

    def message_ids(self, user_key: str) -> list[int]:
        return [
            r["message_id"]
            for r in self._db["chat_messages"].rows_where(
                "user_key = ?", [user_key], order_by="message_id"
            )
        ]

    def forget_messages(self, user_key: str) -> None:
        with self._db.conn:
            self._db.execute("DELETE FROM chat_messages WHERE user_key = ?", [user_key])

    def stale(self, before: str) -> list[str]:
        return [r["user_key"] for r in self._db["sessions"].rows_where("updated_at < ?", [before])]
