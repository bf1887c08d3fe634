"""Participants in progress: who (as a keyed hash) is where, and their unsubmitted drafts.

Drafts hold raw text only until submission or the retention period, whichever comes first.
"""

from __future__ import annotations

import sqlite_utils

from storage.clock import Clock, stamp
from storage.records import Draft, Participant


class Participants:
    def __init__(self, db: sqlite_utils.Database, now: Clock) -> None:
        self._db = db
        self._now = now

    def create(
        self, consultation_id: str, role: str, user_key: str, lang: str | None
    ) -> Participant:
        moment = stamp(self._now())
        pid = (
            self._db["participants"]
            .insert(
                {
                    "consultation_id": consultation_id,
                    "role": role,
                    "user_key": user_key,
                    "lang": lang,
                    "started_at": moment,
                    "updated_at": moment,
                }
            )
            .last_pk
        )
        return self.get(pid)

    def get(self, participant_id: int) -> Participant | None:
        rows = list(self._db.query("SELECT * FROM participants WHERE id = ?", [participant_id]))
        return Participant(**rows[0]) if rows else None

    def find(self, user_key: str, consultation_id: str) -> Participant | None:
        rows = list(
            self._db.query(
                "SELECT * FROM participants WHERE user_key = ? AND consultation_id = ?",
                [user_key, consultation_id],
            )
        )
        return Participant(**rows[0]) if rows else None

    def of_user(self, user_key: str) -> list[Participant]:
        return [
            Participant(**r)
            for r in self._db["participants"].rows_where("user_key = ?", [user_key])
        ]

    # the one reminder ------------------------------------------------------------------------

    def set_reach(self, participant_id: int, reach: str | None) -> None:
        """Keep (or with None erase) the sealed chat address; not a sign of activity."""
        self._set(participant_id, {"reach": reach})

    def set_remind(self, participant_id: int, remind: int) -> None:
        fields = {"remind": remind} if remind else {"remind": 0, "reach": None}
        self._set(participant_id, fields)

    def reminded(self, participant_id: int) -> None:
        """The reminder went: never another, and the address is no longer needed."""
        self._set(participant_id, {"reminded": 1, "reach": None})

    def forget_reach(self, consultation_id: str) -> int:
        """Erase every kept address of a consultation (it closed)."""
        with self._db.atomic():
            return self._db.execute(
                "UPDATE participants SET reach = NULL WHERE consultation_id = ?"
                " AND reach IS NOT NULL",
                [consultation_id],
            ).rowcount

    def paused(self, consultation_id: str, before: str) -> list[Participant]:
        """Participants with a kept address, silent since ``before``, not reminded yet."""
        return [
            Participant(**r)
            for r in self._db["participants"].rows_where(
                "consultation_id = ? AND reach IS NOT NULL AND reminded = 0 AND updated_at < ?",
                [consultation_id, before],
            )
        ]

    def reminder_counts(self, consultation_id: str) -> tuple[int, int]:
        """(participants who may still get a reminder, participants who got one)."""
        row = self._db.execute(
            "SELECT SUM(reach IS NOT NULL AND reminded = 0), SUM(reminded = 1)"
            " FROM participants WHERE consultation_id = ?",
            [consultation_id],
        ).fetchone()
        return int(row[0] or 0), int(row[1] or 0)

    def update(self, participant_id: int, **fields) -> None:
        fields["updated_at"] = stamp(self._now())
        self._set(participant_id, fields)

    def _set(self, participant_id: int, fields: dict) -> None:
        assignments = ", ".join(f"{name} = ?" for name in fields)  # names are ours, not input
        self._db.execute(
            f"UPDATE participants SET {assignments} WHERE id = ?",
            [*fields.values(), participant_id],
        )

    def touch(self, participant_id: int) -> None:
        self.update(participant_id)

    def delete(self, participant_id: int) -> None:
        with self._db.atomic():
            for table in ("drafts", "skips"):
                self._db.execute(f"DELETE FROM {table} WHERE participant_id = ?", [participant_id])
            self._db.execute("DELETE FROM participants WHERE id = ?", [participant_id])

    # drafts ---------------------------------------------------------------------------------

    def add_draft(
        self, participant_id: int, question: int, message_ref: str | None, text: str
    ) -> None:
        """Add a message to an answer; a message delivered twice is kept once."""
        if message_ref is not None and self._draft_row(participant_id, message_ref):
            return
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO drafts (participant_id, question, message_ref, text, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                [participant_id, question, message_ref, text, stamp(self._now())],
            )
            self._db.execute(
                "DELETE FROM skips WHERE participant_id = ? AND question = ?",
                [participant_id, question],
            )
        self.touch(participant_id)

    def edit_draft(self, participant_id: int, message_ref: str, text: str) -> int | None:
        """Replace the text of the draft sent as ``message_ref``; return its question, if any."""
        row = self._draft_row(participant_id, message_ref)
        if row is None:
            return None
        self._db.execute("UPDATE drafts SET text = ? WHERE id = ?", [text, row["id"]])
        self.touch(participant_id)
        return row["question"]

    def draft_sent_as(self, participant_id: int, message_ref: str) -> Draft | None:
        """The part of an answer that the participant sent as message ``message_ref``."""
        row = self._draft_row(participant_id, message_ref)
        return None if row is None else Draft(row["question"], row["message_ref"], row["text"])

    def _draft_row(self, participant_id: int, message_ref: str) -> dict | None:
        rows = self._db.query(
            "SELECT * FROM drafts WHERE participant_id = ? AND message_ref = ? LIMIT 1",
            [participant_id, message_ref],
        )
        return next(iter(rows), None)

    def drafts(self, participant_id: int, question: int) -> list[Draft]:
        return [
            Draft(question=r["question"], message_ref=r["message_ref"], text=r["text"])
            for r in self._db.query(
                "SELECT question, message_ref, text FROM drafts"
                " WHERE participant_id = ? AND question = ? ORDER BY id",
                [participant_id, question],
            )
        ]

    def clear_drafts(self, participant_id: int, question: int) -> None:
        with self._db.atomic():
            self._db.execute(
                "DELETE FROM drafts WHERE participant_id = ? AND question = ?",
                [participant_id, question],
            )
        self.touch(participant_id)

    def set_skipped(self, participant_id: int, question: int) -> None:
        with self._db.atomic():
            self._db.execute(
                "DELETE FROM drafts WHERE participant_id = ? AND question = ?",
                [participant_id, question],
            )
            self._db.execute(
                "INSERT OR IGNORE INTO skips (participant_id, question) VALUES (?, ?)",
                [participant_id, question],
            )
        self.touch(participant_id)

    def skipped(self, participant_id: int) -> set[int]:
        return {
            r["question"]
            for r in self._db.query(
                "SELECT question FROM skips WHERE participant_id = ?", [participant_id]
            )
        }

    def stale(self, before: str) -> list[Participant]:
        """Unsubmitted participants not heard from since ``before`` (an ISO stamp)."""
        return [
            Participant(**r)
            for r in self._db["participants"].rows_where("updated_at < ?", [before])
        ]
