"""The database file: WAL, migrations that run once and keep what was there."""

from __future__ import annotations

import sqlite3

import pytest

from storage.database import StorageError, open_database
from storage.migrations import MIGRATIONS, migrate
from storage.store import Store


def test_new_database_is_migrated_and_in_wal_mode(tmp_path):
    db = open_database(tmp_path / "r.db")
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {"consultations", "answers", "statements", "meta"} <= set(db.table_names())


def test_reopening_runs_nothing_again_and_keeps_data(tmp_path):
    store = Store.open(tmp_path / "r.db")
    consultation = store.consultations.create("T", "P", "2026-01-01", {1: {"nl": "v"}})
    store.close()
    db = open_database(tmp_path / "r.db")
    assert migrate(db) == 0
    assert Store(db).consultations.get(consultation.id).title == "T"


def test_an_older_database_is_brought_up_to_date(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    import sqlite_utils

    old = sqlite_utils.Database(conn)
    MIGRATIONS[0](old)
    old.execute("PRAGMA user_version = 1")
    old["consultations"].insert(
        {
            "id": "abc",
            "title": "Oud",
            "programme": "P",
            "date": "2022-10-05",
            "questions": "{}",
            "status": "open",
            "created_at": "2022-10-01T00:00:00+00:00",
        }
    )
    conn.commit()
    conn.close()
    store = Store.open(path)
    assert store.consultations.get("abc").title == "Oud"
    assert store.consultations.codebook("abc") is None  # column added by a later migration
    assert [m.number for m in store.consultations.meetings("abc")] == [1]  # its round table
    assert store.consultations.get("abc").closes_on is None


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StorageError, match="does not exist"):
        open_database(tmp_path / "nope" / "r.db")
