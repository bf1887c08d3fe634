"""The one storage interface: every repository over one database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from storage.answers import Answers
from storage.clock import Clock, utc_now
from storage.consultations import Consultations
from storage.database import open_database, open_memory
from storage.invites import Invites
from storage.participants import Participants
from storage.progress import Progress
from storage.revisions import Revisions
from storage.sessions import Sessions
from storage.statements import Statements


class Store:
    def __init__(self, db: sqlite_utils.Database, now: Clock = utc_now) -> None:
        self.db = db
        self.now = now
        self._erased = False
        self.consultations = Consultations(db, now)
        self.invites = Invites(db, now)
        self.participants = Participants(db, now)
        self.answers = Answers(db, now)
        self.sessions = Sessions(db, now)
        self.statements = Statements(db, now)
        self.progress = Progress(db)
        self.revisions = Revisions(db, now)

    @classmethod
    def open(cls, path: str | Path, now: Clock = utc_now) -> Store:
        return cls(open_database(path), now)

    @classmethod
    def memory(cls, now: Clock = utc_now) -> Store:
        return cls(open_memory(), now)

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """All writes inside happen together or not at all (one commit, one fsync).

        The write lock is taken at the start (``BEGIN IMMEDIATE``), so a turn that reads and
        then writes never fails halfway because another process wrote in between; a nested
        block is a savepoint of the outer one.
        """
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield self
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self._erased = False
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        else:
            try:
                conn.execute("COMMIT")
            except BaseException:
                self._erased = False
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        if self._erased:
            self._erased = False
            self.compact()

    def erased(self) -> None:
        """Raw text was deleted in this transaction: once it commits, push the deleted pages
        out of the write-ahead log too (``secure_delete`` has overwritten them in the file)."""
        self._erased = True

    def get_meta(self, key: str) -> str | None:
        rows = list(self.db["meta"].rows_where("key = ?", [key]))
        return rows[0]["value"] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        self.db["meta"].upsert({"key": key, "value": value}, pk="key")

    def compact(self) -> None:
        """Push deleted text out of the write-ahead log for good (secure_delete is on)."""
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self.db.conn.close()
