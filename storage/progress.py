"""Progress of a consultation in counts only, never who."""

from __future__ import annotations

import sqlite_utils

ROLES = ("stakeholder", "expert")
QUESTIONS = range(1, 6)


def progress(db: sqlite_utils.Database, consultation_id: str) -> dict:
    """Per role invited / started / submitted; per question submitted and in progress."""
    report: dict = {role: {"invited": 0, "started": 0, "submitted": 0} for role in ROLES}
    for role, max_uses, uses in db.execute(
        "SELECT role, max_uses, uses FROM invites WHERE consultation_id = ?", [consultation_id]
    ):
        report[role]["invited"] += max_uses if max_uses is not None else uses
    for role, count in db.execute(
        "SELECT role, COUNT(*) FROM participants WHERE consultation_id = ? GROUP BY role",
        [consultation_id],
    ):
        report[role]["started"] += count  # still answering
    for role, count in db.execute(
        "SELECT role, COUNT(*) FROM respondents WHERE consultation_id = ? GROUP BY role",
        [consultation_id],
    ):
        report[role]["started"] += count
        report[role]["submitted"] += count
    questions = {n: {"submitted": 0, "in_progress": 0} for n in QUESTIONS}
    for number, count in db.execute(
        "SELECT question, COUNT(*) FROM answers WHERE consultation_id = ? GROUP BY question",
        [consultation_id],
    ):
        questions[number]["submitted"] = count
    for number, count in db.execute(
        "SELECT d.question, COUNT(DISTINCT d.participant_id) FROM drafts d JOIN participants p"
        " ON p.id = d.participant_id WHERE p.consultation_id = ? GROUP BY d.question",
        [consultation_id],
    ):
        questions[number]["in_progress"] = count
    report["questions"] = questions
    return report
