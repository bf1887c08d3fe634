"""Taking part: take up an invite, answer in several messages, see the quotes, submit.

The chat calls these; every rule about answers lives here once: how long an answer may be,
what a skip or an edit does, how an answer will be quoted, and what a submission stores
(only the de-identified text, never a link from the account to it).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from analysis.statements import split_statements
from consultation import invitations
from consultation.consultations import is_open, questions_of
from consultation.core import Core
from consultation.errors import Refused
from storage.invites import token_hash
from storage.records import Consultation, Participant, SubmittedAnswer

MAX_ANSWER_CHARS = 3000
REDACTIONS_KEPT = 4096
MAX_TOKEN_CHARS = 64  # what a deep link can carry
# Invisible characters that only hide or reorder what is shown (control characters, bidi
# embeddings, overrides and isolates, zero-width spaces): never part of an answer. Joiners
# and direction marks that scripts and emoji need stay.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


@cache
def sectors() -> tuple[str, ...]:
    """The sectors a stakeholder may choose (labels are catalog keys ``sector.<code>``)."""
    path = Path(__file__).with_name("sectors.yaml")
    return tuple(yaml.safe_load(path.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class Arrival:
    """What a ``/start`` with an invite token leads to."""

    outcome: str  # no_invite | invalid | closed | already_submitted | resume | new
    consultation: Consultation | None = None
    role: str | None = None
    invite_hash: str | None = None  # for "new": redeemed only on consent
    participant: Participant | None = None  # for "resume"


@dataclass(frozen=True)
class Submission:
    code: str | None  # an experience expert's withdrawal code, shown once
    answered: int  # how many questions had an answer


# arriving ----------------------------------------------------------------------------------


def clean(text: str) -> str:
    """Text as it will be kept: without the invisible characters above, trimmed."""
    return _HIDDEN.sub("", text).strip()


def arrive(core: Core, user_key: str, token: str) -> Arrival:
    if not token.strip():
        return Arrival("no_invite")
    if len(token.strip()) > MAX_TOKEN_CHARS:
        return Arrival("invalid")
    invite = invitations.by_token(core, token)
    if not invitations.usable(core, invite):
        return Arrival("invalid")
    consultation = core.store.consultations.get(invite.consultation_id)
    if consultation is None or not is_open(consultation):
        return Arrival("closed")
    if core.store.answers.submitted(submission_mark(core, user_key, consultation.id)):
        return Arrival("already_submitted")
    existing = core.store.participants.find(user_key, consultation.id)
    if existing is not None:
        return Arrival("resume", consultation, existing.role, participant=existing)
    return Arrival("new", consultation, invite.role, invite_hash=token_hash(token.strip()))


def join(core: Core, user_key: str, invite_hash: str | None, lang: str | None) -> Participant:
    """Consent given: the invite is used once and the participation begins."""
    invite = invitations.by_hash(core, invite_hash)
    if not invitations.usable(core, invite):
        raise Refused("error.invite.used_up")
    consultation = core.store.consultations.get(invite.consultation_id)
    if consultation is None or not is_open(consultation):
        raise Refused("error.consultation.closed")
    existing = core.store.participants.find(user_key, invite.consultation_id)
    if existing is not None:  # the same link pressed twice: one participation
        return existing
    core.store.invites.redeem(invite)
    return core.store.participants.create(invite.consultation_id, invite.role, user_key, lang)


def still_open(core: Core, consultation_id: str | None) -> bool:
    consultation = core.store.consultations.get(consultation_id) if consultation_id else None
    return consultation is not None and is_open(consultation)


def question_count(core: Core, consultation_id: str) -> int:
    return len(questions_of(core.store.consultations.get(consultation_id)))


# about a stakeholder -----------------------------------------------------------------------


def set_sector(core: Core, participant_id: int, sector: str) -> None:
    if sector in sectors():
        core.store.participants.update(participant_id, sector=sector)


def set_language(core: Core, participant_id: int | None, lang: str) -> None:
    if participant_id is not None:
        core.store.participants.update(participant_id, lang=lang)


# answering ---------------------------------------------------------------------------------


def answer_text(core: Core, participant_id: int, question: int) -> str:
    """The answer as one text: its messages in order, each on a line of its own. Not a
    blank line: a message that goes on with the one before it ("Vooral in de logistiek.")
    is quoted with it, as one thought typed in two goes; a message's own blank lines stay
    the writer's cut between statements."""
    drafts = core.store.participants.drafts(participant_id, question)
    return "\n".join(d.text for d in drafts)


def add_text(core: Core, participant_id: int, question: int, ref: str | None, text: str) -> bool:
    """Add one message to an answer; False when there was nothing to add."""
    text = clean(text)
    if not text:
        return False
    length = len(answer_text(core, participant_id, question)) + len(text)
    _fits(length)
    core.store.participants.add_draft(participant_id, question, ref, text)
    return True


