"""Erased raw text leaves every file, also while another process keeps reading."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time

from storage.housekeeping import Deferred
from storage.store import Store

MARK = "ZEBRA-RAW-TEXT-4711"


def files_hold(path, text: str) -> list[str]:
    found = []
    for suffix in ("", "-wal"):
        f = path.parent / (path.name + suffix)
        if f.exists() and text.encode() in f.read_bytes():
            found.append(f.name)
    return found


def reader(path, stop: threading.Event, hold: float) -> None:
    """A facilitator's export in another process: read snapshots, one after another."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    while not stop.is_set():
        conn.execute("BEGIN")
        conn.execute("SELECT COUNT(*) FROM drafts").fetchone()
        time.sleep(hold)
        conn.execute("COMMIT")
    conn.close()


async def test_raw_text_leaves_the_files_while_a_reader_comes_and_goes(tmp_path):
    path = tmp_path / "raw.db"
    store = Store.open(path, busy_seconds=0)
    housekeeping = Deferred(path)
    store.housekeeping = housekeeping
    worker = asyncio.create_task(housekeeping.run())
    with store.transaction():
        c = store.consultations.create("R", "P", "2026-12-01", {"1": {"nl": "v"}})
        p = store.participants.create(c.id, "expert", "key", "nl")
        for n in range(200):
            store.participants.add_draft(p.id, 1, str(n), f"{MARK} number {n} " + "x" * 200)
    assert files_hold(path, MARK)
    stop = threading.Event()
    thread = threading.Thread(target=reader, args=(path, stop, 0.05))
    thread.start()
    try:
        await asyncio.sleep(0.2)
        with store.transaction():
            store.participants.delete(p.id)
            store.erased()
        await asyncio.wait_for(housekeeping.idle.wait(), 20)
        assert files_hold(path, MARK) == []  # while the bot still runs, the reader reads
    finally:
        stop.set()
        thread.join()
        worker.cancel()
        store.close()
