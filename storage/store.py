"""The one storage interface: every repository over one database."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

import sqlite_utils

from storage.answers import Answers
from storage.audit import Audit
from storage.clock import Clock, utc_now
from storage.consultations import Consultations
from storage.database import open_database, open_memory
from storage.facilitators import Facilitators
from storage.housekeeping import Immediate
from storage.invites import Invites
from storage.participants import Participants
from storage.progress import Progress
from storage.revisions import Revisions
from storage.sessions import Sessions
from storage.statements import Statements
from storage.updates import HandledUpdates, Inbox

log = logging.getLogger("rondetafel.storage")


class Housekeeping(Protocol):
    def erased(self) -> None: ...

    def submitted(self) -> None: ...


class Store:
    def __init__(self, db: sqlite_utils.Database, now: Clock = utc_now) -> None:
        self.db = db
        self.now = now
        self._erased = self._submitted = False
        self.housekeeping: Housekeeping = Immediate(db.conn)
        self.consultations = Consultations(db, now)
        self.invites = Invites(db, now)
        self.participants = Participants(db, now)
        self.answers = Answers(db, now)
        self.sessions = Sessions(db, now)
        self.statements = Statements(db, now)
        self.progress = Progress(db)
        self.updates = HandledUpdates(db, now)
        self.inbox = Inbox(db)
        self.facilitators = Facilitators(db, now)
        self.audit = Audit(db, now)
        self.revisions = Revisions(db, now)

    @classmethod
    def open(cls, path: str | Path, now: Clock = utc_now, busy_seconds: float = 10.0) -> Store:
        """``busy_seconds``: how long a write waits for another process's lock (the running
        bot uses 0 and waits in ``begin_nowait`` without blocking)."""
        return cls(open_database(path, busy_seconds), now)

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
            self.rollback()
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise
        self._after_commit()

    def begin_nowait(self) -> bool:
        """Take the write lock now, or return False at once if another process holds it
        (the running bot then waits without blocking anyone). A ``transaction()`` inside
        joins it; ``commit()`` or ``rollback()`` ends it."""
        conn = self.db.conn
        waits = conn.execute("PRAGMA busy_timeout").fetchone()[0]
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                return False
            raise
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(waits)}")
        return True

    def commit(self) -> None:
        try:
            self.db.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise
        self._after_commit()

    def rollback(self) -> None:
        self._erased = self._submitted = False
        if self.db.conn.in_transaction:
            self.db.conn.execute("ROLLBACK")

    def _after_commit(self) -> None:
        """What the commit calls for; it has happened whatever this meets."""
        erased, submitted = self._erased, self._submitted
        self._erased = self._submitted = False
        try:
            if submitted:
                self.housekeeping.submitted()
            elif erased:
                self.housekeeping.erased()
        except sqlite3.Error as error:  # the next erasure or submission tries again
            log.warning("housekeeping after a commit failed: %s", type(error).__name__)

    def erased(self) -> None:
        """Raw text was deleted in this transaction: once it commits, the write-ahead log is
        emptied too (``secure_delete`` has overwritten the text in the file)."""
        self._erased = True

    def submitted(self) -> None:
        """A submission was stored in this transaction: once it commits, the file is rebuilt
        so that the order of rows says nothing about who submitted when."""
        self._erased = self._submitted = True

    def get_meta(self, key: str) -> str | None:
        rows = list(self.db.query("SELECT value FROM meta WHERE key = ?", [key]))
        return rows[0]["value"] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        self.db["meta"].upsert({"key": key, "value": value}, pk="key")

    def close(self) -> None:
        self.db.conn.close()
