"""Counts of a consultation's progress, never who: the queries behind the status report."""

from __future__ import annotations

from collections import Counter

import sqlite_utils


class Progress:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def invites(self, consultation_id: str) -> list[tuple[str, int | None, int]]:
        """(role, max uses or None, uses so far) of each invite link."""
        return list(
            self._db.execute(
                "SELECT role, max_uses, uses FROM invites WHERE consultation_id = ?",
                [consultation_id],
            )
        )

    def answering(self, consultation_id: str) -> Counter:
        """Participants still answering, per role."""
        return Counter(
            dict(
                self._db.execute(
                    "SELECT role, COUNT(*) FROM participants WHERE consultation_id = ?"
                    " GROUP BY role",
                    [consultation_id],
                ).fetchall()
            )
        )

    def submitted(self, consultation_id: str) -> Counter:
        """Respondents who submitted, per role."""
        return Counter(
            dict(
                self._db.execute(
                    "SELECT role, COUNT(*) FROM respondents WHERE consultation_id = ?"
                    " GROUP BY role",
                    [consultation_id],
                ).fetchall()
            )
        )

    def answers(self, consultation_id: str) -> Counter:
        """Submitted answers per question number."""
        return Counter(
            dict(
                self._db.execute(
                    "SELECT question, COUNT(*) FROM answers WHERE consultation_id = ?"
                    " GROUP BY question",
                    [consultation_id],
                ).fetchall()
            )
        )

    def drafting(self, consultation_id: str) -> Counter:
        """Participants with unsubmitted text, per question number."""
        return Counter(
            dict(
                self._db.execute(
                    "SELECT d.question, COUNT(DISTINCT d.participant_id) FROM drafts d"
                    " JOIN participants p ON p.id = d.participant_id"
                    " WHERE p.consultation_id = ? GROUP BY d.question",
                    [consultation_id],
                ).fetchall()
            )
        )
