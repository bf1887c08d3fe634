"""Creating, finding, closing and reopening consultations."""

from __future__ import annotations

from datetime import date as Date

from consultation import audit
from consultation.core import Core
from consultation.errors import Refused
from consultation.questions import QuestionSet, default_set, from_record, to_record
from storage.records import Consultation

DEFAULT_PROGRAMME = "Samen tegen mensenhandel"
MAX_TITLE = 200


def create(
    core: Core,
    title: str,
    day: str | None = None,
    programme: str = DEFAULT_PROGRAMME,
    questions: QuestionSet | None = None,
    closes_on: str | None = None,
    actor: str = "",
) -> Consultation:
    """A new, open consultation asking ``questions`` (default: the 2022 set), open for
    answers through ``closes_on`` if given (then it closes by itself)."""
    title = check_title(title)
    day = iso_day(day)
    closing = check_closing(core, closes_on, day)
    record = to_record(questions or default_set())
    with core.store.transaction():
        consultation = core.store.consultations.create(
            title, programme.strip() or DEFAULT_PROGRAMME, day, record, closing
        )
        _audit(core, actor, "create", consultation.id, questions=len(record.get("questions", [])))
    return consultation


def check_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise Refused("error.title.empty")
    if len(title) > MAX_TITLE:
        raise Refused("error.title.long", limit=MAX_TITLE)
    return title


def check_closing(core: Core, value: str | None, day: str) -> str | None:
    """A closing day: a date, not before the consultation's date nor before today."""
    if value is None or not value.strip():
        return None
    closing = iso_day(value)
    today = core.store.now().date().isoformat()
    if closing < max(day, today):
        raise Refused("error.closing.early", value=closing, earliest=max(day, today))
    return closing


def copy_questions(core: Core, consultation_id: str) -> QuestionSet:
    """The question set an earlier consultation asked, to ask it again."""
    return questions_of(find(core, consultation_id))


def iso_day(value: str | None) -> str:
    if value is None:
        return Date.today().isoformat()
    try:
        return Date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise Refused("error.date", value=value) from None


def find(core: Core, consultation_id: str) -> Consultation:
    consultation = core.store.consultations.get((consultation_id or "").strip())
    if consultation is None:
        raise Refused("error.consultation.unknown", id=consultation_id or "?")
    return consultation


def listing(core: Core) -> list[Consultation]:
    return core.store.consultations.all()


def questions_of(consultation: Consultation) -> QuestionSet:
    return from_record(consultation.questions)


def is_open(consultation: Consultation) -> bool:
    return consultation.status == "open"


def close(core: Core, consultation_id: str, actor: str = "") -> Consultation:
    """No new participants and no new answers; what was submitted stays, and what was not is
    erased with the retention period like any abandoned answer. No reminder goes any more:
    the addresses kept for them are erased now."""
    with core.store.transaction():
        consultation = find(core, consultation_id)
        if consultation.status == "closed":
            raise Refused("error.consultation.already_closed", title=consultation.title)
        core.store.consultations.set_status(consultation.id, "closed")
        core.store.participants.forget_reach(consultation.id)
        _audit(core, actor, "close", consultation.id)
        core.store.erased()
    return find(core, consultation.id)


def reopen(core: Core, consultation_id: str, actor: str = "") -> Consultation:
    """Open again; a closing day already past is dropped (it would close it at once)."""
    with core.store.transaction():
        consultation = find(core, consultation_id)
        if consultation.status == "open":
            raise Refused("error.consultation.already_open", title=consultation.title)
        core.store.consultations.set_status(consultation.id, "open")
        today = core.store.now().date().isoformat()
        if consultation.closes_on and consultation.closes_on < today:
            core.store.consultations.update(consultation.id, closes_on=None)
        _audit(core, actor, "reopen", consultation.id)
    return find(core, consultation.id)


def close_due(core: Core) -> list[Consultation]:
    """Close the consultations whose closing day has passed; return them."""
    today = core.store.now().date().isoformat()
    return [close(core, c.id, "closing-date") for c in core.store.consultations.past_closing(today)]


def _audit(core: Core, actor: str, action: str, consultation_id: str, **detail) -> None:
    if actor:
        audit.record(core, actor, action, consultation_id, **detail)
