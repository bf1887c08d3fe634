"""Opening the database: one place that knows about the file, WAL and migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from storage.migrations import migrate


class StorageError(RuntimeError):
    """The database cannot be opened or written; the message says why in one line."""


def open_database(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path``, in WAL mode, fully migrated."""
    path = Path(path)
    if path.parent and not path.parent.exists():
        raise StorageError(f"the folder {path.parent} for the database does not exist")
    try:
        conn = sqlite3.connect(str(path), timeout=10)
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA foreign_keys = ON")
        db.enable_wal()
        migrate(db)
    except sqlite3.Error as error:
        raise StorageError(f"cannot open database {path}: {error}") from error
    return db


def open_memory() -> sqlite_utils.Database:
    db = sqlite_utils.Database(memory=True)
    db.execute("PRAGMA foreign_keys = ON")
    migrate(db)
    return db