def edit(core: Core, participant_id: int | None, ref: str | None, text: str) -> int | None:
    """The participant edited a message they sent: the answer follows. Returns the question
    it belongs to, or None when that message is not part of an answer."""
    drafts = core.store.participants
    edited = drafts.draft_sent_as(participant_id, ref) if participant_id and ref else None
    if edited is None:
        return None
    text = clean(text)
    others = sum(len(d.text) for d in drafts.drafts(participant_id, edited.question))
    _fits(others - len(edited.text) + len(text))
    drafts.edit_draft(participant_id, ref, text)
    return edited.question


def _fits(length: int) -> None:
    if length > MAX_ANSWER_CHARS:
        raise Refused("error.answer.long", limit=MAX_ANSWER_CHARS, length=length)


def clear(core: Core, participant_id: int, question: int) -> None:
    core.store.participants.clear_drafts(participant_id, question)


def skip(core: Core, participant_id: int, question: int) -> bool:
    """Skip a question; refused (False) when text is written: skipping never throws away an
    answer unasked ("start again" does that openly)."""
    if answer_text(core, participant_id, question):
        return False
    core.store.participants.set_skipped(participant_id, question)
    return True


def skipped(core: Core, participant_id: int) -> set[int]:
    return core.store.participants.skipped(participant_id)


def resume_at(core: Core, participant: Participant) -> int:
    """Where someone coming back carries on: the last question they worked on while it
    holds words (an answer in several messages may be half written, and it is shown again),
    otherwise the first question neither answered nor skipped; one past the last (the
    review) when every question is answered or skipped."""
    count = question_count(core, participant.consultation_id)
    done = skipped(core, participant.id)
    written = {n for n in range(1, count + 1) if answer_text(core, participant.id, n)}
    if len(done | written) >= count:
        return count + 1
    last = max(done | written, default=0)
    if last in written:
        return last
    return next(n for n in range(1, count + 1) if n not in done | written)


def preview(core: Core, participant: Participant, question: int) -> list[tuple[str, bool]]:
    """The answer as the bloemlezing would quote it: de-identified, placeholders visible,
    cut into its separate quotes, each with whether it is a quote at all (a greeting or a
    one-word reply is not)."""
    text = answer_text(core, participant.id, question)
    if not text:
        return []
    redacted = _redact(core, participant, text)
    return [(s.text, s.quotable) for s in split_statements(redacted.text)]


def _redact(core: Core, participant: Participant, text: str):
    """De-identified once per version of an answer: the preview, the review and the
    submission reuse it (kept in memory only, a bounded number)."""
    key = (participant.role, participant.lang, hashlib.sha256(text.encode()).digest())
    cache = core.redactions
    if key in cache:
        cache.move_to_end(key)
        return cache[key]
    redacted = core.deidentifier.deidentify(
        text, None, profile=participant.role, hint=participant.lang
    )
    cache[key] = redacted
    if len(cache) > REDACTIONS_KEPT:
        cache.popitem(last=False)
    return redacted


# submitting --------------------------------------------------------------------------------


def submission_mark(core: Core, user_key: str, consultation_id: str) -> str:
    return core.keyring.derive("submitted", user_key, consultation_id)


def submit(core: Core, participant_id: int, user_key: str) -> Submission:
    """Store the de-identified answers and forget the participation, all in one go.

    Nothing points from the account to the answers afterwards: an experience expert gets a
    withdrawal code (its keyed hash finds the answers again); a stakeholder's answers are
    found by a keyed hash of account and consultation, for /forget.
    """
    store = core.store
    participant = store.participants.get(participant_id)
    if participant is None:
        raise Refused("error.submitted.already")
    answers = []
    for number in range(1, question_count(core, participant.consultation_id) + 1):
        text = answer_text(core, participant.id, number)
        if text:
            redacted = _redact(core, participant, text)
            spans = [{"start": s.start, "end": s.end, "label": s.label} for s in redacted.spans]
            answers.append(SubmittedAnswer(number, redacted.text, spans, redacted.lang))
    code = _new_code() if participant.role == "expert" else None
    cid = participant.consultation_id
    withdraw = (
        core.keyring.withdrawal(code) if code else core.keyring.derive("respondent", user_key, cid)
    )
    with store.transaction():
        if code and answers:  # kept until the message showing it has reached them
            store.answers.hold_code(user_key, code)
        store.answers.submit(
            participant,
            answers,
            withdraw_hash=withdraw,
            mark=submission_mark(core, user_key, cid),
            organisation_hash=core.keyring.derive("organisation", user_key, cid),
        )
        store.submitted()  # the drafts' raw text goes from the log; the file is re-laid
    return Submission(code if answers else None, len(answers))


def code_to_show(core: Core, user_key: str) -> str | None:
    """An expert's withdrawal code whose message has not reached them yet (a crash or a
    failed send right after submitting): shown again at their next step."""
    return core.store.answers.held_code(user_key)


def code_shown(core: Core, user_key: str) -> None:
    """The message with the withdrawal code reached the person: from now on only its keyed
    hash is kept, and nothing ties the account to the answers."""
    with core.store.transaction():
        if core.store.answers.release_code(user_key):
            core.store.erased()


def _new_code() -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"
