"""Dialog state per chat user (keyed hash) and the ids of the chat's messages for wiping."""

from __future__ import annotations

import json

import sqlite_utils

from storage.clock import Clock


class Sessions:
    def __init__(self, db: sqlite_utils.Database, now: Clock) -> None:
        self._db = db
        self._now = now

    def _day(self) -> str:
        # the day only: a time could join a session to the answers submitted in it
        return self._now().date().isoformat()

    def load(self, user_key: str) -> dict | None:
        row = self._db.execute(
            "SELECT data FROM sessions WHERE user_key = ?", [user_key]
        ).fetchone()
        return json.loads(row[0]) if row else None

    def save(self, user_key: str, data: dict) -> None:
        self._db.execute(
            "INSERT INTO sessions (user_key, data, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (user_key) DO UPDATE SET data = excluded.data,"
            " updated_at = excluded.updated_at",
            [user_key, json.dumps(data), self._day()],
        )

    def delete(self, user_key: str) -> None:
        with self._db.atomic():
            self._db.execute("DELETE FROM sessions WHERE user_key = ?", [user_key])

    def remember_messages(self, user_key: str, refs: list[str]) -> None:
        """The channel's references of messages in this chat, for wiping it later."""
        day = self._day()
        with self._db.atomic():
            for ref in refs:
                self._db.execute(
                    "INSERT OR IGNORE INTO chat_messages (user_key, ref, at) VALUES (?, ?, ?)",
                    [user_key, str(ref), day],
                )

    def message_refs(self, user_key: str) -> list[str]:
        return [
            r["ref"]
            for r in self._db["chat_messages"].rows_where("user_key = ?", [user_key], order_by="at")
        ]

    def forget_messages(self, user_key: str) -> None:
        with self._db.atomic():
            self._db.execute("DELETE FROM chat_messages WHERE user_key = ?", [user_key])

    def stale(self, before_day: str, state: str | None = None) -> list[str]:
        """Users whose session was last touched before ``before_day`` (YYYY-MM-DD)."""
        rows = self._db["sessions"].rows_where("updated_at < ?", [before_day])
        return [
            r["user_key"]
            for r in rows
            if state is None or json.loads(r["data"]).get("state") == state
        ]

    def purge_orphan_messages(self, before_day: str) -> int:
        """Message ids of chats with no session left (strangers, after /forget) go too."""
        with self._db.atomic():
            return self._db.execute(
                "DELETE FROM chat_messages WHERE at < ? AND user_key NOT IN"
                " (SELECT user_key FROM sessions)",
                [before_day],
            ).rowcount
