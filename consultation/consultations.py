"""Creating, finding, closing and reopening consultations."""

from __future__ import annotations

from datetime import date as Date

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
) -> Consultation:
    """A new, open consultation asking ``questions`` (default: the 2022 set)."""
    title = " ".join(title.split())
    if not title:
        raise Refused("error.title.empty")
    if len(title) > MAX_TITLE:
        raise Refused("error.title.long", limit=MAX_TITLE)
    record = to_record(questions or default_set())
    with core.store.transaction():
        return core.store.consultations.create(
            title, programme.strip() or DEFAULT_PROGRAMME, iso_day(day), record
        )


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


def close(core: Core, consultation_id: str) -> Consultation:
    """No new participants and no new answers; what was submitted stays, and what was not is
    erased with the retention period like any abandoned answer."""
    return _set_status(core, consultation_id, "closed")


def reopen(core: Core, consultation_id: str) -> Consultation:
    return _set_status(core, consultation_id, "open")


def _set_status(core: Core, consultation_id: str, status: str) -> Consultation:
    with core.store.transaction():
        consultation = find(core, consultation_id)
        core.store.consultations.set_status(consultation.id, status)
    return find(core, consultation.id)
