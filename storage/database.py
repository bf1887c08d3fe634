"""Opening the database: one place that knows about the file, WAL and migrations."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import sqlite_utils

from storage.migrations import migrate


class StorageError(RuntimeError):
    """The database cannot be opened or written; the message says why in one line."""


def open_database(path: str | Path, busy_seconds: float = 10.0) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path``, in WAL mode, fully migrated."""
    path = Path(path)
    if path.parent and not path.parent.exists():
        raise StorageError(f"the folder {path.parent} for the database does not exist")
    try:
        _create_private(path)
        conn = sqlite3.connect(str(path), timeout=busy_seconds)
        db = sqlite_utils.Database(conn)
        _configure(db)
        db.enable_wal()
        migrate(db)
    except sqlite3.Error as error:
        raise StorageError(f"cannot open database {path}: {error}") from error
    return db


def open_memory() -> sqlite_utils.Database:
    db = sqlite_utils.Database(memory=True)
    _configure(db)
    migrate(db)
    return db


def _configure(db: sqlite_utils.Database) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA secure_delete = ON")  # deleted raw text is overwritten, not left behind
    db.execute("PRAGMA journal_size_limit = 1048576")
    # In WAL mode NORMAL syncs at checkpoints, not at every commit: a power cut (not a crash
    # of the process) can lose the last transactions before it, never corrupt the file.
    db.execute("PRAGMA synchronous = NORMAL")


def _create_private(path: Path) -> None:
    """A new database file readable by its owner only; SQLite gives -wal/-shm the same mode."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    except OSError as error:
        raise StorageError(f"cannot create database {path}: {error.strerror}") from error
    os.close(fd)
