"""Channel updates on their way: received ones wait in the inbox until their turn is stored
(then they leave in the same transaction), and handled ones are remembered by id (a day,
never content), so an update delivered again (a retried webhook) changes nothing."""

from __future__ import annotations

from datetime import timedelta

import sqlite_utils

from storage.clock import Clock

KEEP_DAYS = 2  # Telegram keeps an unconfirmed update for 24 hours


class HandledUpdates:
    def __init__(self, db: sqlite_utils.Database, now: Clock) -> None:
        self._db = db
        self._now = now

    def seen(self, channel: str, update_id: int) -> bool:
        return bool(
            self._db.execute(
                "SELECT 1 FROM handled_updates WHERE channel = ? AND update_id = ?",
                [channel, update_id],
            ).fetchone()
        )

    def mark(self, channel: str, update_id: int) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO handled_updates (channel, update_id, at) VALUES (?, ?, ?)",
            [channel, update_id, self._now().date().isoformat()],
        )

    def prune(self) -> int:
        before = (self._now() - timedelta(days=KEEP_DAYS)).date().isoformat()
        return self._db.execute("DELETE FROM handled_updates WHERE at < ?", [before]).rowcount


class Inbox:
    """Updates received and not yet handled. The raw update holds what the person wrote:
    it is kept only until its turn is stored, in the same transaction."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def add(self, channel: str, updates: list[tuple[int, str]]) -> None:
        self._db.conn.executemany(
            "INSERT OR IGNORE INTO inbox (channel, update_id, raw) VALUES (?, ?, ?)",
            [(channel, update_id, raw) for update_id, raw in updates],
        )

    def remove(self, channel: str, update_id: int) -> None:
        self._db.execute(
            "DELETE FROM inbox WHERE channel = ? AND update_id = ?", [channel, update_id]
        )

    def waiting(self, channel: str) -> list[tuple[int, str]]:
        return list(
            self._db.execute(
                "SELECT update_id, raw FROM inbox WHERE channel = ? ORDER BY update_id",
                [channel],
            )
        )
