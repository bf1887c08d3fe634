"""The work group's rounds: a revision number per change of decisions, and per statement what
the work group added to it (the revision of its last decision, a translation, a release).

A coding sheet or codebook file carries the revision it was made from; the log says what
changed since (one line per change) and how cluster numbers moved, so a stale file is never
applied as if nothing had happened. Only the day is kept: a revision is the work group's act,
never a participant's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlite_utils

from storage.clock import Clock


@dataclass(frozen=True)
class Revision:
    number: int
    kind: str  # coding sheet | codebook | numbering
    changes: tuple[str, ...]  # one line each, for people
    renumbered: dict[str, str]  # old cluster number -> new, where numbers moved
    day: str
    source: str = ""  # a fingerprint of the file that made it (the same file is seen again)


@dataclass(frozen=True)
class StatementReview:
    """What the work group added to one statement."""

    revision: int = 0  # revision of the last decision about it (0: never decided)
    translation: str = ""  # a Dutch translation typed in the coding sheet
    released: bool = False  # included although a check held it back


class Revisions:
    def __init__(self, db: sqlite_utils.Database, now: Clock) -> None:
        self._db = db
        self._now = now

    def current(self, consultation_id: str) -> int:
        row = self._db.execute(
            "SELECT MAX(number) FROM revisions WHERE consultation_id = ?", [consultation_id]
        ).fetchone()
        return row[0] or 0

    def add(
        self,
        consultation_id: str,
        kind: str,
        changes: list[str],
        renumbered: dict[str, str] | None = None,
        source: str = "",
    ) -> int:
        """Record a new revision and return its number."""
        number = self.current(consultation_id) + 1
        self._db.execute(
            "INSERT INTO revisions (consultation_id, number, kind, changes, renumbered, source,"
            " day) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                consultation_id,
                number,
                kind,
                json.dumps(changes, ensure_ascii=False),
                json.dumps(renumbered or {}),
                source,
                self._now().date().isoformat(),
            ],
        )
        return number

    def since(self, consultation_id: str, number: int) -> list[Revision]:
        """The revisions after ``number``, oldest first."""
        rows = self._db.execute(
            "SELECT number, kind, changes, renumbered, day, source FROM revisions"
            " WHERE consultation_id = ? AND number > ? ORDER BY number",
            [consultation_id, number],
        ).fetchall()
        return [
            Revision(n, kind, tuple(json.loads(changes)), json.loads(renumbered), day, source)
            for n, kind, changes, renumbered, day, source in rows
        ]

    # per statement -------------------------------------------------------------------------

    def reviews(self, consultation_id: str) -> dict[str, StatementReview]:
        rows = self._db.execute(
            "SELECT id, revision, translation, released FROM statements WHERE consultation_id = ?",
            [consultation_id],
        ).fetchall()
        return {
            sid: StatementReview(revision or 0, translation or "", bool(released))
            for sid, revision, translation, released in rows
        }

    def set_reviews(self, reviews: dict[str, StatementReview]) -> None:
        for statement_id, review in reviews.items():
            self._db.execute(
                "UPDATE statements SET revision = ?, translation = ?, released = ? WHERE id = ?",
                [review.revision, review.translation, int(review.released), statement_id],
            )

    def renumber_statements(self, consultation_id: str, mapping: dict[str, str]) -> None:
        """Cluster numbers moved: each statement's cluster and suggestions follow."""
        if not mapping:
            return
        rows = self._db.execute(
            "SELECT id, cluster, suggestions FROM statements WHERE consultation_id = ?",
            [consultation_id],
        ).fetchall()
        for sid, cluster, suggestions in rows:
            old = json.loads(suggestions or "[]")
            new = [mapping.get(n, n) for n in old]
            moved = mapping.get(cluster or "", cluster)
            if moved != cluster or new != old:
                self._db.execute(
                    "UPDATE statements SET cluster = ?, suggestions = ? WHERE id = ?",
                    [moved, json.dumps(new), sid],
                )
