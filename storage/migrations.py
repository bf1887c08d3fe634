"""Ordered schema migrations; ``PRAGMA user_version`` records how many have run."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import sqlite_utils


def _initial(db: sqlite_utils.Database) -> None:
    db["consultations"].create(
        {
            "id": str,
            "title": str,
            "programme": str,
            "date": str,
            "questions": str,  # JSON: {"1": {"nl": "...", "en": "..."}, ...}
            "status": str,  # open | closed
            "created_at": str,
        },
        pk="id",
    )
    db["invites"].create(
        {
            "token_hash": str,
            "consultation_id": str,
            "role": str,  # stakeholder | expert
            "max_uses": int,  # null: unlimited
            "uses": int,
            "expires_at": str,
            "created_at": str,
        },
        pk="token_hash",
        foreign_keys=[("consultation_id", "consultations", "id")],
        not_null={"consultation_id", "role", "uses"},
        defaults={"uses": 0},
    )
    db["participants"].create(
        {
            "id": int,
            "consultation_id": str,
            "role": str,
            "user_key": str,  # keyed hash of the Telegram id; never the id itself
            "lang": str,
            "organisation": str,
            "sector": str,
            "status": str,  # active | submitted
            "started_at": str,
            "updated_at": str,
            "submitted_at": str,
        },
        pk="id",
        foreign_keys=[("consultation_id", "consultations", "id")],
    )
    db["participants"].create_index(["user_key", "consultation_id"], unique=True)
    db["drafts"].create(
        {
            "id": int,
            "participant_id": int,
            "question": int,
            "message_id": int,
            "text": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("participant_id", "participants", "id")],
    )
    db["drafts"].create_index(["participant_id", "question"])
    db["skips"].create(
        {"participant_id": int, "question": int},
        pk=("participant_id", "question"),
        foreign_keys=[("participant_id", "participants", "id")],
    )
    db["respondents"].create(
        {
            "id": str,
            "consultation_id": str,
            "role": str,
            "withdraw_hash": str,
            "submitted_at": str,
        },
        pk="id",
        foreign_keys=[("consultation_id", "consultations", "id")],
    )
    db["answers"].create(
        {
            "id": int,
            "respondent_id": str,
            "consultation_id": str,
            "role": str,
            "question": int,
            "text": str,  # anonymised
            "spans": str,  # JSON [{"start","end","label"}] of placeholders; never the removed value
            "lang": str,
            "submitted_at": str,
        },
        pk="id",
        foreign_keys=[
            ("respondent_id", "respondents", "id"),
            ("consultation_id", "consultations", "id"),
        ],
    )
    db["answers"].create_index(["consultation_id", "question"])
    db["organisations"].create(
        {
            "id": int,
            "consultation_id": str,
            "name": str,
            "sector": str,
            "forget_hash": str,  # keyed hash, unrelated to the respondent's: no link to answers
        },
        pk="id",
        foreign_keys=[("consultation_id", "consultations", "id")],
    )
    db["sessions"].create(
        {
            "user_key": str,
            "data": str,  # JSON of dialogs.session.Session
            "updated_at": str,
        },
        pk="user_key",
    )
    db["chat_messages"].create(
        {"user_key": str, "message_id": int, "at": str},
        pk=("user_key", "message_id"),
    )


def _meta(db: sqlite_utils.Database) -> None:
    # small facts about the installation, e.g. the bot's username for invite links
    db["meta"].create({"key": str, "value": str}, pk="key")


def _statements(db: sqlite_utils.Database) -> None:
    # statements cut from submitted answers, their cluster and the facilitator's review
    db["statements"].create(
        {
            "id": str,  # "a12-s3": answer 12, statement 3
            "consultation_id": str,
            "answer_id": int,
            "question": int,
            "start": int,  # offsets in the anonymised answer: the quote is literal
            "end": int,
            "text": str,  # the statement as quoted: must stay a substring of the answer
            "cluster": str,  # chosen cluster number ("" for question 5)
            "suggestions": str,  # JSON: top-3 cluster numbers, best first
            "scores": str,  # JSON: their scores
            "fits": int,  # 0: no cluster fitted well; proposed cluster
            "highlight": int,  # a pull quote
            "include": int,  # 0: left out (e.g. a duplicate)
            "decided_by": str,  # auto | facilitator
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("answer_id", "answers", "id"), ("consultation_id", "consultations", "id")],
        defaults={"highlight": 0, "include": 1, "fits": 1, "decided_by": "auto"},
    )
    db["statements"].create_index(["consultation_id", "question"])
    db["consultations"].add_column("codebook", str)  # YAML of the consultation's own codebook


def _unlinkable(db: sqlite_utils.Database) -> None:
    """Nothing may tie submitted answers to an account by order or time.

    Respondents become a WITHOUT ROWID table (no insertion order in a hidden rowid);
    submissions are only a keyed mark per account and consultation (no time, no role);
    stamps on submitted data keep the day only.
    """
    for statement in (
        "CREATE TABLE respondents_unordered (id TEXT PRIMARY KEY,"
        " consultation_id TEXT REFERENCES consultations(id), role TEXT, withdraw_hash TEXT,"
        " submitted_at TEXT) WITHOUT ROWID",
        "INSERT INTO respondents_unordered SELECT id, consultation_id, role, withdraw_hash,"
        " substr(submitted_at, 1, 10) FROM respondents",
        "DROP TABLE respondents",
        "ALTER TABLE respondents_unordered RENAME TO respondents",
        "CREATE INDEX idx_respondents_withdraw_hash ON respondents (withdraw_hash)",
        "UPDATE answers SET submitted_at = substr(submitted_at, 1, 10)",
        "CREATE TABLE submissions (mark TEXT PRIMARY KEY) WITHOUT ROWID",
    ):
        db.execute(statement)


def _opaque_refs_and_no_dead_columns(db: sqlite_utils.Database) -> None:
    """A draft remembers the channel's reference of the message it came from as opaque text;
    columns nothing reads go, and so do the days of submission (they could join answers to
    the day an account was active)."""
    db["drafts"].transform(rename={"message_id": "message_ref"}, types={"message_id": str})
    db["chat_messages"].transform(rename={"message_id": "ref"}, types={"message_id": str})
    db["participants"].transform(drop={"status", "submitted_at"})
    db["answers"].transform(drop={"submitted_at"})
    db.execute(
        "CREATE TABLE respondents_now (id TEXT PRIMARY KEY,"
        " consultation_id TEXT REFERENCES consultations(id), role TEXT, withdraw_hash TEXT)"
        " WITHOUT ROWID"
    )
    db.execute(
        "INSERT INTO respondents_now SELECT id, consultation_id, role, withdraw_hash"
        " FROM respondents"
    )
    db.execute("DROP TABLE respondents")
    db.execute("ALTER TABLE respondents_now RENAME TO respondents")
    db.execute("CREATE INDEX idx_respondents_withdraw_hash ON respondents (withdraw_hash)")


def _handled_updates(db: sqlite_utils.Database) -> None:
    """Which channel updates have been handled, so a replayed update changes nothing."""
    db.execute(
        "CREATE TABLE handled_updates (channel TEXT NOT NULL, update_id INTEGER NOT NULL,"
        " at TEXT NOT NULL, PRIMARY KEY (channel, update_id)) WITHOUT ROWID"
    )


def _codes_to_deliver(db: sqlite_utils.Database) -> None:
    """An expert's withdrawal code, kept only until the message that shows it has reached
    them (then only its keyed hash remains, with the answers)."""
    db.execute(
        "CREATE TABLE codes_to_deliver (user_key TEXT PRIMARY KEY, code TEXT NOT NULL)"
        " WITHOUT ROWID"
    )


def _facilitation(db: sqlite_utils.Database) -> None:
    """Running a round from the chat: closing dates, sessions (the round table and catch-up
    meetings, each with its own invite links), facilitators per consultation, an audit log of
    what facilitators did, and the one reminder a paused participant may get.

    A participant's ``reach`` is the chat's address, sealed with the key, kept only while a
    reminder may still be sent; it goes with the participant row at submission.
    """
    db["consultations"].add_column("closes_on", str)  # YYYY-MM-DD; none: until closed
    db["consultations"].add_column("remind_after_hours", int)  # none: the default; 0: off
    db["invites"].add_column("meeting", int, not_null_default=1)
    db["meetings"].create(
        {"consultation_id": str, "number": int, "date": str, "created_at": str},
        pk=("consultation_id", "number"),
        foreign_keys=[("consultation_id", "consultations", "id")],
    )
    db.execute(
        "INSERT INTO meetings (consultation_id, number, date, created_at)"
        " SELECT id, 1, date, created_at FROM consultations"
    )
    db["facilitators"].create(
        {"consultation_id": str, "user_key": str, "added_at": str},
        pk=("consultation_id", "user_key"),
        foreign_keys=[("consultation_id", "consultations", "id")],
    )
    db["facilitator_links"].create(
        {"token_hash": str, "consultation_id": str, "expires_at": str},
        pk="token_hash",
        foreign_keys=[("consultation_id", "consultations", "id")],
    )
    db["audit"].create(
        {"id": int, "at": str, "who": str, "consultation_id": str, "action": str, "detail": str},
        pk="id",
    )
    db["participants"].add_column("reach", str)  # sealed chat address; only for a reminder
    db["participants"].add_column("remind", int)  # none: as the role says; 1 asked; 0 no
    db["participants"].add_column("reminded", int, not_null_default=0)


def _review_rounds(db: sqlite_utils.Database) -> None:
    """The work group's rounds: a revision per change of decisions (what changed, which
    cluster numbers moved), and per statement the revision of its last decision, a Dutch
    translation typed in the coding sheet, and whether the work group included it although a
    check held it back (it could point at a person, or it is no quote)."""
    db.execute(
        "CREATE TABLE revisions (consultation_id TEXT NOT NULL REFERENCES consultations(id),"
        " number INTEGER NOT NULL, kind TEXT NOT NULL, changes TEXT NOT NULL,"
        " renumbered TEXT NOT NULL, source TEXT NOT NULL, day TEXT NOT NULL,"
        " PRIMARY KEY (consultation_id, number))"
        " WITHOUT ROWID"
    )
    db["statements"].add_column("revision", int, not_null_default=0)
    db["statements"].add_column("translation", str, not_null_default="")
    db["statements"].add_column("released", int, not_null_default=0)


def _quotable_and_vectors(db: sqlite_utils.Database) -> None:
    """A statement may be no quote (a greeting, a thank-you, a one-word reply): kept, shown to
    the facilitator, not quoted. A statement's sentence vector (for assignment) is computed once
    and kept, with the name of the model that made it."""
    db["statements"].add_column("quotable", int, not_null_default=1)
    db["statements"].add_column("vector", bytes)
    db["statements"].add_column("vector_model", str)


def _inbox(db: sqlite_utils.Database) -> None:
    """Updates received and not yet handled, so they can be confirmed to the channel at once
    and still survive a crash; each leaves in the transaction of its own turn."""
    db.execute(
        "CREATE TABLE inbox (channel TEXT NOT NULL, update_id INTEGER NOT NULL,"
        " raw TEXT NOT NULL, PRIMARY KEY (channel, update_id)) WITHOUT ROWID"
    )


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _initial,
    _meta,
    _statements,
    _unlinkable,
    _opaque_refs_and_no_dead_columns,
    _handled_updates,
    _codes_to_deliver,
    _facilitation,
    _review_rounds,
    _quotable_and_vectors,
    _inbox,
]


def migrate(db: sqlite_utils.Database) -> int:
    """Run the migrations this database has not seen yet; return how many ran."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    pending = MIGRATIONS[version:]
    if not pending:
        return 0
    # tables are rebuilt with their references switched off (SQLite's own procedure), each
    # migration whole or not at all, and the references checked before they are on again
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        for number, step in enumerate(pending, start=version + 1):
            with db.atomic():
                step(db)
                db.execute(f"PRAGMA user_version = {number}")
        broken = db.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise sqlite3.IntegrityError(f"{len(broken)} rows refer to rows that are gone")
    finally:
        db.execute("PRAGMA foreign_keys = ON")
    return len(pending)
