"""What must follow some commits, so the file keeps no more than the rows say.

- After raw text was erased (a submission's drafts, /forget, the retention purge): the
  write-ahead log is emptied (``wal_checkpoint(TRUNCATE)``), because its older frames still
  hold the deleted text. ``secure_delete`` has already overwritten it in the database file.
- After a submission: the database is rebuilt (``VACUUM``), so that where rows stand in the
  file says nothing about the order they were written in (ids are random; the rebuilt pages
  are in id order), and then the log is emptied again.

``Immediate`` does this at once on the connection that committed (the command line, tests);
the running bot uses ``Deferred``, which does it on a connection of its own in a worker
thread, retrying until readers let go, without ever blocking a conversation.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from pathlib import Path

log = logging.getLogger("rondetafel.housekeeping")
RETRY_SECONDS = 0.05


def truncate_log(conn: sqlite3.Connection) -> bool:
    """Empty the write-ahead log; False while a reader still needs older frames."""
    busy, log_frames, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return busy == 0 and log_frames in (0, -1)


def relayout(conn: sqlite3.Connection) -> None:
    conn.execute("VACUUM")


class Immediate:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def erased(self) -> None:
        truncate_log(self._conn)

    def submitted(self) -> None:
        relayout(self._conn)
        truncate_log(self._conn)


class Deferred:
    """Runs the work in a thread on its own connection; ``done`` tells when none is pending.

    ``last_seconds``: how long the last round took from the commit to an empty log (the bound
    on how long raw text can outlive its erasure on disk while readers come and go)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._erased = self._submitted = False
        self._since: float | None = None
        self._wake = asyncio.Event()
        self.idle = asyncio.Event()
        self.idle.set()
        self.last_seconds = 0.0

    def erased(self) -> None:
        self._erased = True
        self._pending()

    def submitted(self) -> None:
        self._submitted = True
        self._pending()

    def _pending(self) -> None:
        if self._since is None:
            self._since = time.monotonic()
        self.idle.clear()
        self._wake.set()

    async def run(self) -> None:
        """The loop; cancel it to stop (pending work is finished first by ``flush``)."""
        while True:
            await self._wake.wait()
            self._wake.clear()
            await self.flush()

    async def flush(self) -> None:
        while self._erased or self._submitted:
            relay, self._submitted, self._erased = self._submitted, False, False
            try:
                while True:
                    done, relay = await asyncio.to_thread(self._work, relay)
                    if done:
                        break
                    await asyncio.sleep(RETRY_SECONDS)  # a reader holds older frames
            except sqlite3.Error as error:  # try again with the next commit
                log.warning("housekeeping failed: %s", type(error).__name__)
                self._erased = self._submitted = False
        if self._since is not None:
            self.last_seconds = time.monotonic() - self._since
            self._since = None
        self.idle.set()

    def _work(self, relay: bool) -> tuple[bool, bool]:
        """(done, relayout still to do)."""
        conn = sqlite3.connect(str(self._path), timeout=0, isolation_level=None)
        try:
            conn.execute("PRAGMA secure_delete = ON")
            if relay:
                try:
                    relayout(conn)
                except sqlite3.OperationalError:  # busy: the caller tries again
                    return False, True
            return truncate_log(conn), False
        finally:
            conn.close()
