"""Submitted, anonymised answers; respondents; the organisations list for the annex."""

from __future__ import annotations

import json
import secrets
import uuid

import sqlite_utils

from storage.clock import Clock
from storage.records import Participant, StoredAnswer, SubmittedAnswer


def _random_id(db: sqlite_utils.Database, table: str) -> int:
    """A random row id: the order of rows says nothing about when they were written."""
    while True:
        candidate = secrets.randbelow(2**53 - 1) + 1
        if not db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [candidate]).fetchone():
            return candidate


class Answers:
    def __init__(self, db: sqlite_utils.Database, now: Clock) -> None:
        self._db = db
        self._now = now

    def submit(
        self,
        participant: Participant,
        answers: list[SubmittedAnswer],
        *,
        withdraw_hash: str,
        mark: str,
        organisation_hash: str | None = None,
    ) -> str:
        """Store the anonymised answers and return the respondent id; forget the participant.

        Nothing points from the account to the answers: the participant row and its drafts
        go, ``mark`` (a keyed hash of account and consultation) only says "submitted", and
        ``withdraw_hash`` (reproducible by the participant, or of a code they keep) finds the
        answers again for withdrawal. Ids are random and nothing is stamped with a time, so
        neither order nor time joins rows of one submission to anything else.
        """
        respondent_id = uuid.uuid4().hex
        db = self._db
        with db.atomic():
            if not answers:  # everything skipped: nothing to quote, nobody to count or list
                self._forget_participant(participant.id)
                db.execute("INSERT OR IGNORE INTO submissions (mark) VALUES (?)", [mark])
                return ""
            db.execute(
                "INSERT INTO respondents (id, consultation_id, role, withdraw_hash)"
                " VALUES (?, ?, ?, ?)",
                [respondent_id, participant.consultation_id, participant.role, withdraw_hash],
            )
            for answer in answers:
                db.execute(
                    "INSERT INTO answers (id, respondent_id, consultation_id, role, question,"
                    " text, spans, lang) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        _random_id(db, "answers"),
                        respondent_id,
                        participant.consultation_id,
                        participant.role,
                        answer.question,
                        answer.text,
                        json.dumps(answer.spans),
                        answer.lang,
                    ],
                )
            if participant.organisation:
                db.execute(
                    "INSERT INTO organisations (id, consultation_id, name, sector, forget_hash)"
                    " VALUES (?, ?, ?, ?, ?)",
                    [
                        _random_id(db, "organisations"),
                        participant.consultation_id,
                        participant.organisation,
                        participant.sector,
                        organisation_hash,
                    ],
                )
            self._forget_participant(participant.id)
            db.execute("INSERT OR IGNORE INTO submissions (mark) VALUES (?)", [mark])
        return respondent_id

    def _forget_participant(self, participant_id: int) -> None:
        for table in ("drafts", "skips"):
            self._db.execute(f"DELETE FROM {table} WHERE participant_id = ?", [participant_id])
        self._db.execute("DELETE FROM participants WHERE id = ?", [participant_id])

    def submitted(self, mark: str) -> bool:
        return bool(self._db.execute("SELECT 1 FROM submissions WHERE mark = ?", [mark]).fetchone())

    def forget_submission(self, mark: str) -> int:
        with self._db.atomic():
            return self._db.execute("DELETE FROM submissions WHERE mark = ?", [mark]).rowcount

    def for_consultation(self, consultation_id: str) -> list[StoredAnswer]:
        rows = self._db["answers"].rows_where(
            "consultation_id = ?", [consultation_id], order_by="id"
        )
        return [StoredAnswer(**{**r, "spans": json.loads(r["spans"] or "[]")}) for r in rows]

    def organisations(self, consultation_id: str) -> list[tuple[str, str | None]]:
        return [
            (r["name"], r["sector"])
            for r in self._db["organisations"].rows_where("consultation_id = ?", [consultation_id])
        ]

    def respondent_by_withdraw(self, withdraw_hash: str) -> str | None:
        rows = list(self._db["respondents"].rows_where("withdraw_hash = ?", [withdraw_hash]))
        return rows[0]["id"] if rows else None

    def erase_respondent(self, respondent_id: str) -> int:
        """Remove a respondent and their answers; return how many answers went."""
        with self._db.atomic():
            self._db.execute(
                "DELETE FROM statements WHERE answer_id IN"
                " (SELECT id FROM answers WHERE respondent_id = ?)",
                [respondent_id],
            )
            count = self._db.execute(
                "DELETE FROM answers WHERE respondent_id = ?", [respondent_id]
            ).rowcount
            self._db.execute("DELETE FROM respondents WHERE id = ?", [respondent_id])
        return count

    def erase_organisation(self, organisation_hash: str) -> int:
        with self._db.atomic():
            return self._db.execute(
                "DELETE FROM organisations WHERE forget_hash = ?", [organisation_hash]
            ).rowcount

    def respondents(self, consultation_id: str) -> dict[str, int]:
        counts = {"stakeholder": 0, "expert": 0}
        for row in self._db.execute(
            "SELECT role, COUNT(*) FROM respondents WHERE consultation_id = ? GROUP BY role",
            [consultation_id],
        ):
            counts[row[0]] = row[1]
        return counts

    # an expert's withdrawal code until it has been shown ---------------------------------

    def hold_code(self, user_key: str, code: str) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO codes_to_deliver (user_key, code) VALUES (?, ?)",
            [user_key, code],
        )

    def held_code(self, user_key: str) -> str | None:
        row = self._db.execute(
            "SELECT code FROM codes_to_deliver WHERE user_key = ?", [user_key]
        ).fetchone()
        return row[0] if row else None

    def release_code(self, user_key: str) -> bool:
        return bool(
            self._db.execute("DELETE FROM codes_to_deliver WHERE user_key = ?", [user_key]).rowcount
        )
