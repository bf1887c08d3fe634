"""Channel updates already handled: a replayed update (after a crash, a retry of a webhook)
is recognised and changes nothing. Only ids and a day are kept, never content."""

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
